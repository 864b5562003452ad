/**
 * Confirming which catalog indicator a row is. When the matcher is not sure of a name
 * ("indicator-unknown", with its closest candidates), the official picks one; the plan
 * writes the chosen code into the row's "Mã" cell, and every command then takes the
 * row by its code (rowIndicator), whatever the name says.
 *
 * The "Mã" column is the table's own when it has one (the appendix template's column
 * B). Otherwise it is added right of the table: a narrow column, headed "Mã", kept out
 * of the print area so the printed appendix does not change. Nothing a person typed is
 * overwritten: the plan stops, naming the cell, when the new column's cells are not
 * empty. A Word plan is read-only; there the candidates are only shown.
 */
import type { SheetSnapshot } from "./snapshot";
import type { CellInput, Edit } from "./edits";
import type { Catalog } from "./match";
import { indicatorNameTest } from "./match";
import { readTable } from "./reader";
import { a1, columnLetter, parseRange, rangeA1 } from "./address";
import { indicatorByCode } from "./rowIndicator";
import { cellText, isBlank } from "./text";

/** The header the added column gets; the reader takes it as the code column. */
export const CODE_HEADER = "Mã";
const CODE_WIDTH = 7;

export interface CodeAssignment {
  /** The sheet row of the indicator. */
  row: number;
  /** A catalog code ("HT-01"), any case. */
  code: string;
}

export type AssignPlan =
  | {
      ok: true;
      edits: Edit[];
      /** The cells written, with the code each now holds. */
      written: { cell: string; code: string }[];
      /** The code column's letter, and whether this plan adds it. */
      column: { letter: string; added: boolean };
    }
  | {
      ok: false;
      code: "no-table" | "protected" | "not-indicator" | "unknown-code" | "occupied";
      message: string;
      cell?: string;
    };

export function planAssignCode(sheet: SheetSnapshot, assignments: CodeAssignment[], catalog: Catalog): AssignPlan {
  // The same reading as the checker's, so the rows are the ones its findings point at.
  const read = readTable(sheet, { isIndicatorName: indicatorNameTest(catalog) });
  if (!read.ok) return { ok: false, code: "no-table", message: read.message };
  if (sheet.protected) {
    return { ok: false, code: "protected", message: `Trang tính "${sheet.name}" đang được bảo vệ; hãy bỏ bảo vệ trang tính rồi gán mã lại.` };
  }
  const table = read.table;
  const codes: { row: number; code: string }[] = [];
  for (const a of assignments) {
    const item = indicatorByCode(catalog, a.code);
    if (!item) {
      return {
        ok: false,
        code: "unknown-code",
        message: `Mã "${a.code}" không có trong danh mục chỉ tiêu (ví dụ mã đúng: ${catalog.indicators.slice(0, 3).map((i) => i.code).join(", ")}).`,
      };
    }
    const row = table.rows.find((r) => r.row === a.row);
    if (!row || row.kind !== "indicator") {
      return {
        ok: false,
        code: "not-indicator",
        message: `Dòng ${a.row} của trang tính "${sheet.name}" không phải là một dòng chỉ tiêu của bảng (bảng từ dòng ${table.headerEnd + 1} đến dòng ${table.lastRow}); không gán mã.`,
      };
    }
    codes.push({ row: a.row, code: item.code });
  }

  const existing = table.columns.find((c) => c.role === "code");
  const edits: Edit[] = [];
  let col: number;
  if (existing) {
    col = existing.col;
  } else {
    col = lastUsedCol(sheet, table.headerRow, table.headerEnd) + 1;
    const occupied = firstOccupied(sheet, col, table.headerRow, table.lastRow);
    if (occupied) {
      return {
        ok: false,
        code: "occupied",
        cell: occupied.cell,
        message:
          `Ô ${occupied.cell} ${occupied.why}, nằm đúng chỗ cột "${CODE_HEADER}" sẽ được thêm bên phải bảng trong trang tính "${sheet.name}". ` +
          `Phần mềm không ghi đè dữ liệu đã nhập: hãy chuyển nội dung đó sang chỗ khác rồi gán mã lại.`,
      };
    }
    const header = a1(table.headerRow, col);
    const headerRange = `${header}:${a1(table.headerEnd, col)}`;
    edits.push({ op: "setValues", sheet: sheet.name, range: header, values: [[CODE_HEADER]] });
    if (table.headerEnd > table.headerRow) edits.push({ op: "merge", sheet: sheet.name, range: headerRange });
    edits.push({
      op: "setStyle",
      sheet: sheet.name,
      range: headerRange,
      style: { bold: true, horizontal: "center", vertical: "middle", wrap: true, border: true, fontSize: 9, fontColor: "#595959" },
    });
    edits.push({ op: "columnWidths", sheet: sheet.name, widths: [{ col, width: CODE_WIDTH }] });
    const print = printEdit(sheet, col);
    if (print) edits.push(print);
  }
  const letter = columnLetter(col);
  for (const c of codes) {
    const cell = a1(c.row, col);
    const values: CellInput[][] = [[c.code]];
    edits.push({ op: "setStyle", sheet: sheet.name, range: cell, style: { horizontal: "center", fontSize: 9, numberFormat: "@" } });
    edits.push({ op: "setValues", sheet: sheet.name, range: cell, values });
  }
  return { ok: true, edits, written: codes.map((c) => ({ cell: a1(c.row, col), code: c.code })), column: { letter, added: !existing } };
}

/** The last column holding anything (or covered by a merge) in the header rows. */
function lastUsedCol(sheet: SheetSnapshot, top: number, bottom: number): number {
  let last = 0;
  for (let r = top; r <= bottom; r++) {
    const cells = sheet.values[r - 1] ?? [];
    for (let c = cells.length; c >= 1; c--) {
      if (!isBlank(cells[c - 1])) {
        last = Math.max(last, c);
        break;
      }
    }
  }
  for (const m of sheet.merges ?? []) {
    const r = parseRange(m);
    if (r.top <= bottom && r.bottom >= top) last = Math.max(last, r.right);
  }
  return last;
}

function firstOccupied(sheet: SheetSnapshot, col: number, top: number, bottom: number): { cell: string; why: string } | null {
  for (let r = top; r <= bottom; r++) {
    const v = sheet.values[r - 1]?.[col - 1] ?? null;
    if (!isBlank(v)) return { cell: a1(r, col), why: `đang có nội dung ("${short(cellText(v))}")` };
  }
  for (const m of sheet.merges ?? []) {
    const range = parseRange(m);
    if (range.left <= col && range.right >= col && range.top <= bottom && range.bottom >= top) {
      return { cell: a1(Math.max(range.top, top), col), why: `thuộc vùng ô gộp ${rangeA1(range)}` };
    }
  }
  return null;
}

/**
 * Keeps the new column out of print: when the sheet's print area would take the column
 * in (no area set prints the used range), the area becomes everything left of it. A
 * host that could not read the print setup (Excel 2019) gets the same area, and one
 * that cannot set it says so. Orientation and fit stay as they were.
 */
function printEdit(sheet: SheetSnapshot, col: number): Edit | null {
  const p = sheet.print;
  let area: string;
  if (p?.area) {
    const r = parseRange(p.area);
    if (r.right < col || r.left > col) return null;
    if (r.left === col) return null; // a print area of its own right of the table: leave it
    area = rangeA1({ top: r.top, left: r.left, bottom: r.bottom, right: col - 1 });
  } else {
    area = `A1:${columnLetter(col - 1)}${Math.max(1, sheet.values.length)}`;
  }
  return { op: "pageSetup", sheet: sheet.name, printArea: area };
}

function short(text: string): string {
  return text.length > 40 ? text.slice(0, 37) + "..." : text;
}
