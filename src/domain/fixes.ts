/**
 * Turning the checker's findings into edits: quick fixes (write exactly the cells a
 * fix names, nothing else) and marks on the sheet (a note on each finding's cell)
 * that can be taken off again, leaving every note as it was before.
 *
 * Marks are notes where the host can write them, never the cell's own fill or font: a
 * cell's formatting is the official's and the snapshot does not carry it, so it could
 * not be restored exactly. A note is one property, and the mark record keeps what was
 * there before and what we wrote, so "Xoá đánh dấu" restores exactly and leaves alone
 * any note a person has edited since. Where notes cannot be written (Excel before
 * ExcelApi 1.18), a mark is a highlight (`markFill`: a conditional format of the
 * add-in's own over the cell), which comes off without touching anything else.
 *
 * Contract with the hosts: `setNote` with empty text removes the cell's note.
 */
import type { Edit } from "./edits";
import type { Finding, Severity } from "./finding";
import type { CellValue, SheetSnapshot } from "./snapshot";
import { parseA1 } from "./address";
import { SEVERITY_LABELS } from "./validate/codes";
import { noteDigest, type MarkedCell } from "./marks";

/** A note's header, so a person who opens a marked note knows where it came from. */
export const MARK_TITLE = "Phụ lục NQ57 – kết quả kiểm tra:";

/** The highlight of a marked cell where the host cannot write notes (light amber). */
export const MARK_FILL = "#FFE699";

/** The marks on one sheet: what `planUnmarks` needs to take them off (kept in the workbook, see marks.ts). */
export interface MarkRecord {
  sheet: string;
  cells: MarkedCell[];
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
  return planFixesReport(findings, sheet, only).edits;
}

/** A fix as the check made it, with the value the check saw in its cell (`withSeenValues`). */
export type SeenFix = NonNullable<Finding["fix"]> & { seen: CellValue };

/**
 * Give every fix the value its cell held when the check read the sheet, so that a fix
 * applied later can tell whether a person has changed the cell since.
 */
export function withSeenValues(findings: Finding[], checked: SheetSnapshot): Finding[] {
  return findings.map((f) => (f.fix && f.sheet === checked.name ? { ...f, fix: { ...f.fix, seen: valueAt(checked, f.fix.cell).value } as SeenFix } : f));
}

/**
 * `planFixes`, and the cells it left alone because they changed after the check (their
 * value now differs from the value the check saw): a person's edit is never overwritten.
 */
export function planFixesReport(findings: Finding[], sheet?: SheetSnapshot, only?: (f: Finding) => boolean): { edits: Edit[]; changedSince: string[] } {
  const chosen = new Map<string, { sheet: string; cell: string; value: CellValue }>();
  const changedSince: string[] = [];
  for (const f of findings) {
    if (!f.fix || (only && !only(f))) continue;
    if (sheet && f.sheet !== sheet.name) continue;
    const key = `${f.sheet}!${f.fix.cell}`;
    if (chosen.has(key) || changedSince.includes(f.fix.cell)) continue;
    const now = valueAt(sheet, f.fix.cell);
    if (sheet && (now.formula || now.value === f.fix.value)) continue;
    if (sheet && "seen" in f.fix && !sameValue((f.fix as SeenFix).seen, now.value)) {
      changedSince.push(f.fix.cell);
      continue;
    }
    chosen.set(key, { sheet: f.sheet, cell: f.fix.cell, value: f.fix.value });
  }
  return { edits: [...chosen.values()].map((c) => ({ op: "setValues", sheet: c.sheet, range: c.cell, values: [[c.value]] })), changedSince };
}

function sameValue(a: CellValue, b: CellValue): boolean {
  return (a ?? null) === (b ?? null);
}

export interface MarkOptions {
  /** Only findings at least this severe are marked (default: all). */
  minSeverity?: Severity;
  /** Notes the cells have now (A1 → text), when the host can read them; kept under our mark and restored on unmark. */
  existingNotes?: Record<string, string>;
  /** How this host marks a cell: a note (default) or, where it cannot write notes, a highlight. */
  method?: "note" | "fill";
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** A mark on every cell a finding points at (all findings of the cell in one note), and the record to take them off. */
export function planMarks(findings: Finding[], sheet: SheetSnapshot, options: MarkOptions = {}): { edits: Edit[]; record: MarkRecord } {
  const min = RANK[options.minSeverity ?? "info"];
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.sheet !== sheet.name || RANK[f.severity] < min) continue;
    byCell.set(f.cell, [...(byCell.get(f.cell) ?? []), f]);
  }
  const record: MarkRecord = { sheet: sheet.name, cells: [] };
  const edits: Edit[] = [];
  for (const [cell, list] of byCell) {
    if (options.method === "fill") {
      record.cells.push({ cell, kind: "fill", color: MARK_FILL });
      edits.push({ op: "markFill", sheet: sheet.name, cell, color: MARK_FILL, on: true });
      continue;
    }
    const ours = [MARK_TITLE, ...list.map((f) => `• [${SEVERITY_LABELS[f.severity]}] ${f.message}`)].join("\n");
    const before = options.existingNotes?.[cell] ?? null;
    // A note the official wrote stays on top; ours goes under it and comes off cleanly.
    const text = before ? `${before}\n\n${ours}` : ours;
    record.cells.push({ cell, kind: "note", digest: noteDigest(text), before });
    edits.push({ op: "setNote", sheet: sheet.name, cell, text });
  }
  return { edits, record };
}

/**
 * The edits that take the marks off: each noted cell gets back the note it had (none:
 * the note is removed), each highlight comes off. When the host reports the current
 * notes, a note a person has changed since the marking is left as it is.
 */
export function planUnmarks(record: MarkRecord, sheet?: SheetSnapshot, currentNotes?: Record<string, string>): Edit[] {
  if (sheet && sheet.name !== record.sheet) return [];
  const edits: Edit[] = [];
  for (const m of record.cells) {
    if (m.kind === "fill") {
      edits.push({ op: "markFill", sheet: record.sheet, cell: m.cell, color: m.color, on: false });
      continue;
    }
    if (currentNotes && !isOurs(currentNotes[m.cell], m.digest)) continue;
    edits.push({ op: "setNote", sheet: record.sheet, cell: m.cell, text: m.before ?? "" });
  }
  return edits;
}

function isOurs(note: string | undefined, digest: string): boolean {
  return note !== undefined && noteDigest(note) === digest;
}

/** The notes the cells will have once `planUnmarks(record, …, currentNotes)` is applied. */
export function notesAfterUnmark(record: MarkRecord, currentNotes: Record<string, string>): Record<string, string> {
  const after = { ...currentNotes };
  for (const m of record.cells) {
    if (m.kind !== "note" || !isOurs(currentNotes[m.cell], m.digest)) continue;
    if (m.before === null) delete after[m.cell];
    else after[m.cell] = m.before;
  }
  return after;
}
