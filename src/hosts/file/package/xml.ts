/**
 * XML for the package layer.
 *
 * Reading large parts (sheets, shared strings) streams events through `scanXml`, a
 * small tokenizer, without building anything. Parts we patch are parsed with the same
 * tokenizer into a small tree that keeps
 * what we do not understand: every element and attribute with its prefix as
 * written, namespace declarations, comments, processing instructions, CDATA. Names
 * are matched by local name (`local("x:row") === "row"`), so a part written with
 * a default namespace (Excel, openpyxl) or a prefix (some generators) reads the same.
 */
export interface XmlElement {
  name: string;
  /** Attributes in document order, prefixes and xmlns declarations included. */
  attrs: [string, string][];
  children: XmlNode[];
}

/** Text (decoded), or markup kept as written (comments, CDATA, processing instructions). */
export type XmlNode = XmlElement | string | { raw: string };

export interface XmlDocument {
  declaration: { version?: string; encoding?: string; standalone?: string } | null;
  /** Comments and processing instructions before the root, as written. */
  before: string;
  root: XmlElement;
}

export const isElement = (n: XmlNode): n is XmlElement => typeof n === "object" && "name" in n;

/** The name without its prefix. */
export function local(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

/** The prefix of a name with its colon ("x:"), or "". */
export function prefixOf(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? "" : name.slice(0, i + 1);
}

export class XmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XmlError";
  }
}

/** What a parse does with the tokenizer's events. */
interface Consumer {
  open?(name: string, attrs: Record<string, string>, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
  /** CDATA as written inside its brackets; without this handler, CDATA is text. */
  cdata?(text: string): void;
  /** Comments and processing instructions, as written. */
  markup?(raw: string): void;
  xmldecl?(d: { version?: string; encoding?: string; standalone?: string }): void;
}

/** Parse a whole part into a tree. Throws XmlError on malformed XML. */
export function parseXml(text: string): XmlDocument {
  let declaration: XmlDocument["declaration"] = null;
  let before = "";
  let root: XmlElement | null = null;
  const stack: XmlElement[] = [];
  const add = (node: XmlNode) => stack[stack.length - 1].children.push(node);
  tokenize(text, {
    xmldecl: (d) => (declaration = { version: d.version, encoding: d.encoding, standalone: d.standalone }),
    open(name, attrs) {
      const el: XmlElement = { name, attrs: Object.entries(attrs), children: [] };
      if (stack.length) add(el);
      else root = el;
      stack.push(el);
    },
    close: () => void stack.pop(),
    text(t) {
      if (stack.length) add(t);
    },
    cdata(t) {
      if (stack.length) add({ raw: `<![CDATA[${t}]]>` });
    },
    markup(raw) {
      if (stack.length) add({ raw });
      else if (!root) before += raw;
    },
  });
  if (!root) throw new XmlError("no root element");
  return { declaration, before, root };
}

export interface ScanHandlers {
  open?(name: string, attrs: Record<string, string>, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** Stream a part's events (no tree): see tokenize. Throws XmlError on malformed XML. */
export function scanXml(text: string, h: ScanHandlers): void {
  tokenize(text, h);
}

/**
 * The events of a part: open, close (self-closing elements included), text (entities
 * decoded, line ends normalised), CDATA, and comments, processing instructions and
 * the XML declaration for a parse that keeps them; as saxes reports them.
 *
 * A tokenizer of its own rather than saxes: reading sheets and shared strings is most
 * of what a consolidation of 95 files does, and saxes, which checks every character
 * against the XML grammar, reads them about three times slower. This one checks what
 * makes a part unreadable (tags that do not match or are cut off, attributes not
 * quoted, an unknown entity, text outside the root) and not the finer grammar (which
 * characters a name may hold, "--" inside a comment), which no Office program reads
 * differently. xml.test.ts compares it with saxes on real parts.
 */
function tokenize(text: string, h: Consumer): void {
  const s = withoutBom(text);
  const n = s.length;
  const open: string[] = [];
  let rooted = false;
  let i = 0;
  while (i < n) {
    const lt = s.indexOf("<", i);
    const end = lt < 0 ? n : lt;
    if (end > i) textRun(s.slice(i, end), open.length > 0, h);
    if (lt < 0) break;
    const c = s.charCodeAt(lt + 1);
    if (c === 0x2f /* / */) {
      const gt = s.indexOf(">", lt + 2);
      if (gt < 0) throw new XmlError("unclosed end tag");
      const name = s.slice(lt + 2, gt).trimEnd();
      const expected = open.pop();
      if (name !== expected) throw new XmlError(expected === undefined ? `unexpected end tag </${name}>` : `end tag </${name}> does not match <${expected}>`);
      h.close?.(name);
      i = gt + 1;
      continue;
    }
    if (c === 0x21 /* ! */) {
      i = skipMarkup(s, lt, open.length > 0, h);
      continue;
    }
    if (c === 0x3f /* ? */) {
      const q = s.indexOf("?>", lt + 2);
      if (q < 0) throw new XmlError("unclosed processing instruction");
      const raw = s.slice(lt, q + 2);
      if (lt === 0 && /^<\?xml[ \t\r\n]/.test(raw)) h.xmldecl?.(declarationOf(raw));
      else h.markup?.(raw);
      i = q + 2;
      continue;
    }
    if (rooted && open.length === 0) throw new XmlError("text or element after the root element");
    // Character by character rather than by regular expressions: about twice as fast.
    let j = lt + 1;
    while (j < n && !endsName(s.charCodeAt(j))) j++;
    const name = s.slice(lt + 1, j);
    if (!NAME.test(name)) throw new XmlError(`invalid element name <${name.slice(0, 20)}>`);
    const attrs: Record<string, string> = {};
    let selfClosing = false;
    for (;;) {
      let k = j;
      while (k < n && isSpace(s.charCodeAt(k))) k++;
      const d = s.charCodeAt(k);
      if (d === 0x3e /* > */) {
        i = k + 1;
        break;
      }
      if (d === 0x2f && s.charCodeAt(k + 1) === 0x3e /* /> */) {
        selfClosing = true;
        i = k + 2;
        break;
      }
      // An attribute: after white space, a name, "=" and a quoted value without "<".
      const eq = s.indexOf("=", k);
      const key = eq < 0 ? "" : s.slice(k, eq).trimEnd();
      if (k === j || !NAME.test(key)) throw new XmlError(`malformed tag <${name}>`);
      let v = eq + 1;
      while (isSpace(s.charCodeAt(v))) v++;
      const quote = s.charCodeAt(v);
      const close = quote === 0x22 ? s.indexOf('"', v + 1) : quote === 0x27 ? s.indexOf("'", v + 1) : -1;
      if (close < 0) throw new XmlError(`attribute ${key} of <${name}> not quoted`);
      const raw = s.slice(v + 1, close);
      if (raw.indexOf("<") >= 0) throw new XmlError(`"<" in attribute ${key} of <${name}>`);
      if (Object.prototype.hasOwnProperty.call(attrs, key)) throw new XmlError(`duplicate attribute ${key}`);
      attrs[key] = attributeValue(raw);
      j = close + 1;
    }
    rooted = true;
    h.open?.(name, attrs, selfClosing);
    if (selfClosing) h.close?.(name);
    else open.push(name);
  }
  if (open.length) throw new XmlError(`unclosed tag <${open[open.length - 1]}>`);
  if (!rooted) throw new XmlError("no root element");
}

// Names as XML allows them, loosely (letters of any script).
const NAME = /^[A-Za-z_:\u00C0-\uFFFF][-\w.:\u00B7\u00C0-\uFFFF]*$/;
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
const endsName = (c: number) => isSpace(c) || c === 0x3e /* > */ || c === 0x2f; /* / */

function textRun(raw: string, inRoot: boolean, h: Consumer): void {
  if (!inRoot) {
    if (/[^ \t\r\n]/.test(raw)) throw new XmlError("text outside the root element");
    return;
  }
  h.text?.(decode(lineEnds(raw)));
}

/** An attribute's value as the XML spec reads it: each white-space character a space (a CR LF pair one), then entities. */
function attributeValue(raw: string): string {
  return decode(/[\t\n\r]/.test(raw) ? raw.replace(/\r\n|[\t\n\r]/g, " ") : raw);
}

/** version, encoding and standalone of `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`. */
function declarationOf(raw: string): { version?: string; encoding?: string; standalone?: string } {
  const d: Record<string, string> = {};
  for (const m of raw.matchAll(/\b(version|encoding|standalone)[ \t\r\n]*=[ \t\r\n]*(?:"([^"]*)"|'([^']*)')/g)) d[m[1]] = m[2] ?? m[3];
  if (!d.version) throw new XmlError("XML declaration without a version");
  return d;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(raw: string): string {
  if (raw.indexOf("&") < 0) return raw;
  return raw.replace(/&([^;&]*);?/g, (m, ref: string) => {
    if (!m.endsWith(";")) throw new XmlError(`"&" not followed by an entity: ${m.slice(0, 12)}`);
    if (ref[0] === "#") {
      const code = ref[1] === "x" ? /^#x[0-9A-Fa-f]+$/.test(ref) && parseInt(ref.slice(2), 16) : /^#[0-9]+$/.test(ref) && parseInt(ref.slice(1), 10);
      if (code === false || code > 0x10ffff || code === 0) throw new XmlError(`invalid character reference ${m}`);
      return String.fromCodePoint(code);
    }
    const v = ENTITIES[ref];
    if (v === undefined) throw new XmlError(`undefined entity ${m}`);
    return v;
  });
}

/** CR LF and a lone CR read as LF, as XML reads every line end. */
const lineEnds = (t: string) => (t.indexOf("\r") < 0 ? t : t.replace(/\r\n?/g, "\n"));

/** Past a comment, CDATA section (as CDATA, or as text to a scan) or DOCTYPE starting at `lt`. */
function skipMarkup(s: string, lt: number, inRoot: boolean, h: Consumer): number {
  if (s.startsWith("<!--", lt)) {
    const e = s.indexOf("-->", lt + 4);
    if (e < 0) throw new XmlError("unclosed comment");
    h.markup?.(s.slice(lt, e + 3));
    return e + 3;
  }
  if (s.startsWith("<![CDATA[", lt)) {
    if (!inRoot) throw new XmlError("CDATA outside the root element");
    const e = s.indexOf("]]>", lt + 9);
    if (e < 0) throw new XmlError("unclosed CDATA section");
    const t = lineEnds(s.slice(lt + 9, e));
    if (h.cdata) h.cdata(t);
    else h.text?.(t);
    return e + 3;
  }
  if (s.startsWith("<!DOCTYPE", lt) && !inRoot) {
    // An internal subset may hold ">" inside its brackets.
    const bracket = s.indexOf("[", lt);
    const gt = s.indexOf(">", lt);
    const close = bracket >= 0 && bracket < gt ? s.indexOf("]", bracket) : lt;
    const e = close < 0 ? -1 : s.indexOf(">", close);
    if (e < 0) throw new XmlError("unclosed DOCTYPE");
    return e + 1;
  }
  throw new XmlError("malformed markup declaration");
}

const withoutBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

// ───────────── writing ─────────────

// Most texts and attribute values need no escaping: tested first, since a replace with
// a callback costs more than the test, on every cell of a large sheet.
const TEXT_SPECIAL = /[&<>\r]/;
const ATTR_SPECIAL = /[&<>"\n\r\t]/;

export function escapeText(s: string): string {
  if (!TEXT_SPECIAL.test(s)) return s;
  return s.replace(/[&<>\r]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&#13;"));
}

export function escapeAttr(s: string): string {
  if (!ATTR_SPECIAL.test(s)) return s;
  return s.replace(/[&<>"\n\r\t]/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : c === "\n" ? "&#10;" : c === "\r" ? "&#13;" : "&#9;",
  );
}

export function serializeElement(el: XmlElement, out: string[] = []): string[] {
  out.push(serializeNode(el));
  return out;
}

/** An element as text: one string built by appending (cheaper than many small array entries on a sheet of tens of thousands of cells). */
function serializeNode(el: XmlElement): string {
  let s = "<" + el.name;
  const attrs = el.attrs;
  for (let i = 0; i < attrs.length; i++) s += " " + attrs[i][0] + '="' + escapeAttr(attrs[i][1]) + '"';
  const kids = el.children;
  if (kids.length === 0) return s + "/>";
  s += ">";
  for (let i = 0; i < kids.length; i++) {
    const c = kids[i];
    if (typeof c === "string") s += escapeText(c);
    else if ("raw" in c) s += c.raw;
    else s += serializeNode(c);
  }
  return s + "</" + el.name + ">";
}

export function serializeXml(doc: XmlDocument): string {
  const d = doc.declaration;
  const decl =
    `<?xml version="${d?.version ?? "1.0"}" encoding="UTF-8"` + (d ? (d.standalone ? ` standalone="${d.standalone}"` : "") : ' standalone="yes"') + "?>\n";
  return decl + doc.before + serializeElement(doc.root).join("");
}

// ───────────── tree helpers ─────────────

export function attr(el: XmlElement, name: string): string | undefined {
  for (const [k, v] of el.attrs) if (k === name) return v;
  return undefined;
}

/** An attribute by local name (r:id, ns1:id and id alike). */
export function attrLocal(el: XmlElement, name: string): string | undefined {
  for (const [k, v] of el.attrs) if (local(k) === name && !k.startsWith("xmlns")) return v;
  return undefined;
}

export function setAttr(el: XmlElement, name: string, value: string | number | null | undefined): void {
  let i = 0;
  while (i < el.attrs.length && el.attrs[i][0] !== name) i++;
  if (i === el.attrs.length) i = -1;
  if (value === null || value === undefined) {
    if (i >= 0) el.attrs.splice(i, 1);
    return;
  }
  if (i >= 0) el.attrs[i][1] = String(value);
  else el.attrs.push([name, String(value)]);
}

export function children(el: XmlElement, localName?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (isElement(c) && (localName === undefined || local(c.name) === localName)) out.push(c);
  return out;
}

export function child(el: XmlElement, localName: string): XmlElement | undefined {
  for (const c of el.children) if (isElement(c) && local(c.name) === localName) return c;
  return undefined;
}

/** All text inside an element, in order. */
export function textOf(el: XmlElement): string {
  let s = "";
  for (const c of el.children) {
    if (typeof c === "string") s += c;
    else if (isElement(c)) s += textOf(c);
    else if (c.raw.startsWith("<![CDATA[")) s += c.raw.slice(9, -3);
  }
  return s;
}

export function element(name: string, attrs: Record<string, string | number | undefined> = {}, kids: XmlNode[] = []): XmlElement {
  const list: [string, string][] = [];
  for (const k of Object.keys(attrs)) {
    const v = attrs[k];
    if (v !== undefined) list.push([k, String(v)]);
  }
  return { name, attrs: list, children: kids };
}

/**
 * Put `el` among `parent`'s children where a schema sequence wants it: before the
 * first existing child that the sequence places after it. Children the sequence does
 * not name (extensions we do not know) are passed over, so they keep their place.
 */
export function insertInOrder(parent: XmlElement, el: XmlElement, order: readonly string[]): XmlElement {
  const rank = order.indexOf(local(el.name));
  let at = parent.children.length;
  for (let i = 0; i < parent.children.length; i++) {
    const c = parent.children[i];
    if (!isElement(c)) continue;
    const r = order.indexOf(local(c.name));
    if (r > rank) {
      at = i;
      break;
    }
  }
  parent.children.splice(at, 0, el);
  return el;
}

/** The child with this local name, created in schema order when missing. */
export function ensureChild(parent: XmlElement, localName: string, order: readonly string[], prefix = prefixOf(parent.name)): XmlElement {
  return child(parent, localName) ?? insertInOrder(parent, element(prefix + localName), order);
}

export function removeChild(parent: XmlElement, el: XmlElement): void {
  const i = parent.children.indexOf(el);
  if (i >= 0) parent.children.splice(i, 1);
}

/**
 * The prefix (with colon) bound to a namespace URI in an element's declarations, or
 * null; "" for the default namespace, unless `forAttribute` (attributes never take it).
 */
export function prefixFor(el: XmlElement, uri: string, forAttribute = false): string | null {
  for (const [k, v] of el.attrs) {
    if (v !== uri) continue;
    if (k === "xmlns" && !forAttribute) return "";
    if (k.startsWith("xmlns:")) return k.slice(6) + ":";
  }
  return null;
}

/** A prefix for `uri` declared on `root` (declaring one if none is), for new attributes such as r:id. */
export function declarePrefix(root: XmlElement, uri: string, wanted: string): string {
  const found = prefixFor(root, uri, true);
  if (found) return found;
  let name = wanted;
  for (let n = 2; attr(root, `xmlns:${name}`) !== undefined; n++) name = `${wanted}${n}`;
  root.attrs.push([`xmlns:${name}`, uri]);
  return name + ":";
}
