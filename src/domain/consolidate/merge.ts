/**
 * Inside one commune: the departments each fill in their own rows of a copy of the
 * same appendix, and the focal point merges the copies. Each row is taken from the
 * department that leads it (its "Đơn vị chủ trì" names the department the copy
 * belongs to). When two copies carry different reports for the same row, the
 * conflict is listed for a person to decide: the lead's report is kept when there is
 * exactly one lead's version, otherwise the report cells are left empty rather than
 * choosing one silently.
 *
 * Rows are lined up by what they are (catalog code for indicators, the task's own
 * wording for tasks), never by their position, so a copy with a row inserted or
 * deleted still lines up.
 */
import type { Catalog } from "../match";
import type { CellValue } from "../snapshot";
import type { Role, TableRow } from "../reader";
import { roundTo } from "../numbers";
import { foldKey } from "../text";
import { formatDateVi } from "../dates";
import { STATUS_LABELS } from "../status";
import { leadCodesOf } from "./read";
import { formatValue } from "./format";
import type { Entry, MergeConflict, MergeResult, MergedAppendix, MergedRow, ReadSource, SourceTable } from "./types";

/** Cells a department reports; everything else is the plan and comes with the row. */
const REPORT_ROLES: Role[] = ["result", "status", "completedOn", "note"];
/** Columns computed by the add-in's formulas: left out of a merged sheet (the compute command adds them back live). */
const COMPUTED_ROLES: Role[] = ["rate", "verdict", "flag", "dueDate"];

interface Copy {
  source: ReadSource;
  table: SourceTable;
  row: TableRow;
  entry: Entry;
}

/** A row's report as a comparable signature (null when nothing was reported). */
function reportKey(e: Entry): string | null {
  if (e.type === "indicator") {
    if (e.result === null) return null;
    return typeof e.result === "number" ? `n:${roundTo(e.result, 6)}` : `t:${foldKey(e.result)}`;
  }
  if (e.status === null && e.state.completedOn === null) return null;
  return `s:${e.status ?? ""}|${e.state.completedOn ?? ""}`;
}

/** The report as a person reads it, for the conflict list. */
export function reportText(e: Entry): string {
  if (e.type === "indicator") return formatValue(e.result, e.percentUnit);
  const s = e.status ? STATUS_LABELS[e.status] : "";
  return e.state.completedOn ? `${s} (${formatDateVi(e.state.completedOn)})`.trim() : s;
}

function unitOf(s: ReadSource): { file: string; unit: string; unitCode: string } {
  return { file: s.file, unit: s.unit?.label ?? s.file, unitCode: s.unit?.code ?? "" };
}

function leads(catalog: Catalog, c: Copy): boolean {
  const code = c.source.unit?.code;
  return Boolean(code && leadCodesOf(catalog, c.entry.leadText).includes(code));
}

function stripReport(e: Entry): Entry {
  if (e.type === "indicator") {
    return { ...e, result: null, resultRaw: null, resultNotes: [], resultProblem: null, rate: null, verdict: null, reporting: false, met: false };
  }
  return { ...e, status: null, state: e.blankState };
}

function valuesOf(row: TableRow, roles: Role[], report: boolean): { values: Partial<Record<Role, CellValue>>; formats: Partial<Record<Role, string>> } {
  const values: Partial<Record<Role, CellValue>> = {};
  const formats: Partial<Record<Role, string>> = {};
  for (const role of roles) {
    if (!report && REPORT_ROLES.includes(role)) continue;
    const cell = row.cells[role];
    if (!cell) continue;
    values[role] = cell.value;
    if (cell.numberFormat) formats[role] = cell.numberFormat;
  }
  return { values, formats };
}

/**
 * Merge the departments' copies. `sources` are the departments' files already read
 * (their unit identified), in the order their columns appear in the summaries.
 */
export function mergeDepartments(sources: ReadSource[], catalog: Catalog): MergeResult {
  // Appendices are lined up by sheet name: the copies come from one workbook the focal point sent out.
  const apps = new Map<string, { name: string; copies: { source: ReadSource; table: SourceTable }[] }>();
  for (const source of sources) {
    for (const table of source.tables) {
      const k = foldKey(table.sheet);
      const app = apps.get(k) ?? { name: table.sheet, copies: [] };
      if (!app.copies.some((c) => c.source === source)) app.copies.push({ source, table });
      apps.set(k, app);
    }
  }

  const conflicts: MergeConflict[] = [];
  const appendices: MergedAppendix[] = [];
  for (const app of apps.values()) {
    const base = app.copies[0].table;
    const columns = base.table.columns.filter((c) => !COMPUTED_ROLES.includes(c.role)).map((c) => ({ role: c.role, label: c.label }));
    const roles = columns.map((c) => c.role);

    // Every copy's rows by key.
    const byKey = new Map<string, Copy[]>();
    for (const { source, table } of app.copies) {
      for (const row of table.table.rows) {
        const entry = table.entries.get(row.row);
        if (!entry) continue;
        const list = byKey.get(entry.key) ?? [];
        list.push({ source, table, row, entry });
        byKey.set(entry.key, list);
      }
    }

    // Order: the base copy's rows (with its group rows), then rows only other copies have.
    const order: ({ group: TableRow } | { key: string })[] = [];
    const placed = new Set<string>();
    for (const row of base.table.rows) {
      if (row.kind === "group") order.push({ group: row });
      const e = base.entries.get(row.row);
      if (e && !placed.has(e.key)) {
        order.push({ key: e.key });
        placed.add(e.key);
      }
    }
    for (const { table } of app.copies.slice(1)) {
      for (const row of table.table.rows) {
        const e = table.entries.get(row.row);
        if (e && !placed.has(e.key)) {
          order.push({ key: e.key });
          placed.add(e.key);
        }
      }
    }

    const rows: MergedRow[] = [];
    for (const item of order) {
      if ("group" in item) {
        const g = item.group;
        const { values, formats } = valuesOf(g, roles, true);
        rows.push({
          appendix: app.name,
          kind: "group",
          key: `g:${g.number ?? ""}:${foldKey(g.title ?? "")}`,
          number: g.number,
          name: g.title ?? "",
          values,
          numberFormats: formats,
          from: null,
          why: "group",
          leadCodes: [],
          conflict: null,
          entry: null,
          attributedTo: null,
        });
        continue;
      }
      const copies = byKey.get(item.key)!;
      const leadCopies = copies.filter((c) => leads(catalog, c));
      const reported = copies.filter((c) => reportKey(c.entry) !== null);
      const distinct = new Set(reported.map((c) => reportKey(c.entry)));
      const reportedLeads = reported.filter((c) => leads(catalog, c));
      const leadDistinct = new Set(reportedLeads.map((c) => reportKey(c.entry)));

      let chosen: Copy | null;
      let why: MergedRow["why"];
      let conflict: number | null = null;
      if (distinct.size <= 1) {
        chosen = reportedLeads[0] ?? reported[0] ?? leadCopies[0] ?? copies[0];
        why = reportedLeads[0] || (leadCopies[0] && !reported[0]) ? "lead" : reported[0] ? "only-report" : "base";
      } else {
        const decided = leadDistinct.size === 1 ? reportedLeads[0] : null;
        chosen = decided;
        why = decided ? "lead" : "undecided";
        const first = copies[0].entry;
        const shown = reported.map((c) => ({ ...unitOf(c.source), text: reportText(c.entry) }));
        const list = shown.map((v) => `${v.unit}: ${v.text}`).join("; ");
        conflicts.push({
          appendix: app.name,
          key: item.key,
          name: first.name,
          lead: (leadCopies[0] ?? copies[0]).entry.leadText,
          values: shown.map((v) => ({ file: v.file, unit: v.unit, text: v.text })),
          resolution: decided ? "lead" : "undecided",
          message: decided
            ? `Các đơn vị ghi khác nhau (${list}). Đã lấy theo đơn vị chủ trì (${decided.source.unit?.label ?? decided.source.file}); cần người phụ trách xác nhận.`
            : `Các đơn vị ghi khác nhau (${list}). Chưa chọn giá trị nào: cần người phụ trách quyết định.`,
        });
        conflict = conflicts.length - 1;
      }
      // The plan's cells come from the lead's copy when there is one, the report cells from the chosen copy.
      const planCopy = leadCopies[0] ?? chosen ?? copies[0];
      const plan = valuesOf(planCopy.row, roles, false);
      const report = chosen ? valuesOf(chosen.row, REPORT_ROLES.filter((r) => roles.includes(r)), true) : { values: {}, formats: {} };
      const entry = chosen ? chosen.entry : stripReport(planCopy.entry);
      const attributed = leadCopies[0] ?? (chosen && reportKey(chosen.entry) !== null ? chosen : null);
      rows.push({
        appendix: app.name,
        kind: entry.type,
        key: item.key,
        number: planCopy.row.number,
        name: entry.name,
        values: { ...plan.values, ...report.values },
        numberFormats: { ...plan.formats, ...report.formats },
        from: chosen && (why === "lead" || why === "only-report") ? unitOf(chosen.source) : null,
        why,
        leadCodes: leadCopies.map((c) => c.source.unit!.code),
        conflict,
        entry,
        attributedTo: attributed?.source.unit?.code ?? null,
      });
    }
    appendices.push({ name: app.name, columns, kind: base.kind, rows });
  }
  return { appendices, rows: appendices.flatMap((a) => a.rows), conflicts };
}
