/**
 * The plan form of an appendix becoming its report form. Insert writes the plan form
 * with hidden, empty columns right of "Ghi chú" kept for the report columns, under a
 * heading that spans them; compute puts its columns there (as on any sheet), and this
 * module says how the add-in's own sheet is then laid out for A4: the report form's
 * widths (the name column gives up the room the new columns take), the rule lines
 * moved under the wider heading blocks, row heights for the narrower name column, and
 * the table's font in the new columns.
 */
import type { CellStyle, Edit } from "../edits";
import type { SheetSnapshot } from "../snapshot";
import { cellText, foldKey } from "../text";
import { a1 } from "../address";
import { COLORS, rowHeightFor, rowRange, HEADER_ROW, TABLE_SIZE } from "./common";
import { FONT, HEADING_ROWS, HEADING_SIZE, MOTTO, MOTTO_SIZE } from "./document";
import { INDICATOR_PLAN_COLS, INDICATOR_PLAN_COMPUTED_WIDTHS, indicatorHeaders } from "./indicators";
import { TASK_PLAN_COLS, TASK_PLAN_COMPUTED_WIDTHS, TASK_PLAN_HEADERS } from "./tasks";
import { textWidthPt } from "./metrics";
import { ruleRange, UNIT_PT } from "./print";

export type PlanKind = "indicators" | "tasks";

const LEFT_BLOCK_END = 3;

/**
 * Which plan form of the add-in's a sheet is, if any: its table header on row 9 reads
 * exactly as insert writes the plan form (nothing right of "Ghi chú"), under the
 * issuing body's "ỦY BAN NHÂN DÂN".
 */
export function planFormOf(sheet: SheetSnapshot): PlanKind | null {
  const text = (row: number, col: number) => cellText(sheet.values[row - 1]?.[col - 1] ?? null);
  if (foldKey(text(1, 1)) !== foldKey("ỦY BAN NHÂN DÂN")) return null;
  const header = (sheet.values[HEADER_ROW - 1] ?? []).map((v) => cellText(v ?? null));
  while (header.length && header[header.length - 1] === "") header.pop();
  const same = (wanted: string[]) => header.length === wanted.length && wanted.every((w, i) => foldKey(w) === foldKey(header[i]));
  // The year in "Chỉ tiêu năm 2026" is the plan's own.
  const year = /(\d{4})\s*$/.exec(header[INDICATOR_PLAN_COLS.target - 1] ?? "")?.[1];
  if (year && same(indicatorHeaders(Number(year), "ke-hoach"))) return "indicators";
  if (same(TASK_PLAN_HEADERS)) return "tasks";
  return null;
}

/** The columns compute adds to a plan form, in order, start right after "Ghi chú". */
export function reportColumnsStart(kind: PlanKind): number {
  return (kind === "indicators" ? INDICATOR_PLAN_COLS.note : TASK_PLAN_COLS.note) + 1;
}

/**
 * The layout edits that make a plan form, whose report columns compute has just put
 * in (`added`: their columns and header labels), print as a report on A4.
 */
export function reportFormEdits(
  sheet: SheetSnapshot,
  kind: PlanKind,
  lastRow: number,
  added: { col: number; label: string }[],
  /** The cells of the report date and the due-soon window compute placed above the table (labels and values). */
  settings: string[] = [],
): Edit[] {
  const name = sheet.name;
  const widths = kind === "indicators" ? INDICATOR_PLAN_COMPUTED_WIDTHS : TASK_PLAN_COMPUTED_WIDTHS;
  const code = kind === "indicators" ? INDICATOR_PLAN_COLS.code : TASK_PLAN_COLS.code;
  const last = widths.length;
  const edits: Edit[] = [];

  // Widths: the report form's; "Mã" stays hidden.
  edits.push({
    op: "columnWidths",
    sheet: name,
    widths: widths.map((width, i) => (i + 1 === code ? { col: i + 1, width: 6, hidden: true } : { col: i + 1, width, hidden: false })),
  });

  // The rule lines, for the blocks as wide as the table now is.
  const text = (row: number) => cellText(sheet.values[row - 1]?.[0] ?? null);
  const body = Math.max(textWidthPt(text(HEADING_ROWS.first), HEADING_SIZE, true), textWidthPt(text(HEADING_ROWS.second), HEADING_SIZE, true)) / UNIT_PT;
  const underBody = ruleRange(widths, 1, LEFT_BLOCK_END, body * 0.4);
  const underMotto = ruleRange(widths, LEFT_BLOCK_END + 1, last, textWidthPt(MOTTO, MOTTO_SIZE, true) / UNIT_PT);
  edits.push({ op: "setStyle", sheet: name, range: rowRange(HEADING_ROWS.rules, 1, last), style: { borderBottom: false } });
  for (const r of [underBody, underMotto]) edits.push({ op: "setStyle", sheet: name, range: rowRange(HEADING_ROWS.rules, r.from, r.to), style: { borderBottom: true } });

  // The table's font in the new columns, and row heights for the narrower name column.
  if (added.length) {
    const from = Math.min(...added.map((a) => a.col));
    const to = Math.max(...added.map((a) => a.col));
    const font: CellStyle = { fontName: FONT, fontSize: TABLE_SIZE };
    edits.push({ op: "setStyle", sheet: name, range: `${a1(HEADER_ROW, from)}:${a1(lastRow, to)}`, style: font });
  }
  for (const cell of settings) edits.push({ op: "setStyle", sheet: name, range: cell, style: { fontName: FONT, fontSize: TABLE_SIZE } });
  const labels = new Map(added.map((a) => [a.col, a.label]));
  const merged = groupRowsOf(sheet);
  // The group rows' shading and weight run on into the new columns.
  if (added.length) {
    const from = Math.min(...added.map((a) => a.col));
    const to = Math.max(...added.map((a) => a.col));
    for (const row of merged.keys()) if (row <= lastRow) edits.push({ op: "setStyle", sheet: name, range: rowRange(row, from, to), style: { bold: true, fill: COLORS.groupFill } });
  }
  for (let row = HEADER_ROW; row <= lastRow; row++) {
    const cells = (sheet.values[row - 1] ?? []).slice(0, last);
    const texts: { text: string; width: number; bold?: boolean }[] = [];
    const title = merged.get(row);
    if (title) {
      texts.push({ text: cellText(cells[title.from - 1] ?? null), width: widths.slice(title.from - 1, title.to).reduce((a, b) => a + b, 0), bold: true });
    } else {
      for (let col = 1; col <= last; col++) {
        const t = row === HEADER_ROW && labels.has(col) ? labels.get(col)! : typeof cells[col - 1] === "string" ? cellText(cells[col - 1] ?? null) : "";
        texts.push({ text: t, width: widths[col - 1], bold: row === HEADER_ROW });
      }
    }
    // Rows nobody filled keep no height of their own, so Excel fits them to what is typed.
    if (texts.some((t) => t.text)) edits.push({ op: "rowHeight", sheet: name, row, height: rowHeightFor(texts) });
  }
  return edits;
}

/** Rows whose title runs across the table in one merged area (the group rows): row → its columns. */
function groupRowsOf(sheet: SheetSnapshot): Map<number, { from: number; to: number }> {
  const out = new Map<number, { from: number; to: number }>();
  for (const m of sheet.merges ?? []) {
    const r = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(m);
    if (!r || r[2] !== r[4] || Number(r[2]) <= HEADER_ROW) continue;
    out.set(Number(r[2]), { from: letterCol(r[1]), to: letterCol(r[3]) });
  }
  return out;
}

function letterCol(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}
