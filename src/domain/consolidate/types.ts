/**
 * Shapes of a consolidation: the sources as given, what was read from each, and the
 * summaries across units. Plain data (JSON-safe), so the task pane, the command line
 * and tests all see the same thing.
 */
import type { Catalog } from "../match";
import type { CellValue, WorkbookSnapshot } from "../snapshot";
import type { IsoDate } from "../dates";
import type { Target } from "../target";
import type { Verdict, ResultNote } from "../achieve";
import type { Deadline } from "../deadline";
import type { TaskState, TaskStatus } from "../status";
import type { Table, TableKind, Role } from "../reader";
import type { Severity } from "../finding";

export type FindingCounts = Record<Severity, number>;

/** One file handed to the consolidator: its snapshot, or why it could not be opened. */
export interface ConsolidationSource {
  file: string;
  workbook: WorkbookSnapshot | null;
  /** Why the file could not be read (Vietnamese, from the host). */
  error?: string;
}

export interface ConsolidateContext {
  catalog: Catalog;
  /** The report date: overdue and due-soon are judged on it. */
  asOf: IsoDate;
  /** Inside one commune: the sources are its departments' copies of the same appendices. */
  withinCommune?: boolean;
  /** "Sắp đến hạn" window in days (default DUE_SOON_DAYS). */
  dueSoonDays?: number;
  /**
   * Counts a source's checker findings by severity. By default the checker
   * (checkWorkbook) runs on every source; pass `false` to skip it (the counts are then
   * null, "not checked"), or a function to count differently.
   */
  check?: ((workbook: WorkbookSnapshot) => FindingCounts) | false;
}

/** Who a source belongs to: a commune or ward of the province, or a department of one commune. */
export interface UnitId {
  kind: "commune" | "department";
  /** Commune code ("25378") or body code ("VH-XH"). */
  code: string;
  /** As people read it: "Xã Tân Lợi", "Phòng Văn hóa - Xã hội". */
  label: string;
  /** What the unit was recognised from. */
  via: "heading" | "marker" | "file-name" | "sheet-name";
  /** Sort position: the province's code order, or the catalog's order of bodies. */
  order: number;
}

/** "no-result": counted (its rows and targets are listed) but not one result could be read from it. */
export type SourceStatus = "ok" | "no-result" | "unreadable" | "no-table" | "unknown-unit" | "duplicate-unit" | "other-commune";

export interface SourceProblem {
  code:
    | "unreadable"
    | "no-table"
    | "unknown-unit"
    | "duplicate-unit"
    | "other-commune"
    | "unit-mismatch"
    | "duplicate-row"
    | "unreadable-target"
    | "unreadable-result";
  message: string;
}

/** An indicator row of one source, read and judged. */
export interface IndicatorEntry {
  /** Matching key across sources: "HT-01" for catalog indicators, "x:<folded name>" otherwise. */
  key: string;
  code: string | null;
  name: string;
  unitText: string;
  percentUnit: boolean;
  /** The unit's own target (from its row, or from a target written in the name). */
  ownTarget: Target | null;
  /** The target "met" is judged against: the unit's own, never the catalog's. */
  target: Target | null;
  targetFrom: "row" | "name" | null;
  /** Why the unit's target could not be read: the cell is empty, or holds what is not a target ("≥ abc"). */
  targetProblem: "missing" | "unreadable" | null;
  /** The target cell as written, for messages. */
  targetText: string;
  resultRaw: CellValue;
  result: number | string | null;
  resultNotes: ResultNote[];
  /**
   * Why a result that was entered is not judged: not a number, ambiguous (1 in a %
   * row), free text against a qualitative target, or no target to judge it against.
   */
  resultProblem: "unreadable" | "ambiguous" | "free-text" | "no-target" | null;
  rate: number | null;
  verdict: Verdict | null;
  /** A result was entered and judged against the unit's own target. */
  reporting: boolean;
  met: boolean;
  leadText: string;
  leadCodes: string[];
  sheet: string;
  row: number;
  /** The row as the person counts it: the Word table's row for a table read from Word, else `row`. */
  line: number;
  /** Address of the result cell, when the sheet has one. */
  resultCell: string | null;
}

/** A task row of one source, read and judged as of the report date. */
export interface TaskEntry {
  key: string;
  name: string;
  leadText: string;
  leadCodes: string[];
  deadlineText: string;
  deadline: Deadline | null;
  status: TaskStatus | null;
  state: TaskState;
  /** The state had nothing been reported (for rows whose report a person must still decide). */
  blankState: TaskState;
  sheet: string;
  row: number;
  /** The row as the person counts it: the Word table's row for a table read from Word, else `row`. */
  line: number;
}

export type Entry = ({ type: "indicator" } & IndicatorEntry) | ({ type: "task" } & TaskEntry);

/** One appendix table of one source, with its rows read. */
export interface SourceTable {
  sheet: string;
  kind: TableKind;
  table: Table;
  /** Entries by sheet row. */
  entries: Map<number, Entry>;
}

/** A source after reading: its unit, its tables, its entries. */
export interface ReadSource {
  file: string;
  unit: UnitId | null;
  tables: SourceTable[];
  problems: SourceProblem[];
  status: SourceStatus;
  findings: FindingCounts | null;
  /** The commune the headings name (inside one commune, to check all files are of it). */
  commune: { code: string; label: string } | null;
}

/** One source as reported in the "Nguồn" sheet and in --json. */
export interface SourceReport {
  file: string;
  status: SourceStatus;
  /** Counted in the summaries. */
  included: boolean;
  unit: string | null;
  unitCode: string | null;
  /** "Xã", "Phường" or "Phòng, ban, đơn vị". */
  kind: string | null;
  via: UnitId["via"] | null;
  tables: { sheet: string; kind: TableKind; indicators: number; tasks: number }[];
  rowsRead: number;
  findings: FindingCounts | null;
  problems: SourceProblem[];
  /** The problems in one line, for short lists (null when none). */
  problem: string | null;
}

export interface UnitColumn {
  key: string;
  label: string;
  code: string | null;
  file: string | null;
}

export interface PerUnitIndicator {
  unitKey: string;
  unit: string;
  /** Formatted as officials write it ("≥ 60%"); null when the row has none. */
  target: string | null;
  targetValue: Target | null;
  targetFrom: IndicatorEntry["targetFrom"];
  targetProblem: IndicatorEntry["targetProblem"];
  resultProblem: IndicatorEntry["resultProblem"];
  result: number | string | null;
  rate: number | null;
  verdict: Verdict | null;
  reporting: boolean;
  met: boolean;
  /** The unit's own target is less demanding than the province's. */
  belowProvince: boolean;
  sheet: string;
  row: number;
}

export interface IndicatorSummary {
  key: string;
  indicatorCode: string | null;
  name: string;
  /** Catalog group code ("HT"), or null for rows outside the catalog. */
  group: string | null;
  unitText: string;
  percent: boolean;
  provinceTarget: Target | null;
  perUnit: PerUnitIndicator[];
  unitsWithRow: number;
  unitsReporting: number;
  unitsMet: number;
  /** unitsMet / unitsReporting; null when nobody reported. */
  shareMet: number | null;
  min: number | null;
  median: number | null;
  max: number | null;
  unitsBelowProvince: number;
}

export interface TaskSummary {
  unitKey: string;
  unit: string;
  total: number;
  done: number;
  inProgress: number;
  notStarted: number;
  overdue: number;
  dueSoon: number;
  noDate: number;
}

export interface OverdueTask {
  unitKey: string;
  unit: string;
  name: string;
  lead: string;
  deadlineText: string;
  due: IsoDate;
  days: number;
  sheet: string;
  /** The row as the person counts it (the Word table's row for a plan read from Word). */
  row: number;
}

/** A merged row (inside one commune): which department it came from and its cells. */
export interface MergedRow {
  appendix: string;
  kind: "group" | "indicator" | "task";
  /** The key the row was matched by across the departments' copies. */
  key: string;
  number: string | null;
  name: string;
  /** Values by role, as the merged sheet writes them. */
  values: Partial<Record<Role, CellValue>>;
  numberFormats: Partial<Record<Role, string>>;
  /** The department file the report cells were taken from; null when none was chosen. */
  from: { file: string; unit: string; unitCode: string } | null;
  why: "lead" | "only-report" | "base" | "undecided" | "group";
  /** Lead bodies of the row that are among the sources (body codes). */
  leadCodes: string[];
  /** Index into MergeResult.conflicts, when the departments disagree. */
  conflict: number | null;
  /** The entry the summaries use (null for group rows). */
  entry: Entry | null;
  /** Department the row is attributed to in the per-unit summaries. */
  attributedTo: string | null;
}

export interface MergeConflict {
  appendix: string;
  key: string;
  name: string;
  lead: string;
  /** What each department wrote, in department order. */
  values: { file: string; unit: string; text: string }[];
  resolution: "lead" | "undecided";
  /** Vietnamese: what was done and what a person must decide. */
  message: string;
}

export interface MergedAppendix {
  name: string;
  /** The base table's columns kept in the merged sheet (roles, labels), in order. */
  columns: { role: Role; label: string }[];
  kind: TableKind;
  rows: MergedRow[];
}

export interface MergeResult {
  appendices: MergedAppendix[];
  rows: MergedRow[];
  conflicts: MergeConflict[];
}

export interface ConsolidationResult {
  asOf: IsoDate;
  withinCommune: boolean;
  catalogVersion: string;
  catalogSource: string;
  dueSoonDays: number;
  /** Inside one commune: the commune the files belong to, when their headings say. */
  commune: { code: string; label: string } | null;
  sources: SourceReport[];
  units: UnitColumn[];
  indicators: IndicatorSummary[];
  tasks: TaskSummary[];
  overdue: OverdueTask[];
  merge: MergeResult | null;
  /** The catalog's targets are a reference rebuilt from sample plans (the built-in list), not the province's own. */
  referenceTargets: boolean;
  /** The catalog's indicator groups, for the group rows of the summary. */
  groups: { code: string; numeral: string; name: string }[];
  /** Whether findings were counted (a checker was given). */
  checked: boolean;
}
