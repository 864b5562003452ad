/**
 * Achievement (tỷ lệ đạt) and verdict (Đạt / Vượt / Chưa đạt) of an indicator.
 *
 * Two readers of a result exist on purpose:
 * - `sheetResult` reads a result the way the sheet's own formulas do (only numbers
 *   count; in a % indicator a number above 1 is percentage points: 72 → 72%), so
 *   that what the add-in reports equals what Excel shows in a workbook without it;
 * - `parseResult` reads leniently ("72%", "0,72" typed as text) for consolidating
 *   other units' files, and notes what it had to assume.
 */
import type { CellValue } from "./snapshot";
import type { Target } from "./target";
import { parseTarget } from "./target";
import { clean } from "./text";
import { excelRound, roundTo } from "./numbers";

export type Verdict = "Đạt" | "Vượt" | "Chưa đạt";

export interface Achievement {
  /** Result as a number in the target's scale (fraction for %), or the text of a qualitative result. */
  result: number | string | null;
  /** Result ÷ target (target ÷ result when lower is better); null when it cannot be computed. */
  rate: number | null;
  verdict: Verdict | null;
}

export type ResultNote = "text-number" | "ambiguous-percent" | "percent-points" | "unreadable";

export interface ResultRead {
  value: number | string | null;
  notes: ResultNote[];
}

/** A unit of measure that is a percentage ("%", "% GRDP", "% tổng chi NS xã"). */
export function isPercentUnit(unit: string | null | undefined): boolean {
  return clean(unit ?? "").startsWith("%");
}

/** The result as the sheet's formulas see it. */
export function sheetResult(value: CellValue, percentUnit: boolean): number | string | null {
  // Unrounded, exactly as IF(R>1,R/100,R) computes it.
  if (typeof value === "number" && Number.isFinite(value)) return percentUnit && value > 1 ? value / 100 : value;
  if (typeof value === "string" && clean(value) !== "") return clean(value);
  return null;
}

/** The result read leniently, for consolidation: "72%", "0,72" and 72 all mean 72% in a % indicator. */
export function parseResult(value: CellValue, ctx: { percentUnit: boolean; numberFormat?: string | null }): ResultRead {
  if (value === null || value === undefined || (typeof value === "string" && clean(value) === "")) return { value: null, notes: [] };
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { value: null, notes: ["unreadable"] };
    if (!ctx.percentUnit || (ctx.numberFormat ?? "").includes("%")) return { value, notes: [] };
    if (value === 1) return { value: 1, notes: ["ambiguous-percent"] };
    return value > 1 ? { value: roundTo(value / 100), notes: ["percent-points"] } : { value, notes: [] };
  }
  if (typeof value === "boolean") return { value: null, notes: ["unreadable"] };
  // A number typed as text reads like the same number typed as a number ("0,72" and
  // 0.72 alike); with its own "%" sign it is a percentage whatever the unit.
  const p = parseTarget(value);
  if (p.ok && p.target.kind === "numeric" && !p.trailing && p.target.bare) {
    const asNumber = p.target.percent
      ? { value: p.target.value, notes: [] as ResultNote[] }
      : parseResult(p.target.value, { percentUnit: ctx.percentUnit });
    return { value: asNumber.value, notes: ["text-number", ...asNumber.notes] };
  }
  return { value: clean(value), notes: [] };
}

/**
 * A qualitative result says "not met" when it contains the word "chưa" or "không"
 * (or the same typed without accents). Words are delimited by spaces and the
 * punctuation below, so "chuẩn"/"chứa" do not count. The sheet formula
 * (`achievementFormulas`) runs exactly this test, so the two always agree.
 */
const NEGATIVE_WORDS = ["chưa", "không", "chua", "khong"];
const WORD_BREAKS = [",", ".", ";", ":", "(", ")", "-", "\n"];

export function isNegativeResult(text: string): boolean {
  let t = text.toLowerCase();
  for (const b of WORD_BREAKS) t = t.split(b).join(" ");
  t = ` ${t} `;
  return NEGATIVE_WORDS.some((w) => t.includes(` ${w} `));
}

/** Achievement of one indicator, from its target and a result already read. */
export function achieve(target: Target | null, result: number | string | null): Achievement {
  if (result === null || target === null) return { result, rate: null, verdict: null };
  if (target.kind === "qualitative") {
    if (typeof result !== "string") return { result, rate: null, verdict: null };
    return { result, rate: null, verdict: isNegativeResult(result) ? "Chưa đạt" : "Đạt" };
  }
  if (typeof result !== "number") return { result, rate: null, verdict: null };
  const t = target.value;
  const r = result;
  // The same arithmetic as achievementFormulas: ROUND(r/t,4) for the rate, and the
  // difference rounded to 9 decimals for the verdict, so float noise never flips it.
  const diff = excelRound(r - t, 9);
  switch (target.comparator) {
    case ">=":
      return { result, rate: t === 0 ? null : excelRound(r / t, 4), verdict: diff > 0 ? "Vượt" : diff >= 0 ? "Đạt" : "Chưa đạt" };
    case ">":
      return { result, rate: t === 0 ? null : excelRound(r / t, 4), verdict: diff > 0 ? "Đạt" : "Chưa đạt" };
    case "<=":
      return { result, rate: r === 0 ? 1 : excelRound(t / r, 4), verdict: diff < 0 ? "Vượt" : diff <= 0 ? "Đạt" : "Chưa đạt" };
    case "<":
      return { result, rate: r === 0 ? 1 : excelRound(t / r, 4), verdict: diff < 0 ? "Đạt" : "Chưa đạt" };
    case "=":
      return { result, rate: t === 0 ? null : excelRound(r / t, 4), verdict: Math.abs(r - t) < 1e-9 ? "Đạt" : "Chưa đạt" };
  }
}

/**
 * The two formulas the sheet carries for one indicator row, computing exactly what
 * `achieve(target, sheetResult(result))` computes. `target` is a cell reference
 * when the target cell holds a number, or the parsed value otherwise; the
 * comparator is written into the formula (it lives in the target's number format,
 * which formulas cannot read). Plain functions only, so Excel 2019 and LibreOffice
 * both compute them.
 */
export function achievementFormulas(
  target: Target,
  refs: { result: string; target: string | null; percentUnit: boolean },
): { rate: string; verdict: string } {
  const R = refs.result;
  if (target.kind === "qualitative") {
    const blank = `TRIM(${R}&"")=""`;
    // The same test as isNegativeResult: punctuation to spaces, padded, whole words.
    let padded = `${R}&""`;
    for (const b of WORD_BREAKS) padded = `SUBSTITUTE(${padded},${b === "\n" ? "CHAR(10)" : `"${b}"`}," ")`;
    padded = `" "&${padded}&" "`;
    const negative = `OR(${NEGATIVE_WORDS.map((w) => `ISNUMBER(SEARCH(" ${w} ",${padded}))`).join(",")})`;
    return { rate: `=""`, verdict: `=IF(${blank},"",IF(ISNUMBER(${R}),"",IF(${negative},"Chưa đạt","Đạt")))` };
  }
  const T = refs.target ?? String(target.value);
  const v = refs.percentUnit ? `IF(${R}>1,${R}/100,${R})` : R;
  const guard = (expr: string) => `=IF(ISNUMBER(${R}),${expr},"")`;
  switch (target.comparator) {
    case ">=":
      return {
        rate: guard(`IF(${T}=0,"",ROUND(${v}/${T},4))`),
        verdict: guard(`IF(ROUND(${v}-${T},9)>0,"Vượt",IF(ROUND(${v}-${T},9)>=0,"Đạt","Chưa đạt"))`),
      };
    case ">":
      return { rate: guard(`IF(${T}=0,"",ROUND(${v}/${T},4))`), verdict: guard(`IF(ROUND(${v}-${T},9)>0,"Đạt","Chưa đạt")`) };
    case "<=":
      return {
        rate: guard(`IF(${v}=0,1,ROUND(${T}/${v},4))`),
        verdict: guard(`IF(ROUND(${v}-${T},9)<0,"Vượt",IF(ROUND(${v}-${T},9)<=0,"Đạt","Chưa đạt"))`),
      };
    case "<":
      return { rate: guard(`IF(${v}=0,1,ROUND(${T}/${v},4))`), verdict: guard(`IF(ROUND(${v}-${T},9)<0,"Đạt","Chưa đạt")`) };
    case "=":
      return { rate: guard(`IF(${T}=0,"",ROUND(${v}/${T},4))`), verdict: guard(`IF(ABS(${v}-${T})<1E-9,"Đạt","Chưa đạt")`) };
  }
}
