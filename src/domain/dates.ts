/**
 * Calendar dates as ISO strings ("2026-06-30"): plain data that survives JSON,
 * compares with < and never depends on a time zone. No clock is read here.
 */

export type IsoDate = string;

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function parseIso(d: IsoDate): { year: number; month: number; day: number } {
  const [year, month, day] = d.split("-").map(Number);
  return { year, month, day };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function endOfMonth(year: number, month: number): IsoDate {
  return isoDate(year, month, daysInMonth(year, month));
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && year >= 1900 && year <= 9999;
}

/** Excel's serial day number (1900 date system, as Excel and LibreOffice store dates). */
export function toExcelSerial(d: IsoDate): number {
  let serial = serials.get(d);
  if (serial === undefined) {
    const { year, month, day } = parseIso(d);
    serial = Math.round((Date.UTC(year, month - 1, day) - EXCEL_EPOCH_UTC) / DAY_MS);
    if (serials.size >= 10_000) serials.clear();
    serials.set(d, serial);
  }
  return serial;
}

// Every task is judged against the report date and one of a few dozen deadlines
// (31/12/2026, the quarters' ends), thousands of times in a province's consolidation.
const serials = new Map<IsoDate, number>();

export function fromExcelSerial(serial: number): IsoDate {
  const t = new Date(EXCEL_EPOCH_UTC + Math.floor(serial) * DAY_MS);
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toExcelSerial(b) - toExcelSerial(a);
}

export function addDays(d: IsoDate, days: number): IsoDate {
  return fromExcelSerial(toExcelSerial(d) + days);
}

/** "30/06/2026", as Vietnamese documents write dates. */
export function formatDateVi(d: IsoDate): string {
  const { year, month, day } = parseIso(d);
  return `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
}

/**
 * A date as Decree 30/2020/NĐ-CP writes it in a document's text: "ngày 05 tháng 3 năm
 * 2026" (a day below 10 and the months 1 and 2 take a leading zero, other months none).
 */
export function dateInWords(d: IsoDate): string {
  const { year, month, day } = parseIso(d);
  return `ngày ${String(day).padStart(2, "0")} tháng ${month <= 2 ? String(month).padStart(2, "0") : month} năm ${year}`;
}

/** The same wording with the day and the month left for the official to fill in: "ngày … tháng … năm 2026". */
export function blankDateInWords(year: number): string {
  return `ngày … tháng … năm ${year}`;
}

/** A serial in the range a real deadline or report date could have (1982–2173). */
export function isPlausibleSerial(n: number): boolean {
  return Number.isFinite(n) && n >= 30000 && n <= 100000;
}

/** Number formats Excel uses for dates (d, m, y tokens outside quotes, not elapsed time). */
export function isDateFormat(fmt: string | null | undefined): boolean {
  if (!fmt) return false;
  const bare = fmt.replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "");
  return /[dy]/i.test(bare) || /m{3,}/i.test(bare) || /(^|[^h:])m+[/.-]/i.test(bare);
}
