/**
 * The parts of a sheet that make it a document under Decree 30/2020/NĐ-CP: the heading
 * block (issuing body top left, national heading top right, each with its rule line),
 * the title lines, and the signature block under a report. Written through a small
 * grid interface so that the appendices (SheetWriter) and the consolidated and
 * overview sheets (SheetBuilder) share one layout.
 */
import type { CellStyle } from "../edits";
import { textWidthPt, rowHeightFor } from "./metrics";
import { ruleRange, UNIT_PT } from "./print";

export const FONT = "Times New Roman";
/** Issuing body, national heading, the reference line, the signature block. */
export const HEADING_SIZE = 13;
/** "Độc lập - Tự do - Hạnh phúc" (13–14 pt). */
export const MOTTO_SIZE = 14;
/** The appendix or report title. */
export const TITLE_SIZE = 14;

export const NATIONAL_HEADING = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
export const MOTTO = "Độc lập - Tự do - Hạnh phúc";

/** The rows the heading block takes: the two heading lines, then the thin row holding the rule lines. */
export const HEADING_ROWS = { first: 1, second: 2, rules: 3, lines: 4 } as const;

/** Where a layout writes: rows and column spans, 1-based. */
export interface Grid {
  text(row: number, col: number, value: string): void;
  style(row: number, fromCol: number, toCol: number, style: CellStyle): void;
  merge(row: number, fromCol: number, toCol: number): void;
  height(row: number, points: number): void;
}

export interface HeadingSpec {
  /**
   * The issuing body on two lines: ["ỦY BAN NHÂN DÂN", "XÃ TÂN LỢI"] (one name, both
   * bold), or a parent body and the body itself (["UBND THÀNH PHỐ ĐỒNG NAI", "SỞ …"],
   * the parent's line not bold) when `parentLine` is set.
   */
  body: [string, string];
  parentLine?: boolean;
  /** Column spans of the two blocks (the national heading takes the right one). */
  left: [number, number];
  right: [number, number];
  /** The title lines run across left[0]..lastCol. */
  lastCol: number;
  /** Width of every column in units (0 for a hidden one), to place the rule lines and size the rows. */
  widths: number[];
  /** Centred lines under the heading: "PHỤ LỤC I", the title, the plan reference or the period. */
  lines: { text: string; size: number; bold?: boolean; italic?: boolean }[];
}

const centred: CellStyle = { fontName: FONT, horizontal: "center", vertical: "middle", wrap: true };

function spanWidth(widths: number[], from: number, to: number): number {
  let w = 0;
  for (let c = from; c <= to; c++) w += widths[c - 1] ?? 0;
  return w;
}

/** Write the heading block and the title lines; returns the first row after them. */
export function writeDocumentHeading(g: Grid, h: HeadingSpec): number {
  const { first, second, rules, lines } = HEADING_ROWS;
  const [l0, l1] = h.left;
  const [r0, r1] = h.right;
  g.text(first, l0, h.body[0]);
  g.text(second, l0, h.body[1]);
  g.text(first, r0, NATIONAL_HEADING);
  g.text(second, r0, MOTTO);
  for (const row of [first, second]) {
    g.merge(row, l0, l1);
    g.merge(row, r0, r1);
  }
  g.style(first, l0, l1, { ...centred, fontSize: HEADING_SIZE, bold: !h.parentLine });
  g.style(second, l0, l1, { ...centred, fontSize: HEADING_SIZE, bold: true });
  g.style(first, r0, r1, { ...centred, fontSize: HEADING_SIZE, bold: true });
  g.style(second, r0, r1, { ...centred, fontSize: MOTTO_SIZE, bold: true });
  // Heights for the lines as they wrap in their blocks (a long parent body's name may take two).
  const leftWidth = spanWidth(h.widths, l0, l1);
  const rightWidth = spanWidth(h.widths, r0, r1);
  g.height(first, rowHeightFor([{ text: h.body[0], width: leftWidth, fontSize: HEADING_SIZE, bold: !h.parentLine }, { text: NATIONAL_HEADING, width: rightWidth, fontSize: HEADING_SIZE, bold: true }], HEADING_SIZE) + 1);
  g.height(second, rowHeightFor([{ text: h.body[1], width: leftWidth, fontSize: HEADING_SIZE, bold: true }, { text: MOTTO, width: rightWidth, fontSize: MOTTO_SIZE, bold: true }], HEADING_SIZE) + 1);

  // Rule lines in a thin row of their own: under the issuing body, a third to a half of
  // its line; under the motto, as long as the motto.
  const bodyWidth = Math.max(...h.body.map((t, i) => textWidthPt(t, HEADING_SIZE, i === 1 || !h.parentLine))) / UNIT_PT;
  const mottoWidth = textWidthPt(MOTTO, MOTTO_SIZE, true) / UNIT_PT;
  const underBody = ruleRange(h.widths, l0, l1, bodyWidth * 0.4);
  const underMotto = ruleRange(h.widths, r0, r1, mottoWidth);
  g.style(rules, underBody.from, underBody.to, { borderBottom: true });
  g.style(rules, underMotto.from, underMotto.to, { borderBottom: true });
  g.height(rules, 4);

  const across = spanWidth(h.widths, l0, h.lastCol);
  h.lines.forEach((line, i) => {
    const row = lines + i;
    g.text(row, l0, line.text);
    g.merge(row, l0, h.lastCol);
    g.style(row, l0, h.lastCol, { ...centred, fontSize: line.size, bold: line.bold, italic: line.italic });
    // Some air above the first title line, as between a document's heading and its title.
    const air = i === 0 ? 10 : 0;
    g.height(row, air + rowHeightFor([{ text: line.text, width: across, fontSize: line.size, bold: line.bold }], line.size));
  });
  return lines + h.lines.length;
}

export interface SignatureSpec {
  /** The first row of the block (leave a blank row above it). */
  row: number;
  left: [number, number];
  right: [number, number];
  /** The place in the date line ("Tân Lợi"); null leaves dots to fill in. */
  place: string | null;
  /** The year in the date line; null leaves dots. */
  year: number | null;
}

/** The place and date line and the two signatures: "NGƯỜI LẬP BIỂU" and "THỦ TRƯỞNG ĐƠN VỊ". Returns its last row. */
export function writeSignature(g: Grid, s: SignatureSpec): number {
  const [l0, l1] = s.left;
  const [r0, r1] = s.right;
  const put = (row: number, from: number, to: number, text: string, style: CellStyle) => {
    g.text(row, from, text);
    g.merge(row, from, to);
    g.style(row, from, to, { ...centred, fontSize: HEADING_SIZE, ...style });
  };
  put(s.row, r0, r1, `${s.place ?? "……"}, ngày … tháng … năm ${s.year ?? "……"}`, { italic: true });
  put(s.row + 1, l0, l1, "NGƯỜI LẬP BIỂU", { bold: true });
  put(s.row + 1, r0, r1, "THỦ TRƯỞNG ĐƠN VỊ", { bold: true });
  put(s.row + 2, l0, l1, "(Ký, ghi rõ họ tên)", { italic: true });
  put(s.row + 2, r0, r1, "(Ký tên, đóng dấu)", { italic: true });
  for (let r = s.row; r <= s.row + 2; r++) g.height(r, 19);
  return s.row + 2;
}
