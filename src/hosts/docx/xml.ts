/**
 * WordprocessingML through saxes with namespaces resolved, so a document whose
 * prefixes are not the usual "w:" (or that uses Strict OOXML's namespace) reads the
 * same. Small parts (numbering, styles) become a tiny element tree; the document
 * itself is streamed by body.ts.
 */
import { SaxesParser, type SaxesTagNS } from "saxes";

export const W_TRANSITIONAL = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
export const W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main";
export const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";

export function isW(uri: string): boolean {
  return uri === W_TRANSITIONAL || uri === W_STRICT;
}

/** A WordprocessingML attribute by local name ("val" for w:val); unprefixed attributes count too. */
export function wAttr(tag: Pick<SaxesTagNS, "attributes">, local: string): string | undefined {
  for (const a of Object.values(tag.attributes)) {
    if (a.local === local && (a.uri === "" || isW(a.uri))) return a.value;
  }
  return undefined;
}

/** An on/off property: present without w:val, or w:val of true/1/on, means on. */
export function isOn(tag: Pick<SaxesTagNS, "attributes">): boolean {
  const v = wAttr(tag, "val");
  return v === undefined || !/^(false|0|off)$/i.test(v);
}

export function intAttr(tag: Pick<SaxesTagNS, "attributes">, local: string): number | undefined {
  const v = wAttr(tag, local);
  if (v === undefined || !/^-?\d+$/.test(v.trim())) return undefined;
  return Number(v);
}

export function newParser(): SaxesParser<{ xmlns: true }> {
  return new SaxesParser({ xmlns: true });
}

/** Feed a part's bytes to a parser in slices, decoding UTF-8 as it goes (never one giant string). */
export function feed(parser: SaxesParser<{ xmlns: true }>, bytes: Uint8Array): void {
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
  tag: Pick<SaxesTagNS, "attributes">;
  children: Element[];
}

/** A small part as a tree of elements (text is not kept: numbering and styles need none). */
export function elementTree(bytes: Uint8Array): Element {
  const parser = newParser();
  const root: Element = { name: "#root", w: false, tag: { attributes: {} }, children: [] };
  const stack: Element[] = [root];
  parser.on("opentag", (tag) => {
    const el: Element = { name: tag.local, w: isW(tag.uri), tag: { attributes: tag.attributes }, children: [] };
    stack[stack.length - 1].children.push(el);
    stack.push(el);
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  feed(parser, bytes);
  return root;
}

export function child(el: Element, name: string): Element | undefined {
  return el.children.find((c) => c.w && c.name === name);
}

export function children(el: Element, name: string): Element[] {
  return el.children.filter((c) => c.w && c.name === name);
}
