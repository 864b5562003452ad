/**
 * Task status and the overdue flag as of a report date. The as-of date is always a
 * parameter: the domain never reads the clock.
 */
import type { CellValue } from "./snapshot";
import type { Deadline } from "./deadline";
import { clean, foldKey } from "./text";
import { daysBetween, daysInMonth, fromExcelSerial, isoDate, isPlausibleSerial, isValidDate, parseIso, type IsoDate } from "./dates";

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
  const [d, m, y] = parts.map((p) => Number(p.trim()));
  return y >= 1900 && isValidDate(y, m, d) ? isoDate(y, m, d) : null;
}

const DATE_WORDS: [string, string][] = [
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
 * The date in a cell as a formula expression: the serial when it holds a real date,
 * else the date `parseDateText` reads from its text, taken apart with text functions
 * (each "/" widened to 40 spaces, the parts cut out with LEFT/MID) and put together
 * with DATE — never DATEVALUE, whose reading of "03/04/2026" depends on the machine's
 * locale; a day the month does not have (31/02) or a year before 1900 gives "".
 */
export function dateTextFormula(ref: string): string {
  let s = `LOWER(${ref})`;
  for (const [from, to] of DATE_WORDS) s = `SUBSTITUTE(${s},"${from}","${to}")`;
  const wide = `SUBSTITUTE(${s},"/",REPT(" ",40))`;
  const day = `VALUE(LEFT(${wide},40))`;
  const month = `VALUE(MID(${wide},41,40))`;
  const year = `VALUE(MID(${wide},81,40))`;
  const date = `DATE(${year},${month},${day})`;
  // Dividing by FALSE is an error: a rolled-over day or an early year gives "".
  return `IF(ISNUMBER(${ref}),${ref},IFERROR(${date}/(MONTH(${date})=${month})/(${year}>=1900),""))`;
}

/**
 * The due date the sheet's "Hạn hoàn thành (ngày)" column holds: the deadline's
 * last day, or for a monthly deadline on a fixed day ("ngày 15 hằng tháng") the next
 * such day on or after the report date: recurring work is never overdue as a whole.
 */
export function dueDateOf(deadline: Deadline | null, asOf: IsoDate): IsoDate | null {
  if (!deadline) return null;
  if (deadline.kind === "date") return deadline.due;
  if (deadline.kind === "recurring" && deadline.dayOfMonth) {
    const { year, month } = parseIso(asOf);
    // "ngày 31 hằng tháng" in a 30-day month means its last day (as monthlyDueFormula).
    const on = (y: number, m: number) => isoDate(y, m, Math.min(deadline.dayOfMonth!, daysInMonth(y, m)));
    const thisMonth = on(year, month);
    return asOf <= thisMonth ? thisMonth : month === 12 ? on(year + 1, 1) : on(year, month + 1);
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
 * date and the due-soon window (absolute references to single cells). A completion
 * date typed as text is read as parseDateCell reads it.
 */
export function flagFormula(refs: { due: string; status: string; completedOn: string; asOf: string; window: string }): string {
  const { due, status, asOf, window } = refs;
  const completedOn = dateTextFormula(refs.completedOn);
  const has = (w: string) => `ISNUMBER(SEARCH("${w}",${status}))`;
  const done = `AND(OR(${DONE_WORDS.map(has).join(",")}),NOT(OR(${NOT_DONE_WORDS.map(has).join(",")})))`;
  // Late only when both dates are there: a completion date that is no date makes the
  // subtraction an error, and an empty due cell (which arithmetic reads as 0) is asked about first.
  return (
    `=IF(${done},IF(ISNUMBER(${due}),IFERROR(IF(${completedOn}-${due}>0,"Hoàn thành quá hạn","Hoàn thành"),"Hoàn thành"),"Hoàn thành"),` +
    `IF(NOT(ISNUMBER(${due})),"",IF(${due}<${asOf},"Quá hạn",IF(${due}-${asOf}<=${window},"Sắp đến hạn",""))))`
  );
}

/**
 * The due-date formula for a monthly deadline on a fixed day ("ngày 15 hằng tháng"):
 * this month's day while the report date has not passed it, else next month's
 * (DATE rolls month 13 into January). A day past a month's end means its last day.
 */
export function monthlyDueFormula(day: number, asOf: string): string {
  const on = (months: number) => {
    const d = day <= 28 ? String(day) : `MIN(${day},DAY(DATE(YEAR(${asOf}),MONTH(${asOf})+${months + 1},0)))`;
    return `DATE(YEAR(${asOf}),MONTH(${asOf})${months ? `+${months}` : ""},${d})`;
  };
  return `=IF(${asOf}<=${on(0)},${on(0)},${on(1)})`;
}
