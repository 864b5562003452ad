/**
 * WordprocessingML through saxes, with namespaces resolved so a document whose
 * prefixes are not the usual "w:" (or that uses Strict OOXML's namespace) reads the
 * same. saxes's own namespace mode costs most of the reading time on a large table
 * (it builds a record per attribute); documents declare their namespaces on the root,
 * so prefixes are resolved here, scope by scope, only where a declaration appears.
 * Small parts (numbering, styles) become a tiny element tree; the document itself is
 * streamed by body.ts.
 */
import { SaxesParser } from "saxes";

export const W_TRANSITIONAL = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
export const W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main";
export const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";

export function isW(uri: string): boolean {
  return uri === W_TRANSITIONAL || uri === W_STRICT;
}

export interface Tag {
  local: string;
  uri: string;
  /** Attributes by qualified name, as written ("w:val"). */
  attributes: Record<string, string>;
  /** The prefix bound to WordprocessingML where the tag is ("w" almost always). */
  wPrefix: string | null;
}

/** A WordprocessingML attribute by local name ("val" for w:val); an unprefixed one counts too. */
export function wAttr(tag: Tag, local: string): string | undefined {
  return (tag.wPrefix !== null ? tag.attributes[`${tag.wPrefix}:${local}`] : undefined) ?? tag.attributes[local];
}

/** An on/off property: present without w:val, or w:val of true/1/on, means on. */
export function isOn(tag: Tag): boolean {
  const v = wAttr(tag, "val");
  return v === undefined || !/^(false|0|off)$/i.test(v);
}

export function intAttr(tag: Tag, local: string): number | undefined {
  const v = wAttr(tag, local);
  if (v === undefined || !/^-?\d+$/.test(v.trim())) return undefined;
  return Number(v);
}

interface Scope {
  prefixes: Map<string, string>;
  wPrefix: string | null;
}

export interface XmlHandlers {
  open(tag: Tag): void;
  close(tag: Pick<Tag, "local" | "uri">): void;
  text?(text: string): void;
}

/** Stream a part's bytes through saxes in slices, decoding UTF-8 as it goes (never one giant string). */
export function streamXml(bytes: Uint8Array, handlers: XmlHandlers): void {
  const parser = new SaxesParser();
  const scopes: Scope[] = [{ prefixes: new Map(), wPrefix: null }];
  const open: { local: string; uri: string; scoped: boolean }[] = [];
  const resolve = (scope: Scope, qname: string): { local: string; uri: string } => {
    const colon = qname.indexOf(":");
    if (colon < 0) return { local: qname, uri: scope.prefixes.get("") ?? "" };
    return { local: qname.slice(colon + 1), uri: scope.prefixes.get(qname.slice(0, colon)) ?? "" };
  };
  parser.on("opentag", (node) => {
    const attributes = node.attributes as Record<string, string>;
    let scope = scopes[scopes.length - 1];
    let scoped = false;
    for (const key in attributes) {
      if (key !== "xmlns" && !key.startsWith("xmlns:")) continue;
      if (!scoped) {
        scope = { prefixes: new Map(scope.prefixes), wPrefix: scope.wPrefix };
        scoped = true;
      }
      const prefix = key === "xmlns" ? "" : key.slice(6);
      scope.prefixes.set(prefix, attributes[key]);
      if (prefix && isW(attributes[key])) scope.wPrefix = prefix;
    }
    if (scoped) scopes.push(scope);
    const { local, uri } = resolve(scope, node.name);
    open.push({ local, uri, scoped });
    handlers.open({ local, uri, attributes, wPrefix: scope.wPrefix });
  });
  parser.on("closetag", () => {
    const o = open.pop()!;
    handlers.close(o);
    if (o.scoped) scopes.pop();
  });
  if (handlers.text) parser.on("text", handlers.text);
  const decoder = new TextDecoder("utf-8");
  const CHUNK = 256 * 1024;
  for (let i = 0; i < bytes.byteLength; i += CHUNK) {
    parser.write(decoder.decode(bytes.subarray(i, Math.min(bytes.byteLength, i + CHUNK)), { stream: true }));
  }
  parser.write(decoder.decode());
  parser.close();
}

export interface Element {
  /** Local name; `w` tells WordprocessingML elements from others. */
  name: string;
  w: boolean;
  tag: Tag;
  children: Element[];
}

/** A small part as a tree of elements (text is not kept: numbering and styles need none). */
export function elementTree(bytes: Uint8Array): Element {
  const root: Element = { name: "#root", w: false, tag: { local: "#root", uri: "", attributes: {}, wPrefix: null }, children: [] };
  const stack: Element[] = [root];
  streamXml(bytes, {
    open(tag) {
      const el: Element = { name: tag.local, w: isW(tag.uri), tag, children: [] };
      stack[stack.length - 1].children.push(el);
      stack.push(el);
    },
    close() {
      stack.pop();
    },
  });
  return root;
}

export function child(el: Element, name: string): Element | undefined {
  return el.children.find((c) => c.w && c.name === name);
}

export function children(el: Element, name: string): Element[] {
  return el.children.filter((c) => c.w && c.name === name);
}
