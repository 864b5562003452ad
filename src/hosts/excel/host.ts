/**
 * The Excel host: Office.js in, snapshots out; edits in, one write round-trip out.
 *
 * Every command is: load what it needs, `context.sync()` once, let the domain
 * compute, queue every write, `context.sync()` once. A write larger than Excel
 * on the web accepts in one request (about 5 MB) is split into blocks.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../domain/snapshot";
import type { CellStyle, Edit } from "../../domain/edits";
import { isFormula, startsLikeFormula } from "../../domain/edits";
import { parseRange } from "../../domain/address";
import { HostError } from "../file/errors";
import { officeErrorMessage, type OfficePhase } from "./errors";

/** What the task pane needs from a workbook, whichever host holds it. */
export interface WorkbookHost {
  /** Sheet names in tab order and the active one. */
  sheets(): Promise<{ names: string[]; active: string }>;
  /** One sheet, the workbook's names (markers) and sheet states, in one read. */
  readSheet(name: string): Promise<{ sheet: SheetSnapshot; workbook: WorkbookState }>;
  /** Several sheets at once (consolidating the open workbook), in one read. */
  readSheets(names: string[]): Promise<{ sheets: SheetSnapshot[]; workbook: WorkbookState }>;
  /**
   * Apply an edit list; the whole plan is checked before anything is written.
   * Given the state from the command's read, it needs no read of its own.
   * Resolves with what this host (or this Excel version) could not do, so the pane
   * never reports work as done that was skipped.
   */
  apply(edits: Edit[], state?: WorkbookState): Promise<ApplyOutcome>;
  select(sheet: string, range: string): Promise<void>;
}

/** What a plan is checked against: the sheets that exist, which are protected, the names. */
export interface WorkbookState {
  sheetNames: string[];
  protectedSheets: string[];
  names: NonNullable<WorkbookSnapshot["names"]>;
  /** The add-in's own custom XML parts (namespace → XML), e.g. the mark record. */
  customXml?: Record<string, string>;
  /** The workbook counts dates from 1904. */
  date1904?: boolean;
}

/** What an `apply` left undone: one Vietnamese sentence per kind of edit skipped, e.g. page setup on Excel 2016. */
export interface ApplyOutcome {
  notDone: string[];
}

/** Payload budget per write request, under Excel on the web's ~5 MB limit. */
export const WRITE_BLOCK_BYTES = 4_000_000;

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export class ExcelHost implements WorkbookHost {
  constructor(
    private readonly run: Run = (batch) => Excel.run(batch),
    private readonly supports: (set: string, version: string) => boolean = (set, version) =>
      Office.context.requirements.isSetSupported(set, version),
  ) {}

  async sheets(): Promise<{ names: string[]; active: string }> {
    return this.guard(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      const active = sheets.getActiveWorksheet();
      active.load("name");
      await context.sync();
      return { names: sheets.items.map((s) => s.name), active: active.name };
    });
  }

  async readSheet(name: string): Promise<{ sheet: SheetSnapshot; workbook: WorkbookState }> {
    const { sheets, workbook } = await this.readSheets([name]);
    return { sheet: sheets[0], workbook };
  }

  async readSheets(list: string[]): Promise<{ sheets: SheetSnapshot[]; workbook: WorkbookState }> {
    return this.guard(async (context) => {
      const state = queueState(context);
      const pending = list.map((n) => this.queueRead(context, n));
      await context.sync();
      return { sheets: pending.map((p) => p()), workbook: state() };
    });
  }

  /** Queue the loads for one sheet; the returned function builds the snapshot after the sync. */
  private queueRead(context: Excel.RequestContext, name: string): () => SheetSnapshot {
    const ws = context.workbook.worksheets.getItem(name);
    ws.load("name");
    const protection = ws.protection;
    protection.load("protected");
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("address,values,numberFormat,formulas,rowIndex,columnIndex");
    // Merged areas need ExcelApi 1.13; older Excel reads the sheet without them.
    const merged = this.supports("ExcelApi", "1.13") ? ws.getRange().getMergedAreasOrNullObject() : null;
    merged?.load("areas/items/address");
    return () => {
      if (used.isNullObject) return { name: ws.name, values: [], merges: [], protected: protection.protected };
      const top = used.rowIndex;
      const left = used.columnIndex;
      const pad = <T>(grid: T[][], empty: T): T[][] => [
        ...Array.from({ length: top }, () => [] as T[]),
        ...grid.map((row) => [...Array.from({ length: left }, () => empty), ...row]),
      ];
      const formulas = used.formulas.map((row) => row.map((f) => (typeof f === "string" && f.startsWith("=") ? f : null)));
      return {
        name: ws.name,
        values: pad(used.values.map((row) => row.map(plain)), null),
        numberFormats: pad(used.numberFormat.map((row) => row.map((f) => (f as string) ?? null)), null),
        formulas: pad(formulas, null),
        merges: merged && !merged.isNullObject ? merged.areas.items.map((a) => stripSheet(a.address)) : [],
        protected: protection.protected,
      };
    };
  }

  async apply(edits: Edit[], known?: WorkbookState): Promise<ApplyOutcome> {
    if (edits.length === 0) return { notDone: [] };
    let phase: OfficePhase = "read";
    return this.guard(async (context) => {
      let state = known;
      if (!state) {
        const pending = queueState(context);
        await context.sync();
        state = pending();
      }
      checkPlan(edits, state);
      // From here a failure may leave part of the edits written (Excel does not roll back).
      phase = "write";
      let budget = 0;
      for (const edit of edits) {
        budget += this.queueEdit(context, edit);
        if (budget > WRITE_BLOCK_BYTES) {
          await context.sync();
          budget = 0;
        }
      }
      await context.sync();
      // The version-dependent skips arrive with the Excel simulator's work (issue 14).
      return { notDone: [] };
    }, () => phase);
  }

  async select(sheet: string, range: string): Promise<void> {
    await this.guard(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(range).select();
      await context.sync();
    });
  }

  /** Queue one edit; returns the approximate payload size it adds. */
  private queueEdit(context: Excel.RequestContext, e: Edit): number {
    const wb = context.workbook;
    switch (e.op) {
      case "addSheet":
        wb.worksheets.add(e.sheet);
        return 100;
      case "setValues": {
        const r = parseRange(e.range);
        const target = wb.worksheets.getItem(e.sheet).getRangeByIndexes(r.top - 1, r.left - 1, e.values.length, e.values[0]?.length ?? 0);
        const formulas = e.values.map((row) => row.map(toExcelInput));
        target.formulas = formulas as unknown as string[][];
        return JSON.stringify(formulas).length;
      }
      case "setStyle":
        applyStyle(wb.worksheets.getItem(e.sheet).getRange(e.range), e.style, e.range);
        return 400;
      case "merge":
        wb.worksheets.getItem(e.sheet).getRange(e.range).merge(false);
        return 100;
      case "columnWidths": {
        const ws = wb.worksheets.getItem(e.sheet);
        // Office.js widths are in points; a character of Times New Roman 13 is about 7 points.
        for (const w of e.widths) {
          const column = ws.getRangeByIndexes(0, w.col - 1, 1, 1).getEntireColumn();
          column.format.columnWidth = Math.round(w.width * 7);
          // false too: a column the add-in adds must show even where the user had hidden an empty one.
          if (w.hidden !== undefined) column.columnHidden = w.hidden;
        }
        return 100 * e.widths.length;
      }
      case "rowHeight":
        wb.worksheets.getItem(e.sheet).getRange(`${e.row}:${e.row}`).format.rowHeight = e.height;
        return 100;
      case "listValidation": {
        const dv = wb.worksheets.getItem(e.sheet).getRange(e.range).dataValidation;
        const source = Array.isArray(e.source) ? e.source.join(",") : e.source;
        dv.rule = { list: { inCellDropDown: true, source } };
        if (e.prompt) dv.prompt = { showPrompt: true, title: e.prompt.title, message: e.prompt.message };
        return 300 + source.length;
      }
      case "dateValidation": {
        const dv = wb.worksheets.getItem(e.sheet).getRange(e.range).dataValidation;
        dv.rule = { date: { formula1: "2000-01-01", operator: Excel.DataValidationOperator.greaterThan } };
        if (e.prompt) dv.prompt = { showPrompt: true, title: e.prompt.title, message: e.prompt.message };
        return 300;
      }
      case "conditionalFormat": {
        const cf = wb.worksheets.getItem(e.sheet).getRange(e.range).conditionalFormats.add(Excel.ConditionalFormatType.cellValue);
        cf.cellValue.format.fill.color = e.fill;
        cf.cellValue.format.font.color = e.fontColor;
        cf.cellValue.rule = { formula1: `="${e.equals}"`, operator: "EqualTo" };
        return 300;
      }
      case "freeze":
        wb.worksheets.getItem(e.sheet).freezePanes.freezeRows(e.rows);
        return 100;
      case "pageSetup": {
        // Page layout needs ExcelApi 1.9; Excel 2019 without it prints with its defaults.
        if (!this.supports("ExcelApi", "1.9")) return 0;
        const layout = wb.worksheets.getItem(e.sheet).pageLayout;
        layout.orientation = e.orientation === "landscape" ? Excel.PageOrientation.landscape : Excel.PageOrientation.portrait;
        layout.paperSize = Excel.PaperType.a4;
        if (e.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
        if (e.printTitleRows) layout.setPrintTitleRows(`$${e.printTitleRows.replace(":", ":$")}`);
        return 300;
      }
      case "defineName":
        wb.names.add(e.name, e.formula, e.comment);
        return 200;
      case "sheetVisibility":
        wb.worksheets.getItem(e.sheet).visibility = e.visibility === "veryHidden" ? Excel.SheetVisibility.veryHidden : e.visibility === "hidden" ? Excel.SheetVisibility.hidden : Excel.SheetVisibility.visible;
        return 100;
      case "setCustomXml":
        // The add-in's record parts arrive with the mark-record work (issue 14).
        throw new HostError("unsupported", "Phiên bản này chưa ghi được dữ liệu riêng của phần bổ trợ vào sổ làm việc.");
      case "setNote": {
        // Notes need ExcelApi 1.18, threaded comments 1.10; without either, the mark is skipped.
        // Empty text removes the note (how marks are taken off).
        const ws = wb.worksheets.getItem(e.sheet);
        const address = `${quoteSheet(e.sheet)}!${e.cell}`;
        if (this.supports("ExcelApi", "1.18")) {
          const notes = (ws as unknown as { notes: { add(cell: string, text: string): void; getItemOrNullObject(cell: string): { delete(): void } } }).notes;
          notes.getItemOrNullObject(address).delete();
          if (e.text) notes.add(address, e.text);
        } else if (this.supports("ExcelApi", "1.10")) {
          wb.comments.getItemByCell(address).delete();
          if (e.text) wb.comments.add(address, e.text);
        }
        return 100 + e.text.length;
      }
      case "select": {
        const ws = wb.worksheets.getItem(e.sheet);
        ws.activate();
        ws.getRange(e.range).select();
        return 100;
      }
      case "chart": {
        const ws = wb.worksheets.getItem(e.sheet);
        const chart = ws.charts.add(
          e.type === "bar" ? Excel.ChartType.barClustered : Excel.ChartType.columnClustered,
          ws.getRange(e.dataRange),
          Excel.ChartSeriesBy.columns,
        );
        chart.title.text = e.title;
        chart.setPosition(e.anchor);
        return 300;
      }
    }
  }

  /** Turn Office.js failures into Vietnamese messages; nothing else escapes. */
  private async guard<T>(f: (context: Excel.RequestContext) => Promise<T>, phase: () => OfficePhase = () => "read"): Promise<T> {
    try {
      return await this.run(f);
    } catch (e) {
      if (e instanceof HostError) throw e;
      throw new HostError("office", officeErrorMessage(e, phase()), e);
    }
  }
}

function queueState(context: Excel.RequestContext): () => WorkbookState {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/protection/protected");
  const names = context.workbook.names;
  names.load("items/name,items/formula");
  return () => {
    const named: Record<string, string> = {};
    // defineProperty, not assignment: a name "__proto__" (valid in Excel) stays an ordinary entry.
    for (const n of names.items) Object.defineProperty(named, n.name, { value: n.formula, enumerable: true, writable: true, configurable: true });
    return {
      sheetNames: sheets.items.map((s) => s.name),
      protectedSheets: sheets.items.filter((s) => s.protection.protected).map((s) => s.name),
      names: named,
    };
  };
}

/** The plan is refused whole if any edit would overwrite a sheet or touch a protected one. */
export function checkPlan(edits: Edit[], state: WorkbookState): void {
  const existing = new Set(state.sheetNames.map((n) => n.toLowerCase()));
  const locked = new Set(state.protectedSheets.map((n) => n.toLowerCase()));
  const added = new Set<string>();
  for (const e of edits) {
    if (e.op === "addSheet") {
      const key = e.sheet.toLowerCase();
      if (existing.has(key) || added.has(key)) throw new HostError("sheet-exists", `Trang tính "${e.sheet}" đã có; không ghi đè.`);
      // What Excel refuses only at the write, after the edits queued before it are done.
      if (!e.sheet.trim() || e.sheet.length > 31 || /[\\/?*[\]:]/.test(e.sheet) || /^'|'$/.test(e.sheet)) {
        throw new HostError("bad-sheet-name", `Tên trang tính "${e.sheet}" không hợp lệ.`);
      }
      added.add(key);
    } else if (e.op !== "defineName" && e.op !== "setCustomXml") {
      if (e.op === "setValues" && e.values.some((row) => row.length !== (e.values[0]?.length ?? 0))) {
        throw new HostError("bad-plan", `Dữ liệu cần ghi vào vùng ${e.range} của trang tính "${e.sheet}" không đều các dòng; không có gì được ghi.`);
      }
      const key = e.sheet.toLowerCase();
      if (!existing.has(key) && !added.has(key)) throw new HostError("no-sheet", `Không có trang tính "${e.sheet}".`);
      if (locked.has(key) && e.op !== "select") {
        throw new HostError("protected", `Trang tính "${e.sheet}" đang được bảo vệ; hãy bỏ bảo vệ trang tính (Xem lại → Bỏ bảo vệ trang tính) rồi thử lại.`);
      }
    }
  }
}

/**
 * A value for `range.formulas`: formulas as written; text that Excel would turn
 * into a formula, number or date ("=HYPERLINK(…)", "01", "10/2026") keeps Excel's
 * text prefix so it stays exactly what was meant.
 */
export function toExcelInput(v: CellValue | { formula: string }): string | number | boolean {
  if (isFormula(v)) return v.formula;
  if (v === null) return "";
  if (typeof v === "string" && (startsLikeFormula(v) || /^[\d\s.,%/:()-]+$/.test(v) || /^'/.test(v))) return `'${v}`;
  return v;
}

function plain(v: unknown): CellValue {
  if (v === "" || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
}

function stripSheet(address: string): string {
  return address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function applyStyle(range: Excel.Range, s: CellStyle, address: string): void {
  const f = range.format;
  if (s.bold !== undefined) f.font.bold = s.bold;
  if (s.italic !== undefined) f.font.italic = s.italic;
  if (s.fontSize) f.font.size = s.fontSize;
  if (s.fontName) f.font.name = s.fontName;
  if (s.fontColor) f.font.color = s.fontColor;
  if (s.fill) f.fill.color = s.fill;
  if (s.horizontal) f.horizontalAlignment = s.horizontal === "left" ? "Left" : s.horizontal === "right" ? "Right" : "Center";
  if (s.vertical) f.verticalAlignment = s.vertical === "top" ? "Top" : s.vertical === "bottom" ? "Bottom" : "Center";
  if (s.wrap !== undefined) f.wrapText = s.wrap;
  if (s.border) {
    for (const side of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"] as const) {
      f.borders.getItem(side).style = "Continuous";
    }
  }
  if (s.numberFormat) {
    const r = parseRange(address);
    range.numberFormat = Array.from({ length: r.bottom - r.top + 1 }, () => Array.from({ length: r.right - r.left + 1 }, () => s.numberFormat!));
  }
}

