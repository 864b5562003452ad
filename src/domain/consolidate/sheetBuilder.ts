/**
 * A small helper that lays out one new sheet as an edit list: values written in one
 * block (one round-trip in Excel), number formats grouped into vertical runs so a
 * wide summary needs a few hundred format edits, not one per cell.
 */
import type { CellInput, CellStyle, Edit } from "../edits";
import { a1 } from "../address";

export const FONT = "Times New Roman";
export const HEADER_FILL = "#DDEBF7";
export const GROUP_FILL = "#F2F2F2";

export class SheetBuilder {
  private readonly cells: CellInput[][] = [];
  private readonly formats: (string | null)[][] = [];
  private readonly styles: { range: string; style: CellStyle }[] = [];
  private readonly merges: string[] = [];
  private widths: { col: number; width: number }[] = [];
  private extra: Edit[] = [];
  private fitted: [number, number][] = [];

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
    this.styles.push({ range: range(top, left, bottom, right), style });
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    if (bottom === top && right === left) return;
    this.merges.push(range(top, left, bottom, right));
  }

  setWidths(widths: { col: number; width: number }[]): void {
    this.widths = widths;
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
    return this.widths.find((w) => w.col === col)?.width ?? 8.43;
  }

  private heights(): Edit[] {
    const spans = new Map<string, number>();
    for (const m of this.merges) {
      const [a, b = a] = m.split(":");
      const left = colOf(a);
      const right = colOf(b);
      let w = 0;
      for (let c = left; c <= right; c++) w += this.widthOf(c);
      spans.set(a, w);
    }
    const out: Edit[] = [];
    for (const [from, to] of this.fitted) {
      for (let r = from; r <= to; r++) {
        let lines = 1;
        (this.cells[r - 1] ?? []).forEach((v, i) => {
          if (typeof v !== "string" || !v) return;
          const width = spans.get(a1(r, i + 1)) ?? this.widthOf(i + 1);
          // Vietnamese text in Times New Roman runs about 1.15 characters per unit of width.
          const per = Math.max(1, Math.floor(width * 1.15) - 1);
          const n = v.split("\n").reduce((k, part) => k + Math.max(1, Math.ceil(part.length / per)), 0);
          lines = Math.max(lines, n);
        });
        if (lines > 1) out.push({ op: "rowHeight", sheet: this.name, row: r, height: Math.min(409, 16 * lines + 2) });
      }
    }
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
      { op: "setStyle", sheet: this.name, range: range(1, 1, rows, cols), style: { fontName: FONT, fontSize: 12, vertical: "middle" } },
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
