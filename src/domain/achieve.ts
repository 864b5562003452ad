/**
 * Achievement (tỷ lệ đạt) and verdict (Đạt / Vượt / Chưa đạt) of an indicator.
 *
 * One reader of results for every command (`readResult`): check, compute and
 * consolidate read "72%", "0,72", 72 and 0.72 alike, and the formulas compute writes
 * (`achievementFormulas`) read them the same way, once per row, in two hidden helper
 * columns that the short rate and verdict formulas then read. What cannot be told
 * apart is not guessed: a bare 1 in a % row (1% or 100%?) and 0.5 in a row counting
 * things are flagged and left unjudged; a qualitative target is judged only from a result that
 * says so ("Đạt", "Chưa đạt"), never from free text.
 */
import type { CellValue } from "./snapshot";
import type { Target } from "./target";
import { clean, foldKey } from "./text";
import { excelRound, roundTo } from "./numbers";

export type Verdict = "Đạt" | "Vượt" | "Chưa đạt";

export interface Achievement {
  /** Result as a number in the target's scale (fraction for %), or the text of a qualitative result. */
  result: number | string | null;
  /** Result ÷ target (target ÷ result when lower is better); null when it cannot be computed. */
  rate: number | null;
  verdict: Verdict | null;
}

export type ResultNote =
  | "text-number" // "72%", "0,72" typed as text
  | "ambiguous-percent" // 1 in a % row, not formatted as a percentage: 1% or 100%?
  | "ambiguous-count" // 0.5 in a row counting things
  | "percent-points" // 72 in a % row: 72%
  | "unreadable"; // not a number, or a number written in a way only a person can read ("1.500")

export interface ResultRead {
  value: number | string | null;
  notes: ResultNote[];
}

export interface ResultContext {
  /** The row's unit is a percentage. */
  percentUnit: boolean;
  /** The row's unit counts things (models, initiatives, people). */
  countUnit?: boolean;
  /** The result cell's number format. */
  numberFormat?: string | null;
  /**
   * How to take a number whose cell format the reader cannot trust: "unknown" reads
   * a bare 1 in a % row as 100% (the appendix template's formulas, written before
   * anything was typed, do so). Default: from `numberFormat`.
   */
  resultFormat?: "percent" | "plain" | "unknown";
}

/** A unit of measure that is a percentage ("%", "% GRDP", "% tổng chi NS xã"). */
export function isPercentUnit(unit: string | null | undefined): boolean {
  return unit ? clean(unit).startsWith("%") : false;
}

/** A result the reader could not judge: its scale is ambiguous. */
export function isAmbiguous(read: ResultRead): boolean {
  return read.notes.includes("ambiguous-percent") || read.notes.includes("ambiguous-count");
}

/**
 * A number typed as text, the way the formulas can read it too: digits with at most
 * one decimal separator ("," or "."), an optional "%" ("72%", "0,72", "96,5 %"). Three
 * digits after the separator ("1.500") may be thousands: not read.
 */
const TEXT_NUMBER = /^(?=[.,]?\d)(\d*)(?:[.,](\d*))?(%)?$/;

/** The result as every command reads it. */
export function readResult(value: CellValue, ctx: ResultContext): ResultRead {
  if (value === null || value === undefined || (typeof value === "string" && clean(value) === "")) return { value: null, notes: [] };
  if (typeof value === "boolean") return { value: null, notes: ["unreadable"] };
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { value: null, notes: ["unreadable"] };
    // In a % row a number above 1 is percentage points whatever the cell's format (a
    // rate cannot exceed 100%); the format only tells a bare 1: 100% in a % cell.
    const plainCell = ctx.resultFormat ? ctx.resultFormat === "plain" : !ctx.numberFormat?.includes("%");
    return scaled(value, ctx, [], plainCell);
  }
  // Stryker disable next-line Regex: /\s/g takes out the same spaces as /\s+/g
  const text = clean(value).replace(/\s+/g, "");
  const m = text.match(TEXT_NUMBER);
  if (!m) return { value: clean(value), notes: /^[\d.,%\s]+$/.test(text) ? ["unreadable"] : [] };
  // "1.500" and "1,500": a thousand and a half, or one and a half? A person must say.
  if (m[2]?.length === 3 && !m[1].startsWith("0")) return { value: clean(value), notes: ["unreadable"] };
  // Stryker disable next-line StringLiteral: Number(".5") and Number("5.") read as Number("0.5") and Number("5.0")
  const n = Number(`${m[1] || "0"}.${m[2] || "0"}`);
  // With its "%" written, a number is a percentage whatever the row: nothing to scale.
  return m[3] ? counted(roundTo(n / 100), ctx, ["text-number"]) : scaled(n, ctx, ["text-number"], true);
}

/** A number without "%" in a % row: above 1, percentage points; a bare 1 may be 1% or 100%. */
function scaled(n: number, ctx: ResultContext, notes: ResultNote[], ambiguousOne: boolean): ResultRead {
  if (ctx.percentUnit) {
    if (n === 1 && ambiguousOne) return { value: 1, notes: [...notes, "ambiguous-percent"] };
    if (n > 1) return { value: roundTo(n / 100), notes: [...notes, "percent-points"] };
  }
  return counted(n, ctx, notes);
}

/** In a row that counts (people, systems), a fraction between 0 and 1 says neither a count nor a rate. */
function counted(n: number, ctx: ResultContext, notes: ResultNote[]): ResultRead {
  if (ctx.countUnit && !ctx.percentUnit && n > 0 && n < 1) return { value: n, notes: [...notes, "ambiguous-count"] };
  return { value: n, notes };
}

/**
 * Qualitative results are judged only when they say so in so many words (with or
 * without accents, any case, a trailing full stop). Anything else — "Đã triển khai 3
 * mô hình", "đang hoàn thiện" — is for a person to judge.
 */
const MET_WORDS = ["đạt", "đã đạt", "đạt yêu cầu", "có", "đã có", "hoàn thành", "đã hoàn thành"];
const NOT_MET_WORDS = ["chưa đạt", "không đạt", "chưa", "không", "chưa có", "không có", "chưa hoàn thành", "không hoàn thành"];
const BEYOND_WORDS = ["vượt", "vượt chỉ tiêu"];

const withoutAccents = (w: string) => foldKey(w);

function spelled(words: string[]): string[] {
  return [...new Set(words.flatMap((w) => [w, withoutAccents(w)]))];
}

/** The verdict a qualitative result states, or null when it states none. */
export function statedVerdict(text: string): Verdict | null {
  const t = clean(text).toLocaleLowerCase("vi").replace(/[.!]+$/, "").trim();
  const k = foldKey(t);
  const is = (words: string[]) => words.some((w) => w === t || withoutAccents(w) === k && t === k);
  if (is(BEYOND_WORDS)) return "Vượt";
  if (is(NOT_MET_WORDS)) return "Chưa đạt";
  if (is(MET_WORDS)) return "Đạt";
  return null;
}

/**
 * Achievement of one indicator, from its target and a result read by `readResult`
 * (or its value alone). An ambiguous result is not judged.
 */
export function achieve(target: Target | null, read: ResultRead | number | string | null): Achievement {
  const r = read !== null && typeof read === "object" ? read : { value: read, notes: [] };
  const result = r.value;
  // A blank result (null) is neither text nor a number: the checks below leave it unjudged.
  if (target === null || isAmbiguous(r)) return { result, rate: null, verdict: null };
  if (target.kind === "qualitative") {
    if (typeof result !== "string") return { result, rate: null, verdict: null };
    return { result, rate: null, verdict: statedVerdict(result) };
  }
  if (typeof result !== "number") return { result, rate: null, verdict: null };
  const t = target.value;
  // The same arithmetic as achievementFormulas: ROUND(r/t,4) for the rate, and the
  // difference rounded to 9 decimals for the verdict, so float noise never flips it.
  const diff = excelRound(result - t, 9);
  switch (target.comparator) {
    case ">=":
      return { result, rate: t === 0 ? null : excelRound(result / t, 4), verdict: diff > 0 ? "Vượt" : diff >= 0 ? "Đạt" : "Chưa đạt" };
    case ">":
      return { result, rate: t === 0 ? null : excelRound(result / t, 4), verdict: diff > 0 ? "Đạt" : "Chưa đạt" };
    case "<=":
      return { result, rate: result === 0 ? 1 : excelRound(t / result, 4), verdict: diff < 0 ? "Vượt" : diff <= 0 ? "Đạt" : "Chưa đạt" };
    case "<":
      return { result, rate: result === 0 ? 1 : excelRound(t / result, 4), verdict: diff < 0 ? "Đạt" : "Chưa đạt" };
    case "=":
      return { result, rate: t === 0 ? null : excelRound(result / t, 4), verdict: diff === 0 ? "Đạt" : "Chưa đạt" };
  }
}

/**
 * Labels of the two hidden helper columns that read a typed result once, for the rate
 * and verdict formulas beside them: the result tidied (spaces out, decimal comma made a
 * point: "96,5 %" → "96.5%"), then the result as a number in the target's scale.
 * Computed columns are recognised by their labels (reader.ts).
 */
export const RESULT_HELPERS = {
  text: "Dạng chuẩn của kết quả (tự động)",
  value: "Dạng số của kết quả (tự động)",
} as const;


/** What the first result helper takes out of text: spaces of every kind people paste, and line breaks. */
export const RESULT_BLANKS = [" ", "\u00A0", "\u202F", "\n", "\r"];

/** What the first result helper shows for a cell (its cached value). */
export function resultTextOf(value: CellValue): number | string {
  if (typeof value === "number") return value;
  if (value === null || value === undefined) return "";
  let t = typeof value === "boolean" ? (value ? "TRUE" : "FALSE") : value;
  for (const c of RESULT_BLANKS) t = t.split(c).join("");
  return t.split(",").join(".");
}

/** What the second result helper shows: the result read as a number to judge, or "". */
export function resultValueOf(read: ResultRead): number | "" {
  return typeof read.value === "number" && !isAmbiguous(read) ? read.value : "";
}

/** The words that state each verdict, with and without accents (the qualitative verdict formula lists them). */
export const STATED_WORDS: Record<Verdict, string[]> = { Vượt: spelled(BEYOND_WORDS), "Chưa đạt": spelled(NOT_MET_WORDS), Đạt: spelled(MET_WORDS) };
