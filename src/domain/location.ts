/**
 * Where a finding is, said the way the person finds it in their own file. A
 * worksheet's cell is its A1 address; a table read from a Word document has no A1
 * addresses, so its cells are named by table, row and column header:
 * "Bảng 2, dòng 14, cột Đơn vị tính". Hosts record where a sheet came from
 * (`SheetSnapshot.source`); this module only words it.
 */
import type { SheetSnapshot } from "./snapshot";
import { parseA1, parseRange } from "./address";
import { readTable } from "./reader";
import { cellText } from "./text";

/** The place of a cell of a sheet read from a Word table, or null for a worksheet (use the A1 address). */
export function placeOf(sheet: SheetSnapshot, cell: string): string | null {
  const source = sheet.source;
  if (!source) return null;
  let at: { row: number; col: number };
  try {
    at = parseA1(cell);
  } catch {
    return `Bảng ${source.table}`;
  }
  const wordRow = source.rows[at.row - 1] ?? null;
  if (wordRow === null) return `phần tiêu đề phía trên Bảng ${source.table}`;
  const label = columnLabel(sheet, at.col);
  return `Bảng ${source.table}, dòng ${wordRow}, cột ${label || String(at.col)}`;
}

/** A sheet row as the person counts it: the Word table's row for a sheet read from Word (the sheet row otherwise). */
export function rowNumber(sheet: SheetSnapshot, row: number): number {
  return sheet.source?.rows[row - 1] ?? row;
}

/** The column's header as a short name: "(3) Sản phẩm Đầu ra Bắt buộc\n(Rõ Kết quả)" → "Sản phẩm Đầu ra Bắt buộc". */
export function shortLabel(label: string): string {
  const first = label.replace(/^\s*\(\d+\)\s*/, "").split("\n")[0];
  let text = cellText(first);
  const paren = text.indexOf("(");
  if (paren >= 3) text = text.slice(0, paren).trim();
  if (text.length > 40) text = text.slice(0, 40).replace(/\s+\S*$/, "") + "…";
  return text;
}

function columnLabel(sheet: SheetSnapshot, col: number): string {
  const read = readTable(sheet);
  if (!read.ok) return "";
  const known = read.table.columns.find((c) => c.col === col);
  if (known) return shortLabel(known.label);
  // A column the reader gave no role (a "Ghi chú" it does not use, say): its header text, through merges.
  const { headerRow, headerEnd } = read.table;
  for (let r = headerEnd; r >= headerRow; r--) {
    const text = cellText(valueThroughMerges(sheet, r, col));
    if (text) return shortLabel(text);
  }
  return "";
}

function valueThroughMerges(sheet: SheetSnapshot, row: number, col: number): unknown {
  for (const m of sheet.merges ?? []) {
    const r = parseRange(m);
    if (row >= r.top && row <= r.bottom && col >= r.left && col <= r.right) return sheet.values[r.top - 1]?.[r.left - 1] ?? null;
  }
  return sheet.values[row - 1]?.[col - 1] ?? null;
}
