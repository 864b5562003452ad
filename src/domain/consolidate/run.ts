/**
 * consolidate(): several units' workbooks → one ConsolidationResult.
 *
 * Ordering is fixed so that the same files always give the same summary, whatever
 * order they are named in on the command line or picked in the task pane: units in
 * the province's code order (communes, by their official code) or in the catalog's
 * order of bodies (departments); sources that are not counted come after, by file
 * name. When two files belong to the same unit, the one whose name sorts first is
 * counted and the other is listed as a duplicate, never added twice.
 */
import type { Commune, UnitType } from "../../catalog/types";
import { communeLabel, communeTypeOn } from "../match";
import type {
  ConsolidateContext,
  ConsolidationResult,
  ConsolidationSource,
  Entry,
  FindingCounts,
  ReadSource,
  SourceReport,
  UnitColumn,
} from "./types";
import { communeInWorkbook, identifyCommune, identifyDepartment } from "./identify";
import { readEntries, readOptions, readTables } from "./read";
import { mergeDepartments } from "./merge";
import { checkWorkbook } from "../validate";
import { summarizeIndicators, summarizeTasks, type UnitEntries } from "./summary";

/** The unit column for rows whose lead department sent no file (inside one commune). */
export const NO_SOURCE_UNIT = "(chưa có tệp)";
const NO_SOURCE_LABEL = "Chưa có tệp của đơn vị chủ trì";

function byFile(a: { file: string }, b: { file: string }): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}

function countFindings(ctx: ConsolidateContext, src: ConsolidationSource): FindingCounts | null {
  if (ctx.check === false || !src.workbook) return null;
  const wb = src.workbook.fileName ? src.workbook : { ...src.workbook, fileName: src.file };
  try {
    return ctx.check ? ctx.check(wb) : checkWorkbook(wb, { catalog: ctx.catalog, asOf: ctx.asOf }).counts;
  } catch {
    // A checker failure on one odd file must not stop the consolidation of the others.
    return null;
  }
}

/** Read one source and find its unit. */
export function readSource(src: ConsolidationSource, ctx: ConsolidateContext, communeType: UnitType = "xa"): ReadSource {
  const base: ReadSource = {
    file: src.file,
    unit: null,
    tables: [],
    problems: [],
    status: "ok",
    findings: null,
    commune: null,
  };
  if (!src.workbook) {
    return { ...base, status: "unreadable", problems: [{ code: "unreadable", message: src.error ?? "Không đọc được tệp." }] };
  }
  const wb = src.workbook;
  const tables = readTables(ctx.catalog, wb);
  const opts = readOptions(ctx);
  const read: ReadSource = { ...base, tables: tables.map((t) => readEntries(ctx.catalog, t, opts, wb.sheets.find((s) => s.name === t.sheet))), findings: countFindings(ctx, src) };
  const inside = communeInWorkbook(ctx.catalog, wb, tables);
  if (inside.commune) read.commune = { code: inside.commune.code, label: communeLabel(inside.commune, ctx.asOf) };
  if (tables.length === 0) {
    read.status = "no-table";
    read.problems.push({
      code: "no-table",
      message: `Không tìm thấy bảng phụ lục chỉ tiêu hoặc nhiệm vụ trong tệp (các trang tính: ${wb.sheets.map((s) => `"${s.name}"`).join(", ") || "không có"}).`,
    });
  }
  const who = ctx.withinCommune
    ? identifyDepartment(ctx.catalog, src.file, wb, communeType)
    : identifyCommune(ctx.catalog, src.file, wb, tables, ctx.asOf, inside);
  read.unit = who.unit;
  read.problems.push(...who.problems);
  if (!who.unit && read.status === "ok") read.status = "unknown-unit";
  // The same indicator on several rows (a sheet copied twice, a row pasted again): the first with a result counts.
  const keys = read.tables.flatMap((t) => [...t.entries.values()].filter((e) => e.type === "indicator").map((e) => e.key.replace(/#\d+$/, "")));
  const repeated = [...new Set(keys.filter((k, i) => keys.indexOf(k) !== i))];
  if (repeated.length > 0) {
    const names = repeated.map((k) => (k.startsWith("x:") ? k.slice(2) : k)).slice(0, 5).join(", ");
    read.problems.push({
      code: "duplicate-row",
      message: `${repeated.length} chỉ tiêu có nhiều dòng trong tệp (${names}${repeated.length > 5 ? ", ..." : ""}); lấy dòng đầu tiên có kết quả.`,
    });
  }
  problemRows(read);
  return read;
}

/**
 * The rows whose target or result could not be read, named by sheet and row: they do
 * not count as reported, and the "Nguồn" sheet says so.
 */
function problemRows(read: ReadSource): void {
  const targets: string[] = [];
  const results: string[] = [];
  const where = (e: { sheet: string; line: number }) => `${e.sheet} dòng ${e.line}`;
  for (const t of read.tables) {
    for (const e of t.entries.values()) {
      if (e.type !== "indicator") continue;
      if (e.targetProblem === "unreadable") targets.push(`${where(e)} (“${short(e.targetText)}”)`);
      else if (e.targetProblem === "missing" && e.result !== null) targets.push(`${where(e)} (trống)`);
      if (e.resultProblem === "unreadable") results.push(`${where(e)} (“${short(String(e.resultRaw))}”: không phải số)`);
      else if (e.resultProblem === "ambiguous") results.push(`${where(e)} (“${short(String(e.resultRaw))}”: không rõ đơn vị, ví dụ 1% hay 100%)`);
      else if (e.resultProblem === "free-text") results.push(`${where(e)} (“${short(String(e.resultRaw))}”: chưa ghi Đạt/Chưa đạt)`);
    }
  }
  const list = (items: string[]) => items.slice(0, 8).join("; ") + (items.length > 8 ? `; và ${items.length - 8} dòng khác` : "");
  if (targets.length > 0) {
    read.problems.push({
      code: "unreadable-target",
      message: `Không đọc được chỉ tiêu của đơn vị ở ${targets.length} dòng: ${list(targets)}. Các dòng này không được tính là đã báo cáo kết quả.`,
    });
  }
  if (results.length > 0) {
    read.problems.push({
      code: "unreadable-result",
      message: `Không đọc được kết quả ở ${results.length} dòng: ${list(results)}. Các dòng này không được tính.`,
    });
  }
}

function short(text: string): string {
  return text.length > 30 ? text.slice(0, 29) + "…" : text;
}

/** Nothing reported at all: no indicator result judged and no task status given. */
function reportedNothing(s: ReadSource): boolean {
  for (const t of s.tables) {
    for (const e of t.entries.values()) {
      if (e.type === "indicator" ? e.reporting : e.status !== null) return false;
    }
  }
  return true;
}

/** The commune most files say they belong to (inside one commune). */
function communeOfFiles(ctx: ConsolidateContext, sources: ConsolidationSource[]): Commune | null {
  const counts = new Map<string, { c: Commune; n: number }>();
  for (const s of sources) {
    if (!s.workbook) continue;
    const c = communeInWorkbook(ctx.catalog, s.workbook, readTables(ctx.catalog, s.workbook)).commune;
    if (c) counts.set(c.code, { c, n: (counts.get(c.code)?.n ?? 0) + 1 });
  }
  const ranked = [...counts.values()].sort((a, b) => b.n - a.n || (a.c.code < b.c.code ? -1 : 1));
  return ranked[0]?.c ?? null;
}

function kindLabel(ctx: ConsolidateContext, s: ReadSource): string | null {
  if (!s.unit) return null;
  if (s.unit.kind === "department") return "Phòng, ban, đơn vị";
  const c = ctx.catalog.communes.find((x) => x.code === s.unit!.code);
  return c ? (communeTypeOn(c, ctx.asOf) === "phuong" ? "Phường" : "Xã") : null;
}

export function consolidate(sources: ConsolidationSource[], ctx: ConsolidateContext): ConsolidationResult {
  const commune = ctx.withinCommune ? communeOfFiles(ctx, sources) : null;
  const type: UnitType = commune ? communeTypeOn(commune, ctx.asOf) : "xa";
  return consolidateRead(
    sources.map((s) => readSource(s, ctx, type)),
    ctx,
    commune,
  );
}

/**
 * consolidate() of sources already read with readSource(). A caller with many files
 * (the command line, 95 communes' workbooks) reads each file and lets its snapshot go
 * before opening the next, instead of holding every snapshot until the end. Inside
 * one commune, `commune` is the one most files name (consolidate() finds it first,
 * because reading a department's file needs its commune's type).
 */
export function consolidateRead(sources: ReadSource[], ctx: ConsolidateContext, commune: Commune | null = null): ConsolidationResult {
  const within = ctx.withinCommune ?? false;
  const read = [...sources].sort(byFile);

  // Inside one commune, a file whose headings name another commune is not one of its departments'.
  if (within && commune) {
    for (const s of read) {
      if (s.status === "ok" && s.commune && s.commune.code !== commune.code) {
        s.status = "other-commune";
        s.problems.push({
          code: "other-commune",
          message: `Tệp ghi ${s.commune.label}, không phải ${communeLabel(commune, ctx.asOf)} như các tệp khác; không đưa vào tổng hợp.`,
        });
      }
    }
  }

  // One file per unit: files are in name order here, so the first name wins.
  const kept = new Map<string, ReadSource>();
  for (const s of read) {
    if (s.status !== "ok" || !s.unit) continue;
    const first = kept.get(s.unit.code);
    if (first) {
      s.status = "duplicate-unit";
      s.problems.push({
        code: "duplicate-unit",
        message: `Trùng đơn vị ${s.unit.label} với tệp "${first.file}"; không đưa vào tổng hợp để khỏi tính hai lần. Hãy bỏ bớt một tệp hoặc sửa tên đơn vị.`,
      });
    } else kept.set(s.unit.code, s);
  }
  const included = [...kept.values()].sort((a, b) => a.unit!.order - b.unit!.order || byFile(a, b));
  // Counted (its rows and targets are listed), but not "Đã tổng hợp" when nothing could be read from it.
  for (const s of included) if (reportedNothing(s)) s.status = "no-result";
  const rest = read.filter((s) => !included.includes(s));

  let units: UnitEntries[];
  const merge = within ? mergeDepartments(included, ctx.catalog) : null;
  if (merge) {
    const byUnit = new Map<string, Entry[]>();
    for (const row of merge.rows) {
      if (!row.entry) continue;
      const k = row.attributedTo ?? NO_SOURCE_UNIT;
      byUnit.set(k, [...(byUnit.get(k) ?? []), row.entry]);
    }
    units = included.map((s) => ({ unit: columnOf(s), entries: byUnit.get(s.unit!.code) ?? [] }));
    const orphan = byUnit.get(NO_SOURCE_UNIT);
    if (orphan) units.push({ unit: { key: NO_SOURCE_UNIT, label: NO_SOURCE_LABEL, code: null, file: null }, entries: orphan });
  } else {
    units = included.map((s) => ({ unit: columnOf(s), entries: s.tables.flatMap((t) => [...t.entries.values()]) }));
  }

  const reports: SourceReport[] = [...included, ...rest].map((s) => ({
    file: s.file,
    status: s.status,
    included: included.includes(s),
    unit: s.unit?.label ?? null,
    unitCode: s.unit?.code ?? null,
    kind: kindLabel(ctx, s),
    via: s.unit?.via ?? null,
    tables: s.tables.map((t) => {
      const es = [...t.entries.values()];
      return { sheet: t.sheet, kind: t.kind, indicators: es.filter((e) => e.type === "indicator").length, tasks: es.filter((e) => e.type === "task").length };
    }),
    rowsRead: s.tables.reduce((n, t) => n + t.entries.size, 0),
    findings: s.findings,
    problems: s.problems,
    problem: s.problems.map((p) => p.message).join(" ") || null,
  }));

  const { tasks, overdue } = summarizeTasks(units);
  return {
    asOf: ctx.asOf,
    withinCommune: within,
    catalogVersion: ctx.catalog.version,
    catalogSource: ctx.catalog.source,
    dueSoonDays: readOptions(ctx).dueSoonDays,
    commune: commune ? { code: commune.code, label: communeLabel(commune, ctx.asOf) } : null,
    sources: reports,
    units: units.map((u) => u.unit),
    indicators: summarizeIndicators(ctx.catalog, units),
    tasks,
    overdue,
    merge,
    referenceTargets: ctx.catalog.targetSource !== "province",
    groups: ctx.catalog.groups.map((g) => ({ code: g.code, numeral: g.numeral, name: g.name })),
    checked: ctx.check !== false,
  };
}

function columnOf(s: ReadSource): UnitColumn {
  return { key: s.unit!.code, label: s.unit!.label, code: s.unit!.code, file: s.file };
}
