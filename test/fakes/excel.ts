/* eslint-disable @typescript-eslint/no-this-alias -- the fake mirrors Office.js proxies that close over their workbook */
/**
 * A thin recording fake of the slice of Office.js's Excel API the Excel host uses.
 * It keeps cell values so reads see writes, counts `context.sync()` calls, and logs
 * every write. Like the real API, values loaded before a sync are only readable
 * after it. Nothing else of the product lives here.
 */
import { parseRange, a1, columnLetter } from "../../src/domain/address";

type Cell = { value: unknown; formula: string | null; numberFormat: string };

export interface FakeSheetInit {
  name: string;
  values: unknown[][];
  protected?: boolean;
  merges?: string[];
}

export class FakeWorkbook {
  syncs = 0;
  readonly log: string[] = [];
  readonly sheets: FakeSheet[] = [];
  readonly names: { name: string; formula: string }[] = [];
  active = 0;

  constructor(init: FakeSheetInit[]) {
    for (const s of init) this.sheets.push(new FakeSheet(this, s));
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw Object.assign(new Error(`ItemNotFound ${name}`), { code: "ItemNotFound" });
    return s;
  }

  /** `Excel.run` for the host: a fresh context per batch, sharing this workbook. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const pending: (() => void)[] = [];
    const context = {
      workbook: this.workbookProxy(pending),
      sync: async () => {
        this.syncs++;
        for (const p of pending.splice(0)) p();
      },
    };
    return batch(context as unknown as Excel.RequestContext);
  };

  private workbookProxy(pending: (() => void)[]) {
    const wb = this;
    const sheetsCollection = {
      items: [] as unknown[],
      load() {
        pending.push(() => {
          sheetsCollection.items = wb.sheets.map((s) => ({ name: s.name, protection: { protected: s.protected } }));
        });
      },
      getItem: (name: string) => wb.sheetProxy(name, pending),
      getActiveWorksheet: () => wb.sheetProxy(wb.sheets[wb.active].name, pending),
      add: (name: string) => {
        wb.log.push(`addSheet ${name}`);
        wb.sheets.push(new FakeSheet(wb, { name, values: [] }));
      },
    };
    const namesCollection = {
      items: [] as unknown[],
      load() {
        pending.push(() => (namesCollection.items = wb.names.map((n) => ({ ...n }))));
      },
      add: (name: string, formula: string) => {
        wb.log.push(`defineName ${name}`);
        wb.names.push({ name, formula });
      },
    };
    return {
      worksheets: sheetsCollection,
      names: namesCollection,
      comments: { add: (cell: string, text: string) => wb.log.push(`comment ${cell} ${text}`) },
    };
  }

  private sheetProxy(name: string, pending: (() => void)[]) {
    const wb = this;
    const proxy = {
      name: "",
      load() {
        pending.push(() => (proxy.name = wb.sheet(name).name));
      },
      protection: {
        protected: false,
        load() {
          pending.push(() => (proxy.protection.protected = wb.sheet(name).protected));
        },
      },
      activate: () => wb.log.push(`activate ${name}`),
      getUsedRangeOrNullObject: () => wb.sheet(name).usedRangeProxy(pending),
      getRange: (address?: string) => wb.sheet(name).rangeProxy(address ?? "A1:XFD1048576", pending),
      getRangeByIndexes: (r: number, c: number, rows: number, cols: number) =>
        wb.sheet(name).rangeProxy(`${a1(r + 1, c + 1)}:${a1(r + rows, c + cols)}`, pending),
      freezePanes: { freezeRows: (n: number) => wb.log.push(`freezeRows ${name} ${n}`) },
      pageLayout: { setPrintTitleRows: (rows: string) => wb.log.push(`printTitles ${name} ${rows}`) },
      charts: {
        add: () => {
          wb.log.push(`chart ${name}`);
          return { title: {}, setPosition: () => undefined };
        },
      },
      notes: {
        add: (cell: string, text: string) => wb.log.push(`note ${cell} ${text}`),
        getItemOrNullObject: (cell: string) => ({ delete: () => wb.log.push(`deleteNote ${cell}`) }),
      },
    };
    return proxy;
  }
}

export class FakeSheet {
  readonly cells = new Map<string, Cell>();
  name: string;
  protected: boolean;
  merges: string[];

  constructor(
    private readonly wb: FakeWorkbook,
    init: FakeSheetInit,
  ) {
    this.name = init.name;
    this.protected = init.protected ?? false;
    this.merges = init.merges ?? [];
    init.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== undefined && v !== "") this.cells.set(`${r + 1},${c + 1}`, { value: v, formula: null, numberFormat: "General" });
      }),
    );
  }

  get(row: number, col: number): Cell | undefined {
    return this.cells.get(`${row},${col}`);
  }

  bounds(): { top: number; left: number; bottom: number; right: number } | null {
    if (this.cells.size === 0) return null;
    let top = Infinity, left = Infinity, bottom = 0, right = 0;
    for (const k of this.cells.keys()) {
      const [r, c] = k.split(",").map(Number);
      top = Math.min(top, r); left = Math.min(left, c); bottom = Math.max(bottom, r); right = Math.max(right, c);
    }
    return { top, left, bottom, right };
  }

  usedRangeProxy(pending: (() => void)[]) {
    const proxy = {
      isNullObject: false,
      values: [] as unknown[][],
      numberFormat: [] as unknown[][],
      formulas: [] as unknown[][],
      rowIndex: 0,
      columnIndex: 0,
      address: "",
      load: () => {
        pending.push(() => {
          const b = this.bounds();
          if (!b) {
            proxy.isNullObject = true;
            return;
          }
          proxy.rowIndex = b.top - 1;
          proxy.columnIndex = b.left - 1;
          proxy.address = `${this.name}!${a1(b.top, b.left)}:${a1(b.bottom, b.right)}`;
          for (let r = b.top; r <= b.bottom; r++) {
            const vals: unknown[] = [], fmts: unknown[] = [], fs: unknown[] = [];
            for (let c = b.left; c <= b.right; c++) {
              const cell = this.get(r, c);
              vals.push(cell?.value ?? "");
              fmts.push(cell?.numberFormat ?? "General");
              fs.push(cell?.formula ?? cell?.value ?? "");
            }
            proxy.values.push(vals);
            proxy.numberFormat.push(fmts);
            proxy.formulas.push(fs);
          }
        });
      },
    };
    return proxy;
  }

  rangeProxy(address: string, pending: (() => void)[]) {
    const sheet = this;
    const log = (what: string) => this.wb.log.push(`${what} ${this.name}!${address}`);
    // Whole rows ("2:2") and columns ("C:C") are ranges too.
    const rows = address.match(/^(\d+):(\d+)$/);
    const cols = address.match(/^([A-Z]+):([A-Z]+)$/);
    const r = rows
      ? { top: Number(rows[1]), bottom: Number(rows[2]), left: 1, right: 16384 }
      : cols
        ? parseRange(`${cols[1]}1:${cols[2]}1048576`)
        : parseRange(address);
    const recorder = (path: string) =>
      new Proxy({} as Record<string, unknown>, {
        set(_t, prop) {
          log(`${path}.${String(prop)}`);
          return true;
        },
        get(_t, prop) {
          if (prop === "getItem") return () => recorder(`${path}.item`);
          return recorder(`${path}.${String(prop)}`);
        },
      });
    const merged = {
      isNullObject: false,
      areas: { items: [] as { address: string }[] },
      load: () => {
        pending.push(() => {
          merged.areas.items = sheet.merges.map((m) => ({ address: `${sheet.name}!${m}` }));
          merged.isNullObject = sheet.merges.length === 0;
        });
      },
    };
    return {
      set formulas(grid: unknown[][]) {
        log("formulas");
        grid.forEach((row, i) =>
          row.forEach((v, j) => {
            const key = `${r.top + i},${r.left + j}`;
            if (v === "" || v === null) sheet.cells.delete(key);
            else if (typeof v === "string" && v.startsWith("=")) sheet.cells.set(key, { value: 0, formula: v, numberFormat: "General" });
            else sheet.cells.set(key, { value: typeof v === "string" ? v.replace(/^'/, "") : v, formula: null, numberFormat: sheet.cells.get(key)?.numberFormat ?? "General" });
          }),
        );
      },
      set numberFormat(grid: string[][]) {
        log("numberFormat");
        grid.forEach((row, i) => row.forEach((f, j) => {
          const key = `${r.top + i},${r.left + j}`;
          const cell = sheet.cells.get(key) ?? { value: null, formula: null, numberFormat: "General" };
          sheet.cells.set(key, { ...cell, numberFormat: f });
        }));
      },
      format: recorder("format"),
      dataValidation: recorder("dataValidation"),
      conditionalFormats: { add: () => (log("conditionalFormat"), { cellValue: recorder("cf") }) },
      merge: () => log("merge"),
      select: () => log("select"),
      getMergedAreasOrNullObject: () => merged,
      getEntireColumn: () => ({
        format: recorder("column.format"),
        set columnHidden(_v: boolean) {
          log("columnHidden");
        },
      }),
    };
  }
}

/** The enums the host reads from the global Excel namespace. */
export function installExcelGlobals(): void {
  (globalThis as unknown as { Excel: unknown }).Excel = {
    DataValidationOperator: { greaterThan: "GreaterThan" },
    ConditionalFormatType: { cellValue: "CellValue" },
    PageOrientation: { landscape: "Landscape", portrait: "Portrait" },
    PaperType: { a4: "A4" },
    ChartType: { barClustered: "BarClustered", columnClustered: "ColumnClustered" },
    ChartSeriesBy: { columns: "Columns" },
  };
}

export const colLetter = columnLetter;
