/**
 * The task pane's commands, host-agnostic: each reads once, lets the domain decide,
 * and writes once. The React sections only call these and show the results, so
 * the round-trip budget is tested here without a UI.
 */
import type { ApplyOutcome, WorkbookHost } from "../hosts/excel/host";
import type { Catalog } from "../domain/match";
import type { IsoDate } from "../domain/dates";
import type { Finding } from "../domain/finding";
import type { UnitType } from "../catalog/types";
import type { WorkbookSnapshot } from "../domain/snapshot";
import { checkSheet, type SheetReport } from "../domain/validate";
import { catalogWithListSheet, LIST_SHEET } from "../domain/catalog";
import { notesAfterUnmark, planFixesReport, planMarks, planUnmarks, withSeenValues, TIDY_FIX_CODES, type MarkRecord } from "../domain/fixes";
import { MARKS_NAMESPACE, parseMarks, serializeMarks, type MarkBook } from "../domain/marks";
import type { Edit } from "../domain/edits";
import { planInsert, type InsertOptions } from "../domain/layout";
import { planCompute } from "../domain/compute";
import { computedAppendices, summarize, planOverviewSheet, type Summary } from "../domain/summary";
import { consolidate, planConsolidation, type ConsolidationResult } from "../domain/consolidate";
import { HostError } from "../hosts/file/errors";
import { planAssignCode } from "../domain/assign";

export interface ActionEnv {
  host: WorkbookHost;
  catalog: Catalog;
  today: () => IsoDate;
}

export const isTidyFix = (f: Finding) => Boolean(f.fix) && TIDY_FIX_CODES.includes(f.code);

/**
 * Check one sheet; reads it (and the workbook's "Danh mục", when `sheetNames` says there
 * is one) in one read. Each fix keeps the value the check saw, so "Sửa" can leave alone a
 * cell a person changed in the meantime.
 */
export async function runCheck(env: ActionEnv, sheet: string, sheetNames: string[], unitType?: UnitType): Promise<SheetReport> {
  const extra = sheetNames.includes(LIST_SHEET) && sheet !== LIST_SHEET ? [LIST_SHEET] : [];
  const { sheets } = await env.host.readSheets([sheet, ...extra]);
  const catalog = extra.length ? catalogWithListSheet(env.catalog, sheets[1]).catalog : env.catalog;
  const report = checkSheet(sheets[0], { catalog, asOf: env.today(), ...(unitType ? { unitType } : {}) });
  return { ...report, findings: withSeenValues(report.findings, sheets[0]) };
}

/** What a writing command did and what this Excel could not do. */
export interface Done extends ApplyOutcome {
  /** Cells, marks or sheets written. */
  count: number;
}

export interface FixesDone extends Done {
  /** Cells left alone because they changed after the check (A1 addresses). */
  changedSince: string[];
}

/** Apply the mechanical fixes of a report: one read (the sheet as it is now), one write. */
export async function runFixes(env: ActionEnv, report: SheetReport): Promise<FixesDone> {
  const { sheet, workbook } = await env.host.readSheet(report.name);
  const { edits, changedSince } = planFixesReport(report.findings, sheet, isTidyFix);
  const outcome = await env.host.apply(edits, workbook);
  return { count: edits.length, changedSince, ...outcome };
}

export interface MarksDone extends Done {
  /** How the cells were marked on this host: notes, or highlights where notes cannot be written. */
  method: "note" | "fill";
}

const markedCells = (book: MarkBook, sheet: string) => book[sheet] ?? [];

/**
 * Mark the cells of a report's findings: one read (the cells' notes and the workbook's
 * mark record), one write (the marks and the record). Marks left on the sheet from
 * before are taken off in the same write, so marking twice never stacks notes.
 */
export async function runMarks(env: ActionEnv, report: SheetReport): Promise<MarksDone> {
  const findingCells = [...new Set(report.findings.filter((f) => f.sheet === report.name).map((f) => f.cell))];
  const probe = await env.host.readSheets([], { customXml: [MARKS_NAMESPACE] });
  const book = readBook(probe.workbook.customXml);
  const old: MarkRecord = { sheet: report.name, cells: markedCells(book, report.name) };
  const oldCells = old.cells.map((c) => c.cell);
  const { sheet, workbook } = await env.host.readSheet(report.name, {
    notesAt: { [report.name]: [...findingCells, ...oldCells] },
    highlightsAt: { [report.name]: old.cells.filter((c) => c.kind === "fill").map((c) => c.cell) },
    customXml: [MARKS_NAMESPACE],
  });
  const method = workbook.markMethod ?? "note";
  const current = sheet.notes ?? {};
  const unmark = planUnmarks(old, sheet, sheet.notes);
  const { edits, record } = planMarks(report.findings, sheet, { existingNotes: notesAfterUnmark(old, current), method });
  const next: MarkBook = { ...readBook(workbook.customXml), [report.name]: [...notesLeft(old, method), ...record.cells] };
  const outcome = await env.host.apply([...unmark, ...edits, recordEdit(next)], workbook);
  return { count: record.cells.length, method, ...outcome };
}

/** The sheets of the workbook that carry marks of the add-in (from the record in the workbook). */
export async function markedSheets(env: ActionEnv): Promise<string[]> {
  const { workbook } = await env.host.readSheets([], { customXml: [MARKS_NAMESPACE] });
  return Object.entries(readBook(workbook.customXml))
    .filter(([, cells]) => cells.length)
    .map(([name]) => name);
}

/** Take off the add-in's marks on a sheet, as the record in the workbook lists them: one read, one write. */
export async function runUnmarks(env: ActionEnv, sheetName: string): Promise<Done> {
  const probe = await env.host.readSheets([], { customXml: [MARKS_NAMESPACE] });
  const cells = markedCells(readBook(probe.workbook.customXml), sheetName);
  if (!cells.length) return { count: 0, notDone: [] };
  const { sheet, workbook } = await env.host.readSheet(sheetName, {
    notesAt: { [sheetName]: cells.map((c) => c.cell) },
    highlightsAt: { [sheetName]: cells.filter((c) => c.kind === "fill").map((c) => c.cell) },
    customXml: [MARKS_NAMESPACE],
  });
  const book = readBook(workbook.customXml);
  const record: MarkRecord = { sheet: sheetName, cells: markedCells(book, sheetName) };
  const edits = planUnmarks(record, sheet, sheet.notes);
  const left = notesLeft(record, workbook.markMethod ?? "note");
  const rest: MarkBook = { ...book };
  delete rest[sheetName];
  if (left.length) rest[sheetName] = left;
  const outcome = await env.host.apply([...edits, recordEdit(rest)], workbook);
  return { count: record.cells.length - left.length, ...outcome };
}

/**
 * The note marks a host that cannot write notes (Excel before ExcelApi 1.18, which
 * marks by highlight) leaves on the sheet: another host wrote them. They stay in the
 * record, so that the offline page or a newer Excel can still take them off.
 */
function notesLeft(record: MarkRecord, method: "note" | "fill"): MarkRecord["cells"] {
  return method === "fill" ? record.cells.filter((c) => c.kind === "note") : [];
}

function readBook(parts: Record<string, string> | undefined): MarkBook {
  const xml = parts?.[MARKS_NAMESPACE];
  return (xml && parseMarks(xml)) || {};
}

function recordEdit(book: MarkBook): Edit {
  const empty = Object.values(book).every((cells) => cells.length === 0);
  return { op: "setCustomXml", namespace: MARKS_NAMESPACE, xml: empty ? null : serializeMarks(book) };
}

/** Insert the standard appendices: one read (which sheets exist), one write. */
export async function runInsert(env: ActionEnv, options: Omit<InsertOptions, "existingSheets">): Promise<{ sheets: string[] } & ApplyOutcome> {
  const { workbook } = await env.host.readSheets([]);
  // The names tell the add-in's own "Danh mục" from one a person made.
  const plan = planInsert({ ...options, existingSheets: workbook.sheetNames, existingNames: workbook.names });
  const outcome = await env.host.apply(plan.edits, workbook);
  return { sheets: plan.sheets, ...outcome };
}

/**
 * Add or refresh the computed columns on a sheet: one read, one write. `focus` is the
 * header of the first computed column (rate, or flag on a task sheet), for the pane
 * to show.
 */
export async function runCompute(env: ActionEnv, sheetName: string, asOf: IsoDate | null): Promise<{ summary: Summary; focus: string | null } & ApplyOutcome> {
  const { sheet, workbook } = await env.host.readSheet(sheetName);
  const plan = planCompute(sheet, { catalog: env.catalog, asOf, today: env.today() });
  if (!plan.ok) throw new HostError(plan.code, plan.message);
  const outcome = await env.host.apply(plan.edits, workbook);
  const shown = plan.added.find((a) => a.role === "rate" || a.role === "flag")?.letter ?? plan.table.columns.find((c) => c.role === "rate" || c.role === "flag")?.letter;
  return { summary: summarize([plan.report], [plan.table], env.catalog), focus: shown ? `${shown}${plan.table.headerRow}` : null, ...outcome };
}

/**
 * The "Tổng quan" sheet over every computed appendix of the workbook (each at its own
 * report date), not only the sheet computed last: one read of the sheets, one write.
 * Given the workbook's sheet names (the pane lists them already), it needs no read to
 * learn them first.
 */
export async function runOverview(env: ActionEnv, sheetNames?: string[]): Promise<{ sheet: string; summary: Summary } & ApplyOutcome> {
  const names = sheetNames ?? (await env.host.sheets()).names;
  const { sheets, workbook } = await env.host.readSheets(names);
  const { reports, tables, asOf } = computedAppendices(sheets, env.catalog, env.today());
  if (reports.length === 0) {
    throw new HostError("no-table", 'Chưa có trang nào đã tính: hãy chạy "Tính toán ngay" trên một phụ lục trước, rồi tạo trang Tổng quan.');
  }
  const summary = summarize(reports, tables, env.catalog);
  const plan = planOverviewSheet(summary, workbook.sheetNames, { asOf });
  const outcome = await env.host.apply(plan.edits, workbook);
  return { sheet: plan.sheet, summary, ...outcome };
}

export type FileSource = { file: string; workbook: WorkbookSnapshot | null; error?: string };

/**
 * Consolidate ticked sheets of this workbook with files already read from disk:
 * one read of the workbook (the ticked sheets and its state), one write of new sheets.
 */
export async function runConsolidate(
  env: ActionEnv,
  sheets: string[],
  files: FileSource[],
  options: { asOf: IsoDate; withinCommune: boolean },
): Promise<{ result: ConsolidationResult } & ApplyOutcome> {
  const { sheets: snaps, workbook } = await env.host.readSheets(sheets);
  const sources = [...snaps.map((s) => ({ file: s.name, workbook: { sheets: [s] } })), ...files];
  const result = consolidate(sources, { catalog: env.catalog, asOf: options.asOf, withinCommune: options.withinCommune });
  const outcome = await env.host.apply(planConsolidation(result, workbook.sheetNames), workbook);
  return { result, ...outcome };
}

/**
 * An appendix sheet as a Word document in the decree's form, ready to attach to the
 * plan: one read, no write (the pane hands the bytes to the browser to save). The
 * Word writer loads only when asked for.
 */
export async function runExportWord(env: ActionEnv, sheetName: string): Promise<{ fileName: string; bytes: Uint8Array }> {
  const { sheet } = await env.host.readSheet(sheetName);
  const { exportAppendixDocx, wordFileName } = await import("../hosts/docx/export");
  return { fileName: wordFileName(sheet.name), bytes: await exportAppendixDocx(sheet, env.catalog) };
}

/**
 * Confirm which catalog indicator a row is: write the chosen code into the row's "Mã"
 * cell (adding the narrow column right of the table when there is none), one read and
 * one write. The next check (and compute, and consolidation) takes the row by its code.
 */
export async function runAssignCode(env: ActionEnv, sheetName: string, row: number, code: string): Promise<ApplyOutcome & { cell: string; added: boolean }> {
  const { sheet, workbook } = await env.host.readSheet(sheetName);
  const plan = planAssignCode(sheet, [{ row, code }], env.catalog);
  if (!plan.ok) throw new HostError(plan.code, plan.message);
  const outcome = await env.host.apply(plan.edits, workbook);
  return { cell: plan.written[0].cell, added: plan.column.added, ...outcome };
}
