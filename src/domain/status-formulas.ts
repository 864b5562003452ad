/**
 * The formulas compute writes into a task table: two hidden helpers that read a
 * completion date once (as `parseDateCell` reads it), a monthly deadline's due date (as
 * `dueDateOf` computes it) and the "Cảnh báo" flag (as `taskState` decides it). Formula
 * text is held to the hand-written boundaries and to the domain by recalculating it in
 * LibreOffice (the suites of jest.stryker-formulas.config.js), which is also how
 * `npm run mutate:formulas` tests its mutants.
 */
import { DATE_WORDS, DONE_WORDS, FLAG_LABELS, NOT_DONE_WORDS, PART } from "./status";

/**
 * The first date helper: a date typed as text with the words "ngày", "tháng", "năm" and
 * the separators "-" "." "/" settled, as `parseDateText` settles them, into runs of 40
 * spaces ("28/3/2026" → "28", 40 spaces, "3", 40 spaces, "2026"), so that day, month
 * and year fall in fixed windows of the text; a number (a real date) stays the number.
 */
export function dateTextFormula(ref: string): string {
  let s = `LOWER(${ref})`;
  for (const [from, to] of DATE_WORDS) s = `SUBSTITUTE(${s},"${from}","${to}")`;
  return `=IF(ISNUMBER(${ref}),${ref},SUBSTITUTE(${s},"/",REPT(" ",${PART})))`;
}

/**
 * The second date helper: the date `parseDateCell` reads, as a serial, or "". A number
 * is a date when it is a plausible serial (isPlausibleSerial); text in the first
 * helper's form is taken apart with text functions (day, month and year cut out of
 * their windows) and put together with DATE — never DATEVALUE, whose reading of
 * "03/04/2026" depends on the machine's locale. Digits and spaces only, three parts and
 * no fourth; a day the month does not have (31/02) or a year before 1900 gives "".
 */
export function dateValueFormula(text: string): string {
  const a = text;
  const day = `VALUE(LEFT(${a},${PART}))`;
  // A window starting two characters earlier reads the same digits (a day, month or year is
  // a few characters, far shorter than its 40-character window): the marks below.
  // Stryker disable next-line ArithmeticOperator: equivalent, see above
  const month = `VALUE(MID(${a},${PART + 1},${PART}))`;
  // Stryker disable next-line ArithmeticOperator: equivalent, see above
  const year = `VALUE(MID(${a},${2 * PART + 1},${PART}))`;
  const date = `DATE(${year},${month},${day})`;
  const valid = [
    `SUMPRODUCT(LEN(${a})-LEN(SUBSTITUTE(${a},{0,1,2,3,4,5,6,7,8,9," "},"")))=LEN(${a})`,
    // Stryker disable next-line ArithmeticOperator: equivalent, see above
    `TRIM(MID(${a},${3 * PART + 1},999))=""`,
    `MONTH(${date})=${month}`,
    `${year}>=1900`,
  ];
  // Dividing by FALSE is an error, which IFERROR turns into "".
  return `=IF(ISNUMBER(${a}),IF(AND(${a}>=30000,${a}<=100000),INT(${a}),""),IFERROR(${date}/(${valid.join(")/(")}),""))`;
}

/** The cells a task row's "Cảnh báo" formula reads (the report date and window as absolute references). */
export interface FlagRefs {
  due: string;
  status: string;
  /** The completion date's second helper (dateValueFormula): a serial or "". */
  completed: string;
  asOf: string;
  window: string;
}

/**
 * The "Cảnh báo" formula for one task row, computing what `taskState` computes from
 * the due-date, status and completion cells, the report date and the due-soon window.
 * `monthly`: the row's deadline is a fixed day of every month, whose due date
 * (monthlyDueFormula) is past the report date only when a month's report is owed.
 */
export function flagFormula(refs: FlagRefs, monthly = false): string {
  const { due, status, completed, asOf, window } = refs;
  const any = (words: string[]) => `SUMPRODUCT(--ISNUMBER(SEARCH({${words.map((w) => `"${w}"`).join(",")}},${status})))`;
  const done = `AND(${any(DONE_WORDS)},NOT(${any(NOT_DONE_WORDS)}))`;
  // Late only when both dates are there (an empty due cell is 0 to arithmetic; "" > a number is TRUE).
  const finished = `IF(ISNUMBER(${completed})*ISNUMBER(${due})*(${completed}>${due}),"${FLAG_LABELS["done-late"]}","${FLAG_LABELS.done}")`;
  const open = `IF(ISNUMBER(${due}),IF(${due}<${asOf},"${FLAG_LABELS.overdue}",IF(${due}-${asOf}<=${window},"${FLAG_LABELS["due-soon"]}","")),"")`;
  const flag = `IF(${done},${finished},${open})`;
  return monthly ? `=IF(AND(ISNUMBER(${due}),${due}<${asOf}),"${FLAG_LABELS.overdue}",${flag})` : `=${flag}`;
}

/**
 * The due-date formula for a monthly deadline on a fixed day ("ngày 20 hằng tháng"),
 * computing what `dueDateOf` computes from the report date and the completion date's
 * second helper (a serial or ""): next month's day when this month's report is done,
 * this month's while it is owed (or, with no completion date, until it has passed),
 * last month's when that one was not done either. A day past a month's end means its
 * last day: the smaller of the day (which DATE rolls into the next month) and the
 * month's end.
 */
export function monthlyDueFormula(day: number, asOf: string, completed: string): string {
  const on = (months: number) => {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: "MONTH(…)+0" and "MONTH(…)+-1" compute what "MONTH(…)" and "MONTH(…)-1" do; the test only keeps the formula tidy
    const shift = months > 0 ? `+${months}` : months < 0 ? String(months) : "";
    const date = `DATE(YEAR(${asOf}),MONTH(${asOf})${shift},${day})`;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: every month has day 28, so MIN with the month's end is the date itself; the test only keeps the formula short
    return day <= 28 ? date : `MIN(${date},EOMONTH(${asOf},${months}))`;
  };
  const firstOf = (months: number) => `DATE(YEAR(${asOf}),MONTH(${asOf})${months ? String(months) : ""},1)`;
  const known = `ISNUMBER(${completed})`;
  return (
    `=IF(${known},IF(${completed}>=${firstOf(0)},${on(1)},IF(OR(${asOf}>${on(0)},${completed}>=${firstOf(-1)}),${on(0)},${on(-1)})),` +
    `IF(${asOf}<=${on(0)},${on(0)},${on(1)}))`
  );
}
