/**
 * "Compute": the add-in's achievement and overdue columns on an official's own sheet.
 *
 * Beside any indicator or task table the reader recognises, the plan adds (or, when
 * an earlier run added them, refreshes) live formula columns:
 * - indicators: "Kết quả thực hiện" (input, when missing), "Tỷ lệ đạt (%)", "Đánh giá";
 * - tasks: "Tình trạng" and "Ngày hoàn thành" (inputs with list/date validation, when
 *   missing), "Hạn hoàn thành (ngày)" (the date the deadline text means), "Cảnh báo".
 * A mixed table (004) gets both sets as separate columns: an indicator row fills the
 * indicator columns and leaves the task columns blank, and the other way round. One
 * header means one thing, the reader recognises each column by its own label on the
 * next run, and the colours of a column mean one scale (verdicts or flags).
 *
 * The formulas read a "Ngày báo cáo" cell and a "Số ngày cảnh báo" cell placed in
 * empty cells above the new columns, so the workbook keeps working without the add-in.
 * The report returned beside the edits is the domain's own computation (achieve,
 * taskState) for the same date and window: what the sheet's formulas show.
 *
 * Nothing a person typed is moved or overwritten: new columns go right of the last
 * used header column, and the plan stops, naming the cell, when one of their cells
 * (or a cell of the report-date block) is not empty.
 */
import type { CellValue, SheetSnapshot } from "./snapshot";
import type { CellInput, CellStyle, Edit } from "./edits";
import type { Catalog } from "./match";
import { indicatorNameTest, targetInName } from "./match";
import { rowIndicator } from "./rowIndicator";
import { unitKind } from "./units";
import { readTable, type Table, type TableRow } from "./reader";
import { a1, columnLetter, parseRange, rangeA1, type Range } from "./address";
import { formatTarget, parseTarget, type Target } from "./target";
import { parseDeadline, type Deadline } from "./deadline";
import { RESULT_HELPERS, achieve, isAmbiguous, readResult, resultTextOf, resultValueOf, type Verdict } from "./achieve";
import {
  DATE_HELPERS,
  DUE_SOON_DAYS,
  FLAG_LABELS,
  STATUS_LABELS,
  dateHelperValues,
  parseDateCell,
  parseStatus,
  taskState,
  type TaskFlag,
  type TaskStatus,
} from "./status";
import { achievementFormulas } from "./achieve-formulas";
import { dateTextFormula, dateValueFormula, flagFormula, monthlyDueFormula } from "./status-formulas";
import { formatDateVi, fromExcelSerial, isDateFormat, isPlausibleSerial, parseIso, toExcelSerial, type IsoDate } from "./dates";
import { cellText, clean, foldKey, isBlank } from "./text";
import { roundTo } from "./numbers";
import { HELPER_HEADERS } from "./layout/indicators";
import { planFormOf, reportColumnsStart, reportFormEdits } from "./layout/forms";

// ───────────────────────────── public shapes ─────────────────────────────

export interface IndicatorReport {
  row: number;
  /** The catalog code the row's name matches ("HT-01"), or null. */
  indicatorCode: string | null;
  /** The target as officials write it ("≥ 60%"), or null when none could be read. */
  target: string | null;
  /** The result as the sheet's formulas read it (fraction for %), text, or null. */
  result: number | string | null;
  /** 1.2 = 120%; null when it cannot be computed. */
  rate: number | null;
  verdict: Verdict | null;
  /**
   * Why a result was left unjudged: its scale is ambiguous (1 in a % row: 1% or 100%?
   * 0.5 in a row counting things), or it is free text against a qualitative target.
   */
  note?: "ambiguous-scale" | "free-text";
}

export interface TaskReport {
  row: number;
  deadlineText: string | null;
  dueDate: IsoDate | null;
  status: TaskStatus | null;
  completedOn: IsoDate | null;
  flag: TaskFlag;
}

/** One sheet's computation: exactly what `phuluc compute --json` prints for it. */
export interface ComputeReport {
  name: string;
  indicators: IndicatorReport[];
  tasks: TaskReport[];
}

export interface ComputeContext {
  catalog: Catalog;
  /** The report date to write into the sheet; null keeps the cell (or inserts =TODAY()). */
  asOf: IsoDate | null;
  /**
   * The date =TODAY() stands for in the report, when `asOf` is null and the sheet's
   * report-date cell holds =TODAY() (the domain never reads the clock).
   */
  today?: IsoDate;
  /** The plan's year, for deadlines without one ("Quý II"); read from the heading when absent. */
  planYear?: number;
  /** The "Sắp đến hạn" window to write; null/absent keeps the sheet's cell (15 when new). */
  dueSoonDays?: number;
}

export type ComputeFailure = {
  ok: false;
  code: "no-table" | "protected" | "occupied" | "no-room" | "bad-report-date" | "bad-window" | "no-date";
  message: string;
  cell?: string;
};

export type ComputePlan =
  | {
      ok: true;
      edits: Edit[];
      /** Every cell the edits write a value or a format into (A1), for the nothing-lost check. */
      outputCells: string[];
      report: ComputeReport;
      table: Table;
      /** The date and window the sheet's formulas use (and the report was computed for). */
      asOf: IsoDate;
      dueSoonDays: number;
      reportDateCell: string;
      /** Null on a sheet of indicators only: nothing there reads a due-soon window. */
      windowCell: string | null;
      /** Columns this run added (empty on a refresh); `hidden`: a helper column, out of sight and out of print. */
      added: { role: AddinRole; label: string; letter: string; hidden?: true }[];
    }
  | ComputeFailure;

export type AddinRole =
  | "result"
  | "rate"
  | "verdict"
  | "status"
  | "completedOn"
  | "dueDate"
  | "flag"
  | "resultText"
  | "resultValue"
  | "completedText"
  | "completedValue";

/** Header labels of the add-in's columns; the reader recognises each by its label. */
export const ADDIN_LABELS: Record<AddinRole, string> = {
  result: "Kết quả thực hiện",
  rate: "Tỷ lệ đạt (%)",
  verdict: "Đánh giá",
  status: "Tình trạng",
  completedOn: "Ngày hoàn thành",
  dueDate: "Hạn hoàn thành (ngày)",
  flag: "Cảnh báo",
  resultText: RESULT_HELPERS.text,
  resultValue: RESULT_HELPERS.value,
  completedText: DATE_HELPERS.text,
  completedValue: DATE_HELPERS.value,
};

export const REPORT_DATE_LABEL = "Ngày báo cáo";
export const WINDOW_LABEL = "Số ngày cảnh báo";

/** Cells the officials type into; the add-in only creates them, never writes them. */
const INPUT_ROLES: AddinRole[] = ["result", "status", "completedOn"];
const INDICATOR_ROLES: AddinRole[] = ["result", "rate", "verdict"];
const TASK_ROLES: AddinRole[] = ["status", "completedOn", "dueDate", "flag"];
/**
 * Hidden helper columns: each typed result and completion date is read once, into a
 * tidy text and then a number (achieve-formulas.ts, status-formulas.ts), so that the rate, verdict and
 * flag formulas an official clicks stay short. They go right of the visible columns.
 */
const HELPER_ROLES: AddinRole[] = ["resultText", "resultValue", "completedText", "completedValue"];
const INDICATOR_HELPERS: AddinRole[] = ["resultText", "resultValue"];
const TASK_HELPERS: AddinRole[] = ["completedText", "completedValue"];

export const DATE_FORMAT = "dd/mm/yyyy";
export const RATE_FORMAT = "0%";

const RED = { fill: "#FFC7CE", fontColor: "#9C0006" };
const AMBER = { fill: "#FFEB9C", fontColor: "#9C5700" };
const GREEN = { fill: "#C6EFCE", fontColor: "#006100" };
/** Conditional colours: red for not met / overdue, amber for due soon (and done late), green for met / done. */
const COLOURS: Partial<Record<AddinRole, { equals: string; fill: string; fontColor: string }[]>> = {
  verdict: [
    { equals: "Chưa đạt", ...RED },
    { equals: "Đạt", ...GREEN },
    { equals: "Vượt", ...GREEN },
  ],
  flag: [
    { equals: FLAG_LABELS.overdue, ...RED },
    { equals: FLAG_LABELS["due-soon"], ...AMBER },
    { equals: FLAG_LABELS["done-late"], ...AMBER },
    { equals: FLAG_LABELS.done, ...GREEN },
  ],
};

const OUTPUT_HEADER_FILL = "#DDEBF7";
const INPUT_HEADER_FILL = "#FFF2CC";
const COLUMN_WIDTH = 16;
const HELPER_WIDTH = 12;

/** Options for the reader that let qualitative indicators in mixed tables be recognised. */
export function readerOptions(catalog: Catalog) {
  return { isIndicatorName: indicatorNameTest(catalog) };
}

// ───────────────────────────── the plan ─────────────────────────────

export function planCompute(sheet: SheetSnapshot, ctx: ComputeContext): ComputePlan {
  const read = readTable(sheet, readerOptions(ctx.catalog));
  if (!read.ok) return { ok: false, code: "no-table", message: read.message };
  const table = read.table;
  if (sheet.protected) {
    return {
      ok: false,
      code: "protected",
      message: `Trang tính "${sheet.name}" đang được bảo vệ; hãy bỏ bảo vệ trang tính rồi chạy lại.`,
    };
  }
  const grid = new SheetGrid(sheet);

  // 1. Where each of the add-in's columns is, or goes.
  const wanted: AddinRole[] = [
    ...(table.kind !== "tasks" ? INDICATOR_ROLES : []),
    ...(table.kind !== "indicators" ? TASK_ROLES : []),
    ...(table.kind !== "tasks" ? INDICATOR_HELPERS : []),
    ...(table.kind !== "indicators" ? TASK_HELPERS : []),
  ];
  const cols = new Map<AddinRole, number>();
  for (const role of wanted) {
    const existing = table.columns.find((c) => c.role === role);
    if (existing) cols.set(role, existing.col);
  }
  const missing = wanted.filter((r) => !cols.has(r));
  const lastUsed = Math.max(table.lastCol, grid.lastUsedCol(table.headerRow, table.headerEnd));
  missing.forEach((role, i) => cols.set(role, lastUsed + 1 + i));
  const added: Extract<ComputePlan, { ok: true }>["added"] = missing.map((role) => ({
    role,
    label: ADDIN_LABELS[role],
    letter: columnLetter(cols.get(role)!),
    ...(HELPER_ROLES.includes(role) ? { hidden: true as const } : {}),
  }));
  const visible = (roles: AddinRole[]) => roles.filter((r) => !HELPER_ROLES.includes(r));

  for (const a of added) {
    const col = cols.get(a.role)!;
    for (let row = table.headerRow; row <= table.lastRow; row++) {
      const m = grid.mergeAt(row, col);
      if (m) {
        return {
          ok: false,
          code: "occupied",
          cell: a1(row, col),
          message:
            `Ô ${a1(row, col)} thuộc vùng ô gộp ${rangeA1(m)}, nằm đúng chỗ cột "${a.label}" sẽ được thêm bên phải bảng ` +
            `trong trang tính "${sheet.name}". Hãy bỏ gộp ô rồi chạy lại.`,
        };
      }
      if (!isBlank(grid.value(row, col))) {
        return {
          ok: false,
          code: "occupied",
          cell: a1(row, col),
          message:
            `Ô ${a1(row, col)} đang có nội dung ("${short(cellText(grid.value(row, col)))}"), nằm đúng chỗ cột "${a.label}" ` +
            `sẽ được thêm bên phải bảng trong trang tính "${sheet.name}". Phần mềm không ghi đè dữ liệu đã nhập: ` +
            `hãy chuyển nội dung đó sang chỗ khác rồi chạy lại.`,
        };
      }
    }
  }

  // 2. The report date and the due-soon window.
  // Above visible columns only: a report date over a hidden helper would be out of sight.
  const block = placeBlock(
    grid,
    table,
    visible(added.map((a) => a.role)).map((r) => cols.get(r)!),
    visible(wanted).map((r) => cols.get(r)!),
    table.kind !== "indicators",
  );
  if (!block.ok) return block;
  const { date, window } = block;

  const edits: Edit[] = [];
  const written = new Set<string>();
  const note = (range: string) => {
    const r = parseRange(range);
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) written.add(a1(row, col));
  };
  const setValues = (range: string, values: CellInput[][]) => {
    edits.push({ op: "setValues", sheet: sheet.name, range, values });
    note(range);
  };
  const setStyle = (range: string, style: CellStyle) => {
    edits.push({ op: "setStyle", sheet: sheet.name, range, style });
    note(range);
  };

  const dateAbs = absolute(date.value);
  const windowAbs = window ? absolute(window.value) : "";
  let asOf: IsoDate;
  if (!date.existing) {
    setValues(date.label, [[REPORT_DATE_LABEL]]);
    setStyle(date.label, { bold: true, horizontal: "right" });
  }
  if (ctx.asOf !== null) {
    asOf = ctx.asOf;
    setStyle(date.value, { numberFormat: DATE_FORMAT, bold: true });
    setValues(date.value, [[toExcelSerial(ctx.asOf)]]);
  } else {
    const { row, col } = cellRowCol(date.value);
    const v = grid.value(row, col);
    const f = grid.formula(row, col);
    if (date.existing && f !== null && !/^=\s*TODAY\(\s*\)\s*$/i.test(f) && typeof v === "number" && isPlausibleSerial(v)) {
      asOf = fromExcelSerial(v); // a formula of the person's own: its last result
    } else if (date.existing && f === null && typeof v === "number" && isPlausibleSerial(v)) {
      asOf = fromExcelSerial(v); // a date typed (or written by an earlier --as-of): keep it
    } else if (isBlank(v) || (f !== null && /^=\s*TODAY\(\s*\)\s*$/i.test(f))) {
      if (!ctx.today) {
        return { ok: false, code: "no-date", cell: date.value, message: "Chưa có ngày báo cáo để tính cảnh báo." };
      }
      asOf = ctx.today;
      if (isBlank(v) && f === null) {
        setStyle(date.value, { numberFormat: DATE_FORMAT, bold: true });
        setValues(date.value, [[{ formula: "=TODAY()", value: toExcelSerial(asOf) }]]);
      }
    } else {
      return {
        ok: false,
        code: "bad-report-date",
        cell: date.value,
        message:
          `Ô ${date.value} (${REPORT_DATE_LABEL}) trong trang tính "${sheet.name}" không chứa một ngày: "${short(cellText(v))}". ` +
          `Hãy nhập ngày dạng ngày/tháng/năm, hoặc xóa ô đó để dùng ngày hôm nay.`,
      };
    }
  }

  if (window && !window.existing) {
    setValues(window.label, [[WINDOW_LABEL]]);
    setStyle(window.label, { bold: true, horizontal: "right" });
  }
  let dueSoonDays = ctx.dueSoonDays ?? DUE_SOON_DAYS;
  if (window) {
    const { row, col } = cellRowCol(window.value);
    const v = grid.value(row, col);
    if (ctx.dueSoonDays !== undefined) {
      dueSoonDays = ctx.dueSoonDays;
      setValues(window.value, [[ctx.dueSoonDays]]);
    } else if (typeof v === "number" && Number.isFinite(v) && v >= 0) {
      dueSoonDays = v;
    } else if (isBlank(v)) {
      dueSoonDays = DUE_SOON_DAYS;
      setStyle(window.value, { numberFormat: "0", bold: true });
      setValues(window.value, [[DUE_SOON_DAYS]]);
    } else {
      return {
        ok: false,
        code: "bad-window",
        cell: window.value,
        message:
          `Ô ${window.value} (${WINDOW_LABEL}) trong trang tính "${sheet.name}" không chứa một số ngày: "${short(cellText(v))}". ` +
          `Hãy nhập một số (ví dụ 15), hoặc xóa ô đó để dùng ${DUE_SOON_DAYS} ngày.`,
      };
    }
  }

  // 3. New columns: header, widths, borders, validation, colours.
  const firstData = table.headerEnd + 1;
  const items = table.rows.filter((r) => r.kind !== "group");
  const taskRows = items.filter((r) => r.kind === "task").map((r) => r.row);
  for (const a of added) {
    const col = cols.get(a.role)!;
    const header = a1(table.headerRow, col);
    setValues(header, [[a.label]]);
    if (table.headerEnd > table.headerRow) {
      edits.push({ op: "merge", sheet: sheet.name, range: `${header}:${a1(table.headerEnd, col)}` });
      note(`${header}:${a1(table.headerEnd, col)}`);
    }
    if (a.hidden) continue;
    const input = INPUT_ROLES.includes(a.role);
    setStyle(`${header}:${a1(table.headerEnd, col)}`, {
      bold: true,
      wrap: true,
      horizontal: "center",
      vertical: "middle",
      border: true,
      fill: input ? INPUT_HEADER_FILL : OUTPUT_HEADER_FILL,
    });
    if (table.lastRow >= firstData) {
      setStyle(`${a1(firstData, col)}:${a1(table.lastRow, col)}`, { border: true, vertical: "middle", wrap: true });
      for (const c of COLOURS[a.role] ?? []) {
        edits.push({ op: "conditionalFormat", sheet: sheet.name, range: `${a1(firstData, col)}:${a1(table.lastRow, col)}`, ...c });
      }
    }
    if (a.role === "status") {
      for (const run of runs(taskRows)) {
        edits.push({
          op: "listValidation",
          sheet: sheet.name,
          range: `${a1(run[0], col)}:${a1(run[1], col)}`,
          source: [STATUS_LABELS["not-started"], STATUS_LABELS["in-progress"], STATUS_LABELS.done],
          prompt: { title: "Tình trạng", message: "Chọn: Chưa thực hiện, Đang thực hiện hoặc Hoàn thành." },
        });
      }
    }
    if (a.role === "completedOn") {
      for (const run of runs(taskRows)) {
        const range = `${a1(run[0], col)}:${a1(run[1], col)}`;
        setStyle(range, { numberFormat: DATE_FORMAT });
        edits.push({
          op: "dateValidation",
          sheet: sheet.name,
          range,
          prompt: { title: "Ngày hoàn thành", message: "Nhập ngày hoàn thành dạng ngày/tháng/năm, ví dụ 30/06/2026." },
        });
      }
    }
  }
  // The add-in's own plan form: its report columns land in the hidden columns kept for
  // them, and the sheet is laid out as the report form (see layout/forms.ts).
  const shown = added.filter((a) => !a.hidden);
  const planForm = shown.length > 0 ? planFormOf(sheet) : null;
  const reportForm = planForm && Math.min(...shown.map((a) => cols.get(a.role)!)) === reportColumnsStart(planForm) ? planForm : null;
  if (added.length > 0) {
    // Shown even where the official had hidden that (empty) column: an added column nobody
    // sees is lost work. The helpers are hidden: they never print. (A plan form's report
    // columns get the report form's widths from reportFormEdits.)
    const widths = added
      .filter((a) => !reportForm || a.hidden)
      .map((a) => ({ col: cols.get(a.role)!, width: a.hidden ? HELPER_WIDTH : COLUMN_WIDTH, hidden: a.hidden === true }));
    if (widths.length > 0) edits.push({ op: "columnWidths", sheet: sheet.name, widths });
  }

  // 4. The formulas, row by row, and the same computation in the domain.
  const planYear = ctx.planYear ?? planYearOf(table) ?? parseIso(asOf).year;
  const report: ComputeReport = { name: sheet.name, indicators: [], tasks: [] };
  const column = new Map<AddinRole, Map<number, CellInput>>();
  const put = (role: AddinRole, row: number, v: CellInput) => {
    if (!column.has(role)) column.set(role, new Map());
    column.get(role)!.set(row, v);
  };
  const valueIn = (role: AddinRole, r: TableRow): { value: CellValue; address: string; numberFormat: string | null } => {
    const col = cols.get(role)!;
    return { value: grid.value(r.row, col), address: a1(r.row, col), numberFormat: grid.format(r.row, col) };
  };

  // The appendix template (layout.ts) has rate and verdict formulas of its own that read
  // the target cell live through hidden helper columns; where they are in place they
  // are kept, since they also follow a target edited later. Rows without them get ours.
  const helperKeys = HELPER_HEADERS.map(foldKey);
  const liveTemplate = (sheet.values[table.headerRow - 1] ?? []).some((v) => typeof v === "string" && helperKeys.includes(foldKey(v)));
  const hasTemplateFormulas = (row: number) =>
    liveTemplate && grid.formula(row, cols.get("rate")!) !== null && grid.formula(row, cols.get("verdict")!) !== null;

  for (const r of items) {
    if (r.kind === "indicator") {
      const keep = hasTemplateFormulas(r.row);
      const helpers = { text: a1(r.row, cols.get("resultText")!), value: a1(r.row, cols.get("resultValue")!) };
      const computed = indicatorRow(r, ctx.catalog, valueIn("result", r), helpers, keep);
      if (keep) {
        // keep the template's live formulas (and its own helpers)
      } else if (computed.formulas) {
        // With what the formulas compute (the domain's figures), for viewers that do not recalculate.
        const f = computed.formulas;
        put("resultText", r.row, f.text === null ? null : { formula: f.text, value: computed.helpers.text });
        put("resultValue", r.row, f.value === null ? null : { formula: f.value, value: computed.helpers.value });
        put("rate", r.row, { formula: f.rate, value: computed.report.rate ?? "" });
        put("verdict", r.row, { formula: f.verdict, value: computed.report.verdict ?? "" });
      } else {
        for (const role of ["resultText", "resultValue", "rate", "verdict"] as const) put(role, r.row, null);
      }
      report.indicators.push(computed.report);
      if (table.kind === "mixed") {
        for (const role of ["dueDate", "flag", "completedText", "completedValue"] as const) put(role, r.row, null);
      }
    } else {
      const status = valueIn("status", r);
      const completed = valueIn("completedOn", r);
      const deadlineCell = r.cells.deadline;
      const parsed = deadlineCell ? parseDeadline(deadlineCell.value, { planYear, numberFormat: deadlineCell.numberFormat }) : null;
      const deadline: Deadline | null = parsed?.ok ? parsed.deadline : null;
      const completedOn = parseDateCell(completed.value);
      const state = taskState({ deadline, status: parseStatus(status.value), completedOn, asOf, dueSoonDays });
      const dueAddress = a1(r.row, cols.get("dueDate")!);
      const helpers = { text: a1(r.row, cols.get("completedText")!), value: a1(r.row, cols.get("completedValue")!) };
      const monthly = deadline?.kind === "recurring" && deadline.dayOfMonth ? deadline.dayOfMonth : null;
      let due: CellInput = null;
      if (deadline?.kind === "date") due = toExcelSerial(deadline.due);
      else if (monthly) {
        due = { formula: monthlyDueFormula(monthly, dateAbs, helpers.value), value: state.dueDate ? toExcelSerial(state.dueDate) : null };
      }
      const shown = dateHelperValues(completed.value);
      put("completedText", r.row, { formula: dateTextFormula(completed.address), value: shown.text });
      put("completedValue", r.row, { formula: dateValueFormula(helpers.text), value: shown.value });
      put("dueDate", r.row, due);
      put("flag", r.row, {
        formula: flagFormula({ due: dueAddress, status: status.address, completed: helpers.value, asOf: dateAbs, window: windowAbs }, monthly !== null),
        value: FLAG_LABELS[state.flag],
      });
      report.tasks.push({
        row: r.row,
        deadlineText: deadlineCell ? deadlineText(deadlineCell.value, deadlineCell.numberFormat) : null,
        dueDate: state.dueDate,
        status: state.status,
        completedOn: state.completedOn,
        flag: state.flag,
      });
      if (table.kind === "mixed") {
        for (const role of ["rate", "verdict", "resultText", "resultValue"] as const) put(role, r.row, null);
      }
    }
  }

  const FORMATS: Partial<Record<AddinRole, string>> = { rate: RATE_FORMAT, dueDate: DATE_FORMAT, completedText: DATE_FORMAT, completedValue: DATE_FORMAT };
  for (const [role, byRow] of column) {
    const col = cols.get(role)!;
    const rows = [...byRow.keys()].sort((a, b) => a - b);
    for (const [top, bottom] of runs(rows)) {
      const range = `${a1(top, col)}:${a1(bottom, col)}`;
      if (FORMATS[role]) setStyle(range, { numberFormat: FORMATS[role] });
      const values: CellInput[][] = [];
      for (let row = top; row <= bottom; row++) values.push([byRow.get(row) ?? null]);
      setValues(range, values);
    }
  }

  if (reportForm) {
    const settings = [date.label, date.value, ...(window ? [window.label, window.value] : [])];
    for (const e of reportFormEdits(sheet, reportForm, table.lastRow, shown.map((a) => ({ col: cols.get(a.role)!, label: a.label })), settings)) {
      if (e.op === "setStyle") note(e.range);
      edits.push(e);
    }
  }

  return {
    ok: true,
    edits,
    outputCells: [...written],
    report,
    table,
    asOf,
    dueSoonDays,
    reportDateCell: date.value,
    windowCell: window?.value ?? null,
    added,
  };
}

// ───────────────────────────── rows ─────────────────────────────

function indicatorRow(
  r: TableRow,
  catalog: Catalog,
  result: { value: CellValue; address: string; numberFormat: string | null },
  helpers: { text: string; value: string },
  templateFormulas: boolean,
): {
  report: IndicatorReport;
  formulas: ReturnType<typeof achievementFormulas> | null;
  /** What the two helper cells show (their cached values). */
  helpers: { text: number | string; value: number | "" };
} {
  const name = r.cells.name?.text ?? "";
  const { item } = rowIndicator(catalog, r);
  const code = item?.code ?? null;

  // Percent or not: the row's unit; without one, the catalog's unit for the row's
  // indicator; without either, whether the target itself is written as a percentage.
  const kind = unitKind(catalog, r.cells.unit?.text ?? "", item);
  let percentUnit: boolean | null = kind.percent;

  const cell = r.cells.target;
  let target: Target | null = null;
  let targetRef: string | null = null;
  if (cell && !isBlank(cell.value)) {
    const p = parseTarget(cell.value, { numberFormat: cell.numberFormat, percentUnit: percentUnit ?? false });
    if (p.ok) {
      target = p.target;
      if (typeof cell.value === "number") {
        // The formula reads the cell, scaled the way parseTarget scaled it: 60 typed
        // without a % format in a % indicator means 60%.
        const scaled = (percentUnit ?? false) && !(cell.numberFormat ?? "").includes("%");
        targetRef = scaled ? `IF(${cell.address}>1,${cell.address}/100,${cell.address})` : cell.address;
      }
    }
  }
  if (!target) {
    const inName = targetInName(name);
    const p = inName ? parseTarget(inName, { percentUnit: percentUnit ?? false }) : null;
    if (p?.ok) target = p.target;
  }
  if (percentUnit === null) percentUnit = target?.kind === "numeric" ? target.percent : false;

  // The template's own formulas cannot know the result cell's format (see resultValueFormula).
  const read = readResult(result.value, {
    percentUnit,
    countUnit: kind.count,
    numberFormat: result.numberFormat,
    ...(templateFormulas ? { resultFormat: "unknown" as const } : {}),
  });
  const a = achieve(target, read);
  const note: IndicatorReport["note"] | null = isAmbiguous(read)
    ? "ambiguous-scale"
    : target?.kind === "qualitative" && typeof read.value === "string" && a.verdict === null
      ? "free-text"
      : null;
  const percentFormat = (result.numberFormat ?? "").includes("%");
  return {
    report: {
      row: r.row,
      indicatorCode: code,
      target: target ? formatTarget(target) : null,
      result: typeof read.value === "number" ? roundTo(read.value) : read.value,
      rate: a.rate,
      verdict: a.verdict,
      ...(note ? { note } : {}),
    },
    formulas: target
      ? achievementFormulas(
          target,
          { result: result.address, ...helpers, target: targetRef },
          { percentUnit, countUnit: kind.count, resultFormat: percentFormat ? "percent" : "plain" },
        )
      : null,
    helpers: { text: resultTextOf(result.value), value: resultValueOf(read) },
  };
}

function deadlineText(value: CellValue, numberFormat?: string): string | null {
  if (isBlank(value)) return null;
  if (typeof value === "number" && isDateFormat(numberFormat) && isPlausibleSerial(value)) return formatDateVi(fromExcelSerial(value));
  return cellText(value);
}

/**
 * The plan's year as its heading or header names it ("MỤC TIÊU CỤ THỂ NĂM 2026",
 * "... đến cuối năm 2026"). Years inside dates ("ngày .../11/2025", the day the plan
 * was signed) do not count.
 */
export function planYearOf(table: Table): number | null {
  const texts = [...table.heading, ...table.columns.map((c) => c.label)];
  let best: number | null = null;
  for (const t of texts) {
    for (const m of clean(t).matchAll(/(?<![\d/.-])(20\d{2})(?![\d/])/g)) {
      const y = Number(m[1]);
      if (best === null || y > best) best = y;
    }
  }
  return best;
}

// ───────────────────────────── the report-date block ─────────────────────────────

interface LabelledCell {
  label: string;
  value: string;
  existing: boolean;
}

/**
 * The "Ngày báo cáo" and "Số ngày cảnh báo" cells: found by their labels when an
 * earlier run (or the appendix template) put them in, otherwise placed in a 2×2 block
 * of empty, unmerged cells above the add-in's columns, as close to the header as
 * possible.
 */
function placeBlock(
  grid: SheetGrid,
  table: Table,
  newCols: number[],
  addinCols: number[],
  needWindow: boolean,
): { ok: true; date: LabelledCell; window: LabelledCell | null } | ComputeFailure {
  const foundDate = grid.findLabel(REPORT_DATE_LABEL);
  const foundWindow = grid.findLabel(WINDOW_LABEL, true);
  const free = (row: number, col: number, taken: string[] = []) =>
    row >= 1 && col >= 1 && isBlank(grid.value(row, col)) && !grid.mergeAt(row, col) && !taken.includes(a1(row, col));
  const left = Math.min(...addinCols);
  const right = Math.max(...addinCols);
  // Above the columns this run adds when there are two of them, else above any of the add-in's.
  const spans = newCols.length >= 2 ? [[Math.min(...newCols), Math.max(...newCols)], [left, right]] : [[left, right]];
  const names = needWindow ? `"${REPORT_DATE_LABEL}" và "${WINDOW_LABEL}"` : `"${REPORT_DATE_LABEL}"`;
  const noRoom: ComputeFailure = {
    ok: false,
    code: "no-room",
    message:
      `Không còn ô trống phía trên bảng (trên các cột ${columnLetter(left)}–${columnLetter(right)}) của trang tính "${grid.name}" ` +
      `để đặt ô ${names}. Hãy chèn ${needWindow ? "hai dòng" : "một dòng"} trống phía trên dòng tiêu đề bảng rồi chạy lại.`,
  };
  if (foundDate && (foundWindow || !needWindow)) return { ok: true, date: foundDate, window: foundWindow };
  if (!foundDate && !foundWindow && needWindow) {
    for (const [from, to] of spans) {
      for (let row = table.headerRow - 2; row >= 1; row--) {
        for (let col = from; col < to; col++) {
          if (free(row, col) && free(row, col + 1) && free(row + 1, col) && free(row + 1, col + 1)) {
            return {
              ok: true,
              date: { label: a1(row, col), value: a1(row, col + 1), existing: false },
              window: { label: a1(row + 1, col), value: a1(row + 1, col + 1), existing: false },
            };
          }
        }
      }
    }
    return noRoom;
  }
  // One label and its value to place: the date, or the window beside a date already there.
  const have = foundDate ?? foundWindow;
  const taken = have ? [have.label, have.value] : [];
  for (const [from, to] of spans) {
    for (let row = table.headerRow - 1; row >= 1; row--) {
      for (let col = from; col < to; col++) {
        if (free(row, col, taken) && free(row, col + 1, taken)) {
          const cell = { label: a1(row, col), value: a1(row, col + 1), existing: false };
          return foundDate ? { ok: true, date: foundDate, window: cell } : { ok: true, date: cell, window: foundWindow };
        }
      }
    }
  }
  return noRoom;
}

// ───────────────────────────── grid helpers ─────────────────────────────

/** Raw access to a snapshot, with merged areas. */
class SheetGrid {
  private readonly merges: Range[];
  readonly name: string;

  constructor(private readonly s: SheetSnapshot) {
    this.name = s.name;
    this.merges = (s.merges ?? []).map(parseRange);
  }

  value(row: number, col: number): CellValue {
    return this.s.values[row - 1]?.[col - 1] ?? null;
  }

  formula(row: number, col: number): string | null {
    return this.s.formulas?.[row - 1]?.[col - 1] ?? null;
  }

  format(row: number, col: number): string | null {
    return this.s.numberFormats?.[row - 1]?.[col - 1] ?? null;
  }

  mergeAt(row: number, col: number): Range | undefined {
    return this.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  }

  /** The last column holding anything (or covered by a merge) in the given rows. */
  lastUsedCol(top: number, bottom: number): number {
    let last = 0;
    for (let row = top; row <= bottom; row++) {
      const cells = this.s.values[row - 1] ?? [];
      for (let c = cells.length; c >= 1; c--) {
        if (!isBlank(cells[c - 1])) {
          last = Math.max(last, c);
          break;
        }
      }
    }
    for (const m of this.merges) if (m.top <= bottom && m.bottom >= top) last = Math.max(last, m.right);
    return last;
  }

  /**
   * A cell whose text is `label` (any case, accents, spacing, a trailing colon; with
   * `prefix`, also longer wordings such as "Số ngày cảnh báo sắp đến hạn:"), and the
   * first cell right of it, past the label's merged area (the appendix template
   * merges its labels over two columns).
   */
  findLabel(label: string, prefix = false): LabelledCell | null {
    const key = foldKey(label);
    for (let r = 0; r < this.s.values.length; r++) {
      const cells = this.s.values[r] ?? [];
      for (let c = 0; c < cells.length; c++) {
        const v = cells[c];
        if (typeof v !== "string" || v.length > 60) continue; // labels are short; skip folding long texts
        const k = foldKey(v);
        if (k === key || (prefix && k.startsWith(key + " "))) {
          const right = this.mergeAt(r + 1, c + 1)?.right ?? c + 1;
          return { label: a1(r + 1, c + 1), value: a1(r + 1, right + 1), existing: true };
        }
      }
    }
    return null;
  }
}

function cellRowCol(address: string): { row: number; col: number } {
  const r = parseRange(address);
  return { row: r.top, col: r.left };
}

function absolute(address: string): string {
  const { row, col } = cellRowCol(address);
  return `$${columnLetter(col)}$${row}`;
}

/** Consecutive runs [first, last] of sorted row numbers. */
function runs(rows: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && r === last[1] + 1) last[1] = r;
    else out.push([r, r]);
  }
  return out;
}

function short(text: string): string {
  return text.length > 40 ? text.slice(0, 37) + "..." : text;
}
