/**
 * Printing as Decree 30/2020/NĐ-CP asks: A4, the decree's margins, Times New Roman,
 * the page number in Arabic numerals centred in the top margin from the second page
 * on, table text never under 12 pt.
 *
 * Widths are designed in Excel's unit of column width. One unit prints about 5.25 pt
 * wide in Excel (7 px of its default Calibri 11) and 5.5 pt in LibreOffice when the
 * workbook's default font is Times New Roman 11 (Liberation Serif), as our new
 * workbooks are: the layouts are designed at 5.5 pt, the wider of the two, so that a
 * sheet that fits on LibreOffice's page fits on Excel's.
 */
import type { Edit, PageMargins } from "../edits";

/** Decree 30: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm; the page number sits in the top margin. */
export const DECREE_MARGINS: PageMargins = { top: 20, bottom: 20, left: 30, right: 15, header: 10, footer: 10 };

/** The smallest table text the decree allows (12–13 pt). */
export const MIN_TABLE_SIZE = 12;

const A4_MM = { short: 210, long: 297 } as const;
const PT_PER_MM = 72 / 25.4;
/** Points one unit of column width prints (see above). */
export const UNIT_PT = 5.5;
/** Kept free at the right edge, for fonts a little wider than the design's. */
const SLACK = 0.99;

export type Orientation = "landscape" | "portrait";

/** The width a table may take on an A4 page with the decree's margins, in units of column width. */
export function printableWidth(orientation: Orientation = "landscape"): number {
  const paper = orientation === "landscape" ? A4_MM.long : A4_MM.short;
  const mm = paper - DECREE_MARGINS.left - DECREE_MARGINS.right;
  return Math.floor(((mm * PT_PER_MM) / UNIT_PT) * SLACK * 10) / 10;
}

/** The height rows may take on one page, in points. */
export function printableHeight(orientation: Orientation = "landscape"): number {
  const paper = orientation === "landscape" ? A4_MM.short : A4_MM.long;
  return (paper - DECREE_MARGINS.top - DECREE_MARGINS.bottom) * PT_PER_MM;
}

/**
 * Whether "fit all columns on one page width" is switched on: only for columns wider
 * than the page, and only when shrinking them keeps the table's text at 12 pt or more.
 * Columns designed to fit print as they are: LibreOffice, asked to fit a sheet that
 * fits, still shrinks some of them a little (to 98 % for the report form of Phụ lục I,
 * with its repeated header row), which takes 12 pt text under 12 pt.
 */
export function fitsToWidth(totalWidth: number, tableSize: number, orientation: Orientation = "landscape"): boolean {
  const scale = printableWidth(orientation) / Math.max(totalWidth, 1);
  return scale < 1 && scale * tableSize >= MIN_TABLE_SIZE - 1e-9;
}

/**
 * The page setup of a sheet meant to be printed: A4, the decree's margins, the page
 * number in the top margin from page 2, the header rows repeated, centred on the page,
 * and fit-to-width only for a table wider than the page, when shrinking keeps its text at 12 pt or more.
 */
export function pageSetupFor(
  sheet: string,
  opts: { widths: number[]; tableSize: number; titleRows?: string; printArea?: string; orientation?: Orientation },
): Extract<Edit, { op: "pageSetup" }> {
  const orientation = opts.orientation ?? "landscape";
  const total = opts.widths.reduce((s, w) => s + w, 0);
  return {
    op: "pageSetup",
    sheet,
    orientation,
    fitToWidth: fitsToWidth(total, opts.tableSize, orientation),
    margins: DECREE_MARGINS,
    pageNumber: { skipFirst: true },
    ...(opts.titleRows ? { printTitleRows: opts.titleRows } : {}),
    ...(opts.printArea ? { printArea: opts.printArea } : {}),
    centerHorizontally: true,
  };
}

/**
 * Widths brought within the page: when they add up to more than `max`, every column
 * wider than `min` gives up the same share of its width above `min` (text wraps more;
 * it is never shrunk). Widths that fit come back as they are.
 */
export function fitWidths(widths: number[], max: number = printableWidth(), min = 6): number[] {
  const total = widths.reduce((s, w) => s + w, 0);
  if (total <= max) return widths;
  const spare = widths.reduce((s, w) => s + Math.max(0, w - min), 0);
  const cut = Math.min(1, (total - max) / Math.max(spare, 1e-9));
  return widths.map((w) => (w > min ? Math.floor((w - (w - min) * cut) * 10) / 10 : w));
}

/**
 * Where to draw a rule line of about `wanted` units under a block of columns
 * `from`..`to` (1-based; `widths[c - 1]`, 0 for a hidden column): the run of whole
 * columns whose centre is closest to the block's centre and whose length is closest to
 * the wanted length. A cell border can only follow column edges, so this is the
 * nearest the grid allows.
 */
export function ruleRange(widths: number[], from: number, to: number, wanted: number): { from: number; to: number } {
  const w = (c: number) => widths[c - 1] ?? 0;
  let start = 0;
  for (let c = 1; c < from; c++) start += w(c);
  let blockWidth = 0;
  for (let c = from; c <= to; c++) blockWidth += w(c);
  const centre = start + blockWidth / 2;
  let best = { from, to, cost: Infinity };
  let left = start;
  for (let a = from; a <= to; a++) {
    if (w(a) <= 0) continue;
    let length = 0;
    for (let b = a; b <= to; b++) {
      length += w(b);
      if (w(b) <= 0) continue;
      // Off centre shows more than too long: centring weighs four times the length.
      const cost = 2 * Math.abs(left + length / 2 - centre) + 0.5 * Math.abs(length - wanted);
      if (cost < best.cost) best = { from: a, to: b, cost };
    }
    left += w(a);
  }
  return { from: best.from, to: best.to };
}
