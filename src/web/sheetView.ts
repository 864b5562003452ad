/**
 * What the page's grid needs beyond the cells, decided by the domain: the values the
 * add-in's formula columns compute now (rate, verdict, due date, flag), the cells a
 * person may type into (results, statuses, completion dates of the table's rows), and
 * the edit list that typing into one of them makes. The page recalculates nothing by
 * itself: `planCompute` is the same computation whose formulas the sheet carries.
 */
import type { CellValue, SheetSnapshot } from "../domain/snapshot";
import type { CellInput, Edit } from "../domain/edits";
import type { Catalog } from "../domain/match";
import type { AddinRole } from "../domain/compute";
import { planCompute, readerOptions, DATE_FORMAT } from "../domain/compute";
import { readTable, type Table } from "../domain/reader";
import { a1, parseA1 } from "../domain/address";
import { isDateFormat, toExcelSerial, type IsoDate } from "../domain/dates";
import { parseDateText, FLAG_LABELS, STATUS_LABELS } from "../domain/status";
import { parseLocaleNumber } from "../domain/numbers";

export type EditableKind = "result" | "status" | "completedOn";

export interface EditableCell {
  kind: EditableKind;
  row: number;
  col: number;
  /** The column's header, for the editor's accessible name. */
  label: string;
}

/** Colours the add-in's conditional formats give verdicts and flags (compute.ts writes the same). */
export interface CellTone {
  fill: string;
  color: string;
}

export interface SheetView {
  /** A1 → the value the add-in's formula there computes now (only cells holding a formula). */
  computed: Map<string, CellValue>;
  /** A1 → a cell a person may type into. */
  editable: Map<string, EditableCell>;
  /** A1 → the colour its verdict or flag gets. */
  tones: Map<string, CellTone>;
}

/** The statuses the "Tình trạng" list offers, in the order of the sheet's drop-down. */
export const STATUS_CHOICES = [STATUS_LABELS["not-started"], STATUS_LABELS["in-progress"], STATUS_LABELS.done];

const RED: CellTone = { fill: "#FFC7CE", color: "#9C0006" };
const AMBER: CellTone = { fill: "#FFEB9C", color: "#9C5700" };
const GREEN: CellTone = { fill: "#C6EFCE", color: "#006100" };
const TONES: Record<string, CellTone> = {
  "Chưa đạt": RED,
  Đạt: GREEN,
  Vượt: GREEN,
  [FLAG_LABELS.overdue]: RED,
  [FLAG_LABELS["due-soon"]]: AMBER,
  [FLAG_LABELS["done-late"]]: AMBER,
  [FLAG_LABELS.done]: GREEN,
};

const EMPTY: SheetView = { computed: new Map(), editable: new Map(), tones: new Map() };

/** The grid's view of a sheet as of `today` (what =TODAY() in the report date means). */
export function sheetView(sheet: SheetSnapshot, catalog: Catalog, today: IsoDate): SheetView {
  const plan = planCompute(sheet, { catalog, asOf: null, today });
  const read = plan.ok ? null : readTable(sheet, readerOptions(catalog));
  const table: Table | null = plan.ok ? plan.table : read?.ok ? read.table : null;
  if (!table) return EMPTY;
  const col = (role: AddinRole) => table.columns.find((c) => c.role === role);

  const editable = new Map<string, EditableCell>();
  const formula = (row: number, c: number) => sheet.formulas?.[row - 1]?.[c - 1] ?? null;
  const offer = (kind: EditableKind, row: number) => {
    const c = col(kind);
    // A cell holding a formula of the person's own is theirs to change in Excel, not here.
    if (c && formula(row, c.col) === null) editable.set(a1(row, c.col), { kind, row, col: c.col, label: c.label });
  };
  for (const r of table.rows) {
    if (r.kind === "indicator") offer("result", r.row);
    else if (r.kind === "task") {
      offer("status", r.row);
      offer("completedOn", r.row);
    }
  }

  const computed = new Map<string, CellValue>();
  const tones = new Map<string, CellTone>();
  if (plan.ok) {
    // Only columns the sheet already has: the plan would add the missing ones, which are not there to show.
    const put = (role: AddinRole, row: number, value: CellValue) => {
      const c = col(role);
      if (!c) return;
      if (formula(row, c.col) !== null) computed.set(a1(row, c.col), value);
    };
    for (const i of plan.report.indicators) {
      put("rate", i.row, i.rate ?? "");
      put("verdict", i.row, i.verdict ?? "");
    }
    for (const t of plan.report.tasks) {
      put("dueDate", t.row, t.dueDate ? toExcelSerial(t.dueDate) : "");
      put("flag", t.row, FLAG_LABELS[t.flag]);
    }
  }
  for (const role of ["verdict", "flag"] as const) {
    const c = col(role);
    if (!c) continue;
    for (const r of table.rows) {
      const address = a1(r.row, c.col);
      const v = computed.get(address) ?? sheet.values[r.row - 1]?.[c.col - 1] ?? null;
      const tone = typeof v === "string" ? TONES[v] : undefined;
      if (tone) tones.set(address, tone);
    }
  }
  return { computed, editable, tones };
}

export type CellEditPlan =
  | {
      ok: true;
      /** The typed value, and the refreshed results of the add-in's formulas on the row. */
      edits: Edit[];
      /** The edit list that puts back the cell and those results as they were. */
      undo: Edit[];
    }
  | { ok: false; message: string };

/**
 * What typing `typed` into an editable cell writes, read as Excel reads typing: "60%"
 * is 0.6 (and gets a percentage format on a General cell), a number typed into a
 * percentage cell is a percentage (60 → 60%, 0,6 → 60%), a decimal comma is a decimal
 * comma; a completion date must be a date ("30/06/2026", "ngày 30 tháng 6 năm 2026"),
 * a status one of the list's. The row's rate, verdict and flag are recomputed and
 * written as the cached results of their formulas, so that the downloaded file shows
 * them even where nothing recalculates.
 */
export function planCellEdit(sheet: SheetSnapshot, cell: EditableCell, typed: string, catalog: Catalog, today: IsoDate): CellEditPlan {
  const address = a1(cell.row, cell.col);
  const before = sheet.values[cell.row - 1]?.[cell.col - 1] ?? null;
  const formatBefore = sheet.numberFormats?.[cell.row - 1]?.[cell.col - 1] ?? null;
  const read = readTyped(cell, typed.normalize("NFC").trim(), formatBefore);
  if (!read.ok) return { ok: false, message: `Ô ${address}: ${read.message}` };

  const after = withCell(sheet, cell.row, cell.col, read.value, read.numberFormat ?? formatBefore);
  const newView = sheetView(after, catalog, today);
  const edits: Edit[] = [];
  const undo: Edit[] = [];
  if (read.numberFormat) {
    edits.push({ op: "setStyle", sheet: sheet.name, range: address, style: { numberFormat: read.numberFormat } });
    undo.push({ op: "setStyle", sheet: sheet.name, range: address, style: { numberFormat: formatBefore ?? "General" } });
  }
  edits.push({ op: "setValues", sheet: sheet.name, range: address, values: [[read.value]] });
  undo.push({ op: "setValues", sheet: sheet.name, range: address, values: [[before]] });
  for (const [at, value] of newView.computed) {
    const { row, col } = parseA1(at);
    if (row !== cell.row) continue;
    const f = sheet.formulas?.[row - 1]?.[col - 1];
    const cached = sheet.values[row - 1]?.[col - 1] ?? null;
    if (!f || value === cached) continue;
    edits.push({ op: "setValues", sheet: sheet.name, range: at, values: [[{ formula: f, value } as CellInput]] });
    undo.push({ op: "setValues", sheet: sheet.name, range: at, values: [[{ formula: f, value: cached } as CellInput]] });
  }
  return { ok: true, edits, undo: undo.reverse() };
}

type Typed = { ok: true; value: CellValue; numberFormat?: string } | { ok: false; message: string };

function readTyped(cell: EditableCell, text: string, format: string | null): Typed {
  if (text === "") return { ok: true, value: null };
  if (cell.kind === "status") {
    const choice = STATUS_CHOICES.find((s) => s.toLocaleLowerCase("vi") === text.toLocaleLowerCase("vi"));
    return choice ? { ok: true, value: choice } : { ok: false, message: `chọn một trong: ${STATUS_CHOICES.join(", ")}.` };
  }
  if (cell.kind === "completedOn") {
    const date = parseDateText(text);
    if (!date) return { ok: false, message: `“${text}” không phải là ngày. Hãy nhập ngày dạng ngày/tháng/năm, ví dụ 30/06/2026.` };
    return { ok: true, value: toExcelSerial(date), ...(isDateFormat(format) ? {} : { numberFormat: DATE_FORMAT }) };
  }
  const percentCell = isPercentFormat(format);
  const pct = text.match(/^([+-]?\d[\d.,\s]*?)\s*%$/);
  if (pct) {
    const n = parseLocaleNumber(pct[1]);
    if (Number.isFinite(n)) {
      const value = n / 100;
      if (percentCell) return { ok: true, value };
      return { ok: true, value, numberFormat: Number.isInteger(n) ? "0%" : "0.0%" };
    }
  }
  const n = parseLocaleNumber(text);
  if (Number.isFinite(n)) {
    // Excel's automatic percent entry: into a percentage cell, 60 means 60% and 0,6 means 60%.
    return { ok: true, value: percentCell && Math.abs(n) >= 1 ? n / 100 : n };
  }
  return { ok: true, value: text };
}

/** A percentage format: a % outside quotes and brackets ("0%", "0.0%"; not "0\"%\""). */
function isPercentFormat(format: string | null): boolean {
  if (!format) return false;
  return format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "").includes("%");
}

function withCell(sheet: SheetSnapshot, row: number, col: number, value: CellValue, format: string | null): SheetSnapshot {
  const values = sheet.values.slice();
  const line = (values[row - 1] ?? []).slice();
  while (line.length < col) line.push(null);
  line[col - 1] = value;
  values[row - 1] = line;
  const formats = (sheet.numberFormats ?? []).slice();
  const fline = (formats[row - 1] ?? []).slice();
  while (fline.length < col) fline.push(null);
  fline[col - 1] = format;
  formats[row - 1] = fline;
  return { ...sheet, values, numberFormats: formats };
}
