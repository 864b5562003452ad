/**
 * Task status and the overdue flag as of a report date. The as-of date is always a
 * parameter: the domain never reads the clock.
 */
import type { CellValue } from "./snapshot";
import type { Deadline } from "./deadline";
import { clean, foldKey } from "./text";
import { daysBetween, daysInMonth, fromExcelSerial, isoDate, isPlausibleSerial, parseIso, type IsoDate } from "./dates";

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
// sheet's "Cảnh báo" column never disagree. "Không hoàn thành" is not done.
const DONE_WORDS = ["hoàn thành", "hoan thanh"];
const NOT_DONE_WORDS = ["chưa", "chua", "không", "khong"];

/** The status text says done, by the same test the sheet formula runs. */
export function isDoneStatus(value: CellValue): boolean {
  if (value === null) return false;
  const t = String(value).toLowerCase();
  return DONE_WORDS.some((w) => t.includes(w)) && !NOT_DONE_WORDS.some((w) => t.includes(w));
}

/**
 * Status as typed: "Hoàn thành", "Đã hoàn thành" → done; "Đang thực hiện",
 * "Đang triển khai" → in progress; "Chưa thực hiện", "Chưa hoàn thành", blank →
 * not started (blank: nothing reported). Done mirrors the sheet formula's test
 * (`isDoneStatus`).
 */
export function parseStatus(value: CellValue): TaskStatus | null {
  if (value === null || (typeof value === "string" && clean(value) === "")) return null;
  const k = foldKey(String(value));
  if (isDoneStatus(value)) return "done";
  if (/^dang\b|dang thuc hien|dang trien khai/.test(k)) return "in-progress";
  return "not-started";
}

/** A completion date cell: a real date (serial) or a typed dd/mm/yyyy. */
export function parseDateCell(value: CellValue): IsoDate | null {
  if (typeof value === "number" && isPlausibleSerial(value)) return fromExcelSerial(value);
  if (typeof value === "string") {
    const m = clean(value).match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/);
    if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  }
  return null;
}

/**
 * The due date the sheet's "Hạn hoàn thành (ngày)" column holds: the deadline's
 * last day, or for "trước ngày 20 hằng tháng" the 20th of the report month.
 */
export function dueDateOf(deadline: Deadline | null, asOf: IsoDate): IsoDate | null {
  if (!deadline) return null;
  if (deadline.kind === "date") return deadline.due;
  if (deadline.kind === "recurring" && deadline.dayOfMonth) {
    const { year, month } = parseIso(asOf);
    // "trước ngày 31 hằng tháng" in a 30-day month means its last day (as monthlyDueFormula).
    return isoDate(year, month, Math.min(deadline.dayOfMonth, daysInMonth(year, month)));
  }
  return null;
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
  const dueDate = dueDateOf(input.deadline, input.asOf);
  const base = { status: input.status, dueDate, completedOn: input.completedOn };
  if (input.status === "done") {
    const late = dueDate !== null && input.completedOn !== null && input.completedOn > dueDate;
    return { ...base, flag: late ? "done-late" : "done", days: late ? daysBetween(dueDate!, input.completedOn!) : null };
  }
  if (dueDate === null) {
    return { ...base, flag: input.deadline?.kind === "recurring" ? "recurring" : input.deadline ? "no-date" : "no-date", days: null };
  }
  const left = daysBetween(input.asOf, dueDate);
  if (left < 0) return { ...base, flag: "overdue", days: -left };
  if (left <= window) return { ...base, flag: "due-soon", days: left };
  return { ...base, flag: "none", days: null };
}

/**
 * The sheet formulas for one task row, computing what `taskState` computes:
 * the "Cảnh báo" flag from the due-date, status and completion cells, the report
 * date and the due-soon window (absolute references to single cells).
 */
export function flagFormula(refs: { due: string; status: string; completedOn: string; asOf: string; window: string }): string {
  const { due, status, completedOn, asOf, window } = refs;
  const has = (w: string) => `ISNUMBER(SEARCH("${w}",${status}))`;
  const done = `AND(OR(${DONE_WORDS.map(has).join(",")}),NOT(OR(${NOT_DONE_WORDS.map(has).join(",")})))`;
  return (
    `=IF(${done},IF(AND(ISNUMBER(${due}),ISNUMBER(${completedOn})),IF(${completedOn}>${due},"Hoàn thành quá hạn","Hoàn thành"),"Hoàn thành"),` +
    `IF(NOT(ISNUMBER(${due})),"",IF(${due}<${asOf},"Quá hạn",IF(${due}-${asOf}<=${window},"Sắp đến hạn",""))))`
  );
}

/** The due-date formula for a monthly deadline on a fixed day ("trước ngày 20 hằng tháng"). */
export function monthlyDueFormula(day: number, asOf: string): string {
  if (day <= 28) return `=DATE(YEAR(${asOf}),MONTH(${asOf}),${day})`;
  // DATE would roll the 31st of a 30-day month into the next month; stop at the month's last day.
  return `=DATE(YEAR(${asOf}),MONTH(${asOf}),MIN(${day},DAY(DATE(YEAR(${asOf}),MONTH(${asOf})+1,0))))`;
}
