/**
 * A cell as Excel shows it: the value through its number format, in Vietnamese
 * conventions (decimal comma, thousands point, dd/mm/yyyy), by numfmt
 * (github.com/borgar/numfmt: Excel's format language, locales, date serials with
 * the 1900 leap-year quirk). Only the page's grid uses it; the domain never formats
 * for display.
 */
import { format, formatColor } from "numfmt";
import type { CellValue } from "../domain/snapshot";

/**
 * Built-in format 14 is "the system's short date": the package layer reports it as
 * "mm-dd-yy", but Excel on a Vietnamese system shows it as dd/mm/yyyy.
 */
const SYSTEM_SHORT_DATE = "mm-dd-yy";
const VIETNAMESE_SHORT_DATE = "dd/mm/yyyy";

export interface Displayed {
  text: string;
  /** A colour the format asks for ("[Red]"), as CSS; null when none. */
  color: string | null;
  /** Numbers (and dates) are right-aligned, text left, as in Excel. */
  align: "left" | "right" | "center";
}

/** What Excel shows for a value with a number format ("General" or none: Excel's General). */
export function displayCell(value: CellValue, numberFormat: string | null | undefined): Displayed {
  if (value === null || value === "") return { text: "", color: null, align: "left" };
  const pattern = !numberFormat ? "General" : numberFormat === SYSTEM_SHORT_DATE ? VIETNAMESE_SHORT_DATE : numberFormat;
  const align = typeof value === "number" ? "right" : typeof value === "boolean" ? "center" : "left";
  try {
    const text = format(pattern, value, { locale: "vi", throws: true });
    const color: unknown = formatColor(pattern, value, { throws: true });
    return { text, color: typeof color === "string" && color ? cssColor(color) : null, align };
  } catch {
    // A format numfmt cannot read (rare, hand-written XML): the plain value rather than "######".
    return { text: plain(value), color: null, align };
  }
}

function plain(value: CellValue): string {
  if (typeof value === "number") return String(value).replace(".", ",");
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value ?? "");
}

/** numfmt names the eight colours of Excel's formats ("red") or gives "#rrggbb" for [ColorN]. */
function cssColor(color: string): string {
  return color.toLowerCase();
}
