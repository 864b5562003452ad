/**
 * Notes (Excel's legacy comments) are two parts: the comments part holds the text,
 * a VML drawing holds one shape per note (where its box shows). A sheet that has
 * notes gets ours added to its own parts; taking a note off removes its comment and
 * its shape and nothing else, and a sheet whose last note goes loses the two parts
 * again. Threaded comments (a different feature with a note placeholder) are never
 * touched.
 *
 * VML is not always well-formed XML (Excel writes it loosely), so it is patched as
 * text: shapes are found by their closing tag, whatever prefix the writer chose
 * (openpyxl writes ns0:shape), and new shapes declare their own namespaces.
 */
import { parseA1 } from "../../../domain/address";
import { excelEscape, wellFormed } from "./text";
import { attr, child, children, element, parseXml, prefixOf, serializeXml, setAttr, textOf, type XmlDocument, type XmlElement } from "./xml";

export const NOTE_AUTHOR = "Phụ lục NQ57";

const VML_NS = 'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"';

const SHAPE_TYPE =
  `<v:shapetype ${VML_NS} id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">` +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

/** A new VML drawing for a sheet's notes; `block` is its shape id block (unique in the workbook). */
export function blankVml(block: number): string {
  return `<xml ${VML_NS}><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>${SHAPE_TYPE}</xml>`;
}

/** The shape id blocks (o:idmap data) a VML drawing uses. */
export function vmlBlocks(vml: string): number[] {
  const out: number[] = [];
  for (const m of vml.matchAll(/idmap\b[^>]*\bdata="([^"]*)"/g)) for (const n of m[1].split(/[\s,]+/)) if (/^\d+$/.test(n)) out.push(Number(n));
  return out;
}

function noteShape(id: number, row: number, col: number): string {
  // Row and column are 0-based in VML; the anchor puts the box to the right of the cell.
  return (
    `<v:shape ${VML_NS} id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:${id % 1024};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${row}, 10, ${col + 3}, 15, ${row + 4}, 4</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}

const SHAPE = /<([\w.-]+:)?shape\b[\s\S]*?<\/\1shape>/g;

/** The note shapes of a VML drawing: where each starts and ends, and its cell (0-based). */
function noteShapes(vml: string): { start: number; end: number; row: number; col: number }[] {
  const out: { start: number; end: number; row: number; col: number }[] = [];
  for (const m of vml.matchAll(SHAPE)) {
    const s = m[0];
    if (!/ObjectType\s*=\s*["']Note["']/.test(s)) continue;
    const row = s.match(/<([\w.-]+:)?Row>\s*(\d+)\s*<\/\1Row>/)?.[2];
    const col = s.match(/<([\w.-]+:)?Column>\s*(\d+)\s*<\/\1Column>/)?.[2];
    if (row === undefined || col === undefined) continue;
    out.push({ start: m.index!, end: m.index! + s.length, row: Number(row), col: Number(col) });
  }
  return out;
}

/** The comments part and the VML drawing of one sheet, being changed. */
export class SheetNotes {
  readonly comments: XmlDocument;
  private readonly p: string;
  vml: string;
  changed = false;

  constructor(commentsXml: string | undefined, vml: string) {
    this.comments = parseXml(
      commentsXml ??
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors/><commentList/></comments>',
    );
    this.p = prefixOf(this.comments.root.name);
    this.vml = vml;
  }

  private list(): XmlElement {
    let list = child(this.comments.root, "commentList");
    if (!list) {
      list = element(this.p + "commentList");
      this.comments.root.children.push(list);
    }
    return list;
  }

  private author(): number {
    let authors = child(this.comments.root, "authors");
    if (!authors) {
      authors = element(this.p + "authors");
      this.comments.root.children.unshift(authors);
    }
    const names = children(authors, "author");
    const i = names.findIndex((a) => textOf(a) === NOTE_AUTHOR);
    if (i >= 0) return i;
    authors.children.push(element(this.p + "author", {}, [NOTE_AUTHOR]));
    return names.length;
  }

  count(): number {
    return children(this.list(), "comment").length;
  }

  /** Set the note of a cell; empty text removes it. */
  set(cell: string, text: string): void {
    const ref = cell.replace(/\$/g, "").toUpperCase();
    const { row, col } = parseA1(ref);
    const list = this.list();
    const existing = children(list, "comment").find((c) => (attr(c, "ref") ?? "").toUpperCase() === ref);
    this.changed = true;
    if (!text) {
      if (existing) list.children.splice(list.children.indexOf(existing), 1);
      const shape = noteShapes(this.vml).find((s) => s.row === row - 1 && s.col === col - 1);
      if (shape) this.vml = this.vml.slice(0, shape.start) + this.vml.slice(shape.end);
      return;
    }
    const body = element(this.p + "text", {}, [element(this.p + "t", { "xml:space": "preserve" }, [excelEscape(wellFormed(text))])]);
    if (existing) {
      // The note's author and box stay; only its text changes.
      existing.children = existing.children.filter((c) => !(typeof c === "object" && "name" in c && c.name.endsWith("text")));
      existing.children.unshift(body);
    } else {
      const el = element(this.p + "comment", { ref, authorId: this.author(), shapeId: 0 }, [body]);
      // In row, then column order, as Excel keeps them.
      const after = children(list, "comment").find((c) => {
        const at = parseA1(attr(c, "ref") ?? "A1");
        return at.row > row || (at.row === row && at.col > col);
      });
      if (after) list.children.splice(list.children.indexOf(after), 0, el);
      else list.children.push(el);
    }
    if (!noteShapes(this.vml).some((s) => s.row === row - 1 && s.col === col - 1)) this.addShape(row - 1, col - 1);
  }

  private addShape(row: number, col: number): void {
    const ids = [...this.vml.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1]));
    const block = vmlBlocks(this.vml)[0] ?? 1;
    const id = Math.max(block * 1024, ...ids) + 1;
    let shape = noteShape(id, row, col);
    if (!/id\s*=\s*["']_x0000_t202["']/.test(this.vml)) shape = SHAPE_TYPE + shape;
    const end = this.vml.lastIndexOf("</xml>");
    this.vml = end >= 0 ? this.vml.slice(0, end) + shape + this.vml.slice(end) : this.vml + shape;
  }

  /** Are there shapes of any kind left in the drawing (form controls share it with notes)? */
  vmlHasShapes(): boolean {
    return new RegExp(SHAPE.source).test(this.vml);
  }

  serializeComments(): string {
    const list = this.list();
    setAttr(list, "count", null);
    return serializeXml(this.comments);
  }
}

/** Cells of a sheet that have threaded comments (their note is Excel's placeholder: never ours to change). */
export function threadedCells(threadedXml: string | undefined): Set<string> {
  const out = new Set<string>();
  if (!threadedXml) return out;
  for (const m of threadedXml.matchAll(/<(?:[\w.-]+:)?threadedComment\b[^>]*\bref="([^"]+)"/g)) out.add(m[1].toUpperCase());
  return out;
}
