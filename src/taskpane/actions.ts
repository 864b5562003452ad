/**
 * The task pane's commands, host-agnostic: each reads once, lets the domain decide,
 * and writes once. The React sections only call these and show the results, so
 * the round-trip budget is tested here without a UI.
 */
import type { WorkbookHost } from "../hosts/excel/host";
import type { Catalog } from "../domain/match";
import type { IsoDate } from "../domain/dates";
import type { Finding } from "../domain/finding";
import type { UnitType } from "../catalog/types";
import type { WorkbookSnapshot } from "../domain/snapshot";
import { checkSheet, type SheetReport } from "../domain/validate";
import { catalogWithListSheet, LIST_SHEET } from "../domain/catalog";
import { planFixes, planMarks, planUnmarks, TIDY_FIX_CODES, type MarkRecord } from "../domain/fixes";
import { planInsert, type InsertOptions } from "../domain/layout";
import { planCompute } from "../domain/compute";
import { summarize, planOverviewSheet, type Summary } from "../domain/summary";
import { consolidate, planConsolidation, type ConsolidationResult } from "../domain/consolidate";
import { HostError } from "../hosts/file/errors";
import { planAssignCode } from "../domain/assign";

export interface ActionEnv {
  host: WorkbookHost;
  catalog: Catalog;
  today: () => IsoDate;
}

export const isTidyFix = (f: Finding) => Boolean(f.fix) && TIDY_FIX_CODES.includes(f.code);

/** Check one sheet; reads it (and the workbook's "Danh mục", when `sheetNames` says there is one) in one round-trip. */
export async function runCheck(env: ActionEnv, sheet: string, sheetNames: string[], unitType?: UnitType): Promise<SheetReport> {
  const extra = sheetNames.includes(LIST_SHEET) && sheet !== LIST_SHEET ? [LIST_SHEET] : [];
  const { sheets } = await env.host.readSheets([sheet, ...extra]);
  const catalog = extra.length ? catalogWithListSheet(env.catalog, sheets[1]).catalog : env.catalog;
  return checkSheet(sheets[0], { catalog, asOf: env.today(), ...(unitType ? { unitType } : {}) });
}

/** Apply the mechanical fixes of a report: one read (the sheet as it is now), one write. */
export async function runFixes(env: ActionEnv, report: SheetReport): Promise<number> {
  const { sheet, workbook } = await env.host.readSheet(report.name);
  const edits = planFixes(report.findings, sheet, isTidyFix);
  await env.host.apply(edits, workbook);
  return edits.length;
}

export async function runMarks(env: ActionEnv, report: SheetReport): Promise<MarkRecord> {
  const { sheet, workbook } = await env.host.readSheet(report.name);
  const { edits, record } = planMarks(report.findings, sheet, { existingNotes: sheet.notes ?? {} });
  await env.host.apply(edits, workbook);
  return record;
}

export async function runUnmarks(env: ActionEnv, record: MarkRecord): Promise<void> {
  const { sheet, workbook } = await env.host.readSheet(record.sheet);
  await env.host.apply(planUnmarks(record, sheet, sheet.notes), workbook);
}

/** Insert the standard appendices: one read (which sheets exist), one write. */
export async function runInsert(env: ActionEnv, options: Omit<InsertOptions, "existingSheets">): Promise<string[]> {
  const { workbook } = await env.host.readSheets([]);
  // The names tell the add-in's own "Danh mục" from one a person made.
  const plan = planInsert({ ...options, existingSheets: workbook.sheetNames, existingNames: workbook.names });
  await env.host.apply(plan.edits, workbook);
  return plan.sheets;
}

/** Add or refresh the computed columns on a sheet: one read, one write. */
export async function runCompute(env: ActionEnv, sheetName: string, asOf: IsoDate | null): Promise<Summary> {
  const { sheet, workbook } = await env.host.readSheet(sheetName);
  const plan = planCompute(sheet, { catalog: env.catalog, asOf, today: env.today() });
  if (!plan.ok) throw new HostError(plan.code, plan.message);
  await env.host.apply(plan.edits, workbook);
  return summarize([plan.report], [plan.table], env.catalog);
}

export async function runOverview(env: ActionEnv, summary: Summary): Promise<string> {
  const { workbook } = await env.host.readSheets([]);
  const plan = planOverviewSheet(summary, workbook.sheetNames);
  await env.host.apply(plan.edits, workbook);
  return plan.sheet;
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
): Promise<ConsolidationResult> {
  const { sheets: snaps, workbook } = await env.host.readSheets(sheets);
  const sources = [...snaps.map((s) => ({ file: s.name, workbook: { sheets: [s] } })), ...files];
  const result = consolidate(sources, { catalog: env.catalog, asOf: options.asOf, withinCommune: options.withinCommune });
  await env.host.apply(planConsolidation(result, workbook.sheetNames), workbook);
  return result;
}

/**
 * Confirm which catalog indicator a row is: write the chosen code into the row's "Mã"
 * cell (adding the narrow column right of the table when there is none), one read and
 * one write. The next check (and compute, and consolidation) takes the row by its code.
 */
export async function runAssignCode(env: ActionEnv, sheetName: string, row: number, code: string): Promise<{ cell: string; added: boolean }> {
  const { sheet, workbook } = await env.host.readSheet(sheetName);
  const plan = planAssignCode(sheet, [{ row, code }], env.catalog);
  if (!plan.ok) throw new HostError(plan.code, plan.message);
  await env.host.apply(plan.edits, workbook);
  return { cell: plan.written[0].cell, added: plan.column.added };
}
