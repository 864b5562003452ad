/**
 * Real .xlsx files for tests: the seed fixtures written through ExcelJS as an
 * official's workbook would hold them (text, numbers, number formats, merges).
 */
import ExcelJS from "exceljs";
import type { SheetSnapshot } from "../src/domain/snapshot";
import { loadSeed } from "./seeds";
import { openWorkbook, snapshotWorkbook } from "../src/hosts/file/read";

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
  return snapshotWorkbook(await openWorkbook(bytes, "test.xlsx"));
}
