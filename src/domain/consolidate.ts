/**
 * Consolidation: several units' appendix sheets into one summary, across the
 * province (communes and wards) or inside one commune (its departments' copies).
 *
 *   consolidate(sources, { catalog, asOf, withinCommune? }) → ConsolidationResult
 *   consolidateRead(sources.map((s) => readSource(s, ctx)), ctx)   (the same, a file at a time)
 *   planConsolidation(result, existingSheets) → Edit[]   (new sheets only)
 *   mergeDepartments(sources, catalog) → { rows, conflicts }
 *
 * Pure: no host, no clock. The pieces live in ./consolidate/.
 */
export * from "./consolidate/types";
export { consolidate, consolidateRead, readSource, NO_SOURCE_UNIT } from "./consolidate/run";
export { mergeDepartments, reportText } from "./consolidate/merge";
export { summarizeIndicators, summarizeTasks, belowProvince, median } from "./consolidate/summary";
export {
  planConsolidation,
  planMergedSheets,
  SHEET_INDICATORS,
  SHEET_TASKS,
  SHEET_SOURCES,
  MERGED_SHEET_PREFIX,
  STATUS_TEXT,
} from "./consolidate/plan";
export { communeByName, communeInLines, communeFromFileName, departmentFromFileName, identifyCommune, identifyDepartment, fileNameWords } from "./consolidate/identify";
export { readTables, readEntries, provinceTarget } from "./consolidate/read";
