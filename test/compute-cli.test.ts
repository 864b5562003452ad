/**
 * `phuluc compute` on real .xlsx files built from every seed layout, with results,
 * statuses and completion dates typed in through ExcelJS the ways officials type
 * them. LibreOffice Calc (headless) recalculates the written workbook, and every
 * rate, verdict, due date and flag it computes must equal the JSON the command
 * prints (the domain's own computation) for the same report date.
 */
import ExcelJS from "exceljs";
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../src/cli/main";
import type { CliIO } from "../src/cli/io";
import { loadSeed } from "./seeds";
import { addSnapshotSheet } from "./xlsx";
import { recalcXlsx, xlsxValues, type RecalcValue } from "./recalc";
import { readWorkbook } from "../src/hosts/file/read";
import { readTable, type Role } from "../src/domain/reader";
import { defaultCatalog } from "../src/domain/catalog";
import { planCompute, readerOptions, type ComputeReport } from "../src/domain/compute";
import { a1, parseA1 } from "../src/domain/address";
import { foldKey } from "../src/domain/text";
import type { SheetSnapshot, WorkbookSnapshot } from "../src/domain/snapshot";

jest.setTimeout(180_000);

const AS_OF = "2026-06-20";

// ───────────────────────────── helpers ─────────────────────────────

function memIO(files: Map<string, Uint8Array>, today = AS_OF) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readFile: async (p) => {
      const f = files.get(p);
      if (!f) throw new Error(`ENOENT ${p}`);
      return f;
    },
    writeFile: async (p, d) => {
      files.set(p, d);
    },
    exists: (p) => files.has(p),
    today: () => today,
  };
  return { io, out, err };
}

async function compute(input: Uint8Array, extra: string[] = [], today = AS_OF) {
  const files = new Map([["in.xlsx", input]]);
  const { io, out, err } = memIO(files, today);
  const code = await main(["compute", "in.xlsx", "-o", "out.xlsx", ...extra], io);
  return { code, out: out.join("\n"), err: err.join("\n"), bytes: files.get("out.xlsx"), input: files.get("in.xlsx") };
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

async function save(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Column number of a role in a sheet's table, as the reader finds it by its header. */
function columnsOf(sheet: SheetSnapshot): Partial<Record<Role, number>> {
  const t = readTable(sheet, readerOptions(defaultCatalog()));
  if (!t.ok) throw new Error(`no table in ${sheet.name}`);
  return Object.fromEntries(t.table.columns.map((c) => [c.role, c.col]));
}

type Values = Map<string, Map<string, RecalcValue>>;

/** A value LibreOffice computed (null for blank or ""). */
function value(values: Values, sheet: string, row: number, col: number): RecalcValue {
  return values.get(sheet)?.get(a1(row, col)) ?? null;
}

/** A date cell LibreOffice computed, as ISO (Excel serials count days from 30/12/1899). */
function dateValue(values: Values, sheet: string, row: number, col: number): RecalcValue {
  const v = value(values, sheet, row, col);
  return typeof v === "number" ? new Date(Date.UTC(1899, 11, 30) + v * 86_400_000).toISOString().slice(0, 10) : v;
}

const FLAG_TEXT: Record<string, string | null> = {
  overdue: "Quá hạn",
  "due-soon": "Sắp đến hạn",
  done: "Hoàn thành",
  "done-late": "Hoàn thành quá hạn",
  "no-date": null,
  recurring: null,
  none: null,
};

// Results as officials type them, cycled over the indicator rows: numbers (72% typed
// into Excel is 0.72 formatted as %, 72 is percentage points, 1, 0, 150), text that is
// not a number to the sheet ("72%" as text), blanks; qualitative results for
// qualitative targets, with a number thrown in.
type Typed = { value: ExcelJS.CellValue; numFmt?: string };
const NUMERIC_RESULTS: Typed[] = [
  { value: 0.72, numFmt: "0%" },
  { value: 72 },
  { value: 0 },
  { value: null },
  { value: 1 },
  { value: 0.6, numFmt: "0%" },
  { value: "72%" },
  { value: 150 },
  { value: 3 },
  { value: 0.955, numFmt: "0.0%" },
];
const TEXT_RESULTS: Typed[] = [
  { value: "Đã triển khai" },
  { value: "Chưa triển khai" },
  { value: "CHƯA ĐẠT, đang chờ số liệu" },
  { value: null },
  { value: 5 },
  { value: "Không triển khai được" },
];

// Statuses and completion dates, cycled over the task rows.
const STATUSES: { status: string | null; done?: string }[] = [
  { status: "Hoàn thành", done: "2026-03-15" },
  { status: "Hoàn thành", done: "2026-12-20" },
  { status: "Đang thực hiện" },
  { status: "Chưa thực hiện" },
  { status: null },
  { status: "Không hoàn thành" },
  { status: "hoan thanh" },
];

/**
 * Cells typed explicitly (after the cycles) so that some rows have expectations worked
 * out by hand below: seed → sheet → role → row → value.
 */
const d = (iso: string): Typed => ({ value: utc(iso), numFmt: "dd/mm/yyyy" });
const EXPLICIT: Record<string, Record<string, Partial<Record<Role, Record<number, Typed>>>>> = {
  "000": {
    "Chỉ tiêu": {
      result: {
        6: { value: 0.72, numFmt: "0%" }, // ≥ 60%
        7: { value: 72 }, // 100%
        9: { value: 0 }, // 100%
        10: { value: null },
        15: { value: 3 }, // ≥ 01 Sáng kiến
        16: { value: 1 }, // ≥ 01 Mô hình
        17: { value: "Đã triển khai" }, // Có triển khai
        22: { value: 1 }, // ≥ 100%
        29: { value: "45%" }, // ≥ 40%, typed as text
      },
    },
  },
  "001": {
    "Phụ lục nhiệm vụ": {
      status: { 9: { value: "Hoàn thành" }, 10: { value: "Chưa thực hiện" }, 13: { value: "Không hoàn thành" }, 19: { value: "Hoàn thành" }, 24: { value: "Đang thực hiện" }, 31: { value: null } },
      completedOn: { 9: d("2026-03-15"), 10: { value: null }, 19: d("2026-11-02"), 24: { value: null }, 31: { value: null } },
    },
  },
  "002": {
    "Phụ lục I": {
      result: { 9: { value: 0.65, numFmt: "0%" }, 12: { value: 1.2 }, 18: { value: "Đã tham gia" }, 20: { value: 2 }, 27: { value: 0.99, numFmt: "0%" } },
    },
    "Phụ lục II": {
      status: { 10: { value: "Đang thực hiện" }, 13: { value: null }, 14: { value: "hoan thanh" }, 19: { value: "Chưa thực hiện" }, 22: { value: "Hoàn thành" } },
      completedOn: { 13: { value: null }, 22: d("2026-04-10") },
    },
  },
  "004": {
    "Phụ lục": {
      result: { 13: { value: "Đã đạt chuẩn" }, 14: { value: 85 }, 15: { value: 0.8, numFmt: "0%" }, 17: { value: "Chưa được xếp hạng" } },
      status: { 9: { value: "Hoàn thành" }, 25: { value: "Đang thực hiện" }, 26: { value: null } },
      completedOn: { 9: d("2026-03-15"), 25: { value: null } },
    },
  },
};

function setTyped(ws: ExcelJS.Worksheet, row: number, col: number, t: Typed): void {
  const cell = ws.getCell(row, col);
  cell.value = t.value;
  if (t.numFmt) cell.numFmt = t.numFmt;
}

/** A target the sheet reads as a number ("≥ 60%", 100, "≥ 01") rather than words. */
function numericTarget(v: unknown): boolean {
  return typeof v === "number" || (typeof v === "string" && /^\s*(≥|≤|>=|<=|>|<|=)?\s*\d/.test(v));
}

function typeResults(ws: ExcelJS.Worksheet, rows: number[], col: number, targetCol: number, offset = 0): void {
  rows.forEach((row, i) => {
    const cycle = numericTarget(ws.getCell(row, targetCol).value) ? NUMERIC_RESULTS : TEXT_RESULTS;
    setTyped(ws, row, col, cycle[(i + offset) % cycle.length]);
  });
}

function typeStatuses(ws: ExcelJS.Worksheet, rows: number[], statusCol: number, doneCol: number | null, offset = 0): void {
  rows.forEach((row, i) => {
    const s = STATUSES[(i + offset) % STATUSES.length];
    ws.getCell(row, statusCol).value = s.status;
    if (doneCol && s.done) setTyped(ws, row, doneCol, d(s.done));
  });
}

function itemRows(sheet: SheetSnapshot, kind: "indicator" | "task"): number[] {
  const t = readTable(sheet, readerOptions(defaultCatalog()));
  if (!t.ok) throw new Error("no table");
  return t.table.rows.filter((r) => r.kind === kind).map((r) => r.row);
}

/**
 * A seed workbook as an official's file, with some of the officials' own columns and
 * some deadline forms the seeds lack (a monthly deadline, a real date).
 */
async function seedFile(id: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of loadSeed(id).sheets) {
    const ws = addSnapshotSheet(wb, s);
    if (id === "000") {
      // The official added a result column of their own before using the add-in.
      ws.getCell("F4").value = "Kết quả thực hiện";
      typeResults(ws, itemRows(s, "indicator"), 6, 4, 3);
    }
    if (id === "001" && s.name === "Phụ lục nhiệm vụ") {
      ws.getCell("F31").value = "Trước ngày 20 hằng tháng"; // was "Thường xuyên"
    }
    if (id === "002" && s.name === "Phụ lục II") {
      ws.getCell("H7").value = "Tình trạng"; // their own status column, without dates
      typeStatuses(ws, itemRows(s, "task"), 8, null, 2);
      setTyped(ws, 13, 7, d("2026-07-01")); // a real date instead of "Năm 2026"
    }
  }
  return save(wb);
}

/** After a first compute, the officials type into the input columns (explicit cells last). */
async function typeIntoComputed(bytes: Uint8Array, id: string): Promise<Uint8Array> {
  const wb = await load(bytes);
  const snap = await readWorkbook(bytes, "computed.xlsx");
  for (const s of snap.sheets) {
    const t = readTable(s, readerOptions(defaultCatalog()));
    if (!t.ok) continue;
    const cols = columnsOf(s);
    const ws = wb.getWorksheet(s.name)!;
    const indicators = t.table.rows.filter((r) => r.kind === "indicator").map((r) => r.row);
    const tasks = t.table.rows.filter((r) => r.kind === "task").map((r) => r.row);
    // The cycles go only into empty input cells: what was typed before stays.
    if (cols.result && cols.target) {
      typeResults(ws, indicators.filter((r) => ws.getCell(r, cols.result!).value === null), cols.result, cols.target);
    }
    if (cols.status) typeStatuses(ws, tasks.filter((r) => ws.getCell(r, cols.status!).value === null), cols.status, cols.completedOn ?? null);
    for (const [role, byRow] of Object.entries(EXPLICIT[id]?.[s.name] ?? {})) {
      const col = cols[role as Role];
      if (!col) throw new Error(`no ${role} column in ${s.name}`);
      for (const [row, typed] of Object.entries(byRow!)) setTyped(ws, Number(row), col, typed);
    }
  }
  return save(wb);
}

// ───────────────────────────── LibreOffice itself ─────────────────────────────

describe("the LibreOffice recalculation the other tests rely on", () => {
  it("really recomputes formulas saved with a wrong cached result", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = 21;
    ws.getCell("B1").value = { formula: "A1*2", result: 5 } as ExcelJS.CellFormulaValue;
    const values = xlsxValues(await recalcXlsx(await save(wb)));
    expect(value(values, "S", 1, 2)).toBe(42);
  });
});

// ───────────────────────────── agreement, cell by cell ─────────────────────────────

const SEEDS: { id: string; sheets: string[] }[] = [
  { id: "000", sheets: ["Chỉ tiêu"] },
  { id: "001", sheets: ["Chỉ tiêu", "Phụ lục nhiệm vụ"] },
  { id: "002", sheets: ["Phụ lục I", "Phụ lục II"] },
  { id: "004", sheets: ["Phụ lục"] },
];

interface Run {
  json: { sheets: ComputeReport[] };
  out: Uint8Array;
  recalculated: Values;
  /** The computed file as the file host reads it. */
  computed: WorkbookSnapshot;
}

const runs = new Map<string, Promise<Run>>();
function typedRun(id: string): Promise<Run> {
  if (!runs.has(id)) {
    runs.set(
      id,
      (async () => {
        const first = await compute(await seedFile(id), ["--as-of", AS_OF]);
        expect(first.code).toBe(0);
        const typed = await typeIntoComputed(first.bytes!, id);
        const second = await compute(typed, ["--as-of", AS_OF, "--json"]);
        expect(second.err).toBe("");
        expect(second.code).toBe(0);
        return {
          json: JSON.parse(second.out),
          out: second.bytes!,
          computed: await readWorkbook(second.bytes!, "out.xlsx"),
          recalculated: xlsxValues(await recalcXlsx(second.bytes!)),
        };
      })(),
    );
  }
  return runs.get(id)!;
}

describe.each(SEEDS)("seed $id: LibreOffice's results equal the printed JSON", ({ id, sheets }) => {
  it("for every indicator and task row of every sheet", async () => {
    const run = await typedRun(id);
    expect(run.json.sheets.map((s) => s.name)).toEqual(sheets);
    const snap = run.computed;
    let indicatorCells = 0;
    let taskCells = 0;
    for (const report of run.json.sheets) {
      const sheet = snap.sheets.find((s) => s.name === report.name)!;
      const cols = columnsOf(sheet);
      const lo = run.recalculated;
      const mismatches: string[] = [];
      for (const ind of report.indicators) {
        const rate = value(lo, report.name, ind.row, cols.rate!);
        const verdict = value(lo, report.name, ind.row, cols.verdict!);
        const rateOk = ind.rate === null ? rate === null : typeof rate === "number" && Math.abs(rate - ind.rate) < 1e-9;
        if (!rateOk || verdict !== ind.verdict) {
          mismatches.push(`${report.name}!${a1(ind.row, cols.rate!)}: sheet ${rate}/${verdict}, report ${ind.rate}/${ind.verdict}`);
        }
        indicatorCells++;
      }
      for (const task of report.tasks) {
        const due = dateValue(lo, report.name, task.row, cols.dueDate!);
        const flag = value(lo, report.name, task.row, cols.flag!);
        if (due !== task.dueDate || flag !== FLAG_TEXT[task.flag]) {
          mismatches.push(`${report.name}!${a1(task.row, cols.flag!)}: sheet ${due}/${flag}, report ${task.dueDate}/${task.flag}`);
        }
        taskCells++;
      }
      expect(mismatches).toEqual([]);
    }
    expect(indicatorCells + taskCells).toBeGreaterThan(10);
  });

});

describe("the fixtures are not all blanks", () => {
  it("together they reach every verdict and every flag", async () => {
    const all = await Promise.all(SEEDS.map((s) => typedRun(s.id)));
    const verdicts = new Set(all.flatMap((r) => r.json.sheets.flatMap((s) => s.indicators.map((i) => i.verdict))));
    const flags = new Set(all.flatMap((r) => r.json.sheets.flatMap((s) => s.tasks.map((t) => t.flag))));
    expect([...verdicts].sort()).toEqual(["Chưa đạt", "Vượt", "Đạt", null].sort());
    expect([...flags].sort()).toEqual(["done", "done-late", "due-soon", "no-date", "none", "overdue", "recurring"]);
  });
});

describe("hand-checked rows (expected values worked out by hand from the seeds and the typed cells)", () => {
  const ind = (run: Run, sheet: string, row: number) => run.json.sheets.find((s) => s.name === sheet)!.indicators.find((i) => i.row === row);
  const task = (run: Run, sheet: string, row: number) => run.json.sheets.find((s) => s.name === sheet)!.tasks.find((t) => t.row === row);
  const cell = (run: Run, sheet: string, address: string) => {
    const { row, col } = parseA1(address);
    return value(run.recalculated, sheet, row, col);
  };
  const date = (run: Run, sheet: string, address: string) => {
    const { row, col } = parseA1(address);
    return dateValue(run.recalculated, sheet, row, col);
  };

  it("000: the official's own result column F, rates in G, verdicts in H", async () => {
    const run = await typedRun("000");
    const S = "Chỉ tiêu";
    expect(ind(run, S, 6)).toEqual({ row: 6, indicatorCode: expect.any(String), target: "≥ 60%", result: 0.72, rate: 1.2, verdict: "Vượt" });
    expect(ind(run, S, 7)).toMatchObject({ target: "100%", result: 0.72, rate: 0.72, verdict: "Chưa đạt" });
    expect(ind(run, S, 9)).toMatchObject({ target: "100%", result: 0, rate: 0, verdict: "Chưa đạt" });
    expect(ind(run, S, 10)).toMatchObject({ result: null, rate: null, verdict: null });
    expect(ind(run, S, 15)).toMatchObject({ target: "≥ 1", result: 3, rate: 3, verdict: "Vượt" });
    expect(ind(run, S, 16)).toMatchObject({ target: "≥ 1", result: 1, rate: 1, verdict: "Đạt" });
    // Free text against a qualitative target: shown, not judged.
    expect(ind(run, S, 17)).toMatchObject({ target: "Có triển khai", result: "Đã triển khai", rate: null, verdict: null, note: "free-text" });
    // A bare 1 in a plain cell of a % row: 1% or 100%? Flagged, not judged.
    expect(ind(run, S, 22)).toMatchObject({ target: "100%", result: 1, rate: null, verdict: null, note: "ambiguous-scale" });
    // "45%" typed as text is read as every command reads it: 0.45 / 0.4.
    expect(ind(run, S, 29)).toMatchObject({ target: "≥ 40%", result: 0.45, rate: 1.125, verdict: "Vượt" });
    expect([cell(run, S, "G4"), cell(run, S, "H4")]).toEqual(["Tỷ lệ đạt (%)", "Đánh giá"]);
    expect([cell(run, S, "G9"), cell(run, S, "H9")]).toEqual([0, "Chưa đạt"]);
    expect([cell(run, S, "G6"), cell(run, S, "H6")]).toEqual([1.2, "Vượt"]);
    expect([cell(run, S, "G7"), cell(run, S, "H7")]).toEqual([0.72, "Chưa đạt"]);
    expect([cell(run, S, "G17"), cell(run, S, "H17")]).toEqual([null, null]); // free text: not judged
    expect([cell(run, S, "G29"), cell(run, S, "H29")]).toEqual([1.125, "Vượt"]); // "45%" as text
    expect([cell(run, S, "G22"), cell(run, S, "H22")]).toEqual([null, null]); // 1: 1% or 100%?
  });

  it("001 tasks on 20/06/2026: statuses in G, dates in H, due dates in I, flags in J", async () => {
    const run = await typedRun("001");
    const S = "Phụ lục nhiệm vụ";
    expect(task(run, S, 9)).toEqual({ row: 9, deadlineText: "Năm 2026", dueDate: "2026-12-31", status: "done", completedOn: "2026-03-15", flag: "done" });
    expect(task(run, S, 10)).toMatchObject({ dueDate: "2026-12-31", status: "not-started", flag: "none" });
    expect(task(run, S, 13)).toMatchObject({ deadlineText: "Thường xuyên", dueDate: null, status: "not-started", flag: "recurring" });
    expect(task(run, S, 19)).toMatchObject({ deadlineText: "10/2026", dueDate: "2026-10-31", completedOn: "2026-11-02", flag: "done-late" });
    expect(task(run, S, 24)).toMatchObject({ deadlineText: "Quý II/2026", dueDate: "2026-06-30", status: "in-progress", flag: "due-soon" });
    expect(task(run, S, 31)).toMatchObject({ deadlineText: "Trước ngày 20 hằng tháng", dueDate: "2026-06-20", status: null, flag: "due-soon" });
    expect([date(run, S, "I9"), cell(run, S, "J9")]).toEqual(["2026-12-31", "Hoàn thành"]);
    expect([date(run, S, "I10"), cell(run, S, "J10")]).toEqual(["2026-12-31", null]);
    expect([date(run, S, "I19"), cell(run, S, "J19")]).toEqual(["2026-10-31", "Hoàn thành quá hạn"]);
    expect([date(run, S, "I24"), cell(run, S, "J24")]).toEqual(["2026-06-30", "Sắp đến hạn"]);
    expect([date(run, S, "I31"), cell(run, S, "J31")]).toEqual(["2026-06-20", "Sắp đến hạn"]);
    expect([date(run, S, "H5"), cell(run, S, "H6")]).toEqual(["2026-06-20", 15]);
  });

  it("002: indicators with % GRDP, a count and '100%.'; tasks with their own status column H", async () => {
    const run = await typedRun("002");
    expect(ind(run, "Phụ lục I", 9)).toMatchObject({ target: "≥ 60%", result: 0.65, rate: 1.0833, verdict: "Vượt" });
    expect(ind(run, "Phụ lục I", 12)).toMatchObject({ target: "≥ 1%", result: 0.012, rate: 1.2, verdict: "Vượt" });
    expect(ind(run, "Phụ lục I", 18)).toMatchObject({ target: null, result: "Đã tham gia", rate: null, verdict: null });
    expect(ind(run, "Phụ lục I", 20)).toMatchObject({ target: "≥ 2", result: 2, rate: 1, verdict: "Đạt" });
    expect(ind(run, "Phụ lục I", 27)).toMatchObject({ target: "100%", result: 0.99, rate: 0.99, verdict: "Chưa đạt" });
    expect([cell(run, "Phụ lục I", "G12"), cell(run, "Phụ lục I", "H12")]).toEqual([1.2, "Vượt"]);
    const S = "Phụ lục II";
    expect(task(run, S, 10)).toMatchObject({ deadlineText: "Tháng 3/2026", dueDate: "2026-03-31", status: "in-progress", flag: "overdue" });
    expect(task(run, S, 13)).toMatchObject({ deadlineText: "01/07/2026", dueDate: "2026-07-01", status: null, flag: "due-soon" });
    expect(task(run, S, 14)).toMatchObject({ status: "done", flag: "done" });
    expect(task(run, S, 19)).toMatchObject({ deadlineText: "Theo hướng dẫn của tỉnh", dueDate: null, flag: "no-date" });
    expect(task(run, S, 22)).toMatchObject({ deadlineText: "Quý I/2026", dueDate: "2026-03-31", completedOn: "2026-04-10", flag: "done-late" });
    const computedSheet = run.computed.sheets.find((x) => x.name === S)!;
    expect(computedSheet.values[6][7]).toBe("Tình trạng"); // theirs (H7), kept; I..K added
    expect(computedSheet.values[6][8]).toBe("Ngày hoàn thành");
    expect([date(run, S, "J10"), cell(run, S, "K10")]).toEqual(["2026-03-31", "Quá hạn"]);
    expect([cell(run, S, "J19"), cell(run, S, "K19")]).toEqual([null, null]);
  });

  it("004 (mixed): indicator rows get a rate and a verdict and no flag; task rows the other way round", async () => {
    const run = await typedRun("004");
    const S = "Phụ lục";
    expect(run.json.sheets[0].indicators.map((i) => i.row)).toEqual([11, 12, 13, 14, 15, 16, 17]);
    expect(ind(run, S, 13)).toMatchObject({ target: "Tiên tiến, hiện đại", result: "Đã đạt chuẩn", verdict: null, note: "free-text" });
    expect(ind(run, S, 14)).toMatchObject({ target: "80%", result: 0.85, rate: 1.0625, verdict: "Vượt" });
    expect(ind(run, S, 15)).toMatchObject({ target: "≥ 80%", result: 0.8, rate: 1, verdict: "Đạt" });
    expect(ind(run, S, 17)).toMatchObject({ result: "Chưa được xếp hạng", verdict: null, note: "free-text" });
    expect(task(run, S, 9)).toMatchObject({ deadlineText: "Đến hết 11/2025", dueDate: "2025-11-30", completedOn: "2026-03-15", flag: "done-late" });
    expect(task(run, S, 25)).toMatchObject({ dueDate: "2026-03-31", status: "in-progress", flag: "overdue" });
    expect(task(run, S, 26)).toMatchObject({ dueDate: "2026-12-31", status: null, flag: "none" });
    // G result, H rate, I verdict, J status, K completed, L due, M flag.
    expect(["H14", "I14", "L14", "M14"].map((a) => cell(run, S, a))).toEqual([1.0625, "Vượt", null, null]);
    expect(["H9", "I9", "M9"].map((a) => cell(run, S, a))).toEqual([null, null, "Hoàn thành quá hạn"]);
    expect(date(run, S, "L9")).toBe("2025-11-30");
    expect(cell(run, S, "M25")).toBe("Quá hạn");
  });
});

// ───────────────────────────── idempotence and nothing lost ─────────────────────────────

/** Every cell's value, formula, number format, style and validation, plus merges, colours and widths. */
async function dump(bytes: Uint8Array): Promise<Record<string, unknown>> {
  const wb = await load(bytes);
  const out: Record<string, unknown> = {};
  for (const ws of wb.worksheets) {
    const cells: Record<string, unknown> = {};
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        cells[cell.address] = {
          value: cell.value instanceof Date ? cell.value.toISOString() : cell.value,
          numFmt: cell.numFmt ?? null,
          font: cell.font ?? null,
          fill: cell.fill ?? null,
          border: cell.border ?? null,
          alignment: cell.alignment ?? null,
          validation: cell.dataValidation ?? null,
        };
      }),
    );
    out[ws.name] = {
      cells,
      merges: Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges).sort(),
      conditional: (ws as unknown as { conditionalFormattings?: unknown[] }).conditionalFormattings ?? [],
      widths: (ws.columns ?? []).map((c) => c.width ?? null),
    };
  }
  return out;
}

describe("running compute twice leaves the same workbook as running it once", () => {
  it.each(["000", "001", "002", "004"])("seed %s, with --as-of", async (id) => {
    const once = await compute(await seedFile(id), ["--as-of", AS_OF]);
    const twice = await compute(once.bytes!, ["--as-of", AS_OF]);
    expect(twice.code).toBe(0);
    expect(twice.out).toMatch(/làm mới các cột đã thêm trước đây/);
    expect(twice.out).not.toMatch(/thêm các cột/);
    expect(await dump(twice.bytes!)).toEqual(await dump(once.bytes!));
  });

  it("seed 004 without --as-of: the report date stays =TODAY()", async () => {
    const once = await compute(await seedFile("004"));
    const twice = await compute(once.bytes!);
    const a = await dump(once.bytes!);
    expect(await dump(twice.bytes!)).toEqual(a);
    const cell = ((a["Phụ lục"] as { cells: Record<string, { value: unknown }> }).cells["H5"]).value;
    expect(cell).toEqual({ formula: "TODAY()", result: utc(AS_OF) }); // cached: the day it first ran
  });

  it("after results are typed in, a refresh changes nothing else", async () => {
    const once = await compute(await typeIntoComputed((await compute(await seedFile("001"), ["--as-of", AS_OF])).bytes!, "001"), ["--as-of", AS_OF]);
    const twice = await compute(once.bytes!, ["--as-of", AS_OF]);
    expect(await dump(twice.bytes!)).toEqual(await dump(once.bytes!));
  });
});

describe("nothing lost: every cell keeps its value and number format, except the declared output cells", () => {
  async function check(input: Uint8Array, extra: string[]) {
    const before = await readWorkbook(input, "in.xlsx");
    const result = await compute(input, extra);
    expect(result.code).toBe(0);
    expect(result.input).toBe(input); // the input file is untouched
    const after = await readWorkbook(result.bytes!, "out.xlsx");
    const catalog = defaultCatalog();
    const asOf = extra.includes("--as-of") ? extra[extra.indexOf("--as-of") + 1] : null;
    let checked = 0;
    for (const sb of before.sheets) {
      const sa = after.sheets.find((s) => s.name === sb.name)!;
      const plan = planCompute(sb, { catalog, asOf, today: AS_OF });
      const outputs = new Set(plan.ok ? plan.outputCells : []);
      // Which columns were the add-in's before this run (by their header), and its report-date cells.
      const ownedBefore = new Set<number>();
      const ownedCells = new Set<string>();
      const t = readTable(sb, readerOptions(catalog));
      if (t.ok) {
        const computed = ["rate", "verdict", "dueDate", "flag", "resultText", "resultValue", "completedText", "completedValue"];
        for (const c of t.table.columns) if (computed.includes(c.role)) ownedBefore.add(c.col);
      }
      sb.values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (typeof v === "string" && ["ngay bao cao", "so ngay canh bao"].includes(foldKey(v))) ownedCells.add(a1(r + 1, c + 2));
        }),
      );
      for (const addr of outputs) {
        const { row, col } = parseA1(addr);
        const v = sb.values[row - 1]?.[col - 1] ?? null;
        const blank = v === null || v === "";
        expect({ addr, ok: blank || ownedBefore.has(col) || ownedCells.has(addr) }).toEqual({ addr, ok: true });
      }
      sb.values.forEach((row, r) =>
        row.forEach((v, c) => {
          const addr = a1(r + 1, c + 1);
          if (v === null || outputs.has(addr)) return;
          checked++;
          expect({ addr, value: sa.values[r]?.[c] ?? null, fmt: sa.numberFormats?.[r]?.[c] ?? null }).toEqual({
            addr,
            value: v,
            fmt: sb.numberFormats?.[r]?.[c] ?? null,
          });
        }),
      );
      // Cells that were empty and are not declared stay empty.
      sa.values.forEach((row, r) =>
        row.forEach((v, c) => {
          const addr = a1(r + 1, c + 1);
          if (v !== null && (sb.values[r]?.[c] ?? null) === null) expect({ addr, declared: outputs.has(addr) }).toEqual({ addr, declared: true });
        }),
      );
    }
    expect(checked).toBeGreaterThan(50);
  }

  it.each(["000", "001", "002", "004"])("first run on seed %s", async (id) => {
    await check(await seedFile(id), ["--as-of", AS_OF]);
  });

  it.each(["001", "004"])("refresh of seed %s after results were typed, with a new report date", async (id) => {
    const typed = await typeIntoComputed((await compute(await seedFile(id), ["--as-of", AS_OF])).bytes!, id);
    await check(typed, ["--as-of", "2026-07-15"]);
  });
});

// ───────────────────────────── the command line itself ─────────────────────────────

describe("phuluc compute: options, messages and exit codes", () => {
  it("prints the JSON shape the issue defines", async () => {
    const r = await compute(await seedFile("002"), ["--as-of", AS_OF, "--json"]);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(["sheets"]);
    expect(Object.keys(json.sheets[0])).toEqual(["name", "indicators", "tasks"]);
    expect(Object.keys(json.sheets[0].indicators[0])).toEqual(["row", "indicatorCode", "target", "result", "rate", "verdict"]);
    expect(Object.keys(json.sheets[1].tasks[0])).toEqual(["row", "deadlineText", "dueDate", "status", "completedOn", "flag"]);
    expect(json.sheets[0].indicators[0]).toEqual({ row: 9, indicatorCode: "HT-01", target: "≥ 60%", result: null, rate: null, verdict: null });
  });

  it("without --as-of the sheet keeps =TODAY() and the JSON uses the machine's date", async () => {
    const r = await compute(await seedFile("001"), ["--json", "--sheet", "Phụ lục nhiệm vụ"], "2026-06-25");
    const tasks = JSON.parse(r.out).sheets[0].tasks as { row: number; flag: string }[];
    expect(tasks.find((t) => t.row === 24)!.flag).toBe("due-soon");
    const r2 = await compute(await seedFile("001"), ["--json", "--sheet", "Phụ lục nhiệm vụ"], "2026-07-01");
    expect((JSON.parse(r2.out).sheets[0].tasks as { row: number; flag: string }[]).find((t) => t.row === 24)!.flag).toBe("overdue");
    const ws = (await load(r.bytes!)).getWorksheet("Phụ lục nhiệm vụ")!;
    expect(ws.getCell("H5").value).toEqual({ formula: "TODAY()", result: utc("2026-06-25") }); // cached: the day it ran
  });

  it("--as-of writes the report date as a real date", async () => {
    const r = await compute(await seedFile("000"), ["--as-of", "2026-09-30"]);
    const ws = (await load(r.bytes!)).getWorksheet("Chỉ tiêu")!;
    // Above the two new columns G-H (F is the official's own result column), in the blank row 3.
    expect(ws.getCell("G3").value).toBe("Ngày báo cáo");
    expect((ws.getCell("H3").value as Date).toISOString().slice(0, 10)).toBe("2026-09-30");
    expect(ws.getCell("H3").numFmt).toBe("dd/mm/yyyy");
  });

  it("--tong-quan adds a Tổng quan sheet, and a second one never overwrites the first", async () => {
    const r = await compute(await seedFile("001"), ["--as-of", AS_OF, "--tong-quan"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/biểu đồ/);
    const wb = await load(r.bytes!);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Chỉ tiêu", "Phụ lục nhiệm vụ", "Tổng quan"]);
    const again = await compute(r.bytes!, ["--as-of", AS_OF, "--tong-quan"]);
    expect((await load(again.bytes!)).worksheets.map((w) => w.name)).toEqual(["Chỉ tiêu", "Phụ lục nhiệm vụ", "Tổng quan", "Tổng quan (2)"]);
  });

  it("stops, naming the cell, when a person's note sits where a column would go; writes nothing", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = addSnapshotSheet(wb, loadSeed("000").sheet("Chỉ tiêu"));
    ws.getCell("G15").value = "ghi chú của chị Lan";
    const r = await compute(await save(wb), ["--as-of", AS_OF]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Ô G15/);
    expect(r.err).toMatch(/ghi chú của chị Lan/);
    expect(r.bytes).toBeUndefined();
  });

  it("exits 2 with a Vietnamese message on unreadable input, a workbook without tables, bad dates and existing outputs", async () => {
    const junk = await compute(new TextEncoder().encode("not a workbook"));
    expect(junk.code).toBe(2);
    expect(junk.err).toMatch(/không phải là tệp Excel/);

    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").getCell("A1").value = "Danh sách cán bộ";
    const none = await compute(await save(wb));
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/không có trang nào chứa bảng chỉ tiêu hoặc nhiệm vụ/);

    const bad = await compute(await seedFile("000"), ["--as-of", "2026-02-30"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/Ngày báo cáo "2026-02-30" không hợp lệ/);

    const files = new Map([["in.xlsx", await seedFile("000")], ["out.xlsx", new Uint8Array([1])]]);
    const { io, err } = memIO(files);
    expect(await main(["compute", "in.xlsx", "-o", "out.xlsx"], io)).toBe(2);
    expect(err.join("\n")).toMatch(/đã có/);
    expect(files.get("out.xlsx")).toEqual(new Uint8Array([1]));

    const same = memIO(new Map([["in.xlsx", await seedFile("000")]]));
    expect(await main(["compute", "in.xlsx", "-o", "in.xlsx"], same.io)).toBe(2);
    expect(same.err.join("\n")).toMatch(/phải khác tệp gốc/);

    const noOut = memIO(new Map([["in.xlsx", await seedFile("000")]]));
    expect(await main(["compute", "in.xlsx"], noOut.io)).toBe(2);
    expect(noOut.err.join("\n")).toMatch(/Thiếu tệp kết quả/);
  });

  it("--sheet limits the work to one sheet and names a missing one", async () => {
    const r = await compute(await seedFile("001"), ["--as-of", AS_OF, "--json", "--sheet", "Chỉ tiêu"]);
    expect(JSON.parse(r.out).sheets.map((s: { name: string }) => s.name)).toEqual(["Chỉ tiêu"]);
    const missing = await compute(await seedFile("001"), ["--sheet", "Phụ lục 9"]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/Không có trang tính "Phụ lục 9"/);
  });

  it("has Vietnamese usage text", async () => {
    const { io, out } = memIO(new Map());
    expect(await main(["compute", "--help"], io)).toBe(0);
    expect(out.join("\n")).toMatch(/Cách dùng: npx phuluc compute/);
    expect(out.join("\n")).toMatch(/--as-of/);
  });

  it("runs as the real command through bin/phuluc.js, leaving the input file byte for byte as it was", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-compute-"));
    try {
      const input = path.join(dir, "Phụ lục 002.xlsx");
      const output = path.join(dir, "kết quả.xlsx");
      const bytes = await seedFile("002");
      fs.writeFileSync(input, bytes);
      const run = (args: string[]) =>
        new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
          execFile("node", [path.join(__dirname, "..", "bin", "phuluc.js"), ...args], { timeout: 60_000 }, (err, stdout, stderr) =>
            resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
          ),
        );
      const r = await run(["compute", input, "-o", output, "--as-of", AS_OF, "--json"]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).sheets.map((s: { name: string }) => s.name)).toEqual(["Phụ lục I", "Phụ lục II"]);
      expect(new Uint8Array(fs.readFileSync(input))).toEqual(bytes);
      expect(fs.existsSync(output)).toBe(true);
      const again = await run(["compute", input, "-o", output]);
      expect(again.code).toBe(2);
      expect(again.stderr).toMatch(/đã có/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
