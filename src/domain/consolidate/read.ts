/**
 * Reading one source for consolidation: every appendix table in it (by the same
 * reader the checker uses), each indicator row matched to the catalog and judged
 * against its own target, each task row judged as of the report date.
 */
import type { Catalog } from "../match";
import type { CatalogIndicator } from "../../catalog/types";
import { readTable, type Table, type TableRow } from "../reader";
import { parseTarget, type Target } from "../target";
import { achieve, isAmbiguous, readResult } from "../achieve";
import { parseDeadline, type Deadline } from "../deadline";
import { parseDateCell, parseStatus, taskState, DUE_SOON_DAYS } from "../status";
import { parseIso, type IsoDate } from "../dates";
import { foldKey } from "../text";
import { LIST_SHEET } from "../catalog";
import { indicatorKey, indicatorNameTest, matchIndicator, splitBodies, targetInName, unitByCode } from "../match";
import { rowIndicator } from "../rowIndicator";
import { unitKind } from "../units";
import { markerOf } from "../layout/marker";
import { MERGED_SHEET_PREFIX, SHEET_INDICATORS, SHEET_SOURCES, SHEET_TASKS } from "./names";
import type { SheetSnapshot, WorkbookSnapshot } from "../snapshot";
import { rowNumber } from "../location";
import type { ConsolidateContext, Entry, IndicatorEntry, SourceTable, TaskEntry } from "./types";

/** Sheet names the consolidator itself writes; a summary is never read back as a source. */
const OUTPUT_SHEETS = [SHEET_INDICATORS, SHEET_TASKS, SHEET_SOURCES];

function isOwnSheet(name: string): boolean {
  const k = foldKey(name.replace(/\s*\(\d+\)$/, ""));
  return k === foldKey(LIST_SHEET) || OUTPUT_SHEETS.some((o) => foldKey(o) === k);
}

/** The catalog indicator a name matches, or null (matchIndicator remembers its answers). */
export function indicatorOf(catalog: Catalog, name: string): CatalogIndicator | null {
  return matchIndicator(catalog, name).best?.item ?? null;
}

/** The appendix tables of a workbook (sheets without one, the list sheet and our own summaries are skipped). */
export function readTables(catalog: Catalog, wb: WorkbookSnapshot): Table[] {
  // The same test the checker uses, so the sheet is read once for both.
  const isIndicatorName = indicatorNameTest(catalog);
  const out: Table[] = [];
  // Merged sheets ("Hợp nhất ...") are a commune's final copy: read before the rest.
  const merged = (n: string) => foldKey(n).startsWith(foldKey(MERGED_SHEET_PREFIX));
  const sheets = [...wb.sheets.filter((s) => merged(s.name)), ...wb.sheets.filter((s) => !merged(s.name))];
  for (const sheet of sheets) {
    if (isOwnSheet(sheet.name) || markerOf(wb.names, sheet.name)?.kind === "lists") continue;
    const r = readTable(sheet, { isIndicatorName });
    if (r.ok && r.table.rows.some((row) => row.kind !== "group")) out.push(r.table);
  }
  return out;
}

/** Body codes a lead cell names (several for "Trung tâm PVHCC; Phòng VH-XH"). */
export function leadCodesOf(catalog: Catalog, text: string): string[] {
  if (!text) return [];
  const codes: string[] = [];
  for (const m of splitBodies(catalog, text)) if (m.body && !codes.includes(m.body.code)) codes.push(m.body.code);
  return codes;
}

/** The province's target for a catalog indicator, in the shape parseTarget gives. */
export function provinceTarget(catalog: Catalog, item: CatalogIndicator | null): Target | null {
  if (!item) return null;
  if (item.target.kind === "qualitative") return item.target.text ? { kind: "qualitative", text: item.target.text } : null;
  const percent = unitByCode(catalog, item.unit)?.percent ?? false;
  return { kind: "numeric", comparator: item.target.comparator, value: item.target.value, percent };
}

/**
 * An indicator row of a unit's file. The unit's target is the one in its own row (or
 * written at the end of the name); when it cannot be read the entry says so and the
 * row does not count as reported: the catalog's target is never put in its place.
 */
export function readIndicator(catalog: Catalog, table: Table, row: TableRow): IndicatorEntry | null {
  const name = row.cells.name?.text ?? "";
  if (!name) return null;
  const item = rowIndicator(catalog, row).item;
  const unitText = row.cells.unit?.text ?? "";
  const kind = unitKind(catalog, unitText, item);
  const percentUnit = kind.percent ?? false;

  let ownTarget: Target | null = null;
  let targetFrom: IndicatorEntry["targetFrom"] = null;
  let targetProblem: IndicatorEntry["targetProblem"] = null;
  const tc = row.cells.target;
  if (tc && tc.value !== null && tc.text !== "") {
    const p = parseTarget(tc.value, { numberFormat: tc.numberFormat, percentUnit });
    if (p.ok) {
      ownTarget = p.target;
      targetFrom = "row";
    } else targetProblem = "unreadable";
  }
  if (!ownTarget) {
    const inName = targetInName(name);
    const p = inName ? parseTarget(inName, { percentUnit }) : null;
    if (p?.ok) {
      ownTarget = p.target;
      targetFrom = "name";
      targetProblem = null;
    } else targetProblem ??= "missing";
  }

  const rc = row.cells.result;
  const read = rc ? readResult(rc.value, { percentUnit, countUnit: kind.count, numberFormat: rc.numberFormat }) : { value: null, notes: [] };
  const a = achieve(ownTarget, read);
  const reporting = a.verdict !== null;
  const resultProblem: IndicatorEntry["resultProblem"] =
    read.value === null || reporting
      ? null
      : isAmbiguous(read)
        ? "ambiguous"
        : ownTarget === null
          ? "no-target"
          : ownTarget.kind === "qualitative"
            ? "free-text"
            : "unreadable";
  const leadText = row.cells.lead?.text ?? "";
  return {
    key: item ? item.code : "x:" + indicatorKey(name),
    code: item?.code ?? null,
    name,
    unitText,
    percentUnit,
    ownTarget,
    target: ownTarget,
    targetFrom,
    targetProblem,
    targetText: tc?.text ?? "",
    resultRaw: rc?.value ?? null,
    result: read.value,
    resultNotes: read.notes,
    resultProblem,
    rate: reporting ? a.rate : null,
    verdict: a.verdict,
    reporting,
    met: reporting && (a.verdict === "Đạt" || a.verdict === "Vượt"),
    leadText,
    leadCodes: leadCodesOf(catalog, leadText),
    sheet: table.sheet,
    row: row.row,
    line: row.row,
    resultCell: rc?.address ?? null,
  };
}

export function readTask(
  catalog: Catalog,
  table: Table,
  row: TableRow,
  opts: { asOf: IsoDate; dueSoonDays: number },
): TaskEntry | null {
  const parent = row.cells.parentTask?.text ?? "";
  const name = row.cells.name?.text || parent;
  if (!name) return null;
  const dc = row.cells.deadline;
  const planYear = parseIso(opts.asOf).year;
  const parsed = dc ? parseDeadline(dc.value, { planYear, numberFormat: dc.numberFormat }) : null;
  let deadline: Deadline | null = parsed?.ok ? parsed.deadline : null;
  // A "Hạn hoàn thành (ngày)" column (added by the compute command) holds the date itself.
  const due = row.cells.dueDate ? parseDateCell(row.cells.dueDate.value) : null;
  if ((!deadline || deadline.kind === "undated") && due) deadline = { kind: "date", due, period: "day", yearAssumed: false };
  const status = parseStatus(row.cells.status?.value ?? null);
  const completedOn = parseDateCell(row.cells.completedOn?.value ?? null);
  const leadText = row.cells.lead?.text ?? "";
  const base = { deadline, asOf: opts.asOf, dueSoonDays: opts.dueSoonDays };
  return {
    key: "t:" + foldKey(parent && parent !== name ? `${parent} | ${name}` : name),
    name,
    leadText,
    leadCodes: leadCodesOf(catalog, leadText),
    deadlineText: dc?.text ?? "",
    deadline,
    status,
    state: taskState({ ...base, status, completedOn }),
    blankState: taskState({ ...base, status: null, completedOn: null }),
    sheet: table.sheet,
    row: row.row,
    line: row.row,
  };
}

/** Every indicator and task row of a table, keyed so that copies of the same table line up. */
export function readEntries(
  catalog: Catalog,
  table: Table,
  opts: { asOf: IsoDate; dueSoonDays: number },
  sheet?: SheetSnapshot,
): SourceTable {
  const entries = new Map<number, Entry>();
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    if (row.kind === "group") continue;
    const e: Entry | null =
      row.kind === "indicator"
        ? withType("indicator", readIndicator(catalog, table, row))
        : withType("task", readTask(catalog, table, row, opts));
    if (!e) continue;
    // The same wording twice in one table (two tasks named alike) still gives two rows.
    const n = (seen.get(e.key) ?? 0) + 1;
    seen.set(e.key, n);
    if (n > 1) e.key = `${e.key}#${n}`;
    if (sheet) e.line = rowNumber(sheet, row.row);
    entries.set(row.row, e);
  }
  return { sheet: table.sheet, kind: table.kind, table, entries };
}

function withType<T extends "indicator" | "task">(
  type: T,
  e: (T extends "indicator" ? IndicatorEntry : TaskEntry) | null,
): Entry | null {
  return e ? ({ type, ...e } as Entry) : null;
}

export function readOptions(ctx: ConsolidateContext): { asOf: IsoDate; dueSoonDays: number } {
  return { asOf: ctx.asOf, dueSoonDays: ctx.dueSoonDays ?? DUE_SOON_DAYS };
}

