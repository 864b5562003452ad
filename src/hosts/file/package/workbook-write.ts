/**
 * The domain's edit list applied to a workbook package as patches. The whole plan is
 * checked first (sheets exist, no sheet is overwritten, no protected sheet is
 * written); then every change is made on parsed copies of the parts it touches, and
 * only when all of them succeeded are those parts written back. Parts no edit
 * touches are never parsed, so they leave byte for byte as they came.
 */
import type { Edit } from "../../../domain/edits";
import { parseRange, rangeA1 } from "../../../domain/address";
import { toExcelSerial } from "../../../domain/dates";
import { HostError } from "../errors";
import { blankVml, SheetNotes, threadedCells, vmlBlocks } from "./notes";
import { REL, Rels, relsPathOf, type ContentTypes } from "./opc";
import { DAYS_1904, isTrue } from "./sheet-read";
import { BLANK_SHEET, SheetWriter, type StyleSource } from "./sheet-write";
import { StylesWriter } from "./styles";
import { CT, OWN_NAMESPACE, rootNamespace, type WorkbookPackage } from "./workbook";
import { attr, child, children, declarePrefix, element, ensureChild, parseXml, prefixOf, serializeXml, setAttr, type XmlDocument, type XmlElement } from "./xml";

const WORKBOOK_ORDER = [
  "fileVersion",
  "fileSharing",
  "workbookPr",
  "workbookProtection",
  "bookViews",
  "sheets",
  "functionGroups",
  "externalReferences",
  "definedNames",
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface ApplyResult {
  /** What could not be done, one Vietnamese sentence per kind (e.g. charts). */
  notDone: string[];
}

const NO_CHART = "Tệp .xlsx ghi ở đây chưa có biểu đồ; hãy mở trong Excel để xem biểu đồ.";

const protectedMessage = (sheet: string) => `Trang tính "${sheet}" đang được bảo vệ; hãy bỏ bảo vệ trang tính rồi thử lại.`;

/** Check the whole plan against the workbook before anything is written. */
export function validatePlan(pkg: WorkbookPackage, edits: Edit[]): void {
  const existing = new Set(pkg.sheetNames().map((n) => n.toLowerCase()));
  const added = new Set<string>();
  const structureLocked = (() => {
    const p = child(pkg.info().doc.root, "workbookProtection");
    return p ? isTrue(attr(p, "lockStructure")) : false;
  })();
  for (const e of edits) {
    if (e.op === "addSheet") {
      const key = e.sheet.toLowerCase();
      if (existing.has(key) || added.has(key)) throw new HostError("sheet-exists", `Trang tính "${e.sheet}" đã có; không ghi đè.`);
      if (!e.sheet.trim() || e.sheet.length > 31 || /[\\/?*[\]:]/.test(e.sheet) || /^'|'$/.test(e.sheet)) throw new HostError("bad-sheet-name", `Tên trang tính "${e.sheet}" không hợp lệ.`);
      if (structureLocked) throw new HostError("protected", "Sổ làm việc đang được bảo vệ cấu trúc nên không thêm được trang tính; hãy bỏ bảo vệ sổ làm việc rồi thử lại.");
      added.add(key);
      continue;
    }
    if (e.op === "defineName") continue;
    if (e.op === "setCustomXml") {
      if (!e.namespace.startsWith(OWN_NAMESPACE)) throw new HostError("apply-failed", "Chỉ ghi được dữ liệu riêng của phần bổ trợ; chưa có tệp nào được ghi.");
      continue;
    }
    const key = e.sheet.toLowerCase();
    if (!existing.has(key) && !added.has(key)) throw new HostError("no-sheet", `Không có trang tính "${e.sheet}".`);
    if (existing.has(key) && e.op !== "select" && e.op !== "sheetVisibility" && e.op !== "chart" && pkg.sheetProtected(e.sheet)) {
      throw new HostError("protected", protectedMessage(pkg.sheetInfo(e.sheet)?.name ?? e.sheet));
    }
  }
}

/** Apply an edit list to a package; nothing is written when any edit fails. */
export function applyPlan(pkg: WorkbookPackage, edits: Edit[]): ApplyResult {
  validatePlan(pkg, edits);
  const plan = new Plan(pkg);
  for (const e of edits) {
    try {
      plan.apply(e);
    } catch (err) {
      if (err instanceof HostError) throw err;
      const where = e.op === "defineName" ? `tên "${e.name}"` : e.op === "setCustomXml" ? "dữ liệu riêng của phần bổ trợ" : `trang tính "${e.sheet}"${"range" in e ? `, vùng ${e.range}` : ""}`;
      throw new HostError("apply-failed", `Không thực hiện được thay đổi (${where}); chưa có tệp nào được ghi.`, err);
    }
  }
  plan.commit();
  return { notDone: plan.notDone };
}

interface SheetState {
  name: string;
  part: string;
  el: XmlElement;
  writer?: SheetWriter;
  rels?: Rels;
  relsChanged?: boolean;
  notes?: { notes: SheetNotes; commentsPart: string | null; vmlPart: string | null; threaded: Set<string> };
}

class Plan {
  readonly notDone: string[] = [];
  private readonly wb: XmlDocument;
  private readonly wbPart: string;
  private readonly wbRels: Rels;
  private readonly ct: ContentTypes;
  private readonly date1904: boolean;
  private readonly sheets = new Map<string, SheetState>();
  private readonly order: SheetState[] = [];
  private readonly newParts = new Map<string, string>();
  private readonly removed = new Set<string>();
  private styles: StylesWriter | null = null;
  private stylesPart: string | null;
  private wbChanged = false;
  private relsChanged = false;
  private ctChanged = false;

  constructor(private readonly pkg: WorkbookPackage) {
    const info = pkg.info();
    this.wbPart = pkg.workbookPart;
    this.wb = parseXml(pkg.text(this.wbPart)!);
    this.wbRels = pkg.rels(this.wbPart);
    this.ct = pkg.contentTypes();
    this.date1904 = info.date1904;
    this.stylesPart = info.stylesPart;
    const els = children(child(this.wb.root, "sheets") ?? element("x"), "sheet");
    info.sheets.forEach((s, i) => {
      const state: SheetState = { name: s.name, part: s.part ?? "", el: els[i] };
      this.order.push(state);
      this.sheets.set(s.name.toLowerCase(), state);
    });
  }

  private get p(): string {
    return prefixOf(this.wb.root.name);
  }

  private sheet(name: string): SheetState {
    const s = this.sheets.get(name.toLowerCase());
    if (!s) throw new HostError("no-sheet", `Không có trang tính "${name}".`);
    if (!s.part) throw new HostError("apply-failed", `Trang tính "${s.name}" là trang biểu đồ, không ghi được ô vào đó.`);
    return s;
  }

  private writer(s: SheetState): SheetWriter {
    if (!s.writer) {
      const text = this.newParts.get(s.part) ?? this.pkg.text(s.part) ?? BLANK_SHEET;
      s.writer = new SheetWriter(text, () => this.styleSource());
    }
    return s.writer;
  }

  private sheetRels(s: SheetState): Rels {
    s.rels ??= new Rels(s.part, this.newParts.get(relsPathOf(s.part)) ?? this.pkg.text(relsPathOf(s.part)));
    return s.rels;
  }

  private styleSource(): StyleSource {
    if (!this.styles) {
      if (!this.stylesPart) {
        this.stylesPart = this.freeName((n) => (n === 1 ? "xl/styles.xml" : `xl/styles${n}.xml`));
        this.wbRels.add(`${REL}/styles`, this.stylesPart);
        this.ct.setOverride(this.stylesPart, CT.styles);
        this.relsChanged = this.ctChanged = true;
        this.styles = new StylesWriter(undefined);
        this.styles.changed = true;
      } else this.styles = new StylesWriter(this.pkg.text(this.stylesPart));
    }
    return this.styles;
  }

  /** The first name `make(n)` not taken by a part, n = 1, 2, ... */
  private freeName(make: (n: number) => string): string {
    for (let n = 1; ; n++) {
      const name = make(n);
      if (!this.pkg.has(name) && !this.newParts.has(name)) return name;
    }
  }

  apply(e: Edit): void {
    switch (e.op) {
      case "addSheet":
        return this.addSheet(e.sheet);
      case "setValues": {
        const w = this.writer(this.sheet(e.sheet));
        const r = parseRange(e.range);
        e.values.forEach((row, i) => row.forEach((v, j) => w.setValue(r.top + i, r.left + j, v)));
        return;
      }
      case "setStyle":
        return this.writer(this.sheet(e.sheet)).setStyle(e.range, e.style);
      case "merge":
        return this.writer(this.sheet(e.sheet)).merge(e.range);
      case "columnWidths": {
        const w = this.writer(this.sheet(e.sheet));
        for (const c of e.widths) w.columnWidth(c.col, c.width, c.hidden);
        return;
      }
      case "rowHeight":
        return this.writer(this.sheet(e.sheet)).rowHeight(e.row, e.height);
      case "listValidation": {
        const formula = Array.isArray(e.source) ? `"${e.source.map((s) => s.replace(/"/g, '""')).join(",")}"` : e.source.replace(/^=/, "");
        const style = e.errorStyle ?? "stop";
        this.writer(this.sheet(e.sheet)).addValidation(
          e.range,
          {
            type: "list",
            errorStyle: style === "warning" ? "warning" : undefined,
            allowBlank: 1,
            showInputMessage: e.prompt ? 1 : undefined,
            showErrorMessage: style === "none" ? undefined : 1,
            ...prompt(e.prompt),
          },
          formula,
        );
        return;
      }
      case "dateValidation": {
        const serial = toExcelSerial("2000-01-01") - (this.date1904 ? DAYS_1904 : 0);
        this.writer(this.sheet(e.sheet)).addValidation(
          e.range,
          {
            type: "date",
            operator: "greaterThan",
            allowBlank: 1,
            showInputMessage: e.prompt ? 1 : undefined,
            showErrorMessage: 1,
            errorTitle: "Ngày không hợp lệ",
            error: "Hãy nhập ngày theo dạng ngày/tháng/năm, ví dụ 30/06/2026.",
            ...prompt(e.prompt),
          },
          String(serial),
        );
        return;
      }
      case "conditionalFormat":
        return this.writer(this.sheet(e.sheet)).conditionalFormat(e.range, e.equals, e.fill, e.fontColor);
      case "freeze":
        return this.writer(this.sheet(e.sheet)).freeze(e.rows, e.cols ?? 0);
      case "pageSetup": {
        const s = this.sheet(e.sheet);
        this.writer(s).pageSetup(e);
        const index = this.order.indexOf(s);
        const quoted = `'${s.name.replace(/'/g, "''")}'`;
        if (e.printTitleRows) {
          const m = e.printTitleRows.replace(/\$/g, "").match(/^(\d+):(\d+)$/);
          if (m) this.setName("_xlnm.Print_Titles", index, `${quoted}!$${m[1]}:$${m[2]}`);
        }
        if (e.printArea) {
          const a = parseRange(e.printArea.replace(/\$/g, ""));
          this.setName("_xlnm.Print_Area", index, `${quoted}!${rangeA1(a).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`);
        }
        return;
      }
      case "sheetVisibility": {
        const s = this.sheets.get(e.sheet.toLowerCase())!;
        setAttr(s.el, "state", e.visibility === "visible" ? null : e.visibility);
        this.wbChanged = true;
        return;
      }
      case "setCustomXml":
        return this.setCustomXml(e.namespace, e.xml);
      case "defineName":
        return this.setName(e.name, null, e.formula.replace(/^=/, ""), e.comment);
      case "setNote":
        return this.setNote(this.sheet(e.sheet), e.cell, e.text);
      case "markFill":
        return this.writer(this.sheet(e.sheet)).highlight(e.cell, e.color, e.on);
      case "select":
        return; // a file keeps no selection worth writing
      case "chart":
        if (!this.notDone.includes(NO_CHART)) this.notDone.push(NO_CHART);
        return;
    }
  }

  private addSheet(name: string): void {
    const part = this.freeName((n) => `xl/worksheets/sheet${n}.xml`);
    const rid = this.wbRels.add(`${REL}/worksheet`, part);
    const sheetsEl = ensureChild(this.wb.root, "sheets", WORKBOOK_ORDER, this.p);
    const ids = children(sheetsEl, "sheet").map((s) => Number(attr(s, "sheetId") ?? 0) || 0);
    const r = declarePrefix(this.wb.root, RELATIONSHIPS_NS, "r");
    const el = element(this.p + "sheet", { name, sheetId: Math.max(0, ...ids) + 1, [`${r}id`]: rid });
    sheetsEl.children.push(el);
    this.ct.setOverride(part, CT.worksheet);
    this.newParts.set(part, BLANK_SHEET);
    const state: SheetState = { name, part, el };
    this.order.push(state);
    this.sheets.set(name.toLowerCase(), state);
    this.wbChanged = this.relsChanged = this.ctChanged = true;
  }

  /** Set a defined name: workbook scope (localSheetId null) or a sheet's; an existing one of the same name and scope is replaced. */
  private setName(name: string, localSheetId: number | null, text: string, comment?: string): void {
    const list = ensureChild(this.wb.root, "definedNames", WORKBOOK_ORDER, this.p);
    const scope = localSheetId === null ? undefined : String(localSheetId);
    let el = children(list, "definedName").find((n) => (attr(n, "name") ?? "").toLowerCase() === name.toLowerCase() && attr(n, "localSheetId") === scope);
    if (!el) {
      el = element(this.p + "definedName", { name, ...(scope !== undefined ? { localSheetId: scope } : {}) });
      list.children.push(el);
    }
    if (comment !== undefined) setAttr(el, "comment", comment);
    el.children = [text];
    this.wbChanged = true;
  }

  private setNote(s: SheetState, cell: string, text: string): void {
    if (!s.notes) {
      const rels = this.sheetRels(s);
      const commentsRel = rels.ofType("comments")[0];
      const w = this.writer(s);
      const legacy = w.legacyDrawingId();
      const vmlRel = legacy ? rels.byId(legacy) : undefined;
      const threadedRel = rels.ofType("threadedComment")[0];
      const commentsPart = commentsRel?.part ?? null;
      const vmlPart = vmlRel?.part ?? null;
      s.notes = {
        notes: new SheetNotes(commentsPart ? this.pkg.text(commentsPart) : undefined, (vmlPart && this.pkg.text(vmlPart)) || blankVml(this.freeVmlBlock())),
        commentsPart,
        vmlPart,
        threaded: threadedCells(threadedRel?.part ? this.pkg.text(threadedRel.part) : undefined),
      };
    }
    const ref = cell.replace(/\$/g, "").toUpperCase();
    if (s.notes.threaded.has(ref)) {
      const msg = `Ô ${ref} (trang "${s.name}") có bình luận dạng hội thoại nên không gắn ghi chú vào ô đó.`;
      if (!this.notDone.includes(msg)) this.notDone.push(msg);
      return;
    }
    s.notes.notes.set(ref, text);
  }

  /** A VML shape-id block no drawing of the workbook uses yet. */
  private freeVmlBlock(): number {
    let max = 0;
    // Stryker disable next-line ConditionalExpression,Regex,StringLiteral: only VML drawings hold shape-id blocks, and a listed part has text
    for (const name of this.pkg.partNames()) if (/\.vml$/i.test(name)) max = Math.max(max, ...vmlBlocks(this.pkg.text(name) ?? ""));
    for (const s of this.sheets.values()) if (s.notes) max = Math.max(max, ...vmlBlocks(s.notes.notes.vml));
    return max + 1;
  }

  private setCustomXml(namespace: string, xml: string | null): void {
    const found = this.pkg.customXmlParts().find((p) => p.namespace === namespace && !this.removed.has(p.part));
    // Stryker disable next-line Regex: no other part name written holds "customXml/item<n>.xml" (properties are "itemProps<n>", relationships under "_rels/")
    const added = [...this.newParts.keys()].find((p) => /^customXml\/item\d+\.xml$/.test(p) && rootNamespace(this.newParts.get(p)!) === namespace);
    const part = found?.part ?? added;
    // Stryker disable next-line StringLiteral: the cause's text is for developers; people read the message that wraps it (the plan check)
    if (xml !== null && rootNamespace(xml) !== namespace) throw new Error(`the XML's root namespace is not ${namespace}`);
    if (xml === null) {
      if (!part) return;
      const rels = new Rels(part, this.pkg.text(relsPathOf(part)));
      for (const r of rels.list()) {
        if (!r.part) continue;
        this.removePart(r.part);
        this.ct.removeOverride(r.part);
      }
      this.removePart(relsPathOf(part));
      this.removePart(part);
      this.ct.removeOverride(part);
      const rel = this.wbRels.list().find((r) => r.part === part);
      if (rel) this.wbRels.remove(rel.id);
      this.relsChanged = this.ctChanged = true;
      return;
    }
    if (part) {
      this.newParts.set(part, xml);
      return;
    }
    let n = 1;
    const taken = (name: string) => this.pkg.has(name) || this.newParts.has(name);
    while (taken(`customXml/item${n}.xml`) || taken(`customXml/itemProps${n}.xml`)) n++;
    const item = `customXml/item${n}.xml`;
    const props = `customXml/itemProps${n}.xml`;
    this.newParts.set(item, xml);
    this.newParts.set(
      props,
      // Stryker disable next-line StringLiteral: the declaration is optional in XML; written as Excel writes it
      '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' +
        `<ds:datastoreItem ds:itemID="${guidOf(namespace)}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>`,
    );
    const rels = new Rels(item, undefined);
    rels.add(`${REL}/customXmlProps`, props);
    this.newParts.set(relsPathOf(item), rels.serialize());
    this.ct.setOverride(props, CT.customXmlProps);
    this.ct.ensureDefault("xml", CT.xml);
    this.ct.ensureDefault("rels", CT.rels);
    this.wbRels.add(`${REL}/customXml`, item);
    this.relsChanged = this.ctChanged = true;
  }

  private removePart(part: string): void {
    this.newParts.delete(part);
    // Stryker disable next-line ConditionalExpression: removing a part the package does not have changes nothing
    if (this.pkg.has(part)) this.removed.add(part);
  }

  /** Write every changed part into the package. Nothing above has touched it. */
  commit(): void {
    let formulaWritten = false;
    let formulaReplaced = false;
    for (const s of this.order) {
      if (s.notes) this.commitNotes(s);
      const w = s.writer;
      if (w) {
        w.finishDates(this.date1904);
        formulaWritten ||= w.formulaWritten;
        formulaReplaced ||= w.formulaReplaced;
        this.newParts.set(s.part, w.serialize());
      }
      if (s.rels && s.relsChanged) {
        if (s.rels.isEmpty()) this.removePart(relsPathOf(s.part));
        else this.newParts.set(relsPathOf(s.part), s.rels.serialize());
      }
    }
    this.checkVisibility();
    if (formulaWritten) {
      // Excel recalculates on open (the cached values we write are for viewers that do not).
      const calc = child(this.wb.root, "calcPr");
      if (!calc || !isTrue(attr(calc, "fullCalcOnLoad"))) {
        setAttr(calc ?? ensureChild(this.wb.root, "calcPr", WORKBOOK_ORDER, this.p), "fullCalcOnLoad", 1);
        this.wbChanged = true;
      }
    }
    if (formulaReplaced) {
      // The calculation chain lists cells that hold formulas; a stale chain makes Excel repair the file. It is a cache: drop it.
      for (const r of this.wbRels.ofType("calcChain")) {
        if (r.part) {
          this.removePart(r.part);
          this.ct.removeOverride(r.part);
        }
        this.wbRels.remove(r.id);
        this.relsChanged = this.ctChanged = true;
      }
    }
    if (this.styles?.changed && this.stylesPart) this.newParts.set(this.stylesPart, this.styles.serialize());
    if (this.wbChanged) this.newParts.set(this.wbPart, serializeXml(this.wb));
    // Unchanged relationships and content types serialize to the bytes read: the two flags save work only.
    // Stryker disable next-line ConditionalExpression: see above
    if (this.relsChanged) this.newParts.set(relsPathOf(this.wbPart), this.wbRels.serialize());
    // Stryker disable next-line ConditionalExpression: see above
    if (this.ctChanged) this.newParts.set("[Content_Types].xml", this.ct.serialize());
    for (const [part, text] of this.newParts) this.pkg.write(part, text);
    // Stryker disable next-line ConditionalExpression: no part is removed and written in one commit today (new names skip every name the package has); kept so that one never is
    for (const part of this.removed) if (!this.newParts.has(part)) this.pkg.remove(part);
  }

  private commitNotes(s: SheetState): void {
    const n = s.notes!;
    if (!n.notes.changed) return;
    const rels = this.sheetRels(s);
    const w = this.writer(s);
    const r = declarePrefix(w.root, RELATIONSHIPS_NS, "r");
    if (n.notes.count() === 0) {
      // The last note is gone: so are the comments part and, if nothing else is drawn in it, the VML.
      if (n.commentsPart) {
        this.removePart(n.commentsPart);
        this.ct.removeOverride(n.commentsPart);
        // The comments part was found through this relationship.
        rels.remove(rels.ofType("comments")[0].id);
        s.relsChanged = this.ctChanged = true;
      }
      if (n.vmlPart) {
        if (n.notes.vmlHasShapes()) this.newParts.set(n.vmlPart, n.notes.vml);
        else {
          this.removePart(n.vmlPart);
          const id = w.legacyDrawingId();
          if (id) rels.remove(id);
          w.setLegacyDrawing(r, null);
          s.relsChanged = true;
        }
      }
      return;
    }
    let commentsPart = n.commentsPart;
    if (!commentsPart) {
      commentsPart = this.freeName((k) => `xl/comments${k}.xml`);
      rels.add(`${REL}/comments`, commentsPart);
      this.ct.setOverride(commentsPart, CT.comments);
      s.relsChanged = this.ctChanged = true;
    }
    this.newParts.set(commentsPart, n.notes.serializeComments());
    let vmlPart = n.vmlPart;
    if (!vmlPart) {
      vmlPart = this.freeName((k) => `xl/drawings/vmlDrawing${k}.vml`);
      const id = rels.add(`${REL}/vmlDrawing`, vmlPart);
      this.ct.ensureDefault("vml", CT.vml);
      w.setLegacyDrawing(r, id);
      s.relsChanged = this.ctChanged = true;
    }
    this.newParts.set(vmlPart, n.notes.vml);
  }

  /** At least one sheet stays visible, and the sheet shown on opening is a visible one. */
  private checkVisibility(): void {
    if (!this.wbChanged) return;
    const visible = this.order.map((s, i) => [s, i] as const).filter(([s]) => !attr(s.el, "state") || attr(s.el, "state") === "visible");
    if (this.order.length && visible.length === 0) throw new HostError("apply-failed", "Sổ làm việc phải còn ít nhất một trang tính không bị ẩn; chưa có tệp nào được ghi.");
    const views = child(this.wb.root, "bookViews");
    const view = views && child(views, "workbookView");
    if (!view || !visible.length) return;
    const active = Number(attr(view, "activeTab") ?? 0);
    if (!visible.some(([, i]) => i === active)) setAttr(view, "activeTab", visible[0][1] || null);
    const first = Number(attr(view, "firstSheet") ?? 0);
    if (first && !visible.some(([, i]) => i === first)) setAttr(view, "firstSheet", null);
  }
}

function prompt(p: { title: string; message: string } | undefined): Record<string, string> {
  // Excel's limits: a longer title or message makes it repair the file.
  return p ? { promptTitle: p.title.slice(0, 32), prompt: p.message.slice(0, 255) } : {};
}

/** A GUID for a custom XML part, the same for the same namespace (so the same edits give the same bytes). */
function guidOf(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  const hex: string[] = [];
  // Any mixing in which every character counts gives a valid, stable GUID; the tests hold its form,
  // stability and distinctness, not its digits.
  // Stryker disable next-line EqualityOperator: a fifth round is cut off by the slices below
  for (let round = 0; round < 4; round++) {
    // Stryker disable next-line EqualityOperator: one step past the end mixes in NaN, another valid GUID
    for (let i = 0; i < text.length; i++) {
      h1 = Math.imul(h1 ^ text.charCodeAt(i), 16777619) >>> 0;
      // Stryker disable next-line ArithmeticOperator: see above
      h2 = Math.imul(h2 + text.charCodeAt(i) + round, 2246822519) >>> 0;
    }
    hex.push(((h1 ^ h2) >>> 0).toString(16).padStart(8, "0"));
  }
  const s = hex.join("").toUpperCase();
  return `{${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}}`;
}
