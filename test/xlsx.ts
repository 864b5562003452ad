/**
 * Real .xlsx files for tests: the seed fixtures written through ExcelJS as an
 * official's workbook would hold them (text, numbers, number formats, merges).
 * ExcelJS plays "another program" here (as an official's spreadsheet would), and
 * the file host under test reads what it wrote.
 */
import ExcelJS from "exceljs";
import type { SheetSnapshot } from "../src/domain/snapshot";
import { loadSeed } from "./seeds";
import { readWorkbook } from "../src/hosts/file/read";

export function addSnapshotSheet(wb: ExcelJS.Workbook, s: SheetSnapshot): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(s.name);
  s.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null) return;
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = v;
      const fmt = s.numberFormats?.[r]?.[c];
      if (fmt) cell.numFmt = fmt;
    }),
  );
  for (const m of s.merges ?? []) ws.mergeCells(m);
  ws.columns.forEach((col, i) => {
    col.width = i === 1 ? 60 : 18;
  });
  return ws;
}

export async function workbookOf(sheets: SheetSnapshot[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) addSnapshotSheet(wb, s);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The seed's appendix sheets as an .xlsx file's bytes. */
export async function seedWorkbook(id: string): Promise<Uint8Array> {
  return workbookOf(loadSeed(id).sheets);
}

/** Read bytes back into a snapshot, through the same file host the CLI uses. */
export async function readBack(bytes: Uint8Array) {
  return readWorkbook(bytes, "test.xlsx");
}

/**
 * A file as another program leaves it after a person typed into it: loaded, changed
 * and saved by ExcelJS (an independent reader and writer of .xlsx).
 */
export async function typedInto(bytes: Uint8Array, type: (wb: ExcelJS.Workbook) => void | Promise<void>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  await type(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
