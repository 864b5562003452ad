/**
 * The record of the marks the add-in put on a workbook, kept in the workbook itself as
 * a custom XML part, so that "Xoá đánh dấu" works after the pane was closed and in any
 * host: marks made in Excel can be taken off in the offline page and the reverse.
 *
 * A mark is one of two kinds, whichever the host could write:
 * - "note": the add-in's note on the cell. `before` is the note a person had there (kept
 *   above ours, restored exactly on unmark); `digest` identifies the note we wrote, so a
 *   note a person edited since is left alone.
 * - "fill": where notes cannot be written (Excel before ExcelApi 1.18), a highlight
 *   that is a conditional format over the cell (Edit `markFill`), never the cell's own
 *   format, so taking it off leaves the cell exactly as it was.
 *
 * The format, host-neutral (element text, not attributes, so that line breaks survive
 * attribute normalisation; a carriage return is written as a character reference):
 *
 *   <marks xmlns="urn:phuluc-nq57:marks:1">
 *     <sheet name="Phụ lục I">
 *       <note cell="D27" digest="1f2e3d4c-120"><before>…</before></note>
 *       <fill cell="E12" color="#FFE699"/>
 *     </sheet>
 *   </marks>
 */

export const MARKS_NAMESPACE = "urn:phuluc-nq57:marks:1";

/**
 * A highlight mark is a conditional format with this formula (always true), in every
 * host, so that the marks can be found again and told from a person's own rules.
 */
export const HIGHLIGHT_FORMULA = '=ISTEXT("NQ57")';

/**
 * A note mark keeps a digest of the note we wrote (enough to tell whether a person has
 * edited it since, and small: a record of 10,000 marks stays well under a megabyte) and
 * the whole note that was there before (to restore it exactly).
 */
export type MarkedCell = { cell: string; kind: "note"; digest: string; before: string | null } | { cell: string; kind: "fill"; color: string };

/** FNV-1a over the UTF-16 code units, with the length: "1f2e3d4c-120". */
export function noteDigest(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${h.toString(16).padStart(8, "0")}-${text.length}`;
}

/** Sheet name → its marked cells, in the order they were marked. */
export type MarkBook = Record<string, MarkedCell[]>;

export function serializeMarks(book: MarkBook): string {
  const sheets = Object.entries(book).filter(([, cells]) => cells.length > 0);
  const lines = [`<?xml version="1.0" encoding="UTF-8"?>`, `<marks xmlns="${MARKS_NAMESPACE}">`];
  for (const [name, cells] of sheets) {
    lines.push(`<sheet name="${escapeXml(name)}">`);
    for (const c of cells) {
      if (c.kind === "note") {
        const before = c.before === null ? "" : `<before>${escapeXml(c.before)}</before>`;
        lines.push(`<note cell="${escapeXml(c.cell)}" digest="${escapeXml(c.digest)}">${before}</note>`);
      } else {
        lines.push(`<fill cell="${escapeXml(c.cell)}" color="${escapeXml(c.color)}"/>`);
      }
    }
    lines.push(`</sheet>`);
  }
  lines.push(`</marks>`);
  return lines.join("\n");
}

/**
 * The record from a part's XML; null when it is not a record of ours (another
 * namespace, damaged XML). Tolerant of what another writer may do to well-formed XML:
 * either quote style, whitespace between elements, a namespace prefix, CDATA.
 */
export function parseMarks(xml: string): MarkBook | null {
  const root = /<([\w.-]+:)?marks\b([^>]*)>([\s\S]*)<\/\1?marks\s*>/.exec(xml);
  if (!root) return null;
  const prefix = root[1] ?? "";
  const ns = attr(root[2], prefix ? `xmlns:${prefix.slice(0, -1)}` : "xmlns");
  if (ns !== MARKS_NAMESPACE) return null;
  const p = escapeRegExp(prefix);
  const book: MarkBook = {};
  const sheetRe = new RegExp(`<${p}sheet\\b([^>]*)>([\\s\\S]*?)</${p}sheet\\s*>|<${p}sheet\\b([^>]*)/>`, "g");
  for (const s of xml.slice(root.index).matchAll(sheetRe)) {
    const name = attr(s[1] ?? s[3], "name");
    if (name === null) return null;
    const cells: MarkedCell[] = [];
    const itemRe = new RegExp(`<${p}(note|fill)\\b([^>]*?)(/>|>([\\s\\S]*?)</${p}\\1\\s*>)`, "g");
    for (const m of (s[2] ?? "").matchAll(itemRe)) {
      const cell = attr(m[2], "cell");
      if (cell === null || !/^[A-Z]{1,3}[1-9]\d*$/.test(cell)) return null;
      if (m[1] === "fill") {
        const color = attr(m[2], "color");
        if (color === null) return null;
        cells.push({ cell, kind: "fill", color });
      } else {
        const digest = attr(m[2], "digest");
        if (digest === null) return null;
        cells.push({ cell, kind: "note", digest, before: child(m[4] ?? "", `${p}before`) });
      }
    }
    book[name] = [...(book[name] ?? []), ...cells];
  }
  return book;
}

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${escapeRegExp(name)}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? unescapeXml(m[2] ?? m[3]) : null;
}

function child(body: string, tag: string): string | null {
  const t = escapeRegExp(tag);
  const m = new RegExp(`<${t}\\s*/>|<${t}\\b[^>]*>([\\s\\S]*?)</${t}\\s*>`).exec(body);
  if (!m) return null;
  const raw = m[1] ?? "";
  // CDATA sections keep their text as is; the rest is character data with references.
  return raw
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) => (part.startsWith("<![CDATA[") ? part.slice(9, -3) : unescapeXml(part.replace(/\r\n?/g, "\n"))))
    .join("");
}

export function escapeXml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    .replace(/\r/g, "&#13;")
    .replace(/\t/g, "&#9;");
}

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const k = e.toLowerCase();
    if (k === "amp") return "&";
    if (k === "lt") return "<";
    if (k === "gt") return ">";
    if (k === "quot") return '"';
    if (k === "apos") return "'";
    return String.fromCodePoint(k.startsWith("#x") ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10));
  });
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
