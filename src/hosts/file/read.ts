/**
 * The file host's reading half: an .xlsx (bytes) → workbook snapshot, through ExcelJS.
 * Used by the command line and, in the browser, for files picked from disk.
 */
import type ExcelJS from "exceljs";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../domain/snapshot";
import { toExcelSerial, isoDate } from "../../domain/dates";
import { HostError } from "./errors";

/** Files larger than this are refused before parsing (a decompression bomb guard). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export async function loadExcelJS(): Promise<typeof ExcelJS> {
  const mod = await import("exceljs");
  return (mod as unknown as { default?: typeof ExcelJS }).default ?? (mod as unknown as typeof ExcelJS);
}

/** Open workbook bytes with ExcelJS, turning every failure into a Vietnamese HostError. */
export async function openWorkbook(data: ArrayBuffer | Uint8Array, fileName = "tệp"): Promise<ExcelJS.Workbook> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.byteLength > MAX_FILE_BYTES) {
    throw new HostError("file-too-large", `Tệp "${fileName}" quá lớn (${Math.round(bytes.byteLength / 1048576)} MB; giới hạn ${MAX_FILE_BYTES / 1048576} MB).`);
  }
  if (bytes.byteLength < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    const hint =
      bytes[0] === 0xd0 && bytes[1] === 0xcf
        ? " Có thể đây là tệp .xls cũ hoặc tệp được đặt mật khẩu: hãy mở bằng Excel, bỏ mật khẩu nếu có và lưu lại dưới dạng .xlsx."
        : " Hãy mở tệp bằng Excel và lưu lại dưới dạng Sổ làm việc Excel (.xlsx).";
    throw new HostError("not-xlsx", `Tệp "${fileName}" không phải là tệp Excel .xlsx hợp lệ.${hint}`);
  }
  const ExcelJSLib = await loadExcelJS();
  const wb = new ExcelJSLib.Workbook();
  try {
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (e) {
    throw new HostError("unreadable", `Không đọc được tệp "${fileName}": tệp bị hỏng hoặc không đúng định dạng .xlsx.`, e);
  }
  return wb;
}

/** Snapshot every worksheet of an ExcelJS workbook. */
export function snapshotWorkbook(wb: ExcelJS.Workbook, fileName?: string): WorkbookSnapshot {
  const names: Record<string, string> = {};
  try {
    const model = (wb as unknown as { definedNames?: { model?: { name: string; ranges: string[] }[] } }).definedNames?.model ?? [];
    for (const n of model) names[n.name] = n.ranges.join(",");
  } catch {
    // Defined names are a convenience; a workbook without readable ones is still read.
  }
  return { sheets: wb.worksheets.map(snapshotSheet), names, ...(fileName ? { fileName } : {}) };
}

export function snapshotSheet(ws: ExcelJS.Worksheet): SheetSnapshot {
  const values: CellValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  const formulas: (string | null)[][] = [];
  const hiddenRows: number[] = [];
  const notes: Record<string, string> = {};
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (row.hidden) hiddenRows.push(r);
    const vals: CellValue[] = [];
    const fmts: (string | null)[] = [];
    const fs: (string | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // ExcelJS repeats a merged area's value in every cell of it; Office.js and the
      // reader expect it only in the top-left cell.
      if (cell.isMerged && cell.master.address !== cell.address) return;
      if (cell.note) notes[cell.address] = noteText(cell.note);
      const [v, f] = plainValue(cell);
      vals[c - 1] = v;
      fmts[c - 1] = cell.numFmt ?? null;
      fs[c - 1] = f;
    });
    values[r - 1] = fill(vals, null);
    numberFormats[r - 1] = fill(fmts, null);
    formulas[r - 1] = fill(fs, null);
  });
  const hiddenColumns: number[] = [];
  for (let c = 1; c <= ws.columnCount; c++) if (ws.getColumn(c).hidden) hiddenColumns.push(c);
  const merges = Object.keys((ws as unknown as { _merges?: Record<string, unknown> })._merges ?? {}).map((k) => {
    const m = (ws as unknown as { _merges: Record<string, { range: string }> })._merges[k];
    return m.range;
  });
  return {
    name: ws.name,
    values: fill(values, []).map((r) => r ?? []),
    numberFormats: fill(numberFormats, []).map((r) => r ?? []),
    formulas: fill(formulas, []).map((r) => r ?? []),
    merges,
    hiddenRows,
    hiddenColumns,
    protected: Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet),
    notes,
  };
}

function noteText(note: ExcelJS.Cell["note"]): string {
  if (typeof note === "string") return note;
  return (note as { texts?: { text: string }[] }).texts?.map((t) => t.text).join("") ?? "";
}

function fill<T>(arr: T[], empty: T): T[] {
  const out: T[] = [];
  for (let i = 0; i < arr.length; i++) out.push(i in arr && arr[i] !== undefined ? arr[i] : empty);
  return out;
}

/** ExcelJS cell → the plain value Office.js would report, plus its formula if any. */
function plainValue(cell: ExcelJS.Cell): [CellValue, string | null] {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return [null, null];
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return [v, null];
  if (v instanceof Date) return [dateToSerial(v), null];
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("formula" in o || "sharedFormula" in o) {
      const formula = "=" + String(o.formula ?? o.sharedFormula ?? "");
      // cell.value drops a falsy result (a formula that computed 0 or ""); the model keeps it.
      const result = (o.result ?? (cell as unknown as { model?: { result?: unknown } }).model?.result) as unknown;
      if (result instanceof Date) return [dateToSerial(result), formula];
      if (result && typeof result === "object" && "error" in (result as object)) return [String((result as { error: string }).error), formula];
      return [(result as CellValue) ?? null, formula];
    }
    if ("richText" in o) return [(o.richText as { text: string }[]).map((t) => t.text).join(""), null];
    if ("text" in o && "hyperlink" in o) return [String(o.text), null];
    if ("error" in o) return [String(o.error), null];
  }
  return [String(v), null];
}

/** ExcelJS gives dates as UTC midnights of the calendar day; turn them into serials. */
function dateToSerial(d: Date): number {
  const day = toExcelSerial(isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()));
  const frac = (d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds()) / 86400;
  return day + frac;
}
