/**
 * `phuluc insert` end to end: the file it writes, read back the way the other
 * commands read workbooks (the file host and the domain's reader), and by ExcelJS as
 * an independent reader of what the package layer wrote (validations, conditional
 * formats, print setup, panes).
 */
import ExcelJS from "exceljs";
import { runInsert, settingCell, tableOf } from "./insert-scenario";
import { seedWorkbook } from "./xlsx";
import { loadSeed } from "./seeds";
import { openWorkbook, readWorkbook } from "../src/hosts/file/read";
import { catalogWithListSheet, defaultCatalog } from "../src/domain/catalog";
import { findCommune } from "../src/domain/match";
import { markerOf, printableWidth } from "../src/domain/layout";
import { usage } from "../src/cli/commands/insert";
import type { WorkbookSnapshot } from "../src/domain/snapshot";
import { clean } from "../src/domain/text";

const catalog = defaultCatalog();

/** ExcelJS's reading of a file, independent of ours. */
async function excelJs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

async function read(bytes: Uint8Array | undefined): Promise<{ wb: ExcelJS.Workbook; snap: WorkbookSnapshot }> {
  if (!bytes) throw new Error("no output written");
  return { wb: await excelJs(bytes), snap: await readWorkbook(bytes, "out.xlsx") };
}

describe("phuluc insert --mau bao-cao: a new workbook in the report form", () => {
  let wb: ExcelJS.Workbook;
  let snap: WorkbookSnapshot;
  let out: string;

  beforeAll(async () => {
    const r = await runInsert(["--xa", "Tan Loi", "--nam", "2026", "--mau", "bao-cao", "-o", "tan-loi.xlsx"]);
    expect(r.code).toBe(0);
    out = r.out;
    ({ wb, snap } = await read(r.bytes));
  });

  it("creates the two appendices and the Danh mục sheet, and says so", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Phụ lục I", "Phụ lục II", "Danh mục"]);
    expect(out).toContain('"Phụ lục I"');
    expect(out).toContain('"Phụ lục II"');
    expect(out).toContain('Đã ghi tệp "tan-loi.xlsx"');
  });

  it("lays out Appendix I so the domain's reader finds every indicator of the catalog", () => {
    const sheet = snap.sheets.find((s) => s.name === "Phụ lục I")!;
    const t = tableOf(sheet);
    expect(t.kind).toBe("indicators");
    expect(t.columns.map((c) => c.label)).toEqual([
      "STT",
      "Mã",
      "Nội dung chỉ tiêu",
      "Đơn vị tính",
      "Chỉ tiêu năm 2026",
      "Đơn vị chủ trì",
      "Đơn vị phối hợp",
      "Kết quả thực hiện",
      "Tỷ lệ đạt (%)",
      "Đánh giá",
      "Ghi chú",
      // hidden helpers (L and M, which read the target, are the template's own and have no role)
      "Dạng chuẩn của kết quả (tự động)",
      "Dạng số của kết quả (tự động)",
    ]);
    expect(t.columns.map((c) => c.role)).toEqual([
      "number",
      "code",
      "name",
      "unit",
      "target",
      "lead",
      "coordinating",
      "result",
      "rate",
      "verdict",
      "note",
      "resultText",
      "resultValue",
    ]);
    const items = t.rows.filter((r) => r.kind === "indicator");
    expect(items.map((r) => r.cells.code?.text)).toEqual(catalog.indicators.map((i) => i.code));
    // The reader hands over cleaned text (straight quotes for “ ”), as it does for any sheet.
    expect(items.map((r) => r.cells.name?.text)).toEqual(catalog.indicators.map((i) => clean(i.name)));
    expect(items.map((r) => r.cells.name?.value)).toEqual(catalog.indicators.map((i) => i.name));
    // Group rows declare their counts, and the rows add up to them.
    const groups = t.rows.filter((r) => r.kind === "group");
    expect(groups.map((g) => g.number)).toEqual(["I", "II", "III", "IV"]);
    for (const g of groups) {
      const n = t.rows.filter((r) => r.kind === "indicator" && r.group === g.group).length;
      expect([g.title, g.declaredCount]).toEqual([g.title, n]);
    }
    expect(groups[0].title).toBe("Phát triển hạ tầng số (04 chỉ tiêu)");
    expect(groups[1].title).toBe("Phát triển nguồn nhân lực (07 chỉ tiêu)");
  });

  it("writes numeric targets as numbers formatted as officials write them, qualitative ones as text", () => {
    const t = tableOf(snap.sheets.find((s) => s.name === "Phụ lục I")!);
    const target = (code: string) => t.rows.find((r) => r.cells.code?.text === code)!.cells.target!;
    expect(target("HT-01")).toMatchObject({ value: 0.6, numberFormat: '"≥ "0%' });
    expect(target("NL-02")).toMatchObject({ value: 1, numberFormat: "0%" }); // "100%": nothing can exceed it
    expect(target("KH-03")).toMatchObject({ value: 2, numberFormat: '"≥ "0' });
    expect(target("NL-01")).toMatchObject({ value: 0.01, numberFormat: '"≥ "0%' });
    expect(target("HT-04").value).toBe("Tiên tiến, hiện đại");
  });

  it("names the default lead bodies as a commune writes them", () => {
    const t = tableOf(snap.sheets.find((s) => s.name === "Phụ lục I")!);
    const lead = (code: string) => t.rows.find((r) => r.cells.code?.text === code)!.cells.lead!.text;
    expect(lead("HT-01")).toBe("Phòng Văn hóa - Xã hội");
    expect(lead("CDS-16")).toBe("Công an xã");
    expect(lead("CDS-22")).toBe("Trạm Y tế xã");
    expect(lead("NL-01")).toBe("Phòng Kinh tế"); // a ward's "Phòng Kinh tế, Hạ tầng và Đô thị" in the seeds
    expect(lead("CDS-13")).toBe("Văn phòng HĐND và UBND xã");
  });

  it("carries the Decree 30 heading and the plan reference", () => {
    const t = tableOf(snap.sheets.find((s) => s.name === "Phụ lục I")!);
    expect(t.heading).toEqual(
      expect.arrayContaining([
        "ỦY BAN NHÂN DÂN",
        "XÃ TÂN LỢI",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "PHỤ LỤC I",
        "DANH MỤC CÁC CHỈ TIÊU CỤ THỂ NĂM 2026",
        "(Kèm theo Kế hoạch số …/KH-UBND ngày … tháng … năm 2026 của UBND xã Tân Lợi)",
        "Ngày báo cáo:",
      ]),
    );
    expect(findCommune(catalog, t.heading)?.commune?.name).toBe("Tân Lợi");
    const ws = wb.getWorksheet("Phụ lục I")!;
    expect(ws.getCell("A1").font).toMatchObject({ name: "Times New Roman", size: 13, bold: true });
    expect(ws.getCell("D2").font).toMatchObject({ name: "Times New Roman", size: 14, bold: true }); // the motto
    expect(ws.getCell("A4").font).toMatchObject({ name: "Times New Roman", size: 14, bold: true });
    expect(ws.getCell("A6").font).toMatchObject({ name: "Times New Roman", size: 13, italic: true });
    expect(ws.getCell("C12").font).toMatchObject({ name: "Times New Roman", size: 12 });
    // Rule lines under the issuing body and under the motto: bottom borders in the thin row 3.
    const ruled = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => ws.getCell(3, from + i).border?.bottom?.style ?? null);
    expect(ruled(1, 3)).toContain("thin");
    expect(ruled(4, 11)).toContain("thin");
    expect(ruled(4, 11)).toContain(null); // under the motto only, not the whole block
  });

  it("lays out Appendix II for the 6 rõ, with the report date and the due-soon window", () => {
    const sheet = snap.sheets.find((s) => s.name === "Phụ lục II")!;
    const t = tableOf(sheet);
    expect(t.kind).toBe("tasks");
    expect(t.columns.map((c) => c.label)).toEqual([
      "TT",
      "Mã",
      "Nhiệm vụ",
      "Sản phẩm đầu ra",
      "KPI đo lường",
      "Đơn vị chủ trì",
      "Đơn vị phối hợp",
      "Thời hạn hoàn thành",
      "Hạn hoàn thành (ngày)",
      "Tình trạng",
      "Ngày hoàn thành",
      "Cảnh báo",
      "Ghi chú",
      "Dạng chuẩn của ngày hoàn thành (tự động)",
      "Dạng số của ngày hoàn thành (tự động)",
    ]);
    expect(t.columns.map((c) => c.role)).toEqual([
      "number",
      "code",
      "name",
      "output",
      "kpi",
      "lead",
      "coordinating",
      "deadline",
      "dueDate",
      "status",
      "completedOn",
      "flag",
      "note",
      "completedText",
      "completedValue",
    ]);
    const groups = t.rows.filter((r) => r.kind === "group").map((g) => g.title ?? "");
    expect(groups).toHaveLength(6);
    for (const word of ["tuyên truyền", "thể chế, chính sách", "hạ tầng", "nhân lực", "hệ thống chính trị", "doanh nghiệp"]) {
      expect([word, groups.some((g) => g.toLowerCase().includes(word))]).toEqual([word, true]);
    }
    expect(t.rows.filter((r) => r.kind === "task")).toHaveLength(0); // empty rows are not tasks
    const report = settingCell(sheet, "Ngày báo cáo");
    const window = settingCell(sheet, "Số ngày cảnh báo sắp đến hạn");
    const ws = wb.getWorksheet("Phụ lục II")!;
    expect(ws.getCell(report).value).toMatchObject({ formula: "TODAY()" });
    expect(ws.getCell(report).numFmt).toBe("dd/mm/yyyy");
    expect(ws.getCell(window).value).toBe(15);
    // Every flag formula points at those two cells, absolutely.
    const abs = (a: string) => a.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
    const flagCol = t.columns.find((c) => c.role === "flag")!.col;
    const flags = sheet.formulas!.slice(t.headerRow).map((r) => r[flagCol - 1]).filter(Boolean) as string[];
    expect(flags).toHaveLength(30);
    for (const f of flags) {
      expect(f).toContain(abs(report));
      expect(f).toContain(abs(window));
    }
  });

  it("guides input with drop-downs, a date rule and colours", () => {
    const wsI = wb.getWorksheet("Phụ lục I")!;
    const t = tableOf(snap.sheets.find((s) => s.name === "Phụ lục I")!);
    const row = t.rows.find((r) => r.cells.code?.text === "HT-01")!.row;
    const col = (role: string) => t.columns.find((c) => c.role === role)!.col;
    expect(wsI.getCell(row, col("unit")).dataValidation).toMatchObject({ type: "list", formulae: ["NQ57_DS_DVT"], promptTitle: "Đơn vị tính" });
    expect(wsI.getCell(row, col("lead")).dataValidation).toMatchObject({ type: "list", formulae: ["NQ57_DS_DONVI"] });
    const wsII = wb.getWorksheet("Phụ lục II")!;
    const tt = tableOf(snap.sheets.find((s) => s.name === "Phụ lục II")!);
    const c2 = (role: string) => tt.columns.find((c) => c.role === role)!.col;
    const taskRow = tt.headerRow + 2;
    expect(wsII.getCell(taskRow, c2("status")).dataValidation).toMatchObject({ type: "list", formulae: ["NQ57_DS_TINHTRANG"] });
    expect(wsII.getCell(taskRow, c2("status")).dataValidation.prompt).toContain("Chưa thực hiện, Đang thực hiện hoặc Hoàn thành");
    expect(wsII.getCell(taskRow, c2("completedOn")).dataValidation).toMatchObject({ type: "date", promptTitle: "Ngày hoàn thành" });
    type Rule = { priority: number; formulae?: string[]; style?: { fill?: { bgColor?: { argb?: string } } } };
    const rules = (ws: ExcelJS.Worksheet) => (ws as unknown as { conditionalFormattings: { rules: Rule[] }[] }).conditionalFormattings.flatMap((cf) => cf.rules);
    const colours = (ws: ExcelJS.Worksheet) =>
      Object.fromEntries(rules(ws).map((r) => [String(r.formulae?.[0]).replace(/"/g, ""), r.style?.fill?.bgColor?.argb]));
    expect(colours(wsI)).toEqual({ "Chưa đạt": "FFFFC7CE", "Đạt": "FFC6EFCE", "Vượt": "FFC6EFCE" });
    expect(colours(wsII)).toEqual({ "Quá hạn": "FFFFC7CE", "Sắp đến hạn": "FFFFEB9C", "Hoàn thành quá hạn": "FFFFEB9C", "Hoàn thành": "FFC6EFCE" });
    // Each rule has its own priority within a sheet.
    for (const ws of [wsI, wsII]) expect(new Set(rules(ws).map((r) => r.priority)).size).toBe(rules(ws).length);
  });

  it("is print-ready: A4 landscape, the decree's margins, one page wide unshrunk, header repeated, panes frozen, helpers hidden", () => {
    for (const name of ["Phụ lục I", "Phụ lục II"]) {
      const ws = wb.getWorksheet(name)!;
      // Designed one page wide: printed as it is, never shrunk to fit (LibreOffice shrinks a sheet that fits).
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape" });
      expect(ws.pageSetup.fitToPage ?? false).toBe(false);
      expect(ws.pageSetup.printTitlesRow?.replace(/\$/g, "")).toBe("9:9");
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 9 });
      expect(decreeMargins(ws)).toEqual({ top: 20, bottom: 20, left: 30, right: 15 });
      // The columns fit A4 landscape at 12 pt: fit-to-width never has to shrink the text.
      expect(visibleWidth(ws, name === "Phụ lục I" ? 11 : 13)).toBeLessThanOrEqual(printableWidth());
    }
    const ws = wb.getWorksheet("Phụ lục I")!;
    // L–O read the target and the result once for the rate and verdict: hidden, never printed.
    expect([11, 12, 13, 14, 15].map((c) => ws.getColumn(c).hidden)).toEqual([false, true, true, true, true]);
    // Appendix II: N and O read the completion date once for the flag.
    const tasks = wb.getWorksheet("Phụ lục II")!;
    expect([13, 14, 15].map((c) => tasks.getColumn(c).hidden)).toEqual([false, true, true]);
    expect(ws.getColumn(3).width).toBeGreaterThan(30);
    expect(wb.getWorksheet("Danh mục")!.state).toBe("hidden");
  });

  it("marks its sheets so later commands recognise them, through ExcelJS", () => {
    expect(markerOf(snap.names, "Phụ lục I")).toMatchObject({ kind: "indicators", version: catalog.version, range: "A9:K9" });
    expect(markerOf(snap.names, "PHỤ LỤC II")).toMatchObject({ kind: "tasks", version: catalog.version, range: "A9:M9" });
    expect(markerOf(snap.names, "Danh mục")).toMatchObject({ kind: "lists" });
  });

  it("writes a Danh mục sheet that catalogWithListSheet reads back to the same indicators", () => {
    const list = snap.sheets.find((s) => s.name === "Danh mục")!;
    const { catalog: back, replaced } = catalogWithListSheet(catalog, list);
    expect(replaced).toBe(catalog.indicators.length);
    // Names compare cleaned: catalogWithListSheet takes the reader's text (“phi tiếp xúc” → "phi tiếp xúc").
    const core = (c: typeof catalog) =>
      c.indicators.map((i) => ({ code: i.code, group: i.group, name: clean(i.name), unit: i.unit, target: i.target }));
    expect(core(back)).toEqual(core(catalog));
  });
});

describe("phuluc insert: the plan form, by default", () => {
  let wb: ExcelJS.Workbook;
  let snap: WorkbookSnapshot;
  let out: string;

  beforeAll(async () => {
    const r = await runInsert(["--xa", "Tân Lợi", "--nam", "2026", "--so-ke-hoach", "45", "--ngay-ke-hoach", "2026-03-05", "-o", "ke-hoach.xlsx"]);
    expect(r.code).toBe(0);
    out = r.out;
    ({ wb, snap } = await read(r.bytes));
  });

  it("has no result or report columns, no report date and no formula", () => {
    const one = tableOf(snap.sheets.find((s) => s.name === "Phụ lục I")!);
    expect(one.columns.map((c) => c.label)).toEqual(["STT", "Mã", "Nội dung chỉ tiêu", "Đơn vị tính", "Chỉ tiêu năm 2026", "Đơn vị chủ trì", "Đơn vị phối hợp", "Ghi chú"]);
    expect(one.rows.filter((r) => r.kind === "indicator")).toHaveLength(catalog.indicators.length);
    const two = tableOf(snap.sheets.find((s) => s.name === "Phụ lục II")!);
    expect(two.columns.map((c) => c.role)).toEqual(["number", "code", "name", "output", "kpi", "lead", "coordinating", "deadline", "note"]);
    for (const sheet of snap.sheets) {
      expect([sheet.name, sheet.formulas?.flat().filter(Boolean) ?? []]).toEqual([sheet.name, []]);
      expect([sheet.name, sheet.values.flat().some((v) => typeof v === "string" && v.startsWith("Ngày báo cáo"))]).toEqual([sheet.name, false]);
    }
    expect(out).toContain("mẫu Kế hoạch");
  });

  it("keeps the codes and the report columns' room hidden: they do not print", () => {
    const one = wb.getWorksheet("Phụ lục I")!;
    expect([1, 2, 3, 8, 9, 10, 11].map((c) => Boolean(one.getColumn(c).hidden))).toEqual([false, true, false, false, true, true, true]);
    expect(one.getCell("B11").value).toBe("HT-01"); // still there for the checker and consolidation
    const two = wb.getWorksheet("Phụ lục II")!;
    expect([2, 9, 10, 11, 12, 13].map((c) => Boolean(two.getColumn(c).hidden))).toEqual([true, false, true, true, true, true]);
    // The heading runs across those columns, so that it stays centred once compute shows them.
    expect(one.model.merges).toEqual(expect.arrayContaining(["A5:K5", "D1:K1"]));
  });

  it("writes the plan's date in words and prints on A4 landscape with the decree's margins", () => {
    expect(tableOf(snap.sheets.find((s) => s.name === "Phụ lục I")!).heading).toContain(
      "(Kèm theo Kế hoạch số 45/KH-UBND ngày 05 tháng 3 năm 2026 của UBND xã Tân Lợi)",
    );
    for (const [name, cols] of [["Phụ lục I", 11], ["Phụ lục II", 13]] as const) {
      const ws = wb.getWorksheet(name)!;
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", horizontalCentered: true });
      expect(ws.pageSetup.fitToPage ?? false).toBe(false);
      expect(decreeMargins(ws)).toEqual({ top: 20, bottom: 20, left: 30, right: 15 });
      expect(visibleWidth(ws, cols)).toBeLessThanOrEqual(printableWidth());
      expect(visibleWidth(ws, cols)).toBeGreaterThan(printableWidth() - 3); // and uses the page
    }
    expect(wb.getWorksheet("Danh mục")!.state).toBe("hidden");
  });
});

/** The sheet's margins in millimetres, rounded. */
function decreeMargins(ws: ExcelJS.Worksheet) {
  const m = ws.pageSetup.margins!;
  const mm = (inch: number) => Math.round(inch * 25.4);
  return { top: mm(m.top), bottom: mm(m.bottom), left: mm(m.left), right: mm(m.right) };
}

/** The width of the columns that print (hidden ones do not), in units of column width. */
function visibleWidth(ws: ExcelJS.Worksheet, cols: number): number {
  let w = 0;
  for (let c = 1; c <= cols; c++) if (!ws.getColumn(c).hidden) w += ws.getColumn(c).width ?? 0;
  return w;
}

describe("phuluc insert: into a copy of an existing workbook", () => {
  it("adds sheets under free names and changes nothing that was there", async () => {
    const input = await seedWorkbook("002"); // has "Phụ lục I" and "Phụ lục II"
    const files = new Map([["ke-hoach.xlsx", input]]);
    const before = new Uint8Array(input);
    const r = await runInsert(["--phuong", "Minh Hưng", "--vao", "ke-hoach.xlsx", "-o", "moi.xlsx"], { files });
    expect(r.code).toBe(0);
    expect(files.get("ke-hoach.xlsx")).toEqual(before);
    const { wb, snap } = await read(r.bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Phụ lục I", "Phụ lục II", "Phụ lục I (2)", "Phụ lục II (2)", "Danh mục"]);
    const seed = loadSeed("002");
    for (const s of seed.sheets) {
      const back = snap.sheets.find((x) => x.name === s.name)!;
      s.values.forEach((row, i) => row.forEach((v, j) => expect([s.name, i, j, back.values[i]?.[j] ?? null]).toEqual([s.name, i, j, v])));
    }
    expect(markerOf(snap.names, "Phụ lục I")).toBeNull(); // the official's own sheet is not ours
    expect(markerOf(snap.names, "Phụ lục I (2)")?.kind).toBe("indicators");
    const t = tableOf(snap.sheets.find((s) => s.name === "Phụ lục I (2)")!);
    expect(t.heading).toContain("PHƯỜNG MINH HƯNG");
    const lead = (code: string) => t.rows.find((x) => x.cells.code?.text === code)!.cells.lead!.text;
    expect(lead("CDS-16")).toBe("Công an phường");
    expect(lead("KH-06")).toBe("Phòng Kinh tế, Hạ tầng và Đô thị");
  });

  it("reuses its own Danh mục instead of writing another", async () => {
    const first = await runInsert(["--xa", "Tân Lợi", "--phu-luc", "I", "-o", "a.xlsx"]);
    const files = new Map([["a.xlsx", first.bytes!]]);
    const r = await runInsert(["--xa", "Tân Lợi", "--phu-luc", "II", "--phu-luc", "I", "--mau", "bao-cao", "--vao", "a.xlsx", "-o", "b.xlsx"], { files });
    expect(r.code).toBe(0);
    const { wb } = await read(r.bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Phụ lục I", "Danh mục", "Phụ lục I (2)", "Phụ lục II"]);
    expect(r.out).toContain('Dùng trang "Danh mục" đã có');
    expect(wb.getWorksheet("Phụ lục II")!.getCell("J11").dataValidation).toMatchObject({ formulae: ["NQ57_DS_TINHTRANG"] });
  });
});

describe("phuluc insert: the commune and its type", () => {
  const heading = async (args: string[], today?: string) => {
    const r = await runInsert([...args, "-o", "x.xlsx"], { today });
    expect(r.code).toBe(0);
    const { snap } = await read(r.bytes);
    return { r, heading: tableOf(snap.sheets[0]).heading };
  };

  it("takes the type on the plan date: Nhơn Trạch is a xã before 30/4/2026 and a phường from it", async () => {
    const before = await heading(["--xa", "Nhơn Trạch", "--ngay-ke-hoach", "2026-04-29"]);
    expect(before.heading).toContain("XÃ NHƠN TRẠCH");
    expect(before.r.err).toBe("");
    const after = await heading(["--xa", "Nhon Trach", "--ngay-ke-hoach", "30/04/2026"]);
    expect(after.heading).toContain("PHƯỜNG NHƠN TRẠCH");
    expect(after.r.err).toContain("Lưu ý");
    expect(after.r.err).toContain("phường");
  });

  it("takes the type on today's date when there is no plan date", async () => {
    expect((await heading(["--phuong", "Nhơn Trạch"], "2026-05-15")).heading).toContain("PHƯỜNG NHƠN TRẠCH");
    const early = await heading(["--phuong", "Nhơn Trạch"], "2026-02-01");
    expect(early.heading).toContain("XÃ NHƠN TRẠCH");
    expect(early.r.err).toContain("Lưu ý");
  });

  it("warns when --xa names a ward, and writes the official type", async () => {
    const r = await heading(["--xa", "Minh Hưng"]);
    expect(r.r.err).toMatch(/Lưu ý: .*Minh Hưng là phường/);
    expect(r.heading).toContain("PHƯỜNG MINH HƯNG");
  });

  it("says when a name is unknown or ambiguous, in Vietnamese, with close names", async () => {
    const unknown = await runInsert(["--xa", "Tan Lo", "-o", "x.xlsx"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Không tìm thấy "Tan Lo"');
    expect(unknown.err).toContain('"Tân Lợi"');
    const ambiguous = await runInsert(["--xa", "Loc Thanh", "-o", "x.xlsx"]);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.err).toContain('"Lộc Thạnh"');
    expect(ambiguous.err).toContain('"Lộc Thành"');
    const exact = await runInsert(["--xa", "Lộc Thành", "-o", "x.xlsx"]);
    expect(exact.code).toBe(0);
  });
});

describe("phuluc insert: options", () => {
  it("writes the plan number and date, the chosen year and a given report date", async () => {
    const r = await runInsert([
      "--xa",
      "Tân Lợi",
      "--nam",
      "2027",
      "--so-ke-hoach",
      "45",
      "--ngay-ke-hoach",
      "2027-03-12",
      "--ngay-bao-cao",
      "2027-06-30",
      "--mau",
      "bao-cao",
      "--phu-luc",
      "I",
      "-o",
      "x.xlsx",
    ]);
    expect(r.code).toBe(0);
    const { wb, snap } = await read(r.bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Phụ lục I", "Danh mục"]);
    const sheet = snap.sheets[0];
    const t = tableOf(sheet);
    expect(t.heading).toContain("(Kèm theo Kế hoạch số 45/KH-UBND ngày 12 tháng 3 năm 2027 của UBND xã Tân Lợi)");
    expect(t.heading).toContain("DANH MỤC CÁC CHỈ TIÊU CỤ THỂ NĂM 2027");
    expect(t.columns.find((c) => c.role === "target")!.label).toBe("Chỉ tiêu năm 2027");
    const report = wb.getWorksheet("Phụ lục I")!.getCell(settingCell(sheet, "Ngày báo cáo"));
    expect(report.value).toEqual(new Date("2027-06-30T00:00:00Z"));
  });

  it("refuses to overwrite a file unless told, and never writes over its input", async () => {
    const files = new Map([["a.xlsx", new Uint8Array([1, 2, 3])]]);
    const exists = await runInsert(["--xa", "Tân Lợi", "-o", "a.xlsx"], { files });
    expect(exists.code).toBe(2);
    expect(exists.err).toContain("đã có");
    expect(files.get("a.xlsx")).toEqual(new Uint8Array([1, 2, 3]));
    const same = await runInsert(["--xa", "Tân Lợi", "--vao", "a.xlsx", "-o", "a.xlsx", "--ghi-de"], { files });
    expect(same.code).toBe(2);
    expect(files.get("a.xlsx")).toEqual(new Uint8Array([1, 2, 3]));
    const forced = await runInsert(["--xa", "Tân Lợi", "-o", "a.xlsx", "--ghi-de"], { files });
    expect(forced.code).toBe(0);
  });

  it("rejects bad usage with exit code 2 and a Vietnamese message", async () => {
    const cases: [string[], string][] = [
      [["-o", "x.xlsx"], "Thiếu tên xã, phường"],
      [["--xa", "Tân Lợi"], "Thiếu tệp kết quả"],
      [["--xa", "Tân Lợi", "--phuong", "Minh Hưng", "-o", "x.xlsx"], "Chỉ dùng một trong hai"],
      [["--xa", "Tân Lợi", "--phu-luc", "III", "-o", "x.xlsx"], "--phu-luc chỉ nhận I hoặc II"],
      [["--xa", "Tân Lợi", "--ngay-bao-cao", "31/02/2026", "-o", "x.xlsx"], "không hợp lệ"],
      [["--xa", "Tân Lợi", "--mau", "bao-cao-tuan", "-o", "x.xlsx"], "--mau chỉ nhận ke-hoach hoặc bao-cao"],
      [["--xa", "Tân Lợi", "--ngay-bao-cao", "2026-06-30", "-o", "x.xlsx"], "--ngay-bao-cao chỉ dùng với --mau bao-cao"],
      [["--xa", "Tân Lợi", "--nam", "20x6", "-o", "x.xlsx"], "không hợp lệ"],
      [["--xa", "Tân Lợi", "--bogus", "-o", "x.xlsx"], "Không có tùy chọn --bogus"],
      [["--xa", "Tân Lợi", "-o", "x.xls"], "đuôi .xlsx"],
      [["--xa", "Tân Lợi", "--vao", "missing.xlsx", "-o", "x.xlsx"], 'Không tìm thấy tệp "missing.xlsx"'],
    ];
    for (const [args, message] of cases) {
      const r = await runInsert(args);
      expect([args.join(" "), r.code, r.err.includes(message)]).toEqual([args.join(" "), 2, true]);
    }
  });

  it("documents every option in Vietnamese", () => {
    for (const option of ["--xa", "--phuong", "--nam", "--phu-luc", "--mau", "--so-ke-hoach", "--ngay-ke-hoach", "--ngay-bao-cao", "--vao", "-o", "--ra", "--ghi-de"]) {
      expect([option, usage.includes(option)]).toEqual([option, true]);
    }
    expect(usage).toContain("Cách dùng");
  });
});

describe("the file host on a loaded workbook", () => {
  it("styles one cell without restyling the cells that shared its style in the file", async () => {
    const r = await runInsert(["--xa", "Tân Lợi", "--phu-luc", "I", "-o", "a.xlsx"]);
    const before = (await excelJs(r.bytes!)).getWorksheet("Phụ lục I")!;
    expect(before.getCell("E11").numFmt).toBe(before.getCell("E12").numFmt); // HT-01, HT-02: one style in the file
    const wb = await openWorkbook(r.bytes!, "a.xlsx");
    const { applyEdits, workbookBytes } = await import("../src/hosts/file/apply");
    applyEdits(wb, [{ op: "setStyle", sheet: "Phụ lục I", range: "E11", style: { numberFormat: "0.0%", bold: true } }]);
    const ws = (await excelJs(await workbookBytes(wb))).getWorksheet("Phụ lục I")!;
    expect(ws.getCell("E11").numFmt).toBe("0.0%");
    expect(ws.getCell("E11").font?.bold).toBe(true);
    expect(ws.getCell("E12").numFmt).toBe('"≥ "0%');
    expect(ws.getCell("E12").font?.bold).toBeFalsy();
  });
});
