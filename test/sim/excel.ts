/* eslint-disable @typescript-eslint/no-this-alias, @typescript-eslint/no-explicit-any -- proxies close over their workbook, as Office.js's do */
/**
 * An Excel simulator for tests: the slice of Office.js's Excel API the add-in uses,
 * behaving as Microsoft documents it, so that the Excel host meets the rules real Excel
 * enforces rather than a lenient fake's. Each rule cites the page it follows
 * (learn.microsoft.com; the API sets are those of the reference, mirrored in
 * node_modules/@types/office-js).
 *
 * - Proxy objects and `load` ("Application-specific API model", sections "Proxy
 *   objects", "sync()", "load()"): methods and property writes only queue commands;
 *   nothing reaches the workbook before `context.sync()`. Reading a property that was
 *   not loaded, or before the sync that loads it, throws PropertyNotLoaded
 *   (OfficeExtension.ErrorCodes.propertyNotLoaded).
 * - A sync runs the queued commands in order and stops at the first that fails; the
 *   ones before it stay done, the rest are dropped ("Error handling with the
 *   application-specific JavaScript APIs"; Excel has no rollback).
 * - Errors carry the documented codes: ItemNotFound, InvalidArgument, ApiNotFound,
 *   AccessDenied, InvalidOperationInCellEditMode, MergedRangeConflict,
 *   RequestPayloadSizeLimitExceeded, ResponsePayloadSizeLimitExceeded,
 *   RangeExceedsLimit (same page, both tables).
 * - A command needing an API set the profile lacks fails at the sync with ApiNotFound
 *   ("The API you are trying to use could not be found. It may be available in a newer
 *   version of the Office application").
 * - Excel on the web: 5 MB per request and per response ("Resource limits and
 *   performance optimization", "Excel add-ins"); we measure UTF-8 bytes of the JSON
 *   the commands and the loaded values make. Every platform: a range read is limited to
 *   5,000,000 cells (same section).
 *
 * It keeps a log for the round-trip tests: every sync with its request and response
 * sizes, and a line per write command.
 */
import { a1, columnNumber, parseA1, parseRange } from "../../src/domain/address";
import { supportsOf, type Profile, PROFILES } from "./profiles";

export type CellValue = string | number | boolean;
interface Cell {
  value: CellValue;
  formula: string | null;
  numberFormat: string;
  /** Excel's error value (#N/A, ...) when the cell holds one. */
  error?: string;
}
export interface Validation {
  range: string;
  rule: any;
  errorAlert: { showAlert: boolean; style: string; title?: string; message?: string };
  prompt?: any;
}
export interface CondFormat {
  id: string;
  range: string;
  type: string;
  formula: string;
  fill?: string;
  fontColor?: string;
}
export interface ThreadedComment {
  content: string;
  replies: string[];
}

export interface SimSheetInit {
  name: string;
  values: unknown[][];
  protected?: boolean;
  merges?: string[];
  numberFormats?: (string | null)[][];
  notes?: Record<string, string>;
  comments?: Record<string, ThreadedComment>;
  validations?: Validation[];
  /** Conditional formats already on the sheet (a workbook saved by another host); ids are given on load. */
  condFormats?: Omit<CondFormat, "id">[];
}

export class OfficeError extends Error {
  override readonly name = "RichApi.Error";
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    location?: string,
  ) {
    super(message);
    this.debugInfo = { code, message, errorLocation: location };
  }
}

const MAX_READ_CELLS = 5_000_000;
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
const utf8 = (s: string) => Buffer.byteLength(s, "utf8");

/** One queued command: when it runs, what it needs, and the bytes it adds to the request. */
interface Command {
  location: string;
  /** ExcelApi minor version needed (1.x). */
  needs: number;
  write: boolean;
  bytes: number;
  run: () => unknown;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  commands: number;
  writes: number;
  error?: string;
}

export class SimSheet {
  readonly cells = new Map<string, Cell>();
  name: string;
  protected: boolean;
  merges: string[];
  visibility = "Visible";
  notes = new Map<string, string>();
  validations: Validation[] = [];
  condFormats: CondFormat[] = [];
  pageLayout: Record<string, any> = {};
  frozenRows = 0;
  charts = 0;
  columnWidths = new Map<number, number>();
  hiddenColumns = new Set<number>();
  rowHeights = new Map<number, number>();
  /** Cell format properties set by the add-in (address → property → value), for tests. */
  formats = new Map<string, Record<string, unknown>>();

  constructor(init: SimSheetInit) {
    this.name = init.name;
    this.protected = init.protected ?? false;
    this.merges = init.merges ?? [];
    init.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined || v === "") return;
        this.cells.set(`${r + 1},${c + 1}`, { value: v as CellValue, formula: null, numberFormat: init.numberFormats?.[r]?.[c] ?? "General" });
      }),
    );
    for (const [cell, text] of Object.entries(init.notes ?? {})) this.notes.set(cell, text);
    this.validations = init.validations ?? [];
  }

  get(row: number, col: number): Cell | undefined {
    return this.cells.get(`${row},${col}`);
  }

  /** Value as Office.js reports it: "" for empty cells. */
  valueAt(row: number, col: number): CellValue {
    const c = this.get(row, col);
    return c ? (c.error ?? c.value) : "";
  }

  bounds(): { top: number; left: number; bottom: number; right: number } | null {
    let top = Infinity, left = Infinity, bottom = 0, right = 0;
    for (const [k, cell] of this.cells) {
      if (cell.value === "" && !cell.formula) continue; // a format alone is not a value
      const [r, c] = k.split(",").map(Number);
      top = Math.min(top, r); left = Math.min(left, c); bottom = Math.max(bottom, r); right = Math.max(right, c);
    }
    return bottom === 0 ? null : { top, left, bottom, right };
  }
}

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "A1:C3", "3:5" (rows), "C:E" (columns), with or without a sheet prefix. */
export function parseBox(address: string): Box {
  const a = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const clean = a.replace(/\$/g, "");
  const rows = /^(\d+):(\d+)$/.exec(clean);
  if (rows) return { top: Number(rows[1]), bottom: Number(rows[2]), left: 1, right: MAX_COLS };
  const cols = /^([A-Z]+):([A-Z]+)$/i.exec(clean);
  if (cols) return { top: 1, bottom: MAX_ROWS, left: columnNumber(cols[1].toUpperCase()), right: columnNumber(cols[2].toUpperCase()) };
  if (!/^[A-Z]+\d+(:[A-Z]+\d+)?$/i.test(clean)) throw new OfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: ${address}`);
  const r = parseRange(clean.toUpperCase());
  return { top: r.top, left: r.left, bottom: r.bottom, right: r.right };
}

const boxA1 = (b: Box) => (b.top === b.bottom && b.left === b.right ? a1(b.top, b.left) : `${a1(b.top, b.left)}:${a1(b.bottom, b.right)}`);
const overlaps = (a: Box, b: Box) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
const inside = (a: Box, b: Box) => a.top >= b.top && a.bottom <= b.bottom && a.left >= b.left && a.right <= b.right;
const quoteSheet = (n: string) => (/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(n) ? n : `'${n.replace(/'/g, "''")}'`);

/**
 * What Excel makes of a string written through `values` or `formulas`: "=…" is a
 * formula, a leading apostrophe keeps the rest as text, and text that reads as a
 * boolean, a number (1E5, 01, 50%), an error value (#N/A) or a date (10/2026, 1/2/2026)
 * becomes that ("Range.values: … If the value starts with a plus (+), minus (-), or
 * equal sign (=), Excel interprets it as a formula"; data entry in Excel: "Stop
 * automatically changing numbers to dates", support.microsoft.com). en-US parsing.
 */
export function coerce(input: unknown): { value: CellValue | ""; formula: string | null; error?: string; numberFormat?: string } {
  if (typeof input === "number" || typeof input === "boolean") return { value: input, formula: null };
  if (input === null || input === undefined) return { value: "", formula: null };
  const s = String(input);
  if (s === "") return { value: "", formula: null };
  if (s.startsWith("'")) return { value: s.slice(1), formula: null };
  if (/^[=+-]./.test(s) && !/^[+-][\d.]/.test(s)) return { value: 0, formula: s.startsWith("=") ? s : `=${s}` };
  if (/^(true|false)$/i.test(s)) return { value: s.toLowerCase() === "true", formula: null };
  if (/^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!)$/i.test(s)) return { value: s.toUpperCase(), formula: null, error: s.toUpperCase() };
  const num = /^\s*([+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?(E[+-]?\d+)?)(%?)\s*$/i.exec(s);
  if (num && /\d/.test(num[1])) {
    const n = Number(num[1].replace(/,/g, ""));
    return num[6] ? { value: n / 100, formula: null, numberFormat: "0%" } : { value: n, formula: null };
  }
  const monthYear = /^(\d{1,2})\/(\d{4})$/.exec(s);
  if (monthYear && Number(monthYear[1]) >= 1 && Number(monthYear[1]) <= 12) {
    return { value: serial1900(Number(monthYear[2]), Number(monthYear[1]), 1), formula: null, numberFormat: "mmm-yy" };
  }
  const mdy = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(s);
  if (mdy && Number(mdy[1]) <= 12 && Number(mdy[2]) <= 31) {
    const y = mdy[3].length === 2 ? 2000 + Number(mdy[3]) : Number(mdy[3]);
    return { value: serial1900(y, Number(mdy[1]), Number(mdy[2])), formula: null, numberFormat: "m/d/yyyy" };
  }
  return { value: s, formula: null };
}

function serial1900(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

export interface SimOptions {
  profile?: Profile;
  /** The workbook counts dates from 1904. */
  date1904?: boolean;
  names?: { name: string; formula: string }[];
  customXml?: string[];
}

export class SimWorkbook {
  readonly profile: Profile;
  readonly sheets: SimSheet[] = [];
  readonly names: { name: string; formula: string; comment?: string }[] = [];
  readonly comments = new Map<string, ThreadedComment>();
  readonly customXml: { id: string; xml: string }[] = [];
  readonly log: string[] = [];
  readonly syncLog: SyncRecord[] = [];
  readonly date1904: boolean;
  active = 0;
  /** A person is typing in a cell (Excel's Edit mode). */
  cellEditMode = false;
  /** Batches that waited for the person to leave Edit mode (delayForCellEdit). */
  delayedBatches = 0;
  private nextId = 1;

  constructor(init: SimSheetInit[], options: SimOptions = {}) {
    this.profile = options.profile ?? PROFILES.find((p) => p.id === "m365")!;
    this.date1904 = options.date1904 ?? false;
    for (const s of init) {
      const sheet = new SimSheet(s);
      this.sheets.push(sheet);
      for (const cf of s.condFormats ?? []) sheet.condFormats.push({ id: this.newId(), ...cf });
      for (const [cell, c] of Object.entries(s.comments ?? {})) this.comments.set(`${sheet.name}!${cell}`, c);
    }
    for (const n of options.names ?? []) this.names.push({ ...n });
    for (const xml of options.customXml ?? []) this.customXml.push({ id: this.newId(), xml });
  }

  get syncs(): number {
    return this.syncLog.length;
  }

  /** `Office.context.requirements.isSetSupported` for this workbook's Excel. */
  get supports(): (set: string, version: string) => boolean {
    return supportsOf(this.profile);
  }

  newId(): string {
    return `{SIM-${String(this.nextId++).padStart(4, "0")}}`;
  }

  sheet(name: string): SimSheet {
    const s = this.findSheet(name);
    if (!s) throw new OfficeError("ItemNotFound", `The requested resource doesn't exist: worksheet ${name}`);
    return s;
  }

  findSheet(name: string): SimSheet | undefined {
    return this.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
  }

  /**
   * `Excel.run`, with `Excel.RunOptions.delayForCellEdit` ("Delay execution while cell
   * is being edited"): in Edit mode a batch fails with InvalidOperationInCellEditMode
   * unless it asked to wait; honoured from ExcelApi 1.11.
   */
  run: {
    <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
    <T>(options: { delayForCellEdit?: boolean }, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  } = async <T>(a: any, b?: any): Promise<T> => {
    const options: { delayForCellEdit?: boolean } = typeof a === "function" ? {} : a;
    const batch: (context: Excel.RequestContext) => Promise<T> = typeof a === "function" ? a : b;
    const context = new SimContext(this, Boolean(options.delayForCellEdit) && this.profile.excelApi >= 11);
    const result = await batch(context as unknown as Excel.RequestContext);
    if (context.pending.length) await context.sync(); // Excel.run syncs what is left
    return result;
  };

  /** The sheet's cell values as rows (for assertions), A1-based, "" for empty. */
  grid(name: string): CellValue[][] {
    const s = this.sheet(name);
    const b = s.bounds();
    if (!b) return [];
    return Array.from({ length: b.bottom }, (_, r) => Array.from({ length: b.right }, (_, c) => s.valueAt(r + 1, c + 1)));
  }
}

/** The request context: a queue of commands, run at `sync`. */
export class SimContext {
  readonly pending: Command[] = [];
  readonly workbook: any;
  constructor(
    readonly wb: SimWorkbook,
    private readonly delayForCellEdit: boolean,
  ) {
    this.workbook = new WorkbookProxy(this);
  }

  queue(c: Command): void {
    this.pending.push(c);
  }

  async sync(): Promise<void> {
    const wb = this.wb;
    const commands = this.pending.splice(0);
    const requestBytes = commands.reduce((n, c) => n + c.bytes, 0);
    const record: SyncRecord = { requestBytes, responseBytes: 0, commands: commands.length, writes: commands.filter((c) => c.write).length };
    wb.syncLog.push(record);
    const fail = (e: OfficeError) => {
      record.error = e.code;
      throw e;
    };
    if (wb.cellEditMode) {
      if (!this.delayForCellEdit) fail(new OfficeError("InvalidOperationInCellEditMode", "The operation isn't available while Excel is in Edit cell mode."));
      // The batch waits until the person presses Enter; the simulator lets them finish.
      wb.cellEditMode = false;
      wb.delayedBatches++;
    }
    if (wb.profile.payloadLimit !== null && requestBytes > wb.profile.payloadLimit) {
      fail(new OfficeError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit."));
    }
    const results: unknown[] = [];
    for (const c of commands) {
      if (c.needs > wb.profile.excelApi) {
        fail(new OfficeError("ApiNotFound", `The API you are trying to use could not be found (ExcelApi 1.${c.needs}).`, c.location));
      }
      try {
        results.push(c.run());
      } catch (e) {
        if (e instanceof OfficeError) {
          e.debugInfo.errorLocation ??= c.location;
          fail(e);
        }
        throw e;
      }
    }
    // Loaded proxies travel as their loaded properties.
    const plain = (_k: string, v: unknown) => (v instanceof ClientObject ? Object.fromEntries((v as any).loaded) : v);
    record.responseBytes = utf8(JSON.stringify(results.filter((r) => r !== undefined), plain));
    // Writes before this point are done: the response is what cannot come back.
    if (wb.profile.payloadLimit !== null && record.responseBytes > wb.profile.payloadLimit) {
      fail(new OfficeError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit."));
    }
  }
}

const PROPERTY_NOT_LOADED = (name: string) =>
  new OfficeError("PropertyNotLoaded", `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);

/** Base of every proxy: loaded properties, and the command queue of its context. */
abstract class ClientObject {
  protected readonly loaded = new Map<string, unknown>();
  protected nullChecked = false;
  protected isNull = false;
  constructor(
    readonly ctx: SimContext,
    readonly path: string,
    /** Whether this proxy came from an *OrNullObject method. */
    private readonly orNull = false,
  ) {}

  protected get wb(): SimWorkbook {
    return this.ctx.wb;
  }

  /** The object's value when read: a property that was loaded and synced, else PropertyNotLoaded. */
  protected read<T>(name: string): T {
    if (!this.loaded.has(name)) throw PROPERTY_NOT_LOADED(name);
    return this.loaded.get(name) as T;
  }

  /**
   * `isNullObject` is loaded by the sync that follows the *OrNullObject call
   * ("Office automatically loads this property when context.sync is called").
   */
  get isNullObject(): boolean {
    if (!this.orNull) return false;
    if (!this.nullChecked) throw PROPERTY_NOT_LOADED("isNullObject");
    return this.isNull;
  }

  protected queue(location: string, needs: number, write: boolean, run: () => unknown, payload: unknown = null): void {
    const bytes = 60 + utf8(this.path) + (payload === null ? 0 : utf8(JSON.stringify(payload)));
    this.ctx.queue({ location: `${this.path}.${location}`, needs, write, bytes, run });
  }

  /** Queue the null-object check of an *OrNullObject proxy (exists: the resolver does not throw ItemNotFound). */
  protected checkNull(exists: () => boolean, needs: number): void {
    this.queue("isNullObject", needs, false, () => {
      this.isNull = !exists();
      this.nullChecked = true;
      return this.isNull;
    });
  }

  /** Writes and methods on a null object fail: the object does not exist. */
  protected mustExist(): void {
    if (this.orNull && this.isNull) throw new OfficeError("ItemNotFound", "The requested resource doesn't exist.");
  }

  /** Load named properties ("a,b", ["a"], or "items/x" for collections). */
  load(spec?: string | string[] | { select?: string }): this {
    const names = (typeof spec === "string" ? spec : Array.isArray(spec) ? spec.join(",") : (spec?.select ?? ""))
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    this.queue(`load(${names.join(",")})`, this.loadNeeds(names), false, () => {
      if (this.orNull && this.isNull) return undefined;
      const values = this.fetch(names);
      for (const [k, v] of Object.entries(values)) this.loaded.set(k, v);
      return values;
    });
    return this;
  }

  protected loadNeeds(names: string[]): number {
    void names;
    return 1;
  }

  /** The values of the named properties, read from the workbook when the load runs. */
  protected abstract fetch(names: string[]): Record<string, unknown>;
}

class WorkbookProxy {
  readonly worksheets: WorksheetCollection;
  readonly names: NamedItems;
  constructor(private readonly ctx: SimContext) {
    this.worksheets = new WorksheetCollection(ctx);
    this.names = new NamedItems(ctx);
  }
  /** ExcelApi 1.10 (threaded comments). */
  get comments(): Comments {
    return new Comments(this.ctx);
  }
  /** ExcelApi 1.5. */
  get customXmlParts(): CustomXmlParts {
    return new CustomXmlParts(this.ctx, "workbook.customXmlParts", null);
  }
  /** ExcelApi 1.2: worksheet functions, computed in the workbook's date system. */
  get functions(): { date(y: number, m: number, d: number): FunctionResult } {
    return { date: (y, m, d) => new FunctionResult(this.ctx, () => serial1900(y, m, d) - (this.ctx.wb.date1904 ? 1462 : 0)) };
  }
}

class FunctionResult extends ClientObject {
  constructor(ctx: SimContext, private readonly compute: () => number) {
    super(ctx, "workbook.functions");
  }
  get value(): number {
    return this.read("value");
  }
  protected override loadNeeds(): number {
    return 2;
  }
  protected override fetch(): Record<string, unknown> {
    return { value: this.compute() };
  }
}

class WorksheetCollection extends ClientObject {
  constructor(ctx: SimContext) {
    super(ctx, "workbook.worksheets");
  }
  get items(): WorksheetProxy[] {
    return this.read("items");
  }
  protected override fetch(names: string[]): Record<string, unknown> {
    const props = names.filter((n) => n.startsWith("items/")).map((n) => n.slice(6));
    const items = this.wb.sheets.map((s) => {
      const p = new WorksheetProxy(this.ctx, () => s);
      p.fill(props);
      return p;
    });
    return { items };
  }
  protected override loadNeeds(names: string[]): number {
    return names.some((n) => n.includes("protection")) ? 2 : 1;
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.wb.sheet(name), name);
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    const p = new WorksheetProxy(this.ctx, () => this.wb.sheet(name), name, true);
    (p as any).checkNull(() => Boolean(this.wb.findSheet(name)), 4);
    return p;
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.wb.sheets[this.wb.active]);
  }
  add(name: string): WorksheetProxy {
    this.queue("add", 1, true, () => {
      // The resource being created already exists; names compare without case.
      if (this.wb.findSheet(name)) throw new OfficeError("ItemAlreadyExists", "The resource being created already exists.");
      if (!name.trim() || name.length > 31 || /[\\/?*[\]:]/.test(name)) throw new OfficeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
      this.wb.sheets.push(new SimSheet({ name, values: [] }));
      this.wb.log.push(`addSheet ${name}`);
    }, name);
    return new WorksheetProxy(this.ctx, () => this.wb.sheet(name), name);
  }
}

class WorksheetProxy extends ClientObject {
  constructor(
    ctx: SimContext,
    readonly resolve: () => SimSheet,
    label = "?",
    orNull = false,
  ) {
    super(ctx, `worksheet(${label})`, orNull);
  }
  /** Fill loaded values directly (collection loads). */
  fill(props: string[]): void {
    const s = this.resolve();
    for (const p of props) {
      if (p === "name") this.loaded.set("name", s.name);
      if (p === "visibility") this.loaded.set("visibility", s.visibility);
      if (p === "protection/protected") {
        const prot = this.protection as any;
        prot.loaded.set("protected", s.protected);
      }
    }
  }
  private _protection?: Protection;
  get name(): string {
    return this.read("name");
  }
  get visibility(): string {
    return this.read("visibility");
  }
  /** ExcelApi 1.1 to read, 1.2 to set (the reference's remark). */
  set visibility(v: string) {
    this.queue("visibility", 2, true, () => {
      this.mustExist();
      const s = this.resolve();
      s.visibility = v;
      this.wb.log.push(`visibility ${s.name} ${v}`);
    }, v);
  }
  get protection(): Protection {
    return (this._protection ??= new Protection(this.ctx, this));
  }
  protected override fetch(names: string[]): Record<string, unknown> {
    const s = this.resolve();
    const out: Record<string, unknown> = {};
    for (const n of names) if (n === "name" || n === "visibility") out[n] = s[n];
    return out;
  }
  activate(): void {
    this.queue("activate", 1, false, () => {
      this.wb.active = this.wb.sheets.indexOf(this.resolve());
    });
  }
  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.ctx, this, () => (address ? parseBox(address) : { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLS }), address ?? "all");
  }
  /** ExcelApi 1.7. */
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeProxy {
    const r = new RangeProxy(this.ctx, this, () => ({ top: row + 1, left: col + 1, bottom: row + rows, right: col + cols }), `${a1(row + 1, col + 1)}+${rows}x${cols}`);
    r.needs = 7;
    return r;
  }
  /** ExcelApi 1.4: the used range, or a null object on an empty sheet. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    void valuesOnly;
    const r = new RangeProxy(this.ctx, this, () => {
      const b = this.resolve().bounds();
      if (!b) throw new OfficeError("ItemNotFound", "empty sheet");
      return b;
    }, "used", true);
    r.needs = 4;
    (r as any).checkNull(() => this.resolve().bounds() !== null, 4);
    return r;
  }
  /** ExcelApi 1.7. */
  get freezePanes(): { freezeRows(n: number): void } {
    return {
      freezeRows: (n: number) =>
        this.queue("freezePanes.freezeRows", 7, true, () => {
          this.writable();
          this.resolve().frozenRows = n;
        }),
    };
  }
  /** ExcelApi 1.9. */
  get pageLayout(): PageLayoutProxy {
    return new PageLayoutProxy(this.ctx, this);
  }
  /** ExcelApi 1.18. */
  get notes(): Notes {
    return new Notes(this.ctx, this);
  }
  get charts(): { add(type: string, range: RangeProxy, by: string): any } {
    return {
      add: (type: string) => {
        this.queue("charts.add", 1, true, () => {
          this.writable();
          this.resolve().charts++;
          this.wb.log.push(`chart ${this.resolve().name} ${type}`);
        }, type);
        return { title: {}, setPosition: () => undefined };
      },
    };
  }
  /**
   * A write on a protected sheet is refused: AccessDenied ("You cannot perform the
   * requested operation"), as Excel refuses edits of locked cells on a protected sheet.
   */
  writable(): SimSheet {
    this.mustExist();
    const s = this.resolve();
    if (s.protected) throw new OfficeError("AccessDenied", "You cannot perform the requested operation.");
    return s;
  }
}

class Protection extends ClientObject {
  constructor(ctx: SimContext, private readonly ws: WorksheetProxy) {
    super(ctx, `${ws.path}.protection`);
  }
  get protected(): boolean {
    return this.read("protected");
  }
  protected override loadNeeds(): number {
    return 2;
  }
  protected override fetch(): Record<string, unknown> {
    return { protected: this.ws.resolve().protected };
  }
}

class RangeProxy extends ClientObject {
  needs = 1;
  constructor(
    ctx: SimContext,
    readonly ws: WorksheetProxy,
    readonly box: () => Box,
    label: string,
    orNull = false,
  ) {
    super(ctx, `${ws.path}.range(${label})`, orNull);
  }
  get address(): string {
    return this.read("address");
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  protected override loadNeeds(): number {
    return this.needs;
  }
  protected override fetch(names: string[]): Record<string, unknown> {
    const b = this.box();
    const s = this.ws.resolve();
    const out: Record<string, unknown> = {};
    const cells = (b.bottom - b.top + 1) * (b.right - b.left + 1);
    const grid = (f: (r: number, c: number) => unknown) => {
      if (cells > MAX_READ_CELLS) throw new OfficeError("RangeExceedsLimit", "The cell count in the range has exceeded the maximum supported number.");
      return Array.from({ length: b.bottom - b.top + 1 }, (_, i) => Array.from({ length: b.right - b.left + 1 }, (_, j) => f(b.top + i, b.left + j)));
    };
    for (const n of names) {
      if (n === "address") out.address = `${quoteSheet(s.name)}!${boxA1(b)}`;
      else if (n === "rowIndex") out.rowIndex = b.top - 1;
      else if (n === "columnIndex") out.columnIndex = b.left - 1;
      else if (n === "rowCount") out.rowCount = b.bottom - b.top + 1;
      else if (n === "columnCount") out.columnCount = b.right - b.left + 1;
      else if (n === "values") out.values = grid((r, c) => s.valueAt(r, c));
      else if (n === "formulas") out.formulas = grid((r, c) => s.get(r, c)?.formula ?? s.valueAt(r, c));
      else if (n === "numberFormat") out.numberFormat = grid((r, c) => s.get(r, c)?.numberFormat ?? "General");
      else throw new OfficeError("InvalidArgument", `Unknown property ${n}`);
    }
    return out;
  }

  private setGrid(kind: "values" | "formulas" | "numberFormat", grid: unknown[][]): void {
    // Array shapes must match the range ("The number of rows or columns in the input array doesn't match the size or dimensions of the range").
    this.queue(kind, this.needs, true, () => {
      this.mustExist();
      const s = this.ws.writable();
      const b = this.box();
      const rows = b.bottom - b.top + 1;
      const cols = b.right - b.left + 1;
      if (grid.length !== rows || grid.some((row) => row.length !== cols)) {
        throw new OfficeError("InvalidArgument", "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
      }
      if (kind !== "numberFormat") this.checkMerges(s, b, grid);
      grid.forEach((row, i) =>
        row.forEach((v, j) => {
          const key = `${b.top + i},${b.left + j}`;
          const old = s.cells.get(key);
          if (kind === "numberFormat") {
            s.cells.set(key, { value: old?.value ?? "", formula: old?.formula ?? null, numberFormat: String(v), ...(old?.error ? { error: old.error } : {}) });
            if (!old || old.value === "") {
              const c = s.cells.get(key)!;
              if (c.value === "" && !c.formula) s.cells.set(key, c);
            }
            return;
          }
          const c = coerce(v);
          if (c.value === "" && !c.formula) {
            if (old && old.numberFormat !== "General") s.cells.set(key, { value: "", formula: null, numberFormat: old.numberFormat });
            else s.cells.delete(key);
            return;
          }
          s.cells.set(key, {
            value: c.value,
            formula: c.formula,
            numberFormat: c.numberFormat && (old?.numberFormat ?? "General") === "General" ? c.numberFormat : (old?.numberFormat ?? "General"),
            ...(c.error ? { error: c.error } : {}),
          });
        }),
      );
      // Cells kept only for their number format are not part of the used range of values.
      for (const [k, cell] of s.cells) if (cell.value === "" && !cell.formula && cell.numberFormat === "General") s.cells.delete(k);
      this.wb.log.push(`${kind} ${s.name}!${boxA1(b)}`);
    }, grid);
  }

  /** A value into a cell that a merged area covers (other than its top-left) is refused. */
  private checkMerges(s: SimSheet, b: Box, grid: unknown[][]): void {
    for (const m of s.merges) {
      const mb = parseBox(m);
      if (!overlaps(mb, b)) continue;
      for (let r = Math.max(mb.top, b.top); r <= Math.min(mb.bottom, b.bottom); r++) {
        for (let c = Math.max(mb.left, b.left); c <= Math.min(mb.right, b.right); c++) {
          if (r === mb.top && c === mb.left) continue;
          const v = grid[r - b.top][c - b.left];
          if (v !== "" && v !== null) throw new OfficeError("MergedRangeConflict", "Cannot complete the operation: a value would go into a merged cell.");
        }
      }
    }
  }

  set values(grid: unknown[][]) {
    this.setGrid("values", grid);
  }
  set formulas(grid: unknown[][]) {
    this.setGrid("formulas", grid);
  }
  set numberFormat(grid: unknown[][]) {
    this.setGrid("numberFormat", grid);
  }

  get format(): any {
    const prop = (path: string, needs = 1) => (value: unknown) =>
      this.queue(`format.${path}`, needs, true, () => {
        this.mustExist();
        const s = this.ws.writable();
        const key = boxA1(this.box());
        s.formats.set(key, { ...(s.formats.get(key) ?? {}), [path]: value });
        if (path === "columnWidth") for (let c = this.box().left; c <= this.box().right; c++) s.columnWidths.set(c, value as number);
        if (path === "rowHeight") for (let r = this.box().top; r <= this.box().bottom; r++) s.rowHeights.set(r, value as number);
        this.wb.log.push(`format.${path} ${s.name}!${key}`);
      }, value);
    const setter = (path: string, needs = 1) => ({ set: prop(path, needs) });
    const obj = (prefix: string, keys: string[]) => Object.defineProperties({}, Object.fromEntries(keys.map((k) => [k, setter(`${prefix}${k}`)])));
    const borders = { getItem: (side: string) => obj(`borders.${side}.`, ["style", "color", "weight"]) };
    return Object.defineProperties(
      { font: obj("font.", ["bold", "italic", "size", "name", "color"]), fill: obj("fill.", ["color"]), borders },
      {
        horizontalAlignment: setter("horizontalAlignment"),
        verticalAlignment: setter("verticalAlignment"),
        wrapText: setter("wrapText"),
        columnWidth: setter("columnWidth", 2),
        rowHeight: setter("rowHeight", 2),
      },
    );
  }

  set columnHidden(v: boolean) {
    this.queue("columnHidden", 2, true, () => {
      const s = this.ws.writable();
      for (let c = this.box().left; c <= this.box().right; c++) {
        if (v) s.hiddenColumns.add(c);
        else s.hiddenColumns.delete(c);
      }
    }, v);
  }

  getEntireColumn(): RangeProxy {
    return new RangeProxy(this.ctx, this.ws, () => ({ ...this.box(), top: 1, bottom: MAX_ROWS }), "column");
  }

  /** ExcelApi 1.2. Merging over part of a merged area conflicts with it. */
  merge(across = false): void {
    this.queue("merge", 2, true, () => {
      const s = this.ws.writable();
      const b = this.box();
      for (const m of s.merges) {
        const mb = parseBox(m);
        if (overlaps(mb, b) && !inside(mb, b)) throw new OfficeError("MergedRangeConflict", "Cannot complete the operation: it overlaps merged cells.");
      }
      s.merges = s.merges.filter((m) => !inside(parseBox(m), b));
      s.merges.push(boxA1(b));
      void across;
      this.wb.log.push(`merge ${s.name}!${boxA1(b)}`);
    });
  }

  select(): void {
    this.queue("select", 1, false, () => this.ws.resolve());
  }

  /** ExcelApi 1.13. */
  getMergedAreasOrNullObject(): any {
    const self = this;
    const areas = {
      loaded: null as { address: string }[] | null,
      nullChecked: false,
      isNull: false,
      get isNullObject() {
        if (!areas.nullChecked) throw PROPERTY_NOT_LOADED("isNullObject");
        return areas.isNull;
      },
      get areas() {
        if (!areas.loaded) throw PROPERTY_NOT_LOADED("areas");
        return { items: areas.loaded };
      },
      load() {
        self.queue("getMergedAreasOrNullObject", 13, false, () => {
          const s = self.ws.resolve();
          const b = self.box();
          const found = s.merges.filter((m) => overlaps(parseBox(m), b));
          areas.nullChecked = true;
          areas.isNull = found.length === 0;
          areas.loaded = found.map((m) => ({ address: `${quoteSheet(s.name)}!${m}` }));
          return areas.loaded;
        });
      },
    };
    return areas;
  }

  /** ExcelApi 1.8 ("Add data validation to Excel ranges"). */
  get dataValidation(): any {
    const self = this;
    const target = () => ({ s: self.ws.writable(), b: self.box() });
    const mine = (s: SimSheet, b: Box) => s.validations.filter((v) => inside(parseBox(v.range), b) || overlaps(parseBox(v.range), b));
    return {
      clear() {
        self.queue("dataValidation.clear", 8, true, () => {
          const { s, b } = target();
          // Only the overlapping cells are cleared; here a rule overlapping the range goes whole when inside it.
          s.validations = s.validations.filter((v) => !overlaps(parseBox(v.range), b));
          self.wb.log.push(`dataValidation.clear ${s.name}!${boxA1(b)}`);
        });
      },
      set rule(rule: any) {
        self.queue("dataValidation.rule", 8, true, () => {
          const { s, b } = target();
          // Setting a rule where cells already have another one is refused; clear() first.
          if (mine(s, b).some((v) => v.range !== boxA1(b) || v.rule)) {
            throw new OfficeError("InvalidArgument", "The range already has data validation; clear it first.");
          }
          const existing = s.validations.find((v) => v.range === boxA1(b));
          if (existing) existing.rule = rule;
          // errorAlert defaults: showAlert true, style Stop (the article's "Create validation error alerts").
          else s.validations.push({ range: boxA1(b), rule, errorAlert: { showAlert: true, style: "Stop" } });
          self.wb.log.push(`dataValidation.rule ${s.name}!${boxA1(b)}`);
        }, rule);
      },
      set errorAlert(alert: any) {
        self.queue("dataValidation.errorAlert", 8, true, () => {
          const { s, b } = target();
          const v = s.validations.find((x) => x.range === boxA1(b)) ?? (s.validations.push({ range: boxA1(b), rule: null, errorAlert: { showAlert: true, style: "Stop" } }), s.validations[s.validations.length - 1]);
          v.errorAlert = { ...v.errorAlert, ...alert };
        }, alert);
      },
      set prompt(prompt: any) {
        self.queue("dataValidation.prompt", 8, true, () => {
          const { s, b } = target();
          const v = s.validations.find((x) => x.range === boxA1(b)) ?? (s.validations.push({ range: boxA1(b), rule: null, errorAlert: { showAlert: true, style: "Stop" } }), s.validations[s.validations.length - 1]);
          v.prompt = prompt;
        }, prompt);
      },
    };
  }

  /** ExcelApi 1.6: the formats that apply to the range; `add`, `load`, `getItem(id).delete()`. */
  get conditionalFormats(): any {
    const self = this;
    const loaded: { items?: unknown[] } = {};
    return {
      get items() {
        if (!loaded.items) throw PROPERTY_NOT_LOADED("items");
        return loaded.items;
      },
      load() {
        self.queue("conditionalFormats.load", 6, false, () => {
          const s = self.ws.resolve();
          loaded.items = s.condFormats
            .filter((cf) => overlaps(parseBox(cf.range), self.box()))
            .map((cf) => ({ id: cf.id, type: cf.type, custom: { rule: { formula: cf.formula } } }));
          return loaded.items;
        });
      },
      getItem(id: string) {
        return {
          delete() {
            self.queue("conditionalFormat.delete", 6, true, () => {
              const s = self.ws.writable();
              const i = s.condFormats.findIndex((cf) => cf.id === id);
              if (i < 0) throw new OfficeError("ItemNotFound", "The requested resource doesn't exist.");
              s.condFormats.splice(i, 1);
              self.wb.log.push(`deleteConditionalFormat ${s.name}!${boxA1(self.box())}`);
            });
          },
        };
      },
      add(type: string) {
        const cf: CondFormat = { id: self.wb.newId(), range: "", type, formula: "" };
        const rule: Record<string, any> = {};
        self.queue("conditionalFormats.add", 6, true, () => {
          const s = self.ws.writable();
          cf.range = boxA1(self.box());
          s.condFormats.push(cf);
          self.wb.log.push(`conditionalFormat ${s.name}!${cf.range}`);
        }, type);
        const format = {
          fill: { set color(c: string) { self.queue("cf.fill", 6, true, () => void (cf.fill = c), c); } },
          font: { set color(c: string) { self.queue("cf.font", 6, true, () => void (cf.fontColor = c), c); } },
        };
        const sub = {
          format,
          get rule(): any {
            return { set formula(f: string) { self.queue("cf.rule.formula", 6, true, () => void (cf.formula = f), f); } };
          },
          set rule(r: any) {
            self.queue("cf.rule", 6, true, () => {
              rule.value = r;
              cf.formula = String(r.formula ?? r.formula1 ?? "");
            }, r);
          },
        };
        return { cellValue: sub, custom: sub };
      },
    };
  }
}

class NamedItems extends ClientObject {
  constructor(ctx: SimContext) {
    super(ctx, "workbook.names");
  }
  get items(): { name: string; formula: string }[] {
    return this.read("items");
  }
  protected override fetch(): Record<string, unknown> {
    return { items: this.wb.names.map((n) => ({ name: n.name, formula: n.formula })) };
  }
  /** ExcelApi 1.4. */
  add(name: string, formula: string, comment?: string): void {
    this.queue("add", 4, true, () => {
      if (this.wb.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) throw new OfficeError("ItemAlreadyExists", "The resource being created already exists.");
      this.wb.names.push({ name, formula, comment });
      this.wb.log.push(`defineName ${name}`);
    }, [name, formula, comment]);
  }
}

/** Threaded comments, ExcelApi 1.10 ("Work with comments using the Excel JavaScript API"). */
class Comments extends ClientObject {
  constructor(ctx: SimContext) {
    super(ctx, "workbook.comments");
  }
  protected override fetch(): Record<string, unknown> {
    return { items: [...this.wb.comments.entries()].map(([cell, c]) => ({ cell, content: c.content })) };
  }
  add(cell: string, content: string): void {
    this.queue("add", 10, true, () => {
      if (this.wb.comments.has(cell)) throw new OfficeError("InvalidArgument", "The cell already has a comment.");
      this.wb.comments.set(cell, { content, replies: [] });
    }, [cell, content]);
  }
  /** "Gets the comment from the specified cell. If there is no comment in the cell, an error is thrown." */
  getItemByCell(cell: string): { delete(): void } {
    return {
      delete: () =>
        this.queue("getItemByCell.delete", 10, true, () => {
          if (!this.wb.comments.has(cell)) throw new OfficeError("ItemNotFound", "The requested resource doesn't exist.");
          // Deleting a comment deletes its replies: the whole thread goes.
          this.wb.comments.delete(cell);
          this.wb.log.push(`deleteComment ${cell}`);
        }),
    };
  }
}

/** Notes, ExcelApi 1.18 ("Work with notes using the Excel JavaScript API"). */
class Notes extends ClientObject {
  constructor(ctx: SimContext, private readonly ws: WorksheetProxy) {
    super(ctx, `${ws.path}.notes`);
  }
  get items(): { content: string; address: string }[] {
    return this.read("items");
  }
  protected override loadNeeds(): number {
    return 18;
  }
  protected override fetch(): Record<string, unknown> {
    const s = this.ws.resolve();
    return { items: [...s.notes.entries()].map(([cell, content]) => ({ content, address: `${quoteSheet(s.name)}!${cell}` })) };
  }
  private cellOf(address: string): string {
    const b = parseBox(address);
    // "The range must be a single cell" (an InvalidArgument error otherwise).
    if (b.top !== b.bottom || b.left !== b.right) throw new OfficeError("InvalidArgument", "A note goes on a single cell.");
    return a1(b.top, b.left);
  }
  add(address: string, content: string): void {
    this.queue("add", 18, true, () => {
      const s = this.ws.writable();
      const cell = this.cellOf(address);
      if (s.notes.has(cell)) throw new OfficeError("InvalidArgument", "The cell already has a note.");
      s.notes.set(cell, content);
      this.wb.log.push(`note ${s.name}!${cell}`);
    }, [address, content]);
  }
  /** ExcelApi 1.18: the note on a cell, or a null object. */
  getItemOrNullObject(address: string): NoteProxy {
    const p = new NoteProxy(this.ctx, this.ws, this.cellOf(address), true);
    (p as any).checkNull(() => this.ws.resolve().notes.has(this.cellOf(address)), 18);
    return p;
  }
  getItem(address: string): { content: string; delete(): void } {
    const self = this;
    const find = () => {
      const s = self.ws.resolve();
      const cell = self.cellOf(address);
      if (!s.notes.has(cell)) throw new OfficeError("ItemNotFound", "The requested resource doesn't exist.");
      return { s: self.ws.writable(), cell };
    };
    return {
      get content(): string {
        throw PROPERTY_NOT_LOADED("content");
      },
      set content(text: string) {
        self.queue("note.content", 18, true, () => {
          const { s, cell } = find();
          s.notes.set(cell, text);
          self.wb.log.push(`note ${s.name}!${cell}`);
        }, text);
      },
      delete() {
        self.queue("note.delete", 18, true, () => {
          const { s, cell } = find();
          s.notes.delete(cell);
          self.wb.log.push(`deleteNote ${s.name}!${cell}`);
        });
      },
    };
  }
}

class NoteProxy extends ClientObject {
  constructor(ctx: SimContext, private readonly ws: WorksheetProxy, readonly cell: string, orNull: boolean) {
    super(ctx, `${ws.path}.note(${cell})`, orNull);
  }
  get content(): string {
    return this.read("content");
  }
  protected override loadNeeds(): number {
    return 18;
  }
  protected override fetch(): Record<string, unknown> {
    const text = this.ws.resolve().notes.get(this.cell);
    if (text === undefined) throw new OfficeError("ItemNotFound", "The requested resource doesn't exist.");
    return { content: text };
  }
}

/** Custom XML parts, ExcelApi 1.5. The root element's namespace is the part's namespace. */
class CustomXmlParts extends ClientObject {
  constructor(ctx: SimContext, path: string, private readonly ns: string | null) {
    super(ctx, path);
  }
  private matching(): { id: string; xml: string }[] {
    return this.wb.customXml.filter((p) => this.ns === null || namespaceOf(p.xml) === this.ns);
  }
  get items(): CustomXmlPartProxy[] {
    return this.read("items");
  }
  protected override loadNeeds(): number {
    return 5;
  }
  protected override fetch(): Record<string, unknown> {
    return { items: this.matching().map((p) => new CustomXmlPartProxy(this.ctx, p.id)) };
  }
  add(xml: string): CustomXmlPartProxy {
    const id = this.wb.newId();
    this.queue("add", 5, true, () => {
      if (namespaceOf(xml) === null && !/^\s*(<\?xml[^>]*\?>)?\s*<[\w:.-]+/.test(xml)) throw new OfficeError("InvalidArgument", "The XML is not well formed.");
      this.wb.customXml.push({ id, xml });
      this.wb.log.push(`customXml add ${namespaceOf(xml)}`);
    }, xml);
    return new CustomXmlPartProxy(this.ctx, id);
  }
  getByNamespace(ns: string): CustomXmlParts {
    return new CustomXmlParts(this.ctx, `${this.path}.getByNamespace(${ns})`, ns);
  }
  getItem(id: string): CustomXmlPartProxy {
    return new CustomXmlPartProxy(this.ctx, id);
  }
  /** "If the collection contains exactly one item, this method returns it. Otherwise, this method produces an error." */
  getOnlyItem(): CustomXmlPartProxy {
    const proxy = new CustomXmlPartProxy(this.ctx, "");
    this.queue("getOnlyItem", 5, false, () => {
      const found = this.matching();
      if (found.length !== 1) throw new OfficeError(found.length ? "InvalidOperation" : "ItemNotFound", "The collection does not contain exactly one item.");
      (proxy as any).partId = found[0].id;
    });
    return proxy;
  }
}

class CustomXmlPartProxy extends ClientObject {
  constructor(ctx: SimContext, public partId: string) {
    super(ctx, `customXmlPart(${partId})`);
  }
  private part(): { id: string; xml: string } {
    const p = this.wb.customXml.find((x) => x.id === this.partId);
    if (!p) throw new OfficeError("ItemNotFound", "The requested resource doesn't exist.");
    return p;
  }
  get id(): string {
    return this.read("id");
  }
  protected override fetch(): Record<string, unknown> {
    return { id: this.part().id };
  }
  getXml(): { value: string } {
    const result = { loaded: false, v: "" };
    this.queue("getXml", 5, false, () => {
      result.v = this.part().xml;
      result.loaded = true;
      return result.v;
    });
    return {
      get value(): string {
        if (!result.loaded) throw new OfficeError("ValueNotLoaded", "The value of the result object has not been loaded yet. Before reading the value property, call context.sync().");
        return result.v;
      },
    };
  }
  setXml(xml: string): void {
    this.queue("setXml", 5, true, () => {
      this.part().xml = xml;
      this.wb.log.push(`customXml set ${namespaceOf(xml)}`);
    }, xml);
  }
  delete(): void {
    this.queue("delete", 5, true, () => {
      const p = this.part();
      this.wb.customXml.splice(this.wb.customXml.indexOf(p), 1);
      this.wb.log.push(`customXml delete`);
    });
  }
}

/** A sheet's print area as RangeAreas (only `address`), from getPrintAreaOrNullObject. */
class PrintAreaProxy extends ClientObject {
  constructor(ctx: SimContext, private readonly ws: WorksheetProxy) {
    super(ctx, `${ws.path}.pageLayout.printArea`, true);
    this.checkNull(() => typeof ws.resolve().pageLayout.printArea === "string", 9);
  }
  get address(): string {
    return this.read("address");
  }
  protected override loadNeeds(): number {
    return 9;
  }
  protected override fetch(): Record<string, unknown> {
    const s = this.ws.resolve();
    return { address: `${s.name}!${String(s.pageLayout.printArea).replace(/\$/g, "")}` };
  }
}

export function namespaceOf(xml: string): string | null {
  const m = /<(?:[\w.-]+:)?[\w.-]+\s[^>]*?xmlns(?::[\w.-]+)?\s*=\s*("([^"]*)"|'([^']*)')/.exec(xml.replace(/<\?xml[^>]*\?>/, ""));
  return m ? (m[2] ?? m[3]) : null;
}

/**
 * Page layout, ExcelApi 1.9. Margins are in points. Orientation defaults to portrait and
 * zoom to 100% (PageLayout reference); the print area is a RangeAreas, a null object
 * from getPrintAreaOrNullObject when none is set.
 */
class PageLayoutProxy extends ClientObject {
  constructor(ctx: SimContext, private readonly ws: WorksheetProxy) {
    super(ctx, `${ws.path}.pageLayout`);
  }
  protected override loadNeeds(): number {
    return 9;
  }
  protected override fetch(names: string[]): Record<string, unknown> {
    const layout = this.ws.resolve().pageLayout;
    const all: Record<string, unknown> = { orientation: layout.orientation ?? "Portrait", zoom: layout.zoom ?? { scale: 100 } };
    return Object.fromEntries(names.filter((n) => n in all).map((n) => [n, all[n]]));
  }
  get orientation(): string {
    return this.read("orientation");
  }
  get zoom(): { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number } {
    return this.read("zoom");
  }
  getPrintAreaOrNullObject(): PrintAreaProxy {
    return new PrintAreaProxy(this.ctx, this.ws);
  }
  private set_(key: string, value: unknown): void {
    this.ctx.queue({
      location: `${this.ws.path}.pageLayout.${key}`,
      needs: 9,
      write: true,
      bytes: 80 + utf8(JSON.stringify(value ?? null)),
      run: () => {
        const s = this.ws.writable();
        s.pageLayout[key] = value;
        this.ctx.wb.log.push(`pageLayout.${key} ${s.name}`);
      },
    });
  }
  set orientation(v: string) {
    this.set_("orientation", v);
  }
  set paperSize(v: string) {
    this.set_("paperSize", v);
  }
  /** PageLayoutZoomOptions must be set whole ("Some properties cannot be set directly"). */
  set zoom(v: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number }) {
    this.set_("zoom", v);
  }
  set topMargin(v: number) {
    this.set_("topMargin", v);
  }
  set bottomMargin(v: number) {
    this.set_("bottomMargin", v);
  }
  set leftMargin(v: number) {
    this.set_("leftMargin", v);
  }
  set rightMargin(v: number) {
    this.set_("rightMargin", v);
  }
  set headerMargin(v: number) {
    this.set_("headerMargin", v);
  }
  set footerMargin(v: number) {
    this.set_("footerMargin", v);
  }
  set centerHorizontally(v: boolean) {
    this.set_("centerHorizontally", v);
  }
  set firstPageNumber(v: number | "") {
    this.set_("firstPageNumber", v);
  }
  setPrintArea(area: string): void {
    this.set_("printArea", area);
  }
  setPrintTitleRows(rows: string): void {
    this.set_("printTitleRows", rows);
  }
  get headersFooters(): any {
    const self = this;
    const hf = (which: string) => ({
      set centerHeader(v: string) {
        self.set_(`${which}.centerHeader`, v);
      },
    });
    return {
      set state(v: string) {
        self.set_("headersFooters.state", v);
      },
      defaultForAllPages: hf("defaultForAllPages"),
      firstPage: hf("firstPage"),
    };
  }
}

/** The enums the host reads from the global Excel namespace (values as Office.js defines them). */
export function installExcelGlobals(): void {
  (globalThis as unknown as { Excel: unknown }).Excel = {
    DataValidationOperator: { greaterThan: "GreaterThan" },
    DataValidationAlertStyle: { stop: "Stop", warning: "Warning", information: "Information" },
    ConditionalFormatType: { cellValue: "CellValue", custom: "Custom" },
    PageOrientation: { landscape: "Landscape", portrait: "Portrait" },
    PaperType: { a4: "A4" },
    ChartType: { barClustered: "BarClustered", columnClustered: "ColumnClustered" },
    ChartSeriesBy: { columns: "Columns" },
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
    HeaderFooterState: { default: "Default", firstAndDefault: "FirstAndDefault" },
  };
}

export { parseA1 };
