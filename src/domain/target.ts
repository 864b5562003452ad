/**
 * Targets ("Chỉ tiêu", "Kết quả" in the plans): "≥ 60%", "100%.", "từ 60% trở lên",
 * "≤ 5%", "≥ 01", "Có triển khai", or a real cell number (0.6 formatted as 60%).
 */
import type { CellValue } from "./snapshot";
import type { Comparator } from "../catalog/types";
import { clean } from "./text";
import { formatNumberVi, parseLocaleNumber, roundTo } from "./numbers";

export type { Comparator };

export type Target =
  | {
      kind: "numeric";
      comparator: Comparator;
      /** In the indicator's unit; percentages as fractions (0.6 = 60%). */
      value: number;
      /** Written or formatted as a percentage. */
      percent: boolean;
      /** No comparator was written ("100%"): read as "at least", shown as written. */
      bare?: boolean;
    }
  | { kind: "qualitative"; text: string };

/** Things worth telling the official about a target that still parsed. */
export type TargetNote =
  | "stray-punctuation" // "100%."
  | "redundant-comparator" // "≥ 100%"
  | "extra-spaces" // "≥  50%"
  | "leading-zero" // "≥ 01"
  | "percent-assumed" // "60" in a % indicator
  | "trailing-text"; // "≥ 01 mô hình"

export type TargetParse =
  | { ok: true; target: Target; notes: TargetNote[]; trailing?: string }
  | { ok: false; code: "empty" | "unreadable"; reason: string };

export interface TargetContext {
  /** The cell's number format, when the value is a real number. */
  numberFormat?: string | null;
  /** The indicator's unit is a percentage: a bare "60" means 60%. */
  percentUnit?: boolean;
}

interface ComparatorWords {
  pattern: RegExp;
  comparator: Comparator;
}

// Checked in order; the first that matches the start of the text wins.
const PREFIXES: ComparatorWords[] = [
  { pattern: /^(≥|>=|=>|≧|⩾)/, comparator: ">=" },
  { pattern: /^(≤|<=|=<|≦|⩽)/, comparator: "<=" },
  { pattern: /^>/, comparator: ">" },
  { pattern: /^</, comparator: "<" },
  { pattern: /^=/, comparator: "=" },
  { pattern: /^(tối thiểu|ít nhất|không dưới|không thấp hơn|từ)(?=\s|\d)/i, comparator: ">=" },
  { pattern: /^(tối đa|không quá|không vượt quá|không cao hơn)(?=\s|\d)/i, comparator: "<=" },
  { pattern: /^(trên|hơn|cao hơn)(?=\s|\d)/i, comparator: ">" },
  { pattern: /^(dưới|thấp hơn|ít hơn)(?=\s|\d)/i, comparator: "<" },
  // "Đạt 60%" is a commitment to reach 60%, "Duy trì 100%" to stay there: at least, not exactly.
  { pattern: /^(đạt|đạt tối thiểu|duy trì|giữ vững)(?=\s|\d)/i, comparator: ">=" },
  { pattern: /^(bằng)(?=\s|\d)/i, comparator: "=" },
];

const SUFFIXES: ComparatorWords[] = [
  { pattern: /\s*(trở lên|trở lên\.?)$/i, comparator: ">=" },
  { pattern: /\s*(trở xuống)$/i, comparator: "<=" },
];

/** Parse what an official wrote as a target. Never throws. */
export function parseTarget(input: CellValue, ctx: TargetContext = {}): TargetParse {
  // Stryker disable next-line ConditionalExpression,StringLiteral: "" read as text is empty too, with the same reason
  if (input === null || input === undefined || input === "") {
    return { ok: false, code: "empty", reason: "Chưa có chỉ tiêu." };
  }
  if (typeof input === "boolean") {
    return { ok: false, code: "unreadable", reason: "Ô chứa giá trị đúng/sai, không phải chỉ tiêu." };
  }
  if (typeof input === "number") return fromNumber(input, ctx);
  // The same target texts recur on many rows and in every commune's file, and the
  // reader, the checker and the consolidator each read them. Callers must not mutate the result.
  const key = `${ctx.percentUnit ? 1 : 0}|${input}`;
  const known = textTargets.get(key);
  if (known) return known;
  const parsed = fromText(input, ctx);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: the bound only limits memory; every result is the same
  if (textTargets.size > 20_000) textTargets.clear();
  textTargets.set(key, parsed);
  return parsed;
}

const textTargets = new Map<string, TargetParse>();

function fromNumber(value: number, ctx: TargetContext): TargetParse {
  if (!Number.isFinite(value)) return { ok: false, code: "unreadable", reason: "Giá trị số không hợp lệ." };
  // Stryker disable next-line StringLiteral: any default without "%" or a quoted literal reads the same as ""
  const fmt = ctx.numberFormat ?? "";
  const formatted = formatComparator(fmt);
  if (fmt.includes("%")) {
    return { ok: true, target: numeric(formatted, value, true), notes: [] };
  }
  if (ctx.percentUnit) {
    // 60 in a % indicator is 60%; 0.6 is also 60% (a fraction typed without format).
    const fraction = value > 1 ? value / 100 : value;
    return {
      ok: true,
      target: numeric(formatted, roundTo(fraction), true),
      notes: ["percent-assumed"],
    };
  }
  return { ok: true, target: numeric(formatted, value, false), notes: [] };
}

function numeric(comparator: Comparator | null, value: number, percent: boolean): Target {
  return comparator === null
    ? { kind: "numeric", comparator: ">=", value, percent, bare: true }
    : { kind: "numeric", comparator, value, percent };
}

/** A number format such as `"≥ "0%` carries the comparator in its literal text. */
function formatComparator(fmt: string): Comparator | null {
  // Stryker disable next-line ArrayDeclaration,StringLiteral: a default that names no comparator reads the same as ""
  const literal = (fmt.match(/"([^"]*)"/) ?? [])[1] ?? "";
  const words = PREFIXES.find((p) => p.pattern.test(literal.trim()));
  return words ? words.comparator : null;
}

function fromText(raw: string, ctx: TargetContext): TargetParse {
  const notes: TargetNote[] = [];
  const nfc = raw.normalize("NFC");
  // Text on both sides of the spaces: spaces at the ends are not "extra" (clean drops them).
  if (/\S\s{2,}\S/.test(nfc)) notes.push("extra-spaces");
  let text = clean(nfc);
  if (text === "") return { ok: false, code: "empty", reason: "Chưa có chỉ tiêu." };

  const stripped = text.replace(/[.,;:]+$/, "");
  if (stripped !== text) {
    notes.push("stray-punctuation");
    text = stripped;
  }

  let comparator: Comparator | null = null;
  let rest = text;
  for (const p of PREFIXES) {
    const m = rest.match(p.pattern);
    if (m) {
      comparator = p.comparator;
      rest = rest.slice(m[0].length).trim();
      break;
    }
  }
  for (const s of SUFFIXES) {
    if (s.pattern.test(rest)) {
      comparator = comparator === null || comparator === ">=" || comparator === "<=" ? s.comparator : comparator;
      rest = rest.replace(s.pattern, "").trim();
    }
  }

  // `rest` is cleaned: its spaces are single. A space inside a number only before a group
  // of three digits ("1 000"): "2 mô hình" is 2 and words.
  const m = rest.match(/^([+-]?\d(?:[\d.,]| (?=\d{3}(?!\d)))*) ?(%)?(?: (.*))?$/u);
  if (!m) {
    if (comparator !== null) {
      return { ok: false, code: "unreadable", reason: `Không đọc được giá trị sau dấu so sánh trong "${text}".` };
    }
    // No number up front: a qualitative target ("Có triển khai", "Tiên tiến, hiện đại").
    return { ok: true, target: { kind: "qualitative", text: clean(raw) }, notes: [] };
  }
  const value = parseLocaleNumber(m[1]);
  // Not a number, or more digits than a number can hold ("999…" typed by a stuck key).
  if (!Number.isFinite(value)) {
    return { ok: false, code: "unreadable", reason: `Không đọc được số "${m[1]}" trong chỉ tiêu.` };
  }
  // The pattern gives the number and the words without spaces at their ends (`rest` is trimmed).
  const trailing = m[3];
  if (trailing) {
    // "≥ 1% và tăng dần theo yêu cầu" is still a number; a sentence that merely
    // starts with a digit ("2 mô hình mỗi ấp") is too, and we keep the words.
    notes.push("trailing-text");
  }
  if (/^0\d/.test(m[1])) notes.push("leading-zero");

  let percent = Boolean(m[2]);
  let scaled = percent ? value / 100 : value;
  if (!percent && ctx.percentUnit) {
    percent = true;
    scaled = value / 100;
    notes.push("percent-assumed");
  }
  if (comparator === ">=" && percent && roundTo(scaled) === 1) notes.push("redundant-comparator");
  return {
    ok: true,
    target: numeric(comparator, roundTo(scaled), percent),
    notes,
    ...(trailing ? { trailing } : {}),
  };
}

const SYMBOL: Record<Comparator, string> = { ">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "=" };

/**
 * The target as officials write it: "≥ 60%", "100%", "≥ 1", "≤ 5%".
 * A bare target stays bare, and "≥ 100%" is written "100%" (nothing can exceed it).
 */
export function formatTarget(t: Target): string {
  if (t.kind === "qualitative") return t.text;
  const shown = t.percent ? formatNumberVi(t.value * 100, 2) + "%" : formatNumberVi(t.value, 2);
  if (t.bare || t.comparator === "=" || (t.comparator === ">=" && t.percent && roundTo(t.value) === 1)) return shown;
  return `${SYMBOL[t.comparator]} ${shown}`;
}

/**
 * An Excel number format that shows the stored number as officials write the
 * target: 0.6 with `"≥ "0%` shows "≥ 60%". Excel and LibreOffice both accept it.
 */
export function targetNumberFormat(t: Target & { kind: "numeric" }): string {
  const decimals = decimalsOf(t.percent ? t.value * 100 : t.value);
  const body = (decimals > 0 ? "0." + "0".repeat(decimals) : "0") + (t.percent ? "%" : "");
  const bare = t.bare || t.comparator === "=" || (t.comparator === ">=" && t.percent && roundTo(t.value) === 1);
  return bare ? body : `"${SYMBOL[t.comparator]} "${body}`;
}

function decimalsOf(v: number): number {
  const s = String(roundTo(v, 6));
  const i = s.indexOf(".");
  // Stryker disable next-line EqualityOperator: String(number) never starts with "."
  return i < 0 ? 0 : Math.min(3, s.length - i - 1);
}

/** Two targets say the same thing. */
export function sameTarget(a: Target, b: Target): boolean {
  if (a.kind === "qualitative" || b.kind === "qualitative") {
    return a.kind === "qualitative" && b.kind === "qualitative" && clean(a.text).toLowerCase() === clean(b.text).toLowerCase();
  }
  return a.comparator === b.comparator && roundTo(a.value) === roundTo(b.value) && a.percent === b.percent;
}
