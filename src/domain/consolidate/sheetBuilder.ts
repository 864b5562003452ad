/**
 * A small helper that lays out one new sheet as an edit list: values written in one
 * block (one round-trip in Excel), number formats grouped into vertical runs so a
 * wide summary needs a few hundred format edits, not one per cell.
 */
import type { CellInput, CellStyle, Edit } from "../edits";
import { a1 } from "../address";
import type { Grid } from "../layout/document";
import { rowHeightFor } from "../layout/metrics";

export const FONT = "Times New Roman";
/** Table text: the decree's 12–13 pt, at its smallest so that wide summaries fit A4. */
export const TABLE_SIZE = 12;
export const HEADER_FILL = "#DDEBF7";
export const GROUP_FILL = "#F2F2F2";

export class SheetBuilder {
  private readonly cells: CellInput[][] = [];
  private readonly formats: (string | null)[][] = [];
  private readonly styles: { range: string; top: number; left: number; bottom: number; right: number; style: CellStyle }[] = [];
  private readonly merges: string[] = [];
  private widths: { col: number; width: number; hidden?: boolean }[] = [];
  private widthByCol = new Map<number, { width: number; hidden?: boolean }>();
  private extra: Edit[] = [];
  private fitted: [number, number][] = [];
  private fixed = new Map<number, number>();

  constructor(readonly name: string) {}

  get rowCount(): number {
    return this.cells.length;
  }

  get colCount(): number {
    return this.cells.reduce((m, r) => Math.max(m, r.length), 0);
  }

  set(row: number, col: number, value: CellInput, format?: string | null): void {
    while (this.cells.length < row) this.cells.push([]);
    while (this.formats.length < row) this.formats.push([]);
    const r = this.cells[row - 1];
    while (r.length < col) r.push(null);
    r[col - 1] = value;
    if (format) {
      const f = this.formats[row - 1];
      while (f.length < col) f.push(null);
      f[col - 1] = format;
    }
  }

  /** Write values from (row, col) to the right. */
  row(row: number, col: number, values: CellInput[]): void {
    values.forEach((v, i) => this.set(row, col + i, v));
  }

  format(row: number, col: number, format: string): void {
    while (this.formats.length < row) this.formats.push([]);
    const f = this.formats[row - 1];
    while (f.length < col) f.push(null);
    f[col - 1] = format;
  }

  style(top: number, left: number, bottom: number, right: number, style: CellStyle): void {
    if (bottom < top || right < left) return;
    this.styles.push({ range: range(top, left, bottom, right), top, left, bottom, right, style });
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    if (bottom === top && right === left) return;
    this.merges.push(range(top, left, bottom, right));
  }

  setWidths(widths: { col: number; width: number; hidden?: boolean }[]): void {
    this.widths = widths;
    this.widthByCol = new Map();
    for (const w of widths) if (!this.widthByCol.has(w.col)) this.widthByCol.set(w.col, w);
  }

  /** A row's height in points, set rather than estimated (the heading block's rows). */
  height(row: number, points: number): void {
    this.fixed.set(row, points);
  }

  /** The builder seen as a grid of rows and column spans (the document parts write through it). */
  grid(): Grid {
    return {
      text: (row, col, value) => this.set(row, col, value),
      style: (row, from, to, style) => this.style(row, from, row, to, style),
      merge: (row, from, to) => this.merge(row, from, row, to),
      height: (row, points) => this.height(row, points),
    };
  }

  add(edit: Edit): void {
    this.extra.push(edit);
  }

  /**
   * Give rows from..to a height that shows their wrapped text. Hosts do not grow rows
   * to fit text written by a program (Excel only does when a person edits a cell), so
   * the height is estimated from the text length and the column widths.
   */
  fitRows(from: number, to: number): void {
    this.fitted.push([from, to]);
  }

  private widthOf(col: number): number {
    const w = this.widthByCol.get(col);
    return w?.hidden ? 0 : (w?.width ?? 8.43);
  }

  /** Bold and size of a cell, as the style ranges set them (later ranges win). */
  private fontAt(row: number, col: number): { bold: boolean; size: number } {
    let bold = false;
    let size = TABLE_SIZE;
    for (const s of this.styles) {
      if (row < s.top || row > s.bottom || col < s.left || col > s.right) continue;
      if (s.style.bold !== undefined) bold = s.style.bold;
      if (s.style.fontSize) size = s.style.fontSize;
    }
    return { bold, size };
  }

  private heights(): Edit[] {
    // Merged widths by the top-left cell, keyed by row and column as one number (no address text per cell).
    const spans = new Map<number, number>();
    const at = (row: number, col: number) => row * 16_384 + col;
    for (const m of this.merges) {
      const [a, b = a] = m.split(":");
      const left = colOf(a);
      const right = colOf(b);
      let w = 0;
      for (let c = left; c <= right; c++) w += this.widthOf(c);
      spans.set(at(Number(a.replace(/^[A-Z]+/, "")), left), w);
    }
    const out: Edit[] = [];
    const done = new Set<number>();
    for (const [from, to] of this.fitted) {
      for (let r = from; r <= to; r++) {
        if (done.has(r) || this.fixed.has(r)) continue;
        done.add(r);
        const texts: { text: string; width: number; fontSize: number; bold: boolean }[] = [];
        const row = this.cells[r - 1] ?? [];
        for (let i = 0; i < row.length; i++) {
          const v = row[i];
          if (typeof v !== "string" || !v) continue;
          const font = this.fontAt(r, i + 1);
          texts.push({ text: v, width: spans.get(at(r, i + 1)) ?? this.widthOf(i + 1), fontSize: font.size, bold: font.bold });
        }
        // Every row with text gets its height: the sheet's default (for its 11 pt default font) is too low for 12 pt.
        if (texts.length) out.push({ op: "rowHeight", sheet: this.name, row: r, height: Math.min(409, rowHeightFor(texts, TABLE_SIZE)) });
      }
    }
    for (const [row, height] of this.fixed) out.push({ op: "rowHeight", sheet: this.name, row, height });
    return out;
  }

  edits(): Edit[] {
    const rows = Math.max(1, this.rowCount);
    const cols = Math.max(1, this.colCount);
    const block: CellInput[][] = [];
    for (let r = 0; r < rows; r++) {
      const src = this.cells[r] ?? [];
      const out: CellInput[] = [];
      for (let c = 0; c < cols; c++) out.push(src[c] ?? null);
      block.push(out);
    }
    const out: Edit[] = [
      { op: "addSheet", sheet: this.name },
      { op: "setValues", sheet: this.name, range: range(1, 1, rows, cols), values: block },
      { op: "setStyle", sheet: this.name, range: range(1, 1, rows, cols), style: { fontName: FONT, fontSize: TABLE_SIZE, vertical: "middle" } },
    ];
    for (const s of this.styles) out.push({ op: "setStyle", sheet: this.name, range: s.range, style: s.style });
    for (const f of this.formatRuns()) out.push({ op: "setStyle", sheet: this.name, range: f.range, style: { numberFormat: f.format } });
    for (const m of this.merges) out.push({ op: "merge", sheet: this.name, range: m });
    if (this.widths.length) out.push({ op: "columnWidths", sheet: this.name, widths: this.widths });
    out.push(...this.heights());
    out.push(...this.extra.map((e) => ("sheet" in e ? { ...e, sheet: this.name } : e)));
    return out;
  }

  /** Vertical runs of one number format in one column. */
  private formatRuns(): { range: string; format: string }[] {
    const out: { range: string; format: string }[] = [];
    const cols = this.formats.reduce((m, r) => Math.max(m, r.length), 0);
    for (let c = 1; c <= cols; c++) {
      let start = 0;
      let current: string | null = null;
      const flush = (end: number) => {
        if (current && start) out.push({ range: range(start, c, end, c), format: current });
      };
      for (let r = 1; r <= this.formats.length + 1; r++) {
        const f = this.formats[r - 1]?.[c - 1] ?? null;
        if (f !== current) {
          flush(r - 1);
          current = f;
          start = r;
        }
      }
    }
    return out;
  }
}

function colOf(address: string): number {
  let n = 0;
  for (const ch of address.replace(/\d+$/, "")) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function range(top: number, left: number, bottom: number, right: number): string {
  const from = a1(top, left);
  const to = a1(bottom, right);
  return from === to ? from : `${from}:${to}`;
}
