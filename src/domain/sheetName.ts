/**
 * Names for the sheets the add-in adds. A new sheet never takes the name of an
 * existing one (we never overwrite what a person made): "Tổng hợp chỉ tiêu" is
 * followed by "Tổng hợp chỉ tiêu (2)", "(3)", ... Excel's own rules apply: at most
 * 31 characters, none of \ / ? * [ ] :, not blank, not starting or ending with an
 * apostrophe, and "History" is reserved. Excel compares names without case, so
 * "tổng hợp" and "TỔNG HỢP" collide.
 */

export const MAX_SHEET_NAME = 31;

const FORBIDDEN = /[\\/?*[\]:]/g;
const RESERVED = ["history"];

/** A name Excel accepts, as close to `wanted` as possible. */
export function sanitizeSheetName(wanted: string): string {
  const cleaned = wanted
    .normalize("NFC")
    .replace(FORBIDDEN, "-")
    // eslint-disable-next-line no-control-regex -- control characters are exactly what Excel refuses
    .replace(/[\u0000-\u001f]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^'+|'+$/g, "")
    .trim();
  return truncate(cleaned || "Trang", MAX_SHEET_NAME);
}

function key(name: string): string {
  return name.normalize("NFC").toLocaleLowerCase("vi");
}

/** Cut at a code-point boundary and drop trailing spaces or apostrophes the cut exposed. */
function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return chars.slice(0, max).join("").replace(/[\s']+$/, "");
}

/**
 * The first free name for a new sheet: `wanted` itself when free, else
 * "wanted (2)", "wanted (3)", ... shortened so the whole stays within 31 characters.
 */
export function freeSheetName(wanted: string, existing: Iterable<string>): string {
  const taken = new Set<string>(RESERVED);
  for (const name of existing) taken.add(key(name));
  const base = sanitizeSheetName(wanted);
  if (!taken.has(key(base))) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = truncate(base, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!taken.has(key(candidate))) return candidate;
  }
}
