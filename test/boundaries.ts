/**
 * Boundary tables: the edges where a verdict or a flag flips, with the expected value
 * worked out by hand from the rule as officials state it (docs/domain.md), never
 * computed by the code under test. The same tables drive two tests: the domain
 * (test/boundaries.test.ts) and the sheet formulas compute writes, recalculated by
 * LibreOffice (test/boundaries-libreoffice.test.ts), so each is held to the hand value.
 *
 * The rules, as officials state them:
 * - Achievement: higher is better for ≥ and >, lower is better for ≤ and <, exact for =.
 *   Rate = result ÷ target (target ÷ result when lower is better), rounded to 4 decimals;
 *   Đạt when the target is met, Vượt when a ≥ / ≤ target is beaten, Chưa đạt otherwise.
 * - In a % row 60, 60% and 0,6 all mean 60%: a number above 1 is percentage points, up
 *   to 1 a fraction; a bare 1 in a plain cell (1% or 100%?) is not judged, 1 in a cell
 *   formatted as a percentage is 100%. In a row counting things the number is the count,
 *   and 0.5 of a thing is not judged.
 * - A task is overdue when it is not done and its due date is before the report date;
 *   due soon when the due date is the report date or at most the window's days after it;
 *   done late when its completion date is after its due date (on the day is on time).
 * - A deadline names the last day of its period; a period without a year takes the plan's.
 */
import type { CellValue } from "../src/domain/snapshot";

export type VerdictText = "Đạt" | "Vượt" | "Chưa đạt" | null;

export interface IndicatorCase {
  /** What the row is about, for the failure message. */
  what: string;
  unit: string;
  /** The target cell as typed (text, or a number with an optional format). */
  target: string | number;
  targetFormat?: string;
  result: string | number | null;
  resultFormat?: string;
  /** Expected by hand: result ÷ target (or target ÷ result) rounded to 4 decimals, or null. */
  rate: number | null;
  verdict: VerdictText;
}

// ≥ 60%: 59% falls short, 60% meets it, 61% goes beyond.
// > 2: 2 is not more than 2. ≤ 5%: 5% meets it, 4% beats it. < 10: 10 is not less.
// = 5: only 5. Rates: 0.59/0.6 = 0.98333…, 0.61/0.6 = 1.01666…, 0.05/0.04 = 1.25,
// 0.05/0.06 = 0.8333…, 10/9 = 1.1111…, 10/11 = 0.90909…
export const COMPARATOR_CASES: IndicatorCase[] = [
  { what: "≥ 60%, 59% just below", unit: "%", target: "≥ 60%", result: 59, rate: 0.9833, verdict: "Chưa đạt" },
  { what: "≥ 60%, exactly 60%", unit: "%", target: "≥ 60%", result: 60, rate: 1, verdict: "Đạt" },
  { what: "≥ 60%, 61% just above", unit: "%", target: "≥ 60%", result: 61, rate: 1.0167, verdict: "Vượt" },
  { what: "≥ 60%, 59,99% a hair below", unit: "%", target: "≥ 60%", result: "59,99%", rate: 0.9998, verdict: "Chưa đạt" },
  { what: "≥ 60%, 60,01% a hair above", unit: "%", target: "≥ 60%", result: "60,01%", rate: 1.0002, verdict: "Vượt" },
  { what: "từ 60% trở lên, 0,6 typed as text", unit: "%", target: "từ 60% trở lên", result: "0,6", rate: 1, verdict: "Đạt" },
  { what: "> 2, 1 below", unit: "Mô hình", target: "> 2", result: 1, rate: 0.5, verdict: "Chưa đạt" },
  { what: "> 2, exactly 2 is not more", unit: "Mô hình", target: "> 2", result: 2, rate: 1, verdict: "Chưa đạt" },
  { what: "> 2, 3 above", unit: "Mô hình", target: "> 2", result: 3, rate: 1.5, verdict: "Đạt" },
  { what: "trên 50%, exactly 50% is not above", unit: "%", target: "trên 50%", result: 50, rate: 1, verdict: "Chưa đạt" },
  { what: "≤ 5%, 4% beats it", unit: "%", target: "≤ 5%", result: 4, rate: 1.25, verdict: "Vượt" },
  { what: "≤ 5%, exactly 5%", unit: "%", target: "≤ 5%", result: 5, rate: 1, verdict: "Đạt" },
  { what: "≤ 5%, 6% misses it", unit: "%", target: "≤ 5%", result: 6, rate: 0.8333, verdict: "Chưa đạt" },
  { what: "không quá 5%, 0 is the best", unit: "%", target: "không quá 5%", result: 0, rate: 1, verdict: "Vượt" },
  { what: "< 10, 9 is less", unit: "Hồ sơ", target: "< 10", result: 9, rate: 1.1111, verdict: "Đạt" },
  { what: "< 10, exactly 10 is not less", unit: "Hồ sơ", target: "< 10", result: 10, rate: 1, verdict: "Chưa đạt" },
  { what: "< 10, 11 above", unit: "Hồ sơ", target: "< 10", result: 11, rate: 0.9091, verdict: "Chưa đạt" },
  { what: "dưới 10, 0 is less", unit: "Hồ sơ", target: "dưới 10", result: 0, rate: 1, verdict: "Đạt" },
  { what: "= 5, 4 below", unit: "Sáng kiến", target: "= 5", result: 4, rate: 0.8, verdict: "Chưa đạt" },
  { what: "= 5, exactly 5", unit: "Sáng kiến", target: "= 5", result: 5, rate: 1, verdict: "Đạt" },
  { what: "= 5, 6 is not exact", unit: "Sáng kiến", target: "= 5", result: 6, rate: 1.2, verdict: "Chưa đạt" },
  { what: "100% (bare), 99% short", unit: "%", target: "100%", result: 99, rate: 0.99, verdict: "Chưa đạt" },
  { what: "100% (bare), 100% typed as text", unit: "%", target: "100%", result: "100%", rate: 1, verdict: "Đạt" },
  { what: "≥ 01 model, none yet", unit: "Mô hình", target: "≥ 01", result: 0, rate: 0, verdict: "Chưa đạt" },
  { what: "≥ 01 model, one", unit: "Mô hình", target: "≥ 01", result: 1, rate: 1, verdict: "Đạt" },
  { what: "≥ 01 model, two", unit: "Mô hình", target: "≥ 01", result: 2, rate: 2, verdict: "Vượt" },
  { what: "≥ 0, 0: met, with nothing to divide by", unit: "Sáng kiến", target: "≥ 0", result: 0, rate: null, verdict: "Đạt" },
];

// Results in a % row against ≥ 50% (rate = result ÷ 0.5), and in a row counting
// models against ≥ 1 (rate = the count).
export const RESULT_SCALE_CASES: IndicatorCase[] = [
  { what: "% row: 0", unit: "%", target: "≥ 50%", result: 0, rate: 0, verdict: "Chưa đạt" },
  { what: "% row: 0.5 is 50%", unit: "%", target: "≥ 50%", result: 0.5, rate: 1, verdict: "Đạt" },
  { what: "% row: a bare 1 is 1% or 100%, not judged", unit: "%", target: "≥ 50%", result: 1, rate: null, verdict: null },
  { what: "% row: 1 in a % cell is 100%", unit: "%", target: "≥ 50%", result: 1, resultFormat: "0%", rate: 2, verdict: "Vượt" },
  { what: "% row: 1.5 is 1.5%", unit: "%", target: "≥ 50%", result: 1.5, rate: 0.03, verdict: "Chưa đạt" },
  { what: "% row: 100 is 100%", unit: "%", target: "≥ 50%", result: 100, rate: 2, verdict: "Vượt" },
  { what: "% row: 101 is 101%", unit: "%", target: "≥ 50%", result: 101, rate: 2.02, verdict: "Vượt" },
  { what: "% row: 0.5 in a % cell is 50%", unit: "%", target: "≥ 50%", result: 0.5, resultFormat: "0%", rate: 1, verdict: "Đạt" },
  { what: "% row: text '1%'", unit: "%", target: "≥ 50%", result: "1%", rate: 0.02, verdict: "Chưa đạt" },
  { what: "% row: text '1' is 1% or 100%, not judged", unit: "%", target: "≥ 50%", result: "1", rate: null, verdict: null },
  { what: "% row: text '1,5' is 1.5%", unit: "%", target: "≥ 50%", result: "1,5", rate: 0.03, verdict: "Chưa đạt" },
  { what: "% row: text '0,5' is 50%", unit: "%", target: "≥ 50%", result: "0,5", rate: 1, verdict: "Đạt" },
  { what: "% row: text '100%'", unit: "%", target: "≥ 50%", result: "100%", rate: 2, verdict: "Vượt" },
  { what: "% row: nothing entered yet", unit: "%", target: "≥ 50%", result: null, rate: null, verdict: null },
  { what: "count row: 0", unit: "Mô hình", target: "≥ 1", result: 0, rate: 0, verdict: "Chưa đạt" },
  { what: "count row: half a model is not judged", unit: "Mô hình", target: "≥ 1", result: 0.5, rate: null, verdict: null },
  { what: "count row: 1", unit: "Mô hình", target: "≥ 1", result: 1, rate: 1, verdict: "Đạt" },
  { what: "count row: 1.5", unit: "Mô hình", target: "≥ 1", result: 1.5, rate: 1.5, verdict: "Vượt" },
  { what: "count row: 100", unit: "Mô hình", target: "≥ 1", result: 100, rate: 100, verdict: "Vượt" },
  { what: "count row: 101", unit: "Mô hình", target: "≥ 1", result: 101, rate: 101, verdict: "Vượt" },
  { what: "count row: text '0,5' is not judged", unit: "Mô hình", target: "≥ 1", result: "0,5", rate: null, verdict: null },
  // Spaces of every kind people paste, and line breaks, are not part of a number.
  { what: "% row: text '72 %' with a space", unit: "%", target: "≥ 50%", result: "72 %", rate: 1.44, verdict: "Vượt" },
  { what: "% row: text '72%' after a non-breaking space", unit: "%", target: "≥ 50%", result: "\u00A072%", rate: 1.44, verdict: "Vượt" },
  { what: "% row: text '45 %' with a narrow non-breaking space", unit: "%", target: "≥ 50%", result: "45\u202F%", rate: 0.9, verdict: "Chưa đạt" },
  { what: "% row: text '0,6' and a line break", unit: "%", target: "≥ 50%", result: "0,6\n", rate: 1.2, verdict: "Vượt" },
  { what: "% row: text '55' and a Windows line break", unit: "%", target: "≥ 50%", result: "55\r\n", rate: 1.1, verdict: "Vượt" },
  // A sum of money is neither a percentage nor a count: 0.5 is half a billion dong.
  { what: "money row: 0.5", unit: "Tỷ đồng", target: "≥ 1", result: 0.5, rate: 0.5, verdict: "Chưa đạt" },
  { what: "money row: text '1,5'", unit: "Tỷ đồng", target: "≥ 1", result: "1,5", rate: 1.5, verdict: "Vượt" },
  { what: "money row: text '0,5'", unit: "Tỷ đồng", target: "≥ 1", result: "0,5", rate: 0.5, verdict: "Chưa đạt" },
];

// A qualitative target is judged only from a result that states a verdict in so many
// words, with or without accents, in any case, with a trailing full stop; the rate is
// never computed.
export const QUALITATIVE_CASES: IndicatorCase[] = [
  { what: "'Vượt chỉ tiêu'", unit: "Mô hình", target: "Có triển khai", result: "Vượt chỉ tiêu", rate: null, verdict: "Vượt" },
  { what: "'vuot chi tieu' without accents", unit: "Mô hình", target: "Có triển khai", result: "vuot chi tieu", rate: null, verdict: "Vượt" },
  { what: "'Vượt'", unit: "Mô hình", target: "Có triển khai", result: "Vượt", rate: null, verdict: "Vượt" },
  { what: "'Không hoàn thành'", unit: "Mô hình", target: "Có triển khai", result: "Không hoàn thành", rate: null, verdict: "Chưa đạt" },
  { what: "'khong hoan thanh' without accents", unit: "Mô hình", target: "Có triển khai", result: "khong hoan thanh", rate: null, verdict: "Chưa đạt" },
  { what: "'Chưa đạt'", unit: "Mô hình", target: "Có triển khai", result: "Chưa đạt", rate: null, verdict: "Chưa đạt" },
  { what: "'Đạt'", unit: "Mô hình", target: "Có triển khai", result: "Đạt", rate: null, verdict: "Đạt" },
  { what: "'Đã hoàn thành.' with a full stop", unit: "Mô hình", target: "Có triển khai", result: "Đã hoàn thành.", rate: null, verdict: "Đạt" },
  { what: "'DA HOAN THANH' in capitals without accents", unit: "Mô hình", target: "Có triển khai", result: "DA HOAN THANH", rate: null, verdict: "Đạt" },
  { what: "'Đang triển khai' states no verdict", unit: "Mô hình", target: "Có triển khai", result: "Đang triển khai", rate: null, verdict: null },
  { what: "a number against a qualitative target", unit: "Mô hình", target: "Có triển khai", result: 1, rate: null, verdict: null },
];

// Targets typed as real numbers. In a % row without a % format a number above 1 is
// percentage points and up to 1 a fraction: 1 is 100%, 1.5 is 1.5%. The results sit
// in cells formatted as percentages, so they are what they show.
export const TARGET_SCALE_CASES: IndicatorCase[] = [
  { what: "% row: target 0.5 is 50%", unit: "%", target: 0.5, result: 0.5, resultFormat: "0%", rate: 1, verdict: "Đạt" },
  { what: "% row: target 1 is 100%, met by 100%", unit: "%", target: 1, result: 1, resultFormat: "0%", rate: 1, verdict: "Đạt" },
  { what: "% row: target 1 is 100%, missed by 99%", unit: "%", target: 1, result: 0.99, resultFormat: "0%", rate: 0.99, verdict: "Chưa đạt" },
  { what: "% row: target 1.5 is 1.5%", unit: "%", target: 1.5, result: 0.015, resultFormat: "0.0%", rate: 1, verdict: "Đạt" },
  { what: "% row: target 100 is 100%", unit: "%", target: 100, result: 1, resultFormat: "0%", rate: 1, verdict: "Đạt" },
  { what: "% row: target 101 is 101%", unit: "%", target: 101, result: 1, resultFormat: "0%", rate: 0.9901, verdict: "Chưa đạt" },
  { what: "% row: target 0", unit: "%", target: 0, result: 0.3, resultFormat: "0%", rate: null, verdict: "Vượt" },
  { what: "% row: target 1 formatted 0% is 100%", unit: "%", target: 1, targetFormat: "0%", result: 1, resultFormat: "0%", rate: 1, verdict: "Đạt" },
  { what: "% row: target formatted ≥ 60% met exactly", unit: "%", target: 0.6, targetFormat: '"≥ "0%', result: 0.6, resultFormat: "0%", rate: 1, verdict: "Đạt" },
  { what: "% row: target formatted ≤ 5% beaten", unit: "%", target: 0.05, targetFormat: '"≤ "0%', result: 0.04, resultFormat: "0%", rate: 1.25, verdict: "Vượt" },
  { what: "count row: target 1", unit: "Mô hình", target: 1, result: 1, rate: 1, verdict: "Đạt" },
  { what: "count row: target 2, one short", unit: "Mô hình", target: 2, result: 1, rate: 0.5, verdict: "Chưa đạt" },
  { what: "count row: target 100 met", unit: "Người", target: 100, result: 100, rate: 1, verdict: "Đạt" },
  { what: "count row: target 100 beaten by 101", unit: "Người", target: 100, result: 101, rate: 1.01, verdict: "Vượt" },
];

export const INDICATOR_CASES: IndicatorCase[] = [...COMPARATOR_CASES, ...RESULT_SCALE_CASES, ...TARGET_SCALE_CASES, ...QUALITATIVE_CASES];

// ───────────────────────────── tasks ─────────────────────────────

export type FlagText = "Quá hạn" | "Sắp đến hạn" | "Hoàn thành" | "Hoàn thành quá hạn" | "";

export interface TaskCase {
  what: string;
  /** The deadline cell: text as typed, a number (a typed year), or an ISO date typed as a real date. */
  deadline: string | number | { date: string };
  status: string | null;
  /** Completion date: { date } a real date cell, a string typed as text. */
  completed?: string | { date: string };
  /** Expected by hand. */
  due: string | null;
  flag: FlagText;
}

export interface TaskGroup {
  asOf: string;
  /** The due-soon window in days (15 when absent). */
  window?: number;
  cases: TaskCase[];
}

const DONE = "Hoàn thành";

// Every group's sheet is headed "… NĂM 2026": a deadline without a year is in 2026.
export const TASK_GROUPS: TaskGroup[] = [
  {
    // The window is 15 days: 29/06 is 14 days away, 30/06 is 15, 01/07 is 16.
    asOf: "2026-06-15",
    cases: [
      { what: "window − 1 days", deadline: "29/06/2026", status: null, due: "2026-06-29", flag: "Sắp đến hạn" },
      { what: "exactly the window", deadline: "30/06/2026", status: "Đang thực hiện", due: "2026-06-30", flag: "Sắp đến hạn" },
      { what: "window + 1 days", deadline: "01/07/2026", status: "Đang thực hiện", due: "2026-07-01", flag: "" },
      { what: "due today", deadline: "15/06/2026", status: "Chưa thực hiện", due: "2026-06-15", flag: "Sắp đến hạn" },
      { what: "overdue by one day", deadline: "14/06/2026", status: "Đang thực hiện", due: "2026-06-14", flag: "Quá hạn" },
      { what: "overdue, 'Chưa hoàn thành' is not done", deadline: "14/06/2026", status: "Chưa hoàn thành", due: "2026-06-14", flag: "Quá hạn" },
      { what: "overdue, 'Không hoàn thành' is not done", deadline: "14/06/2026", status: "Không hoàn thành", due: "2026-06-14", flag: "Quá hạn" },
      { what: "overdue, nothing reported", deadline: "14/06/2026", status: null, due: "2026-06-14", flag: "Quá hạn" },
      { what: "done without a date: not overdue", deadline: "14/06/2026", status: DONE, due: "2026-06-14", flag: "Hoàn thành" },
      { what: "done the day before the due date", deadline: "10/06/2026", status: DONE, completed: { date: "2026-06-09" }, due: "2026-06-10", flag: "Hoàn thành" },
      { what: "done on the due date", deadline: "10/06/2026", status: DONE, completed: { date: "2026-06-10" }, due: "2026-06-10", flag: "Hoàn thành" },
      { what: "done the day after the due date", deadline: "10/06/2026", status: DONE, completed: { date: "2026-06-11" }, due: "2026-06-10", flag: "Hoàn thành quá hạn" },
      { what: "done on the due date, typed as text", deadline: "10/06/2026", status: "Đã hoàn thành", completed: "10/06/2026", due: "2026-06-10", flag: "Hoàn thành" },
      { what: "done a day late, typed as text", deadline: "10/06/2026", status: "Đã hoàn thành", completed: "11/06/2026", due: "2026-06-10", flag: "Hoàn thành quá hạn" },
      { what: "done on the last day of Quý I", deadline: "Quý I/2026", status: DONE, completed: { date: "2026-03-31" }, due: "2026-03-31", flag: "Hoàn thành" },
      { what: "done the day after Quý I", deadline: "Quý I/2026", status: DONE, completed: { date: "2026-04-01" }, due: "2026-03-31", flag: "Hoàn thành quá hạn" },
      { what: "done on 31/05 for Tháng 5", deadline: "Tháng 5/2026", status: DONE, completed: "31/05/2026", due: "2026-05-31", flag: "Hoàn thành" },
      { what: "done on 01/06 for Tháng 5", deadline: "Tháng 5/2026", status: DONE, completed: "01/06/2026", due: "2026-05-31", flag: "Hoàn thành quá hạn" },
      { what: "a real date as the deadline", deadline: { date: "2026-06-30" }, status: "Đang thực hiện", due: "2026-06-30", flag: "Sắp đến hạn" },
      { what: "no deadline", deadline: "", status: "Đang thực hiện", due: null, flag: "" },
      { what: "a deadline with no date", deadline: "Theo hướng dẫn của tỉnh", status: null, due: null, flag: "" },
    ],
  },
  {
    // A window of 0 days: only a task due today is due soon.
    asOf: "2026-06-15",
    window: 0,
    cases: [
      { what: "window 0, due today", deadline: "15/06/2026", status: "Đang thực hiện", due: "2026-06-15", flag: "Sắp đến hạn" },
      { what: "window 0, due tomorrow", deadline: "16/06/2026", status: "Đang thực hiện", due: "2026-06-16", flag: "" },
      { what: "window 0, due yesterday", deadline: "14/06/2026", status: "Đang thực hiện", due: "2026-06-14", flag: "Quá hạn" },
    ],
  },
  {
    asOf: "2026-03-31",
    cases: [
      { what: "Quý I on its last day", deadline: "Quý I/2026", status: "Đang thực hiện", due: "2026-03-31", flag: "Sắp đến hạn" },
      { what: "Quý 1 on its last day", deadline: "Quý 1/2026", status: null, due: "2026-03-31", flag: "Sắp đến hạn" },
      { what: "Quý I without a year takes the plan's", deadline: "Quý I", status: null, due: "2026-03-31", flag: "Sắp đến hạn" },
      { what: "Tháng 3 on its last day", deadline: "Tháng 3/2026", status: null, due: "2026-03-31", flag: "Sắp đến hạn" },
      { what: "T3 on its last day", deadline: "T3/2026", status: null, due: "2026-03-31", flag: "Sắp đến hạn" },
      { what: "3/2026 on its last day", deadline: "3/2026", status: null, due: "2026-03-31", flag: "Sắp đến hạn" },
      { what: "Tháng 2 ended on the 28th", deadline: "Tháng 2/2026", status: null, due: "2026-02-28", flag: "Quá hạn" },
      { what: "Quý II is 91 days off", deadline: "Quý II/2026", status: null, due: "2026-06-30", flag: "" },
    ],
  },
  {
    asOf: "2026-04-01",
    cases: [
      { what: "Quý I a day past", deadline: "Quý I/2026", status: "Đang thực hiện", due: "2026-03-31", flag: "Quá hạn" },
      { what: "Tháng 3 a day past", deadline: "Tháng 3/2026", status: null, due: "2026-03-31", flag: "Quá hạn" },
      { what: "Quý II far off", deadline: "Quý II/2026", status: null, due: "2026-06-30", flag: "" },
      { what: "Tháng 4 is 29 days off", deadline: "Tháng 4/2026", status: null, due: "2026-04-30", flag: "" },
      { what: "15/04 is 14 days off", deadline: "15/04/2026", status: null, due: "2026-04-15", flag: "Sắp đến hạn" },
      { what: "16/04 is 15 days off", deadline: "16/04/2026", status: null, due: "2026-04-16", flag: "Sắp đến hạn" },
      { what: "17/04 is 16 days off", deadline: "17/04/2026", status: null, due: "2026-04-17", flag: "" },
    ],
  },
  {
    asOf: "2026-06-30",
    cases: [
      { what: "Quý II on its last day", deadline: "Quý II/2026", status: null, due: "2026-06-30", flag: "Sắp đến hạn" },
      { what: "quý II năm 2026", deadline: "quý II năm 2026", status: null, due: "2026-06-30", flag: "Sắp đến hạn" },
      { what: "Quý 2/2026", deadline: "Quý 2/2026", status: null, due: "2026-06-30", flag: "Sắp đến hạn" },
      { what: "6 tháng đầu năm", deadline: "6 tháng đầu năm 2026", status: null, due: "2026-06-30", flag: "Sắp đến hạn" },
      { what: "Trước ngày 30/6/2026", deadline: "Trước ngày 30/6/2026", status: null, due: "2026-06-30", flag: "Sắp đến hạn" },
      { what: "Tháng 6", deadline: "Tháng 6/2026", status: null, due: "2026-06-30", flag: "Sắp đến hạn" },
      { what: "Quý III far off", deadline: "Quý III/2026", status: null, due: "2026-09-30", flag: "" },
    ],
  },
  {
    asOf: "2026-07-01",
    cases: [
      { what: "Quý II a day past", deadline: "Quý II/2026", status: "Đang thực hiện", due: "2026-06-30", flag: "Quá hạn" },
      { what: "6 tháng đầu năm a day past", deadline: "6 tháng đầu năm 2026", status: null, due: "2026-06-30", flag: "Quá hạn" },
      { what: "Quý II done on its last day", deadline: "Quý II/2026", status: DONE, completed: { date: "2026-06-30" }, due: "2026-06-30", flag: "Hoàn thành" },
      { what: "Quý II done a day late", deadline: "Quý II/2026", status: DONE, completed: { date: "2026-07-01" }, due: "2026-06-30", flag: "Hoàn thành quá hạn" },
    ],
  },
  {
    asOf: "2026-09-30",
    cases: [
      { what: "Quý III on its last day", deadline: "Quý III/2026", status: null, due: "2026-09-30", flag: "Sắp đến hạn" },
      { what: "Quý 3 on its last day", deadline: "Quý 3/2026", status: null, due: "2026-09-30", flag: "Sắp đến hạn" },
      { what: "Quý IV far off", deadline: "Quý IV/2026", status: null, due: "2026-12-31", flag: "" },
    ],
  },
  {
    asOf: "2026-10-01",
    cases: [
      { what: "Quý III a day past", deadline: "Quý III/2026", status: null, due: "2026-09-30", flag: "Quá hạn" },
      // Work over two quarters or two months is due at the end of the last one.
      { what: "Quý III, IV/2026 runs to the end of Quý IV", deadline: "Quý III, IV/2026", status: "Đang thực hiện", due: "2026-12-31", flag: "" },
      { what: "QIV/2026", deadline: "QIV/2026", status: null, due: "2026-12-31", flag: "" },
      { what: "Tháng 9-10/2026 runs to 31/10, 30 days off", deadline: "Tháng 9-10/2026", status: null, due: "2026-10-31", flag: "" },
      { what: "Tháng 9 - 10/2026 with spaces", deadline: "Tháng 9 - 10/2026", status: null, due: "2026-10-31", flag: "" },
      { what: "30/9 without a year, a day past", deadline: "30/9", status: null, due: "2026-09-30", flag: "Quá hạn" },
      { what: "trước ngày 15/10, 14 days off", deadline: "Trước ngày 15/10", status: null, due: "2026-10-15", flag: "Sắp đến hạn" },
      // "Xong" and "Đã thực hiện" are done; a part done is not.
      { what: "'Xong' is done", deadline: "Quý III/2026", status: "Xong", due: "2026-09-30", flag: "Hoàn thành" },
      { what: "'Đã thực hiện' is done", deadline: "Quý III/2026", status: "Đã thực hiện", due: "2026-09-30", flag: "Hoàn thành" },
      { what: "'Chưa xong' is not done", deadline: "Quý III/2026", status: "Chưa xong", due: "2026-09-30", flag: "Quá hạn" },
      { what: "'Hoàn thành một phần' is not done", deadline: "Quý III/2026", status: "Hoàn thành một phần", due: "2026-09-30", flag: "Quá hạn" },
    ],
  },
  {
    asOf: "2026-12-31",
    cases: [
      { what: "Năm 2026 on its last day", deadline: "Năm 2026", status: "Đang thực hiện", due: "2026-12-31", flag: "Sắp đến hạn" },
      { what: "2026", deadline: "2026", status: null, due: "2026-12-31", flag: "Sắp đến hạn" },
      { what: "a year typed as a number", deadline: 2026, status: null, due: "2026-12-31", flag: "Sắp đến hạn" },
      { what: "Quý IV/2026", deadline: "Quý IV/2026", status: null, due: "2026-12-31", flag: "Sắp đến hạn" },
      { what: "Quý 4/2026", deadline: "Quý 4/2026", status: null, due: "2026-12-31", flag: "Sắp đến hạn" },
      { what: "quý IV năm 2026", deadline: "quý IV năm 2026", status: null, due: "2026-12-31", flag: "Sắp đến hạn" },
      { what: "Quý IV without a year", deadline: "Quý IV", status: null, due: "2026-12-31", flag: "Sắp đến hạn" },
      { what: "12/2026", deadline: "12/2026", status: null, due: "2026-12-31", flag: "Sắp đến hạn" },
      { what: "Tháng 12/2026", deadline: "Tháng 12/2026", status: null, due: "2026-12-31", flag: "Sắp đến hạn" },
      { what: "T12/2026", deadline: "T12/2026", status: null, due: "2026-12-31", flag: "Sắp đến hạn" },
      { what: "Tháng 12 without a year", deadline: "Tháng 12", status: null, due: "2026-12-31", flag: "Sắp đến hạn" },
      { what: "31/12/2026", deadline: "31/12/2026", status: null, due: "2026-12-31", flag: "Sắp đến hạn" },
      { what: "6 tháng cuối năm", deadline: "6 tháng cuối năm 2026", status: null, due: "2026-12-31", flag: "Sắp đến hạn" },
      { what: "Năm 2027 is a year off", deadline: "Năm 2027", status: null, due: "2027-12-31", flag: "" },
      { what: "a range ends on its last day", deadline: "2026-2027", status: null, due: "2027-12-31", flag: "" },
      { what: "done on 31/12, written in words", deadline: "Năm 2026", status: DONE, completed: "ngày 31 tháng 12 năm 2026", due: "2026-12-31", flag: "Hoàn thành" },
    ],
  },
  {
    asOf: "2027-01-01",
    cases: [
      { what: "Năm 2026 a day past", deadline: "Năm 2026", status: "Đang thực hiện", due: "2026-12-31", flag: "Quá hạn" },
      { what: "Quý IV/2026 a day past", deadline: "Quý IV/2026", status: null, due: "2026-12-31", flag: "Quá hạn" },
      { what: "Quý IV of the plan's year a day past", deadline: "Quý IV", status: null, due: "2026-12-31", flag: "Quá hạn" },
      { what: "12/2026 a day past", deadline: "12/2026", status: null, due: "2026-12-31", flag: "Quá hạn" },
      { what: "Quý I/2027 is 89 days off", deadline: "Quý I/2027", status: null, due: "2027-03-31", flag: "" },
      { what: "Năm 2026 done on 31/12", deadline: "Năm 2026", status: DONE, completed: { date: "2026-12-31" }, due: "2026-12-31", flag: "Hoàn thành" },
      { what: "Năm 2026 done on 01/01", deadline: "Năm 2026", status: DONE, completed: { date: "2027-01-01" }, due: "2026-12-31", flag: "Hoàn thành quá hạn" },
    ],
  },
  {
    // A leap year: February ends on the 29th.
    asOf: "2028-02-29",
    cases: [
      { what: "Tháng 2/2028 ends on the 29th", deadline: "Tháng 2/2028", status: null, due: "2028-02-29", flag: "Sắp đến hạn" },
      { what: "Quý I/2028 is 31 days off", deadline: "Quý I/2028", status: null, due: "2028-03-31", flag: "" },
      { what: "28/02/2028 a day past", deadline: "28/02/2028", status: null, due: "2028-02-28", flag: "Quá hạn" },
    ],
  },
];

// ───────────────────────────── group rows ─────────────────────────────

export interface GroupRowCase {
  what: string;
  /** The rows under the header (STT, Nội dung chỉ tiêu, Đơn vị tính, Kết quả, Đơn vị chủ trì). */
  rows: CellValue[][];
  /** Merged ranges, if any. */
  merges?: string[];
  /** Expected by hand for each row: "group <number>" / "group - <title>" / "item <number>". */
  expected: string[];
}

const ITEM_1: CellValue[] = ["1", "Tỷ lệ hộ gia đình có cáp quang", "%", "≥ 80%", "Phòng VH-XH"];
const ITEM_2: CellValue[] = ["2", "Tỷ lệ phủ sóng 5G", "%", "≥ 60%", "Phòng VH-XH"];
const TITLE = "Về phát triển hạ tầng số (02 chỉ tiêu)";

export const GROUP_ROW_CASES: GroupRowCase[] = [
  { what: "I", rows: [["I", TITLE, null, null, null], ITEM_1, ITEM_2], expected: ["group I", "item 1", "item 2"] },
  { what: "I.", rows: [["I.", TITLE, null, null, null], ITEM_1, ITEM_2], expected: ["group I", "item 1", "item 2"] },
  { what: "II.", rows: [["II.", TITLE, null, null, null], ITEM_1], expected: ["group II", "item 1"] },
  { what: "IV", rows: [["IV", TITLE, null, null, null], ITEM_1], expected: ["group IV", "item 1"] },
  { what: "IX.", rows: [["IX.", TITLE, null, null, null], ITEM_1], expected: ["group IX", "item 1"] },
  {
    what: "a group row carrying a unit and a target (002's II)",
    rows: [["II", "Về nguồn nhân lực", "%", "≥ 50%", "Phòng VH-XH"], ITEM_1],
    expected: ["group II", "item 1"],
  },
  { what: "A", rows: [["A", "Chỉ tiêu chung", null, null, null], ITEM_1], expected: ["group A", "item 1"] },
  { what: "A.", rows: [["A.", "Chỉ tiêu chung", null, null, null], ITEM_1], expected: ["group A", "item 1"] },
  {
    what: "1. over 1.1",
    rows: [["1.", "Hạ tầng số", null, null, null], ["1.1", ...ITEM_1.slice(1)], ["1.2", ...ITEM_2.slice(1)]],
    expected: ["group 1", "item 1.1", "item 1.2"],
  },
  { what: "1 over 1.1", rows: [["1", "Hạ tầng số", null, null, null], ["1.1", ...ITEM_1.slice(1)]], expected: ["group 1", "item 1.1"] },
  { what: "1 over 2: items", rows: [ITEM_1, ITEM_2], expected: ["item 1", "item 2"] },
  { what: "01 over 02: items", rows: [["01", ...ITEM_1.slice(1)], ["02", ...ITEM_2.slice(1)]], expected: ["item 01", "item 02"] },
  {
    what: "'I. Title' written across the row",
    rows: [["I. Về phát triển hạ tầng số", null, null, null, null], ITEM_1, ITEM_2],
    merges: ["A1:E1"],
    expected: ["group I", "item 1", "item 2"],
  },
  {
    what: "'II Title' written across the row",
    rows: [["II Về nguồn nhân lực", null, null, null, null], ITEM_1],
    merges: ["A1:E1"],
    expected: ["group II", "item 1"],
  },
  {
    what: "'A. Title' written across the row",
    rows: [["A. Chỉ tiêu chung", null, null, null, null], ITEM_1],
    merges: ["A1:E1"],
    expected: ["group A", "item 1"],
  },
  {
    what: "a title merged across a numbered table",
    rows: [["Hạ tầng số", null, null, null, null], ITEM_1, ITEM_2],
    merges: ["A1:E1"],
    expected: ["group - Hạ tầng số", "item 1", "item 2"],
  },
];

// ───────────────────────────── sheets built from the tables ─────────────────────────────

/** A sheet as a grid of values and number formats, for either host. */
export interface Grid {
  values: CellValue[][];
  formats: (string | null)[][];
}

const INDICATOR_HEADER = ["STT", "Nội dung chỉ tiêu", "Đơn vị tính", "Kết quả", "Đơn vị chủ trì", "Kết quả thực hiện"];
export const INDICATOR_FIRST_ROW = 4;

/** An indicator sheet, one row per case from row 4: its target in D, its result in F. */
export function indicatorGrid(cases: IndicatorCase[]): Grid {
  const values: CellValue[][] = [["KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM 2026"], [], INDICATOR_HEADER];
  const formats: (string | null)[][] = [[], [], []];
  cases.forEach((c, i) => {
    // Names no catalog entry matches, so the row's own unit decides.
    values.push([i + 1, `Chỉ tiêu biên số ${i + 1}`, c.unit, c.target, "Phòng VH-XH", c.result]);
    formats.push([null, null, null, c.targetFormat ?? null, null, c.resultFormat ?? null]);
  });
  return { values, formats };
}

const TASK_HEADER = ["TT", "Tên nhiệm vụ", "Đơn vị chủ trì", "Thời gian hoàn thành", "Tình trạng", "Ngày hoàn thành"];
export const TASK_FIRST_ROW = 4;
const DATE_FORMAT = "dd/mm/yyyy";

/** A task sheet of one group, one row per case from row 4: deadline in D, status in E, completion in F. */
export function taskGrid(group: TaskGroup): Grid {
  const values: CellValue[][] = [["DANH MỤC NHIỆM VỤ NĂM 2026"], [], TASK_HEADER];
  const formats: (string | null)[][] = [[], [], []];
  group.cases.forEach((c, i) => {
    const deadline = typeof c.deadline === "object" ? serialOf(c.deadline.date) : c.deadline === "" ? null : c.deadline;
    const completed = c.completed === undefined ? null : typeof c.completed === "object" ? serialOf(c.completed.date) : c.completed;
    values.push([i + 1, `Nhiệm vụ biên số ${i + 1}`, "Phòng VH-XH", deadline, c.status, completed]);
    formats.push([
      null,
      null,
      null,
      typeof c.deadline === "object" ? DATE_FORMAT : null,
      null,
      typeof c.completed === "object" ? DATE_FORMAT : null,
    ]);
  });
  return { values, formats };
}

/** ISO date → Excel serial (1900 date system), worked out from the epoch, not the code under test. */
export function serialOf(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}
