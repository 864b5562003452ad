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

/** How a result cell's number is to be scaled, as `readResult` scales it. */
export interface ResultScale {
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

/** The machine's decimal separator: the second character of 1/2 written as text ("0.5" or "0,5"). */
const DECIMAL = "MID(1/2,2,1)";

/** What the first result helper takes out of text: spaces of every kind people paste, and line breaks. */
const RESULT_BLANKS = [" ", "\u00A0", "\u202F", "\n", "\r"];
const formulaChar = (c: string) => (c === "\n" ? "CHAR(10)" : c === "\r" ? "CHAR(13)" : `"${c}"`);

/**
 * The first result helper: the cell as `readResult` tidies text before reading it (all
 * spaces and line breaks out, the decimal comma made a point: "96,5 %" → "96.5%"), or
 * the number itself.
 */
export function resultTextFormula(result: string): string {
  const tidy = RESULT_BLANKS.reduce((s, c) => `SUBSTITUTE(${s},${formulaChar(c)},"")`, result);
  return `=IF(ISNUMBER(${result}),${result},SUBSTITUTE(${tidy},",","."))`;
}

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

/**
 * The second result helper: the result as a number in the target's scale (a fraction
 * for %), exactly as `readResult` reads it, or "" when there is nothing to judge (blank,
 * not a number, ambiguous). `text` is the first helper's cell. Text is read with text
 * functions only: VALUE sees nothing but digits and one decimal point, in the machine's
 * own notation, after everything else VALUE would read (dates "1/2", times, "1e3",
 * currency, signs) has been turned away.
 */
export function resultValueFormula(text: string, scale: ResultScale): string {
  const t = text;
  const digits = `SUBSTITUTE(${t},"%","")`;
  const x = `VALUE(SUBSTITUTE(${digits},".",${DECIMAL}))`;
  const percent = `${digits}<>${t}`;
  const shape = [
    // digits, points and "%" only; one point at most; one "%" at most, at the end
    `SUMPRODUCT(LEN(${t})-LEN(SUBSTITUTE(${t},{0,1,2,3,4,5,6,7,8,9,".","%"},"")))=LEN(${t})`,
    `LEN(${t})-LEN(SUBSTITUTE(${t},".",""))<2`,
    `OR(${digits}=${t},${digits}&"%"=${t})`,
    // "1.500": three digits after the point may be thousands, unless it starts with 0.
    `OR(LEFT(RIGHT(${digits},4))<>".",LEFT(${digits})="0")`,
  ];
  // A number typed: in a % row above 1 is percentage points; a bare 1 is ambiguous unless
  // the cell is known to be a percentage (or the format is unknown, as in the template).
  // Dividing by "" (ambiguous) or by FALSE (not a number's shape) is an error: "".
  const ambiguousOne = (scale.resultFormat ?? "plain") === "plain";
  let typed = t;
  let written = `${x}/IF(${percent},100,1)`;
  if (scale.percentUnit) {
    typed = ambiguousOne ? `IF(${t}=1,"",IF(${t}>1,${t}/100,${t}))` : `IF(${t}>1,${t}/100,${t})`;
    // Text without its own "%" reads as a number typed, and a bare 1 in text is ambiguous:
    // divided by 1 below 1, by "" at 1, by 100 above.
    written = `${x}/IF(${percent},100,CHOOSE(SIGN(${x}-1)+2,1,"",100))`;
  } else if (scale.countUnit) {
    typed = `IF(AND(${t}>0,${t}<1),"",${t})`;
    written = `${x}/IF(${percent},100,1)/OR(${x}=0,${x}>=IF(${percent},100,1))`;
  }
  return `=IFERROR(IF(ISNUMBER(${t}),${typed},${written}/(${shape.join(")/(")})),"")`;
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

/**
 * The verdict from the sign of result − target (−1, 0, 1): a literal comparator picks
 * its three words; a comparator read from a cell looks its row up in the same table.
 */
function verdictBySign(c: ComparatorInput, sign: string): string {
  const words = (cmp: Comparator) => BY_SIGN[cmp].map((v) => `"${v}"`).join(",");
  if (typeof c === "string") return `CHOOSE(${sign}+2,${words(c)})`;
  const order: Comparator[] = [">=", ">", "<=", "<", "="];
  const table = `{${order.map(words).join(";")}}`;
  return `INDEX(${table},MATCH(${c.ref},{${order.map((cmp) => `"${SYMBOLS[cmp]}"`).join(",")}},0),${sign}+2)`;
}

/**
 * Rate and verdict formulas for a numeric target, computing exactly what `achieve`
 * computes: ROUND(result/target, 4) (target/result when lower is better), and the
 * verdict from the sign of the difference rounded to 9 decimals. `v` is the result as
 * a number or "" (the cell of resultValueFormula), `T` the target's number.
 */
export function numericFormulas(v: string, T: string, comparator: ComparatorInput): { rate: string; verdict: string } {
  const higher = `IFERROR(ROUND(${v}/${T},4),"")`;
  const lower = `IFERROR(ROUND(${T}/${v},4),IF(${v}=0,1,""))`;
  const lowerIsBetter =
    typeof comparator === "string" ? comparator === "<=" || comparator === "<" : `OR(${comparator.ref}="≤",${comparator.ref}="<")`;
  const rate = lowerIsBetter === true ? lower : lowerIsBetter === false ? higher : `IF(${lowerIsBetter},${lower},${higher})`;
  const verdict = `IFERROR(${verdictBySign(comparator, `SIGN(ROUND(${v}-${T},9))`)},"")`;
  return { rate: `=${rate}`, verdict: `=${verdict}` };
}

/** The verdict formula of a qualitative target: only a result that states one ("Đạt", "Chưa đạt") is judged. */
export function qualitativeFormulas(result: string): { rate: string; verdict: string } {
  // The result as statedVerdict reads it: trimmed, lower case, a trailing full stop off.
  const low = `LOWER(TRIM(${result}&""))`;
  const t = `IF(RIGHT(${low},1)=".",TRIM(LEFT(${low},LEN(${low})-1)),${low})`;
  // The words grouped by the verdict they state; a word's position tells its group.
  const words: string[] = [];
  const starts: number[] = [];
  const verdicts: Verdict[] = ["Vượt", "Chưa đạt", "Đạt"];
  for (const v of verdicts) {
    starts.push(words.length + 1);
    for (const w of STATED[v]) if (!words.includes(w)) words.push(w);
  }
  const list = (xs: (string | number)[]) => `{${xs.map((x) => (typeof x === "number" ? String(x) : `"${x}"`)).join(",")}}`;
  return {
    rate: `=""`,
    verdict: `=IF(ISNUMBER(${result}),"",IFERROR(LOOKUP(MATCH(${t},${list(words)},0),${list(starts)},${list(verdicts)}),""))`,
  };
}

/** The cells one indicator row's formulas read and write. */
export interface ResultRefs {
  /** The result cell, and the row's two helper cells (RESULT_HELPERS). */
  result: string;
  text: string;
  value: string;
  /** The target cell when it holds a number (an expression reading it), or null to write the target's value. */
  target: string | null;
}

/**
 * The formulas the sheet carries for one indicator row, computing exactly what
 * `achieve(target, readResult(result))` computes: the two helpers that read the result
 * once (null for a qualitative target, whose verdict reads the words typed), the rate
 * and the verdict. The comparator is written into the formulas (it lives in the
 * target's number format, which formulas cannot read). Plain functions only, so Excel
 * 2019 and LibreOffice both compute them.
 */
export function achievementFormulas(
  target: Target,
  refs: ResultRefs,
  scale: ResultScale,
): { text: string | null; value: string | null; rate: string; verdict: string } {
  if (target.kind === "qualitative") return { text: null, value: null, ...qualitativeFormulas(refs.result) };
  return {
    text: resultTextFormula(refs.result),
    value: resultValueFormula(refs.text, scale),
    ...numericFormulas(refs.value, refs.target ?? String(target.value), target.comparator),
  };
}
