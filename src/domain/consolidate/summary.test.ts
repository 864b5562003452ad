/**
 * Consolidation's counting, on entries written by hand: every expected figure below
 * was counted by hand from the rows, not computed by the code under test.
 */
import { defaultCatalog } from "../catalog";
import type { Target } from "../target";
import type { TaskState } from "../status";
import { belowProvince, median, summarizeIndicators, summarizeTasks, type UnitEntries } from "./summary";
import type { Entry, IndicatorEntry, TaskEntry } from "./types";

const catalog = defaultCatalog();
const pct = (comparator: ">=" | "<=" | ">" | "<" | "=", value: number): Target => ({ kind: "numeric", comparator, value, percent: true });
const count = (comparator: ">=" | "<=" | ">" | "<" | "=", value: number): Target => ({ kind: "numeric", comparator, value, percent: false });

describe("belowProvince: a unit's target less demanding than the province's", () => {
  it.each<[string, Target | null, Target | null, boolean]>([
    ["≥ 50% against ≥ 60%", pct(">=", 0.5), pct(">=", 0.6), true],
    ["≥ 60% against ≥ 60% (equal is not below)", pct(">=", 0.6), pct(">=", 0.6), false],
    ["≥ 70% against ≥ 60%", pct(">=", 0.7), pct(">=", 0.6), false],
    ["≥ 59.99999999% against ≥ 60% (the same after rounding)", pct(">=", 0.5999999999), pct(">=", 0.6), false],
    ["≥ 50% against > 60%", pct(">=", 0.5), pct(">", 0.6), true],
    ["≥ 60% against > 60%", pct(">=", 0.6), pct(">", 0.6), false],
    ["≤ 10% against ≤ 5% (where lower is better, higher is below)", pct("<=", 0.1), pct("<=", 0.05), true],
    ["≤ 5% against ≤ 5%", pct("<=", 0.05), pct("<=", 0.05), false],
    ["≤ 3% against ≤ 5%", pct("<=", 0.03), pct("<=", 0.05), false],
    ["≤ 10% against < 5%", pct("<=", 0.1), pct("<", 0.05), true],
    ["= 3 against = 2 (an exact target has no direction)", count("=", 3), count("=", 2), false],
    ["= 1 against = 2", count("=", 1), count("=", 2), false],
    ["a count against a percentage", count(">=", 0.5), pct(">=", 0.6), false],
    ["no own target", null, pct(">=", 0.6), false],
    ["no province target", pct(">=", 0.5), null, false],
    ["a qualitative own target", { kind: "qualitative", text: "Có" }, pct(">=", 0.6), false],
    ["a qualitative province target", pct(">=", 0.5), { kind: "qualitative", text: "Có" }, false],
  ])("%s → %s", (_, own, province, below) => {
    expect(belowProvince(own, province)).toBe(below);
  });
});

describe("median of sorted results", () => {
  it.each<[number[], number | null]>([
    [[], null],
    [[0.4], 0.4],
    [[0.4, 0.8], 0.6],
    [[0.1, 0.5, 0.9], 0.5],
    [[1, 2, 4, 10], 3],
    [[0.1, 0.2], 0.15],
  ])("%j → %s", (xs, m) => {
    expect(median(xs)).toBe(m);
  });
});

function indicator(over: Partial<IndicatorEntry>): Entry {
  const e: IndicatorEntry = {
    key: "HT-01",
    code: "HT-01",
    name: "Tỷ lệ phủ sóng 5G",
    unitText: "%",
    percentUnit: true,
    ownTarget: pct(">=", 0.6),
    target: pct(">=", 0.6),
    targetFrom: "row",
    targetProblem: null,
    targetText: "≥ 60%",
    resultRaw: null,
    result: null,
    resultNotes: [],
    resultProblem: null,
    rate: null,
    verdict: null,
    reporting: false,
    met: false,
    leadText: "Phòng VH-XH",
    leadCodes: [],
    sheet: "Phụ lục I",
    row: 5,
    line: 5,
    resultCell: null,
    ...over,
  };
  return { type: "indicator", ...e };
}

const reported = (result: number, met: boolean, over: Partial<IndicatorEntry> = {}) =>
  indicator({ result, resultRaw: result, reporting: true, met, verdict: met ? "Đạt" : "Chưa đạt", rate: result / 0.6, ...over });

const unit = (key: string, entries: Entry[]): UnitEntries => ({ unit: { key, label: `Xã ${key}`, code: null, file: `${key}.xlsx` }, entries });

describe("summarizeIndicators", () => {
  // Three communes. HT-01 (≥ 60% in the catalog): A 70% met, B 50% not met with its own
  // target ≥ 50% (below the province), C 80% met on its second row (its first has no result).
  // An indicator outside the catalog, in B and C only. A's HT-02 row has no result.
  const units = [
    unit("A", [reported(0.7, true), indicator({ key: "HT-02", code: "HT-02", name: "Băng rộng", ownTarget: pct(">=", 0.7), target: pct(">=", 0.7), row: 6, line: 6 })]),
    unit("B", [
      reported(0.5, false, { ownTarget: pct(">=", 0.5), target: pct(">=", 0.5), verdict: "Đạt", met: true }),
      indicator({ key: "x:so mo hinh", code: null, name: "Số mô hình", unitText: "Mô hình", percentUnit: false, ownTarget: count(">=", 2), target: count(">=", 2), row: 9, line: 9 }),
    ]),
    unit("C", [
      indicator({ key: "HT-01#2", row: 5, line: 5 }),
      reported(0.8, true, { key: "HT-01#12", row: 7, line: 7 }),
      reported(3, true, { key: "x:so mo hinh", code: null, name: "Số mô hình", unitText: "Mô hình", percentUnit: false, ownTarget: count(">=", 2), target: count(">=", 2), row: 9, line: 9 }),
    ]),
  ];
  // Computed inside each test, so that mutation testing's per-test coverage sees the test run it.
  const by = (key: string) => summarizeIndicators(catalog, units).find((s) => s.key === key)!;

  it("lists the catalog's indicators in its order, then those outside it as the units bring them", () => {
    expect(summarizeIndicators(catalog, units).map((s) => s.key)).toEqual(["HT-01", "HT-02", "x:so mo hinh"]);
  });

  it("counts who has the row, who reported, who met their own target; the spread of results", () => {
    const s = by("HT-01");
    expect([s.unitsWithRow, s.unitsReporting, s.unitsMet, s.shareMet]).toEqual([3, 3, 3, 1]);
    expect([s.min, s.median, s.max]).toEqual([0.5, 0.7, 0.8]);
    expect(s.unitsBelowProvince).toBe(1);
    expect(s.perUnit.map((p) => [p.unit, p.result, p.target, p.belowProvince, p.row])).toEqual([
      ["Xã A", 0.7, "≥ 60%", false, 5],
      ["Xã B", 0.5, "≥ 50%", true, 5],
      // C's first row has no result: the row with one counts.
      ["Xã C", 0.8, "≥ 60%", false, 7],
    ]);
    expect([s.indicatorCode, s.name, s.group, s.unitText, s.percent]).toEqual(["HT-01", catalog.indicators[0].name, "HT", "%", true]);
    expect(s.provinceTarget).toEqual(pct(">=", 0.6));
  });

  it("leaves the share and the spread empty when nobody reported", () => {
    const s = by("HT-02");
    expect([s.unitsWithRow, s.unitsReporting, s.unitsMet, s.shareMet, s.min, s.median, s.max]).toEqual([1, 0, 0, null, null, null, null]);
    expect(s.perUnit.map((p) => [p.unit, p.target, p.reporting])).toEqual([["Xã A", "≥ 70%", false]]);
  });

  it("takes the name and unit of a row outside the catalog from the first unit that has it", () => {
    const s = by("x:so mo hinh");
    expect([s.indicatorCode, s.name, s.group, s.unitText, s.percent, s.provinceTarget]).toEqual([null, "Số mô hình", null, "Mô hình", false, null]);
    expect([s.unitsWithRow, s.unitsReporting, s.unitsMet, s.shareMet, s.min, s.median, s.max]).toEqual([2, 1, 1, 1, 3, 3, 3]);
  });

  it("counts a share met to four decimals, and only numbers in the spread", () => {
    const three = [
      unit("A", [reported(0.7, true)]),
      unit("B", [reported(0.5, false)]),
      unit("C", [reported(0.4, false)]),
      unit("D", [indicator({ result: "Đang triển khai", resultRaw: "Đang triển khai", reporting: true, met: false })]),
    ];
    const s = summarizeIndicators(catalog, three)[0];
    expect([s.unitsReporting, s.unitsMet, s.shareMet]).toEqual([4, 1, 0.25]);
    expect([s.min, s.median, s.max]).toEqual([0.4, 0.5, 0.7]);
    const t = summarizeIndicators(catalog, three.slice(0, 3))[0];
    expect(t.shareMet).toBe(0.3333);
  });
});

function task(over: Partial<TaskEntry> & { flag?: TaskState["flag"] }): Entry {
  const { flag = "none", ...rest } = over;
  const state: TaskState = { status: rest.status ?? null, dueDate: "2026-06-30", completedOn: null, flag, days: flag === "overdue" ? 12 : flag === "due-soon" ? 5 : null };
  return {
    type: "task",
    key: "t",
    name: "Nhiệm vụ",
    leadText: "Phòng VH-XH",
    leadCodes: [],
    deadlineText: "Quý II/2026",
    deadline: { kind: "date", due: "2026-06-30", period: "quarter", yearAssumed: false },
    status: null,
    state,
    blankState: state,
    sheet: "Phụ lục II",
    row: 8,
    line: 8,
    ...rest,
  };
}

describe("summarizeTasks", () => {
  it("counts each unit's tasks by state, and lists the overdue ones with where they are", () => {
    const { tasks, overdue } = summarizeTasks([
      unit("A", [
        task({ status: "done" }),
        task({ status: "in-progress", flag: "overdue", name: "Số hóa hồ sơ", row: 12, line: 3 }),
        task({ status: null, flag: "due-soon" }),
        task({ status: "not-started", deadline: { kind: "undated", text: "Theo hướng dẫn" }, deadlineText: "Theo hướng dẫn" }),
        task({ status: "in-progress", deadline: null, deadlineText: "" }),
        task({ status: "done", deadline: { kind: "recurring", every: "ongoing" }, deadlineText: "Thường xuyên" }),
        task({ status: "in-progress" }),
        indicator({}),
      ]),
      unit("B", []),
    ]);
    expect(tasks).toEqual([
      { unitKey: "A", unit: "Xã A", total: 7, done: 2, inProgress: 3, notStarted: 2, overdue: 1, dueSoon: 1, noDate: 2 },
      { unitKey: "B", unit: "Xã B", total: 0, done: 0, inProgress: 0, notStarted: 0, overdue: 0, dueSoon: 0, noDate: 0 },
    ]);
    expect(overdue).toEqual([
      { unitKey: "A", unit: "Xã A", name: "Số hóa hồ sơ", lead: "Phòng VH-XH", deadlineText: "Quý II/2026", due: "2026-06-30", days: 12, sheet: "Phụ lục II", row: 3 },
    ]);
  });
});
