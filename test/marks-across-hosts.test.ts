/**
 * Marks made in Excel are taken off in the offline page, and the reverse (issue 14): the
 * record of the marks travels inside the workbook (a custom XML part), and whichever host
 * reads it takes off exactly the marks it lists, leaving the official's own notes and
 * cells as they were.
 *
 * Real Excel is not available, so the Excel side is the Office.js simulator (test/sim),
 * on a notes profile (Microsoft 365) and a highlight profile (Excel 2021), and the workbook
 * is carried between the hosts as a real .xlsx:
 * - from the simulator to a file: the workbook the official started from (written by
 *   ExcelJS), with what the simulator shows after the Excel host ran written into it by
 *   the file host: every note whose text differs, every highlight (a conditional format
 *   with the formula ISTEXT("NQ57")), and every custom XML part. The simulator's state is
 *   exported, not the edit list the Excel host was given, so anything the Excel host did
 *   differently from its plan travels too; the export is then read back and must show
 *   exactly what the simulator shows;
 * - from a file to the simulator: the file's cells, number formats and notes (the file
 *   host's snapshot), its highlights (read from the sheet's XML and the styles' dxfs) and
 *   its custom XML parts.
 */
import ExcelJS from "exceljs";
import { ExcelHost } from "../src/hosts/excel/host";
import { HIGHLIGHT_FORMULA } from "../src/domain/marks";
import { FileHost } from "../src/hosts/file/host";
import { openWorkbook, snapshotWorkbook } from "../src/hosts/file/read";
import { applyEdits, workbookBytes } from "../src/hosts/file/apply";
import { defaultCatalog } from "../src/domain/catalog";
import { MARKS_NAMESPACE, parseMarks } from "../src/domain/marks";
import { rootNamespace } from "../src/hosts/file/package/workbook";
import type { Edit } from "../src/domain/edits";
import type { CellValue } from "../src/domain/snapshot";
import { runCheck, runMarks, runUnmarks, type ActionEnv } from "../src/taskpane/actions";
import { SimWorkbook, installExcelGlobals, type CondFormat, type SimSheetInit } from "./sim/excel";
import { profile, type Profile } from "./sim/profiles";
import { sheetParts, unescapeXml, zipParts } from "./ooxml";

beforeAll(installExcelGlobals);
jest.setTimeout(60_000);

const catalog = defaultCatalog();
const AS_OF = "2026-06-20";
const SHEET = "Chỉ tiêu";

/** The official's own notes, one of them on a cell a finding will mark. */
const PERSON_NOTES: Record<string, string> = {
  C5: "Chờ phòng Kinh tế xác nhận đơn vị tính\n(đã gọi ngày 12/6)",
  B4: "Số liệu của Viettel, quý II",
};

/** An indicator table as an official typed it, with defects the check finds (C5, E6, D7), saved by ExcelJS. */
async function original(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  ws.addRow(["ỦY BAN NHÂN DÂN XÃ TÂN LỢI"]);
  ws.addRow([]);
  ws.addRow(["STT", "Nội dung chỉ tiêu", "Đơn vị tính", "Chỉ tiêu", "Đơn vị chủ trì", "Kết quả thực hiện"]);
  ws.addRow([1, "Tỷ lệ phủ sóng 5G trên địa bàn xã", "%", "≥ 60%", "Phòng Văn hóa - Xã hội", 0.72]);
  ws.addRow([2, "Tỷ lệ hộ gia đình có khả năng truy cập Internet băng rộng", null, "≥ 80%", "Phòng Văn hóa - Xã hội", 0.9]);
  ws.addRow([3, "Số sáng kiến cải tiến trong khu vực công", "Sáng kiến", "≥ 01", null, 2]);
  ws.addRow([4, "Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến", "%", "Tốt", "Trung tâm Phục vụ hành chính công", 0.95]);
  ws.getCell("F4").numFmt = "0%";
  for (const [cell, text] of Object.entries(PERSON_NOTES)) ws.getCell(cell).note = text;
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

// ───────────── carrying the workbook between the hosts ─────────────

/** The add-in's highlights in a file: cell → fill colour, from the sheet's XML and the styles' dxfs. */
function fileHighlights(bytes: Uint8Array, sheet: string): Record<string, string> {
  const parts = zipParts(bytes);
  const xml = parts.get(sheetParts(parts).get(sheet)!)!.toString("utf8");
  const dxfs = [...(parts.get("xl/styles.xml")!.toString("utf8").match(/<dxfs\b[^>]*>([\s\S]*?)<\/dxfs>/)?.[1] ?? "").matchAll(/<dxf>([\s\S]*?)<\/dxf>/g)].map(
    (m) => m[1].match(/<fgColor rgb="FF([0-9A-F]{6})"/i)?.[1],
  );
  const out: Record<string, string> = {};
  for (const cf of xml.matchAll(/<conditionalFormatting sqref="([^"]+)">([\s\S]*?)<\/conditionalFormatting>/g)) {
    for (const rule of cf[2].matchAll(/<cfRule ([^>]*)>\s*<formula>([\s\S]*?)<\/formula>/g)) {
      if (!/type="expression"/.test(rule[1]) || `=${unescapeXml(rule[2])}` !== HIGHLIGHT_FORMULA) continue;
      out[cf[1]] = `#${dxfs[Number(rule[1].match(/dxfId="(\d+)"/)![1])]}`.toUpperCase();
    }
  }
  return out;
}

/** The add-in's highlights the simulator shows on a sheet: cell → fill colour. */
function simHighlights(wb: SimWorkbook, sheet: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const cf of wb.sheet(sheet).condFormats) if (cf.formula === HIGHLIGHT_FORMULA) out[cf.range] = (cf.fill ?? "").toUpperCase();
  return out;
}

/** The add-in's custom XML parts: namespace → XML. */
function simCustomXml(wb: SimWorkbook): Record<string, string> {
  return Object.fromEntries(wb.customXml.map((p) => [rootNamespace(p.xml)!, p.xml]));
}

/** A simulator holding what a file holds: cells, formats, notes, the add-in's highlights and custom XML parts. */
async function simFromFile(bytes: Uint8Array, p: Profile): Promise<SimWorkbook> {
  const wb = await openWorkbook(bytes, "carried.xlsx");
  const sheets: SimSheetInit[] = snapshotWorkbook(wb).sheets.map((s) => ({
    name: s.name,
    values: s.values,
    numberFormats: s.numberFormats,
    merges: s.merges,
    notes: s.notes,
    condFormats: Object.entries(fileHighlights(bytes, s.name)).map(([range, fill]): Omit<CondFormat, "id"> => ({ range, type: "Custom", formula: HIGHLIGHT_FORMULA, fill })),
  }));
  return new SimWorkbook(sheets, { profile: p, customXml: Object.values(wb.ownCustomXml()) });
}

/** The file the official started from, holding what the simulator shows now (its notes, highlights and custom XML parts). */
async function fileFromSim(start: Uint8Array, sim: SimWorkbook): Promise<Uint8Array> {
  const wb = await openWorkbook(start, "start.xlsx");
  const edits: Edit[] = [];
  for (const s of snapshotWorkbook(wb).sheets) {
    const simSheet = sim.sheet(s.name);
    const shown = Object.fromEntries(simSheet.notes);
    for (const cell of new Set([...Object.keys(s.notes ?? {}), ...Object.keys(shown)])) {
      if ((s.notes ?? {})[cell] !== shown[cell]) edits.push({ op: "setNote", sheet: s.name, cell, text: shown[cell] ?? "" });
    }
    const had = fileHighlights(start, s.name);
    const has = simHighlights(sim, s.name);
    for (const [cell, color] of Object.entries(has)) if (had[cell] !== color) edits.push({ op: "markFill", sheet: s.name, cell, color, on: true });
    for (const [cell, color] of Object.entries(had)) if (!has[cell]) edits.push({ op: "markFill", sheet: s.name, cell, color, on: false });
  }
  const parts = simCustomXml(sim);
  for (const ns of new Set([...Object.keys(wb.ownCustomXml()), ...Object.keys(parts)])) edits.push({ op: "setCustomXml", namespace: ns, xml: parts[ns] ?? null });
  applyEdits(wb, edits);
  return workbookBytes(wb);
}

// ───────────── what each side shows ─────────────

interface Shown {
  values: CellValue[][];
  notes: Record<string, string>;
  highlights: Record<string, string>;
  record: string | null;
}

/** Rows as a grid compares: trailing empty cells and rows dropped. */
const trimmed = (values: CellValue[][]) => {
  const rows = values.map((r) => {
    const out = r.map((v) => (v === undefined || v === "" ? null : v));
    while (out.length && out[out.length - 1] === null) out.pop();
    return out;
  });
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
};

async function shownInFile(bytes: Uint8Array): Promise<Shown> {
  const wb = await openWorkbook(bytes, "f.xlsx");
  const s = snapshotWorkbook(wb).sheets.find((x) => x.name === SHEET)!;
  return { values: trimmed(s.values), notes: s.notes ?? {}, highlights: fileHighlights(bytes, SHEET), record: wb.ownCustomXml()[MARKS_NAMESPACE] ?? null };
}

function shownInSim(sim: SimWorkbook): Shown {
  const sheet = sim.sheet(SHEET);
  const b = sheet.bounds()!;
  const values: CellValue[][] = [];
  for (let r = 1; r <= b.bottom; r++) {
    const row: CellValue[] = [];
    for (let c = 1; c <= b.right; c++) {
      const v = sheet.valueAt(r, c);
      row.push(v === "" ? null : v);
    }
    values.push(row);
  }
  return { values: trimmed(values), notes: Object.fromEntries(sheet.notes), highlights: simHighlights(sim, SHEET), record: simCustomXml(sim)[MARKS_NAMESPACE] ?? null };
}

const excelEnv = (sim: SimWorkbook): ActionEnv => ({ host: new ExcelHost(sim.run, sim.supports), catalog, today: () => AS_OF });
const fileEnv = async (bytes: Uint8Array): Promise<{ env: ActionEnv; host: FileHost }> => {
  const host = new FileHost(await openWorkbook(bytes, "ke-hoach.xlsx"), "ke-hoach.xlsx");
  return { env: { host, catalog, today: () => AS_OF }, host };
};

async function markInExcel(start: Uint8Array, p: Profile) {
  const sim = await simFromFile(start, p);
  const env = excelEnv(sim);
  const report = await runCheck(env, SHEET, [SHEET]);
  const marked = await runMarks(env, report);
  return { sim, marked, cells: [...new Set(report.findings.map((f) => f.cell))] };
}

// ───────────── the tests ─────────────

let start: Uint8Array;
let before: Shown;
beforeAll(async () => {
  start = await original();
  before = await shownInFile(start);
  expect(before.notes).toEqual(PERSON_NOTES); // ExcelJS wrote the official's notes; the file host reads them
});

describe.each([
  ["Microsoft 365", "m365", "note"],
  ["Excel 2021", "excel2021", "fill"],
] as const)("marked in %s, taken off in the offline page", (_label, id, method) => {
  let carried: Uint8Array;
  let sim: SimWorkbook;
  let cells: string[];

  beforeAll(async () => {
    const m = await markInExcel(start, profile(id));
    expect(m.marked.method).toBe(method);
    expect(m.marked.notDone).toEqual([]);
    sim = m.sim;
    cells = m.cells;
    carried = await fileFromSim(start, sim);
  });

  it("the file carries what Excel shows: the marks, the official's notes, the record", async () => {
    expect(cells).toEqual(expect.arrayContaining(["C5", "E6", "D7"]));
    const inFile = await shownInFile(carried);
    expect(inFile).toEqual(shownInSim(sim));
    const record = parseMarks(inFile.record!)!;
    expect(record[SHEET].map((c) => c.cell).sort()).toEqual([...cells].sort());
    if (method === "note") {
      // The official's note on C5 stays on top of the add-in's, and B4's is untouched.
      expect(inFile.notes.C5.startsWith(`${PERSON_NOTES.C5}\n\n`)).toBe(true);
      expect(inFile.notes.B4).toBe(PERSON_NOTES.B4);
      expect(Object.keys(inFile.highlights)).toEqual([]);
    } else {
      expect(Object.keys(inFile.highlights).sort()).toEqual([...cells].sort());
      expect(inFile.notes).toEqual(PERSON_NOTES);
    }
  });

  it("the offline page takes them off: notes and cells as they were, no record left", async () => {
    const { env, host } = await fileEnv(carried);
    const done = await runUnmarks(env, SHEET);
    expect(done).toEqual({ count: cells.length, notDone: [] });
    const after = await shownInFile(await host.bytes());
    expect(after.notes).toEqual(PERSON_NOTES);
    expect(after.highlights).toEqual({});
    expect(after.record).toBeNull();
    expect(after.values).toEqual(before.values);
  });

  it("and the same file, back in Excel 2021, is unmarked there too (highlights) or reported (notes)", async () => {
    const back = await simFromFile(carried, profile("excel2021"));
    const done = await runUnmarks(excelEnv(back), SHEET);
    const after = shownInSim(back);
    expect(after.highlights).toEqual({});
    expect(after.values).toEqual(before.values);
    if (method === "fill") {
      expect(done).toEqual({ count: cells.length, notDone: [] });
      expect(after.notes).toEqual(PERSON_NOTES);
      expect(after.record).toBeNull();
    } else {
      // Excel 2021 cannot write notes: it says so, and the record keeps the note marks for a host that can.
      expect(done.count).toBe(0);
      expect(done.notDone).toEqual([expect.stringContaining("ExcelApi 1.18")]);
      expect(parseMarks(after.record!)![SHEET].map((c) => c.cell).sort()).toEqual([...cells].sort());
      const { env, host } = await fileEnv(await fileFromSim(carried, back));
      expect(await runUnmarks(env, SHEET)).toEqual({ count: cells.length, notDone: [] });
      expect((await shownInFile(await host.bytes())).notes).toEqual(PERSON_NOTES);
    }
  });
});

describe("marked in the offline page, taken off in Excel", () => {
  let marked: Uint8Array;
  let cells: string[];

  beforeAll(async () => {
    const { env, host } = await fileEnv(start);
    const report = await runCheck(env, SHEET, [SHEET]);
    const done = await runMarks(env, report);
    expect(done).toMatchObject({ method: "note", notDone: [] });
    cells = [...new Set(report.findings.map((f) => f.cell))];
    marked = await host.bytes();
  });

  it("the file holds the notes, the official's above the add-in's, and the record", async () => {
    const inFile = await shownInFile(marked);
    expect(Object.keys(inFile.notes).sort()).toEqual([...new Set([...cells, "B4"])].sort());
    expect(inFile.notes.C5.startsWith(`${PERSON_NOTES.C5}\n\n`)).toBe(true);
    expect(parseMarks(inFile.record!)![SHEET].map((c) => c.cell).sort()).toEqual([...cells].sort());
  });

  it("Microsoft 365 takes them off: notes and cells as they were, no record left", async () => {
    const sim = await simFromFile(marked, profile("m365"));
    expect(shownInSim(sim)).toEqual(await shownInFile(marked)); // the simulator was loaded with what the file holds
    const done = await runUnmarks(excelEnv(sim), SHEET);
    expect(done).toEqual({ count: cells.length, notDone: [] });
    const after = shownInSim(sim);
    expect(after.notes).toEqual(PERSON_NOTES);
    expect(after.record).toBeNull();
    expect(after.values).toEqual(before.values);
  });

  it("Excel 2021 marks again by highlight and keeps the page's note marks in the record, which the page then takes off", async () => {
    const sim = await simFromFile(marked, profile("excel2021"));
    const env = excelEnv(sim);
    const again = await runMarks(env, await runCheck(env, SHEET, [SHEET]));
    expect(again.method).toBe("fill");
    expect(again.notDone).toEqual([expect.stringContaining("ExcelApi 1.18")]);
    const record = parseMarks(shownInSim(sim).record!)![SHEET];
    expect(record.filter((c) => c.kind === "note").map((c) => c.cell).sort()).toEqual([...cells].sort());
    expect(record.filter((c) => c.kind === "fill").map((c) => c.cell).sort()).toEqual([...cells].sort());
    // In the page, every mark comes off: Excel's highlights and the page's own notes.
    const { env: page, host } = await fileEnv(await fileFromSim(marked, sim));
    expect(await runUnmarks(page, SHEET)).toEqual({ count: 2 * cells.length, notDone: [] });
    const after = await shownInFile(await host.bytes());
    expect([after.notes, after.highlights, after.record]).toEqual([PERSON_NOTES, {}, null]);
    expect(after.values).toEqual(before.values);
  });
});
