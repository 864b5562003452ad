/**
 * One worksheet part → the domain's SheetSnapshot, streamed (no tree): values as
 * Office.js reports them (dates as serials of the 1900 system, a formula's cached
 * result), number formats, formulas ("=..."; shared formulas filled in), merged
 * areas, hidden rows and columns, protection in both dialects (Excel's sheet="1",
 * LibreOffice's sheet="true").
 */
import type { CellValue, SheetSnapshot } from "../../../domain/snapshot";
import { parseRange } from "../../../domain/address";
import { isDateFormat, toExcelSerial, isoDate } from "../../../domain/dates";
import { shiftFormula } from "./formula";
import type { StyleFormats } from "./styles";
import { excelUnescape } from "./text";
import { scanXml } from "./xml";

/** The name without its prefix (a copy of xml.ts's `local`: called for every element read). */
function local(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

/** Serial 0 of the 1904 system is serial 1462 of the 1900 system. */
export const DAYS_1904 = 1462;

export interface SheetReadContext {
  strings(): string[];
  formats: StyleFormats;
  date1904: boolean;
  /** Called now and then while reading; throws to stop a read that takes too long. */
  tick?(): void;
}

/** The file is damaged in a way XML parsing does not see (a shared string that does not exist, merged areas that overlap). */
export class SheetDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SheetDataError";
  }
}

/** Column widths are read for this many columns (a <col> element may span all 16,384). */
const MAX_WIDTH_COLUMNS = 1024;

export const isTrue = (v: string | undefined) => v === "1" || v === "true" || v === "on";

export interface SheetRead {
  snapshot: Omit<SheetSnapshot, "name" | "notes">;
  /** Cell elements read (for the cell limit). */
  cells: number;
}

/** The column of a cell reference: "B12" → 2. */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + c - 64;
    else if (c >= 97 && c <= 122) n = n * 26 + c - 96;
    else if (c !== 36) break; // "$"
  }
  return n;
}

export function readSheetXml(xml: string, ctx: SheetReadContext): SheetRead {
  const values: CellValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  const formulas: (string | null)[][] = [];
  const merges: string[] = [];
  const hiddenRows: number[] = [];
  const hiddenColumns: number[] = [];
  const columnWidths: (number | null)[] = [];
  let isProtected = false;
  let fitToPage = false;
  let landscape = false;
  let cells = 0;

  const shared = new Map<string, { text: string; row: number; col: number }>();
  let inSheetData = false;
  let row = 0;
  let col = 0;
  // The cell being read.
  let type = "";
  let style = 0;
  let v: string | null = null;
  let f: string | null = null;
  let fAttrs: Record<string, string> | null = null;
  let inline = "";
  // Which text is being collected: v, f, or t inside <is> (not in a phonetic run).
  let collect: "v" | "f" | "t" | null = null;
  let inIs = false;
  let inPhonetic = 0;
  let inCell = false;

  let strings: string[] | null = null;
  const finishCell = () => {
    cells++;
    let value: CellValue = null;
    switch (type) {
      case "s": {
        if (v !== null && v.trim() !== "") {
          strings ??= ctx.strings();
          const i = Number(v);
          if (!Number.isInteger(i) || i < 0 || i >= strings.length) throw new SheetDataError(`shared string ${v} does not exist`);
          value = strings[i];
        }
        break;
      }
      case "inlineStr":
        value = excelUnescape(inline);
        break;
      case "str":
        value = v === null ? null : excelUnescape(v);
        break;
      case "b":
        value = v === null ? null : v.trim() === "1" || v.trim().toLowerCase() === "true";
        break;
      case "e":
        value = v;
        break;
      case "d":
        value = v === null ? null : isoToSerial(v);
        break;
      default:
        if (v !== null && v.trim() !== "") {
          const n = Number(v);
          value = Number.isFinite(n) ? n : v;
        }
    }
    const format = style ? ctx.formats.of(style) : null;
    if (ctx.date1904 && typeof value === "number" && type !== "d" && isDateFormat(format)) value += DAYS_1904;
    let formula: string | null = null;
    if (f !== null || fAttrs) {
      const ft = fAttrs?.t;
      if (ft === "shared" && fAttrs?.si !== undefined) {
        if (f !== null && f !== "") {
          shared.set(fAttrs.si, { text: f, row, col });
          formula = "=" + f;
        } else {
          const master = shared.get(fAttrs.si);
          if (master) formula = "=" + shiftFormula(master.text, row - master.row, col - master.col);
        }
      } else if (ft !== "dataTable" && f !== null && f !== "") formula = "=" + f;
    }
    if (value !== null || format !== null || formula !== null) {
      const r = row - 1;
      const c = col - 1;
      (values[r] ??= [])[c] = value;
      (numberFormats[r] ??= [])[c] = format;
      (formulas[r] ??= [])[c] = formula;
    }
  };

  let rowsSeen = 0;
  scanXml(xml, {
    open(name, a, selfClosing) {
      const n = local(name);
      if (inCell) {
        if (n === "v") collect = "v";
        else if (n === "f") {
          collect = "f";
          f = "";
          fAttrs = a;
        } else if (n === "is") inIs = true;
        else if (n === "rPh") inPhonetic++;
        else if (n === "t" && inIs && !inPhonetic) collect = "t";
        return;
      }
      if (inSheetData) {
        if (n === "row") {
          row = a.r ? Number(a.r) : row + 1;
          col = 0;
          if (isTrue(a.hidden)) hiddenRows.push(row);
          if (++rowsSeen % 2048 === 0) ctx.tick?.();
        } else if (n === "c") {
          col = a.r ? columnOf(a.r) : col + 1;
          type = a.t ?? "";
          style = a.s ? Number(a.s) || 0 : 0;
          v = null;
          f = null;
          fAttrs = null;
          inline = "";
          if (selfClosing) finishCell();
          else inCell = true;
        }
        return;
      }
      switch (n) {
        case "sheetData":
          if (!selfClosing) inSheetData = true;
          break;
        case "col": {
          const min = Number(a.min);
          if (isTrue(a.hidden)) {
            const max = Math.min(Number(a.max), 16_384);
            for (let c = min; c <= max; c++) hiddenColumns.push(c);
          }
          const width = Number(a.width);
          if (a.width !== undefined && Number.isFinite(width) && width >= 0 && min >= 1) {
            // A <col> often spans to XFD; widths past the columns a table can use are of no interest.
            for (let c = min; c <= Math.min(Number(a.max), MAX_WIDTH_COLUMNS); c++) columnWidths[c - 1] = width;
          }
          break;
        }
        case "mergeCell":
          if (a.ref) merges.push(a.ref);
          break;
        case "sheetProtection":
          isProtected = isTrue(a.sheet);
          break;
        case "pageSetUpPr":
          fitToPage = isTrue(a.fitToPage);
          break;
        case "pageSetup":
          landscape = a.orientation === "landscape";
          break;
      }
    },
    close(name) {
      const n = local(name);
      if (inCell) {
        if (n === "c") {
          inCell = false;
          inIs = false;
          finishCell();
        } else if (n === "rPh") inPhonetic--;
        else if (n === "is") inIs = false;
        else if (n === "v" || n === "f" || n === "t") collect = null;
        return;
      }
      if (n === "sheetData") inSheetData = false;
    },
    text(t) {
      if (collect === "v") v = (v ?? "") + t;
      else if (collect === "f") f += t;
      else if (collect === "t") inline += t;
    },
  });

  checkMerges(merges);
  // A merged area's value is in its top-left cell only, as Office.js reports it.
  for (const m of merges) {
    const r = parseRange(m);
    for (let rr = r.top; rr <= Math.min(r.bottom, values.length); rr++) {
      const vals = values[rr - 1];
      if (!vals) continue;
      for (let cc = r.left; cc <= Math.min(r.right, vals.length); cc++) {
        if (rr === r.top && cc === r.left) continue;
        if (cc - 1 in vals) {
          vals[cc - 1] = null;
          numberFormats[rr - 1][cc - 1] = null;
          formulas[rr - 1][cc - 1] = null;
        }
      }
    }
  }
  return {
    snapshot: {
      values: dense(values),
      numberFormats: dense(numberFormats),
      formulas: dense(formulas),
      merges,
      hiddenRows,
      hiddenColumns: [...new Set(hiddenColumns)].sort((a, b) => a - b),
      columnWidths: Array.from(columnWidths, (w) => w ?? null),
      protected: isProtected,
      // The print area is a workbook name; the package reader adds it.
      print: { area: null, orientation: landscape ? "landscape" : "portrait", fitToWidth: fitToPage },
    },
    cells,
  };
}

/** Rows without holes, in place: a missing row becomes [], a missing cell null. */
function dense<T>(rows: (T | null)[][]): (T | null)[][] {
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) {
      rows[r] = [];
      continue;
    }
    for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
  }
  return rows;
}

/** Excel refuses (offers to repair) a sheet whose merged areas overlap: so do we. */
function checkMerges(merges: string[]): void {
  if (merges.length < 2) return;
  const areas = merges.map((m) => parseRange(m)).sort((a, b) => a.top - b.top);
  const open: typeof areas = [];
  for (const a of areas) {
    for (let i = open.length - 1; i >= 0; i--) if (open[i].bottom < a.top) open.splice(i, 1);
    for (const o of open) if (o.left <= a.right && a.left <= o.right) throw new SheetDataError("merged areas overlap");
    open.push(a);
  }
}

/** An ISO 8601 date-time (t="d" cells) → a serial of the 1900 system. */
function isoToSerial(text: string): number | string {
  const m = text.trim().match(/^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/);
  if (!m) return text;
  const day = toExcelSerial(isoDate(Number(m[1]), Number(m[2]), Number(m[3])));
  const secs = (Number(m[4] ?? 0) * 3600 + Number(m[5] ?? 0) * 60 + Number(m[6] ?? 0)) / 86400;
  return day + secs;
}
