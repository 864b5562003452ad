/**
 * The summary of one or more computed sheets, for the task pane's panel and for the
 * "Tổng quan" sheet: indicators met / beyond / not met / not yet reported by group,
 * tasks by state and flag by lead unit. Every count carries the rows behind it, so
 * a person can go from a number to the rows that make it.
 */
import type { Catalog } from "./match";
import { findCommune, splitBodies, bodyName } from "./match";
import type { ComputeReport } from "./compute";
import type { Table, TableRow } from "./reader";
import type { Edit } from "./edits";
import type { IsoDate } from "./dates";
import { dateInWords, parseIso, toExcelSerial } from "./dates";
import { a1, columnLetter } from "./address";
import { clean, foldKey, similarity } from "./text";
import { freeSheetName } from "./sheetName";
import { defaultCatalog, LIST_SHEET } from "./catalog";
import type { UnitType } from "../catalog/types";
import type { SheetSnapshot } from "./snapshot";
import { planCompute, planYearOf, readerOptions } from "./compute";
import { readTable } from "./reader";
import { SheetBuilder } from "./consolidate/sheetBuilder";
import { writeDocumentHeading, writeSignature, HEADING_SIZE, TITLE_SIZE } from "./layout/document";
import { pageSetupFor } from "./layout/print";

export interface RowRef {
  sheet: string;
  row: number;
  /** The cell to show: the row's name cell (A-column of the row when the table has none). */
  cell: string;
  /** The indicator's or task's name, for lists. */
  name?: string;
  /** For tasks: the due date, when there is one. */
  dueDate?: IsoDate | null;
}

export interface Count {
  count: number;
  rows: RowRef[];
}

export interface IndicatorGroupSummary {
  /** The catalog's group code ("HT", "CDS"), or null for a group only the sheet names. */
  code: string | null;
  name: string;
  met: Count;
  beyond: Count;
  notMet: Count;
  /** No result entered yet. */
  notReported: Count;
  /** A result is there but no verdict can be given (no readable target, text in a numeric indicator). */
  unassessed: Count;
  total: number;
}

export interface LeadSummary {
  /** Canonical name of the lead body (the first one a lead cell names). */
  lead: string;
  done: Count;
  inProgress: Count;
  /** Not started, or nothing reported. */
  notStarted: Count;
  overdue: Count;
  dueSoon: Count;
  doneLate: Count;
  noDate: Count;
  recurring: Count;
  total: number;
}

export interface Summary {
  sheets: string[];
  indicators: { groups: IndicatorGroupSummary[]; total: IndicatorGroupSummary };
  tasks: { leads: LeadSummary[]; total: LeadSummary };
  /** The commune or ward the sheets' headings name (for the overview's heading), when one does. */
  unit?: { name: string; type: UnitType } | null;
  /** The plan's year the sheets' headings name, when one does. */
  year?: number | null;
}

export const NO_LEAD = "Chưa ghi đơn vị chủ trì";
const OTHER_GROUP = "Chỉ tiêu khác";

/**
 * Summarise computed sheets. Pass the tables the reports were computed from (the
 * `table` of each compute plan) so rows can be grouped by the sheet's own groups and
 * lead units; with only a catalog, indicators are grouped by their catalog code and
 * tasks fall under "Chưa ghi đơn vị chủ trì".
 */
export function summarize(reports: ComputeReport[], catalog: Catalog): Summary;
export function summarize(reports: ComputeReport[], tables: Table[], catalog?: Catalog): Summary;
export function summarize(reports: ComputeReport[], tablesOrCatalog: Table[] | Catalog, maybeCatalog?: Catalog): Summary {
  const tables = Array.isArray(tablesOrCatalog) ? tablesOrCatalog : [];
  const catalog = Array.isArray(tablesOrCatalog) ? (maybeCatalog ?? defaultCatalog()) : tablesOrCatalog;

  const groups = new Map<string, IndicatorGroupSummary>();
  const leads = new Map<string, LeadSummary>();
  const indicatorTotal = emptyGroup(null, "Tổng cộng");
  const taskTotal = emptyLead("Tổng cộng");

  for (const report of reports) {
    const table = tables.find((t) => t.sheet === report.name);
    const rowOf = new Map<number, TableRow>((table?.rows ?? []).map((r) => [r.row, r]));
    // The commune's own type word from the heading: a ward's "Công an xã" (copied text) is its "Công an phường".
    const unitType: UnitType | null = (table && findCommune(catalog, table.heading)?.writtenType) || null;
    const ref = (row: number, extra: Partial<RowRef> = {}): RowRef => {
      const r = rowOf.get(row);
      const name = r?.cells.name?.text || undefined;
      return { sheet: report.name, row, cell: r?.cells.name?.address ?? `A${row}`, ...(name ? { name } : {}), ...extra };
    };

    for (const ind of report.indicators) {
      const { code, name } = groupOf(ind.indicatorCode, rowOf.get(ind.row), table, catalog);
      const key = code ?? `~${foldKey(name)}`;
      if (!groups.has(key)) groups.set(key, emptyGroup(code, name));
      const g = groups.get(key)!;
      const bucket: keyof Pick<IndicatorGroupSummary, "met" | "beyond" | "notMet" | "notReported" | "unassessed"> =
        ind.verdict === "Đạt" ? "met" : ind.verdict === "Vượt" ? "beyond" : ind.verdict === "Chưa đạt" ? "notMet" : ind.result === null ? "notReported" : "unassessed";
      const r = ref(ind.row);
      for (const target of [g, indicatorTotal]) {
        add(target[bucket], r);
        target.total++;
      }
    }

    for (const task of report.tasks) {
      const lead = leadOf(rowOf.get(task.row), catalog, unitType);
      if (!leads.has(lead)) leads.set(lead, emptyLead(lead));
      const l = leads.get(lead)!;
      const r = ref(task.row, { dueDate: task.dueDate });
      const buckets: (keyof LeadSummary)[] = [
        task.status === "done" ? "done" : task.status === "in-progress" ? "inProgress" : "notStarted",
      ];
      if (task.flag === "overdue") buckets.push("overdue");
      if (task.flag === "due-soon") buckets.push("dueSoon");
      if (task.flag === "done-late") buckets.push("doneLate");
      if (task.flag === "no-date") buckets.push("noDate");
      if (task.flag === "recurring") buckets.push("recurring");
      for (const target of [l, taskTotal]) {
        for (const b of buckets) add(target[b] as Count, r);
        target.total++;
      }
    }
  }

  let unit: Summary["unit"] = null;
  let year: number | null = null;
  for (const t of tables) {
    const found = findCommune(catalog, t.heading);
    if (!unit && found) unit = { name: found.commune?.name ?? found.writtenName, type: found.writtenType };
    year ??= planYearOf(t);
  }

  const groupOrder = (g: IndicatorGroupSummary) => {
    const i = catalog.groups.findIndex((x) => x.code === g.code);
    return i < 0 ? catalog.groups.length : i;
  };
  return {
    sheets: reports.map((r) => r.name),
    indicators: {
      groups: [...groups.values()].sort((a, b) => groupOrder(a) - groupOrder(b)),
      total: indicatorTotal,
    },
    tasks: {
      leads: [...leads.values()].sort(
        (a, b) => b.overdue.count - a.overdue.count || b.total - a.total || a.lead.localeCompare(b.lead, "vi"),
      ),
      total: taskTotal,
    },
    unit,
    year,
  };
}

function add(c: Count, r: RowRef): void {
  c.count++;
  c.rows.push(r);
}

const none = (): Count => ({ count: 0, rows: [] });

function emptyGroup(code: string | null, name: string): IndicatorGroupSummary {
  return { code, name, met: none(), beyond: none(), notMet: none(), notReported: none(), unassessed: none(), total: 0 };
}

function emptyLead(lead: string): LeadSummary {
  return {
    lead,
    done: none(),
    inProgress: none(),
    notStarted: none(),
    overdue: none(),
    dueSoon: none(),
    doneLate: none(),
    noDate: none(),
    recurring: none(),
    total: 0,
  };
}

/**
 * An indicator's group: its catalog group when the name matched the catalog, else
 * the sheet's group row matched against the catalog's groups, else that row's title.
 */
function groupOf(code: string | null, row: TableRow | undefined, table: Table | undefined, catalog: Catalog): { code: string | null; name: string } {
  const item = code ? catalog.indicators.find((i) => i.code === code) : undefined;
  const byCode = item ? catalog.groups.find((g) => g.code === item.group) : undefined;
  if (byCode) return { code: byCode.code, name: byCode.name };
  const groupRow = row && table ? table.rows.filter((r) => r.kind === "group")[row.group] : undefined;
  const title = groupRow?.title ? clean(groupRow.title.replace(/\(\s*\d+[^)]*\)\s*$/, "")) : "";
  if (!title) return { code: null, name: OTHER_GROUP };
  const key = foldKey(title.replace(/^[IVXLC]+[.)]\s*/, ""));
  let best: { code: string; name: string; score: number } | null = null;
  for (const g of catalog.groups) {
    for (const text of [g.name, ...g.aliases]) {
      const s = foldKey(text) === key ? 1 : similarity(text, key);
      if (s >= 0.85 && (!best || s > best.score)) best = { code: g.code, name: g.name, score: s };
    }
  }
  return best ? { code: best.code, name: best.name } : { code: null, name: title };
}

/** The lead body: the first body the lead cell names, by its canonical name. */
function leadOf(row: TableRow | undefined, catalog: Catalog, unitType: UnitType | null): string {
  const text = row?.cells.lead?.text ?? "";
  if (!text) return NO_LEAD;
  const first = splitBodies(catalog, text)[0];
  if (!first) return NO_LEAD;
  if (first.body) return bodyName(first.body, unitType ?? first.typeWord ?? "xa");
  return first.text || NO_LEAD;
}

// ───────────────────────────── every computed appendix ─────────────────────────────

/** The sheets the add-in writes itself, which are never appendices to summarise. */
const OWN_SHEETS = [LIST_SHEET, "Tổng quan", "Tổng hợp chỉ tiêu", "Tổng hợp nhiệm vụ", "Nguồn"];

function ownSheet(name: string): boolean {
  const key = foldKey(name).replace(/\s*\(\d+\)$/, "");
  return OWN_SHEETS.some((s) => foldKey(s) === key);
}

/**
 * What every computed appendix of a workbook says, each at its own report date: the
 * sheets whose table carries the add-in's rate, verdict or flag columns (computed, or
 * inserted in the report form), read as compute reads them without writing anything.
 * `asOf` is the latest of their report dates.
 */
export function computedAppendices(
  sheets: SheetSnapshot[],
  catalog: Catalog,
  today: IsoDate,
): { reports: ComputeReport[]; tables: Table[]; asOf: IsoDate | null } {
  const reports: ComputeReport[] = [];
  const tables: Table[] = [];
  let asOf: IsoDate | null = null;
  for (const sheet of sheets) {
    if (ownSheet(sheet.name)) continue;
    const read = readTable(sheet, readerOptions(catalog));
    if (!read.ok || !read.table.columns.some((c) => c.role === "rate" || c.role === "verdict" || c.role === "flag")) continue;
    const plan = planCompute(sheet, { catalog, asOf: null, today });
    if (!plan.ok) continue;
    reports.push(plan.report);
    tables.push(plan.table);
    if (asOf === null || plan.asOf > asOf) asOf = plan.asOf;
  }
  return { reports, tables, asOf };
}

// ───────────────────────────── the "Tổng quan" sheet ─────────────────────────────

export const OVERVIEW_SHEET = "Tổng quan";

const INDICATOR_HEADER = ["Nhóm chỉ tiêu", "Đạt", "Vượt", "Chưa đạt", "Chưa báo cáo", "Chưa đánh giá được", "Tổng số"];
// Overdue first: it is what the focal point acts on, and the chart reads those two columns.
const TASK_HEADER = ["Đơn vị chủ trì", "Quá hạn", "Sắp đến hạn", "Hoàn thành", "Đang thực hiện", "Chưa thực hiện", "Chưa có thời hạn", "Thường xuyên", "Tổng số"];
// Lists keep the name in column A, the wide one.
const OVERDUE_HEADER = ["Công việc quá hạn", "Trang", "Dòng", "Đơn vị chủ trì"];
const OVERDUE_DUE = "Hạn";
const NOT_MET_HEADER = ["Chỉ tiêu chưa đạt", "Trang", "Dòng", "Nhóm"];

/** Widths: the names' column, then eight of numbers and dates (a date needs 11.2): 128, A4 landscape. */
const OVERVIEW_WIDTHS = [38.4, 11.2, 11.2, 11.2, 11.2, 11.2, 11.2, 11.2, 11.2];
const HEADER_FILL = "#DDEBF7";

/**
 * Edits that add a "Tổng quan" sheet (a free name: "Tổng quan (2)" when taken): a
 * document under Decree 30 (the heading block, a title with the period, the summary
 * as tables, the signature block; A4 landscape) and, beside it where Excel can draw
 * them, two charts: achievement by indicator group, and overdue tasks by lead unit.
 * The numbers are the summary's, written as values: the sheet is a dated snapshot
 * (its title says so) while the officials' sheets stay live.
 */
export function planOverviewSheet(
  summary: Summary,
  existingSheets: Iterable<string>,
  options: { asOf?: IsoDate | null } = {},
): { sheet: string; edits: Edit[] } {
  const sheet = freeSheetName(OVERVIEW_SHEET, existingSheets);
  const b = new SheetBuilder(sheet);
  const width = OVERVIEW_WIDTHS.length;
  const year = summary.year ?? (options.asOf ? parseIso(options.asOf).year : null);
  const unit = summary.unit;
  const typeWord = unit?.type === "phuong" ? "PHƯỜNG" : "XÃ";
  const period = options.asOf ? `Số liệu tính đến ${dateInWords(options.asOf)}` : "Số liệu tại thời điểm tạo trang";
  let row = writeDocumentHeading(b.grid(), {
    body: ["ỦY BAN NHÂN DÂN", unit ? `${typeWord} ${unit.name.normalize("NFC").toLocaleUpperCase("vi")}` : "XÃ, PHƯỜNG ……"],
    left: [1, 1],
    right: [2, width],
    lastCol: width,
    widths: OVERVIEW_WIDTHS,
    lines: [
      { text: `TỔNG QUAN KẾT QUẢ THỰC HIỆN CHỈ TIÊU, NHIỆM VỤ${year ? ` NĂM ${year}` : ""}`, size: TITLE_SIZE, bold: true },
      { text: `(${period}; từ các trang: ${summary.sheets.join(", ") || "không có"})`, size: HEADING_SIZE, italic: true },
    ],
  });
  row++;
  const charts: Edit[] = [];
  const section = (title: string) => {
    b.set(row, 1, title);
    b.style(row, 1, row, 1, { bold: true, fontSize: HEADING_SIZE });
    b.fitRows(row, row);
    row++;
  };
  const table = (head: number, lines: (string | number | null)[][], total: boolean) => {
    lines.forEach((line, i) => b.row(head + i, 1, line));
    const cols = lines[0].length;
    const bottom = head + lines.length - 1;
    b.style(head, 1, bottom, cols, { border: true, vertical: "middle", wrap: true });
    b.style(head, 1, head, cols, { bold: true, horizontal: "center", fill: HEADER_FILL });
    if (total) b.style(bottom, 1, bottom, cols, { bold: true });
    if (cols > 1) b.style(head + 1, 2, bottom, cols, { horizontal: "center" });
    b.fitRows(head, bottom);
    return bottom;
  };

  // 1. Indicators by group.
  section("1. Chỉ tiêu theo nhóm");
  const groups = summary.indicators.groups;
  if (groups.length === 0) {
    b.set(row, 1, "Không có chỉ tiêu nào trong các trang đã tính.");
    row += 2;
  } else {
    const head = row;
    const lines = [INDICATOR_HEADER, ...[...groups, summary.indicators.total].map((g) => [g.name, g.met.count, g.beyond.count, g.notMet.count, g.notReported.count, g.unassessed.count, g.total])];
    row = table(head, lines, true) + 2;
    charts.push({
      op: "chart",
      sheet,
      type: "column",
      // Group names with Đạt, Vượt, Chưa đạt, Chưa báo cáo; without the total row.
      dataRange: `A${head}:E${head + groups.length}`,
      title: "Kết quả thực hiện chỉ tiêu theo nhóm",
      anchor: `${columnLetter(width + 2)}4`,
    });
  }

  // 2. Tasks by lead unit.
  section("2. Nhiệm vụ theo đơn vị chủ trì");
  const leads = summary.tasks.leads;
  if (leads.length === 0) {
    b.set(row, 1, "Không có nhiệm vụ nào trong các trang đã tính.");
    row += 2;
  } else {
    const head = row;
    const lines = [
      TASK_HEADER,
      ...[...leads, summary.tasks.total].map((l) => [l.lead, l.overdue.count, l.dueSoon.count, l.done.count, l.inProgress.count, l.notStarted.count, l.noDate.count, l.recurring.count, l.total]),
    ];
    row = table(head, lines, true) + 2;
    charts.push({
      op: "chart",
      sheet,
      type: "bar",
      dataRange: `A${head}:B${head + leads.length}`,
      title: "Nhiệm vụ quá hạn theo đơn vị chủ trì",
      anchor: `${columnLetter(width + 2)}22`,
    });
  }

  // 3. The rows behind the two numbers people act on.
  section("3. Danh sách nhiệm vụ quá hạn");
  const overdue = summary.tasks.total.overdue.rows;
  if (overdue.length === 0) {
    b.set(row, 1, "Không có nhiệm vụ quá hạn.");
    row += 2;
  } else {
    const head = row;
    const leadOfRow = new Map<string, string>();
    for (const l of leads) for (const r of l.overdue.rows) leadOfRow.set(`${r.sheet}!${r.row}`, l.lead);
    // The lead's name runs over three columns.
    const lines = [OVERDUE_HEADER, ...overdue.map((r) => [r.name ?? "", r.sheet, r.row, leadOfRow.get(`${r.sheet}!${r.row}`) ?? ""])];
    const bottom = head + lines.length - 1;
    lines.forEach((line, i) => {
      b.row(head + i, 1, line.slice(0, 3));
      b.set(head + i, 4, line[3]);
      b.merge(head + i, 4, head + i, 6);
    });
    b.set(head, 7, OVERDUE_DUE);
    overdue.forEach((r, i) => b.set(head + 1 + i, 7, r.dueDate ? toExcelSerial(r.dueDate) : null, "dd/mm/yyyy"));
    b.style(head, 1, bottom, 7, { border: true, vertical: "middle", wrap: true });
    b.style(head, 1, head, 7, { bold: true, horizontal: "center", fill: HEADER_FILL });
    b.style(head + 1, 2, bottom, 3, { horizontal: "center" });
    b.style(head + 1, 7, bottom, 7, { horizontal: "center" });
    b.fitRows(head, bottom);
    row = bottom + 2;
  }

  section("4. Danh sách chỉ tiêu chưa đạt");
  const notMet = summary.indicators.total.notMet.rows;
  if (notMet.length === 0) {
    b.set(row, 1, "Không có chỉ tiêu chưa đạt.");
    row += 1;
  } else {
    const head = row;
    const groupOfRow = new Map<string, string>();
    for (const g of groups) for (const r of g.notMet.rows) groupOfRow.set(`${r.sheet}!${r.row}`, g.name);
    const lines = [NOT_MET_HEADER, ...notMet.map((r) => [r.name ?? "", r.sheet, r.row, groupOfRow.get(`${r.sheet}!${r.row}`) ?? ""])];
    const bottom = head + lines.length - 1;
    lines.forEach((line, i) => {
      b.row(head + i, 1, line.slice(0, 3));
      b.set(head + i, 4, line[3]);
      b.merge(head + i, 4, head + i, 7);
    });
    b.style(head, 1, bottom, 7, { border: true, vertical: "middle", wrap: true });
    b.style(head, 1, head, 7, { bold: true, horizontal: "center", fill: HEADER_FILL });
    b.style(head + 1, 2, bottom, 3, { horizontal: "center" });
    b.fitRows(head, bottom);
    row = bottom + 1;
  }

  // The signature block, then (outside the print area) how the sheet is refreshed.
  const last = writeSignature(b.grid(), { row: row + 1, left: [1, 1], right: [5, width], place: unit?.name ?? null, year });
  const note = last + 3;
  b.set(note, 1, 'Trang này không tự cập nhật; chạy lại "Tính toán & cảnh báo" rồi tạo lại trang Tổng quan để làm mới. Dòng này không in ra.');
  b.style(note, 1, note, 1, { italic: true });
  b.merge(note, 1, note, width);
  b.fitRows(note, note);
  b.setWidths(OVERVIEW_WIDTHS.map((w, i) => ({ col: i + 1, width: w })));
  b.add(pageSetupFor(sheet, { widths: OVERVIEW_WIDTHS, tableSize: 12, printArea: `A1:${a1(last, width)}` }));
  for (const c of charts) b.add(c);
  return { sheet, edits: b.edits() };
}
