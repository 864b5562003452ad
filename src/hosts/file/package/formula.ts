/**
 * Moving a formula's relative references, as Excel does when it fills a shared
 * formula: the master cell C4 holds "C3*2" for C4:C8, and C6 means "C5*2". Absolute
 * parts ($C$3) stay; text in quotes, quoted sheet names, structured references
 * (Bảng1[Cột]) and function names (LOG10() are left alone.
 */
import { columnLetter, columnNumber } from "../../../domain/address";

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

const NAME_CHAR = /[A-Za-z0-9_.\\\u00C0-\uFFFF]/;

/** A cell reference, a whole-column range (A:C) or a whole-row range (3:5), at the start of `s`. */
const REF = /^(?:(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})|(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![A-Za-z0-9_(])|(\$?)(\d{1,7}):(\$?)(\d{1,7})(?![0-9A-Za-z_]))/;

export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // A string or a quoted sheet name, with its doubled quotes.
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "[") {
      // A structured reference or an external workbook index: never shifted.
      let depth = 0;
      let j = i;
      for (; j < formula.length; j++) {
        if (formula[j] === "[") depth++;
        else if (formula[j] === "]" && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const prev = i > 0 ? formula[i - 1] : "";
    if (!NAME_CHAR.test(prev) || prev === "") {
      const m = REF.exec(formula.slice(i, i + 32));
      if (m) {
        const next = formula[i + m[0].length] ?? "";
        const cell = m[2] !== undefined;
        if (!cell || !/[A-Za-z0-9_(!.[]/.test(next)) {
          out += shiftRef(m, dRow, dCol);
          i += m[0].length;
          continue;
        }
      }
    }
    // Copy one name or number whole, so that its tail is not read as a reference ("ABC12X").
    if (NAME_CHAR.test(ch)) {
      let j = i;
      while (j < formula.length && NAME_CHAR.test(formula[j]) && formula[j] !== "\\") j++;
      out += formula.slice(i, Math.max(j, i + 1));
      i = Math.max(j, i + 1);
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

function shiftRef(m: RegExpExecArray, dRow: number, dCol: number): string {
  const col = (abs: string, letters: string) => {
    if (abs) return abs + letters.toUpperCase();
    const n = columnNumber(letters.toUpperCase()) + dCol;
    return n < 1 || n > MAX_COL ? null : columnLetter(n);
  };
  const row = (abs: string, digits: string) => {
    if (abs) return abs + digits;
    const n = Number(digits) + dRow;
    return n < 1 || n > MAX_ROW ? null : String(n);
  };
  let parts: (string | null)[];
  if (m[2] !== undefined) parts = [col(m[1], m[2]), row(m[3], m[4])];
  else if (m[6] !== undefined) parts = [col(m[5], m[6]), ":", col(m[7], m[8])];
  else parts = [row(m[9], m[10]), ":", row(m[11], m[12])];
  return parts.some((p) => p === null) ? "#REF!" : parts.join("");
}
