/**
 * What a PDF printed by LibreOffice says about its text, for the print tests: the size
 * every piece of text is drawn at (read from the content streams themselves: the font
 * size of `Tf` times the scale of the text and transformation matrices, so a sheet
 * shrunk to fit shows up as small text), and the words on each page with their
 * positions (poppler's pdftotext -bbox).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { unzlibSync } from "fflate";

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

/** The decompressed content of every stream in the file (FlateDecode or plain). */
function streams(pdf: Uint8Array): string[] {
  const text = Buffer.from(pdf).toString("latin1");
  const out: string[] = [];
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index + m[0].length;
    const end = text.indexOf("endstream", start);
    if (end < 0) break;
    const dict = text.slice(Math.max(0, text.lastIndexOf("<<", m.index)), m.index);
    const raw = pdf.subarray(start, end);
    try {
      out.push(/FlateDecode/.test(dict) ? Buffer.from(unzlibSync(raw)).toString("latin1") : Buffer.from(raw).toString("latin1"));
    } catch {
      // an image or a font program: not a content stream
    }
    // Past the keyword, or the "stream" inside "endstream" would be taken for the next stream's start.
    re.lastIndex = end + "endstream".length;
  }
  return out;
}

/** Tokens of a content stream: numbers, names, operators; strings and arrays as one token each. */
function* tokens(s: string): Generator<string> {
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === "%") {
      while (i < s.length && s[i] !== "\n" && s[i] !== "\r") i++;
    } else if (c === "(") {
      let depth = 0;
      const start = i;
      for (; i < s.length; i++) {
        if (s[i] === "\\") i++;
        else if (s[i] === "(") depth++;
        else if (s[i] === ")" && --depth === 0) break;
      }
      i++;
      yield s.slice(start, i);
    } else if (c === "[") {
      // An array (TJ's operand): skip to its end, strings inside included.
      const start = i;
      let depth = 0;
      for (; i < s.length; i++) {
        if (s[i] === "(") {
          let d = 0;
          for (; i < s.length; i++) {
            if (s[i] === "\\") i++;
            else if (s[i] === "(") d++;
            else if (s[i] === ")" && --d === 0) break;
          }
        } else if (s[i] === "[") depth++;
        else if (s[i] === "]" && --depth === 0) break;
      }
      i++;
      yield s.slice(start, i);
    } else if (c === "<" && s[i + 1] === "<") {
      yield "<<";
      i += 2;
    } else if (c === ">" && s[i + 1] === ">") {
      yield ">>";
      i += 2;
    } else if (c === "<") {
      const end = s.indexOf(">", i);
      yield s.slice(i, end + 1);
      i = end + 1;
    } else {
      const m = /^[^\s()<>[\]{}/%]+|^\/[^\s()<>[\]{}/%]*/.exec(s.slice(i, i + 200));
      const t = m ? m[0] : c;
      yield t;
      i += t.length;
    }
  }
}

/** The size, in points on the page, of every text-showing operation in the document. */
export function textSizes(pdf: Uint8Array): number[] {
  const sizes: number[] = [];
  for (const content of streams(pdf)) {
    if (!/\bBT\b/.test(content) || !/\bTf\b/.test(content)) continue;
    const stack: Matrix[] = [];
    let ctm: Matrix = IDENTITY;
    let tm: Matrix = IDENTITY;
    let size = 0;
    const operands: string[] = [];
    for (const t of tokens(content)) {
      if (/^[-+.\d]/.test(t) || t.startsWith("/") || t.startsWith("(") || t.startsWith("[") || t.startsWith("<")) {
        operands.push(t);
        continue;
      }
      const n = (k: number) => Number(operands[operands.length - k]);
      switch (t) {
        case "q":
          stack.push(ctm);
          break;
        case "Q":
          ctm = stack.pop() ?? IDENTITY;
          break;
        case "cm":
          ctm = multiply([n(6), n(5), n(4), n(3), n(2), n(1)], ctm);
          break;
        case "BT":
          tm = IDENTITY;
          break;
        case "Tm":
          tm = [n(6), n(5), n(4), n(3), n(2), n(1)];
          break;
        case "Tf":
          size = n(1);
          break;
        case "Tj":
        case "TJ":
        case "'":
        case '"': {
          const m = multiply(tm, ctm);
          sizes.push(Math.abs(size) * Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2])));
          break;
        }
      }
      operands.length = 0;
    }
  }
  return sizes;
}

export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfPage {
  width: number;
  height: number;
  words: Word[];
}

/** The pages and their words, as poppler's pdftotext -bbox reads them. */
export function pdfPages(pdf: Uint8Array): PdfPage[] {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-bbox-"));
  try {
    const file = path.join(work, "in.pdf");
    fs.writeFileSync(file, pdf);
    const html = execFileSync("pdftotext", ["-bbox", file, "-"], { maxBuffer: 64 * 1024 * 1024 }).toString("utf8");
    const pages: PdfPage[] = [];
    for (const m of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
      const words = [...m[3].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((w) => ({
        xMin: Number(w[1]),
        yMin: Number(w[2]),
        xMax: Number(w[3]),
        yMax: Number(w[4]),
        text: w[5].replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"'),
      }));
      pages.push({ width: Number(m[1]), height: Number(m[2]), words });
    }
    return pages;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** A page's text, words in reading order, one line per text line (for "contains" checks). */
export function pageText(page: PdfPage): string {
  const lines = new Map<number, Word[]>();
  for (const w of page.words) {
    const key = Math.round(w.yMin);
    lines.set(key, [...(lines.get(key) ?? []), w]);
  }
  return [...lines.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, ws]) => ws.sort((a, b) => a.xMin - b.xMin).map((w) => w.text).join(" "))
    .join("\n");
}

/**
 * The page number printed in the top margin of a page, if any: a word of digits alone
 * above `marginPt` (the top margin), and its horizontal centre.
 */
export function headerNumber(page: PdfPage, marginPt: number): { number: number; centre: number } | null {
  const w = page.words.find((x) => x.yMax <= marginPt && /^\d+$/.test(x.text));
  return w ? { number: Number(w.text), centre: (w.xMin + w.xMax) / 2 } : null;
}

/**
 * The pages of a document in runs, one per printed sheet, as LibreOffice numbers them:
 * a sheet starts on a page with no number in the top margin. `first` is 1-based.
 */
export function sheetRuns(pages: PdfPage[], marginPt: number): { first: number; pages: PdfPage[] }[] {
  const runs: { first: number; pages: PdfPage[] }[] = [];
  pages.forEach((p, i) => {
    if (!headerNumber(p, marginPt) || runs.length === 0) runs.push({ first: i + 1, pages: [p] });
    else runs[runs.length - 1].pages.push(p);
  });
  return runs;
}

/** Render one page to PNG with poppler's pdftoppm. */
export function pageImage(pdf: Uint8Array, page: number, dpi = 70): Uint8Array {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-png-"));
  try {
    const input = path.join(work, "in.pdf");
    fs.writeFileSync(input, pdf);
    execFileSync("pdftoppm", ["-png", "-r", String(dpi), "-f", String(page), "-l", String(page), "-singlefile", input, path.join(work, "page")]);
    return new Uint8Array(fs.readFileSync(path.join(work, "page.png")));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
