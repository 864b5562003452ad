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
  /**
   * A thin line under the cell only (the rule lines under a heading block's names);
   * false takes the line under the cell off (the other sides stay as they are).
   */
  borderBottom?: boolean;
  numberFormat?: string;
}

/**
 * A value to write: a constant, or a formula when `formula` is set ("=..."). A
 * formula may carry the value the domain computed for it (`value`): the file host
 * stores it as the formula's cached result, so a viewer that does not recalculate
 * (a phone, a preview, the offline page's grid) shows the right figure.
 */
export type CellInput = CellValue | { formula: string; value?: CellValue };

/** Page margins in millimetres (Decree 30/2020: top and bottom 20–25, left 30–35, right 15–20). */
export interface PageMargins {
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** Distance of the header and the footer from the paper's edge. */
  header: number;
  footer: number;
}

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
      /**
       * What happens to a value not in the list: "stop" refuses it (Excel's default),
       * "warning" asks and lets the person keep it, "none" accepts it silently. Free-text
       * lists (bodies: "Phòng A; Phòng B") must not stop. Default "stop".
       */
      errorStyle?: "stop" | "warning" | "none";
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
      /**
       * A4 (paper size 9) whenever orientation is set. Every field left out is left as
       * the sheet has it (a plan that only keeps a column out of print sets printArea alone).
       */
      orientation?: "landscape" | "portrait";
      /** Fit all columns on one page width (rows flow onto further pages). */
      fitToWidth?: boolean;
      /** Rows repeated at the top of every printed page, e.g. "7:7". */
      printTitleRows?: string;
      margins?: PageMargins;
      /** The page number, centred in the top margin; `skipFirst`: not on page 1 (a first-page-different header). */
      pageNumber?: { skipFirst: boolean };
      /** The area that prints ("A1:H40"), leaving out helper columns such as "Mã". */
      printArea?: string;
      centerHorizontally?: boolean;
    }
  /** Show, hide or very-hide a sheet (the list sheet is hidden so it never prints but still feeds drop-downs). */
  | { op: "sheetVisibility"; sheet: string; visibility: "visible" | "hidden" | "veryHidden" }
  /**
   * Data the add-in keeps in the workbook itself, as a custom XML part (ExcelApi 1.5
   * `customXmlParts`; in a file, a part under customXml/ linked from the workbook).
   * The part whose root element has namespace `namespace` is replaced by `xml`;
   * null removes it. Only namespaces of the add-in's own ("urn:phuluc-nq57:…") are written.
   */
  | { op: "setCustomXml"; namespace: string; xml: string | null }
  | { op: "defineName"; name: string; formula: string; comment?: string }
  | { op: "setNote"; sheet: string; cell: string; text: string }
  /**
   * The add-in's highlight of one cell, the mark where a host cannot write notes: a
   * conditional format of the add-in's own over the cell (formula `=TRUE`, this fill),
   * never the cell's own format, so that `on: false` takes it off and leaves the cell
   * exactly as it was. `on: false` removes only the add-in's highlight of that colour.
   */
  | { op: "markFill"; sheet: string; cell: string; color: string; on: boolean }
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
