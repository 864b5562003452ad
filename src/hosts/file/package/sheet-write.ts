/**
 * One worksheet part, patched: the part is parsed into a tree that keeps every
 * element and attribute we do not understand, the edits change only the cells,
 * rows, columns and sheet settings they name, and new elements go where the
 * schema's sequence puts them (a misplaced element makes Excel repair the file).
 */
import type { CellInput, CellStyle, PageMargins } from "../../../domain/edits";
import { isFormula } from "../../../domain/edits";
import type { CellValue } from "../../../domain/snapshot";
import { a1, columnLetter, parseRange, rangeA1, type Range } from "../../../domain/address";
import { isDateFormat } from "../../../domain/dates";
import { shiftFormula } from "./formula";
import { DAYS_1904, isTrue } from "./sheet-read";
import { excelEscape, wellFormed } from "./text";
import { HIGHLIGHT_FORMULA } from "../../../domain/marks";
import {
  attr,
  child,
  children,
  element,
  ensureChild,
  insertInOrder,
  isElement,
  local,
  parseXml,
  prefixOf,
  removeChild,
  escapeText,
  serializeXml,
  setAttr,
  textOf,
  type XmlDocument,
  type XmlElement,
} from "./xml";

/** The add-in's highlight rule's formula as a file stores it (no "="), the same the Excel host writes. */
const HIGHLIGHT = HIGHLIGHT_FORMULA.replace(/^=/, "");

/** CT_Worksheet's children, in the order the schema requires. */
export const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
] as const;

const SHEET_PR_ORDER = ["tabColor", "outlinePr", "pageSetUpPr"];
const SHEET_VIEW_ORDER = ["pane", "selection", "pivotSelection", "extLst"];
const HEADER_FOOTER_ORDER = ["oddHeader", "oddFooter", "evenHeader", "evenFooter", "firstHeader", "firstFooter"];
const CELL_ORDER = ["f", "v", "is", "extLst"];

/** A new, empty worksheet part. */
export const BLANK_SHEET =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  '<dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData/>' +
  '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';

/** What the sheet writer needs from the workbook's styles. */
export interface StyleSource {
  xfFor(base: number, style: CellStyle): number;
  dxf(fill: string, fontColor?: string): number;
  formatOf(s: number): string | null;
}

interface RowEntry {
  el: XmlElement;
  cells: Map<number, XmlElement | NewCell> | null;
  unsorted: boolean;
  maxCol: number;
  /**
   * The row's extension list, before which new cells go: looked up once (edits never
   * add one), not on every new cell, since a summary row has hundreds of cells.
   */
  ext?: XmlElement | null;
  /** The optional span hint is gone (once is enough: a summary row gets hundreds of new cells). */
  spansDropped?: boolean;
}

/** A formula's text result that is an error value (#N/A...), stored as an error, not text. */
const ERROR_VALUE = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA)$/;

const num = (v: number) => {
  if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
  return String(v);
};

function cellCol(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + c - 64;
    else if (c >= 97 && c <= 122) n = n * 26 + c - 96;
    else break;
  }
  return n;
}

/**
 * A cell the edits create, kept as its parts rather than as an element tree: a summary
 * sheet creates some 25,000, and building, restyling and serializing a tree for each
 * cost more than the rest of writing the sheet. In the sheet's tree it stands as text
 * the serializer writes as it is (`raw`), the same XML an element would give.
 */
class NewCell {
  /** Style index ("" for none), type attribute ("" for none). */
  s = "";
  t = "";
  /** Formula, value and inline text as they go inside their elements, before XML escaping. */
  f: string | null = null;
  v: string | null = null;
  text: string | null = null;

  constructor(
    private readonly p: string,
    readonly ref: string,
  ) {}

  get raw(): string {
    const p = this.p;
    let x = "<" + p + 'c r="' + this.ref + '"';
    if (this.s) x += ' s="' + this.s + '"';
    if (this.t) x += ' t="' + this.t + '"';
    if (this.f === null && this.v === null && this.text === null) return x + "/>";
    x += ">";
    if (this.f !== null) x += "<" + p + "f>" + escapeText(this.f) + "</" + p + "f>";
    if (this.v !== null) x += "<" + p + "v>" + escapeText(this.v) + "</" + p + "v>";
    if (this.text !== null) {
      const preserve = /^\s|\s$/.test(this.text) ? ' xml:space="preserve"' : "";
      x += "<" + p + "is><" + p + "t" + preserve + ">" + escapeText(this.text) + "</" + p + "t></" + p + "is>";
    }
    return x + "</" + p + "c>";
  }
}

type AnyCell = XmlElement | NewCell;

export class SheetWriter {
  readonly doc: XmlDocument;
  readonly root: XmlElement;
  /** The prefix of the main namespace ("" or "x:"), for new elements. */
  readonly p: string;
  private readonly vName: string;
  private sheetData: XmlElement;
  private rows: Map<number, RowEntry> | null = null;
  private rowsUnsorted = false;
  private maxRow = 0;
  private cellsChanged = false;
  private columnStyles: { min: number; max: number; style: number }[] | null = null;
  /** The merged areas, read from the sheet on the first merge and kept up to date after. */
  private merged: (Range & { ref: string })[] | null = null;
  /** An existing formula was removed or replaced: the calculation chain no longer matches. */
  formulaReplaced = false;
  formulaWritten = false;
  /** Cells given a number by the edits: in a 1904 workbook, those in date format are shifted at the end. */
  private numbersWritten: [number, number][] = [];

  constructor(
    text: string,
    private readonly styles: () => StyleSource,
  ) {
    this.doc = parseXml(text);
    this.root = this.doc.root;
    this.p = prefixOf(this.root.name);
    this.vName = this.p + "v";
    this.sheetData = ensureChild(this.root, "sheetData", WORKSHEET_ORDER, this.p);
  }

  private el(name: string, attrs: Record<string, string | number | undefined> = {}, kids: XmlElement["children"] = []): XmlElement {
    return element(this.p + name, attrs, kids);
  }

  // ───────────── rows and cells ─────────────

  private rowIndex(): Map<number, RowEntry> {
    if (this.rows) return this.rows;
    const rows = new Map<number, RowEntry>();
    let last = 0;
    for (const r of children(this.sheetData, "row")) {
      const n = attr(r, "r") ? Number(attr(r, "r")) : last + 1;
      if (!attr(r, "r")) setAttr(r, "r", n);
      if (n <= last) this.rowsUnsorted = true;
      last = n;
      this.maxRow = Math.max(this.maxRow, n);
      if (!rows.has(n)) rows.set(n, { el: r, cells: null, unsorted: false, maxCol: 0 });
    }
    this.rows = rows;
    return rows;
  }

  private cellIndex(row: RowEntry, rowNumber: number): Map<number, AnyCell> {
    if (row.cells) return row.cells;
    const cells = new Map<number, AnyCell>();
    let last = 0;
    for (const c of children(row.el, "c")) {
      const ref = attr(c, "r");
      const col = ref ? cellCol(ref) : last + 1;
      if (!ref) setAttr(c, "r", a1(rowNumber, col));
      if (col <= last) row.unsorted = true;
      last = col;
      row.maxCol = Math.max(row.maxCol, col);
      if (!cells.has(col)) cells.set(col, c);
    }
    row.cells = cells;
    return cells;
  }

  private row(n: number, create: boolean): RowEntry | undefined {
    const rows = this.rowIndex();
    let r = rows.get(n);
    if (!r && create) {
      r = { el: this.el("row", { r: n }), cells: new Map(), unsorted: false, maxCol: 0, ext: null };
      if (n < this.maxRow) this.rowsUnsorted = true;
      this.maxRow = Math.max(this.maxRow, n);
      this.sheetData.children.push(r.el);
      rows.set(n, r);
    }
    return r;
  }

  /** The style a new cell shows: its row's (when the row has one) or its column's. */
  private inheritedStyle(row: RowEntry, col: number): number {
    if (isTrue(attr(row.el, "customFormat")) && attr(row.el, "s")) return Number(attr(row.el, "s"));
    for (const c of this.styledColumns()) if (c.min <= col && col <= c.max) return c.style;
    return 0;
  }

  /**
   * The column ranges that carry a style, read once and again after a width changes
   * them: a summary sheet has a <col> for each of its hundreds of columns, few styled,
   * and every new cell asks.
   */
  private styledColumns(): { min: number; max: number; style: number }[] {
    if (this.columnStyles) return this.columnStyles;
    const cols = child(this.root, "cols");
    const out = cols
      ? children(cols, "col")
          .filter((c) => attr(c, "style"))
          .map((c) => ({ min: Number(attr(c, "min")), max: Number(attr(c, "max")), style: Number(attr(c, "style")) }))
      : [];
    return (this.columnStyles = out);
  }

  private has(rowNumber: number, col: number): boolean {
    const row = this.row(rowNumber, false);
    return row !== undefined && this.cellIndex(row, rowNumber).has(col);
  }

  private cell(rowNumber: number, col: number): AnyCell {
    const row = this.row(rowNumber, true)!;
    const cells = this.cellIndex(row, rowNumber);
    let c = cells.get(col);
    if (!c) {
      const s = this.inheritedStyle(row, col);
      c = new NewCell(this.p, a1(rowNumber, col));
      if (s) c.s = String(s);
      // Stryker disable next-line ConditionalExpression,EqualityOperator: a cell not yet in the row is never in maxCol's column, and marking a row in order as unsorted only sorts it again
      if (col < row.maxCol) row.unsorted = true;
      row.maxCol = Math.max(row.maxCol, col);
      // Cells before the row's extension list, if it has one.
      // Stryker disable next-line ConditionalExpression: looking the list up again finds the same one
      if (row.ext === undefined) row.ext = child(row.el, "extLst") ?? null;
      const ext = row.ext;
      if (ext) row.el.children.splice(row.el.children.indexOf(ext), 0, c);
      else row.el.children.push(c);
      cells.set(col, c);
      // A new cell outside the row's span hint makes the hint wrong: drop it (it is optional).
      // Stryker disable next-line ConditionalExpression: dropping it again is dropping nothing
      if (!row.spansDropped) {
        setAttr(row.el, "spans", null);
        // Stryker disable next-line BooleanLiteral: (the same) dropping it again is dropping nothing
        row.spansDropped = true;
      }
    }
    this.cellsChanged = true;
    return c;
  }

  private styleIndex(c: AnyCell): number {
    return Number(c instanceof NewCell ? c.s : (attr(c, "s") ?? 0)) || 0;
  }

  setValue(rowNumber: number, col: number, v: CellInput): void {
    // Clearing a cell the sheet does not have: nothing to do (a new sheet's blank cells).
    if (v === null && !this.has(rowNumber, col)) return;
    const c = this.cell(rowNumber, col);
    if (c instanceof NewCell) return this.setNewValue(c, v, rowNumber, col);
    this.clearValue(c, rowNumber, col);
    if (isFormula(v)) {
      this.formulaWritten = true;
      // Stryker disable next-line Regex: as for a created cell, a formula's first "=" is its leading one
      c.children.unshift(this.el("f", {}, [wellFormed(v.formula.replace(/^=/, ""))]));
      this.putValue(c, v.value ?? null, true, rowNumber, col);
    } else this.putValue(c, v, false, rowNumber, col);
  }

  /** The old value, its formula and their metadata go; the cell keeps its style and anything else it holds. */
  private clearValue(c: XmlElement, rowNumber: number, col: number): void {
    const f = child(c, "f");
    if (f) {
      this.formulaReplaced = true;
      if (attr(f, "t") === "shared" && attr(f, "ref")) this.unshare(f, rowNumber, col);
    }
    // The old value's metadata (dynamic arrays, rich values) goes with the old value.
    setAttr(c, "cm", null);
    setAttr(c, "vm", null);
    c.children = c.children.filter((k) => isElement(k) && !["f", "v", "is"].includes(local(k.name)));
    setAttr(c, "t", null);
  }

  /** A created cell's value: its parts, as putValue writes them into an element. */
  private setNewValue(c: NewCell, v: CellInput, row: number, col: number): void {
    if (c.f !== null) this.formulaReplaced = true;
    c.f = c.v = c.text = null;
    c.t = "";
    let value: CellValue = v as CellValue;
    if (isFormula(v)) {
      this.formulaWritten = true;
      // Stryker disable next-line Regex: a formula always starts with "=" (CellInput), so its first "=" is the leading one
      c.f = wellFormed(v.formula.replace(/^=/, ""));
      value = v.value ?? null;
    }
    if (value === null) return;
    if (typeof value === "number") {
      c.v = num(value);
      this.numbersWritten.push([row, col]);
    } else if (typeof value === "boolean") {
      c.t = "b";
      c.v = value ? "1" : "0";
    } else if (c.f !== null) {
      c.t = ERROR_VALUE.test(value) ? "e" : "str";
      c.v = excelEscape(wellFormed(value));
    } else {
      c.t = "inlineStr";
      c.text = excelEscape(wellFormed(value));
    }
  }

  private putValue(c: XmlElement, v: CellValue | undefined, cached: boolean, row: number, col: number): void {
    if (v === null || v === undefined) return;
    const add = (el: XmlElement) => insertInOrder(c, el, CELL_ORDER);
    if (typeof v === "number") {
      add({ name: this.vName, attrs: [], children: [num(v)] });
      this.numbersWritten.push([row, col]);
    } else if (typeof v === "boolean") {
      setAttr(c, "t", "b");
      add(this.el("v", {}, [v ? "1" : "0"]));
    } else if (cached) {
      // A formula's text result; an error value (#N/A...) is an error, not text.
      setAttr(c, "t", ERROR_VALUE.test(v) ? "e" : "str");
      add(this.el("v", {}, [excelEscape(wellFormed(v))]));
    } else {
      setAttr(c, "t", "inlineStr");
      const text = excelEscape(wellFormed(v));
      const t = this.el("t", /^\s|\s$/.test(text) ? { "xml:space": "preserve" } : {}, [text]);
      add(this.el("is", {}, [t]));
    }
  }

  /**
   * The master of a shared formula is about to change: its followers keep their
   * formula, written out in full (a shared formula is only text on its master).
   */
  private unshare(master: XmlElement, row: number, col: number): void {
    const si = attr(master, "si");
    const text = textOf(master);
    const area = parseRange(attr(master, "ref")!);
    for (let r = area.top; r <= area.bottom; r++) {
      const entry = this.row(r, false);
      if (!entry) continue;
      const cells = this.cellIndex(entry, r);
      for (let c = area.left; c <= area.right; c++) {
        if (r === row && c === col) continue;
        const cell = cells.get(c);
        // A cell the edits created holds no follower of a shared formula.
        const f = cell && !(cell instanceof NewCell) && child(cell, "f");
        if (!f || attr(f, "t") !== "shared" || attr(f, "si") !== si) continue;
        f.attrs = [];
        f.children = [shiftFormula(text, r - row, c - col)];
      }
    }
  }

  setStyle(range: string, style: CellStyle): void {
    const r = parseRange(range);
    const styles = this.styles();
    // Most cells of a range share a few styles: each one's new index ("" for none) is looked up once.
    const restyled = new Map<number, string>();
    const styleFor = (base: number): string => {
      let s = restyled.get(base);
      // Stryker disable next-line ConditionalExpression: asking the styles again gives the same index
      if (s === undefined) restyled.set(base, (s = String(styles.xfFor(base, style) || "")));
      return s;
    };
    for (let row = r.top; row <= r.bottom; row++) {
      // The row's cells looked up once, not per cell: a summary restyles some 70,000.
      const cells = this.cellIndex(this.row(row, true)!, row);
      for (let col = r.left; col <= r.right; col++) {
        const c = cells.get(col) ?? this.cell(row, col);
        const s = styleFor(this.styleIndex(c));
        if (c instanceof NewCell) c.s = s;
        else setAttr(c, "s", s || null);
      }
    }
  }

  /** Values of the cells the edits set, as stored (for 1904 shifting). */
  finishDates(date1904: boolean): void {
    if (!date1904) return;
    const styles = this.styles();
    for (const [row, col] of this.numbersWritten) {
      const c = this.cell(row, col);
      if (!isDateFormat(styles.formatOf(this.styleIndex(c)))) continue;
      if (c instanceof NewCell) {
        if (c.v !== null) c.v = num(Number(c.v) - DAYS_1904);
        continue;
      }
      const v = child(c, "v");
      if (v) v.children = [num(Number(textOf(v)) - DAYS_1904)];
    }
  }

  // ───────────── merges, columns, rows ─────────────

  merge(range: string): void {
    const area = parseRange(range);
    const list = ensureChild(this.root, "mergeCells", WORKSHEET_ORDER, this.p);
    // The sheet's merged areas, parsed once: a summary sheet adds hundreds.
    if (!this.merged) {
      this.merged = [];
      for (const m of children(list, "mergeCell")) {
        const ref = attr(m, "ref");
        if (ref) this.merged.push({ ref, ...parseRange(ref) });
      }
    }
    for (const o of this.merged) {
      if (o.top === area.top && o.left === area.left && o.bottom === area.bottom && o.right === area.right) return; // already merged
      if (o.top <= area.bottom && area.top <= o.bottom && o.left <= area.right && area.left <= o.right) {
        throw new Error(`merge ${range} overlaps ${o.ref}`);
      }
    }
    const ref = rangeA1(area);
    list.children.push(this.el("mergeCell", { ref }));
    this.merged.push({ ref, ...area });
    setAttr(list, "count", this.merged.length);
  }

  columnWidth(col: number, width: number, hidden: boolean | undefined): void {
    this.columnStyles = null;
    const cols = ensureChild(this.root, "cols", WORKSHEET_ORDER, this.p);
    // Widths are mostly set left to right: a column past the last <col> goes at the end.
    const last = cols.children[cols.children.length - 1];
    const past = last !== undefined && isElement(last) && local(last.name) === "col" && Number(attr(last, "max")) < col;
    const list = past ? [] : children(cols, "col");
    const covering = list.find((c) => Number(attr(c, "min")) <= col && col <= Number(attr(c, "max")));
    let target: XmlElement;
    if (covering) {
      const min = Number(attr(covering, "min"));
      const max = Number(attr(covering, "max"));
      const at = cols.children.indexOf(covering);
      const copy = (lo: number, hi: number): XmlElement => {
        const el: XmlElement = { name: covering.name, attrs: covering.attrs.map(([k, v]) => [k, v]), children: [] };
        setAttr(el, "min", lo);
        setAttr(el, "max", hi);
        return el;
      };
      const pieces: XmlElement[] = [];
      if (min < col) pieces.push(copy(min, col - 1));
      target = copy(col, col);
      pieces.push(target);
      if (col < max) pieces.push(copy(col + 1, max));
      cols.children.splice(at, 1, ...pieces);
    } else {
      target = this.el("col", { min: col, max: col });
      const after = list.find((c) => Number(attr(c, "min")) > col);
      if (after) cols.children.splice(cols.children.indexOf(after), 0, target);
      else cols.children.push(target);
    }
    setAttr(target, "width", width);
    setAttr(target, "customWidth", 1);
    if (hidden === true) setAttr(target, "hidden", 1);
    else if (hidden === false) setAttr(target, "hidden", null);
  }

  rowHeight(n: number, height: number): void {
    const row = this.row(n, true)!;
    setAttr(row.el, "ht", height);
    setAttr(row.el, "customHeight", 1);
  }

  // ───────────── validation and conditional formats ─────────────

  private validations(): XmlElement {
    return ensureChild(this.root, "dataValidations", WORKSHEET_ORDER, this.p);
  }

  /**
   * A data validation over `range`. Cells of the range leave any validation they had
   * (a cell with two validations makes Excel repair the file); the same validation
   * written again replaces itself.
   */
  addValidation(range: string, attrs: Record<string, string | number | undefined>, formula: string): void {
    const list = this.validations();
    const area = parseRange(range);
    for (const dv of children(list, "dataValidation")) {
      const sqref = (attr(dv, "sqref") ?? "").trim();
      if (!sqref) continue;
      const kept = sqref.split(/\s+/).flatMap((ref) => {
        let r: Range;
        try {
          r = parseRange(ref);
        } catch {
          return [ref]; // a reference we cannot read (a whole column...) is kept as it is
        }
        const parts = subtract(r, area);
        return parts.length === 1 && parts[0] === r ? [ref] : parts.map(rangeA1);
      });
      if (kept.length === 0) removeChild(list, dv);
      else if (kept.join(" ") !== sqref) setAttr(dv, "sqref", kept.join(" "));
    }
    list.children.push(this.el("dataValidation", { ...attrs, sqref: rangeA1(area) }, [this.el("formula1", {}, [formula])]));
    setAttr(list, "count", children(list, "dataValidation").length);
  }

  /** A rule "cell equals this text → this fill and font colour"; the same rule again is not added twice. */
  conditionalFormat(range: string, equals: string, fill: string, fontColor: string): void {
    const sqref = rangeA1(parseRange(range));
    const formula = `"${equals.replace(/"/g, '""')}"`;
    for (const cf of children(this.root, "conditionalFormatting")) {
      if (attr(cf, "sqref") !== sqref) continue;
      for (const rule of children(cf, "cfRule")) {
        if (attr(rule, "type") === "cellIs" && attr(rule, "operator") === "equal" && children(rule, "formula").map(textOf).join() === formula) {
          setAttr(rule, "dxfId", this.styles().dxf(fill, fontColor));
          return;
        }
      }
    }
    const rule = this.el("cfRule", { type: "cellIs", dxfId: this.styles().dxf(fill, fontColor), priority: this.nextPriority(), operator: "equal" }, [this.el("formula", {}, [formula])]);
    insertInOrder(this.root, this.el("conditionalFormatting", { sqref }, [rule]), WORKSHEET_ORDER);
  }

  /**
   * The add-in's highlight of one cell, where a host marks by highlight (Excel without
   * notes): a conditional format with the formula both hosts recognise, never the
   * cell's own format. `on: false` takes off every highlight of ours on the cell.
   */
  highlight(cell: string, color: string, on: boolean): void {
    const sqref = rangeA1(parseRange(cell));
    const ours = (rule: XmlElement) => attr(rule, "type") === "expression" && children(rule, "formula").map(textOf).join() === HIGHLIGHT;
    const here = children(this.root, "conditionalFormatting").filter((cf) => attr(cf, "sqref") === sqref);
    if (!on) {
      for (const cf of here) {
        cf.children = cf.children.filter((c) => !(isElement(c) && local(c.name) === "cfRule" && ours(c)));
        if (children(cf, "cfRule").length === 0) removeChild(this.root, cf);
      }
      return;
    }
    if (here.some((cf) => children(cf, "cfRule").some(ours))) return;
    const rule = this.el("cfRule", { type: "expression", dxfId: this.styles().dxf(color), priority: this.nextPriority() }, [this.el("formula", {}, [HIGHLIGHT])]);
    insertInOrder(this.root, this.el("conditionalFormatting", { sqref }, [rule]), WORKSHEET_ORDER);
  }

  /** Excel orders rules by priority and expects no two alike: one past every rule the sheet has (x14 ones too). */
  private nextPriority(): number {
    let priority = 0;
    const walk = (el: XmlElement) => {
      for (const c of el.children) {
        if (!isElement(c)) continue;
        if (local(c.name) === "cfRule") priority = Math.max(priority, Number(attr(c, "priority") ?? 0) || 0);
        walk(c);
      }
    };
    walk(this.root);
    return priority + 1;
  }

  // ───────────── view and print ─────────────

  freeze(rows: number, cols: number): void {
    const views = ensureChild(this.root, "sheetViews", WORKSHEET_ORDER, this.p);
    const view = child(views, "sheetView") ?? (views.children.push(this.el("sheetView", { workbookViewId: 0 })), child(views, "sheetView")!);
    view.children = view.children.filter((c) => !(isElement(c) && (local(c.name) === "pane" || local(c.name) === "selection")));
    if (rows <= 0 && cols <= 0) return;
    const active = rows > 0 && cols > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
    const topLeft = a1(rows + 1, cols + 1);
    insertInOrder(view, this.el("pane", { xSplit: cols > 0 ? cols : undefined, ySplit: rows > 0 ? rows : undefined, topLeftCell: topLeft, activePane: active, state: "frozen" }), SHEET_VIEW_ORDER);
    insertInOrder(view, this.el("selection", { pane: active, activeCell: topLeft, sqref: topLeft }), SHEET_VIEW_ORDER);
  }

  /** Page setup; a field left out stays as the sheet has it (a plan may set only the print area, a workbook name). */
  pageSetup(e: { orientation?: "landscape" | "portrait"; fitToWidth?: boolean; margins?: PageMargins; pageNumber?: { skipFirst: boolean }; centerHorizontally?: boolean }): void {
    if (e.fitToWidth !== undefined) {
      const sheetPr = ensureChild(this.root, "sheetPr", WORKSHEET_ORDER, this.p);
      const fit = child(sheetPr, "pageSetUpPr") ?? insertInOrder(sheetPr, this.el("pageSetUpPr"), SHEET_PR_ORDER);
      setAttr(fit, "fitToPage", e.fitToWidth ? 1 : null);
      if (fit.attrs.length === 0 && fit.children.length === 0) removeChild(sheetPr, fit);
      if (sheetPr.attrs.length === 0 && sheetPr.children.length === 0) removeChild(this.root, sheetPr);
    }

    if (e.centerHorizontally !== undefined) {
      const options = ensureChild(this.root, "printOptions", WORKSHEET_ORDER, this.p);
      setAttr(options, "horizontalCentered", e.centerHorizontally ? 1 : null);
      if (options.attrs.length === 0) removeChild(this.root, options);
    }
    const m = e.margins;
    if (m) {
      const margins = ensureChild(this.root, "pageMargins", WORKSHEET_ORDER, this.p);
      const inch = (mm: number) => Math.round((mm / 25.4) * 10000) / 10000;
      // All six are required when the element is there.
      setAttr(margins, "left", inch(m.left));
      setAttr(margins, "right", inch(m.right));
      setAttr(margins, "top", inch(m.top));
      setAttr(margins, "bottom", inch(m.bottom));
      setAttr(margins, "header", inch(m.header));
      setAttr(margins, "footer", inch(m.footer));
    }

    if (e.orientation || e.fitToWidth) {
      // pageSetup comes after pageMargins in the schema; Excel writes margins whenever it writes a setup.
      if (!child(this.root, "pageMargins")) {
        insertInOrder(this.root, this.el("pageMargins", { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 }), WORKSHEET_ORDER);
      }
      const setup = ensureChild(this.root, "pageSetup", WORKSHEET_ORDER, this.p);
      if (e.orientation) {
        setAttr(setup, "paperSize", 9);
        setAttr(setup, "orientation", e.orientation);
      }
      if (e.fitToWidth) {
        setAttr(setup, "fitToWidth", 1);
        setAttr(setup, "fitToHeight", 0);
      }
    }
    if (e.pageNumber) {
      // Each sheet is a document of its own: its pages count from 1 (a workbook printed
      // whole would otherwise number on from the sheet before, and show a number on
      // every sheet's first page but the first sheet's).
      if (!child(this.root, "pageMargins")) {
        insertInOrder(this.root, this.el("pageMargins", { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 }), WORKSHEET_ORDER);
      }
      const setup = ensureChild(this.root, "pageSetup", WORKSHEET_ORDER, this.p);
      setAttr(setup, "firstPageNumber", 1);
      setAttr(setup, "useFirstPageNumber", 1);
      const hf = ensureChild(this.root, "headerFooter", WORKSHEET_ORDER, this.p);
      // Decree 30/2020: the page number in Arabic numerals, centred in the top margin.
      const header = child(hf, "oddHeader") ?? insertInOrder(hf, this.el("oddHeader"), HEADER_FOOTER_ORDER);
      header.children = ['&C&"Times New Roman,Regular"&13&P'];
      setAttr(hf, "differentFirst", e.pageNumber.skipFirst ? 1 : null);
      const first = child(hf, "firstHeader");
      if (first) removeChild(hf, first);
    }
  }

  // ───────────── drawings ─────────────

  /** The r:id of the sheet's legacy drawing (the VML of its notes), if it has one. */
  legacyDrawingId(): string | undefined {
    const el = child(this.root, "legacyDrawing");
    if (!el) return undefined;
    for (const [k, v] of el.attrs) if (local(k) === "id" && k.includes(":")) return v;
    return undefined;
  }

  setLegacyDrawing(rPrefix: string, id: string | null): void {
    const old = child(this.root, "legacyDrawing");
    if (old) removeChild(this.root, old);
    if (id) insertInOrder(this.root, this.el("legacyDrawing", { [`${rPrefix}id`]: id }), WORKSHEET_ORDER);
  }

  // ───────────── writing out ─────────────

  serialize(): string {
    if (this.rows) {
      if (this.rowsUnsorted) {
        const others = this.sheetData.children.filter((c) => !(isElement(c) && local(c.name) === "row"));
        const sorted = [...this.rows.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r.el);
        this.sheetData.children = [...sorted, ...others.filter(isElement)];
      }
      for (const [, r] of this.rows) {
        if (!r.unsorted || !r.cells) continue;
        // The row's other elements (an extension list) after its cells, created ones included.
        const tail = r.el.children.filter((c) => isElement(c) && local(c.name) !== "c");
        const sorted = [...r.cells.entries()].sort((a, b) => a[0] - b[0]).map(([, c]) => c);
        r.el.children = [...sorted, ...tail];
      }
      if (this.cellsChanged) this.updateDimension();
    }
    return serializeXml(this.doc);
  }

  private updateDimension(): void {
    const dim = child(this.root, "dimension");
    if (!dim || !this.rows) return;
    let top = Infinity;
    let bottom = 0;
    let left = Infinity;
    let right = 0;
    for (const [n, r] of this.rows) {
      const cells = this.cellIndex(r, n);
      if (cells.size === 0) continue;
      top = Math.min(top, n);
      bottom = Math.max(bottom, n);
      for (const col of cells.keys()) {
        left = Math.min(left, col);
        right = Math.max(right, col);
      }
    }
    if (bottom === 0) return;
    setAttr(dim, "ref", top === bottom && left === right ? a1(top, left) : `${columnLetter(left)}${top}:${columnLetter(right)}${bottom}`);
  }
}

/** The parts of `a` outside `cut` (up to four rectangles). */
export function subtract(a: Range, cut: Range): Range[] {
  if (cut.bottom < a.top || cut.top > a.bottom || cut.right < a.left || cut.left > a.right) return [a];
  const out: Range[] = [];
  if (a.top < cut.top) out.push({ top: a.top, bottom: cut.top - 1, left: a.left, right: a.right });
  if (cut.bottom < a.bottom) out.push({ top: cut.bottom + 1, bottom: a.bottom, left: a.left, right: a.right });
  const top = Math.max(a.top, cut.top);
  const bottom = Math.min(a.bottom, cut.bottom);
  if (a.left < cut.left) out.push({ top, bottom, left: a.left, right: cut.left - 1 });
  if (cut.right < a.right) out.push({ top, bottom, left: cut.right + 1, right: a.right });
  return out;
}

