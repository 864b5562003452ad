/**
 * A Word document's tables as sheet snapshots, so the domain reads them exactly as it
 * reads worksheets:
 *  - each table is a grid: w:gridSpan, w:vMerge and legacy w:hMerge become merged
 *    areas, w:gridBefore/w:gridAfter keep the columns where Word draws them;
 *  - the paragraphs above a table, back to the start of its page (and a small layout
 *    table there, such as the "ỦY BAN NHÂN DÂN … / CỘNG HÒA …" block), become title
 *    rows above it, as an official would have typed them above a table in Excel: the
 *    reader finds the commune, the appendix and the plan's date there;
 *  - a table continued as a second w:tbl right after it (split across a page, with or
 *    without its header row repeated) is one table, as the official sees it;
 *  - the sheet is named after its heading ("PHỤ LỤC I" → "Phụ lục I") or "Bảng N",
 *    and records for every row which row of which Word table it shows;
 *  - a cell that is only a whole number or a percentage ("12", "70%", "1,5 %") holds
 *    the number Excel would store had the official typed it there (70% → 0.7 shown
 *    as "0%"), so results compute as they do in a workbook; "01", "≥ 60%", "100%."
 *    and every other text stay text, as Excel keeps them.
 */
import type { CellValue, SheetSnapshot } from "../../domain/snapshot";
import { rangeA1, type Range } from "../../domain/address";
import { cellText, foldKey } from "../../domain/text";
import type { Block, Body, Para, WordCell, WordTable } from "./body";
import { HostError } from "../file/errors";

/** Heading lines kept above a table, nearest first (a plan's heading block has about six). */
const MAX_HEADING_ROWS = 12;
/** A table of this many rows or fewer above another one may be its heading block (a layout table). */
const LAYOUT_TABLE_ROWS = 3;

interface Grid {
  table: WordTable;
  values: CellValue[][];
  /** Number formats of the cells typed as numbers ("0%"), null elsewhere. */
  formats: (string | null)[][];
  merges: Range[];
  /** Word's row number (1-based, deleted rows not counted) of each grid row. */
  wordRows: number[];
  width: number;
}

/** What a paragraph shows: its list number where it has no text of its own ("1", "II"), else its text. */
function paraText(p: Para, inList: boolean): string {
  const label = p.label?.label ?? "";
  if (!label) return p.text;
  if (p.text.trim() === "") return p.label!.bullet ? "" : label;
  // Several numbered paragraphs in one cell are a list; its numbers are part of what it says.
  return inList ? `${p.label!.bullet ? "-" : label} ${p.text.replace(/^\s+/, "")}` : p.text;
}

/** Paragraphs joined by line breaks (a deleted paragraph mark runs two into one); trailing empty lines dropped. */
function parasText(paras: Para[]): string {
  const inList = paras.filter((p) => p.label && p.text.trim() !== "").length >= 2;
  let out = "";
  for (let i = 0; i < paras.length; i++) {
    out += paraText(paras[i], inList);
    if (i < paras.length - 1 && !paras[i].joinNext) out += "\n";
  }
  return out.replace(/\s+$/, "");
}

function cellValue(cell: WordCell): string {
  const parts = [parasText(cell.paras)];
  // A table nested in a cell shows inside it: its rows as lines, cells separated by tabs.
  for (const t of cell.nested) {
    for (const row of t.rows) if (!row.deleted) parts.push(row.cells.filter((c) => !c.deleted).map(cellValue).join("\t"));
  }
  return parts.filter((p) => p.trim() !== "").join("\n");
}

/** What Excel stores when this text is typed into a cell: a number (with its format) for plain numbers and percentages. */
export function typedValue(text: string): { value: CellValue; format: string | null } {
  const t = text.trim();
  if (/^-?(0|[1-9]\d{0,14})$/.test(t)) return { value: Number(t), format: null };
  const p = t.match(/^(-?(?:0|[1-9]\d{0,5}))(?:,(\d{1,4}))?\s?%$/);
  if (p) {
    const decimals = p[2]?.length ?? 0;
    const value = Number(`${p[1]}.${p[2] ?? "0"}`) / 100;
    return { value: Number(value.toPrecision(12)), format: decimals ? `0.${"0".repeat(decimals)}%` : "0%" };
  }
  return { value: text === "" ? null : text, format: null };
}

function assemble(table: WordTable): Grid {
  const values: CellValue[][] = [];
  const merges: Range[] = [];
  const wordRows: number[] = [];
  const open = new Map<number, Range>();
  let width = table.gridCols;
  let wordRow = 0;
  const finish = (area: Range) => {
    if (area.bottom > area.top || area.right > area.left) merges.push(area);
  };
  for (const row of table.rows) {
    if (row.deleted) continue;
    wordRow++;
    const r = values.length + 1;
    const line: CellValue[] = [];
    const continued = new Set<number>();
    // Legacy horizontal merges: a "continue" cell widens the cell before it.
    const cells: { cell: WordCell; span: number; text: string }[] = [];
    for (const cell of row.cells) {
      if (cell.deleted) continue;
      const text = cellValue(cell);
      const prev = cells[cells.length - 1];
      if (cell.hMerge === "continue" && prev) {
        prev.span += cell.span;
        if (text) prev.text = prev.text ? `${prev.text}\n${text}` : text;
      } else cells.push({ cell, span: cell.span, text });
    }
    let col = 1 + row.gridBefore;
    for (const { cell, span, text } of cells) {
      const right = col + span - 1;
      const above = open.get(col);
      if (cell.vMerge === "continue" && above && above.right === right) {
        above.bottom = r;
        continued.add(col);
        // Word shows a continuing cell's stray text inside the merged cell.
        if (text) {
          const top = values[above.top - 1];
          top[col - 1] = top[col - 1] ? `${top[col - 1]}\n${text}` : text;
        }
      } else {
        line[col - 1] = text === "" ? null : text;
        if (cell.vMerge) {
          if (above) {
            finish(above);
            open.delete(col);
          }
          open.set(col, { top: r, bottom: r, left: col, right });
          continued.add(col);
        } else if (span > 1) merges.push({ top: r, bottom: r, left: col, right });
      }
      col += span;
    }
    for (const [key, area] of open) {
      if (continued.has(key)) continue;
      finish(area);
      open.delete(key);
    }
    width = Math.max(width, col - 1 + row.gridAfter);
    values.push(line);
    wordRows.push(wordRow);
  }
  for (const area of open.values()) finish(area);
  const formats: (string | null)[][] = [];
  for (const line of values) {
    const fmt: (string | null)[] = [];
    for (let c = 0; c < width; c++) {
      const typed = typedValue(typeof line[c] === "string" ? (line[c] as string) : "");
      line[c] = typed.value;
      fmt.push(typed.format);
    }
    formats.push(fmt);
  }
  return { table, values, formats, merges, wordRows, width };
}

const rowKey = (row: CellValue[]) => row.map((v) => cellText(v)).join("\u0001");

/** Append a continuation table to the one it continues, dropping its repeated header rows. */
function join(into: Grid, next: Grid): void {
  let repeated = 0;
  while (repeated < next.values.length && repeated < into.values.length && rowKey(next.values[repeated]) === rowKey(into.values[repeated])) repeated++;
  if (repeated === next.values.length) repeated = 0; // all equal: not a header, keep it
  const offset = into.values.length - repeated;
  const lastWordRow = into.wordRows[into.wordRows.length - 1] ?? 0;
  for (let i = repeated; i < next.values.length; i++) {
    into.values.push(next.values[i]);
    into.formats.push(next.formats[i]);
    // Rows carry on counting, as the official counts down the table across the page.
    into.wordRows.push(lastWordRow + next.wordRows[i]);
  }
  for (const m of next.merges) {
    if (m.top <= repeated) continue;
    into.merges.push({ top: m.top + offset, bottom: m.bottom + offset, left: m.left, right: m.right });
  }
}

const isEmptyPara = (b: Block) => b.kind === "p" && b.para.text.trim() === "" && !(b.para.label && !b.para.label.bullet);

/** "PHỤ LỤC I", "Phụ lục số 2", "PHỤ LỤC" → a sheet name; null when the line is no appendix title. */
export function appendixName(line: string): string | null {
  const m = foldKey(line).match(/^phu luc(?: so)?(?: ([ivxlc]+|\d+))?(?=$|[\s.:,;-])/);
  if (!m) return null;
  return m[1] ? `Phụ lục ${m[1].toUpperCase()}` : "Phụ lục";
}

export interface SheetsOptions {
  maxCells: number;
  fileName: string;
}

export function sheetsOf(body: Body, options: SheetsOptions): SheetSnapshot[] {
  const grids = new Map<WordTable, Grid>();
  let cells = 0;
  for (const t of body.tables) {
    const g = assemble(t);
    cells += g.values.length * g.width;
    if (cells > options.maxCells) {
      throw new HostError(
        "too-many-cells",
        `Văn bản "${options.fileName}" có bảng quá lớn (hơn ${options.maxCells.toLocaleString("vi-VN")} ô); hãy tách bảng ra văn bản khác rồi thử lại.`,
      );
    }
    grids.set(t, g);
  }

  // A top-level table right after another (nothing but empty paragraphs between) with as many columns continues it.
  const continues = new Map<WordTable, WordTable>();
  let last: { table: WordTable; root: WordTable } | null = null;
  for (const b of body.blocks) {
    if (b.kind === "tbl") {
      const g = grids.get(b.table)!;
      const root = last && grids.get(last.root)!;
      if (last && root && root.width === g.width && root.table.rows.length > LAYOUT_TABLE_ROWS && g.values.length > 0) {
        continues.set(b.table, last.root);
        join(grids.get(last.root)!, g);
        last = { table: b.table, root: last.root };
      } else last = { table: b.table, root: b.table };
    } else if (!isEmptyPara(b)) last = null;
  }

  const headings = headingRows(body, grids, continues);
  const sheets: SheetSnapshot[] = [];
  const used = new Set<string>();
  let number = 0;
  for (const t of body.tables) {
    if (continues.has(t)) continue;
    number++;
    const g = grids.get(t)!;
    const heading = headings.get(t) ?? [];
    let name = `Bảng ${number}`;
    for (let i = heading.length - 1; i >= 0; i--) {
      const found = heading[i].map((v) => (typeof v === "string" ? appendixName(v) : null)).find(Boolean);
      if (found) {
        if (!used.has(found.toLowerCase())) name = found;
        break;
      }
    }
    used.add(name.toLowerCase());
    const width = Math.max(g.width, ...heading.map((r) => r.length));
    const pad = (row: CellValue[]) => [...row, ...Array<CellValue>(Math.max(0, width - row.length)).fill(null)];
    const k = heading.length;
    sheets.push({
      name,
      values: [...heading.map(pad), ...g.values.map(pad)],
      numberFormats: [...heading.map((r) => pad(r).map(() => null)), ...g.formats.map((r) => pad(r) as (string | null)[])],
      merges: g.merges.map((m) => rangeA1({ top: m.top + k, bottom: m.bottom + k, left: m.left, right: m.right })),
      source: { kind: "word-table", table: number, rows: [...heading.map(() => null), ...g.wordRows] },
    });
  }
  return sheets;
}

/**
 * The heading of each top-level table: the non-empty paragraphs above it back to the
 * start of its page (a page break, a new-page section, the previous data table), and
 * the rows of a small layout table found there; nearest lines win when there are many.
 */
function headingRows(body: Body, grids: Map<WordTable, Grid>, continues: Map<WordTable, WordTable>): Map<WordTable, CellValue[][]> {
  const out = new Map<WordTable, CellValue[][]>();
  const blocks = body.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind !== "tbl" || continues.has(b.table)) continue;
    const rows: CellValue[][] = [];
    walk: for (let j = i - 1; j >= 0 && rows.length < MAX_HEADING_ROWS; j--) {
      const prev = blocks[j];
      if (prev.kind === "p") {
        const p = prev.para;
        if (p.sectionEnd) break;
        const text = p.afterBreak ?? p.text;
        const shown = text.trim() === "" && p.label && !p.label.bullet ? p.label.label : text.trim();
        if (shown) rows.push([shown]);
        if (p.afterBreak !== null || p.breakBefore) break;
      } else {
        const g = grids.get(prev.table)!;
        if (continues.has(prev.table) || g.values.length > LAYOUT_TABLE_ROWS) break;
        for (let r = g.values.length - 1; r >= 0; r--) {
          if (g.values[r].some((v) => v !== null)) rows.push(g.values[r]);
          if (rows.length >= MAX_HEADING_ROWS) break walk;
        }
      }
    }
    out.set(b.table, rows.reverse());
  }
  return out;
}
