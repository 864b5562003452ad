/**
 * Appendix II: the tasks (nhiệm vụ), laid out for the "6 rõ" (who, what, when,
 * responsibility, product, authority), grouped by the task areas the plans share,
 * with a live "Cảnh báo" (overdue / due soon) against the sheet's report date.
 */
import type { CellInput } from "../edits";
import type { Deadline } from "../deadline";
import type { IsoDate } from "../dates";
import { toExcelSerial } from "../dates";
import { DATE_HELPERS, DUE_SOON_DAYS, FLAG_LABELS, dueDateOf } from "../status";
import { dateTextFormula, dateValueFormula, flagFormula, monthlyDueFormula } from "../status-formulas";
import { a1 } from "../address";
import {
  COLORS,
  DATE_FORMAT,
  FONT,
  HEADER_ROW,
  REPORT_DATE_PROMPT,
  REPORT_DATE_ROW,
  SheetWriter,
  TABLE_SIZE,
  WINDOW_ROW,
  absolute,
  colRange,
  leadValidation,
  reportDateInput,
  rowHeightFor,
  rowRange,
  writeHeading,
  writeSetting,
  type AppendixForm,
  type HeadingInput,
} from "./common";
import { pageSetupFor } from "./print";
import type { ListRefs } from "./lists";

/**
 * The task areas of the standard appendix: Resolution 57's groups of tasks as the
 * seed plans carry them (004 has all six, 002 five, 001 its own wording), in the
 * order the plans list them. Wording follows 004/002, shortened where they repeat
 * "khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số".
 */
export const TASK_AREAS: string[] = [
  "Nâng cao nhận thức, đẩy mạnh công tác tuyên truyền về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
  "Hoàn thiện thể chế, chính sách; xây dựng, triển khai các kế hoạch, chương trình",
  "Hoàn thiện hạ tầng cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
  "Phát triển nguồn nhân lực",
  "Đẩy mạnh chuyển đổi số, ứng dụng khoa học, công nghệ, đổi mới sáng tạo trong hoạt động của các cơ quan trong hệ thống chính trị",
  "Thúc đẩy khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số trong doanh nghiệp",
];

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

/** Empty task rows under each area. */
export const TASK_ROWS_PER_AREA = 5;

export const TASK_COLS = {
  number: 1,
  code: 2,
  name: 3,
  output: 4,
  kpi: 5,
  lead: 6,
  coordinating: 7,
  deadline: 8,
  dueDate: 9,
  status: 10,
  completedOn: 11,
  flag: 12,
  note: 13,
  /** Hidden helpers: the completion date read once (status-formulas.ts's date helpers). */
  completedText: 14,
  completedValue: 15,
} as const;

export const TASK_LAST_COL = TASK_COLS.note;

/**
 * Widths of columns A–M of the report form, in units of column width (128: A4
 * landscape within the decree's margins at 12 pt; a date needs 11.2 to show whole, and
 * the report date above "Cảnh báo" is one).
 */
export const TASK_WIDTHS = [4.5, 6, 19, 12.5, 9, 11, 9, 8.5, 11.2, 9, 11.2, 11.2, 5.8];

/**
 * The plan form: the "6 rõ" columns up to "Thời hạn hoàn thành", then "Ghi chú"; no
 * status, completion date, due date, flag or report date. "Mã" is hidden (it does not
 * print). Right of "Ghi chú", four hidden columns are kept free where compute puts
 * "Tình trạng", "Ngày hoàn thành", "Hạn hoàn thành (ngày)" and "Cảnh báo", under the
 * heading that spans them.
 */
export const TASK_PLAN_COLS = { number: 1, code: 2, name: 3, output: 4, kpi: 5, lead: 6, coordinating: 7, deadline: 8, note: 9 } as const;
/** Plan form A–M (0: hidden). */
export const TASK_PLAN_WIDTHS = [4.5, 0, 40, 22, 15, 16, 13, 11.5, 6, 0, 0, 0, 0];
/** The plan form after compute added its four columns (J–M). */
export const TASK_PLAN_COMPUTED_WIDTHS = [4.5, 0, 25.6, 13.5, 9, 11, 9, 8.5, 6, 9, 11.2, 11.2, 9.5];
const CODE_WIDTH = 6;

/** The report form's headers. */
export const TASK_HEADERS = [
  "TT",
  "Mã",
  "Nhiệm vụ",
  "Sản phẩm đầu ra",
  "KPI đo lường",
  "Đơn vị chủ trì",
  "Đơn vị phối hợp",
  "Thời hạn hoàn thành",
  "Hạn hoàn thành (ngày)",
  "Tình trạng",
  "Ngày hoàn thành",
  "Cảnh báo",
  "Ghi chú",
];

/**
 * What the "Hạn hoàn thành (ngày)" cell holds for a deadline: the due date as a
 * serial, a formula for "trước ngày 20 hằng tháng" (the 20th of the month whose report
 * is owed, from the report date and the completion date's helper, so it moves with
 * them), or nothing (ongoing, undated).
 */
export function dueDateInput(deadline: Deadline | null, asOfRef: string, completedRef: string): CellInput {
  if (!deadline) return null;
  if (deadline.kind === "recurring" && deadline.dayOfMonth) return { formula: monthlyDueFormula(deadline.dayOfMonth, asOfRef, completedRef) };
  // Any as-of date will do: only monthly deadlines depend on it, handled above.
  const due = dueDateOf(deadline, "2000-01-01");
  return due ? toExcelSerial(due) : null;
}

export interface TaskSheetInput {
  sheet: string;
  heading: Omit<HeadingInput, "numeral" | "title" | "lastCol" | "leftCols" | "widths">;
  reportDate?: IsoDate | null;
  /** Today, the value =TODAY() shows until recalculated. */
  today?: IsoDate | null;
  dueSoonDays?: number;
  rowsPerArea?: number;
  lists: ListRefs;
  /** "ke-hoach" (default): the plan form; "bao-cao": the report form. */
  form?: AppendixForm;
}

/** The plan form's headers: the report form's without the report columns. */
export const TASK_PLAN_HEADERS = [...TASK_HEADERS.slice(0, TASK_COLS.deadline), TASK_HEADERS[TASK_COLS.note - 1]];

export interface TaskSheetLayout {
  sheet: string;
  form: AppendixForm;
  headerRow: number;
  firstRow: number;
  lastRow: number;
  /** The table's last column ("Ghi chú"). */
  lastCol: number;
  /** The report date's and the due-soon window's cells; null on the plan form. */
  reportDateCell: string | null;
  windowCell: string | null;
  /** Rows of the task areas' group rows, and the empty task rows under each. */
  areas: { row: number; title: string; taskRows: number[] }[];
}

export function taskSheetEdits(input: TaskSheetInput): { edits: SheetWriter["edits"]; layout: TaskSheetLayout } {
  const { sheet } = input;
  const { year } = input.heading;
  const form = input.form ?? "ke-hoach";
  const report = form === "bao-cao";
  const C = TASK_COLS;
  const P = TASK_PLAN_COLS;
  const last = report ? TASK_LAST_COL : P.note;
  const widths = report ? TASK_WIDTHS : TASK_PLAN_WIDTHS;
  const headers = report ? TASK_HEADERS : TASK_PLAN_HEADERS;
  const perArea = input.rowsPerArea ?? TASK_ROWS_PER_AREA;
  const w = new SheetWriter(sheet);
  w.push({ op: "addSheet", sheet });
  writeHeading(w, { ...input.heading, numeral: "II", title: `Danh mục các nhiệm vụ trọng tâm năm ${year}`, lastCol: widths.length, leftCols: 3, widths });
  if (report) {
    writeSetting(w, REPORT_DATE_ROW, C.flag, "Ngày báo cáo:", reportDateInput(input.reportDate, input.today), { numberFormat: DATE_FORMAT });
    writeSetting(w, WINDOW_ROW, C.flag, "Số ngày cảnh báo sắp đến hạn:", input.dueSoonDays ?? DUE_SOON_DAYS, { numberFormat: "0" });
  }
  const asOf = absolute(REPORT_DATE_ROW, C.flag);
  const window = absolute(WINDOW_ROW, C.flag);

  const first = HEADER_ROW + 1;
  const rows: CellInput[][] = [];
  const areas: TaskSheetLayout["areas"] = [];
  let row = first;
  TASK_AREAS.forEach((title, i) => {
    const area = { row, title, taskRows: [] as number[] };
    const blank = Array<CellInput>(last).fill(null);
    rows.push([ROMAN[i], null, title, ...blank.slice(3)]);
    row++;
    for (let k = 0; k < perArea; k++) {
      const cells = [...blank];
      if (report) {
        cells[C.flag - 1] = {
          formula: flagFormula({ due: a1(row, C.dueDate), status: a1(row, C.status), completed: a1(row, C.completedValue), asOf, window }),
          value: "", // an empty row: no due date, no flag
        };
        cells[C.completedText - 1] = { formula: dateTextFormula(a1(row, C.completedOn)), value: "" };
        cells[C.completedValue - 1] = { formula: dateValueFormula(a1(row, C.completedText)), value: "" };
      }
      rows.push(cells);
      area.taskRows.push(row);
      row++;
    }
    areas.push(area);
  });
  const lastRow = first + rows.length - 1;

  w.style(`A${HEADER_ROW}:${a1(lastRow, last)}`, { fontName: FONT, fontSize: TABLE_SIZE, border: true, wrap: true, vertical: "middle" });
  w.style(rowRange(HEADER_ROW, 1, last), { bold: true, horizontal: "center", fill: COLORS.headerFill });
  const centred = report ? [C.number, C.code, C.deadline, C.dueDate, C.status, C.completedOn, C.flag] : [P.number, P.code, P.deadline];
  for (const c of centred) w.style(colRange(c, first, lastRow), { horizontal: "center" });
  for (const a of areas) {
    w.style(rowRange(a.row, 1, last), { bold: true, fill: COLORS.groupFill });
    // The area's title runs across the table rather than wrapping in the narrow task column.
    w.merge(rowRange(a.row, C.name, last));
  }
  if (report) {
    for (const c of [C.dueDate, C.completedOn, C.completedValue]) w.style(colRange(c, first, lastRow), { numberFormat: DATE_FORMAT });
    w.style(`${a1(HEADER_ROW, C.completedText)}:${a1(lastRow, C.completedValue)}`, { fontName: FONT, fontSize: TABLE_SIZE });
    // The completion date as text is not displayed (its value stays, for the formulas):
    // text in a hidden column runs out of it in LibreOffice, which counts it into the width it fits to the page.
    w.style(colRange(C.completedText, first, lastRow), { numberFormat: ";;;" });
  }

  w.values(HEADER_ROW, 1, [report ? [...headers, DATE_HELPERS.text, DATE_HELPERS.value] : headers]);
  w.values(first, 1, rows);
  w.rowHeight(HEADER_ROW, rowHeightFor(headers.map((text, i) => ({ text, width: widths[i], bold: true }))));
  // Group rows only: the empty task rows keep no height of their own, so Excel fits
  // them to what the official types.
  const across = widths.slice(C.name - 1, last).reduce((a, b) => a + b, 0);
  for (const a of areas) w.rowHeight(a.row, rowHeightFor([{ text: a.title, width: across, bold: true }]));

  w.push(
    {
      op: "columnWidths",
      sheet,
      widths: report
        ? [...TASK_WIDTHS.map((width, i) => ({ col: i + 1, width })), ...[C.completedText, C.completedValue].map((col) => ({ col, width: 10, hidden: true }))]
        : TASK_PLAN_COMPUTED_WIDTHS.map((computed, i) => {
            const width = TASK_PLAN_WIDTHS[i];
            return width > 0 ? { col: i + 1, width } : { col: i + 1, width: i + 1 === P.code ? CODE_WIDTH : computed, hidden: true };
          }),
    },
    { op: "freeze", sheet, rows: HEADER_ROW },
    pageSetupFor(sheet, { widths, tableSize: TABLE_SIZE, titleRows: `${HEADER_ROW}:${HEADER_ROW}` }),
  );
  if (report) {
    w.push(
      { op: "dateValidation", sheet, range: a1(REPORT_DATE_ROW, C.flag), prompt: REPORT_DATE_PROMPT },
      {
        op: "listValidation",
        sheet,
        range: colRange(C.status, first, lastRow),
        source: input.lists.statuses,
        prompt: { title: "Tình trạng", message: "Chọn: Chưa thực hiện, Đang thực hiện hoặc Hoàn thành." },
      },
      {
        op: "dateValidation",
        sheet,
        range: colRange(C.completedOn, first, lastRow),
        prompt: { title: "Ngày hoàn thành", message: "Nhập ngày hoàn thành theo dạng ngày/tháng/năm, ví dụ 30/06/2026." },
      },
    );
  }
  if (input.lists.bodies) w.push(leadValidation(sheet, colRange(C.lead, first, lastRow), input.lists.bodies));
  // "Hoàn thành quá hạn" is amber, not red: the work is done (nothing left to chase),
  // but late, which the report should still show. Red is kept for what needs action now.
  if (report) {
    for (const [flag, color] of [
      ["overdue", COLORS.red],
      ["due-soon", COLORS.amber],
      ["done-late", COLORS.amber],
      ["done", COLORS.green],
    ] as const) {
      w.push({ op: "conditionalFormat", sheet, range: colRange(C.flag, first, lastRow), equals: FLAG_LABELS[flag], fill: color.fill, fontColor: color.font });
    }
  }
  return {
    edits: w.edits,
    layout: {
      sheet,
      form,
      headerRow: HEADER_ROW,
      firstRow: first,
      lastRow,
      lastCol: last,
      reportDateCell: report ? a1(REPORT_DATE_ROW, C.flag) : null,
      windowCell: report ? a1(WINDOW_ROW, C.flag) : null,
      areas,
    },
  };
}
