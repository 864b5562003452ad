/**
 * Figures across units: per indicator, who reported, who met their own target, the
 * spread of results and who set a target below the province's; per unit, the tasks
 * by state, and the overdue tasks themselves.
 */
import type { Catalog } from "../match";
import type { Target } from "../target";
import { formatTarget } from "../target";
import { roundTo } from "../numbers";
import { provinceTarget } from "./read";
import type { Entry, IndicatorEntry, IndicatorSummary, OverdueTask, PerUnitIndicator, TaskEntry, TaskSummary, UnitColumn } from "./types";

export interface UnitEntries {
  unit: UnitColumn;
  entries: Entry[];
}

/** Less demanding than the province: below it where higher is better, above it where lower is better. */
export function belowProvince(own: Target | null, province: Target | null): boolean {
  if (!own || !province || own.kind !== "numeric" || province.kind !== "numeric") return false;
  if (own.percent !== province.percent) return false;
  const o = roundTo(own.value);
  const p = roundTo(province.value);
  if (province.comparator === ">=" || province.comparator === ">") return o < p;
  if (province.comparator === "<=" || province.comparator === "<") return o > p;
  return false;
}

export function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : roundTo((sorted[mid - 1] + sorted[mid]) / 2);
}

/** One entry per unit and indicator: the first row with a reported result, else the first row. */
function pickPerUnit(entries: IndicatorEntry[]): IndicatorEntry {
  return entries.find((e) => e.reporting) ?? entries[0];
}

export function summarizeIndicators(catalog: Catalog, units: UnitEntries[]): IndicatorSummary[] {
  const byKey = new Map<string, Map<string, IndicatorEntry[]>>();
  // Stryker disable next-line ArrayDeclaration: only keys of rows outside the catalog ("x:…") are taken from it
  const firstSeen: string[] = [];
  for (const u of units) {
    for (const e of u.entries) {
      if (e.type !== "indicator") continue;
      const key = e.key.replace(/#\d+$/, "");
      let perUnit = byKey.get(key);
      if (!perUnit) {
        perUnit = new Map();
        byKey.set(key, perUnit);
        firstSeen.push(key);
      }
      perUnit.set(u.unit.key, [...(perUnit.get(u.unit.key) ?? []), e]);
    }
  }
  // Catalog order, then the rows outside the catalog in the order the units bring them.
  const inCatalog = catalog.indicators.filter((i) => byKey.has(i.code));
  const outside = firstSeen.filter((k) => k.startsWith("x:"));
  const out: IndicatorSummary[] = [];
  for (const key of [...inCatalog.map((i) => i.code), ...outside]) {
    const item = catalog.indicators.find((i) => i.code === key) ?? null;
    const perUnitEntries = byKey.get(key)!;
    const province = provinceTarget(catalog, item);
    const perUnit: PerUnitIndicator[] = [];
    for (const u of units) {
      const list = perUnitEntries.get(u.unit.key);
      if (!list) continue;
      const e = pickPerUnit(list);
      perUnit.push({
        unitKey: u.unit.key,
        unit: u.unit.label,
        target: e.target ? formatTarget(e.target) : null,
        targetValue: e.target,
        targetFrom: e.targetFrom,
        targetProblem: e.targetProblem,
        resultProblem: e.resultProblem,
        result: e.result,
        rate: e.rate,
        verdict: e.verdict,
        reporting: e.reporting,
        met: e.met,
        belowProvince: belowProvince(e.ownTarget, province),
        sheet: e.sheet,
        row: e.row,
      });
    }
    const first = pickPerUnit([...perUnitEntries.values()][0]);
    const numbers = perUnit
      .filter((p) => p.reporting && typeof p.result === "number")
      .map((p) => p.result as number)
      .sort((a, b) => a - b);
    const reporting = perUnit.filter((p) => p.reporting).length;
    const met = perUnit.filter((p) => p.met).length;
    out.push({
      key,
      indicatorCode: item?.code ?? null,
      name: item?.name ?? first.name,
      group: item?.group ?? null,
      unitText: item?.unit ?? first.unitText,
      percent: item ? (catalog.units.find((u) => u.code === item.unit)?.percent ?? first.percentUnit) : first.percentUnit,
      provinceTarget: province,
      perUnit,
      unitsWithRow: perUnit.length,
      unitsReporting: reporting,
      unitsMet: met,
      shareMet: reporting > 0 ? roundTo(met / reporting, 4) : null,
      min: numbers.length ? numbers[0] : null,
      median: median(numbers),
      max: numbers.length ? numbers[numbers.length - 1] : null,
      unitsBelowProvince: perUnit.filter((p) => p.belowProvince).length,
    });
  }
  return out;
}

export function summarizeTasks(units: UnitEntries[]): { tasks: TaskSummary[]; overdue: OverdueTask[] } {
  const tasks: TaskSummary[] = [];
  const overdue: OverdueTask[] = [];
  for (const u of units) {
    const list = u.entries.filter((e): e is { type: "task" } & TaskEntry => e.type === "task");
    const s: TaskSummary = { unitKey: u.unit.key, unit: u.unit.label, total: 0, done: 0, inProgress: 0, notStarted: 0, overdue: 0, dueSoon: 0, noDate: 0 };
    for (const t of list) {
      s.total++;
      if (t.status === "done") s.done++;
      else if (t.status === "in-progress") s.inProgress++;
      else s.notStarted++; // blank status: nothing reported yet
      if (t.state.flag === "overdue") {
        s.overdue++;
        overdue.push({
          unitKey: u.unit.key,
          unit: u.unit.label,
          name: t.name,
          lead: t.leadText,
          deadlineText: t.deadlineText,
          due: t.state.dueDate!,
          days: t.state.days ?? 0,
          sheet: t.sheet,
          row: t.line,
        });
      }
      if (t.state.flag === "due-soon") s.dueSoon++;
      // "Rõ thời gian": a deadline that names no date (or none at all), whatever the status.
      if (t.deadline === null || t.deadline.kind === "undated") s.noDate++;
    }
    tasks.push(s);
  }
  return { tasks, overdue };
}
