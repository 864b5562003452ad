/**
 * A second, independent look inside .xlsx packages for tests: Node's zlib and
 * regular expressions over the raw XML, sharing no code with the package layer it
 * checks. It reads what the corpus files hold (no namespace prefixes on
 * SpreadsheetML elements), which is all it needs to.
 */
import * as zlib from "zlib";

/** Every part of a zip, inflated, in the zip's order. */
export function zipParts(bytes: Uint8Array): Map<string, Buffer> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("not a zip archive");
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error("bad zip central directory");
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    out.set(name, method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

export function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, "&");
}

/** The attributes of a start tag's text, by name (prefixes kept). */
export function attrsOf(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]] = unescapeXml(m[2] ?? m[3] ?? "");
  return out;
}

export interface DefinedName {
  name: string;
  localSheetId: string | null;
  hidden: boolean;
  text: string;
}

export function definedNames(workbookXml: string): DefinedName[] {
  const out: DefinedName[] = [];
  for (const m of workbookXml.matchAll(/<definedName\b([^>]*?)(?:\/>|>([\s\S]*?)<\/definedName>)/g)) {
    const a = attrsOf(m[1]);
    out.push({ name: a.name, localSheetId: a.localSheetId ?? null, hidden: a.hidden === "1" || a.hidden === "true", text: unescapeXml(m[2] ?? "") });
  }
  return out;
}

/** A relative or absolute relationship target → a part name. */
function resolve(source: string, target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : source.slice(0, source.lastIndexOf("/") + 1) + target).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p && p !== ".") out.push(p);
  }
  return out.join("/");
}

/** The relationships part of a part: "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels". */
export function relsPartOf(source: string): string {
  const i = source.lastIndexOf("/");
  return `${source.slice(0, i + 1)}_rels/${source.slice(i + 1)}.rels`;
}

export function relsOf(parts: Map<string, Buffer>, source: string): { id: string; type: string; part: string; external: boolean }[] {
  const rels = parts.get(relsPartOf(source))?.toString("utf8") ?? "";
  return [...rels.matchAll(/<Relationship\b([^>]*)\/?>/g)].map((m) => {
    const a = attrsOf(m[1]);
    return { id: a.Id, type: a.Type, part: a.TargetMode === "External" ? a.Target : resolve(source, a.Target), external: a.TargetMode === "External" };
  });
}

export function workbookPart(parts: Map<string, Buffer>): string {
  return relsOf(parts, "").find((r) => r.type.endsWith("/officeDocument"))!.part;
}

/** Sheet name → its worksheet part, in tab order. */
export function sheetParts(parts: Map<string, Buffer>): Map<string, string> {
  const wb = workbookPart(parts);
  const rels = relsOf(parts, wb);
  const out = new Map<string, string>();
  for (const m of parts.get(wb)!.toString("utf8").matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const a = attrsOf(m[1]);
    const id = Object.entries(a).find(([k]) => /(^|:)id$/.test(k) && k !== "sheetId")![1];
    out.set(a.name, rels.find((r) => r.id === id)!.part);
  }
  return out;
}

export interface RawCell {
  /** The style index (as written; "" for none). */
  s: string;
  t: string;
  /** The stored value: <v> text, or the text of an inline string. */
  v: string | null;
  /** The formula: its attributes and its text, or null. */
  f: string | null;
}

/** Every cell element of a sheet, by address. */
export function rawCells(sheetXml: string): Map<string, RawCell> {
  const out = new Map<string, RawCell>();
  for (const m of sheetXml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const a = attrsOf(m[1]);
    const body = m[2] ?? "";
    const v = /<v\s*\/>/.test(body) ? "" : body.match(/<v>([\s\S]*?)<\/v>/)?.[1];
    const inline = body.match(/<is>([\s\S]*?)<\/is>/)?.[1];
    const fm = body.match(/<f\b([^>]*?)\/>|<f\b([^>]*)>([\s\S]*?)<\/f>/);
    const f = fm ? JSON.stringify([attrsOf(fm[1] ?? fm[2] ?? ""), unescapeXml(fm[3] ?? "")]) : null;
    const text = inline !== undefined ? [...inline.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join("") : v;
    out.set(a.r, { s: a.s ?? "", t: a.t ?? "", v: text === undefined ? null : unescapeXml(text), f });
  }
  return out;
}

/** The local names of a worksheet's top-level children, in order. */
export function worksheetChildren(sheetXml: string): string[] {
  const out: string[] = [];
  let depth = 0;
  for (const m of sheetXml.matchAll(/<(\/?)([\w.:-]+)([^>]*?)(\/?)>/g)) {
    if (m[0].startsWith("<?") || m[0].startsWith("<!")) continue;
    const [, close, name, , self] = m;
    if (close) {
      depth--;
      continue;
    }
    if (depth === 1) out.push(name.replace(/^[\w.-]+:/, ""));
    if (!self) depth++;
  }
  return out;
}

/** The sheetProtection element's attributes, or null. */
export function protectionOf(sheetXml: string): Record<string, string> | null {
  const m = sheetXml.match(/<sheetProtection\b([^>]*?)\/?>/);
  return m ? attrsOf(m[1]) : null;
}
