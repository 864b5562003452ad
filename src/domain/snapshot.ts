/**
 * A sheet as the hosts hand it to the domain: plain data, no host objects.
 *
 * Dates arrive as Excel serial numbers (with a date number format), exactly as
 * Office.js reports them; the file host converts ExcelJS Date objects to serials
 * so that every host gives the domain the same thing.
 */
export type CellValue = string | number | boolean | null;

export interface SheetSnapshot {
  name: string;
  /** Row-major values starting at A1; rows may have different lengths. */
  values: CellValue[][];
  /** Number formats, same shape as `values` where known ("General" elsewhere). */
  numberFormats?: (string | null)[][];
  /** Formulas ("=..."), same shape as `values` where known; null for constants. */
  formulas?: (string | null)[][];
  /** Merged areas in A1 notation, e.g. "A1:C1". */
  merges?: string[];
  /** Rows and columns hidden by the user (1-based rows, 1-based columns). */
  hiddenRows?: number[];
  hiddenColumns?: number[];
  /**
   * Column widths in characters, as the file sets them (index = column - 1; null: the
   * sheet's default width). Only for viewing the sheet (the web page's grid).
   */
  columnWidths?: (number | null)[];
  protected?: boolean;
  /** Cell notes (A1 → text), where the host can read them; marks keep and restore them. */
  notes?: Record<string, string>;
  /**
   * The sheet's print setup, where the host can read it: the print area ("A1:G40";
   * null when none is set, so the used range prints), the orientation and whether it
   * fits all columns on one page width. Lets a plan keep a helper column out of print.
   */
  print?: { area: string | null; orientation: "landscape" | "portrait"; fitToWidth: boolean };
  /** Set when the sheet is not a worksheet but a table of a Word document (.docx). */
  source?: WordTableSource;
}

/**
 * Where a sheet read from a Word document came from, so findings can be placed as an
 * official finds them in Word ("Bảng 2, dòng 14") rather than by an A1 address that
 * exists nowhere in their document.
 */
export interface WordTableSource {
  kind: "word-table";
  /** The table's number in the document (1-based, in reading order, nested tables counted). */
  table: number;
  /**
   * For each sheet row (index = row - 1): the row of the Word table it shows (1-based,
   * as Word counts them), or null for a heading paragraph placed above the table.
   */
  rows: (number | null)[];
}

/** A workbook-level view: the sheets plus workbook-wide facts the reader may use. */
export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  /** Workbook-level defined names and their values or formulas. */
  names?: Record<string, string>;
  /** The add-in's own custom XML parts ("urn:phuluc-nq57:…" namespace → the part's XML). */
  customXml?: Record<string, string>;
  /** The workbook counts dates from 1904 (serial 0 = 1904-01-01); hosts convert to the 1900 system. */
  date1904?: boolean;
  fileName?: string;
}
