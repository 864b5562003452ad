/**
 * Achievement (tỷ lệ đạt) and verdict (Đạt / Vượt / Chưa đạt) of an indicator.
 *
 * One reader of results for every command (`readResult`): check, compute and
 * consolidate read "72%", "0,72", 72 and 0.72 alike, and the formulas compute writes
 * (`achievementFormulas`) read them the same way. What cannot be told apart is not
 * guessed: a bare 1 in a % row (1% or 100%?) and 0.5 in a row counting things are
 * flagged and left unjudged; a qualitative target is judged only from a result that
 * says so ("Đạt", "Chưa đạt"), never from free text.
 */
import type { CellValue } from "./snapshot";
import type { Comparator, Target } from "./target";
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
  return clean(unit ?? "").startsWith("%");
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
    const format = ctx.resultFormat ?? ((ctx.numberFormat ?? "").includes("%") ? "percent" : "plain");
    return scaled(value, false, ctx, [], format === "plain");
  }
  const text = clean(value).replace(/\s+/g, "");
  const m = text.match(TEXT_NUMBER);
  if (!m) return { value: clean(value), notes: /^[\d.,%\s]+$/.test(text) ? ["unreadable"] : [] };
  // "1.500" and "1,500": a thousand and a half, or one and a half? A person must say.
  if (m[2]?.length === 3 && !m[1].startsWith("0")) return { value: clean(value), notes: ["unreadable"] };
  const n = Number(`${m[1] || "0"}.${m[2] || "0"}`);
  return m[3] ? scaled(roundTo(n / 100), true, ctx, ["text-number"], true) : scaled(n, false, ctx, ["text-number"], true);
}

function scaled(n: number, percentWritten: boolean, ctx: ResultContext, notes: ResultNote[], ambiguousOne: boolean): ResultRead {
  if (ctx.percentUnit && !percentWritten) {
    if (n === 1 && ambiguousOne) return { value: 1, notes: [...notes, "ambiguous-percent"] };
    if (n > 1) return { value: roundTo(n / 100), notes: [...notes, "percent-points"] };
  }
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
  if (result === null || target === null || isAmbiguous(r)) return { result, rate: null, verdict: null };
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

export interface ResultRefs {
  /** The result cell. */
  result: string;
  /** The target cell when it holds a number (an expression reading it), or null to write the target's value. */
  target: string | null;
  percentUnit: boolean;
  countUnit?: boolean;
  /**
   * How the result cell is formatted when the formula is written: "percent" (1 there is
   * 100%), "plain" (a bare 1 is ambiguous), or "unknown" (the template, written before
   * anything is typed: 1 reads as 100%, as a person typing "100%" gets). Above 1 a
   * number in a % row is percentage points either way.
   */
  resultFormat?: "percent" | "plain" | "unknown";
}

/**
 * The result as a number, the way `readResult` reads it, as a formula expression that
 * gives "" when there is nothing to judge (blank, not a number, ambiguous). Text is read
 * with text functions only ("72%", "0,72"): VALUE sees nothing but digits and one
 * decimal point, written in the machine's own notation.
 */
export function resultValueFormula(refs: ResultRefs): string {
  const R = refs.result;
  const X = `SUBSTITUTE(TRIM(SUBSTITUTE(SUBSTITUTE(${R},"%",""),CHAR(160)," ")),",",".")`;
  // Only digits and one point reach VALUE: what else VALUE would read (dates "1/2",
  // times, "1e3", currency, signs, brackets) is turned away first.
  const foreign = `SUMPRODUCT(--ISNUMBER(FIND({"/",":","e","(","$","-","+"},LOWER(${X}))))=0`;
  // "1.500": three digits after the point may be thousands.
  const notThousands = `OR(MID(${X},MAX(1,LEN(${X})-3),1)<>".",LEFT(${X},1)="0")`;
  const percents = `(LEN(${R})-LEN(SUBSTITUTE(${R},"%","")))`;
  const percentOk = `OR(${percents}=0,AND(${percents}=1,RIGHT(TRIM(${R}),1)="%"))`;
  // The point in the machine's own notation (the second character of 1/2 as text).
  const num = `VALUE(SUBSTITUTE(${X},".",MID(1/2,2,1)))`;
  // A number typed: in a % row above 1 is percentage points; a bare 1 is ambiguous unless
  // the cell is known to be a percentage (or the format is unknown, as in the template).
  const ambiguousOne = (refs.resultFormat ?? "plain") === "plain";
  let asNumber = R;
  if (refs.percentUnit) asNumber = ambiguousOne ? `IF(${R}=1,"",IF(${R}>1,${R}/100,${R}))` : `IF(${R}>1,${R}/100,${R})`;
  else if (refs.countUnit) asNumber = `IF(AND(${R}>0,${R}<1),"",${R})`;
  // Typed as text: with its own "%" a fraction; without, read like a number typed.
  // (Dividing by "" is an error, which the IFERROR around turns into "".)
  let asText = `${num}/IF(${percents}=1,100,1)`;
  if (refs.percentUnit) asText = `${num}/IF(OR(${percents}=1,${num}>1),100,IF(${num}=1,"",1))`;
  else if (refs.countUnit) asText = `${num}/IF(${percents}=1,100,IF(AND(${num}>0,${num}<1),"",1))`;
  return `IF(ISNUMBER(${R}),${asNumber},IFERROR(IF(AND(${X}<>"",${foreign},${notThousands},${percentOk}),${asText},""),""))`;
}

const STATED: Record<Verdict, string[]> = { Vượt: spelled(BEYOND_WORDS), "Chưa đạt": spelled(NOT_MET_WORDS), Đạt: spelled(MET_WORDS) };

/** What a formula's comparator is: a literal, or a cell holding its symbol ("≥", "≤", ">", "<", "="). */
export type ComparatorInput = Comparator | { ref: string };

const SYMBOLS: Record<Comparator, string> = { ">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "=" };
/** The verdict when the result is below, equal to, above the target. */
const BY_SIGN: Record<Comparator, [Verdict, Verdict, Verdict]> = {
  ">=": ["Chưa đạt", "Đạt", "Vượt"],
  ">": ["Chưa đạt", "Chưa đạt", "Đạt"],
  "<=": ["Vượt", "Đạt", "Chưa đạt"],
  "<": ["Đạt", "Chưa đạt", "Chưa đạt"],
  "=": ["Chưa đạt", "Đạt", "Chưa đạt"],
};

function bySign(c: ComparatorInput, k: 0 | 1 | 2): string {
  if (typeof c === "string") return `"${BY_SIGN[c][k]}"`;
  const order: Comparator[] = [">=", ">", "<=", "<"];
  return order.reduceRight((acc, cmp) => `IF(${c.ref}="${SYMBOLS[cmp]}","${BY_SIGN[cmp][k]}",${acc})`, `"${BY_SIGN["="][k]}"`);
}

/**
 * Rate and verdict formulas for a numeric target, computing exactly what `achieve`
 * computes: ROUND(result/target, 4) (target/result when lower is better), and the
 * verdict from the sign of the difference rounded to 9 decimals. `v` is the result as
 * a number or "" (resultValueFormula), `T` the target's number.
 */
export function numericFormulas(v: string, T: string, comparator: ComparatorInput): { rate: string; verdict: string } {
  const higher = `IFERROR(ROUND(${v}/${T},4),"")`;
  const lower = `IFERROR(ROUND(${T}/${v},4),IF(${v}=0,1,""))`;
  const lowerIsBetter =
    typeof comparator === "string" ? comparator === "<=" || comparator === "<" : `OR(${comparator.ref}="≤",${comparator.ref}="<")`;
  const rate = lowerIsBetter === true ? lower : lowerIsBetter === false ? higher : `IF(${lowerIsBetter},${lower},${higher})`;
  const verdict = `IFERROR(CHOOSE(SIGN(ROUND(${v}-${T},9))+2,${bySign(comparator, 0)},${bySign(comparator, 1)},${bySign(comparator, 2)}),"")`;
  return { rate: `=${rate}`, verdict: `=${verdict}` };
}

/** The verdict formula of a qualitative target: only a result that states one ("Đạt", "Chưa đạt") is judged. */
export function qualitativeFormulas(result: string): { rate: string; verdict: string } {
  // The result as statedVerdict reads it: trimmed, lower case, a trailing full stop off.
  const low = `LOWER(TRIM(${result}&""))`;
  const t = `IF(RIGHT(${low},1)=".",TRIM(LEFT(${low},LEN(${low})-1)),${low})`;
  const words: string[] = [];
  const verdicts: string[] = [];
  for (const v of ["Vượt", "Chưa đạt", "Đạt"] as Verdict[]) {
    for (const w of STATED[v]) {
      if (words.includes(w)) continue;
      words.push(w);
      verdicts.push(v);
    }
  }
  const list = (xs: string[]) => `{${xs.map((x) => `"${x}"`).join(",")}}`;
  return { rate: `=""`, verdict: `=IF(ISNUMBER(${result}),"",IFERROR(INDEX(${list(verdicts)},MATCH(${t},${list(words)},0)),""))` };
}

/**
 * The two formulas the sheet carries for one indicator row, computing exactly what
 * `achieve(target, readResult(result))` computes. `refs.target` is a cell reference
 * when the target cell holds a number, or null to write the parsed value; the
 * comparator is written into the formula (it lives in the target's number format,
 * which formulas cannot read). Plain functions only, so Excel 2019 and LibreOffice
 * both compute them.
 */
export function achievementFormulas(target: Target, refs: ResultRefs): { rate: string; verdict: string } {
  if (target.kind === "qualitative") return qualitativeFormulas(refs.result);
  return numericFormulas(resultValueFormula(refs), refs.target ?? String(target.value), target.comparator);
}
