/**
 * The inserted appendices keep working without the add-in: LibreOffice Calc opens what
 * `phuluc insert` wrote, after an official's inputs were typed in through ExcelJS,
 * recalculates every formula, and each "Tỷ lệ đạt (%)", "Đánh giá", "Hạn hoàn thành
 * (ngày)" and "Cảnh báo" cell must equal what the domain computes for the same inputs.
 *
 * One soffice run converts all three workbooks of this file.
 */
import ExcelJS from "exceljs";
import { convertWithLibreOffice } from "./libreoffice";
import { fillScenario, runInsert, settingCell, tableOf, INDICATOR_INPUTS, TASK_INPUTS, REPORT_DATE } from "./insert-scenario";
import { openWorkbook, snapshotWorkbook } from "../src/hosts/file/read";
import { achieve, isPercentUnit, readResult } from "../src/domain/achieve";
import { unitKind } from "../src/domain/units";
import { defaultCatalog } from "../src/domain/catalog";
import { parseTarget } from "../src/domain/target";
import { parseDeadline } from "../src/domain/deadline";
import { FLAG_LABELS, parseDateCell, parseStatus, taskState } from "../src/domain/status";
import { fromExcelSerial, toExcelSerial } from "../src/domain/dates";
import { parseA1 } from "../src/domain/address";
import type { SheetSnapshot, WorkbookSnapshot } from "../src/domain/snapshot";
import { markerOf } from "../src/domain/layout";

let filled: WorkbookSnapshot;
let fresh: WorkbookSnapshot;
let staleCheck: WorkbookSnapshot;

function valueAt(sheet: SheetSnapshot, address: string) {
  const { row, col } = parseA1(address);
  return sheet.values[row - 1]?.[col - 1] ?? null;
}

beforeAll(async () => {
  const made = await runInsert(["--xa", "Tân Lợi", "--nam", "2026", "--mau", "bao-cao", "-o", "out.xlsx"]);
  expect(made.code).toBe(0);
  const inserted = made.bytes!;
  // A formula saved with a wrong result: proves LibreOffice recalculated rather than kept it.
  const stale = new ExcelJS.Workbook();
  const ws = stale.addWorksheet("S");
  ws.getCell("A1").value = 21;
  ws.getCell("B1").value = { formula: "A1*2", result: 999 } as ExcelJS.CellFormulaValue;
  const staleBytes = new Uint8Array((await stale.xlsx.writeBuffer()) as ArrayBuffer);

  const [a, b, c] = await convertWithLibreOffice(
    [
      { name: "filled.xlsx", bytes: await fillScenario(inserted) },
      { name: "fresh.xlsx", bytes: inserted },
      { name: "stale.xlsx", bytes: staleBytes },
    ],
    "xlsx",
  );
  filled = snapshotWorkbook(await openWorkbook(a, "filled.xlsx"));
  fresh = snapshotWorkbook(await openWorkbook(b, "fresh.xlsx"));
  staleCheck = snapshotWorkbook(await openWorkbook(c, "stale.xlsx"));
}, 180_000);

describe("inserted appendices recalculated by LibreOffice", () => {
  it("really recalculates: a stale cached result is replaced", () => {
    expect(staleCheck.sheets[0].values[0][1]).toBe(42);
  });

  it("computes every Tỷ lệ đạt and Đánh giá as the domain does", () => {
    const sheet = filled.sheets.find((s) => s.name === "Phụ lục I")!;
    const table = tableOf(sheet);
    const indicators = table.rows.filter((r) => r.kind === "indicator");
    expect(indicators).toHaveLength(48);
    const seen = new Set<string>();
    for (const row of indicators) {
      const percentUnit = isPercentUnit(row.cells.unit?.text);
      const t = row.cells.target!;
      const parsed = parseTarget(t.value, { numberFormat: t.numberFormat, percentUnit });
      // The template is written before anything is typed, so its formulas cannot know a
      // result cell's format: a bare 1 reads as 100%, as a person typing "100%" gets.
      const value = row.cells.result?.value ?? null;
      const countUnit = unitKind(defaultCatalog(), row.cells.unit?.text ?? "", null).count;
      const read = readResult(value, { percentUnit, countUnit, numberFormat: value === 1 ? "0%" : row.cells.result?.numberFormat });
      const expected = achieve(parsed.ok ? parsed.target : null, read);
      const code = row.cells.code!.text;
      const verdict = row.cells.verdict!;
      const rate = row.cells.rate!;
      expect([code, verdict.formula !== undefined, rate.formula !== undefined]).toEqual([code, true, true]);
      expect([code, verdict.value ?? ""]).toEqual([code, expected.verdict ?? ""]);
      if (expected.rate === null) expect([code, rate.value ?? ""]).toEqual([code, ""]);
      else {
        expect([code, typeof rate.value]).toEqual([code, "number"]);
        expect(rate.value as number).toBeCloseTo(expected.rate, 4);
      }
      seen.add(`${expected.verdict ?? "blank"}|${parsed.ok && parsed.target.kind === "numeric" ? parsed.target.comparator : "q"}`);
    }
    // The scenario covers what it claims: ≥ and ≤ targets, qualitative ones, each verdict.
    for (const k of ["Vượt|>=", "Đạt|>=", "Chưa đạt|>=", "Vượt|<=", "Đạt|<=", "Chưa đạt|<=", "Đạt|q", "Chưa đạt|q", "blank|>="]) {
      expect([k, seen.has(k)]).toEqual([k, true]);
    }
  });

  it("reads the scenario's own expectations the same way (spot checks by hand)", () => {
    const sheet = filled.sheets.find((s) => s.name === "Phụ lục I")!;
    const table = tableOf(sheet);
    const at = (code: string) => table.rows.find((r) => r.cells.code?.text === code)!;
    // A formula that computed "" reads back as blank (null).
    const verdict = (code: string) => at(code).cells.verdict!.value ?? "";
    const rate = (code: string) => at(code).cells.rate!.value ?? "";
    expect(verdict("HT-01")).toBe("Vượt");
    expect(rate("HT-01")).toBeCloseTo(1.2, 4);
    expect(verdict("HT-02")).toBe("Đạt");
    expect(verdict("NL-05")).toBe("Chưa đạt");
    expect(verdict("NL-02")).toBe("Chưa đạt"); // "72%" typed as text, against 100%
    expect(rate("NL-02")).toBeCloseTo(0.72, 4);
    expect(verdict("KH-07")).toBe(""); // free text against a qualitative target
    expect(verdict("KH-05")).toBe("Chưa đạt"); // result 0
    expect(rate("KH-05")).toBe(0);
    expect(verdict("CDS-12")).toBe("Vượt"); // ≤ 5%, result 3%
    expect(rate("CDS-12")).toBeCloseTo(0.05 / 0.03, 4);
    expect(verdict("CDS-13")).toBe("Chưa đạt"); // ≤ 10%, result 12%
    expect(rate("CDS-14")).toBe(1); // ≤ 5%, result 0
    expect(verdict("KH-04")).toBe("Chưa đạt");
    expect(verdict("HT-04")).toBe("Đạt");
    expect(verdict("CDS-19")).toBe(""); // no target
    expect(verdict("CDS-21")).toBe(""); // no result
    // Comparators typed over the province's targets: =, >, <.
    expect([verdict("CDS-24"), rate("CDS-24")]).toEqual(["Đạt", 1]); // = 100%, 100%
    expect(verdict("CDS-28")).toBe("Chưa đạt"); // = 100%, 99%
    expect([verdict("CDS-25"), rate("CDS-25")]).toEqual(["Chưa đạt", 1]); // > 90%, 90%
    expect([verdict("CDS-26"), rate("CDS-26")]).toEqual(["Đạt", 2]); // < 10%, 5%: lower is better, 10 ÷ 5
    expect([verdict("CDS-27"), rate("CDS-27")]).toEqual(["Chưa đạt", 1]); // < 10%, 10%
    expect(INDICATOR_INPUTS.length).toBeGreaterThan(20);
  });

  it("computes every Hạn hoàn thành (ngày) and Cảnh báo as the domain does", () => {
    const sheet = filled.sheets.find((s) => s.name === "Phụ lục II")!;
    const table = tableOf(sheet);
    const asOfValue = valueAt(sheet, settingCell(sheet, "Ngày báo cáo"));
    expect(asOfValue).toBe(toExcelSerial(REPORT_DATE));
    const windowValue = valueAt(sheet, settingCell(sheet, "Số ngày cảnh báo"));
    expect(windowValue).toBe(15);
    const tasks = table.rows.filter((r) => r.kind === "task");
    expect(tasks).toHaveLength(TASK_INPUTS.length);
    const flags = new Set<string>();
    for (const row of tasks) {
      const name = row.cells.name!.text;
      const d = parseDeadline(row.cells.deadline!.value, { planYear: 2026 });
      const state = taskState({
        deadline: d.ok ? d.deadline : null,
        status: parseStatus(row.cells.status!.value),
        completedOn: parseDateCell(row.cells.completedOn!.value),
        asOf: fromExcelSerial(asOfValue as number),
        dueSoonDays: windowValue as number,
      });
      const due = row.cells.dueDate!.value;
      expect([name, state.dueDate === null ? (due ?? "") : due]).toEqual([name, state.dueDate === null ? "" : toExcelSerial(state.dueDate)]);
      expect([name, row.cells.flag!.formula !== undefined, row.cells.flag!.value ?? ""]).toEqual([name, true, FLAG_LABELS[state.flag]]);
      flags.add(state.flag);
    }
    for (const f of ["overdue", "due-soon", "done-late", "done", "no-date", "recurring", "none"]) expect([f, flags.has(f)]).toEqual([f, true]);
    // The monthly deadline's due date is a live formula that follows the report date and
    // the completion date (read once by a hidden helper column).
    const monthly = tasks.find((r) => r.cells.deadline?.text === "Trước ngày 20 hằng tháng")!;
    expect(monthly.cells.dueDate!.formula).toMatch(/^=IF\(ISNUMBER\([A-Z]+\d+\),IF\([A-Z]+\d+>=DATE\(YEAR\(\$[A-Z]+\$\d+\)/);
    expect(monthly.cells.dueDate!.value).toBe(toExcelSerial("2026-06-20"));
    expect(monthly.cells.flag!.value).toBe("Sắp đến hạn");
  });

  it("leaves the empty task rows' Cảnh báo blank", () => {
    const sheet = fresh.sheets.find((s) => s.name === "Phụ lục II")!;
    const table = tableOf(sheet);
    const flagCol = table.columns.find((c) => c.role === "flag")!.col;
    const flags = sheet
      .formulas!.map((r, i) => ({ row: i + 1, f: r[flagCol - 1], v: sheet.values[i]?.[flagCol - 1] }))
      .filter((x) => x.f && x.row > table.headerRow);
    expect(flags.length).toBe(30);
    for (const x of flags) expect(x.v ?? "").toBe("");
  });

  it("computes the default report date =TODAY() on opening", () => {
    for (const name of ["Phụ lục I", "Phụ lục II"]) {
      const sheet = fresh.sheets.find((s) => s.name === name)!;
      const address = settingCell(sheet, "Ngày báo cáo");
      const { row, col } = parseA1(address);
      expect(sheet.formulas![row - 1][col - 1]).toBe("=TODAY()");
      const now = new Date();
      const today = toExcelSerial(
        `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`,
      );
      expect(Math.abs((valueAt(sheet, address) as number) - today)).toBeLessThanOrEqual(1);
    }
  });

  it("keeps the markers, print titles and drop-down names through LibreOffice", () => {
    const names = fresh.names ?? {};
    expect(markerOf(names, "Phụ lục I")).toMatchObject({ kind: "indicators", version: "2026.2", headerRow: 9 });
    expect(markerOf(names, "Phụ lục II")).toMatchObject({ kind: "tasks", version: "2026.2", headerRow: 9 });
    expect(markerOf(names, "Danh mục")).toMatchObject({ kind: "lists" });
    expect(Object.keys(names)).toEqual(expect.arrayContaining(["NQ57_DS_DVT", "NQ57_DS_DONVI", "NQ57_DS_TINHTRANG"]));
  });
});
