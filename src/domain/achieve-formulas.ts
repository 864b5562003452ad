/**
 * The formulas compute writes into an indicator table: two hidden helpers that read a
 * typed result once (as `readResult` reads it), then the rate and the verdict (as
 * `achieve` computes them). Formula text is held to the hand-written boundaries and to
 * the domain by recalculating it in LibreOffice (the suites of
 * jest.stryker-formulas.config.js), which is also how `npm run mutate:formulas` tests
 * its mutants.
 */
import type { Comparator, Target } from "./target";
import { RESULT_BLANKS, STATED_WORDS, type Verdict } from "./achieve";

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
  resultFormat: "percent" | "plain" | "unknown";
}

/** The machine's decimal separator: the second character of 1/2 written as text ("0.5" or "0,5"). */
const DECIMAL = "MID(1/2,2,1)";

function formulaChar(c: string): string {
  // A line feed or CR left between the formula's quotes is the same character to the
  // engine as CHAR(10) or CHAR(13), so the mutants that skip this test are equivalent
  // (the one that takes every character here fails 19 LibreOffice tests, tried by hand).
  // Stryker disable next-line ConditionalExpression,StringLiteral,LogicalOperator: equivalent, see above
  if (c === "\n" || c === "\r") {
    return `CHAR(${c.charCodeAt(0)})`;
  }
  return `"${c}"`;
}

/**
 * The first result helper: the cell as `readResult` tidies text before reading it (all
 * spaces and line breaks out, the decimal comma made a point: "96,5 %" → "96.5%"), or
 * the number itself.
 */
export function resultTextFormula(result: string): string {
  const tidy = RESULT_BLANKS.reduce((s, c) => `SUBSTITUTE(${s},${formulaChar(c)},"")`, result);
  return `=IF(ISNUMBER(${result}),${result},SUBSTITUTE(${tidy},",","."))`;
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
  const ambiguousOne = scale.resultFormat === "plain";
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
  const rate =
    typeof comparator === "string"
      ? comparator === "<=" || comparator === "<"
        ? lower
        : higher
      : `IF(OR(${comparator.ref}="≤",${comparator.ref}="<"),${lower},${higher})`;
  const verdict = `IFERROR(${verdictBySign(comparator, `SIGN(ROUND(${v}-${T},9))`)},"")`;
  return { rate: `=${rate}`, verdict: `=${verdict}` };
}

/** The verdict formula of a qualitative target: only a result that states one ("Đạt", "Chưa đạt") is judged. */
export function qualitativeFormulas(result: string): { rate: string; verdict: string } {
  // The result as statedVerdict reads it: trimmed, lower case, a trailing full stop off.
  const low = `LOWER(TRIM(${result}&""))`;
  const t = `IF(RIGHT(${low},1)=".",TRIM(LEFT(${low},LEN(${low})-1)),${low})`;
  // The words grouped by the verdict they state (no word is in two groups); a word's
  // position tells its group.
  // Stryker disable next-line ArrayDeclaration: a word put before the first group moves every group's start with it
  const words: string[] = [];
  const starts: number[] = [];
  const verdicts: Verdict[] = ["Vượt", "Chưa đạt", "Đạt"];
  for (const v of verdicts) {
    starts.push(words.length + 1);
    words.push(...STATED_WORDS[v]);
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
