/**
 * styles.xml: reading the number format of every cell style, and appending the
 * styles the edits ask for. Every sheet refers to styles by index, so existing
 * entries are never renumbered or rewritten: a new look is a new font, fill,
 * border or number format appended after the others, and a new cell format
 * (`xf`) that copies the cell's old one and changes only what was asked.
 */
import type { CellStyle } from "../../../domain/edits";
import { attr, child, children, element, ensureChild, local, parseXml, prefixOf, scanXml, serializeElement, serializeXml, setAttr, type XmlDocument, type XmlElement } from "./xml";

/** Built-in number formats (ECMA-376 18.8.30) that do not depend on the locale. */
export const BUILTIN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** What reading needs from styles.xml: each cell style's number format. */
export class StyleFormats {
  constructor(
    private readonly xfFormat: number[],
    private readonly formats: Map<number, string>,
  ) {}

  static parse(text: string | undefined): StyleFormats {
    const formats = new Map<number, string>();
    const xfFormat: number[] = [];
    if (text) {
      let inCellXfs = false;
      let inNumFmts = false; // (dxfs hold numFmt elements of their own)
      scanXml(text, {
        open(name, a) {
          const n = local(name);
          if (n === "numFmt" && inNumFmts) formats.set(Number(a.numFmtId), a.formatCode ?? "");
          else if (n === "numFmts") inNumFmts = true;
          else if (n === "cellXfs") inCellXfs = true;
          else if (n === "xf" && inCellXfs) xfFormat.push(Number(a.numFmtId ?? 0) || 0);
        },
        close(name) {
          const n = local(name);
          if (n === "cellXfs") inCellXfs = false;
          else if (n === "numFmts") inNumFmts = false;
        },
      });
    }
    return new StyleFormats(xfFormat, formats);
  }

  /** The number format of cell style `s` (the `s` of a cell), or null for General. */
  of(s: number): string | null {
    const id = this.xfFormat[s] ?? 0;
    if (id === 0) return null;
    return this.formats.get(id) ?? BUILTIN_FORMATS[id] ?? null;
  }
}

const STYLE_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"] as const;
const FONT_ORDER = ["b", "i", "strike", "condense", "extend", "outline", "shadow", "u", "vertAlign", "sz", "color", "name", "family", "charset", "scheme"];
const XF_ORDER = ["alignment", "protection", "extLst"];
const BORDER_ORDER = ["start", "left", "end", "right", "top", "bottom", "diagonal", "vertical", "horizontal"];

const argb = (hex: string) => "FF" + hex.replace("#", "").toUpperCase();

/** styles.xml opened for appending. */
export class StylesWriter {
  readonly doc: XmlDocument;
  private readonly p: string;
  private readonly cache = new Map<string, number>();
  private readonly byStyle = new WeakMap<CellStyle, Map<number, number>>();
  private readonly seen = new Map<string, Map<string, number>>();
  changed = false;

  constructor(text: string | undefined) {
    this.doc = parseXml(text ?? MINIMAL_STYLES);
    this.p = prefixOf(this.doc.root.name);
  }

  private list(name: (typeof STYLE_ORDER)[number]): XmlElement {
    return ensureChild(this.doc.root, name, STYLE_ORDER, this.p);
  }

  /**
   * The index of an entry equal to `el` in a list (fonts, fills, ...), appended (and
   * the list's count kept) when there is none: running a command twice adds nothing.
   */
  private append(listName: (typeof STYLE_ORDER)[number], el: XmlElement): number {
    const list = this.list(listName);
    let index = this.seen.get(listName);
    if (!index) {
      index = new Map();
      children(list).forEach((item, i) => {
        const k = serializeElement(item).join("");
        if (!index!.has(k)) index!.set(k, i);
      });
      this.seen.set(listName, index);
    }
    const k = serializeElement(el).join("");
    const found = index.get(k);
    if (found !== undefined) return found;
    const at = children(list).length;
    list.children.push(el);
    setAttr(list, "count", at + 1);
    index.set(k, at);
    this.changed = true;
    return at;
  }

  private item(listName: (typeof STYLE_ORDER)[number], index: number): XmlElement | undefined {
    return children(child(this.doc.root, listName) ?? element("x"))[index];
  }

  /** The number format id for a format code: an existing one, or a new id from 164 up. */
  numFmtId(code: string): number {
    for (const [id, f] of Object.entries(BUILTIN_FORMATS)) if (f === code) return Number(id);
    const list = this.list("numFmts");
    let max = 163;
    for (const f of children(list, "numFmt")) {
      const id = Number(attr(f, "numFmtId"));
      if (attr(f, "formatCode") === code) return id;
      if (id > max) max = id;
    }
    this.append("numFmts", element(this.p + "numFmt", { numFmtId: max + 1, formatCode: code }));
    return max + 1;
  }

  /** The number format code of a cell style (null for General). */
  formatOf(s: number): string | null {
    const id = Number(attr(this.item("cellXfs", s) ?? element("x"), "numFmtId") ?? 0);
    if (!id) return null;
    for (const f of children(child(this.doc.root, "numFmts") ?? element("x"), "numFmt")) if (Number(attr(f, "numFmtId")) === id) return attr(f, "formatCode") ?? null;
    return BUILTIN_FORMATS[id] ?? null;
  }

  /** The cell style for a cell whose style is `base`, changed as `style` says. */
  xfFor(base: number, style: CellStyle): number {
    // A style range is written cell by cell with one style object (edits are never changed).
    let known = this.byStyle.get(style);
    if (!known) this.byStyle.set(style, (known = new Map()));
    let s = known.get(base);
    if (s === undefined) known.set(base, (s = this.xfForUncached(base, style)));
    return s;
  }

  private xfForUncached(base: number, style: CellStyle): number {
    const key = `${base}|${JSON.stringify(style)}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const old = this.item("cellXfs", base) ?? this.item("cellXfs", 0) ?? element(this.p + "xf", { numFmtId: 0, fontId: 0, fillId: 0, borderId: 0, xfId: 0 });
    const xf = clone(old);
    if (style.bold !== undefined || style.italic !== undefined || style.fontSize || style.fontName || style.fontColor) {
      const font = clone(this.item("fonts", Number(attr(xf, "fontId") ?? 0)) ?? element(this.p + "font"));
      const flag = (name: string, on: boolean | undefined) => {
        if (on === undefined) return;
        const el = child(font, name);
        if (on) {
          if (el) setAttr(el, "val", null);
          else this.put(font, element(this.p + name), FONT_ORDER);
        } else if (el) font.children.splice(font.children.indexOf(el), 1);
      };
      flag("b", style.bold);
      flag("i", style.italic);
      if (style.fontSize) this.put(font, element(this.p + "sz", { val: style.fontSize }), FONT_ORDER);
      if (style.fontColor) this.put(font, element(this.p + "color", { rgb: argb(style.fontColor) }), FONT_ORDER);
      if (style.fontName) {
        this.put(font, element(this.p + "name", { val: style.fontName }), FONT_ORDER);
        // A theme font scheme overrides the name: a font we name is no longer the theme's.
        for (const n of ["scheme", "family", "charset"]) {
          const el = child(font, n);
          if (el) font.children.splice(font.children.indexOf(el), 1);
        }
      }
      setAttr(xf, "fontId", this.append("fonts", font));
      setAttr(xf, "applyFont", 1);
    }
    if (style.fill) {
      const fill = element(this.p + "fill", {}, [
        element(this.p + "patternFill", { patternType: "solid" }, [element(this.p + "fgColor", { rgb: argb(style.fill) }), element(this.p + "bgColor", { indexed: 64 })]),
      ]);
      setAttr(xf, "fillId", this.append("fills", fill));
      setAttr(xf, "applyFill", 1);
    }
    if (style.border || style.borderBottom) {
      const border = style.border ? element(this.p + "border") : clone(this.item("borders", Number(attr(xf, "borderId") ?? 0)) ?? element(this.p + "border"));
      const sides = style.border ? ["left", "right", "top", "bottom"] : ["bottom"];
      for (const side of sides) this.put(border, element(this.p + side, { style: "thin" }, [element(this.p + "color", { indexed: 64 })]), BORDER_ORDER);
      if (style.border) this.put(border, element(this.p + "diagonal"), BORDER_ORDER);
      setAttr(xf, "borderId", this.append("borders", border));
      setAttr(xf, "applyBorder", 1);
    } else if (style.borderBottom === false) {
      const border = clone(this.item("borders", Number(attr(xf, "borderId") ?? 0)) ?? element(this.p + "border"));
      this.put(border, element(this.p + "bottom"), BORDER_ORDER);
      setAttr(xf, "borderId", this.append("borders", border));
      setAttr(xf, "applyBorder", 1);
    }
    if (style.horizontal || style.vertical || style.wrap !== undefined) {
      const al = child(xf, "alignment") ?? this.put(xf, element(this.p + "alignment"), XF_ORDER);
      if (style.horizontal) setAttr(al, "horizontal", style.horizontal);
      if (style.vertical) setAttr(al, "vertical", style.vertical === "middle" ? "center" : style.vertical);
      if (style.wrap !== undefined) setAttr(al, "wrapText", style.wrap ? 1 : null);
      setAttr(xf, "applyAlignment", 1);
    }
    if (style.numberFormat) {
      setAttr(xf, "numFmtId", this.numFmtId(style.numberFormat));
      setAttr(xf, "applyNumberFormat", 1);
    }
    const index = this.append("cellXfs", xf);
    this.cache.set(key, index);
    return index;
  }

  /** A differential format for a conditional format: this fill and font colour. */
  /** A differential format for a conditional format: this fill, and this font colour when given. */
  dxf(fill: string, fontColor?: string): number {
    const key = `dxf|${fill}|${fontColor ?? ""}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const el = element(this.p + "dxf", {}, [
      ...(fontColor ? [element(this.p + "font", {}, [element(this.p + "color", { rgb: argb(fontColor) })])] : []),
      element(this.p + "fill", {}, [element(this.p + "patternFill", { patternType: "solid" }, [element(this.p + "fgColor", { rgb: argb(fill) }), element(this.p + "bgColor", { rgb: argb(fill) })])]),
    ]);
    const index = this.append("dxfs", el);
    this.cache.set(key, index);
    return index;
  }

  /** Replace the child of the same local name, or insert in order. */
  private put(parent: XmlElement, el: XmlElement, order: string[]): XmlElement {
    const old = child(parent, local(el.name));
    if (old) parent.children[parent.children.indexOf(old)] = el;
    else {
      const rank = order.indexOf(local(el.name));
      let at = parent.children.length;
      for (let i = 0; i < parent.children.length; i++) {
        const c = parent.children[i];
        if (typeof c === "object" && "name" in c && order.indexOf(local(c.name)) > rank) {
          at = i;
          break;
        }
      }
      parent.children.splice(at, 0, el);
    }
    return el;
  }

  serialize(): string {
    return serializeXml(this.doc);
  }
}

function clone(el: XmlElement): XmlElement {
  return { name: el.name, attrs: el.attrs.map(([k, v]) => [k, v]), children: el.children.map((c) => (typeof c === "object" && "name" in c ? clone(c) : c)) };
}

/**
 * The styles of a new workbook (no theme part: fonts and colours are named). Its
 * default font is Times New Roman 11, the decree's typeface, rather than Excel's
 * Calibri: the default font sets the unit of column width, and LibreOffice, which
 * often lacks Calibri and measures a wider stand-in, would print every column a third
 * wider than Excel does. Times New Roman is everywhere (Liberation Serif in
 * LibreOffice, with the same metrics), so the columns print as the layouts designed them.
 */
export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Times New Roman"/><family val="1"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  "</styleSheet>";
