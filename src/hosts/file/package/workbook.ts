/**
 * A workbook package (.xlsx, .xlsm): the zip it came in, plus the parts the edits
 * changed or added. Reading follows relationships from the package to the workbook
 * and from there to sheets, styles, shared strings, notes and custom XML, and parses
 * only what is asked for; writing copies every part nobody changed as it came.
 */
import type { SheetSnapshot } from "../../../domain/snapshot";
import { ContentTypes, Rels, relsPathOf, relTypeIs, type Relationship } from "./opc";
import { readSheetXml, isTrue } from "./sheet-read";
import { StyleFormats } from "./styles";
import { excelUnescape } from "./text";
import { decodeText, encodeText, writeZip, type ZipPackage, type ZipPartOut } from "./zip";
import { attr, attrLocal, child, children, parseXml, scanXml, textOf, type XmlDocument } from "./xml";

/** The name without its prefix (a copy of xml.ts's `local`: called for every element read). */
function local(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const CT = {
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  macroWorkbook: "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  customXmlProps: "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
  rels: "application/vnd.openxmlformats-package.relationships+xml",
  xml: "application/xml",
  core: "application/vnd.openxmlformats-package.core-properties+xml",
  app: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
} as const;

/** The add-in's own custom XML parts have a root namespace starting with this. */
export const OWN_NAMESPACE = "urn:phuluc-nq57:";

export interface SheetInfo {
  name: string;
  sheetId: number;
  state: "visible" | "hidden" | "veryHidden";
  rId: string;
  /** The worksheet part, or null for a chart sheet or a sheet whose part is missing. */
  part: string | null;
}

export interface NameInfo {
  name: string;
  /** Sheet scope: the sheet's 0-based position in the tab order; null for workbook scope. */
  localSheetId: number | null;
  hidden: boolean;
  /** The name's formula or value, as stored (no leading "="). */
  text: string;
}

export interface WorkbookInfo {
  doc: XmlDocument;
  sheets: SheetInfo[];
  names: NameInfo[];
  date1904: boolean;
  /** Parts the workbook's relationships point at, by relationship type name. */
  stylesPart: string | null;
  sharedStringsPart: string | null;
}

/** A sheet as the domain reads it, and how many cells it holds. */
export interface SheetReadResult {
  snapshot: SheetSnapshot;
  cells: number;
}

export class WorkbookPackage {
  /** Parts changed (bytes), added (bytes) or removed (null) since the package was read. */
  private readonly changed = new Map<string, Uint8Array | null>();
  private readonly added: string[] = [];
  private version = 0;
  private cache = new Map<string, { version: number; value: unknown }>();

  constructor(
    readonly zip: ZipPackage | null,
    readonly fileName: string,
    /** Called before each part is parsed: throws to stop a read that takes too long. */
    public tick: () => void = () => undefined,
  ) {}

  // ───────────── parts ─────────────

  private static key(part: string): string {
    return part.replace(/^\//, "").toLowerCase();
  }

  private changedEntry(part: string): [string, Uint8Array | null] | undefined {
    const k = WorkbookPackage.key(part);
    for (const e of this.changed) if (WorkbookPackage.key(e[0]) === k) return e;
    return undefined;
  }

  has(part: string): boolean {
    const c = this.changedEntry(part);
    if (c) return c[1] !== null;
    return this.zip?.has(part) ?? false;
  }

  read(part: string): Uint8Array | undefined {
    const c = this.changedEntry(part);
    if (c) return c[1] ?? undefined;
    return this.zip?.read(part);
  }

  text(part: string): string | undefined {
    const b = this.read(part);
    return b === undefined ? undefined : decodeText(b);
  }

  write(part: string, content: string | Uint8Array): void {
    const name = part.replace(/^\//, "");
    const c = this.changedEntry(name);
    const bytes = typeof content === "string" ? encodeText(content) : content;
    if (c) this.changed.set(c[0], bytes);
    else {
      const existing = this.zip?.entry(name);
      this.changed.set(existing?.name ?? name, bytes);
      if (!existing) this.added.push(name);
    }
    this.version++;
  }

  remove(part: string): void {
    const c = this.changedEntry(part);
    const existing = this.zip?.entry(part);
    if (c) this.changed.set(c[0], null);
    else if (existing) this.changed.set(existing.name, null);
    this.version++;
  }

  /** Every part name, in the order they will be written. */
  partNames(): string[] {
    const out = (this.zip?.names() ?? []).filter((n) => this.has(n));
    for (const n of this.added) if (this.has(n) && !out.includes(n)) out.push(n);
    return out;
  }

  /** The package as bytes: unchanged parts copied as they came, the others written anew. */
  toBytes(): Uint8Array {
    // Nothing changed: the file as it came, to the byte (zip headers and all).
    if (this.zip && this.changed.size === 0) return this.zip.bytes.slice();
    const parts: ZipPartOut[] = [];
    for (const name of this.partNames()) {
      const c = this.changedEntry(name);
      if (c) parts.push({ name, data: c[1]! });
      else parts.push({ name, copy: this.zip!.entry(name)!, from: this.zip!.bytes });
    }
    return writeZip(parts);
  }

  private cached<T>(key: string, make: () => T): T {
    const hit = this.cache.get(key);
    if (hit && hit.version === this.version) return hit.value as T;
    const value = make();
    this.cache.set(key, { version: this.version, value });
    return value;
  }

  // ───────────── the workbook ─────────────

  /** The workbook part, as the package's relationships name it. */
  get workbookPart(): string {
    return this.cached("workbookPart", () => {
      const rel = this.relations("").find((r) => relTypeIs(r.type, "officeDocument"));
      return rel?.part ?? "xl/workbook.xml";
    });
  }

  /** A part's relationships, to edit (a fresh copy). */
  rels(part: string): Rels {
    return new Rels(part, this.text(relsPathOf(part)));
  }

  /** A part's relationships, to read (parsed once). */
  relations(part: string): Relationship[] {
    return this.cached(`rels:${part}`, () => this.rels(part).list());
  }

  contentTypes(): ContentTypes {
    return new ContentTypes(this.text("[Content_Types].xml") ?? `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`);
  }

  /** A macro workbook (.xlsm): its workbook part has the macro-enabled content type. */
  get macroEnabled(): boolean {
    return this.cached("macro", () => this.contentTypes().of(this.workbookPart) === CT.macroWorkbook);
  }

  info(): WorkbookInfo {
    return this.cached("info", () => {
      this.tick();
      const part = this.workbookPart;
      const text = this.text(part);
      if (text === undefined) throw new Error(`no workbook part ${part}`);
      const doc = parseXml(text);
      const rels = this.relations(part);
      const byId = new Map(rels.map((r) => [r.id, r]));
      const sheetsEl = child(doc.root, "sheets");
      const sheets: SheetInfo[] = (sheetsEl ? children(sheetsEl, "sheet") : []).map((s) => {
        const rId = attrLocal(s, "id") ?? "";
        const rel = byId.get(rId);
        const state = attr(s, "state");
        return {
          name: attr(s, "name") ?? "",
          sheetId: Number(attr(s, "sheetId") ?? 0),
          state: state === "hidden" || state === "veryHidden" ? state : "visible",
          rId,
          part: rel && relTypeIs(rel.type, "worksheet") && rel.part && this.has(rel.part) ? rel.part : null,
        };
      });
      const namesEl = child(doc.root, "definedNames");
      const names: NameInfo[] = (namesEl ? children(namesEl, "definedName") : []).map((n) => {
        const local = attr(n, "localSheetId");
        return { name: attr(n, "name") ?? "", localSheetId: local === undefined ? null : Number(local), hidden: isTrue(attr(n, "hidden")), text: textOf(n) };
      });
      const pr = child(doc.root, "workbookPr");
      const styles = rels.find((r) => relTypeIs(r.type, "styles"))?.part ?? null;
      const strings = rels.find((r) => relTypeIs(r.type, "sharedStrings"))?.part ?? null;
      return { doc, sheets, names, date1904: pr ? isTrue(attr(pr, "date1904")) : false, stylesPart: styles, sharedStringsPart: strings };
    });
  }

  sheetNames(): string[] {
    return this.info().sheets.map((s) => s.name);
  }

  sheetInfo(name: string): SheetInfo | undefined {
    const sheets = this.info().sheets;
    return sheets.find((s) => s.name === name) ?? sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** Shared strings, read once (rich text flattened, phonetic runs left out). */
  sharedStrings(): string[] {
    return this.cached("strings", () => {
      this.tick();
      const part = this.info().sharedStringsPart;
      const text = part ? this.text(part) : undefined;
      const out: string[] = [];
      if (!text) return out;
      let cur = "";
      let inSi = false;
      let inT = false;
      let phonetic = 0;
      // The tokenizer reports a close for every open, self-closing elements included.
      scanXml(text, {
        open(name) {
          const n = local(name);
          if (n === "si") {
            cur = "";
            inSi = true;
          } else if (n === "rPh") phonetic++;
          else if (n === "t" && inSi && !phonetic) inT = true;
        },
        close(name) {
          const n = local(name);
          if (n === "si") {
            out.push(excelUnescape(cur));
            inSi = false;
          } else if (n === "rPh") phonetic--;
          else if (n === "t") inT = false;
        },
        text(t) {
          if (inT) cur += t;
        },
      });
      return out;
    });
  }

  styleFormats(): StyleFormats {
    return this.cached("styles", () => {
      this.tick();
      const part = this.info().stylesPart;
      return StyleFormats.parse(part ? this.text(part) : undefined);
    });
  }

  /** Read one sheet as the domain sees it. */
  readSheet(name: string): SheetReadResult {
    const info = this.sheetInfo(name);
    if (!info) throw new Error(`no sheet ${name}`);
    if (!info.part) return { snapshot: { name: info.name, values: [], numberFormats: [], formulas: [], merges: [], hiddenRows: [], hiddenColumns: [], protected: false, notes: {} }, cells: 0 };
    return this.cached(`sheet:${info.part}`, () => {
      this.tick();
      const read = readSheetXml(this.text(info.part!)!, {
        strings: () => this.sharedStrings(),
        formats: this.styleFormats(),
        date1904: this.info().date1904,
        tick: this.tick,
      });
      const snapshot = { name: info.name, ...read.snapshot, notes: this.notes(info.part!) };
      if (snapshot.print) snapshot.print = { ...snapshot.print, area: this.printArea(info) };
      return { snapshot, cells: read.cells };
    });
  }

  /** A sheet's print area ("A1:G40", the first area of a list), from its `_xlnm.Print_Area` name; null when none. */
  private printArea(info: SheetInfo): string | null {
    const { sheets, names } = this.info();
    const index = sheets.indexOf(info);
    const name = names.find((n) => n.name.toLowerCase() === "_xlnm.print_area" && n.localSheetId === index);
    const first = name?.text.split(",")[0].replace(/^.*!/, "").replace(/\$/g, "").trim();
    return first && /^[A-Z]+\d+(:[A-Z]+\d+)?$/i.test(first) ? first.toUpperCase() : null;
  }

  /** A sheet's notes (cell → text), from its comments part. */
  notes(sheetPart: string): Record<string, string> {
    const out: Record<string, string> = {};
    const rel = this.relations(sheetPart).find((r) => relTypeIs(r.type, "comments"));
    const text = rel?.part ? this.text(rel.part) : undefined;
    if (!text) return out;
    let ref: string | null = null;
    let cur = "";
    let inT = false;
    let phonetic = 0;
    scanXml(text, {
      open(name, a) {
        const n = local(name);
        if (n === "comment") {
          ref = a.ref ?? null;
          cur = "";
        } else if (n === "rPh") phonetic++;
        else if (n === "t" && ref && !phonetic) inT = true;
      },
      close(name) {
        const n = local(name);
        if (n === "comment" && ref) {
          // defineProperty: a cell reference is never "__proto__", but stay safe with any key.
          Object.defineProperty(out, ref.toUpperCase(), { value: excelUnescape(cur), enumerable: true, writable: true, configurable: true });
          ref = null;
        } else if (n === "rPh") phonetic--;
        else if (n === "t") inT = false;
      },
      text(t) {
        if (inT) cur += t;
      },
    });
    return out;
  }

  /**
   * Is a sheet protected (Excel's sheet="1" or LibreOffice's sheet="true")? Looks only
   * for the sheetProtection element, which comes after the cells, without reading them.
   */
  sheetProtected(name: string): boolean {
    const info = this.sheetInfo(name);
    if (!info?.part) return false;
    return this.cached(`protected:${info.part}`, () => {
      const xml = this.text(info.part!) ?? "";
      const end = xml.lastIndexOf("sheetData>");
      const tail = end >= 0 ? xml.slice(end) : xml;
      const m = tail.match(/<(?:[\w.-]+:)?sheetProtection\b[^>]*?\ssheet\s*=\s*(["'])(.*?)\1/);
      return Boolean(m && isTrue(m[2].trim()));
    });
  }

  /** Workbook-scope defined names (not Excel's built-in _xlnm ones): name → formula. */
  workbookNames(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const n of this.info().names) {
      if (n.localSheetId !== null || n.name.startsWith("_xlnm.")) continue;
      // defineProperty: a name "__proto__" (valid in Excel) stays an ordinary entry.
      Object.defineProperty(out, n.name, { value: n.text, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }

  /** The custom XML parts the workbook links to, with their root namespaces. */
  customXmlParts(): { part: string; rId: string; namespace: string | null }[] {
    return this.cached("customXml", () =>
      this.relations(this.workbookPart)
        .filter((r) => relTypeIs(r.type, "customXml") && r.part && this.has(r.part))
        .map((r) => ({ part: r.part!, rId: r.id, namespace: rootNamespace(this.text(r.part!) ?? "") })),
    );
  }

  /** The add-in's own custom XML parts: namespace → XML. */
  ownCustomXml(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const p of this.customXmlParts()) {
      if (!p.namespace?.startsWith(OWN_NAMESPACE)) continue;
      Object.defineProperty(out, p.namespace, { value: (this.text(p.part) ?? "").replace(/^\uFEFF/, ""), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }

}

/** The namespace of a part's root element, or null when the part is not XML. */
export function rootNamespace(xml: string): string | null {
  const m = xml.match(/<([\w.-]+:)?[\w.-]+((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>/);
  if (!m) return null;
  const prefix = m[1] ? m[1].slice(0, -1) : null;
  const attrs = m[2] ?? "";
  const re = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let a = re.exec(attrs); a; a = re.exec(attrs)) {
    const name = a[1];
    if ((prefix === null && name === "xmlns") || (prefix !== null && name === `xmlns:${prefix}`)) return a[2] ?? a[3] ?? null;
  }
  return null;
}
