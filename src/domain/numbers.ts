/**
 * Numbers as officials type them: "1,5", "1.000", "0,6", "01", "60".
 * Vietnamese writes the decimal comma and the thousands point; English-trained
 * fingers and copied figures bring the opposite. We read both.
 */

/** Parse a number written in Vietnamese or English style; NaN when it is not one. */
export function parseLocaleNumber(raw: string): number {
  const s = raw.replace(/\s+/g, "");
  if (!/^[+-]?\d[\d.,]*$/.test(s)) return NaN;
  const lastComma = s.lastIndexOf(",");
  const lastDot = s.lastIndexOf(".");
  let normalized: string;
  if (lastComma >= 0 && lastDot >= 0) {
    // Both present: the last one is the decimal separator.
    const decimal = lastComma > lastDot ? "," : ".";
    const thousands = decimal === "," ? "." : ",";
    normalized = s.split(thousands).join("").replace(decimal, ".");
  } else if (lastComma >= 0) {
    normalized = isThousandsGrouping(s, ",") ? s.split(",").join("") : s.replace(",", ".");
  } else if (lastDot >= 0) {
    normalized = isThousandsGrouping(s, ".") ? s.split(".").join("") : s;
  } else {
    normalized = s;
  }
  if ((normalized.match(/\./g) ?? []).length > 1) return NaN;
  return Number(normalized);
}

/**
 * "1.000" and "12.500.000" are thousands; "0.6", "1,5" and "1.50" are decimals.
 * A single separator followed by exactly three digits and a non-zero leading group
 * is read as thousands, as a Vietnamese reader would.
 */
function isThousandsGrouping(s: string, sep: string): boolean {
  const parts = s.replace(/^[+-]/, "").split(sep);
  if (parts.length > 2) return parts.slice(1).every((p) => p.length === 3) && parts[0].length <= 3;
  return parts[1].length === 3 && parts[0].length <= 3 && !/^0+$/.test(parts[0]);
}

/** Format for people: decimal comma, no trailing zeros, at most `digits` decimals. */
export function formatNumberVi(value: number, digits = 2): string {
  const rounded = Number(value.toFixed(digits));
  const [int, frac] = String(Math.abs(rounded)).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return (rounded < 0 ? "-" : "") + grouped + (frac ? "," + frac : "");
}

/** Round away binary noise (0.1 + 0.2) before comparing. */
export function roundTo(value: number, digits = 9): number {
  const f = 10 ** digits;
  // A number too large to have decimals worth rounding would overflow to Infinity when scaled.
  if (!Number.isFinite(value * f)) return value;
  return Math.round(value * f) / f;
}

/**
 * ROUND as Excel and LibreOffice compute it, so the add-in's report equals what the
 * sheet's formulas show: the value is first taken to 15 significant digits (both
 * programs treat 0.955/0.8 = 1.19374999… as 1.19375), then rounded half away from zero.
 */
export function excelRound(value: number, digits: number): number {
  if (!Number.isFinite(value) || value === 0) return value;
  const fast = roundedFast(value, digits);
  if (fast !== null) return fast;
  const approx = Number(value.toPrecision(15));
  const sign = approx < 0 ? -1 : 1;
  const [m, e] = Math.abs(approx).toExponential().split("e");
  const shifted = Math.round(Number(`${m}e${Number(e) + digits}`));
  const [m2, e2] = shifted.toExponential().split("e");
  return sign * Number(`${m2}e${Number(e2) - digits}`);
}

/**
 * excelRound's answer without decimal strings, when arithmetic alone settles it: the
 * scaled value is far enough from a half that neither the 15-digit step nor the
 * binary error of scaling can move it across (together under 1e-14 of it), and small
 * enough that its rounded whole number and 10^digits are exact, so that their
 * quotient is the correctly rounded decimal, as parsing "…e-digits" gives. Null when
 * the decimal steps are needed (a tie such as 1.19375, large or odd arguments).
 * Consolidating 95 communes rounds thousands of rates; the strings cost most of it.
 */
function roundedFast(value: number, digits: number): number | null {
  if (!Number.isInteger(digits) || digits < 0 || digits > 15) return null;
  const scale = 10 ** digits;
  const scaled = Math.abs(value) * scale;
  if (!(scaled < 2 ** 52)) return null;
  const whole = Math.floor(scaled);
  if (Math.abs(scaled - whole - 0.5) <= scaled * 1e-14 + 1e-9) return null;
  return (value < 0 ? -1 : 1) * (scaled - whole > 0.5 ? whole + 1 : whole) / scale;
}
