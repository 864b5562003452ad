/**
 * XML for the package layer, over saxes (a streaming, standards-conformant parser).
 *
 * Reading large parts (sheets, shared strings) streams events through `scanXml`
 * without building anything. Parts we patch are parsed into a small tree that keeps
 * what we do not understand: every element and attribute with its prefix as
 * written, namespace declarations, comments, processing instructions, CDATA. Names
 * are matched by local name (`local("x:row") === "row"`), so a part written with
 * a default namespace (Excel, openpyxl) or a prefix (some generators) reads the same.
 */
import { SaxesParser } from "saxes";

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

/** What a parse does with saxes's events (only those it needs). */
interface Consumer {
  open?(name: string, attrs: Record<string, string>, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
  cdata?(text: string): void;
  markup?(raw: string): void;
  xmldecl?(d: { version?: string; encoding?: string; standalone?: string }): void;
}

/*
 * Every parser gets the same handler functions, which pass events to the parse in
 * progress (the top of `consumers`: a sheet's parse may start the shared strings'
 * parse from inside a handler), and parsers are reused (saxes resets itself at the
 * end of a document; one that failed is dropped). Parsers that stream get only the
 * four handlers streaming needs: with more, V8 keeps a parser's properties in a slow
 * dictionary and saxes reads a sheet several times slower. Without an error handler
 * saxes throws, and the error is ours to name.
 */
const consumers: Consumer[] = [];
const top = () => consumers[consumers.length - 1];
const pools = { scan: [] as SaxesParser[], tree: [] as SaxesParser[] };

function newParser(kind: keyof typeof pools): SaxesParser {
  const p = new SaxesParser({ xmlns: false, position: false });
  p.on("opentag", (tag) => top().open?.(tag.name, tag.attributes as Record<string, string>, tag.isSelfClosing));
  p.on("closetag", (tag) => top().close?.(tag.name));
  p.on("text", (t) => top().text?.(t));
  p.on("cdata", (t) => {
    const c = top();
    if (c.cdata) c.cdata(t);
    else c.text?.(t);
  });
  if (kind === "tree") {
    p.on("comment", (t) => top().markup?.(`<!--${t}-->`));
    p.on("processinginstruction", (pi) => top().markup?.(`<?${pi.target}${pi.body ? " " + pi.body : ""}?>`));
    p.on("xmldecl", (d) => top().xmldecl?.(d));
  }
  return p;
}

function run(text: string, consumer: Consumer, kind: keyof typeof pools): void {
  const p = pools[kind].pop() ?? newParser(kind);
  consumers.push(consumer);
  let done = false;
  try {
    p.write(withoutBom(text)).close();
    done = true;
  } catch (e) {
    // saxes throws a plain Error about the XML; a handler's own errors (subclasses) pass through.
    if (e instanceof Error && e.constructor === Error) throw new XmlError(e.message);
    throw e;
  } finally {
    consumers.pop();
    if (done) pools[kind].push(p);
  }
}

/** Parse a whole part into a tree. Throws XmlError on malformed XML. */
export function parseXml(text: string): XmlDocument {
  let declaration: XmlDocument["declaration"] = null;
  let before = "";
  let root: XmlElement | null = null;
  const stack: XmlElement[] = [];
  const add = (node: XmlNode) => stack[stack.length - 1].children.push(node);
  run(text, {
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
  }, "tree");
  if (!root) throw new XmlError("no root element");
  return { declaration, before, root };
}

export interface ScanHandlers {
  open?(name: string, attrs: Record<string, string>, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** Stream a part's events (no tree). Throws XmlError on malformed XML. */
export function scanXml(text: string, h: ScanHandlers): void {
  run(text, h, "scan");
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
