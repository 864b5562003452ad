/**
 * The declarative list of changes a command asks a host to make. The domain
 * computes it; Excel (Office.js), ExcelJS and the web page apply it. Nothing in
 * here knows how a host works.
 */
import type { CellValue } from "./snapshot";

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontName?: string;
  fontColor?: string; // "#RRGGBB"
  fill?: string; // "#RRGGBB"
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "middle" | "bottom";
  wrap?: boolean;
  border?: boolean; // thin border on every side
  numberFormat?: string;
}

/** A value to write: a constant, or a formula when `formula` is set ("=..."). */
export type CellInput = CellValue | { formula: string };

export type Edit =
  | { op: "addSheet"; sheet: string }
  | { op: "setValues"; sheet: string; range: string; values: CellInput[][] }
  | { op: "setStyle"; sheet: string; range: string; style: CellStyle }
  | { op: "merge"; sheet: string; range: string }
  /**
   * Width in characters. `hidden` hides the column (the layout's helper columns that
   * formulas read and people need not see or print).
   */
  | { op: "columnWidths"; sheet: string; widths: { col: number; width: number; hidden?: boolean }[] }
  | { op: "rowHeight"; sheet: string; row: number; height: number } // points
  | {
      op: "listValidation";
      sheet: string;
      range: string;
      /** A formula for the source list ("='Danh mục'!$A$2:$A$20") or the items themselves. */
      source: string | string[];
      prompt?: { title: string; message: string };
    }
  | { op: "dateValidation"; sheet: string; range: string; prompt?: { title: string; message: string } }
  | {
      op: "conditionalFormat";
      sheet: string;
      range: string;
      /** Cells equal to this text get the fill and font colour. */
      equals: string;
      fill: string;
      fontColor: string;
    }
  | { op: "freeze"; sheet: string; rows: number; cols?: number }
  | {
      op: "pageSetup";
      sheet: string;
      orientation: "landscape" | "portrait";
      fitToWidth: boolean;
      /** Rows repeated at the top of every printed page, e.g. "7:7". */
      printTitleRows?: string;
    }
  | { op: "defineName"; name: string; formula: string; comment?: string }
  | { op: "setNote"; sheet: string; cell: string; text: string }
  | { op: "select"; sheet: string; range: string }
  /** A chart over a data range; hosts that cannot draw charts (ExcelJS) skip it. */
  | { op: "chart"; sheet: string; type: "bar" | "column"; dataRange: string; title: string; anchor: string };

/** The sheets an edit list creates, in order. */
export function sheetsAdded(edits: Edit[]): string[] {
  return edits.flatMap((e) => (e.op === "addSheet" ? [e.sheet] : []));
}

/** A cell input that is a formula. */
export function isFormula(v: CellInput): v is { formula: string } {
  return typeof v === "object" && v !== null && "formula" in v;
}

/**
 * Office.js turns a string value that starts with "=" into a formula (and "+", "-",
 * "@" can follow). Text we write must never become a formula unless it is one of
 * ours, so the Excel host writes such strings with Excel's text prefix (').
 */
export function startsLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text);
}
