/**
 * The Excel host: Office.js in, snapshots out; edits in, write round-trips out.
 *
 * Round-trips (the rule test/roundtrips.test.ts states): a command reads in one
 * round-trip the workbook's state, the size of the sheets it needs and their first
 * rows and columns (a window of the size the tables people keep have). When a sheet's
 * used range lies inside that window, that is the whole read. Otherwise — a long table,
 * or a stray value in XFD1048576 that makes the used range millions of cells — the
 * window is not enough and the cells are read in row blocks each under Excel on the
 * web's 5 MB response limit, or refused when the range is absurdly large. A window
 * that itself overflows the response limit (very long texts) is read again by blocks.
 * It writes in one round-trip, or in as few blocks as the 5 MB request limit allows,
 * sized in UTF-8 bytes before they are queued, a single large `setValues` split into
 * row blocks. Excel does not roll back: a write that fails part-way says so.
 *
 * Versions: every API above ExcelApi 1.8 (Excel 2019) is checked with `supports` before
 * it is queued; what this Excel cannot do is skipped and reported in `ApplyOutcome`.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../domain/snapshot";
import type { CellInput, CellStyle, Edit } from "../../domain/edits";
import { isFormula, startsLikeFormula } from "../../domain/edits";
import { a1, parseRange } from "../../domain/address";
import { isDateFormat } from "../../domain/dates";
import { HIGHLIGHT_FORMULA } from "../../domain/marks";
import { HostError } from "../file/errors";
import { officeErrorMessage, type OfficePhase } from "./errors";

/** What the task pane needs from a workbook, whichever host holds it. */
export interface WorkbookHost {
  /** Sheet names in tab order and the active one. */
  sheets(): Promise<{ names: string[]; active: string }>;
  /** One sheet, the workbook's names (markers) and sheet states, in one read. */
  readSheet(name: string, options?: ReadOptions): Promise<{ sheet: SheetSnapshot; workbook: WorkbookState }>;
  /** Several sheets at once (consolidating the open workbook), in one read. */
  readSheets(names: string[], options?: ReadOptions): Promise<{ sheets: SheetSnapshot[]; workbook: WorkbookState }>;
  /**
   * Apply an edit list; the whole plan is checked before anything is written.
   * Given the state from the command's read, it needs no read of its own.
   * Resolves with what this host (or this Excel version) could not do, so the pane
   * never reports work as done that was skipped.
   */
  apply(edits: Edit[], state?: WorkbookState): Promise<ApplyOutcome>;
  select(sheet: string, range: string): Promise<void>;
}

/**
 * What a command needs beyond cells. A host that reads every note and every part of a
 * file anyway (the file host) may ignore it.
 */
export interface ReadOptions {
  /** Cells whose notes to read, per sheet (Excel reads notes one cell at a time). */
  notesAt?: Record<string, string[]>;
  /** The add-in's custom XML parts to read, by namespace. */
  customXml?: string[];
  /** Cells whose add-in highlights (`markFill`) may be taken off, per sheet. */
  highlightsAt?: Record<string, string[]>;
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
  /** How this host marks a cell: notes, or highlights where it cannot write notes. Default "note". */
  markMethod?: "note" | "fill";
  /** Notes read (sheet → cell → text): the Excel host changes a note that exists and adds one that does not. */
  notes?: Record<string, Record<string, string>>;
  /** Excel only: the ids of the add-in's highlights found on cells (sheet → cell → ids). */
  highlights?: Record<string, Record<string, string[]>>;
  /** Excel only: the number formats read (sheet → grid), so dates written into date cells follow the 1904 system. */
  numberFormats?: Record<string, (string | null)[][]>;
}

/** What an `apply` left undone: one Vietnamese sentence per kind of edit skipped, e.g. page setup on Excel 2016. */
export interface ApplyOutcome {
  notDone: string[];
}

/** Excel on the web's limit for a request and for a response. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** What one block may use of it: the rest is room for the envelope Office.js adds. */
export const BLOCK_BYTES = 4_000_000;
/** Rows of the first read block, whose weight sizes the blocks after it. */
const FIRST_BLOCK_ROWS = 500;
/** Notes read in one round-trip (about 0.6 KB each in a response, 0.2 KB in a request). */
const NOTE_CHUNK = 2_000;
/** The same after the first rows overflowed a response: they hold very long texts. */
const HEAVY_FIRST_BLOCK_ROWS = 50;
/**
 * The window read with the first round-trip: rows × columns from A1. An appendix of a
 * few hundred rows and under 40 columns fits; empty cells cost about 15 bytes in the
 * response, so a window of an empty area is about 0.3 MB.
 */
const WINDOW = { rows: 500, cols: 40 };
/** More sheets than this in one read (consolidating a workbook's sheets) skip the windows, which would crowd the response. */
const MAX_WINDOWS = 4;
/** A used range larger than this is not read (a stray value far out makes it millions of cells). */
export const MAX_READ_CELLS = 2_000_000;

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;
type Run = <T>(options: { delayForCellEdit?: boolean }, batch: Batch<T>) => Promise<T>;

const utf8Length = (s: string): number => {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
};
const jsonBytes = (v: unknown): number => utf8Length(JSON.stringify(v));
/** What one queued command costs in a request besides its data (path, method, ids). */
const COMMAND_BYTES = 200;

const NOT_DONE = {
  pageSetup: "Chưa đặt trang in (khổ A4, lề, số trang, vùng in): Excel này chưa hỗ trợ (cần ExcelApi 1.9, từ Excel 2021); hãy đặt trong Bố trí Trang.",
  freeze: "Chưa cố định dòng tiêu đề: Excel này chưa hỗ trợ (cần ExcelApi 1.7).",
  notes: "Chưa ghi được ghi chú vào ô: Excel này chưa hỗ trợ (cần ExcelApi 1.18).",
  customXml: "Chưa lưu được danh sách ô đã đánh dấu vào sổ làm việc (cần ExcelApi 1.5); nút “Xoá đánh dấu” chỉ dùng được khi chưa đóng ngăn tác vụ.",
  highlight: "Chưa tô được ô: Excel này chưa hỗ trợ định dạng có điều kiện (cần ExcelApi 1.6).",
  validation: "Chưa thêm danh sách chọn và kiểm tra ngày vào ô: Excel này chưa hỗ trợ (cần ExcelApi 1.8).",
  conditionalFormat: "Chưa tô màu theo kết quả (định dạng có điều kiện): Excel này chưa hỗ trợ (cần ExcelApi 1.6).",
  names: "Chưa đặt tên vùng cho danh sách: Excel này chưa hỗ trợ (cần ExcelApi 1.4).",
} as const;

export class ExcelHost implements WorkbookHost {
  constructor(
    /** `Excel.run(options, batch)`; tests pass a simulator's. */
    private readonly run: Run = (options, batch) => Excel.run(options, batch),
    /** `Office.context.requirements.isSetSupported`; tests pass the simulated profile's. */
    private readonly supports: (set: string, version: string) => boolean = (set, version) =>
      Office.context.requirements.isSetSupported(set, version),
  ) {}

  private has(version: string): boolean {
    return this.supports("ExcelApi", version);
  }

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

  async readSheet(name: string, options?: ReadOptions): Promise<{ sheet: SheetSnapshot; workbook: WorkbookState }> {
    const { sheets, workbook } = await this.readSheets([name], options);
    return { sheet: sheets[0], workbook };
  }

  async readSheets(list: string[], options: ReadOptions = {}): Promise<{ sheets: SheetSnapshot[]; workbook: WorkbookState }> {
    const windowed = list.length <= MAX_WINDOWS;
    try {
      return await this.readSheetsOnce(list, options, windowed);
    } catch (e) {
      // The windows overflowed Excel on the web's response limit (long texts in the first
      // rows): nothing was written by a read; read again, by blocks sized as they come.
      if (windowed && e instanceof HostError && (e.cause as { code?: string } | undefined)?.code === "ResponsePayloadSizeLimitExceeded") {
        return this.readSheetsOnce(list, options, false, HEAVY_FIRST_BLOCK_ROWS);
      }
      throw e;
    }
  }

  private async readSheetsOnce(
    list: string[],
    options: ReadOptions,
    windowed: boolean,
    firstBlockRows = FIRST_BLOCK_ROWS,
  ): Promise<{ sheets: SheetSnapshot[]; workbook: WorkbookState }> {
    return this.guard(async (context) => {
      const state = this.queueState(context, options);
      const probes = list.map((n) => this.queueProbe(context, n, options, windowed));
      await context.sync();
      for (const p of probes) await p.readMoreNotes();
      const workbook = state.after();
      const xml = state.queueXml();
      // The cells outside the windows, in row blocks sized from what the first rows weigh (the parts' XML rides with the first).
      const { grids, synced } = await this.readCells(context, probes, workbook.date1904 ?? false, firstBlockRows);
      if (xml.length && !synced) await context.sync();
      if (xml.length || state.askedXml) workbook.customXml = Object.fromEntries(xml.map((x) => [x.ns, x.xml.value]));
      const sheets = probes.map((p, i) => p.snapshot(grids[i]));
      workbook.notes = Object.fromEntries(sheets.filter((s) => s.notes).map((s) => [s.name, s.notes!]));
      workbook.numberFormats = Object.fromEntries(sheets.map((s) => [s.name, s.numberFormats ?? []]));
      workbook.highlights = Object.fromEntries(probes.map((p) => [p.name, p.highlights()]));
      return { sheets, workbook };
    }, () => "read", true);
  }

  /** The workbook's state: sheets, protection, names, date system, and the ids of the add-in's parts. */
  private queueState(context: Excel.RequestContext, options: ReadOptions) {
    const wb = context.workbook;
    const sheets = wb.worksheets;
    sheets.load("items/name,items/protection/protected");
    const names = this.has("1.4") ? wb.names : null;
    names?.load("items/name,items/formula");
    // DATE(2000,1,1) counts from the workbook's own epoch: 36526 in the 1900 system, 35064 in 1904
    // (Excel.Functions.date, ExcelApi 1.2: "a number from 1900 or 1904 (depending on the workbook's date system)").
    const epoch = wb.functions.date(2000, 1, 1);
    epoch.load("value");
    const parts = (options.customXml ?? []).length && this.has("1.5")
      ? (options.customXml ?? []).map((ns) => ({ ns, parts: wb.customXmlParts.getByNamespace(ns).load("items/id") }))
      : [];
    const markMethod: "note" | "fill" = this.has("1.18") ? "note" : "fill";
    return {
      after: (): WorkbookState => {
        const named: Record<string, string> = {};
        // defineProperty, not assignment: a name "__proto__" (valid in Excel) stays an ordinary entry.
        for (const n of names?.items ?? []) Object.defineProperty(named, n.name, { value: n.formula, enumerable: true, writable: true, configurable: true });
        return {
          sheetNames: sheets.items.map((s) => s.name),
          protectedSheets: sheets.items.filter((s) => s.protection.protected).map((s) => s.name),
          names: named,
          date1904: epoch.value === 35064,
          markMethod,
        };
      },
      askedXml: parts.length > 0,
      // A part's XML comes only from getXml() on a part found by the first round-trip; it
      // travels with the cells' first block, or alone when there are no cells to read.
      queueXml: () => parts.flatMap((p) => (p.parts.items[0] ? [{ ns: p.ns, xml: p.parts.items[0].getXml() }] : [])),
    };
  }

  /** Queue the first look at a sheet: its used range's extent, the cells of the window, merges, protection, notes asked for. */
  private queueProbe(context: Excel.RequestContext, name: string, options: ReadOptions, windowed: boolean) {
    const ws = context.workbook.worksheets.getItem(name);
    ws.load("name");
    const protection = ws.protection;
    protection.load("protected");
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("address,rowIndex,columnIndex,rowCount,columnCount");
    const window = windowed ? ws.getRangeByIndexes(0, 0, WINDOW.rows, WINDOW.cols) : null;
    window?.load("values,formulas,numberFormat");
    // The print setup (ExcelApi 1.9), so a plan that adds a helper column keeps it out of print.
    const layout = this.has("1.9") ? ws.pageLayout : null;
    layout?.load("orientation,zoom");
    const printArea = layout?.getPrintAreaOrNullObject();
    printArea?.load("address");
    // Merged areas need ExcelApi 1.13; older Excel reads the sheet without them.
    const merged = this.has("1.13") ? ws.getRange().getMergedAreasOrNullObject() : null;
    merged?.load("areas/items/address");
    // Notes are read one cell at a time: the first chunk rides with the probe, the rest
    // (thousands of marked cells) in chunks of their own, each well under the payload limits.
    const noteCells = this.has("1.18") ? [...new Set(options.notesAt?.[name] ?? [])] : [];
    const queueNotes = (cells: string[]) =>
      cells.map((cell) => {
        const n = ws.notes.getItemOrNullObject(cell);
        n.load("content");
        return { cell, n };
      });
    const notes = queueNotes(noteCells.slice(0, NOTE_CHUNK));
    const cfCells = this.has("1.6") ? [...new Set(options.highlightsAt?.[name] ?? [])] : [];
    const cfs = cfCells.map((cell) => {
      const c = ws.getRange(cell).conditionalFormats;
      c.load("items/id,items/type,items/custom/rule/formula");
      return { cell, c };
    });
    return {
      name,
      /** The notes past the first chunk, one round-trip per chunk. */
      readMoreNotes: async () => {
        for (let i = NOTE_CHUNK; i < noteCells.length; i += NOTE_CHUNK) {
          notes.push(...queueNotes(noteCells.slice(i, i + NOTE_CHUNK)));
          await context.sync();
        }
      },
      extent: () => (used.isNullObject ? null : { top: used.rowIndex, left: used.columnIndex, rows: used.rowCount, cols: used.columnCount, address: used.address }),
      /** The window's cells, when they hold the whole used range `e` (0-based extent). */
      windowCells: (e: { top: number; left: number; rows: number; cols: number }) => {
        if (!window || e.top + e.rows > WINDOW.rows || e.left + e.cols > WINDOW.cols) return null;
        const cut = (grid: unknown[][]) => grid.slice(e.top, e.top + e.rows).map((row) => row.slice(e.left, e.left + e.cols));
        return { values: cut(window.values), formulas: cut(window.formulas), numberFormat: cut(window.numberFormat) };
      },
      ws,
      highlights: (): Record<string, string[]> =>
        Object.fromEntries(
          cfs.map(({ cell, c }) => [cell, c.items.filter((f) => f.type === "Custom" && f.custom.rule.formula === HIGHLIGHT_FORMULA).map((f) => f.id)]),
        ),
      snapshot: (grid: Grid | null): SheetSnapshot => {
        const base: SheetSnapshot = {
          name: ws.name,
          values: [],
          merges: merged && !merged.isNullObject ? merged.areas.items.map((a) => stripSheet(a.address)) : [],
          protected: protection.protected,
        };
        if (this.has("1.18")) base.notes = Object.fromEntries(notes.filter(({ n }) => !n.isNullObject).map(({ cell, n }) => [cell, n.content]));
        if (layout && printArea) {
          base.print = {
            area: printArea.isNullObject ? null : stripSheet(printArea.address).replace(/\$/g, ""),
            orientation: layout.orientation === Excel.PageOrientation.landscape ? "landscape" : "portrait",
            fitToWidth: layout.zoom?.horizontalFitToPages === 1,
          };
        }
        if (!grid) return base;
        return { ...base, values: grid.values, numberFormats: grid.numberFormats, formulas: grid.formulas };
      },
    };
  }

  /**
   * The cells of each sheet, A1-based: from the window read with the probe when it holds
   * the used range, else in row blocks that fit the response limit. `synced`: whether
   * blocks were read (a round-trip happened).
   */
  private async readCells(
    context: Excel.RequestContext,
    probes: ReturnType<ExcelHost["queueProbe"]>[],
    date1904: boolean,
    firstBlockRows: number,
  ): Promise<{ grids: (Grid | null)[]; synced: boolean }> {
    let synced = false;
    const jobs = probes.map((p) => {
      const e = p.extent();
      const inWindow = e ? p.windowCells(e) : null;
      if (e && inWindow) {
        const grid = emptyGrid(e.top);
        addRows(grid, e.left, inWindow.values, inWindow.formulas, inWindow.numberFormat, date1904);
        grid.read = e.rows;
        return { p, e, grid };
      }
      if (e && e.rows * e.cols > MAX_READ_CELLS) {
        throw new HostError(
          "sheet-too-large",
          `Trang tính "${p.name}" có vùng dữ liệu quá lớn (${stripSheet(e.address)}, ${(e.rows * e.cols).toLocaleString("vi-VN")} ô): có thể có một giá trị lạc ở ô rất xa. ` +
            "Hãy nhấn Ctrl+End để tìm ô đó, xoá các cột hoặc dòng thừa rồi thử lại. Chưa có thay đổi nào được ghi.",
        );
      }
      return { p, e, grid: e ? emptyGrid(e.top) : null };
    });
    // The first block: a few hundred rows, so the next blocks can be sized from what they weighed.
    let perCell = 60;
    let first = true;
    for (let pending = jobs.filter((j) => j.e && j.grid!.read < j.e.rows); pending.length; ) {
      const queued: { job: (typeof jobs)[number]; range: Excel.Range; rows: number }[] = [];
      let budget = BLOCK_BYTES;
      for (const job of pending) {
        const e = job.e!;
        const done = job.grid!.read;
        const rowBytes = Math.max(1, e.cols * perCell);
        if (queued.length && budget < rowBytes) break;
        const rows = Math.min(e.rows - done, first ? firstBlockRows : Math.max(1, Math.floor(budget / rowBytes)));
        const range = job.p.ws.getRangeByIndexes(e.top + done, e.left, rows, e.cols);
        range.load("values,formulas,numberFormat");
        queued.push({ job, range, rows });
        budget -= rows * rowBytes;
      }
      await context.sync();
      synced = true;
      first = false;
      let bytes = 0;
      let cells = 0;
      for (const { job, range, rows } of queued) {
        addRows(job.grid!, job.e!.left, range.values, range.formulas, range.numberFormat, date1904);
        job.grid!.read += rows;
        bytes += jsonBytes(range.values) + jsonBytes(range.formulas) + jsonBytes(range.numberFormat);
        cells += rows * job.e!.cols;
      }
      // Size the next blocks from what these weighed, with room to spare.
      if (cells) perCell = Math.max(perCell, Math.ceil((bytes / cells) * 1.25));
      pending = jobs.filter((j) => j.e && j.grid!.read < j.e.rows);
    }
    return { grids: jobs.map((j) => j.grid), synced };
  }

  async apply(edits: Edit[], known?: WorkbookState): Promise<ApplyOutcome> {
    if (edits.length === 0) return { notDone: [] };
    let phase: OfficePhase = "read";
    return this.guard(async (context) => {
      let state = known;
      if (!state) {
        const pending = this.queueState(context, {});
        await context.sync();
        state = pending.after();
      }
      checkPlan(edits, state);
      const notDone = new Set<string>();
      const writer = new BlockWriter(context, () => {
        phase = "write";
      });
      const notes = structuredCloneNotes(state.notes);
      for (const edit of edits) await this.queueEdit(writer, edit, state, notes, notDone);
      // From the first sync on, a failure may leave part of the edits written (Excel does not roll back).
      phase = "write";
      await writer.flush();
      return { notDone: [...notDone] };
    }, () => phase, true);
  }

  async select(sheet: string, range: string): Promise<void> {
    await this.guard(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(range).select();
      await context.sync();
    });
  }

  /** Queue one edit (or skip it and say why). */
  private async queueEdit(w: BlockWriter, e: Edit, state: WorkbookState, notes: Record<string, Record<string, string>>, notDone: Set<string>): Promise<void> {
    const wb = w.context.workbook;
    const ws = () => wb.worksheets.getItem((e as { sheet: string }).sheet);
    switch (e.op) {
      case "addSheet":
        return w.add(100, () => void wb.worksheets.add(e.sheet));
      case "setValues":
        return this.queueValues(w, e, state);
      case "setStyle":
        if (e.style.numberFormat && isDateFormat(e.style.numberFormat)) w.noteDateFormat(e.sheet, e.range);
        return w.add(400 + (e.style.numberFormat ? cellCount(e.range) * (utf8Length(e.style.numberFormat) + 3) : 0), () => applyStyle(ws().getRange(e.range), e.style, e.range));
      case "merge":
        return w.add(100, () => ws().getRange(e.range).merge(false));
      case "columnWidths":
        return w.add(150 * e.widths.length, () => {
          const sheet = ws();
          // Office.js widths are in points; a character of Times New Roman 13 is about 7 points.
          for (const c of e.widths) {
            const column = sheet.getRange(`${colLetters(c.col)}:${colLetters(c.col)}`);
            column.format.columnWidth = Math.round(c.width * 7);
            // false too: a column the add-in adds must show even where the user had hidden an empty one.
            if (c.hidden !== undefined) column.columnHidden = c.hidden;
          }
        });
      case "rowHeight":
        return w.add(100, () => void (ws().getRange(`${e.row}:${e.row}`).format.rowHeight = e.height));
      case "listValidation":
      case "dateValidation": {
        if (!this.has("1.8")) return void notDone.add(NOT_DONE.validation);
        const source = e.op === "listValidation" ? (Array.isArray(e.source) ? e.source.join(",") : e.source) : "";
        return w.add(400 + utf8Length(source) + (e.prompt ? utf8Length(e.prompt.message) : 0), () => {
          const dv = ws().getRange(e.range).dataValidation;
          // A rule over cells that already have one is refused: clear first (it only clears the range's own cells).
          dv.clear();
          if (e.op === "listValidation") {
            dv.rule = { list: { inCellDropDown: true, source } };
            // Excel's default error alert is Stop; free-text lists only warn (the file host writes the same).
            const style = e.errorStyle ?? "stop";
            if (style === "none") dv.errorAlert = { showAlert: false, style: "Stop", title: "", message: "" };
            else if (style === "warning") dv.errorAlert = { showAlert: true, style: "Warning", title: "Giá trị ngoài danh sách", message: "Giá trị này không có trong danh sách. Bấm Có (Yes) để giữ nguyên." };
          } else {
            dv.rule = { date: { formula1: "2000-01-01", operator: Excel.DataValidationOperator.greaterThan } };
          }
          if (e.prompt) dv.prompt = { showPrompt: true, title: e.prompt.title, message: e.prompt.message };
        });
      }
      case "conditionalFormat": {
        if (!this.has("1.6")) return void notDone.add(NOT_DONE.conditionalFormat);
        return w.add(400, () => {
          const cf = ws().getRange(e.range).conditionalFormats.add(Excel.ConditionalFormatType.cellValue);
          cf.cellValue.format.fill.color = e.fill;
          cf.cellValue.format.font.color = e.fontColor;
          cf.cellValue.rule = { formula1: `="${e.equals.replace(/"/g, '""')}"`, operator: "EqualTo" };
        });
      }
      case "freeze":
        if (!this.has("1.7")) return void notDone.add(NOT_DONE.freeze);
        return w.add(100, () => ws().freezePanes.freezeRows(e.rows));
      case "pageSetup":
        if (!this.has("1.9")) return void notDone.add(NOT_DONE.pageSetup);
        return w.add(800, () => {
          const layout = ws().pageLayout;
          // A field the plan leaves out stays as the sheet has it.
          if (e.orientation) {
            layout.orientation = e.orientation === "landscape" ? Excel.PageOrientation.landscape : Excel.PageOrientation.portrait;
            layout.paperSize = Excel.PaperType.a4;
          }
          // Fit to one page wide; `verticalFitToPages` left out: rows flow onto as many pages as they need.
          if (e.fitToWidth) layout.zoom = { horizontalFitToPages: 1 };
          // Explicitly not fitted: printed at full size (a fit set earlier would shrink the text).
          else if (e.fitToWidth === false) layout.zoom = { scale: 100 };
          if (e.printTitleRows) layout.setPrintTitleRows(`$${e.printTitleRows.replace(":", ":$")}`);
          if (e.margins) {
            // Millimetres to points (72 points to the inch, 25.4 mm to the inch).
            const pt = (mm: number) => Math.round((mm * 72) / 25.4 * 100) / 100;
            layout.topMargin = pt(e.margins.top);
            layout.bottomMargin = pt(e.margins.bottom);
            layout.leftMargin = pt(e.margins.left);
            layout.rightMargin = pt(e.margins.right);
            layout.headerMargin = pt(e.margins.header);
            layout.footerMargin = pt(e.margins.footer);
          }
          if (e.pageNumber) {
            const hf = layout.headersFooters;
            if (e.pageNumber.skipFirst) {
              hf.state = Excel.HeaderFooterState.firstAndDefault;
              hf.firstPage.centerHeader = "";
            } else hf.state = Excel.HeaderFooterState.default;
            // As the file host writes it: Times New Roman 13, the decree's page number.
            hf.defaultForAllPages.centerHeader = '&"Times New Roman,Regular"&13&P';
            // Each sheet is a document of its own: its pages count from 1.
            layout.firstPageNumber = 1;
          }
          if (e.printArea) layout.setPrintArea(e.printArea);
          if (e.centerHorizontally !== undefined) layout.centerHorizontally = e.centerHorizontally;
        });
      case "defineName":
        if (!this.has("1.4")) return void notDone.add(NOT_DONE.names);
        return w.add(200 + utf8Length(e.formula), () => wb.names.add(e.name, e.formula, e.comment));
      case "sheetVisibility":
        return w.add(100, () => {
          ws().visibility = e.visibility === "veryHidden" ? Excel.SheetVisibility.veryHidden : e.visibility === "hidden" ? Excel.SheetVisibility.hidden : Excel.SheetVisibility.visible;
        });
      case "setCustomXml": {
        if (!this.has("1.5")) return void notDone.add(NOT_DONE.customXml);
        const existing = state.customXml?.[e.namespace] !== undefined;
        return w.add(300 + utf8Length(e.xml ?? ""), () => {
          const parts = wb.customXmlParts;
          // One part per namespace: the old one goes, the new one comes (the read found whether one exists).
          if (existing) parts.getByNamespace(e.namespace).getOnlyItem().delete();
          if (e.xml !== null) parts.add(e.xml);
        });
      }
      case "setNote": {
        // Notes need ExcelApi 1.18 (Microsoft 365). Threaded comments (1.10) are a person's
        // conversations: the add-in never writes or deletes them.
        if (!this.has("1.18")) return void notDone.add(NOT_DONE.notes);
        const sheetNotes = (notes[e.sheet] ??= {});
        const exists = sheetNotes[e.cell] !== undefined;
        if (!e.text && !exists) return;
        if (e.text) sheetNotes[e.cell] = e.text;
        else delete sheetNotes[e.cell];
        return w.add(200 + utf8Length(e.text), () => {
          const n = ws().notes;
          if (!exists) n.add(e.cell, e.text);
          else if (e.text) n.getItem(e.cell).content = e.text;
          else n.getItem(e.cell).delete();
        });
      }
      case "markFill": {
        if (!this.has("1.6")) return void notDone.add(NOT_DONE.highlight);
        if (!e.on) {
          const ids = state.highlights?.[e.sheet]?.[e.cell] ?? [];
          return w.add(150 * ids.length, () => {
            const cfs = ws().getRange(e.cell).conditionalFormats;
            for (const id of ids) cfs.getItem(id).delete();
          });
        }
        return w.add(400, () => {
          const cf = ws().getRange(e.cell).conditionalFormats.add(Excel.ConditionalFormatType.custom);
          cf.custom.rule.formula = HIGHLIGHT_FORMULA;
          cf.custom.format.fill.color = e.color;
        });
      }
      case "select":
        return w.add(100, () => {
          const sheet = ws();
          sheet.activate();
          sheet.getRange(e.range).select();
        });
      case "chart":
        return w.add(400, () => {
          const sheet = ws();
          const chart = sheet.charts.add(e.type === "bar" ? Excel.ChartType.barClustered : Excel.ChartType.columnClustered, sheet.getRange(e.dataRange), Excel.ChartSeriesBy.columns);
          chart.title.text = e.title;
          chart.setPosition(e.anchor);
        });
    }
  }

  /** A block of values, split into row blocks that each fit a request. */
  private async queueValues(w: BlockWriter, e: Extract<Edit, { op: "setValues" }>, state: WorkbookState): Promise<void> {
    const r = parseRange(e.range);
    const cols = e.values[0]?.length ?? 0;
    if (!cols) return;
    const formats = state.numberFormats?.[e.sheet];
    const rows = e.values.map((row, i) =>
      row.map((v, j) => toExcelInput(state.date1904 && isDateCell(w.dateRanges(e.sheet), formats, r.top + i, r.left + j) ? to1904(v) : v)),
    );
    let start = 0;
    while (start < rows.length) {
      // Fill what is left of the request being queued before starting another, so that a
      // plan's column after column of formulas takes as few requests as its bytes need.
      const first = COMMAND_BYTES + jsonBytes(rows[start]) + 1;
      const limit = w.room() >= first ? w.room() : BLOCK_BYTES;
      let bytes = COMMAND_BYTES;
      let end = start;
      while (end < rows.length) {
        const b = jsonBytes(rows[end]) + 1;
        if (end > start && bytes + b > limit) break;
        bytes += b;
        end++;
      }
      const block = rows.slice(start, end);
      const top = r.top - 1 + start;
      await w.add(bytes, () => {
        const target = w.context.workbook.worksheets.getItem(e.sheet).getRangeByIndexes(top, r.left - 1, block.length, cols);
        target.formulas = block as unknown as string[][];
      });
      start = end;
    }
  }

  /**
   * Turn Office.js failures into Vietnamese messages; nothing else escapes. Batches
   * that may meet a person typing in a cell wait for them (delayForCellEdit).
   */
  private async guard<T>(f: Batch<T>, phase: () => OfficePhase = () => "read", delayForCellEdit = false): Promise<T> {
    try {
      return await this.run({ delayForCellEdit }, f);
    } catch (e) {
      if (e instanceof HostError) throw e;
      throw new HostError("office", officeErrorMessage(e, phase()), e);
    }
  }
}

/**
 * Queues commands and syncs whenever the next one would take the request past
 * BLOCK_BYTES, so every request is sized before it is sent.
 */
class BlockWriter {
  private bytes = 0;
  private queued = 0;
  /** Date-formatted ranges the plan sets (sheet → ranges), for the 1904 conversion of values written after them. */
  private readonly dates = new Map<string, { top: number; left: number; bottom: number; right: number }[]>();
  constructor(
    readonly context: Excel.RequestContext,
    private readonly onFirstSync: () => void,
  ) {}

  /** Queue a command of `bytes`, sending what is queued first when it would not fit in the same request. */
  async add(bytes: number, queue: () => void): Promise<void> {
    const cost = bytes + COMMAND_BYTES;
    if (this.queued && this.bytes + cost > BLOCK_BYTES) {
      this.onFirstSync();
      await this.context.sync();
      this.bytes = 0;
      this.queued = 0;
    }
    queue();
    this.bytes += cost;
    this.queued++;
  }

  /** Bytes a command may still take without sending what is queued first. */
  room(): number {
    return this.queued ? BLOCK_BYTES - this.bytes - COMMAND_BYTES : BLOCK_BYTES;
  }

  dateRanges(sheet: string) {
    return this.dates.get(sheet) ?? [];
  }

  noteDateFormat(sheet: string, range: string): void {
    const r = parseRange(range);
    this.dates.set(sheet, [...this.dateRanges(sheet), r]);
  }

  async flush(): Promise<void> {
    if (this.queued) await this.context.sync();
  }
}

function structuredCloneNotes(n: WorkbookState["notes"]): Record<string, Record<string, string>> {
  return Object.fromEntries(Object.entries(n ?? {}).map(([k, v]) => [k, { ...v }]));
}

interface Grid {
  values: CellValue[][];
  numberFormats: (string | null)[][];
  formulas: (string | null)[][];
  read: number;
}

function emptyGrid(top: number): Grid {
  const pad = () => Array.from({ length: top }, () => []);
  return { values: pad(), numberFormats: pad(), formulas: pad(), read: 0 };
}

/** Rows read from Excel, padded on the left so the grid starts at column A; dates moved to the 1900 system. */
function addRows(g: Grid, left: number, values: unknown[][], formulas: unknown[][], formats: unknown[][], date1904: boolean): void {
  values.forEach((row, i) => {
    const fmts = formats[i].map((f) => (typeof f === "string" ? f : null));
    const pad = <T>(empty: T) => Array.from({ length: left }, () => empty);
    g.values.push([...pad<CellValue>(null), ...row.map((v, j) => fromExcel(v, fmts[j], date1904))]);
    g.numberFormats.push([...pad<string | null>(null), ...fmts]);
    g.formulas.push([...pad<string | null>(null), ...formulas[i].map((f) => (typeof f === "string" && f.startsWith("=") ? f : null))]);
  });
}

function fromExcel(v: unknown, format: string | null, date1904: boolean): CellValue {
  if (v === "" || v === undefined || v === null) return null;
  if (typeof v === "number") return date1904 && isDateFormat(format) ? v + 1462 : v;
  if (typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

function isDateCell(planned: { top: number; left: number; bottom: number; right: number }[], read: (string | null)[][] | undefined, row: number, col: number): boolean {
  if (planned.some((r) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right)) return true;
  return isDateFormat(read?.[row - 1]?.[col - 1] ?? null);
}

function to1904(v: CellInput): CellInput {
  return typeof v === "number" ? v - 1462 : v;
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
        throw new HostError("protected", `Trang tính "${e.sheet}" đang được bảo vệ; hãy bỏ bảo vệ trang tính (Xem lại → Bỏ bảo vệ trang tính) rồi thử lại. Chưa có thay đổi nào được ghi.`);
      }
    }
  }
}

/**
 * Text Excel would turn into something else when written through `formulas`: a
 * formula ("=…", "+…", "-…", "@…"), a boolean ("TRUE"), a number ("01", "1E5", "50%",
 * "1,000"), an error value ("#N/A"), a date or time ("10/2026", "1/2/26", "9:30"), or
 * text that starts with the apostrophe Excel itself strips.
 */
export function wouldCoerce(text: string): boolean {
  const t = text.trim();
  return (
    startsLikeFormula(text) ||
    text.startsWith("'") ||
    /^(true|false)$/i.test(t) ||
    /^#/.test(t) ||
    /^[\d\s.,%/:()$€+-]+$/.test(t) ||
    /^[+-]?(\d[\d,]*)?\.?\d*e[+-]?\d+%?$/i.test(t)
  );
}

/** A value for `range.formulas`: formulas as written; text Excel would coerce keeps Excel's text prefix (') so it stays text. */
export function toExcelInput(v: CellInput): string | number | boolean {
  if (isFormula(v)) return v.formula;
  if (v === null) return "";
  if (typeof v === "string" && wouldCoerce(v)) return `'${v}`;
  return v;
}

function stripSheet(address: string): string {
  return address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
}

function colLetters(col: number): string {
  return a1(1, col).replace(/\d+$/, "");
}

function cellCount(range: string): number {
  const r = parseRange(range);
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
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
  } else if (s.borderBottom) {
    f.borders.getItem("EdgeBottom").style = "Continuous";
  } else if (s.borderBottom === false) {
    f.borders.getItem("EdgeBottom").style = "None";
  }
  if (s.numberFormat) {
    const r = parseRange(address);
    range.numberFormat = Array.from({ length: r.bottom - r.top + 1 }, () => Array.from({ length: r.right - r.left + 1 }, () => s.numberFormat!));
  }
}
