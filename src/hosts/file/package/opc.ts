/**
 * Open Packaging Conventions, the part every Office file shares: relationships
 * (which part points at which) and content types. Parts are found by following
 * relationships, never by assuming their names: Excel, LibreOffice and openpyxl
 * name them differently. Nothing here is specific to workbooks.
 */
import { attr, child, children, element, parseXml, serializeXml, setAttr, type XmlDocument, type XmlElement } from "./xml";

export const REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
/** Relationship types, transitional (what every program writes). */
export const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface Relationship {
  id: string;
  type: string;
  /** As written. */
  target: string;
  external: boolean;
  /** The part it points at (resolved against the source), or null for an external target. */
  part: string | null;
}

/** The relationships part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; "" → "_rels/.rels". */
export function relsPathOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** The folder of a part, with its slash ("xl/worksheets/"), or "" at the root. */
export function folderOf(part: string): string {
  return part.slice(0, part.lastIndexOf("/") + 1);
}

/** A target resolved to a part name: relative to the source's folder, or absolute ("/xl/..."). */
export function resolveTarget(source: string, target: string): string {
  const t = decodeURIPath(target.split("#")[0]);
  const parts = (t.startsWith("/") ? t.slice(1) : folderOf(source) + t).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

function decodeURIPath(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}

/** The target that points from `source` to `part`, relative, as Excel writes it. */
export function relativeTarget(source: string, part: string): string {
  const from = folderOf(source).split("/").filter(Boolean);
  const to = part.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

/** Does this relationship type end with this name (".../relationships/worksheet")? Strict and transitional URIs alike. */
export function relTypeIs(type: string, name: string): boolean {
  return type.endsWith("/" + name);
}

/** A relationships part, editable; unknown content is kept. */
export class Rels {
  readonly doc: XmlDocument;

  constructor(
    readonly source: string,
    text: string | undefined,
  ) {
    this.doc = text ? parseXml(text) : { declaration: null, before: "", root: element("Relationships", { xmlns: REL_NS }) };
  }

  list(): Relationship[] {
    return children(this.doc.root, "Relationship").map((r) => {
      const target = attr(r, "Target") ?? "";
      const external = attr(r, "TargetMode") === "External";
      return { id: attr(r, "Id") ?? "", type: attr(r, "Type") ?? "", target, external, part: external ? null : resolveTarget(this.source, target) };
    });
  }

  byId(id: string): Relationship | undefined {
    return this.list().find((r) => r.id === id);
  }

  ofType(name: string): Relationship[] {
    return this.list().filter((r) => relTypeIs(r.type, name));
  }

  /** Add a relationship to a part; returns its new id. */
  add(type: string, part: string): string {
    const ids = new Set(this.list().map((r) => r.id));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const prefix = this.doc.root.name.includes(":") ? this.doc.root.name.slice(0, this.doc.root.name.indexOf(":") + 1) : "";
    this.doc.root.children.push(element(prefix + "Relationship", { Id: id, Type: type, Target: relativeTarget(this.source, part) }));
    return id;
  }

  remove(id: string): void {
    this.doc.root.children = this.doc.root.children.filter((c) => !(typeof c === "object" && "name" in c && attr(c, "Id") === id));
  }

  isEmpty(): boolean {
    return children(this.doc.root, "Relationship").length === 0;
  }

  serialize(): string {
    return serializeXml(this.doc);
  }
}

/** [Content_Types].xml, editable; unknown content is kept. */
export class ContentTypes {
  readonly doc: XmlDocument;

  constructor(text: string) {
    this.doc = parseXml(text);
  }

  /** The content type of a part: its Override, else the Default for its extension. */
  of(part: string): string | undefined {
    const name = "/" + part.replace(/^\//, "");
    for (const o of children(this.doc.root, "Override")) if ((attr(o, "PartName") ?? "").toLowerCase() === name.toLowerCase()) return attr(o, "ContentType");
    const ext = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
    for (const d of children(this.doc.root, "Default")) if ((attr(d, "Extension") ?? "").toLowerCase() === ext) return attr(d, "ContentType");
    return undefined;
  }

  setOverride(part: string, type: string): void {
    const name = "/" + part.replace(/^\//, "");
    const found = children(this.doc.root, "Override").find((o) => (attr(o, "PartName") ?? "").toLowerCase() === name.toLowerCase());
    if (found) setAttr(found, "ContentType", type);
    else this.doc.root.children.push(element(this.prefix() + "Override", { PartName: name, ContentType: type }));
  }

  removeOverride(part: string): void {
    const name = ("/" + part.replace(/^\//, "")).toLowerCase();
    this.doc.root.children = this.doc.root.children.filter(
      (c) => !(typeof c === "object" && "name" in c && (attr(c as XmlElement, "PartName") ?? "").toLowerCase() === name),
    );
  }

  /** A Default for an extension, added (before the Overrides) when missing. */
  ensureDefault(ext: string, type: string): void {
    if (children(this.doc.root, "Default").some((d) => (attr(d, "Extension") ?? "").toLowerCase() === ext.toLowerCase())) return;
    const first = child(this.doc.root, "Override");
    const el = element(this.prefix() + "Default", { Extension: ext, ContentType: type });
    const at = first ? this.doc.root.children.indexOf(first) : this.doc.root.children.length;
    this.doc.root.children.splice(at, 0, el);
  }

  private prefix(): string {
    const n = this.doc.root.name;
    return n.includes(":") ? n.slice(0, n.indexOf(":") + 1) : "";
  }

  serialize(): string {
    return serializeXml(this.doc);
  }
}
