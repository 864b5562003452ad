/**
 * Excel's escapes for text in .xlsx: a character XML cannot hold is written
 * "_x0001_", a CR "_x000D_", and text that would read as such an escape gets
 * "_x005F_" (an escaped underscore) in front.
 */

const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** Text as stored → text as typed. */
export function excelUnescape(text: string): string {
  if (text.indexOf("_x") < 0) return text;
  return text.replace(ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Characters XML cannot hold (and CR, which XML turns into LF), and text that reads as Excel's escapes. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is matched
const NEEDS_ESCAPE = /[\x00-\x08\x0B\x0C\x0D\x0E-\x1F\x7F\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/;

/** Text as typed → text as stored, so it reads back exactly. */
export function excelEscape(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return (
    text
      .replace(/_x([0-9A-Fa-f]{4})_/g, "_x005F_x$1_")
      // eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced
      .replace(/[\x00-\x08\x0B\x0C\x0D\x0E-\x1F\x7F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`)
  );
}

/** Lone surrogates cannot be encoded in UTF-8: replace them, as a browser would. */
export function wellFormed(text: string): string {
  return /[\uD800-\uDFFF]/.test(text) ? text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD") : text;
}
