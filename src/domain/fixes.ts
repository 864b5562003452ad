/**
 * Turning the checker's findings into edits: quick fixes (write exactly the cells a
 * fix names, nothing else) and marks on the sheet (a note on each finding's cell)
 * that can be taken off again, leaving every note as it was before.
 *
 * Marks are notes only, never fills or fonts: a cell's formatting is the official's
 * and the snapshot does not carry it, so it could not be restored exactly. A note is
 * one property, and the mark record keeps what was there before (when the host told
 * us) and what we wrote, so "Xoá đánh dấu" restores exactly and leaves alone any note
 * a person has edited since.
 *
 * Contract with the hosts: `setNote` with empty text removes the cell's note.
 */
import type { Edit } from "./edits";
import type { Finding, Severity } from "./finding";
import type { CellValue, SheetSnapshot } from "./snapshot";
import { parseA1 } from "./address";
import { SEVERITY_LABELS } from "./validate/codes";

/** A note's header, so a person who opens a marked note knows where it came from. */
export const MARK_TITLE = "Phụ lục NQ57 – kết quả kiểm tra:";

export interface MarkRecord {
  version: 1;
  sheet: string;
  cells: {
    cell: string;
    /** The note we wrote. */
    note: string;
    /** The note the cell had before, as the host reported it (null: none). */
    before: string | null;
  }[];
}

function valueAt(sheet: SheetSnapshot | undefined, cell: string): { value: CellValue; formula: string | null } {
  if (!sheet) return { value: null, formula: null };
  const { row, col } = parseA1(cell);
  return { value: sheet.values[row - 1]?.[col - 1] ?? null, formula: sheet.formulas?.[row - 1]?.[col - 1] ?? null };
}

/**
 * Fixes that only tidy what the official typed (spaces, punctuation, "≥ 100%", the
 * spelling of a unit or body, "xã"/"phường" in a body's name, a number typed as
 * text). The others put in content the official did not write (the province's
 * target or unit in an empty cell, "Hoàn thành" as status, a shorter name), which a
 * person should accept one by one rather than in a "fix all".
 */
export const TIDY_FIX_CODES: readonly string[] = [
  "target-spaces",
  "target-punctuation",
  "target-redundant-comparator",
  "unit-spelling",
  "body-spelling",
  "body-type-word",
  "result-text",
];

/**
 * The edits that apply the findings' fixes: one single-cell `setValues` per fixed
 * cell, nothing else. When `sheet` (the sheet as it is now) is given, a cell that
 * holds a formula is never overwritten, and a cell that already holds the fixed
 * value is left alone. Two fixes naming one cell must agree (the checker makes every
 * fix on a cell carry the whole corrected cell); if they do not, the first wins.
 * `only` picks the findings to fix (e.g. those the person ticked, or TIDY_FIX_CODES).
 */
export function planFixes(findings: Finding[], sheet?: SheetSnapshot, only?: (f: Finding) => boolean): Edit[] {
  const chosen = new Map<string, { sheet: string; cell: string; value: CellValue }>();
  for (const f of findings) {
    if (!f.fix || (only && !only(f))) continue;
    if (sheet && f.sheet !== sheet.name) continue;
    const key = `${f.sheet}!${f.fix.cell}`;
    if (chosen.has(key)) continue;
    const now = valueAt(sheet, f.fix.cell);
    if (sheet && (now.formula || now.value === f.fix.value)) continue;
    chosen.set(key, { sheet: f.sheet, cell: f.fix.cell, value: f.fix.value });
  }
  return [...chosen.values()].map((c) => ({ op: "setValues", sheet: c.sheet, range: c.cell, values: [[c.value]] }));
}

export interface MarkOptions {
  /** Only findings at least this severe are marked (default: all). */
  minSeverity?: Severity;
  /** Notes the cells have now (A1 → text), when the host can read them; kept under our mark and restored on unmark. */
  existingNotes?: Record<string, string>;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** A note on every cell a finding points at (all findings of the cell in one note), and the record to take them off. */
export function planMarks(findings: Finding[], sheet: SheetSnapshot, options: MarkOptions = {}): { edits: Edit[]; record: MarkRecord } {
  const min = RANK[options.minSeverity ?? "info"];
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.sheet !== sheet.name || RANK[f.severity] < min) continue;
    byCell.set(f.cell, [...(byCell.get(f.cell) ?? []), f]);
  }
  const record: MarkRecord = { version: 1, sheet: sheet.name, cells: [] };
  const edits: Edit[] = [];
  for (const [cell, list] of byCell) {
    const ours = [MARK_TITLE, ...list.map((f) => `• [${SEVERITY_LABELS[f.severity]}] ${f.message}`)].join("\n");
    const before = options.existingNotes?.[cell] ?? null;
    // A note the official wrote stays on top; ours goes under it and comes off cleanly.
    const note = before ? `${before}\n\n${ours}` : ours;
    record.cells.push({ cell, note, before });
    edits.push({ op: "setNote", sheet: sheet.name, cell, text: note });
  }
  return { edits, record };
}

/**
 * The edits that take the marks off: each marked cell gets back the note it had
 * (none: the note is removed). When the host reports the current notes, a note a
 * person has changed since the marking is left as it is.
 */
export function planUnmarks(record: MarkRecord, sheet?: SheetSnapshot, currentNotes?: Record<string, string>): Edit[] {
  if (sheet && sheet.name !== record.sheet) return [];
  const edits: Edit[] = [];
  for (const m of record.cells) {
    if (currentNotes && (currentNotes[m.cell] ?? null) !== m.note) continue;
    edits.push({ op: "setNote", sheet: record.sheet, cell: m.cell, text: m.before ?? "" });
  }
  return edits;
}

/** The record as text, for a host to keep between sessions (document settings). */
export function encodeMarkRecord(record: MarkRecord): string {
  return JSON.stringify(record);
}

export function decodeMarkRecord(text: string): MarkRecord | null {
  try {
    const r = JSON.parse(text) as MarkRecord;
    if (r && r.version === 1 && typeof r.sheet === "string" && Array.isArray(r.cells)) return r;
  } catch {
    // Not ours, or damaged: nothing to take off.
  }
  return null;
}
