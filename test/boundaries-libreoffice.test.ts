/**
 * The sheet formulas compute writes, held to the boundary tables' hand-written values
 * (test/boundaries.ts): each table becomes a workbook written by ExcelJS, compute's
 * edits are applied through the file host, LibreOffice recalculates every formula, and
 * the rate, verdict, due date and flag columns (found by their headers, whatever
 * formulas fill them) must show what the rule says: not merely what the domain says.
 */
import ExcelJS from "exceljs";
import { planCompute } from "../src/domain/compute";
import { defaultCatalog } from "../src/domain/catalog";
import { applyEdits, workbookBytes } from "../src/hosts/file/apply";
import { openWorkbook, snapshotWorkbook } from "../src/hosts/file/read";
import { readTable, type Role } from "../src/domain/reader";
import { a1 } from "../src/domain/address";
import { convertWithLibreOffice } from "./libreoffice";
import { xlsxValues, type RecalcValue } from "./recalc";
import {
  INDICATOR_CASES,
  INDICATOR_FIRST_ROW,
  TASK_FIRST_ROW,
  TASK_GROUPS,
  indicatorGrid,
  serialOf,
  taskGrid,
  type Grid,
} from "./boundaries";

jest.setTimeout(180_000);

async function xlsx(sheet: string, g: Grid): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  g.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null) return;
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = v;
      const fmt = g.formats[r]?.[c];
      if (fmt) cell.numFmt = fmt;
    }),
  );
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Compute on the workbook through the file host, as the command does; the bytes with its formulas. */
async function computed(bytes: Uint8Array, asOf: string, dueSoonDays?: number): Promise<Uint8Array> {
  const wb = await openWorkbook(bytes, "bien.xlsx");
  const [sheet] = snapshotWorkbook(wb).sheets;
  const plan = planCompute(sheet, { catalog: defaultCatalog(), asOf, ...(dueSoonDays !== undefined ? { dueSoonDays } : {}) });
  if (!plan.ok) throw new Error(plan.message);
  applyEdits(wb, plan.edits);
  return workbookBytes(wb);
}

/** The recalculated values of a computed workbook's columns, read by their headers. */
async function columnsOf(bytes: Uint8Array, recalculated: Uint8Array, sheet: string) {
  const after = snapshotWorkbook(await openWorkbook(bytes, "bien.xlsx")).sheets[0];
  const t = readTable(after);
  if (!t.ok) throw new Error(t.message);
  const values = xlsxValues(recalculated).get(sheet)!;
  return (role: Role, row: number): RecalcValue => {
    const col = t.table.columns.find((c) => c.role === role);
    if (!col) throw new Error(`no ${role} column`);
    return values.get(a1(row, col.col)) ?? null;
  };
}

let indicators: Awaited<ReturnType<typeof columnsOf>>;
const tasks: Awaited<ReturnType<typeof columnsOf>>[] = [];

beforeAll(async () => {
  const files = [{ name: "chi-tieu.xlsx", bytes: await computed(await xlsx("Chỉ tiêu", indicatorGrid(INDICATOR_CASES)), "2026-06-15") }];
  for (const [i, g] of TASK_GROUPS.entries()) {
    files.push({ name: `nhiem-vu-${i}.xlsx`, bytes: await computed(await xlsx("Nhiệm vụ", taskGrid(g)), g.asOf, g.window) });
  }
  // One LibreOffice start for every workbook.
  const out = await convertWithLibreOffice(files, "xlsx");
  indicators = await columnsOf(files[0].bytes, out[0], "Chỉ tiêu");
  for (let i = 0; i < TASK_GROUPS.length; i++) tasks.push(await columnsOf(files[i + 1].bytes, out[i + 1], "Nhiệm vụ"));
});

describe("the rate and verdict formulas at the edges (LibreOffice)", () => {
  it.each(INDICATOR_CASES.map((c, i) => [c.what, c, i] as const))("%s", (_what, c, i) => {
    const row = INDICATOR_FIRST_ROW + i;
    const rate = indicators("rate", row);
    const verdict = indicators("verdict", row);
    // ROUND(…, 4) gives the 4-decimal figure exactly as written by hand.
    expect({ rate: typeof rate === "number" ? Math.round(rate * 1e4) / 1e4 : rate, verdict }).toEqual({ rate: c.rate, verdict: c.verdict });
    if (typeof rate === "number") expect(Math.abs(rate - c.rate!)).toBeLessThan(1e-12);
  });
});

describe.each(TASK_GROUPS.map((g, i) => [`${g.asOf}${g.window !== undefined ? `, window ${g.window}` : ""}`, g, i] as const))(
  "the due date and flag formulas as of %s (LibreOffice)",
  (_title, group, gi) => {
    it.each(group.cases.map((c, i) => [c.what, c, i] as const))("%s", (_what, c, i) => {
      const row = TASK_FIRST_ROW + i;
      const col = tasks[gi];
      expect({ due: col("dueDate", row), flag: col("flag", row) ?? "" }).toEqual({ due: c.due === null ? null : serialOf(c.due), flag: c.flag });
    });
  },
);
