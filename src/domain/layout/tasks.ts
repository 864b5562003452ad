/**
 * Appendix II: the tasks (nhiệm vụ), laid out for the "6 rõ" (who, what, when,
 * responsibility, product, authority), grouped by the task areas the plans share,
 * with a live "Cảnh báo" (overdue / due soon) against the sheet's report date.
 */
import type { CellInput } from "../edits";
import type { Deadline } from "../deadline";
import type { IsoDate } from "../dates";
import { toExcelSerial } from "../dates";
import { DATE_HELPERS, DUE_SOON_DAYS, FLAG_LABELS, dateTextFormula, dateValueFormula, dueDateOf, flagFormula, monthlyDueFormula } from "../status";
import { a1 } from "../address";
import {
  BODY_SIZE,
  COLORS,
  DATE_FORMAT,
  FONT,
  HEADER_ROW,
  REPORT_DATE_PROMPT,
  REPORT_DATE_ROW,
  SheetWriter,
  WINDOW_ROW,
  absolute,
  colRange,
  leadValidation,
  reportDateInput,
  rowHeightFor,
  rowRange,
  writeHeading,
  writeSetting,
  type HeadingInput,
} from "./common";
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
  /** Hidden helpers: the completion date read once (status.ts's date helpers). */
  completedText: 14,
  completedValue: 15,
} as const;

export const TASK_LAST_COL = TASK_COLS.note;

/** Widths of columns A–M, in characters. */
export const TASK_WIDTHS = [5, 8, 40, 22, 16, 20, 16, 15, 13, 16, 13, 20, 12];

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
  heading: Omit<HeadingInput, "numeral" | "title" | "lastCol" | "leftCols">;
  reportDate?: IsoDate | null;
  /** Today, the value =TODAY() shows until recalculated. */
  today?: IsoDate | null;
  dueSoonDays?: number;
  rowsPerArea?: number;
  lists: ListRefs;
}

export interface TaskSheetLayout {
  sheet: string;
  headerRow: number;
  firstRow: number;
  lastRow: number;
  reportDateCell: string;
  windowCell: string;
  /** Rows of the task areas' group rows, and the empty task rows under each. */
  areas: { row: number; title: string; taskRows: number[] }[];
}

export function taskSheetEdits(input: TaskSheetInput): { edits: SheetWriter["edits"]; layout: TaskSheetLayout } {
  const { sheet } = input;
  const { year } = input.heading;
  const C = TASK_COLS;
  const last = TASK_LAST_COL;
  const perArea = input.rowsPerArea ?? TASK_ROWS_PER_AREA;
  const w = new SheetWriter(sheet);
  w.push({ op: "addSheet", sheet });
  writeHeading(w, { ...input.heading, numeral: "II", title: `Danh mục các nhiệm vụ trọng tâm năm ${year}`, lastCol: last, leftCols: 3 });
  writeSetting(w, REPORT_DATE_ROW, C.flag, "Ngày báo cáo:", reportDateInput(input.reportDate, input.today), { numberFormat: DATE_FORMAT });
  writeSetting(w, WINDOW_ROW, C.flag, "Số ngày cảnh báo sắp đến hạn:", input.dueSoonDays ?? DUE_SOON_DAYS, { numberFormat: "0" });
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
      cells[C.flag - 1] = {
        formula: flagFormula({ due: a1(row, C.dueDate), status: a1(row, C.status), completed: a1(row, C.completedValue), asOf, window }),
        value: "", // an empty row: no due date, no flag
      };
      cells[C.completedText - 1] = { formula: dateTextFormula(a1(row, C.completedOn)), value: "" };
      cells[C.completedValue - 1] = { formula: dateValueFormula(a1(row, C.completedText)), value: "" };
      rows.push(cells);
      area.taskRows.push(row);
      row++;
    }
    areas.push(area);
  });
  const lastRow = first + rows.length - 1;

  w.style(`A${HEADER_ROW}:${a1(lastRow, last)}`, { fontName: FONT, fontSize: BODY_SIZE, border: true, wrap: true, vertical: "middle" });
  w.style(rowRange(HEADER_ROW, 1, last), { bold: true, horizontal: "center", fill: COLORS.headerFill });
  for (const c of [C.number, C.code, C.deadline, C.dueDate, C.status, C.completedOn, C.flag]) w.style(colRange(c, first, lastRow), { horizontal: "center" });
  for (const a of areas) w.style(rowRange(a.row, 1, last), { bold: true, fill: COLORS.groupFill });
  for (const c of [C.dueDate, C.completedOn, C.completedText, C.completedValue]) w.style(colRange(c, first, lastRow), { numberFormat: DATE_FORMAT });

  w.values(HEADER_ROW, 1, [[...TASK_HEADERS, DATE_HELPERS.text, DATE_HELPERS.value]]);
  w.values(first, 1, rows);
  w.rowHeight(HEADER_ROW, rowHeightFor(TASK_HEADERS.map((text, i) => ({ text, width: TASK_WIDTHS[i], bold: true }))));
  // Group rows only: the empty task rows keep no height of their own, so Excel fits
  // them to what the official types.
  for (const a of areas) w.rowHeight(a.row, rowHeightFor([{ text: a.title, width: TASK_WIDTHS[C.name - 1], bold: true }]));

  w.push(
    {
      op: "columnWidths",
      sheet,
      widths: [
        ...TASK_WIDTHS.map((width, i) => ({ col: i + 1, width })),
        ...[C.completedText, C.completedValue].map((col) => ({ col, width: 10, hidden: true })),
      ],
    },
    { op: "freeze", sheet, rows: HEADER_ROW },
    { op: "pageSetup", sheet, orientation: "landscape", fitToWidth: true, printTitleRows: `${HEADER_ROW}:${HEADER_ROW}` },
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
  if (input.lists.bodies) w.push(leadValidation(sheet, colRange(C.lead, first, lastRow), input.lists.bodies));
  // "Hoàn thành quá hạn" is amber, not red: the work is done (nothing left to chase),
  // but late, which the report should still show. Red is kept for what needs action now.
  for (const [flag, color] of [
    ["overdue", COLORS.red],
    ["due-soon", COLORS.amber],
    ["done-late", COLORS.amber],
    ["done", COLORS.green],
  ] as const) {
    w.push({ op: "conditionalFormat", sheet, range: colRange(C.flag, first, lastRow), equals: FLAG_LABELS[flag], fill: color.fill, fontColor: color.font });
  }
  return {
    edits: w.edits,
    layout: {
      sheet,
      headerRow: HEADER_ROW,
      firstRow: first,
      lastRow,
      reportDateCell: a1(REPORT_DATE_ROW, C.flag),
      windowCell: a1(WINDOW_ROW, C.flag),
      areas,
    },
  };
}
