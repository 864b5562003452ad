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
import type { Edit, CellInput } from "./edits";
import type { IsoDate } from "./dates";
import { formatDateVi, toExcelSerial } from "./dates";
import { columnLetter } from "./address";
import { clean, foldKey, similarity } from "./text";
import { freeSheetName } from "./sheetName";
import { defaultCatalog } from "./catalog";
import type { UnitType } from "../catalog/types";

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

// ───────────────────────────── the "Tổng quan" sheet ─────────────────────────────

export const OVERVIEW_SHEET = "Tổng quan";

const INDICATOR_HEADER = ["Nhóm chỉ tiêu", "Đạt", "Vượt", "Chưa đạt", "Chưa báo cáo", "Chưa đánh giá được", "Tổng số"];
// Overdue first: it is what the focal point acts on, and the chart reads those two columns.
const TASK_HEADER = ["Đơn vị chủ trì", "Quá hạn", "Sắp đến hạn", "Hoàn thành", "Đang thực hiện", "Chưa thực hiện", "Chưa có thời hạn", "Thường xuyên", "Tổng số"];
// Lists keep the name in column A, the wide one.
const OVERDUE_HEADER = ["Công việc quá hạn", "Trang", "Dòng", "Đơn vị chủ trì", "Hạn"];
const NOT_MET_HEADER = ["Chỉ tiêu chưa đạt", "Trang", "Dòng", "Nhóm"];

/**
 * Edits that add a "Tổng quan" sheet (a free name: "Tổng quan (2)" when taken) with
 * the summary as tables and two charts: achievement by indicator group, and overdue
 * tasks by lead unit. The numbers are the summary's, written as values: the sheet is a
 * dated snapshot (its subtitle says so) while the officials' sheets stay live.
 */
export function planOverviewSheet(
  summary: Summary,
  existingSheets: Iterable<string>,
  options: { asOf?: IsoDate | null } = {},
): { sheet: string; edits: Edit[] } {
  const sheet = freeSheetName(OVERVIEW_SHEET, existingSheets);
  const edits: Edit[] = [{ op: "addSheet", sheet }];
  const width = TASK_HEADER.length;
  const last = columnLetter(width);
  const put = (row: number, values: CellInput[][]) =>
    edits.push({ op: "setValues", sheet, range: `A${row}:${columnLetter(values[0].length)}${row + values.length - 1}`, values });
  const style = (range: string, s: Extract<Edit, { op: "setStyle" }>["style"]) => edits.push({ op: "setStyle", sheet, range, style: s });

  put(1, [["TỔNG QUAN THỰC HIỆN CHỈ TIÊU VÀ NHIỆM VỤ"]]);
  edits.push({ op: "merge", sheet, range: `A1:${last}1` });
  style("A1", { bold: true, fontSize: 14, horizontal: "center" });
  const when = options.asOf ? `Số liệu tính đến ngày ${formatDateVi(options.asOf)}` : "Số liệu tại thời điểm tạo trang";
  put(2, [[`${when}, từ các trang: ${summary.sheets.join(", ") || "(không có)"}. Trang này không tự cập nhật; chạy lại "Tính toán & cảnh báo" để làm mới.`]]);
  edits.push({ op: "merge", sheet, range: `A2:${last}2` });
  style("A2", { italic: true, horizontal: "center", wrap: true });
  edits.push({ op: "rowHeight", sheet, row: 2, height: 32 });

  let row = 4;
  const charts: Edit[] = [];

  // 1. Indicators by group.
  put(row, [["1. Chỉ tiêu theo nhóm"]]);
  style(`A${row}`, { bold: true });
  row++;
  const groups = summary.indicators.groups;
  if (groups.length === 0) {
    put(row, [["Không có chỉ tiêu nào trong các trang đã tính."]]);
    row += 2;
  } else {
    const head = row;
    const lines: CellInput[][] = [INDICATOR_HEADER];
    for (const g of [...groups, summary.indicators.total]) {
      lines.push([g.name, g.met.count, g.beyond.count, g.notMet.count, g.notReported.count, g.unassessed.count, g.total]);
    }
    put(head, lines);
    tableStyle(style, head, head + lines.length - 1, INDICATOR_HEADER.length);
    charts.push({
      op: "chart",
      sheet,
      type: "column",
      // Group names with Đạt, Vượt, Chưa đạt, Chưa báo cáo; without the total row.
      dataRange: `A${head}:E${head + groups.length}`,
      title: "Kết quả thực hiện chỉ tiêu theo nhóm",
      anchor: `${columnLetter(width + 2)}4`,
    });
    row = head + lines.length + 1;
  }

  // 2. Tasks by lead unit.
  put(row, [["2. Nhiệm vụ theo đơn vị chủ trì"]]);
  style(`A${row}`, { bold: true });
  row++;
  const leads = summary.tasks.leads;
  if (leads.length === 0) {
    put(row, [["Không có nhiệm vụ nào trong các trang đã tính."]]);
    row += 2;
  } else {
    const head = row;
    const lines: CellInput[][] = [TASK_HEADER];
    for (const l of [...leads, summary.tasks.total]) {
      lines.push([l.lead, l.overdue.count, l.dueSoon.count, l.done.count, l.inProgress.count, l.notStarted.count, l.noDate.count, l.recurring.count, l.total]);
    }
    put(head, lines);
    tableStyle(style, head, head + lines.length - 1, TASK_HEADER.length);
    charts.push({
      op: "chart",
      sheet,
      type: "bar",
      dataRange: `A${head}:B${head + leads.length}`,
      title: "Nhiệm vụ quá hạn theo đơn vị chủ trì",
      anchor: `${columnLetter(width + 2)}22`,
    });
    row = head + lines.length + 1;
  }

  // 3. The rows behind the two numbers people act on.
  const overdue = summary.tasks.total.overdue.rows;
  put(row, [["3. Danh sách nhiệm vụ quá hạn"]]);
  style(`A${row}`, { bold: true });
  row++;
  if (overdue.length === 0) {
    put(row, [["Không có nhiệm vụ quá hạn."]]);
    row += 2;
  } else {
    const head = row;
    const leadOfRow = new Map<string, string>();
    for (const l of leads) for (const r of l.overdue.rows) leadOfRow.set(`${r.sheet}!${r.row}`, l.lead);
    const lines: CellInput[][] = [OVERDUE_HEADER];
    for (const r of overdue) {
      lines.push([r.name ?? "", r.sheet, r.row, leadOfRow.get(`${r.sheet}!${r.row}`) ?? "", r.dueDate ? toExcelSerial(r.dueDate) : null]);
    }
    style(`E${head + 1}:E${head + lines.length - 1}`, { numberFormat: "dd/mm/yyyy" });
    put(head, lines);
    tableStyle(style, head, head + lines.length - 1, OVERDUE_HEADER.length, false);
    row = head + lines.length + 1;
  }

  const notMet = summary.indicators.total.notMet.rows;
  put(row, [["4. Danh sách chỉ tiêu chưa đạt"]]);
  style(`A${row}`, { bold: true });
  row++;
  if (notMet.length === 0) {
    put(row, [["Không có chỉ tiêu chưa đạt."]]);
  } else {
    const head = row;
    const groupOfRow = new Map<string, string>();
    for (const g of groups) for (const r of g.notMet.rows) groupOfRow.set(`${r.sheet}!${r.row}`, g.name);
    const lines: CellInput[][] = [NOT_MET_HEADER];
    for (const r of notMet) lines.push([r.name ?? "", r.sheet, r.row, groupOfRow.get(`${r.sheet}!${r.row}`) ?? ""]);
    put(head, lines);
    tableStyle(style, head, head + lines.length - 1, NOT_MET_HEADER.length, false);
  }

  edits.push({
    op: "columnWidths",
    sheet,
    widths: [{ col: 1, width: 60 }, ...Array.from({ length: width - 1 }, (_, i) => ({ col: i + 2, width: 14 }))],
  });
  edits.push(...charts);
  return { sheet, edits };
}

function tableStyle(
  style: (range: string, s: Extract<Edit, { op: "setStyle" }>["style"]) => void,
  head: number,
  bottom: number,
  cols: number,
  totalRow = true,
): void {
  const right = columnLetter(cols);
  style(`A${head}:${right}${bottom}`, { border: true, vertical: "middle", wrap: true });
  style(`A${head}:${right}${head}`, { bold: true, horizontal: "center", fill: "#DDEBF7" });
  if (totalRow) style(`A${bottom}:${right}${bottom}`, { bold: true });
  if (cols > 1) style(`B${head + 1}:${right}${bottom}`, { horizontal: "center" });
}
