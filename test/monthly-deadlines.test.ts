/**
 * Monthly deadlines ("Trước ngày 20 hằng tháng") in the sheet's own formulas: the due
 * date and the flag follow the completion date (the last time the report was done),
 * as the domain decides (status.ts, dueDateOf and taskState): a month's report done is
 * done, one owed is overdue from the day after its day, and without a completion date
 * nothing is guessed. Workbooks typed through ExcelJS, computed through the file host
 * for six report dates, recalculated by LibreOffice in one run; every due date and flag
 * must equal compute's report and the values worked out by hand below.
 */
import ExcelJS from "exceljs";
import { planCompute, type ComputeReport } from "../src/domain/compute";
import { defaultCatalog } from "../src/domain/catalog";
import { applyEdits, workbookBytes } from "../src/hosts/file/apply";
import { openWorkbook, snapshotWorkbook } from "../src/hosts/file/read";
import { readTable } from "../src/domain/reader";
import { FLAG_LABELS } from "../src/domain/status";
import { convertWithLibreOffice } from "./libreoffice";
import { xlsxValues, type RecalcValue } from "./recalc";
import { a1 } from "../src/domain/address";

jest.setTimeout(120_000);

interface Case {
  asOf: string;
  deadline: string;
  status: string | null;
  /** ISO: a real date; anything else: typed as text. */
  completed: string | null;
  due: string;
  flag: keyof typeof FLAG_LABELS;
  why: string;
}

const MONTHLY = "Trước ngày 20 hằng tháng";
const CASES: Case[] = [
  { asOf: "2026-06-20", deadline: MONTHLY, status: "Đang thực hiện", completed: "2026-05-18", due: "2026-06-20", flag: "due-soon", why: "on the due day, last done in May" },
  { asOf: "2026-06-21", deadline: MONTHLY, status: "Đang thực hiện", completed: "2026-05-18", due: "2026-06-20", flag: "overdue", why: "the day after" },
  { asOf: "2026-06-21", deadline: MONTHLY, status: "Hoàn thành", completed: "2026-05-18", due: "2026-06-20", flag: "overdue", why: "the day after, 'Hoàn thành' is May's" },
  { asOf: "2026-06-21", deadline: MONTHLY, status: "Hoàn thành", completed: "20/06/2026", due: "2026-07-20", flag: "done", why: "done on the due day (typed as text)" },
  { asOf: "2026-06-21", deadline: MONTHLY, status: "Đang thực hiện", completed: "2026-06-20", due: "2026-07-20", flag: "none", why: "done on the due day, still ongoing" },
  { asOf: "2026-06-21", deadline: MONTHLY, status: "Đang thực hiện", completed: null, due: "2026-07-20", flag: "none", why: "no completion date: no guess" },
  { asOf: "2026-06-10", deadline: MONTHLY, status: "Đang thực hiện", completed: "ngày 25 tháng 5 năm 2026", due: "2026-06-20", flag: "due-soon", why: "done last month (in words)" },
  { asOf: "2026-06-10", deadline: MONTHLY, status: "Đang thực hiện", completed: "2026-04-15", due: "2026-05-20", flag: "overdue", why: "May's report missed" },
  { asOf: "2027-01-25", deadline: MONTHLY, status: null, completed: "2026-12-05", due: "2027-01-20", flag: "overdue", why: "across the new year" },
  { asOf: "2026-07-01", deadline: "Ngày 31 hằng tháng", status: null, completed: "2026-05-31", due: "2026-06-30", flag: "overdue", why: "the 31st in June is its 30th" },
  { asOf: "2026-06-30", deadline: "Ngày 31 hằng tháng", status: null, completed: "2026-05-31", due: "2026-06-30", flag: "due-soon", why: "on June's last day" },
];

const asOfs = [...new Set(CASES.map((c) => c.asOf))];
const serial = (iso: string) => Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000);

async function typed(cases: Case[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Nhiệm vụ");
  ws.addRow(["BÁO CÁO ĐỊNH KỲ NĂM 2026"]);
  ws.addRow([]);
  ws.addRow(["TT", "Tên nhiệm vụ", "Đơn vị chủ trì", "Thời gian hoàn thành", "Tình trạng", "Ngày hoàn thành"]);
  cases.forEach((c, i) => {
    const row = ws.addRow([i + 1, `Báo cáo tháng, trường hợp ${i + 1}`, "Phòng VH-XH", c.deadline, c.status, null]);
    if (c.completed && /^\d{4}-\d{2}-\d{2}$/.test(c.completed)) {
      row.getCell(6).value = new Date(`${c.completed}T00:00:00Z`);
      row.getCell(6).numFmt = "dd/mm/yyyy";
    } else if (c.completed) row.getCell(6).value = c.completed;
  });
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

let runs: { asOf: string; cases: Case[]; report: ComputeReport; values: Map<string, RecalcValue>; dueCol: number; flagCol: number }[] = [];

beforeAll(async () => {
  const computed = [];
  for (const asOf of asOfs) {
    const cases = CASES.filter((c) => c.asOf === asOf);
    const wb = await openWorkbook(await typed(cases), "t.xlsx");
    const sheet = snapshotWorkbook(wb).sheets[0];
    const plan = planCompute(sheet, { catalog: defaultCatalog(), asOf });
    if (!plan.ok) throw new Error(plan.message);
    applyEdits(wb, plan.edits);
    const bytes = await workbookBytes(wb);
    const table = readTable(snapshotWorkbook(await openWorkbook(bytes, "t.xlsx")).sheets[0]);
    if (!table.ok) throw new Error("no table");
    const col = (role: string) => table.table.columns.find((c) => c.role === role)!.col;
    computed.push({ asOf, cases, report: plan.report, bytes, dueCol: col("dueDate"), flagCol: col("flag") });
  }
  const out = await convertWithLibreOffice(computed.map((c, i) => ({ name: `monthly-${i}.xlsx`, bytes: c.bytes })), "xlsx");
  runs = computed.map((c, i) => ({ ...c, values: xlsxValues(out[i]).get("Nhiệm vụ")! }));
}, 120_000);

describe("monthly deadlines, from the completion date", () => {
  it("compute's report says what was worked out by hand", () => {
    const got = runs.flatMap((r) => r.report.tasks.map((t, i) => [r.cases[i].why, t.dueDate, t.flag]));
    expect(got).toEqual(runs.flatMap((r) => r.cases.map((c) => [c.why, c.due, c.flag])));
  });

  it("LibreOffice's recalculation of the due-date and flag formulas says the same", () => {
    const got = runs.flatMap((r) =>
      r.report.tasks.map((t, i) => [r.cases[i].why, r.values.get(a1(t.row, r.dueCol)) ?? null, r.values.get(a1(t.row, r.flagCol)) ?? null]),
    );
    expect(got).toEqual(runs.flatMap((r) => r.cases.map((c) => [c.why, serial(c.due), FLAG_LABELS[c.flag] || null])));
  });
});
