/**
 * How much room a text takes in Times New Roman, for the layouts that size rows and
 * columns themselves.
 *
 * Neither LibreOffice nor (for merged cells) Excel fits a row to wrapped text when it
 * opens a file, so the layouts set the heights of the rows they fill, from the text and
 * the column widths. Widths are Times New Roman's (Adobe metrics, thousandths of an
 * em; LibreOffice prints with Liberation Serif, which has the same metrics); a
 * Vietnamese letter takes its base letter's width.
 */

const LOWER = "444 500 444 500 444 333 500 500 278 278 500 278 778 500 500 500 500 333 389 278 500 500 722 500 500 444".split(" ").map(Number);
const UPPER = "722 667 667 722 611 556 722 722 333 389 722 611 889 722 722 556 722 667 556 611 722 722 944 722 722 611".split(" ").map(Number);
const OTHER: Record<string, number> = { " ": 250, ",": 250, ".": 250, "-": 333, "(": 333, ")": 333, "/": 278, "%": 833, ":": 278, ";": 278, "≥": 549, "≤": 549, "&": 778, '"': 408, "'": 180, "…": 1000, "“": 444, "”": 444, "–": 500 };
/** No character is wider than this (the ellipsis; W is 944), so a text of n UTF-16 units is at most n of them wide. */
const WIDEST = 1000;
/** Bold letters run wider, capitals most (Times New Roman Bold's caps are about 8% wider). */
const BOLD = 1.08;

/** Width of one character in thousandths of an em. */
export function charWidth(ch: string): number {
  let w = charWidths.get(ch);
  if (w === undefined) {
    w = charWidthUncached(ch);
    charWidths.set(ch, w);
  }
  return w;
}

// A summary of 95 communes sizes tens of thousands of texts from a few dozen letters;
// decomposing each letter every time cost more than the rest of the layout.
const charWidths = new Map<string, number>();

function charWidthUncached(ch: string): number {
  const base = ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  const c = base === "đ" ? "d" : base === "Đ" ? "D" : base[0] ?? ch;
  const hornExtra = /[ưƯơƠ]/.test(ch) ? 80 : 0;
  if (c >= "a" && c <= "z") return LOWER[c.charCodeAt(0) - 97] + hornExtra;
  if (c >= "A" && c <= "Z") return UPPER[c.charCodeAt(0) - 65] + hornExtra;
  if (c >= "0" && c <= "9") return 500;
  return OTHER[c] ?? 500;
}

/** Width of a text in thousandths of an em, character by character (code points, not UTF-16 units). */
function emWidth(text: string): number {
  let em = 0;
  for (const ch of text) em += charWidth(ch);
  return em;
}

/** Width of a one-line text in points. */
export function textWidthPt(text: string, fontSize: number, bold = false): number {
  return (emWidth(text) / 1000) * fontSize * (bold ? BOLD : 1);
}

/** Pixels (at 96 dpi) of one unit of column width, as Excel draws it with its default font (Calibri 11). */
const UNIT_PX = 7;

/** Lines a text takes in a column `width` characters wide (Excel's unit) at `fontSize` points. */
export function textLines(text: string, width: number, fontSize: number, bold = false): number {
  const columnPx = width * UNIT_PX; // the width's 5 px of padding less the cell's own margins
  const scale = ((fontSize * 96) / 72 / 1000) * (bold ? BOLD : 1);
  // Most cells of a summary ("Đạt", "95%") fit even if every letter were the widest.
  if (text.length * WIDEST * scale <= columnPx && !text.includes("\n")) return 1;
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let line = 0;
    let count = 1;
    for (const word of paragraph.split(" ")) {
      const w = emWidth(word) * scale;
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
export function rowHeightFor(cells: { text: string; width: number; fontSize?: number; bold?: boolean }[], defaultSize: number): number {
  let lines = 1;
  let size = defaultSize;
  for (const c of cells) {
    if (!c.text || c.width <= 0) continue;
    const n = textLines(c.text, c.width, c.fontSize ?? defaultSize, c.bold);
    if (n > lines) lines = n;
    size = Math.max(size, c.fontSize ?? defaultSize);
  }
  // A line of Times New Roman takes 1.15 of its size (Liberation Serif's ascent and descent); a little air above and below.
  return Math.ceil(lines * size * 1.15 + 3);
}
