/**
 * Task status and the overdue flag as of a report date. The as-of date is always a
 * parameter: the domain never reads the clock.
 */
import type { CellValue } from "./snapshot";
import type { Deadline } from "./deadline";
import { clean, foldKey } from "./text";
import { daysBetween, daysInMonth, fromExcelSerial, isoDate, isPlausibleSerial, isValidDate, parseIso, toExcelSerial, type IsoDate } from "./dates";

export type TaskStatus = "done" | "in-progress" | "not-started";
export type TaskFlag = "overdue" | "due-soon" | "done" | "done-late" | "no-date" | "recurring" | "none";

export const STATUS_LABELS: Record<TaskStatus, string> = {
  "not-started": "Chưa thực hiện",
  "in-progress": "Đang thực hiện",
  done: "Hoàn thành",
};

/** What the "Cảnh báo" column shows for each flag ("" for none). */
export const FLAG_LABELS: Record<TaskFlag, string> = {
  overdue: "Quá hạn",
  "due-soon": "Sắp đến hạn",
  done: "Hoàn thành",
  "done-late": "Hoàn thành quá hạn",
  "no-date": "",
  recurring: "",
  none: "",
};

/** Default "Sắp đến hạn" window, in days. */
export const DUE_SOON_DAYS = 15;

// "Done" is decided by substrings, case-insensitively, exactly as `flagFormula`'s
// SEARCH calls decide it (with and without accents), so the add-in's report and the
// sheet's "Cảnh báo" column never disagree. "Xong", "Đã thực hiện" are done; "Không
// hoàn thành", "Chưa xong", "Hoàn thành một phần" are not ("Đã hoàn thành, đang vận
// hành" is: "đang" alone does not undo a completion).
export const DONE_WORDS = ["hoàn thành", "hoan thanh", "xong", "đã thực hiện", "da thuc hien"];
export const NOT_DONE_WORDS = ["chưa", "chua", "không", "khong", "một phần", "mot phan"];

/** The status text says done, by the same test the sheet formula runs. */
export function isDoneStatus(value: CellValue): boolean {
  const t = String(value).toLowerCase(); // (null is "null": no word of either list)
  return DONE_WORDS.some((w) => t.includes(w)) && !NOT_DONE_WORDS.some((w) => t.includes(w));
}

/**
 * Status as typed: "Hoàn thành", "Đã hoàn thành", "Xong" → done; "Đang thực hiện",
 * "Đang triển khai", "Hoàn thành một phần" → in progress; "Chưa thực hiện", "Chưa hoàn thành", blank →
 * not started (blank: nothing reported). Done mirrors the sheet formula's test
 * (`isDoneStatus`).
 */
export function parseStatus(value: CellValue): TaskStatus | null {
  if (value === null || (typeof value === "string" && clean(value) === "")) return null;
  const k = foldKey(String(value));
  if (isDoneStatus(value)) return "done";
  if (/^dang\b|dang thuc hien|dang trien khai|mot phan/.test(k)) return "in-progress";
  return "not-started";
}

/**
 * A date typed as text, as officials write one: "28/03/2026", "8/3/2026", "28-03-2026",
 * "28.03.2026", "ngày 28 tháng 3 năm 2026". The sheet's formulas read exactly these
 * (`dateTextFormula`): the words "ngày", "tháng", "năm" and the separators "-" "." are
 * settled into "/", and day, month and year are the first three parts.
 */
export function parseDateText(text: string): IsoDate | null {
  let t = text.normalize("NFC").toLocaleLowerCase("vi");
  for (const [from, to] of DATE_WORDS) t = t.split(from).join(to);
  const parts = t.split("/");
  if (parts.length !== 3 || !parts.every((p) => /^\s*\d+\s*$/.test(p))) return null;
  const [d, m, y] = parts.map(Number); // (Number ignores the spaces around digits)
  return isValidDate(y, m, d) ? isoDate(y, m, d) : null; // (a year from 1900)
}

export const DATE_WORDS: [string, string][] = [
  ["ngày", ""],
  ["tháng", "/"],
  ["năm", "/"],
  ["-", "/"],
  [".", "/"],
];

/** A completion date cell: a real date (serial) or a date typed as text. */
export function parseDateCell(value: CellValue): IsoDate | null {
  if (typeof value === "number" && isPlausibleSerial(value)) return fromExcelSerial(value);
  if (typeof value === "string") return parseDateText(value);
  return null;
}

/**
 * Labels of the two hidden helper columns that read a completion date once, for the
 * flag (and a monthly due date) beside them: the cell tidied into "d/m/yyyy", then the
 * date as a serial. Computed columns are recognised by their labels (reader.ts).
 */
export const DATE_HELPERS = {
  text: "Dạng chuẩn của ngày hoàn thành (tự động)",
  value: "Dạng số của ngày hoàn thành (tự động)",
} as const;

/** Width each "/" of a date typed as text is widened to, so that its parts fall in fixed windows. */
export const PART = 40;


/** What the two date helpers show for a completion cell (their cached values). */
export function dateHelperValues(value: CellValue): { text: number | string; value: number | "" } {
  const date = parseDateCell(value);
  const serial = date === null ? "" : toExcelSerial(date);
  if (typeof value === "number") return { text: value, value: serial };
  if (value === null || value === undefined) return { text: "", value: "" };
  let t = String(value).toLocaleLowerCase("vi"); // (TRUE, as LOWER writes it, is "true")
  for (const [from, to] of DATE_WORDS) t = t.split(from).join(to);
  return { text: t.split("/").join(" ".repeat(PART)), value: serial };
}

/** A deadline on a fixed day of every month ("trước ngày 20 hằng tháng"). */
function monthlyDay(deadline: Deadline | null): number | null {
  return deadline?.kind === "recurring" && deadline.dayOfMonth ? deadline.dayOfMonth : null;
}

/**
 * The due date the sheet's "Hạn hoàn thành (ngày)" column holds: the deadline's last
 * day; for a monthly deadline on a fixed day ("ngày 20 hằng tháng") the due day of the
 * month's report that is owed, read from the completion date (the last time the work
 * was done; a month's report counts as done when it was done in that month):
 * - done this month: next month's day;
 * - not done this month: this month's day, which is overdue once the report date is
 *   past it; and last month's day, overdue, when last month's was not done either;
 * - no completion date: the coming day (this month's, or next month's once this
 *   month's has passed), never overdue: nothing says a report was missed.
 * A day past a month's end means its last day ("ngày 31" in June: 30/06).
 */
export function dueDateOf(deadline: Deadline | null, asOf: IsoDate, completedOn: IsoDate | null = null): IsoDate | null {
  if (!deadline) return null;
  if (deadline.kind === "date") return deadline.due;
  const day = monthlyDay(deadline);
  if (day === null) return null;
  const { year, month } = parseIso(asOf);
  const on = (months: number) => {
    const m = month - 1 + months;
    const y = year + Math.floor(m / 12);
    const mm = (((m % 12) + 12) % 12) + 1;
    return isoDate(y, mm, Math.min(day, daysInMonth(y, mm)));
  };
  const thisMonth = on(0);
  // Stryker disable next-line StringLiteral: an ISO date is never below its month's first day, so its month's prefix ("2026-11-") compares alike
  const firstOf = (months: number) => on(months).slice(0, 8) + "01";
  if (completedOn === null) return asOf <= thisMonth ? thisMonth : on(1);
  if (completedOn >= firstOf(0)) return on(1);
  if (asOf > thisMonth || completedOn >= firstOf(-1)) return thisMonth;
  return on(-1);
}

export interface TaskState {
  status: TaskStatus | null;
  dueDate: IsoDate | null;
  completedOn: IsoDate | null;
  flag: TaskFlag;
  /** Days past the due date (overdue) or left before it (due soon). */
  days: number | null;
}

export function taskState(input: {
  deadline: Deadline | null;
  status: TaskStatus | null;
  completedOn: IsoDate | null;
  asOf: IsoDate;
  dueSoonDays?: number;
}): TaskState {
  const window = input.dueSoonDays ?? DUE_SOON_DAYS;
  const dueDate = dueDateOf(input.deadline, input.asOf, input.completedOn);
  const base = { status: input.status, dueDate, completedOn: input.completedOn };
  // A monthly report owed and past its day is overdue whatever the status says: "Hoàn
  // thành" there is about an earlier month (dueDateOf read the completion date).
  if (monthlyDay(input.deadline) !== null && dueDate !== null && dueDate < input.asOf) {
    return { ...base, flag: "overdue", days: daysBetween(dueDate, input.asOf) };
  }
  if (input.status === "done") {
    const late = dueDate !== null && input.completedOn !== null && input.completedOn > dueDate;
    return { ...base, flag: late ? "done-late" : "done", days: late ? daysBetween(dueDate!, input.completedOn!) : null };
  }
  if (dueDate === null) {
    return { ...base, flag: input.deadline?.kind === "recurring" ? "recurring" : "no-date", days: null };
  }
  const left = daysBetween(input.asOf, dueDate);
  if (left < 0) return { ...base, flag: "overdue", days: -left };
  if (left <= window) return { ...base, flag: "due-soon", days: left };
  return { ...base, flag: "none", days: null };
}
