/**
 * What the inserted sheets share: the Decree 30/2020/NĐ-CP heading, the report-date
 * cell, fonts and colours, and a small writer that turns a sheet's layout into edits.
 */
import type { CellInput, CellStyle, Edit } from "../edits";
import type { Commune, UnitType } from "../../catalog/types";
import { a1, columnLetter } from "../address";
import { blankDateInWords, dateInWords, toExcelSerial, type IsoDate } from "../dates";
import { FONT, HEADING_SIZE, TITLE_SIZE, writeDocumentHeading, type Grid } from "./document";
import { rowHeightFor as heightFor } from "./metrics";

/**
 * Decree 30: Times New Roman; the heading block and the reference line 13 pt, the
 * title 14 pt; table text 12 pt (the decree allows 12–13), never shrunk below it.
 */
export { FONT, TITLE_SIZE };
export const BODY_SIZE = HEADING_SIZE;
export const TABLE_SIZE = 12;
export const DATE_FORMAT = "dd/mm/yyyy";

/**
 * Which form of an appendix: "ke-hoach", the plan appendix filed with the plan (no
 * result or report columns), or "bao-cao", the report form (results, rates, verdicts,
 * flags and the report date).
 */
export type AppendixForm = "ke-hoach" | "bao-cao";

/** Rows of the appendix sheets: heading 1–6, settings 7–8, the table's header 9. */
export const REPORT_DATE_ROW = 7;
export const WINDOW_ROW = 8;
export const HEADER_ROW = 9;

export const COLORS = {
  headerFill: "#D9E2F3",
  groupFill: "#F2F2F2",
  inputFill: "#FFF2CC", // cells the official sets for the whole sheet (report date, window)
  red: { fill: "#FFC7CE", font: "#9C0006" },
  amber: { fill: "#FFEB9C", font: "#9C5700" },
  green: { fill: "#C6EFCE", font: "#006100" },
} as const;

/** Accumulates one sheet's edits in a host-neutral order: content, then layout, then rules. */
export class SheetWriter {
  readonly edits: Edit[] = [];
  constructor(readonly sheet: string) {}

  values(row: number, col: number, values: CellInput[][]): void {
    if (values.length === 0 || values[0].length === 0) return;
    const width = Math.max(...values.map((r) => r.length));
    const padded = values.map((r) => [...r, ...Array<CellInput>(width - r.length).fill(null)]);
    const range = `${a1(row, col)}:${a1(row + padded.length - 1, col + width - 1)}`;
    this.edits.push({ op: "setValues", sheet: this.sheet, range, values: padded });
  }

  value(row: number, col: number, value: CellInput): void {
    this.values(row, col, [[value]]);
  }

  style(range: string, style: CellStyle): void {
    this.edits.push({ op: "setStyle", sheet: this.sheet, range, style });
  }

  merge(range: string): void {
    this.edits.push({ op: "merge", sheet: this.sheet, range });
  }

  rowHeight(row: number, height: number): void {
    this.edits.push({ op: "rowHeight", sheet: this.sheet, row, height });
  }

  push(...edits: Edit[]): void {
    this.edits.push(...edits);
  }

  /** The same writer seen as a grid of rows and column spans (the document parts write through it). */
  grid(): Grid {
    return {
      text: (row, col, value) => this.value(row, col, value),
      style: (row, from, to, style) => this.style(rowRange(row, from, to), style),
      merge: (row, from, to) => {
        if (to > from) this.merge(rowRange(row, from, to));
      },
      height: (row, points) => this.rowHeight(row, points),
    };
  }
}

/** Height in points of a table row whose cells hold these texts (12 pt unless a cell says otherwise). */
export function rowHeightFor(cells: { text: string; width: number; fontSize?: number; bold?: boolean }[]): number {
  return heightFor(cells, TABLE_SIZE);
}

/** "A9:K9" for a row across columns. */
/** The lead-unit column's drop-down from the "Danh mục" list, the same on both appendices. */
export function leadValidation(sheet: string, range: string, source: string): Edit {
  return {
    op: "listValidation",
    sheet,
    range,
    source,
    // Free text: several bodies ("Phòng A; Phòng B") are typed, not picked, so a value
    // not in the list warns instead of being refused (Excel's default is to stop).
    errorStyle: "warning",
    prompt: {
      title: "Đơn vị chủ trì",
      message: "Chọn đơn vị chủ trì trong danh sách (trang Danh mục). Nhiều đơn vị thì gõ, cách nhau bằng dấu chấm phẩy (;).",
    },
  };
}

export function rowRange(row: number, fromCol: number, toCol: number): string {
  return `${a1(row, fromCol)}:${a1(row, toCol)}`;
}

/** "C10:C57" for a column down rows. */
export function colRange(col: number, fromRow: number, toRow: number): string {
  return `${a1(fromRow, col)}:${a1(toRow, col)}`;
}

/** An absolute reference to one cell ("$K$7"), as the formulas name the report date. */
export function absolute(row: number, col: number): string {
  return `$${columnLetter(col)}$${row}`;
}

/** "xã" / "phường", and the commune's name in the heading's capitals. */
export function typeWord(type: UnitType): string {
  return type === "phuong" ? "phường" : "xã";
}

export function upperVi(text: string): string {
  return text.normalize("NFC").toLocaleUpperCase("vi");
}

export interface HeadingInput {
  commune: Commune;
  type: UnitType;
  year: number;
  /** "I" or "II". */
  numeral: string;
  title: string;
  planNumber?: string | null;
  planDate?: IsoDate | null;
  lastCol: number;
  /** Last column of the issuing-body block (the national heading takes the rest). */
  leftCols: number;
  /** Widths of the columns A.. in units, 0 for hidden ones (rule lines and row heights follow them). */
  widths: number[];
}

/** "…/KH-UBND" or "45/KH-UBND" from what the official gave ("45", "45/KH-UBND"). */
export function planNumberText(planNumber: string | null | undefined): string {
  const n = (planNumber ?? "").trim();
  if (!n) return "…/KH-UBND";
  return n.includes("/") ? n : `${n}/KH-UBND`;
}

/**
 * "(Kèm theo Kế hoạch số …/KH-UBND ngày … tháng … năm 2026 của UBND xã Tân Lợi)", the
 * date in words as the decree writes it ("ngày 12 tháng 3 năm 2026" when known).
 */
export function planReference(h: Pick<HeadingInput, "commune" | "type" | "year" | "planNumber" | "planDate">): string {
  const date = h.planDate ? dateInWords(h.planDate) : blankDateInWords(h.year);
  return `(Kèm theo Kế hoạch số ${planNumberText(h.planNumber)} ${date} của UBND ${typeWord(h.type)} ${h.commune.name})`;
}

/**
 * Rows 1–6: the issuing body and the national heading with their rule lines (1–3),
 * then "PHỤ LỤC I", the title and the plan reference (4–6).
 */
export function writeHeading(w: SheetWriter, h: HeadingInput): void {
  writeDocumentHeading(w.grid(), {
    body: ["ỦY BAN NHÂN DÂN", upperVi(`${typeWord(h.type)} ${h.commune.name}`)],
    left: [1, h.leftCols],
    right: [h.leftCols + 1, h.lastCol],
    lastCol: h.lastCol,
    widths: h.widths,
    lines: [
      { text: `PHỤ LỤC ${h.numeral}`, size: TITLE_SIZE, bold: true },
      { text: upperVi(h.title), size: TITLE_SIZE, bold: true },
      { text: planReference(h), size: BODY_SIZE, italic: true },
    ],
  });
}

/**
 * A labelled setting above the table ("Ngày báo cáo:" → a date): the label spans the
 * three columns left of the value, the value is tinted as something to fill in.
 */
export function writeSetting(
  w: SheetWriter,
  row: number,
  valueCol: number,
  label: string,
  value: CellInput,
  style: CellStyle = {},
): void {
  // Over the three columns left of the value: "Số ngày cảnh báo sắp đến hạn:" needs them.
  w.value(row, valueCol - 3, label);
  w.merge(rowRange(row, valueCol - 3, valueCol - 1));
  w.style(rowRange(row, valueCol - 3, valueCol - 1), { fontName: FONT, fontSize: TABLE_SIZE, italic: true, horizontal: "right", vertical: "middle" });
  w.style(a1(row, valueCol), {
    fontName: FONT,
    fontSize: TABLE_SIZE,
    bold: true,
    horizontal: "center",
    vertical: "middle",
    border: true,
    fill: COLORS.inputFill,
    ...style,
  });
  w.value(row, valueCol, value);
  w.rowHeight(row, 20);
}

/**
 * The report date: the given date, or =TODAY() so the sheet keeps counting on its own
 * (with today's date, when known, as the value a viewer that does not recalculate shows).
 */
export function reportDateInput(reportDate: IsoDate | null | undefined, today?: IsoDate | null): CellInput {
  return reportDate ? toExcelSerial(reportDate) : { formula: "=TODAY()", ...(today ? { value: toExcelSerial(today) } : {}) };
}

/** Report-date input message. */
export const REPORT_DATE_PROMPT = {
  title: "Ngày báo cáo",
  message: "Để công thức =TODAY() thì bảng luôn tính theo ngày hôm nay; nhập một ngày (ngày/tháng/năm) để tính theo kỳ báo cáo đó.",
};

/** Group consecutive rows that share a value into ranges, to keep the edit list short. */
export function runs<T>(rows: { row: number; value: T }[]): { from: number; to: number; value: T }[] {
  const out: { from: number; to: number; value: T }[] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && last.to === r.row - 1 && last.value === r.value) last.to = r.row;
    else out.push({ from: r.row, to: r.row, value: r.value });
  }
  return out;
}

export { textLines } from "./metrics";
