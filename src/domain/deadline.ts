/**
 * Deadlines ("Thời gian hoàn thành") as officials write them. A deadline names the
 * last day of its period: "Quý II/2026" → 30/06/2026, "10/2026" → 31/10/2026,
 * "Năm 2026" → 31/12/2026. A period without a year takes the plan's year.
 */
import type { CellValue } from "./snapshot";
import { clean, normalize } from "./text";
import { endOfMonth, fromExcelSerial, isDateFormat, isPlausibleSerial, isValidDate, isoDate, type IsoDate } from "./dates";

export type Period = "day" | "month" | "quarter" | "half" | "year";
export type Recurrence = "ongoing" | "yearly" | "quarterly" | "monthly";

export type Deadline =
  | { kind: "date"; due: IsoDate; period: Period; yearAssumed: boolean }
  /** Ongoing or periodic work; `dayOfMonth` for "trước ngày 20 hằng tháng". */
  | { kind: "recurring"; every: Recurrence; dayOfMonth?: number }
  /** Written, but names no date: "Theo hướng dẫn của tỉnh". */
  | { kind: "undated"; text: string };

export type DeadlineParse =
  | { ok: true; deadline: Deadline }
  | { ok: false; code: "empty" | "unreadable"; reason: string };

export interface DeadlineContext {
  planYear: number;
  numberFormat?: string | null;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/** Parse a deadline cell. Never throws. */
export function parseDeadline(input: CellValue, ctx: DeadlineContext): DeadlineParse {
  if (input === null || input === undefined || (typeof input === "string" && clean(input) === "")) {
    return { ok: false, code: "empty", reason: "Chưa có thời hạn hoàn thành." };
  }
  if (typeof input === "boolean") return { ok: false, code: "unreadable", reason: "Ô chứa giá trị đúng/sai, không phải thời hạn." };
  if (typeof input === "number") return fromNumber(input, ctx);
  // The same deadline texts recur on many rows and in every commune's file.
  const key = `${ctx.planYear}|${input}`;
  const known = textDeadlines.get(key);
  if (known) return known;
  const parsed = fromText(input, ctx);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: the bound only limits memory; every result is the same
  if (textDeadlines.size > 20_000) textDeadlines.clear();
  textDeadlines.set(key, parsed);
  return parsed;
}

const textDeadlines = new Map<string, DeadlineParse>();

function fromNumber(n: number, ctx: DeadlineContext): DeadlineParse {
  if (Number.isInteger(n) && n >= 1900 && n <= 2200 && !isDateFormat(ctx.numberFormat)) {
    return ok({ kind: "date", due: isoDate(n, 12, 31), period: "year", yearAssumed: false });
  }
  if (isPlausibleSerial(n)) return ok({ kind: "date", due: fromExcelSerial(n), period: "day", yearAssumed: false });
  return { ok: false, code: "unreadable", reason: `Không hiểu thời hạn "${n}".` };
}

function ok(deadline: Deadline): DeadlineParse {
  return { ok: true, deadline };
}

function fromText(raw: string, ctx: DeadlineContext): DeadlineParse {
  const text = clean(raw);
  // Folded: no accents, lower case, words and numbers with "/" kept between them.
  // Stryker disable next-line MethodExpression: the patterns look for words, not for the key's ends
  const key = normalize(text)
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/[^a-z0-9/]+/g, " ")
    // Stryker disable next-line Regex: the date patterns allow spaces around "/" themselves; this only tidies the key
    .replace(/\s*\/\s*/g, "/")
    .trim();
  const k = ` ${key.replace(/\//g, " ")} `;

  const monthly = /(hang|moi) thang/.test(k);
  // "Trước ngày 20 hằng tháng", "ngày 15 hàng tháng", "chậm nhất ngày 25 mỗi tháng".
  const recurringDay = k.match(/ ngay (\d{1,2}) (?:hang|moi) thang /);
  if (recurringDay) return ok({ kind: "recurring", every: "monthly", dayOfMonth: Number(recurringDay[1]) });

  const dates = collectDates(text, key, ctx.planYear);
  if (dates.length > 0) {
    // A range ("Quý I - Quý IV/2026", "2026-2030") ends on its last day.
    dates.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
    return ok(dates[dates.length - 1]);
  }

  if (/ thuong xuyen /.test(k) || / lien tuc /.test(k)) return ok({ kind: "recurring", every: "ongoing" });
  if (monthly) return ok({ kind: "recurring", every: "monthly" });
  if (/ (hang|moi) quy /.test(k) || / dinh ky /.test(k)) return ok({ kind: "recurring", every: "quarterly" });
  if (/ (hang|moi) nam /.test(k)) return ok({ kind: "recurring", every: "yearly" });
  if (/ (theo|quy dinh|huong dan|khi co|ke hoach|chi dao|yeu cau) /.test(k)) return ok({ kind: "undated", text });
  return { ok: false, code: "unreadable", reason: `Không hiểu thời hạn "${text}".` };
}

type DateDeadline = Extract<Deadline, { kind: "date" }>;

/**
 * Every date the text names, most specific patterns first; a span of the folded
 * key used by one pattern is not read again by a vaguer one ("11/2025" is a month,
 * not also the year 2025).
 */
function collectDates(text: string, key: string, planYear: number): DateDeadline[] {
  const out: DateDeadline[] = [];
  const used: [number, number][] = [];
  const claim = (m: RegExpMatchArray): boolean => {
    const s = m.index ?? 0;
    const e = s + m[0].length;
    if (used.some(([a, b]) => s < b && e > a)) return false;
    used.push([s, e]);
    return true;
  };
  const add = (due: IsoDate, period: Period, yearAssumed: boolean) => out.push({ kind: "date", due, period, yearAssumed });

  // dd/mm/yyyy (also with - or .): a full date makes every other number in the text
  // part of it. One separator throughout: "Tháng 9-10/2026" is two months, not 9 October.
  const fullDates = [...text.matchAll(/(?<!\d)(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})(?!\d)/g)];
  for (const m of fullDates) {
    const [d, mo, y] = [Number(m[1]), Number(m[3]), Number(m[4])];
    if (isValidDate(y, mo, d)) add(isoDate(y, mo, d), "day", false);
  }
  if (out.length > 0) return out;

  // Quý II/2026, Quí II (the older spelling), QIV/2026, Quý 3; a list shares its year:
  // "Quý III, IV/2026", "Quý I và Quý II/2026".
  const quarter = "(?:iv|iii|ii|i|[1-4])(?![a-z\\d])";
  const quarters = new RegExp(`\\b(?:quy|qui|q)\\s*(${quarter}(?:\\s*(?:va|den|toi)?\\s*(?:qu[yi]\\s*)?${quarter})*)(?:\\s*(?:\\/|nam)\\s*(\\d{4}))?`, "g");
  for (const m of key.matchAll(quarters)) {
    if (!claim(m)) continue;
    for (const q of m[1].match(/iv|iii|ii|i|[1-4]/g)!) add(endOfMonth(m[2] ? Number(m[2]) : planYear, (ROMAN[q] ?? Number(q)) * 3), "quarter", !m[2]);
  }
  for (const m of key.matchAll(/6 thang (dau|cuoi)(?: nam)?(?:\s*(\d{4}))?/g)) {
    if (!claim(m)) continue;
    const y = m[2] ? Number(m[2]) : planYear;
    add(m[1] === "dau" ? isoDate(y, 6, 30) : isoDate(y, 12, 31), "half", !m[2]);
  }
  // tháng 3/2026, T3/2026, 10/2026, hết 11/2025, tháng 3 năm 2026
  for (const m of key.matchAll(/(?:\b(?:thang|t)\s*)?(?<![\d/])(\d{1,2})\s*(?:\/|nam)\s*(\d{4})(?![\d/])/g)) {
    const mo = Number(m[1]);
    if (mo >= 1 && mo <= 12 && claim(m)) add(endOfMonth(Number(m[2]), mo), "month", false);
  }
  // 30/6, trước ngày 15/10 (the plan's year); not after "tháng", where it would be two months
  for (const m of key.matchAll(/(?<![\d/])(\d{1,2})\/(\d{1,2})(?![\d/])/g)) {
    const [d, mo] = [Number(m[1]), Number(m[2])];
    if (!/\b(thang|t)\s*$/.test(key.slice(0, m.index)) && isValidDate(planYear, mo, d) && claim(m)) add(isoDate(planYear, mo, d), "day", true);
  }
  // tháng 3 (the plan's year)
  for (const m of key.matchAll(/\bthang\s*(\d{1,2})(?![\d/])/g)) {
    const mo = Number(m[1]);
    if (mo >= 1 && mo <= 12 && claim(m)) add(endOfMonth(planYear, mo), "month", true);
  }
  // năm 2026, 2026, 2026-2030
  for (const m of key.matchAll(/(?<![\d/])(\d{4})(?![\d/])/g)) {
    const y = Number(m[1]);
    if (y >= 1900 && y <= 2200 && claim(m)) add(isoDate(y, 12, 31), "year", false);
  }
  return out;
}
