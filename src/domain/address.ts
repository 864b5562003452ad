/** A1 addresses. Rows and columns are 1-based here, as Excel shows them. */

// Column letters already spelled: a summary sheet spells tens of thousands of addresses.
const letters: string[] = [];

export function columnLetter(col: number): string {
  const known = letters[col];
  if (known !== undefined) return known;
  let n = col;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  if (Number.isInteger(col) && col > 0 && col <= 16_384) letters[col] = s;
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

export function parseA1(address: string): { row: number; col: number } {
  // Letters then digits, read by hand (a summary parses thousands of ranges); "$" and
  // anything unusual go the long way.
  let col = 0;
  let i = 0;
  for (; i < address.length && i < 3; i++) {
    const c = address.charCodeAt(i) | 32; // lower case
    if (c < 97 || c > 122) break;
    col = col * 26 + c - 96;
  }
  const digits = address.slice(i);
  if (i > 0 && /^\d+$/.test(digits)) return { col, row: Number(digits) };
  const m = address.replace(/\$/g, "").match(/^([A-Za-z]{1,3})(\d+)$/);
  if (!m) throw new Error(`Not an A1 address: ${address}`);
  return { col: columnNumber(m[1]), row: Number(m[2]) };
}

export interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function parseRange(range: string): Range {
  const [from, to = from] = range.split(":");
  const a = parseA1(from);
  const b = parseA1(to);
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

export function rangeA1(r: Range): string {
  const from = a1(r.top, r.left);
  const to = a1(r.bottom, r.right);
  return from === to ? from : `${from}:${to}`;
}
