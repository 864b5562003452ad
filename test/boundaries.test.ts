/**
 * The domain at the edges where a verdict or a flag flips, held to the values worked
 * out by hand in test/boundaries.ts. The same tables hold the sheet formulas to the
 * same values in test/boundaries-libreoffice.test.ts.
 */
import { planCompute, type ComputeReport } from "../src/domain/compute";
import { defaultCatalog } from "../src/domain/catalog";
import { parseTarget } from "../src/domain/target";
import { taskState } from "../src/domain/status";
import { readTable } from "../src/domain/reader";
import type { SheetSnapshot } from "../src/domain/snapshot";
import {
  COMPARATOR_CASES,
  GROUP_ROW_CASES,
  INDICATOR_FIRST_ROW,
  RESULT_SCALE_CASES,
  QUALITATIVE_CASES,
  TARGET_SCALE_CASES,
  TASK_FIRST_ROW,
  TASK_GROUPS,
  indicatorGrid,
  taskGrid,
  type FlagText,
  type Grid,
  type IndicatorCase,
} from "./boundaries";

const catalog = defaultCatalog();

function snapshot(name: string, g: Grid): SheetSnapshot {
  return { name, values: g.values, numberFormats: g.formats };
}

function compute(sheet: SheetSnapshot, asOf: string, dueSoonDays?: number): ComputeReport {
  const plan = planCompute(sheet, { catalog, asOf, ...(dueSoonDays !== undefined ? { dueSoonDays } : {}) });
  if (!plan.ok) throw new Error(plan.message);
  return plan.report;
}

/** The flag as the "Cảnh báo" column writes it, by hand. */
const FLAG_TEXT: Record<string, FlagText> = {
  overdue: "Quá hạn",
  "due-soon": "Sắp đến hạn",
  done: "Hoàn thành",
  "done-late": "Hoàn thành quá hạn",
  "no-date": "",
  recurring: "",
  none: "",
};

// Each case is computed inside its own test, on a sheet of its own: a case fails alone,
// and mutation testing sees which test reaches which line.
describe.each([
  ["comparators at the target, just above and just below", COMPARATOR_CASES],
  ["results at the percent scale's edges (0, 0.5, 1, 1.5, 100, 101)", RESULT_SCALE_CASES],
  ["targets typed as numbers at the percent scale's edges", TARGET_SCALE_CASES],
  ["qualitative targets: only a result that states a verdict is judged", QUALITATIVE_CASES],
] as [string, IndicatorCase[]][])("achievement: %s", (_title, cases) => {
  it.each(cases.map((c) => [c.what, c] as const))("%s", (_what, c) => {
    const [r] = compute(snapshot("Chỉ tiêu", indicatorGrid([c])), "2026-06-15").indicators;
    expect(r.row).toBe(INDICATOR_FIRST_ROW);
    expect({ rate: r.rate, verdict: r.verdict }).toEqual({ rate: c.rate, verdict: c.verdict });
  });
});

describe.each(TASK_GROUPS.map((g) => [`${g.asOf}${g.window !== undefined ? `, window ${g.window}` : ""}`, g] as const))(
  "task flags as of %s",
  (_title, group) => {
    it.each(group.cases.map((c) => [c.what, c] as const))("%s", (_what, c) => {
      const [t] = compute(snapshot("Nhiệm vụ", taskGrid({ ...group, cases: [c] })), group.asOf, group.window).tasks;
      expect(t.row).toBe(TASK_FIRST_ROW);
      expect({ due: t.dueDate, flag: FLAG_TEXT[t.flag] }).toEqual({ due: c.due, flag: c.flag });
    });
  },
);

describe("group rows in the number column and across the row", () => {
  const HEADER = ["STT", "Nội dung chỉ tiêu", "Đơn vị tính", "Kết quả", "Đơn vị chủ trì"];
  it.each(GROUP_ROW_CASES.map((c) => [c.what, c] as const))("%s", (_what, c) => {
    // The cases count their rows from 1; the header sits above them.
    const merges = (c.merges ?? []).map((m) => m.replace(/\d+/g, (n) => String(Number(n) + 1)));
    const r = readTable({ name: "Chỉ tiêu", values: [HEADER, ...c.rows], merges });
    if (!r.ok) throw new Error(r.message);
    const seen = r.table.rows.map((x) => (x.kind === "group" ? `group ${x.number ?? `- ${x.title}`}` : `item ${x.number}`));
    expect(seen).toEqual(c.expected);
  });

  it("reads a group's declared count and title beside 'I.'", () => {
    const r = readTable({ name: "Chỉ tiêu", values: [HEADER, ...GROUP_ROW_CASES[1].rows] });
    expect(r.ok && r.table.rows[0]).toMatchObject({ kind: "group", number: "I", title: "Về phát triển hạ tầng số (02 chỉ tiêu)", declaredCount: 2 });
    expect(r.ok && r.table.rows.slice(1).map((x) => x.group)).toEqual([0, 0]);
  });
});

// The four edges no test reached before (issue 18), each pinned on its own as well.
describe("the edges planted bugs slipped through", () => {
  it("a bare 1 typed as a target in a % indicator is 100%, not 1%", () => {
    const p = parseTarget(1, { percentUnit: true });
    expect(p.ok && p.target).toEqual({ kind: "numeric", comparator: ">=", value: 1, percent: true, bare: true });
  });

  it("a task exactly the window's days away is due soon", () => {
    const due = { kind: "date", due: "2026-06-30", period: "day", yearAssumed: false } as const;
    expect(taskState({ deadline: due, status: "in-progress", completedOn: null, asOf: "2026-06-15", dueSoonDays: 15 })).toMatchObject({ flag: "due-soon", days: 15 });
    expect(taskState({ deadline: due, status: "in-progress", completedOn: null, asOf: "2026-06-14", dueSoonDays: 15 })).toMatchObject({ flag: "none", days: null });
  });

  it("a task completed on its due day is done on time", () => {
    const due = { kind: "date", due: "2026-06-30", period: "quarter", yearAssumed: false } as const;
    expect(taskState({ deadline: due, status: "done", completedOn: "2026-06-30", asOf: "2026-07-15" })).toMatchObject({ flag: "done", days: null });
    expect(taskState({ deadline: due, status: "done", completedOn: "2026-07-01", asOf: "2026-07-15" })).toMatchObject({ flag: "done-late", days: 1 });
  });

  it("'I.' in the number column is a group row", () => {
    const r = readTable({ name: "Chỉ tiêu", values: [["STT", "Nội dung chỉ tiêu", "Đơn vị tính", "Kết quả"], ["I.", "Hạ tầng số", null, null], ["1", "Tỷ lệ phủ sóng 5G", "%", "≥ 60%"]] });
    expect(r.ok && r.table.rows.map((x) => [x.kind, x.number])).toEqual([
      ["group", "I"],
      ["indicator", "1"],
    ]);
  });
});
