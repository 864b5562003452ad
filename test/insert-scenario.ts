/**
 * A filled-in copy of what `phuluc insert` writes, as officials would fill it: results,
 * targets typed over the province's (a "≤" one among them), tasks with deadlines,
 * statuses, completion dates and a report date. Shared by the LibreOffice test and the
 * screenshot script. Cells are found through the domain's reader (by header label), not
 * through the layout's own constants.
 */
import ExcelJS from "exceljs";
import type { CliIO } from "../src/cli/io";
import { main } from "../src/cli/main";
import type { SheetSnapshot, WorkbookSnapshot } from "../src/domain/snapshot";
import { readTable, type Table } from "../src/domain/reader";
import { parseRange, columnLetter } from "../src/domain/address";
import { parseDeadline } from "../src/domain/deadline";
import { dueDateInput } from "../src/domain/layout";
import { readWorkbook } from "../src/hosts/file/read";
import { typedInto } from "./xlsx";

/** A CliIO over an in-memory file map, with a fixed today. */
export function fakeIO(files: Map<string, Uint8Array>, today: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
    readFile: async (p) => {
      const f = files.get(p);
      if (!f) throw new Error(`no file ${p}`);
      return f;
    },
    writeFile: async (p, d) => void files.set(p, d),
    exists: (p) => files.has(p),
    today: () => today,
  };
  return { io, out, err };
}

/** Run `phuluc insert …` in memory; returns the exit code, output and the written file. */
export async function runInsert(args: string[], opts: { today?: string; files?: Map<string, Uint8Array> } = {}) {
  const files = opts.files ?? new Map<string, Uint8Array>();
  const { io, out, err } = fakeIO(files, opts.today ?? "2026-03-01");
  const code = await main(["insert", ...args], io);
  const oIndex = args.findIndex((a) => a === "-o" || a === "--ra");
  const written = oIndex >= 0 ? files.get(args[oIndex + 1]) : undefined;
  return { code, out: out.join("\n"), err: err.join("\n"), bytes: written, files };
}

/** The cell right of a label such as "Ngày báo cáo:" above a table (label merged over two columns). */
export function settingCell(sheet: SheetSnapshot, labelPrefix: string): string {
  for (let r = 0; r < Math.min(sheet.values.length, 12); r++) {
    const row = sheet.values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      if (typeof row[c] !== "string" || !(row[c] as string).startsWith(labelPrefix)) continue;
      const merge = (sheet.merges ?? []).map(parseRange).find((m) => m.top === r + 1 && m.left === c + 1);
      const col = (merge ? merge.right : c + 1) + 1;
      return `${columnLetter(col)}${r + 1}`;
    }
  }
  throw new Error(`no "${labelPrefix}" label on ${sheet.name}`);
}

export function tableOf(sheet: SheetSnapshot): Table {
  const read = readTable(sheet);
  if (!read.ok) throw new Error(read.message);
  return read.table;
}

function columnOf(table: Table, role: string): number {
  const c = table.columns.find((x) => x.role === role);
  if (!c) throw new Error(`no ${role} column in ${table.sheet}`);
  return c.col;
}

/** What the official types into Appendix I: by indicator code, a new target (optional) and a result. */
export const INDICATOR_INPUTS: { code: string; target?: string | null; result: string | number | null }[] = [
  { code: "HT-01", result: 0.72 }, // ≥ 60% → Vượt
  { code: "HT-02", result: 0.7 }, // ≥ 70% → Đạt exactly
  { code: "HT-03", result: 1 }, // 100% → Đạt
  { code: "NL-05", result: 85 }, // percentage points: 85% < 90% → Chưa đạt
  { code: "NL-02", result: "72%" }, // typed as text, read like 0.72: 72% < 100% → Chưa đạt
  { code: "NL-03", result: 100 }, // 100 points = 100% → Đạt
  { code: "HT-04", result: "Đạt" }, // qualitative, stated → Đạt
  { code: "KH-04", result: "chưa đạt." }, // qualitative, stated → Chưa đạt
  { code: "KH-07", result: "Đã triển khai 3 mô hình" }, // qualitative, free text → blank: for a person to judge
  { code: "KH-01", result: 1 }, // qualitative target, number result → blank
  { code: "KH-05", result: 0 }, // ≥ 1 sáng kiến, result 0 → Chưa đạt, 0%
  { code: "KH-02", result: 0 }, // ≥ 10%, result 0 → Chưa đạt, 0%
  { code: "KH-06", result: 3 }, // ≥ 1 mô hình → Vượt, 300%
  { code: "KH-03", result: 2 }, // ≥ 2 DN → Đạt
  { code: "CDS-12", target: "≤ 5%", result: 0.03 }, // lower is better → Vượt
  { code: "CDS-13", target: "≤ 10%", result: 12 }, // 12% > 10% → Chưa đạt
  { code: "CDS-14", target: "≤5%", result: 0 }, // 0 under a ≤ target → Vượt, 100%
  { code: "CDS-18", target: "≤ 5", result: 0.05 }, // "5" in a % indicator is 5% → Đạt
  { code: "CDS-15", target: "≥ 85%", result: 0.85 }, // raised target typed as text → Đạt
  { code: "CDS-16", target: "1,5%", result: 0.02 }, // decimal comma, bare → Vượt
  { code: "CDS-17", target: "Có triển khai", result: "Có" }, // now qualitative, stated → Đạt
  { code: "CDS-19", target: null, result: 0.5 }, // target cleared → blank
  { code: "CDS-20", target: "100%.", result: 0.99 }, // stray period → Chưa đạt
  { code: "CDS-21", result: null }, // no result yet → blank
  { code: "CDS-24", target: "= 100%", result: 1 }, // exactly → Đạt
  { code: "CDS-28", target: "= 100%", result: 0.99 }, // not exactly → Chưa đạt
  { code: "CDS-25", target: "> 90%", result: 0.9 }, // 90% is not above 90% → Chưa đạt
  { code: "CDS-26", target: "< 10%", result: 0.05 }, // below → Đạt, 200%
  { code: "CDS-27", target: "< 10%", result: 0.1 }, // 10% is not below 10% → Chưa đạt
];

/** Tasks typed into Appendix II: one per row, in the first rows under the areas. */
export const TASK_INPUTS: { name: string; deadline: string; status: string | null; completedOn?: string }[] = [
  { name: "Tuyên truyền trên cổng thông tin", deadline: "Quý I/2026", status: "Đang thực hiện" }, // overdue
  { name: "Ban hành kế hoạch chuyển đổi số", deadline: "30/06/2026", status: "Chưa thực hiện" }, // due soon (10 days)
  { name: "Rà soát thủ tục hành chính", deadline: "Tháng 5/2026", status: "Hoàn thành", completedOn: "2026-06-05" }, // done late
  { name: "Lắp wifi miễn phí nhà văn hóa", deadline: "Năm 2026", status: "Hoàn thành", completedOn: "2026-04-01" }, // done
  { name: "Triển khai nền tảng dùng chung", deadline: "Theo hướng dẫn của tỉnh", status: "Đang thực hiện" }, // no date
  { name: "Cập nhật dữ liệu dân cư", deadline: "Thường xuyên", status: null }, // recurring, nothing shown
  { name: "Báo cáo tiến độ", deadline: "Trước ngày 20 hằng tháng", status: "Đang thực hiện" }, // due on the report date
  { name: "Tập huấn kỹ năng số", deadline: "Quý III/2026", status: "Chưa thực hiện" }, // far off
  { name: "Số hóa hồ sơ lưu trữ", deadline: "10/2026", status: "Đã hoàn thành" }, // done, no completion date
  { name: "Khảo sát doanh nghiệp", deadline: "Tháng 3/2026", status: null }, // blank status, past due
];

export const REPORT_DATE = "2026-06-20";

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Fill the inserted workbook as the scenario says, through ExcelJS (an official's spreadsheet program); returns the new bytes. */
export async function fillScenario(bytes: Uint8Array): Promise<Uint8Array> {
  const snap = await readWorkbook(bytes, "phu-luc.xlsx");
  return typedInto(bytes, (wb) => fill(wb, snap));
}

function fill(wb: ExcelJS.Workbook, snap: WorkbookSnapshot): void {
  const ind = snap.sheets.find((s) => s.name === "Phụ lục I")!;
  const it = tableOf(ind);
  const wsI = wb.getWorksheet("Phụ lục I")!;
  const [targetCol, resultCol] = ["target", "result"].map((r) => columnOf(it, r));
  for (const input of INDICATOR_INPUTS) {
    const row = it.rows.find((r) => r.cells.code?.text === input.code);
    if (!row) throw new Error(`no row for ${input.code}`);
    if ("target" in input) {
      // Typing over the number leaves the cell's format, as in Excel; a text target ignores it.
      // (Never set numFmt on a cell ExcelJS loaded: cells read with one style share its object.)
      wsI.getCell(row.row, targetCol).value = input.target ?? null;
    }
    wsI.getCell(row.row, resultCol).value = input.result;
  }
  wsI.getCell(settingCell(ind, "Ngày báo cáo")).value = utc(REPORT_DATE);

  const tasks = snap.sheets.find((s) => s.name === "Phụ lục II")!;
  const tt = tableOf(tasks);
  const wsII = wb.getWorksheet("Phụ lục II")!;
  const col = (role: string) => columnOf(tt, role);
  const reportCell = settingCell(tasks, "Ngày báo cáo");
  wsII.getCell(reportCell).value = utc(REPORT_DATE);
  const asOfRef = reportCell.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  // Empty task rows are not table rows for the reader: take the rows under each group row.
  const groupRows = tt.rows.filter((r) => r.kind === "group").map((r) => r.row);
  const slots = groupRows.flatMap((g) => [g + 1, g + 2]);
  TASK_INPUTS.forEach((t, i) => {
    const r = slots[i];
    wsII.getCell(r, col("number")).value = i + 1;
    wsII.getCell(r, col("name")).value = t.name;
    wsII.getCell(r, col("deadline")).value = t.deadline;
    // The add-in's own column: the due date the domain derives from the deadline.
    const parsed = parseDeadline(t.deadline, { planYear: 2026 });
    const due = dueDateInput(parsed.ok ? parsed.deadline : null, asOfRef, `${columnLetter(col("completedValue"))}${r}`);
    const dueCell = wsII.getCell(r, col("dueDate"));
    if (typeof due === "number") dueCell.value = utc(isoOfSerial(due));
    else if (due && typeof due === "object") dueCell.value = { formula: due.formula.replace(/^=/, "") } as ExcelJS.CellFormulaValue;
    wsII.getCell(r, col("status")).value = t.status;
    if (t.completedOn) wsII.getCell(r, col("completedOn")).value = utc(t.completedOn);
  });
}

function isoOfSerial(serial: number): string {
  const d = new Date(Date.UTC(1899, 11, 30) + serial * 86400000);
  return d.toISOString().slice(0, 10);
}
