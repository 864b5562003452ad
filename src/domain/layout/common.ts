/**
 * What the inserted sheets share: the Decree 30/2020/NĐ-CP heading, the report-date
 * cell, fonts and colours, and a small writer that turns a sheet's layout into edits.
 */
import type { CellInput, CellStyle, Edit } from "../edits";
import type { Commune, UnitType } from "../../catalog/types";
import { a1, columnLetter } from "../address";
import { formatDateVi, toExcelSerial, type IsoDate } from "../dates";

/** Decree 30: Times New Roman; body 13; issuing body and national heading 12–13; title 14. */
export const FONT = "Times New Roman";
export const BODY_SIZE = 13;
export const TITLE_SIZE = 14;
export const DATE_FORMAT = "dd/mm/yyyy";

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
}

/** "…/KH-UBND" or "45/KH-UBND" from what the official gave ("45", "45/KH-UBND"). */
export function planNumberText(planNumber: string | null | undefined): string {
  const n = (planNumber ?? "").trim();
  if (!n) return "…/KH-UBND";
  return n.includes("/") ? n : `${n}/KH-UBND`;
}

/** "(Kèm theo Kế hoạch số …/KH-UBND ngày …/…/2026 của UBND xã Tân Lợi)". */
export function planReference(h: Pick<HeadingInput, "commune" | "type" | "year" | "planNumber" | "planDate">): string {
  const date = h.planDate ? formatDateVi(h.planDate) : `…/…/${h.year}`;
  return `(Kèm theo Kế hoạch số ${planNumberText(h.planNumber)} ngày ${date} của UBND ${typeWord(h.type)} ${h.commune.name})`;
}

/** Rows 1–6: issuing body and national heading, then the appendix title and the plan reference. */
export function writeHeading(w: SheetWriter, h: HeadingInput): void {
  const right = h.leftCols + 1;
  const body: CellStyle = { fontName: FONT, fontSize: BODY_SIZE, bold: true, horizontal: "center", vertical: "middle" };
  w.value(1, 1, "ỦY BAN NHÂN DÂN");
  w.value(2, 1, upperVi(`${typeWord(h.type)} ${h.commune.name}`));
  w.value(1, right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  w.value(2, right, "Độc lập - Tự do - Hạnh phúc");
  for (const row of [1, 2]) {
    w.merge(rowRange(row, 1, h.leftCols));
    w.merge(rowRange(row, right, h.lastCol));
    w.style(rowRange(row, 1, h.lastCol), body);
  }
  w.value(4, 1, `PHỤ LỤC ${h.numeral}`);
  w.value(5, 1, upperVi(h.title));
  w.value(6, 1, planReference(h));
  for (const row of [4, 5, 6]) w.merge(rowRange(row, 1, h.lastCol));
  w.style(rowRange(4, 1, h.lastCol), { fontName: FONT, fontSize: TITLE_SIZE, bold: true, horizontal: "center", vertical: "middle" });
  w.style(rowRange(5, 1, h.lastCol), { fontName: FONT, fontSize: TITLE_SIZE, bold: true, horizontal: "center", vertical: "middle" });
  w.style(rowRange(6, 1, h.lastCol), { fontName: FONT, fontSize: BODY_SIZE, italic: true, horizontal: "center", vertical: "middle" });
  for (const row of [1, 2, 4, 5, 6]) w.rowHeight(row, row === 4 || row === 5 ? 20 : 18);
  w.rowHeight(3, 8);
}

/**
 * A labelled setting above the table ("Ngày báo cáo:" → a date): the label spans the
 * two columns left of the value, the value is tinted as something to fill in.
 */
export function writeSetting(
  w: SheetWriter,
  row: number,
  valueCol: number,
  label: string,
  value: CellInput,
  style: CellStyle = {},
): void {
  w.value(row, valueCol - 2, label);
  w.merge(rowRange(row, valueCol - 2, valueCol - 1));
  w.style(rowRange(row, valueCol - 2, valueCol - 1), { fontName: FONT, fontSize: BODY_SIZE, italic: true, horizontal: "right", vertical: "middle" });
  w.style(a1(row, valueCol), {
    fontName: FONT,
    fontSize: BODY_SIZE,
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

// ---------- row heights ----------
//
// Neither LibreOffice nor (for merged cells) Excel fits a row to wrapped text when it
// opens a file, so the layout sets the heights of the rows it fills, from the text and
// the column widths. Widths are Times New Roman's (Adobe metrics, thousandths of an
// em); a Vietnamese letter takes its base letter's width.

const LOWER = "444 500 444 500 444 333 500 500 278 278 500 278 778 500 500 500 500 333 389 278 500 500 722 500 500 444".split(" ").map(Number);
const UPPER = "722 667 667 722 611 556 722 722 333 389 722 611 889 722 722 556 722 667 556 611 722 722 944 722 722 611".split(" ").map(Number);
const OTHER: Record<string, number> = { " ": 250, ",": 250, ".": 250, "-": 333, "(": 333, ")": 333, "/": 278, "%": 833, ":": 278, ";": 278, "≥": 549, "≤": 549, "&": 778, '"': 408, "'": 180 };

function charWidth(ch: string): number {
  const base = ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  const c = base === "đ" ? "d" : base === "Đ" ? "D" : base[0] ?? ch;
  const hornExtra = /[ưƯơƠ]/.test(ch) ? 80 : 0;
  if (c >= "a" && c <= "z") return LOWER[c.charCodeAt(0) - 97] + hornExtra;
  if (c >= "A" && c <= "Z") return UPPER[c.charCodeAt(0) - 65] + hornExtra;
  if (c >= "0" && c <= "9") return 500;
  return OTHER[c] ?? 500;
}

/** Lines a text takes in a column `width` characters wide (Excel's unit) at `fontSize` points. */
export function textLines(text: string, width: number, fontSize: number, bold = false): number {
  const columnPx = width * 7; // Excel's character unit (7 px) plus its 5 px padding, less the cell's margins
  const scale = ((fontSize * 96) / 72 / 1000) * (bold ? 1.08 : 1);
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let line = 0;
    let count = 1;
    for (const word of paragraph.split(" ")) {
      const w = [...word].reduce((s, ch) => s + charWidth(ch), 0) * scale;
      const space = line > 0 ? 250 * scale : 0;
      if (line > 0 && line + space + w > columnPx) {
        count++;
        line = w;
      } else line += space + w;
      // A word longer than the line breaks inside itself.
      while (line > columnPx) {
        count++;
        line -= columnPx;
      }
    }
    lines += count;
  }
  return Math.max(1, lines);
}

/** Height in points of a row whose cells hold these texts, wrapped in their columns. */
export function rowHeightFor(cells: { text: string; width: number; fontSize?: number; bold?: boolean }[]): number {
  let lines = 1;
  let size = BODY_SIZE;
  for (const c of cells) {
    if (!c.text) continue;
    const n = textLines(c.text, c.width, c.fontSize ?? BODY_SIZE, c.bold);
    if (n > lines) lines = n;
    size = Math.max(size, c.fontSize ?? BODY_SIZE);
  }
  return Math.ceil(lines * size * 1.17 + 4);
}
