/**
 * Hand-made report workbooks for the consolidation tests: a seed layout with the
 * columns a department adds when it reports, filled with values written out in the
 * test itself, saved as a real .xlsx through ExcelJS and read back through the file
 * host, exactly as the command line reads an official's file.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../src/domain/snapshot";
import type { CliIO } from "../src/cli/io";
import { loadSeed } from "./seeds";
import { readBack, workbookOf } from "./xlsx";

/** A cell to write: a value, or a value with its number format (0.72 shown as "72%"). */
export type Typed = CellValue | { v: CellValue; fmt: string };

export interface SheetReport {
  /** The seed sheet to start from. */
  sheet: string;
  /** Row of the seed's header (1-based). */
  headerRow: number;
  /** Labels of the columns added to the right of the header. */
  add: string[];
  /** Sheet row → the added columns' values, in `add` order. */
  rows: Record<number, Typed[]>;
  /** Whole rows appended under the table (values from column A). */
  append?: CellValue[][];
}

function serial(iso: string): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** A completion date typed as a real Excel date. */
export function date(iso: string): Typed {
  return { v: serial(iso), fmt: "dd/mm/yyyy" };
}

export function reportSheet(seed: string, spec: SheetReport): SheetSnapshot {
  const src = loadSeed(seed).sheet(spec.sheet);
  const values = src.values.map((r) => [...r]);
  const formats = (src.numberFormats ?? values.map((r) => r.map(() => null))).map((r) => [...r]);
  const width = values[spec.headerRow - 1].length;
  const put = (row: number, col: number, t: Typed) => {
    while (values.length < row) values.push([]);
    while (formats.length < row) formats.push([]);
    while (values[row - 1].length < col) values[row - 1].push(null);
    while (formats[row - 1].length < col) formats[row - 1].push(null);
    if (t !== null && typeof t === "object") {
      values[row - 1][col - 1] = t.v;
      formats[row - 1][col - 1] = t.fmt;
    } else values[row - 1][col - 1] = t;
  };
  spec.add.forEach((label, i) => put(spec.headerRow, width + 1 + i, label));
  for (const [row, cells] of Object.entries(spec.rows)) cells.forEach((t, i) => put(Number(row), width + 1 + i, t));
  const start = values.length + 1;
  (spec.append ?? []).forEach((r, i) => r.forEach((v, c) => put(start + i, c + 1, v)));
  return { name: src.name, values, numberFormats: formats, merges: src.merges ?? [] };
}

export async function xlsxOf(sheets: SheetSnapshot[]): Promise<Uint8Array> {
  return workbookOf(sheets);
}

export async function snapshotOf(bytes: Uint8Array, fileName: string): Promise<WorkbookSnapshot> {
  return { ...(await readBack(bytes)), fileName };
}

/** An in-memory CliIO: files in a map, output captured. */
export function fakeIO(files: Record<string, Uint8Array>, today = "2026-06-20"): { io: CliIO; out: string[]; err: string[]; files: Record<string, Uint8Array> } {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readFile: async (p) => {
      if (!(p in files)) throw Object.assign(new Error("ENOENT"), { code: "ENOENT" });
      return files[p];
    },
    writeFile: async (p, d) => {
      files[p] = d;
    },
    exists: (p) => p in files,
    today: () => today,
  };
  return { io, out, err, files };
}
