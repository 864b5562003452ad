/**
 * Laying out new appendix sheets: the standard Appendix I (indicators) and Appendix
 * II (tasks), and the shared "Danh mục" sheet their drop-downs read. Pure: the
 * result is one edit list that any host applies in one write, plus what the task
 * pane shows before it does.
 *
 * The sheets keep working without the add-in: achievement and overdue flags are
 * live formulas against cells on the sheet (report date, due-soon window), colours
 * are conditional formats, drop-downs are data validation.
 */
import type { Catalog } from "./match";
import { communeTypeOn } from "./match";
import type { Commune, UnitType } from "../catalog/types";
import type { Edit } from "./edits";
import type { IsoDate } from "./dates";
import { formatDateVi } from "./dates";
import { freeSheetName } from "./sheetName";
import { LIST_SHEET, existingListRefs, listSheetEdits, groupedIndicators, type ListRefs } from "./layout/lists";
import { indicatorSheetEdits, type IndicatorSheetLayout } from "./layout/indicators";
import { taskSheetEdits, TASK_AREAS, TASK_ROWS_PER_AREA, type TaskSheetLayout } from "./layout/tasks";
import { freeMarkerName, sheetRangeFormula, type SheetKind } from "./layout/marker";
import { rowRange, typeWord, type AppendixForm } from "./layout/common";

export { freeSheetName, sanitizeSheetName, MAX_SHEET_NAME } from "./sheetName";
export { markerOf, markersOf, markerName, parseSheetRef, type SheetMarker, type SheetKind } from "./layout/marker";
export { liveAchievementFormulas, defaultLead, INDICATOR_COLS, indicatorHeaders, QUALITATIVE, HELPER_HEADERS } from "./layout/indicators";
export { dueDateInput, TASK_AREAS, TASK_COLS, TASK_HEADERS, TASK_ROWS_PER_AREA } from "./layout/tasks";
export { LIST_SHEET, LIST_NAMES, LIST_COLS, LIST_HEADER_ROW, bodyChoices, catalogTarget, targetCell } from "./layout/lists";
export { planReference, planNumberText } from "./layout/common";
export { INDICATOR_PLAN_COLS, INDICATOR_PLAN_WIDTHS, INDICATOR_PLAN_COMPUTED_WIDTHS, INDICATOR_WIDTHS } from "./layout/indicators";
export { TASK_PLAN_COLS, TASK_PLAN_HEADERS, TASK_PLAN_WIDTHS, TASK_PLAN_COMPUTED_WIDTHS, TASK_WIDTHS } from "./layout/tasks";
export { DECREE_MARGINS, MIN_TABLE_SIZE, printableWidth } from "./layout/print";
export type { IndicatorSheetLayout, TaskSheetLayout, AppendixForm };

/** The forms' names as the pane and the command line show them. */
export const FORM_LABELS: Record<AppendixForm, string> = { "ke-hoach": "Kế hoạch", "bao-cao": "Báo cáo kết quả" };

export type Appendix = "I" | "II";

/** The wanted names; a taken one becomes "Phụ lục I (2)" and so on. */
export const APPENDIX_SHEET: Record<Appendix, string> = { I: "Phụ lục I", II: "Phụ lục II" };

export interface InsertOptions {
  commune: Commune;
  /** The plan's year: titles, "Chỉ tiêu năm …", the plan reference. */
  year: number;
  /** The plan's date, if known: written into the plan reference; the commune's type is taken on it. */
  planDate?: IsoDate | null;
  /** Today (the caller's clock): the commune's type when there is no plan date. */
  asOf?: IsoDate | null;
  /** "45" or "45/KH-UBND"; blank leaves "…/KH-UBND" for the official to fill in. */
  planNumber?: string | null;
  appendices: Appendix[];
  /** Sheets the workbook has now (nothing is overwritten). */
  existingSheets: string[];
  /** The workbook's defined names (WorkbookSnapshot.names): markers, the lists' names. */
  existingNames?: Record<string, string>;
  catalog: Catalog;
  /** Written as the report date; absent or null: the formula =TODAY(). */
  reportDate?: IsoDate | null;
  dueSoonDays?: number;
  tasksPerArea?: number;
  /**
   * Which form of the appendix: "ke-hoach" (the default: the plan appendix filed with
   * the plan, no result or report columns) or "bao-cao" (the report form: results,
   * rates, verdicts, flags and the report date). Compute turns a plan form into its
   * report form later, on the same sheet.
   */
  form?: AppendixForm;
}

export interface PlannedSheet {
  name: string;
  kind: SheetKind;
  /** The name asked for, when it was taken and another was chosen. */
  wanted?: string;
}

export interface InsertPlan {
  /** Names of the sheets to be created, in order. */
  sheets: string[];
  /** One edit list for the whole insertion. */
  edits: Edit[];
  planned: PlannedSheet[];
  /** The commune's type used for names ("xã" or "phường"), on the plan date or today. */
  type: UnitType;
  /** Things the official should know, in Vietnamese (an existing Danh mục reused, lists missing). */
  notes: string[];
  indicators?: IndicatorSheetLayout;
  tasks?: TaskSheetLayout;
  /** Counts for the preview. */
  counts: { indicators: number; groups: number; taskAreas: number; taskRows: number };
  form: AppendixForm;
}

/** Plan the insertion of the standard appendices into a workbook. */
export function planInsert(opts: InsertOptions): InsertPlan {
  const names = opts.existingNames ?? {};
  const type = communeTypeOn(opts.commune, opts.planDate ?? opts.asOf ?? null);
  const appendices = (["I", "II"] as const).filter((a) => opts.appendices.includes(a));
  const taken = [...opts.existingSheets];
  const markersTaken: string[] = [];
  const edits: Edit[] = [];
  const planned: PlannedSheet[] = [];
  const notes: string[] = [];
  const form: AppendixForm = opts.form ?? "ke-hoach";
  const heading = { commune: opts.commune, type, year: opts.year, planNumber: opts.planNumber ?? null, planDate: opts.planDate ?? null };

  // The shared lists: reuse the workbook's Danh mục, or create it once.
  const sameSheet = (a: string, b: string) => a.normalize("NFC").toLocaleLowerCase("vi") === b.normalize("NFC").toLocaleLowerCase("vi");
  const listSheet = opts.existingSheets.find((s) => sameSheet(s, LIST_SHEET));
  let lists: ListRefs;
  let listEdits: Edit[] = [];
  if (appendices.length === 0) {
    lists = { units: null, bodies: null, statuses: [] };
  } else if (listSheet !== undefined) {
    const existing = existingListRefs(listSheet, names);
    lists = existing.refs;
    notes.push(
      existing.ours
        ? `Dùng trang "${LIST_SHEET}" đã có trong sổ làm việc (không ghi lại).`
        : `Trang "${LIST_SHEET}" đã có nhưng không do Phụ lục NQ57 tạo: giữ nguyên trang đó; các cột "Đơn vị tính" và "Đơn vị chủ trì" của phụ lục mới sẽ không có danh sách chọn.`,
    );
  } else {
    const made = listSheetEdits({ sheet: LIST_SHEET, catalog: opts.catalog, type, year: opts.year, existingNames: names });
    lists = made.refs;
    listEdits = made.edits;
    markersTaken.push(...made.edits.flatMap((e) => (e.op === "defineName" ? [e.name] : [])));
    taken.push(LIST_SHEET);
  }

  let indicators: IndicatorSheetLayout | undefined;
  let tasks: TaskSheetLayout | undefined;
  for (const a of appendices) {
    const wanted = APPENDIX_SHEET[a];
    const name = freeSheetName(wanted, taken);
    taken.push(name);
    const kind: SheetKind = a === "I" ? "indicators" : "tasks";
    planned.push({ name, kind, ...(name !== wanted ? { wanted } : {}) });
    const made =
      a === "I"
        ? indicatorSheetEdits({ sheet: name, catalog: opts.catalog, heading, reportDate: opts.reportDate, today: opts.asOf, lists, form })
        : taskSheetEdits({
            sheet: name,
            form,
            heading,
            reportDate: opts.reportDate,
            today: opts.asOf,
            dueSoonDays: opts.dueSoonDays,
            rowsPerArea: opts.tasksPerArea,
            lists,
          });
    edits.push(...made.edits);
    if (a === "I") indicators = made.layout as IndicatorSheetLayout;
    else tasks = made.layout as TaskSheetLayout;
    const marker = freeMarkerName(kind, opts.catalog.version, Object.keys(names), markersTaken);
    markersTaken.push(marker);
    const lastCol = made.layout.lastCol;
    edits.push({
      op: "defineName",
      name: marker,
      formula: sheetRangeFormula(name, rowRange(made.layout.headerRow, 1, lastCol)),
      comment: a === "I" ? "Phụ lục NQ57: phụ lục chỉ tiêu" : "Phụ lục NQ57: phụ lục nhiệm vụ",
    });
  }
  if (listEdits.length) planned.push({ name: LIST_SHEET, kind: "lists" });
  // Sheets first, in tab order; then the lists and their names, so that a host that
  // checks a drop-down's source as it goes (Excel) finds it; then the appendices.
  const isAdd = (e: Edit) => e.op === "addSheet";
  const ordered: Edit[] = [
    ...planned.map((p): Edit => ({ op: "addSheet", sheet: p.name })),
    ...listEdits.filter((e) => !isAdd(e)),
    ...edits.filter((e) => !isAdd(e)),
  ];
  // The list sheet is hidden once the appendices exist (a workbook must keep a visible
  // sheet): it never prints, and the drop-downs still read it through its names.
  if (listEdits.length) ordered.push({ op: "sheetVisibility", sheet: LIST_SHEET, visibility: "hidden" });
  if (planned[0]) ordered.push({ op: "select", sheet: planned[0].name, range: "A1" });

  const groups = groupedIndicators(opts.catalog);
  return {
    sheets: planned.map((p) => p.name),
    edits: ordered,
    planned,
    type,
    notes,
    ...(indicators ? { indicators } : {}),
    ...(tasks ? { tasks } : {}),
    counts: {
      indicators: opts.catalog.indicators.length,
      groups: groups.length,
      taskAreas: TASK_AREAS.length,
      taskRows: opts.tasksPerArea ?? TASK_ROWS_PER_AREA,
    },
    form,
  };
}

/** What the task pane says before inserting, in Vietnamese: which sheets will be created. */
export function insertPreview(opts: InsertOptions): string {
  return previewLines(planInsert(opts), { commune: opts.commune, reportDate: opts.reportDate ?? null }).join("\n");
}

/** The preview as lines, for a plan already made (the command line prints it). */
export function previewLines(plan: InsertPlan, opts?: { commune?: Commune; reportDate?: IsoDate | null }): string[] {
  if (plan.planned.length === 0) return ["Chưa chọn phụ lục nào để thêm."];
  const report = plan.form === "bao-cao";
  const lines: string[] = [];
  const where = opts?.commune ? ` cho ${typeWord(plan.type)} ${opts.commune.name}` : "";
  lines.push(`Sẽ thêm ${plan.planned.length} trang tính${where}, mẫu ${FORM_LABELS[plan.form]}:`);
  for (const p of plan.planned) {
    const what =
      p.kind === "indicators"
        ? `Phụ lục I — ${plan.counts.indicators} chỉ tiêu trong ${plan.counts.groups} nhóm` +
          (report ? ", có công thức tỷ lệ đạt và đánh giá" : "")
        : p.kind === "tasks"
          ? `Phụ lục II — ${plan.counts.taskAreas} nhóm nhiệm vụ, mỗi nhóm ${plan.counts.taskRows} dòng trống` +
            (report ? ", có công thức cảnh báo quá hạn" : "")
          : "danh sách dùng chung (đơn vị tính, cơ quan, tình trạng) và danh mục chỉ tiêu có mã; trang được ẩn nên không in ra, các danh sách chọn vẫn lấy từ đó";
    const renamed = p.wanted ? ` (đã có trang "${p.wanted}" nên đặt tên mới)` : "";
    lines.push(`• "${p.name}": ${what}${renamed}.`);
  }
  if (!report) {
    lines.push(
      "Mẫu Kế hoạch không có cột kết quả, tỷ lệ đạt, đánh giá, tình trạng, cảnh báo: khi báo cáo, chạy \"Tính toán & cảnh báo\" để thêm các cột đó vào chính trang này.",
    );
  } else if (opts && "reportDate" in opts) {
    lines.push(
      opts.reportDate
        ? `Ngày báo cáo: ${formatDateVi(opts.reportDate)}.`
        : "Ngày báo cáo: công thức =TODAY() (luôn là ngày mở tệp); có thể nhập một ngày cố định.",
    );
  }
  lines.push("In ra khổ A4 ngang, lề và số trang theo Nghị định 30/2020/NĐ-CP.");
  lines.push(...plan.notes);
  lines.push("Không trang tính nào đã có bị thay đổi.");
  return lines;
}
