/**
 * Every edit of the domain's edit model (src/domain/edits.ts) applied by the package
 * layer, then read back by ExcelJS (an independent reader) and by the raw XML
 * (test/ooxml.ts): the written file says what the edit asked for, on a new workbook
 * and on workbooks other programs made. What LibreOffice makes of the same files is
 * in file-edits-libreoffice.test.ts (kept apart so that this suite runs in seconds,
 * as mutation testing needs: jest.stryker.config.js).
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import type { Edit } from "../src/domain/edits";
import { applyEdits, newWorkbook, workbookBytes } from "../src/hosts/file/apply";
import { openWorkbook, readWorkbook } from "../src/hosts/file/read";
import { FileHost } from "../src/hosts/file/host";
import { HostError } from "../src/hosts/file/errors";
import { toExcelSerial } from "../src/domain/dates";
import { subtract } from "../src/hosts/file/package/sheet-write";
import { definedNames, rawCells, relsPartOf, sheetParts, workbookPart, zipParts } from "./ooxml";
import { seedWorkbook } from "./xlsx";

jest.setTimeout(180_000);

const FIXTURES = path.join(__dirname, "fixtures", "workbooks");
const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));

async function excelJs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

/** The parts of a workbook after the edits, applied by the package layer. */
async function partsAfter(bytes: Uint8Array, edits: Edit[]): Promise<Map<string, Buffer>> {
  const wb = await openWorkbook(bytes, "f.xlsx");
  applyEdits(wb, edits);
  return zipParts(await workbookBytes(wb));
}

async function written(edits: Edit[]): Promise<Uint8Array> {
  const wb = await newWorkbook();
  applyEdits(wb, edits);
  return workbookBytes(wb);
}

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/** The fixture with its parts changed by hand, as another program would have written it. */
function handEdited(file: string, change: (parts: Record<string, string | Uint8Array>) => void): Uint8Array {
  const parts: Record<string, string | Uint8Array> = unzipSync(fixture(file));
  for (const name of ["[Content_Types].xml", "xl/_rels/workbook.xml.rels"]) parts[name] = strFromU8(parts[name] as Uint8Array);
  change(parts);
  return zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, typeof v === "string" ? strToU8(v) : v])));
}
const inserted = (xml: string, closing: string, element: string) => xml.replace(closing, element + closing);

/** base-openpyxl.xlsx with a button drawn in the VML of "Phụ lục I"'s notes, as a macro workbook has. */
function withButton(): Uint8Array {
  const parts: Record<string, Uint8Array> = unzipSync(fixture("base-openpyxl.xlsx"));
  const button =
    '<v:shape xmlns:v="urn:schemas-microsoft-com:vml" id="_x0000_s1100" type="#_x0000_t201" style="position:absolute"><x:ClientData xmlns:x="urn:schemas-microsoft-com:office:excel" ObjectType="Button"><x:Anchor>3, 0, 1, 0, 5, 0, 3, 0</x:Anchor></x:ClientData></v:shape>';
  parts["xl/drawings/commentsDrawing1.vml"] = strToU8(strFromU8(parts["xl/drawings/commentsDrawing1.vml"]).replace("</xml>", button + "</xml>"));
  return zipSync(parts);
}

const S = "Phụ lục I";
const sheetXml = (bytes: Uint8Array, name = S) => {
  const parts = zipParts(bytes);
  return parts.get(sheetParts(parts).get(name)!)!.toString("utf8");
};

describe("a new workbook", () => {
  it("is a package Excel's readers accept: ExcelJS opens it with its sheets in order", async () => {
    const bytes = await written([
      { op: "addSheet", sheet: S },
      { op: "addSheet", sheet: "Danh mục" },
      { op: "setValues", sheet: S, range: "A1:B2", values: [["STT", "Nội dung"], [1, "Tỷ lệ phủ sóng 5G"]] },
    ]);
    const js = await excelJs(bytes);
    expect(js.worksheets.map((w) => w.name)).toEqual([S, "Danh mục"]);
    expect(js.getWorksheet(S)!.getCell("B2").value).toBe("Tỷ lệ phủ sóng 5G");
  });

  it("without a sheet still downloads as a workbook Excel opens (one empty sheet)", async () => {
    const wb = await newWorkbook();
    expect((await excelJs(await workbookBytes(wb))).worksheets.map((w) => w.name)).toEqual(["Trang tính 1"]);
  });
});

describe("values and formulas", () => {
  it("writes text inline, numbers, booleans, and formulas with their cached value and type; Excel recalculates on opening", async () => {
    const bytes = await written([
      { op: "addSheet", sheet: S },
      {
        op: "setValues",
        sheet: S,
        range: "A1:F2",
        values: [
          ["  có khoảng trắng  ", 0.6, true, { formula: "=A2*2", value: 84 }, { formula: '=IF(B1>1,"Vượt","Đạt")', value: "Đạt" }, { formula: "=1/0", value: "#DIV/0!" }],
          [42, null, false, { formula: "=C1", value: true }, { formula: "=TODAY()" }, { formula: '=""', value: "" }],
        ],
      },
    ]);
    const cells = rawCells(sheetXml(bytes));
    expect(cells.get("A1")).toMatchObject({ t: "inlineStr", v: "  có khoảng trắng  " });
    expect(cells.get("B1")).toMatchObject({ t: "", v: "0.6" });
    expect(cells.get("C1")).toMatchObject({ t: "b", v: "1" });
    expect(cells.get("D1")).toMatchObject({ t: "", v: "84", f: JSON.stringify([{}, "A2*2"]) });
    expect(cells.get("E1")).toMatchObject({ t: "str", v: "Đạt" });
    expect(cells.get("F1")).toMatchObject({ t: "e", v: "#DIV/0!" });
    expect(cells.get("D2")).toMatchObject({ t: "b", v: "1" });
    expect(cells.get("E2")).toMatchObject({ t: "", v: null }); // no value known: none cached
    expect(cells.get("F2")).toMatchObject({ t: "str", v: "" });
    const parts = zipParts(bytes);
    expect(parts.get(workbookPart(parts))!.toString("utf8")).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
    // ExcelJS reads the cached results as they are.
    const ws = (await excelJs(bytes)).getWorksheet(S)!;
    expect(ws.getCell("D1").value).toMatchObject({ formula: "A2*2", result: 84 });
    expect(ws.getCell("A1").value).toBe("  có khoảng trắng  ");
  });

  it("replaces a shared formula's master without breaking the cells that share it", async () => {
    const bytes = fixture("full-openpyxl.xlsx");
    const wb = await openWorkbook(bytes, "f.xlsx");
    applyEdits(wb, [{ op: "setValues", sheet: "Tổng hợp", range: "C4", values: [["thay"]] }]);
    const after = (await readWorkbook(await workbookBytes(wb), "f.xlsx")).sheets.find((s) => s.name === "Tổng hợp")!;
    const before = (await readWorkbook(bytes, "f.xlsx")).sheets.find((s) => s.name === "Tổng hợp")!;
    expect(after.values[3][2]).toBe("thay");
    for (let r = 4; r < 8; r++) expect([r + 1, after.formulas![r][2]]).toEqual([r + 1, before.formulas![r][2]]);
    expect(before.formulas![5][2]).toBe("='Phụ lục I'!B8");
  });
});

describe("the parts Excel adds or leaves out", () => {
  // Excel lists the cells that hold formulas in xl/calcChain.xml; openpyxl and LibreOffice write none.
  const withChain = handEdited("full-openpyxl.xlsx", (p) => {
    p["xl/calcChain.xml"] = strToU8('<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="C4" i="2"/><c r="C5"/></calcChain>');
    p["xl/_rels/workbook.xml.rels"] = inserted(p["xl/_rels/workbook.xml.rels"] as string, "</Relationships>", `<Relationship Id="rIdChain" Type="${REL}/calcChain" Target="calcChain.xml"/>`);
    p["[Content_Types].xml"] = inserted(
      p["[Content_Types].xml"] as string,
      "</Types>",
      '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>',
    );
  });

  it("drops Excel's calculation chain when a formula is replaced (a stale chain makes Excel repair the file), with its relationship and type", async () => {
    const parts = await partsAfter(withChain, [{ op: "setValues", sheet: "Tổng hợp", range: "C4", values: [["thay"]] }]);
    expect(parts.has("xl/calcChain.xml")).toBe(false);
    expect(parts.get("[Content_Types].xml")!.toString("utf8")).not.toMatch(/calcChain/);
    expect(parts.get("xl/_rels/workbook.xml.rels")!.toString("utf8")).not.toMatch(/calcChain/);
    // The other relationships stay as they were.
    expect(parts.get("xl/_rels/workbook.xml.rels")!.toString("utf8")).toMatch(/Target="styles.xml"/);
  });

  it("a formula written into a workbook that already recalculates on opening leaves its workbook part as it was", async () => {
    const input = fixture("openpyxl.xlsx");
    expect(zipParts(input).get("xl/workbook.xml")!.toString("utf8")).toContain('fullCalcOnLoad="1"');
    const parts = await partsAfter(input, [{ op: "setValues", sheet: "Số liệu", range: "H1", values: [[{ formula: "=1+1", value: 2 }]] }]);
    expect(parts.get("xl/workbook.xml")!.equals(zipParts(input).get("xl/workbook.xml")!)).toBe(true);
    expect(parts.get(sheetParts(parts).get("Số liệu")!)!.toString("utf8")).toMatch(/<c r="H1"[^>]*><f>1\+1<\/f><v>2<\/v><\/c>/);
  });

  it("keeps the calculation chain byte for byte when no formula is replaced", async () => {
    const before = zipParts(withChain);
    const parts = await partsAfter(withChain, [{ op: "setValues", sheet: "Tổng hợp", range: "H20", values: [["ghi chú"]] }]);
    expect(parts.get("xl/calcChain.xml")!.equals(before.get("xl/calcChain.xml")!)).toBe(true);
    expect(parts.get("[Content_Types].xml")!.toString("utf8")).toMatch(/PartName="\/xl\/calcChain.xml"/);
  });

  it("hiding sheets moves the tab shown on opening to a visible sheet, and refuses to hide them all", async () => {
    const shown = (tab: number, first: number) =>
      handEdited("libreoffice.xlsx", (p) => {
        const wbXml = strFromU8(p["xl/workbook.xml"] as Uint8Array).replace(/firstSheet="0" activeTab="0"/, `firstSheet="${first}" activeTab="${tab}"`);
        p["xl/workbook.xml"] = wbXml;
      });
    const view = (parts: Map<string, Buffer>) => parts.get("xl/workbook.xml")!.toString("utf8").match(/<workbookView[^>]*>/)![0];
    const hide = (sheet: string): Edit => ({ op: "sheetVisibility", sheet, visibility: "hidden" });
    // Shown: "Số liệu" (tab 2), first tab in the bar "Phụ lục II" (1); both hidden → the first visible sheet, tab 0.
    const back = view(await partsAfter(shown(2, 1), [hide("Số liệu"), hide("Phụ lục II")]));
    expect(back).not.toMatch(/activeTab|firstSheet/);
    // Shown: the first sheet, hidden → the next visible one.
    expect(view(await partsAfter(shown(0, 0), [hide("Phụ lục I")]))).toMatch(/activeTab="1"/);
    // A visible sheet shown stays shown.
    expect(view(await partsAfter(shown(3, 1), [hide("Phụ lục I")]))).toMatch(/firstSheet="1" activeTab="3"/);
    const input = shown(0, 0);
    const wb = await openWorkbook(input, "f.xlsx");
    expect(() => applyEdits(wb, ["Phụ lục I", "Phụ lục II", "Số liệu", "Ghi chú"].map(hide))).toThrow(
      "Sổ làm việc phải còn ít nhất một trang tính không bị ẩn; chưa có tệp nào được ghi.",
    );
    expect(Buffer.from(await workbookBytes(wb)).equals(Buffer.from(input))).toBe(true);
  });

  it("gives a workbook that has no styles part one, related and typed, when a cell is styled", async () => {
    const bare = handEdited("libreoffice.xlsx", (p) => {
      delete p["xl/styles.xml"];
      p["xl/_rels/workbook.xml.rels"] = (p["xl/_rels/workbook.xml.rels"] as string).replace(/<Relationship [^>]*Target="styles.xml"[^>]*\/>/, "");
      p["[Content_Types].xml"] = (p["[Content_Types].xml"] as string).replace(/<Override PartName="\/xl\/styles.xml"[^>]*\/>/, "");
      // Without a styles part no cell, row or column refers to a style.
      for (const name of Object.keys(p).filter((n) => n.startsWith("xl/worksheets/sheet"))) {
        p[name] = strToU8(strFromU8(p[name] as Uint8Array).replace(/ (s|style)="\d+"/g, "").replace(/ customFormat="1"/g, ""));
      }
    });
    expect(zipParts(bare).has("xl/styles.xml")).toBe(false);
    const wb = await openWorkbook(bare, "f.xlsx");
    applyEdits(wb, [{ op: "setStyle", sheet: "Số liệu", range: "H20", style: { bold: true, fill: "#FFEB9C" } }]);
    const bytes = await workbookBytes(wb);
    const parts = zipParts(bytes);
    expect(parts.get("xl/_rels/workbook.xml.rels")!.toString("utf8")).toMatch(new RegExp(`Type="${REL}/styles" Target="styles.xml"`));
    expect(parts.get("[Content_Types].xml")!.toString("utf8")).toMatch(/PartName="\/xl\/styles.xml" ContentType="application\/vnd.openxmlformats-officedocument.spreadsheetml.styles\+xml"/);
    const c = (await excelJs(bytes)).getWorksheet("Số liệu")!.getCell("H20");
    expect(c.font).toMatchObject({ bold: true });
    expect(c.fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFEB9C" } });
  });
});

describe("what a file cannot hold", () => {
  it("a chart is not drawn: one sentence says so however many were asked, and no drawing part is made", async () => {
    const wb = await newWorkbook();
    const chart = (title: string, sheet = S): Edit => ({ op: "chart", sheet, type: "bar", dataRange: "A1:B3", title, anchor: "D2" });
    const { notDone } = applyEdits(wb, [{ op: "addSheet", sheet: S }, chart("Tỷ lệ đạt"), chart("Số nhiệm vụ")]);
    expect(notDone).toEqual(["Tệp .xlsx ghi ở đây chưa có biểu đồ; hãy mở trong Excel để xem biểu đồ."]);
    expect([...zipParts(await workbookBytes(wb)).keys()].filter((n) => /chart|drawing/.test(n))).toEqual([]);
    expect(applyEdits(await newWorkbook(), [{ op: "addSheet", sheet: S }]).notDone).toEqual([]);
    // Said also when something else was not done before it (a note on a threaded comment's cell).
    const other = await openWorkbook(fixture("full-openpyxl.xlsx"), "f.xlsx");
    const both = applyEdits(other, [{ op: "setNote", sheet: "Phụ lục I", cell: "D6", text: "Ghi chú" }, chart("Tỷ lệ đạt", "Phụ lục I")]);
    expect(both.notDone).toEqual([
      'Ô D6 (trang "Phụ lục I") có bình luận dạng hội thoại nên không gắn ghi chú vào ô đó.',
      "Tệp .xlsx ghi ở đây chưa có biểu đồ; hãy mở trong Excel để xem biểu đồ.",
    ]);
  });
});

describe("styles", () => {
  it("appends fonts, fills, borders, number formats and cell formats; existing ones stay where they were", async () => {
    const input = await seedWorkbook("001");
    const wb = await openWorkbook(input, "s.xlsx");
    applyEdits(wb, [
      { op: "setStyle", sheet: "Chỉ tiêu", range: "H1", style: { bold: true, italic: true, fontName: "Arial", fontSize: 15, fontColor: "#C00000", fill: "#FFEB9C", horizontal: "center", vertical: "middle", wrap: true, border: true, numberFormat: "0.0%" } },
      { op: "setStyle", sheet: "Chỉ tiêu", range: "H3", style: { borderBottom: true } },
      { op: "setValues", sheet: "Chỉ tiêu", range: "H1", values: [[0.5]] },
    ]);
    const bytes = await workbookBytes(wb);
    // Everything that was there is still there, in its place: appended, never renumbered.
    const lists = (b: Uint8Array) => {
      const xml = zipParts(b).get("xl/styles.xml")!.toString("utf8");
      return Object.fromEntries(["numFmts", "fonts", "fills", "borders", "cellXfs"].map((l) => [l, xml.match(new RegExp(`<${l}[^>]*>([\\s\\S]*?)</${l}>`))?.[1] ?? ""]));
    };
    const l0 = lists(input);
    const l1 = lists(bytes);
    for (const k of Object.keys(l0)) expect([k, l1[k].startsWith(l0[k]), l1[k].length > l0[k].length]).toEqual([k, true, true]);
    const ws = (await excelJs(bytes)).getWorksheet("Chỉ tiêu")!;
    const c = ws.getCell("H1");
    expect(c.font).toMatchObject({ bold: true, italic: true, name: "Arial", size: 15, color: { argb: "FFC00000" } });
    expect(c.fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFEB9C" } });
    expect(c.alignment).toMatchObject({ horizontal: "center", vertical: "middle", wrapText: true });
    expect(c.border).toMatchObject({ top: { style: "thin" }, bottom: { style: "thin" }, left: { style: "thin" }, right: { style: "thin" } });
    expect(c.numFmt).toBe("0.0%");
    expect(ws.getCell("H3").border).toMatchObject({ bottom: { style: "thin" } });
    expect(ws.getCell("H3").border?.top).toBeUndefined();
    // The cells that were styled before keep their style index.
    const before = rawCells(sheetXml(input, "Chỉ tiêu"));
    const after = rawCells(sheetXml(bytes, "Chỉ tiêu"));
    for (const [ref, cell] of before) expect([ref, after.get(ref)?.s]).toEqual([ref, cell.s]);
  });

  it("keeps the Normal style's font (Times New Roman 13): the workbook's styles are appended to, not replaced", async () => {
    const input = fixture("patched-1904.xlsx");
    const wb = await openWorkbook(input, "p.xlsx");
    applyEdits(wb, [{ op: "setStyle", sheet: "Chỉ tiêu", range: "H1:H3", style: { bold: true, fontName: "Arial" } }]);
    const styles = (b: Uint8Array) => zipParts(b).get("xl/styles.xml")!.toString("utf8");
    const out = styles(await workbookBytes(wb));
    expect(out).toMatch(/<fonts count="\d+"><font><name val="Times New Roman"\/><family val="1"\/><sz val="13"\/><\/font>/);
    const cellXfs = (xml: string) => xml.match(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/)![1];
    expect(cellXfs(out).startsWith(cellXfs(styles(input)))).toBe(true);
  });

  it("styling one cell leaves the cells that shared its style alone", async () => {
    const bytes = await written([
      { op: "addSheet", sheet: S },
      { op: "setStyle", sheet: S, range: "A1:A2", style: { numberFormat: '"≥ "0%' } },
      { op: "setStyle", sheet: S, range: "A1", style: { numberFormat: "0.0%", bold: true } },
    ]);
    const ws = (await excelJs(bytes)).getWorksheet(S)!;
    expect([ws.getCell("A1").numFmt, ws.getCell("A2").numFmt]).toEqual(["0.0%", '"≥ "0%']);
    expect(ws.getCell("A2").font?.bold).toBeFalsy();
  });
});

describe("sheet layout, validation, conditional formats, print", () => {
  // Each test builds the workbook itself (a few milliseconds), so mutation testing's per-test
  // coverage credits every test with the edits it checks, not only the first (as with beforeAll).
  async function build(): Promise<{ bytes: Uint8Array; wbJs: ExcelJS.Workbook; ws: ExcelJS.Worksheet }> {
    const bytes = await written([
      { op: "addSheet", sheet: S },
      { op: "addSheet", sheet: "Danh mục" },
      { op: "setValues", sheet: S, range: "A1:C3", values: [["STT", "Nội dung", "Đánh giá"], [1, "a", "Đạt"], [2, "b", "Chưa đạt"]] },
      { op: "merge", sheet: S, range: "A5:C5" },
      { op: "columnWidths", sheet: S, widths: [{ col: 2, width: 45 }, { col: 12, width: 8, hidden: true }] },
      { op: "rowHeight", sheet: S, row: 1, height: 32 },
      { op: "freeze", sheet: S, rows: 1, cols: 1 },
      { op: "listValidation", sheet: S, range: "C2:C3", source: ["Đạt", "Chưa đạt"], prompt: { title: "Đánh giá", message: "Chọn trong danh sách" }, errorStyle: "warning" },
      { op: "listValidation", sheet: S, range: "B2:B3", source: "='Danh mục'!$A$1:$A$5", errorStyle: "none" },
      { op: "dateValidation", sheet: S, range: "D2:D3", prompt: { title: "Ngày", message: "ngày/tháng/năm" } },
      { op: "conditionalFormat", sheet: S, range: "C2:C3", equals: "Chưa đạt", fill: "#FFC7CE", fontColor: "#9C0006" },
      { op: "conditionalFormat", sheet: S, range: "C2:C3", equals: "Đạt", fill: "#C6EFCE", fontColor: "#006100" },
      {
        op: "pageSetup",
        sheet: S,
        orientation: "landscape",
        fitToWidth: true,
        printTitleRows: "1:1",
        margins: { top: 20, bottom: 20, left: 30, right: 15, header: 10, footer: 10 },
        pageNumber: { skipFirst: true },
        printArea: "A1:C40",
        centerHorizontally: true,
      },
      { op: "sheetVisibility", sheet: "Danh mục", visibility: "hidden" },
      { op: "defineName", name: "NQ57_DS", formula: "='Danh mục'!$A$1:$A$5", comment: "danh sách" },
      { op: "select", sheet: S, range: "A1" },
    ]);
    const wbJs = await excelJs(bytes);
    return { bytes, wbJs, ws: wbJs.getWorksheet(S)! };
  }

  it("merges, column widths (a hidden helper), a row height only where asked, frozen panes", async () => {
    const { bytes, ws } = await build();
    expect(Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges)).toContain("A5");
    expect(ws.getColumn(2).width).toBe(45);
    expect(ws.getColumn(12).hidden).toBe(true);
    expect(ws.getRow(1).height).toBe(32);
    expect(sheetXml(bytes)).not.toMatch(/<row r="2"[^>]*customHeight/);
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 1, topLeftCell: "B2" });
  });

  it("list validations with their error style, a date validation from 1 January 2000", async () => {
    const { ws } = await build();
    expect(ws.getCell("C2").dataValidation).toMatchObject({ type: "list", formulae: ['"Đạt,Chưa đạt"'], errorStyle: "warning", showErrorMessage: true, promptTitle: "Đánh giá" });
    expect(ws.getCell("B3").dataValidation).toMatchObject({ type: "list", formulae: ["'Danh mục'!$A$1:$A$5"] });
    expect(ws.getCell("B3").dataValidation.showErrorMessage).toBeFalsy();
    const date = ws.getCell("D2").dataValidation;
    expect(date).toMatchObject({ type: "date", operator: "greaterThan", showErrorMessage: true, errorTitle: "Ngày không hợp lệ" });
    expect(new Date(date.formulae![0] as unknown as string).toISOString().slice(0, 10)).toBe("2000-01-01");
  });

  it("conditional formats with their own differential formats and distinct priorities", async () => {
    const { ws } = await build();
    type Rule = { priority: number; formulae?: string[]; style?: { fill?: { bgColor?: { argb?: string } }; font?: { color?: { argb?: string } } } };
    const rules = (ws as unknown as { conditionalFormattings: { rules: Rule[] }[] }).conditionalFormattings.flatMap((cf) => cf.rules);
    expect(rules.map((r) => [r.formulae?.[0], r.style?.fill?.bgColor?.argb, r.style?.font?.color?.argb])).toEqual([
      ['"Chưa đạt"', "FFFFC7CE", "FF9C0006"],
      ['"Đạt"', "FFC6EFCE", "FF006100"],
    ]);
    expect(new Set(rules.map((r) => r.priority)).size).toBe(2);
  });

  it("A4 landscape one page wide, margins in mm, the page number centred from page 2, a print area and print titles", async () => {
    const { bytes, ws } = await build();
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true });
    expect(ws.pageSetup.margins).toMatchObject({ top: 0.7874, bottom: 0.7874, left: 1.1811, right: 0.5906, header: 0.3937, footer: 0.3937 });
    expect(ws.headerFooter).toMatchObject({ differentFirst: true, oddHeader: '&C&"Times New Roman,Regular"&13&P' });
    const parts = zipParts(bytes);
    const names = definedNames(parts.get(workbookPart(parts))!.toString("utf8"));
    expect(names).toEqual(
      expect.arrayContaining([
        { name: "_xlnm.Print_Titles", localSheetId: "0", hidden: false, text: `'${S}'!$1:$1` },
        { name: "_xlnm.Print_Area", localSheetId: "0", hidden: false, text: `'${S}'!$A$1:$C$40` },
        { name: "NQ57_DS", localSheetId: null, hidden: false, text: "'Danh mục'!$A$1:$A$5" },
      ]),
    );
  });

  it("hides the list sheet (the first sheet stays the one shown)", async () => {
    const { bytes, wbJs } = await build();
    expect(wbJs.getWorksheet("Danh mục")!.state).toBe("hidden");
    const parts = zipParts(bytes);
    expect(parts.get(workbookPart(parts))!.toString("utf8")).not.toMatch(/activeTab="1"/);
  });
});

describe("validations and names at their edges", () => {
  it("quotes in a list are doubled, a list without an error style stops a wrong entry, and long prompts are cut to Excel's limits", async () => {
    const bytes = await written([
      { op: "addSheet", sheet: S },
      { op: "listValidation", sheet: S, range: "C2:C3", source: ['Đạt "mức 1"', "Chưa đạt"], prompt: { title: "T".repeat(40), message: "m".repeat(300) } },
    ]);
    const v = (await excelJs(bytes)).getWorksheet(S)!.getCell("C2").dataValidation;
    expect(v.formulae).toEqual(['"Đạt ""mức 1"",Chưa đạt"']);
    expect(v.errorStyle ?? "stop").toBe("stop");
    expect(v.showErrorMessage).toBe(true);
    expect(v.promptTitle).toBe("T".repeat(32));
    expect(v.prompt).toBe("m".repeat(255));
    expect(v.showInputMessage).toBe(true);
    const none = await written([{ op: "addSheet", sheet: S }, { op: "listValidation", sheet: S, range: "C2", source: ["Đạt"] }]);
    const plain = (await excelJs(none)).getWorksheet(S)!.getCell("C2").dataValidation;
    expect(plain.showInputMessage).toBeFalsy();
    expect(plain.promptTitle).toBeUndefined();
  });

  it("in a 1904 workbook the date validation starts at 1 January 2000 counted from 1904", async () => {
    const wb = await openWorkbook(fixture("patched-1904.xlsx"), "p.xlsx");
    applyEdits(wb, [{ op: "dateValidation", sheet: "Phụ lục nhiệm vụ", range: "H9:H20" }]);
    const xml = sheetXml(await workbookBytes(wb), "Phụ lục nhiệm vụ");
    expect(xml).toMatch(/<formula1>35064<\/formula1>/); // 36526 days from 1900 less the 1462 between the two systems
  });

  it("print titles and area of a later sheet whose name has a quote; setting them again replaces them; a name set twice keeps one", async () => {
    const other = "Bà Rịa's";
    const bytes = await written([
      { op: "addSheet", sheet: S },
      { op: "addSheet", sheet: other },
      { op: "pageSetup", sheet: other, printTitleRows: "$3:$4", printArea: "$A$1:$D$9" },
      { op: "pageSetup", sheet: other, printTitleRows: "5:6" },
      { op: "pageSetup", sheet: S, printTitleRows: "1-2" }, // not a row range: no name
      { op: "pageSetup", sheet: S, printTitleRows: "$10:$12", printArea: "AA10:AB20" },
      { op: "defineName", name: "NQ57_DS", formula: "='Danh mục'!$A$1:$A$5", comment: "cũ" },
      { op: "defineName", name: "nq57_ds", formula: "=$B$1:$B$2", comment: "mới" },
      { op: "defineName", name: "NQ57_DS", formula: "=$C$1" },
    ]);
    const parts = zipParts(bytes);
    const xml = parts.get(workbookPart(parts))!.toString("utf8");
    expect(definedNames(xml)).toEqual([
      { name: "_xlnm.Print_Titles", localSheetId: "1", hidden: false, text: "'Bà Rịa''s'!$5:$6" },
      { name: "_xlnm.Print_Area", localSheetId: "1", hidden: false, text: "'Bà Rịa''s'!$A$1:$D$9" },
      { name: "_xlnm.Print_Titles", localSheetId: "0", hidden: false, text: `'${S}'!$10:$12` },
      { name: "_xlnm.Print_Area", localSheetId: "0", hidden: false, text: `'${S}'!$AA$10:$AB$20` },
      { name: "NQ57_DS", localSheetId: null, hidden: false, text: "$C$1" },
    ]);
    expect(xml).toContain('comment="mới"');
  });
});

describe("notes", () => {
  it("adds notes to a sheet that has none (comments part, VML, legacy drawing), and removing them takes those parts away again", async () => {
    const input = await written([{ op: "addSheet", sheet: S }, { op: "setValues", sheet: S, range: "A1", values: [["x"]] }]);
    const wb = await openWorkbook(input, "a.xlsx");
    applyEdits(wb, [
      { op: "setNote", sheet: S, cell: "B2", text: "Phụ lục NQ57 – kết quả kiểm tra:\nThiếu đơn vị" },
      { op: "setNote", sheet: S, cell: "A1", text: "  ghi chú  " },
    ]);
    const marked = await workbookBytes(wb);
    expect((await readWorkbook(marked, "a.xlsx")).sheets[0].notes).toEqual({ A1: "  ghi chú  ", B2: "Phụ lục NQ57 – kết quả kiểm tra:\nThiếu đơn vị" });
    const parts = zipParts(marked);
    expect([...parts.keys()].filter((n) => /comments|vml/.test(n)).sort()).toEqual(["xl/comments1.xml", "xl/drawings/vmlDrawing1.vml"]);
    expect(sheetXml(marked)).toMatch(/<legacyDrawing r:id="rId\d+"\/><\/worksheet>$/);
    applyEdits(wb, [
      { op: "setNote", sheet: S, cell: "A1", text: "" },
      { op: "setNote", sheet: S, cell: "B2", text: "" },
    ]);
    const clean = zipParts(await workbookBytes(wb));
    expect([...clean.keys()].filter((n) => /comments|vml/.test(n))).toEqual([]);
    expect(clean.get("xl/worksheets/sheet1.xml")!.toString("utf8")).not.toContain("legacyDrawing");
  });

  it("the last note of a sheet gone: its comments part, VML drawing, relationships, content type and legacy drawing go; the sheet's other parts stay", async () => {
    const input = fixture("base-openpyxl.xlsx");
    const wb = await openWorkbook(input, "b.xlsx");
    applyEdits(wb, [{ op: "setNote", sheet: "Phụ lục I", cell: "B6", text: "" }]);
    const parts = zipParts(await workbookBytes(wb));
    const names = [...parts.keys()];
    expect(names).not.toContain("xl/comments/comment1.xml");
    expect(names).not.toContain("xl/drawings/commentsDrawing1.vml");
    expect(names).toEqual(expect.arrayContaining(["xl/comments/comment2.xml", "xl/drawings/commentsDrawing2.vml", "xl/drawings/drawing1.xml"]));
    const rels = parts.get("xl/worksheets/_rels/sheet1.xml.rels")!.toString("utf8");
    expect(rels).not.toMatch(/comments|vmlDrawing/);
    expect(rels).toMatch(/hyperlink/);
    expect(rels).toMatch(/drawing1\.xml/);
    expect(parts.get("[Content_Types].xml")!.toString("utf8")).not.toContain("/xl/comments/comment1.xml");
    expect(parts.get("[Content_Types].xml")!.toString("utf8")).toContain("/xl/comments/comment2.xml");
    expect(parts.get("xl/worksheets/sheet1.xml")!.toString("utf8")).not.toContain("legacyDrawing");
    // "Phụ lục II" keeps its own note.
    expect(Object.keys((await readWorkbook(await workbookBytes(wb), "b.xlsx")).sheets[1].notes ?? {})).toHaveLength(1);
  });

  it("the last note gone from a VML drawing that also holds another shape (a button): the drawing stays with that shape", async () => {
    const wb = await openWorkbook(withButton(), "b.xlsx");
    applyEdits(wb, [{ op: "setNote", sheet: "Phụ lục I", cell: "B6", text: "" }]);
    const out = zipParts(await workbookBytes(wb));
    expect(out.has("xl/comments/comment1.xml")).toBe(false);
    const vml = out.get("xl/drawings/commentsDrawing1.vml")!.toString("utf8");
    expect(vml).toContain('ObjectType="Button"');
    expect(vml).not.toContain('ObjectType="Note"');
    expect(out.get("xl/worksheets/_rels/sheet1.xml.rels")!.toString("utf8")).toMatch(/vmlDrawing/);
    expect(out.get("xl/worksheets/sheet1.xml")!.toString("utf8")).toContain("legacyDrawing");
  });

  it("a note on a sheet without notes gets a VML shape block no other drawing of the workbook uses", async () => {
    const input = fixture("base-openpyxl.xlsx");
    const wb = await openWorkbook(input, "b.xlsx");
    applyEdits(wb, [
      { op: "setNote", sheet: "Tổng hợp", cell: "A1", text: "một" },
      { op: "setNote", sheet: "Dữ liệu", cell: "A1", text: "hai" },
    ]);
    const parts = zipParts(await workbookBytes(wb));
    const blocks = [...parts.entries()].filter(([n]) => n.endsWith(".vml")).map(([n, b]) => [n, b.toString("utf8").match(/idmap[^>]*data="(\d+)"/)![1]]);
    // openpyxl gave both of its drawings block 1; ours take 2 and 3.
    expect(blocks.sort()).toEqual([
      ["xl/drawings/commentsDrawing1.vml", "1"],
      ["xl/drawings/commentsDrawing2.vml", "1"],
      ["xl/drawings/vmlDrawing1.vml", "2"],
      ["xl/drawings/vmlDrawing2.vml", "3"],
    ]);
    expect(parts.get("[Content_Types].xml")!.toString("utf8")).toMatch(/<Default Extension="vml"/);
  });

  it("adds to the notes a sheet already has (openpyxl's parts, its VML prefixes), and removes only ours", async () => {
    const input = fixture("base-openpyxl.xlsx");
    const wb = await openWorkbook(input, "b.xlsx");
    applyEdits(wb, [{ op: "setNote", sheet: "Phụ lục I", cell: "C7", text: "Của phần bổ trợ" }]);
    const marked = await workbookBytes(wb);
    const parts = zipParts(marked);
    expect([...parts.keys()].filter((n) => /comment/i.test(n)).sort()).toEqual(["xl/comments/comment1.xml", "xl/comments/comment2.xml", "xl/drawings/commentsDrawing1.vml", "xl/drawings/commentsDrawing2.vml"]);
    expect((await readWorkbook(marked, "b.xlsx")).sheets[0].notes).toEqual({ B6: "Nguồn số liệu: Viettel Đồng Nai, báo cáo quý III.", C7: "Của phần bổ trợ" });
    expect(parts.get("xl/drawings/commentsDrawing1.vml")!.toString("utf8").match(/ObjectType="Note"/g)).toHaveLength(2);
    applyEdits(wb, [{ op: "setNote", sheet: "Phụ lục I", cell: "C7", text: "" }]);
    const back = await workbookBytes(wb);
    expect((await readWorkbook(back, "b.xlsx")).sheets[0].notes).toEqual({ B6: "Nguồn số liệu: Viettel Đồng Nai, báo cáo quý III." });
    expect(zipParts(back).get("xl/drawings/commentsDrawing1.vml")!.toString("utf8").match(/ObjectType="Note"/g)).toHaveLength(1);
  });

  it("leaves a cell with a threaded comment alone and says so", async () => {
    const host = new FileHost(await openWorkbook(fs.readFileSync(path.join(FIXTURES, "full-openpyxl.xlsx")), "f.xlsx"), "f.xlsx");
    const { notDone } = await host.apply([{ op: "setNote", sheet: "Phụ lục I", cell: "D6", text: "" }]);
    expect(notDone).toEqual(['Ô D6 (trang "Phụ lục I") có bình luận dạng hội thoại nên không gắn ghi chú vào ô đó.']);
    expect((await host.readSheet("Phụ lục I")).sheet.notes!.D6).toContain("[Threaded comment]");
  });
});

describe("the add-in's own custom XML parts", () => {
  const NS = "urn:phuluc-nq57:marks:1";
  const record = (n: number) => `<marks xmlns="${NS}"><sheet name="Phụ lục I" count="${n}"/></marks>`;

  it("are written as customXml parts with their properties, read back into the workbook state, replaced and removed", async () => {
    const input = fixture("libreoffice.xlsx");
    const host = new FileHost(await openWorkbook(input, "lo.xlsx"), "lo.xlsx");
    await host.apply([{ op: "setCustomXml", namespace: NS, xml: record(1) }]);
    expect((await host.readSheets([])).workbook.customXml).toEqual({ [NS]: record(1) });
    let parts = zipParts(await host.bytes());
    expect([...parts.keys()].filter((n) => n.startsWith("customXml/")).sort()).toEqual(["customXml/_rels/item1.xml.rels", "customXml/item1.xml", "customXml/itemProps1.xml"]);
    expect(parts.get("[Content_Types].xml")!.toString("utf8")).toContain('PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"');
    expect(parts.get("xl/_rels/workbook.xml.rels")!.toString("utf8")).toContain('Target="../customXml/item1.xml"');
    // Read again from the bytes, as a later session would.
    const again = new FileHost(await openWorkbook(await host.bytes(), "lo.xlsx"), "lo.xlsx");
    await again.apply([{ op: "setCustomXml", namespace: NS, xml: record(2) }]);
    expect((await again.readSheets([])).workbook.customXml).toEqual({ [NS]: record(2) });
    expect([...zipParts(await again.bytes()).keys()].filter((n) => n.startsWith("customXml/"))).toHaveLength(3);
    await again.apply([{ op: "setCustomXml", namespace: NS, xml: null }]);
    parts = zipParts(await again.bytes());
    expect([...parts.keys()].filter((n) => n.startsWith("customXml/"))).toEqual([]);
    expect(parts.get("xl/_rels/workbook.xml.rels")!.toString("utf8")).not.toContain("customXml");
    expect(parts.get("[Content_Types].xml")!.toString("utf8")).not.toContain("customXml");
  });

  it("set twice in one plan: one part with the last content; removing one that is not there writes nothing", async () => {
    const wb = await newWorkbook();
    applyEdits(wb, [
      { op: "setCustomXml", namespace: NS, xml: record(1) },
      { op: "setCustomXml", namespace: NS, xml: record(2) },
    ]);
    const parts = zipParts(await workbookBytes(wb));
    expect([...parts.keys()].filter((n) => n.startsWith("customXml/")).sort()).toEqual(["customXml/_rels/item1.xml.rels", "customXml/item1.xml", "customXml/itemProps1.xml"]);
    expect(parts.get("customXml/item1.xml")!.toString("utf8")).toBe(record(2));
    const other = "urn:phuluc-nq57:other:1";
    const before = Buffer.from(await workbookBytes(wb));
    applyEdits(wb, [{ op: "setCustomXml", namespace: other, xml: null }]);
    expect(Buffer.from(await workbookBytes(wb)).equals(before)).toBe(true);
    // A second namespace takes the next free number.
    applyEdits(wb, [{ op: "setCustomXml", namespace: other, xml: `<o xmlns="${other}"/>` }]);
    expect([...zipParts(await workbookBytes(wb)).keys()].filter((n) => /^customXml\/item\d\.xml$/.test(n)).sort()).toEqual(["customXml/item1.xml", "customXml/item2.xml"]);
  });

  it("only the add-in's own namespaces", async () => {
    const wb = await newWorkbook();
    expect(() => applyEdits(wb, [{ op: "setCustomXml", namespace: "urn:other", xml: "<x xmlns='urn:other'/>" }])).toThrow(HostError);
  });
});

describe("a 1904 workbook", () => {
  it("reads its dates as 1900-system serials and writes the domain's dates back in its own system", async () => {
    const input = fixture("patched-1904.xlsx");
    const snap = await readWorkbook(input, "p.xlsx");
    expect(snap.date1904).toBe(true);
    const tasks = snap.sheets.find((s) => s.name === "Phụ lục nhiệm vụ")!;
    expect(tasks.values[8][5]).toBe(toExcelSerial("2026-06-30")); // F9, typed by openpyxl as 30/06/2026
    const wb = await openWorkbook(input, "p.xlsx");
    applyEdits(wb, [
      { op: "setStyle", sheet: "Phụ lục nhiệm vụ", range: "H9", style: { numberFormat: "dd/mm/yyyy" } },
      { op: "setValues", sheet: "Phụ lục nhiệm vụ", range: "H9", values: [[toExcelSerial("2026-12-31")]] },
    ]);
    const out = await workbookBytes(wb);
    expect((await readWorkbook(out, "p.xlsx")).sheets.find((s) => s.name === "Phụ lục nhiệm vụ")!.values[8][7]).toBe(toExcelSerial("2026-12-31"));
    // As stored: days since 1 January 1904.
    expect(rawCells(sheetXml(out, "Phụ lục nhiệm vụ")).get("H9")!.v).toBe(String(toExcelSerial("2026-12-31") - 1462));
    expect(rawCells(sheetXml(input, "Phụ lục nhiệm vụ")).get("F9")!.v).toBe(String(toExcelSerial("2026-06-30") - 1462));
  });
});

describe("the whole plan is checked before anything is written", () => {
  it.each([
    [[{ op: "addSheet", sheet: "Chỉ tiêu" }], 'Trang tính "Chỉ tiêu" đã có; không ghi đè.'],
    [[{ op: "addSheet", sheet: "CHỈ TIÊU" }], 'Trang tính "CHỈ TIÊU" đã có; không ghi đè.'],
    [[{ op: "setValues", sheet: "Không có", range: "A1", values: [[1]] }], 'Không có trang tính "Không có".'],
    [[{ op: "addSheet", sheet: "a:b" }], 'Tên trang tính "a:b" không hợp lệ.'],
    [[{ op: "setValues", sheet: "Ghi chú", range: "A1", values: [[1]] }], 'Trang tính "Ghi chú" đang được bảo vệ; hãy bỏ bảo vệ trang tính rồi thử lại.'],
    [[{ op: "setValues", sheet: "Số liệu", range: "H1", values: [[1]] }, { op: "merge", sheet: "Số liệu", range: "A10:A11" }, { op: "merge", sheet: "Số liệu", range: "A11:A12" }], "Không thực hiện được thay đổi (trang tính \"Số liệu\", vùng A11:A12); chưa có tệp nào được ghi."],
  ] as [Edit[], string][])("%j", async (edits, message) => {
    const input = fixture("openpyxl.xlsx");
    const wb = await openWorkbook(input, "o.xlsx");
    expect(() => applyEdits(wb, edits)).toThrow(message);
    expect(Buffer.from(await workbookBytes(wb)).equals(Buffer.from(input))).toBe(true);
  });
});

describe("sheet names, the protected sheet and the locked structure, at their edges", () => {
  const openpyxl = () => fixture("openpyxl.xlsx");
  const bad = (name: string) => `Tên trang tính "${name}" không hợp lệ.`;

  it.each([
    ["x".repeat(32), bad("x".repeat(32))],
    ["  ", bad("  ")],
    ["'Đầu", bad("'Đầu")],
    ["Cuối'", bad("Cuối'")],
    ...["\\", "/", "?", "*", "[", "]"].map((c) => [`Phụ lục${c}1`, bad(`Phụ lục${c}1`)]),
  ])("refuses %j", async (name, message) => {
    const wb = await newWorkbook();
    expect(() => applyEdits(wb, [{ op: "addSheet", sheet: name }])).toThrow(message);
  });

  it("takes a name of 31 characters, a quote inside a name, and a sheet added earlier in the same plan; the same name twice in a plan is refused", async () => {
    const wb = await newWorkbook();
    const long = "Phụ lục chỉ tiêu năm 2026 (xã)".padEnd(31, "x");
    expect(long).toHaveLength(31);
    applyEdits(wb, [
      { op: "addSheet", sheet: long },
      { op: "addSheet", sheet: "Bà Rịa's" },
      { op: "setValues", sheet: "bà rịa's", range: "A1", values: [["Đã thêm"]] },
    ]);
    expect((await readWorkbook(await workbookBytes(wb), "n.xlsx")).sheets.map((s) => s.name)).toEqual([long, "Bà Rịa's"]);
    const again = await newWorkbook();
    expect(() => applyEdits(again, [{ op: "addSheet", sheet: "Mới" }, { op: "addSheet", sheet: "MỚI" }])).toThrow('Trang tính "MỚI" đã có; không ghi đè.');
  });

  it("on a protected sheet, selecting it, hiding it and asking for a chart are allowed (writing a cell is refused: above)", async () => {
    const input = openpyxl();
    const wb = await openWorkbook(input, "o.xlsx");
    const { notDone } = applyEdits(wb, [
      { op: "select", sheet: "Ghi chú", range: "A1" },
      { op: "sheetVisibility", sheet: "Ghi chú", visibility: "hidden" },
      { op: "chart", sheet: "Ghi chú", type: "bar", dataRange: "A1:B2", title: "Biểu đồ", anchor: "D2" },
    ]);
    expect(notDone).toHaveLength(1);
    const parts = zipParts(await workbookBytes(wb));
    expect(parts.get(workbookPart(parts))!.toString("utf8")).toMatch(/<sheet [^>]*name="Ghi chú"[^>]*state="hidden"/);
  });

  it("a workbook whose structure is locked takes no new sheet, and says why; edits of its sheets still go through", async () => {
    const parts: Record<string, Uint8Array> = unzipSync(openpyxl());
    const xml = strFromU8(parts["xl/workbook.xml"]);
    expect(xml).toContain("<workbookProtection/>"); // openpyxl writes it empty: nothing locked
    parts["xl/workbook.xml"] = strToU8(xml.replace("<workbookProtection/>", '<workbookProtection lockStructure="1"/>'));
    const locked = zipSync(parts);
    const wb = await openWorkbook(locked, "l.xlsx");
    expect(() => applyEdits(wb, [{ op: "addSheet", sheet: "Mới" }])).toThrow(
      "Sổ làm việc đang được bảo vệ cấu trúc nên không thêm được trang tính; hãy bỏ bảo vệ sổ làm việc rồi thử lại.",
    );
    applyEdits(wb, [{ op: "setValues", sheet: "Số liệu", range: "H1", values: [["ghi được"]] }]);
    expect(rawCells(sheetXml(await workbookBytes(wb), "Số liệu")).get("H1")).toBeDefined();
    const unlocked = zipSync({ ...parts, "xl/workbook.xml": strToU8(xml.replace("<workbookProtection/>", '<workbookProtection lockStructure="0"/>')) });
    const open = await openWorkbook(unlocked, "u.xlsx");
    applyEdits(open, [{ op: "addSheet", sheet: "Mới" }]);
    expect((await readWorkbook(await workbookBytes(open), "u.xlsx")).sheets.map((s) => s.name)).toContain("Mới");
    // The next free part name, related through the r: prefix the workbook root did not declare before.
    const out = zipParts(await workbookBytes(open));
    expect(sheetParts(out).get("Mới")).toBe("xl/worksheets/sheet5.xml");
    const wbXml = out.get("xl/workbook.xml")!.toString("utf8");
    expect(wbXml).toMatch(/<workbook [^>]*xmlns:r="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships"/);
    expect(wbXml).toMatch(/<sheet name="Mới" sheetId="5" r:id="rId\d+"\/>/);
  });

  it("each refusal carries its code for the hosts, and a chart sheet takes no cells, saying it is a chart sheet", async () => {
    const codeOf = async (edits: Edit[], input?: Uint8Array) => {
      const wb = input ? await openWorkbook(input, "o.xlsx") : await newWorkbook();
      try {
        applyEdits(wb, edits);
      } catch (e) {
        return [(e as HostError).code, (e as Error).message];
      }
      return null;
    };
    const parts: Record<string, Uint8Array> = unzipSync(openpyxl());
    const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    parts["xl/workbook.xml"] = strToU8(strFromU8(parts["xl/workbook.xml"]).replace("</sheets>", `<sheet xmlns:r="${REL}" name="Biểu đồ" sheetId="9" r:id="rIdChart"/></sheets>`));
    parts["xl/_rels/workbook.xml.rels"] = strToU8(
      strFromU8(parts["xl/_rels/workbook.xml.rels"]).replace("</Relationships>", `<Relationship Id="rIdChart" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`),
    );
    const withChartSheet = zipSync(parts);
    expect(await codeOf([{ op: "addSheet", sheet: "Số liệu" }], openpyxl())).toEqual(["sheet-exists", 'Trang tính "Số liệu" đã có; không ghi đè.']);
    expect((await codeOf([{ op: "addSheet", sheet: "a/b" }]))?.[0]).toBe("bad-sheet-name");
    expect((await codeOf([{ op: "setValues", sheet: "Ghi chú", range: "A1", values: [[1]] }], openpyxl()))?.[0]).toBe("protected");
    expect((await codeOf([{ op: "setValues", sheet: "Không có", range: "A1", values: [[1]] }]))?.[0]).toBe("no-sheet");
    expect((await codeOf([{ op: "setCustomXml", namespace: "urn:other", xml: null }]))?.[0]).toBe("apply-failed");
    expect(await codeOf([{ op: "setValues", sheet: "Biểu đồ", range: "A1", values: [[1]] }], withChartSheet)).toEqual([
      "apply-failed",
      'Trang tính "Biểu đồ" là trang biểu đồ, không ghi được ô vào đó.',
    ]);
  });

  it("selecting a cell writes nothing and is not reported as not done; showing a hidden sheet takes its state away", async () => {
    const wb = await openWorkbook(fixture("base-openpyxl.xlsx"), "b.xlsx");
    expect(applyEdits(wb, [{ op: "select", sheet: "Phụ lục I", range: "B3" }]).notDone).toEqual([]);
    applyEdits(wb, [{ op: "sheetVisibility", sheet: "Danh mục đơn vị", visibility: "visible" }]);
    const xml = zipParts(await workbookBytes(wb)).get("xl/workbook.xml")!.toString("utf8");
    expect(xml.match(/<sheet [^>]*name="Danh mục đơn vị"[^>]*>/)![0]).not.toContain("state=");
  });

  it("custom XML whose root is not in the namespace named is refused with the place, and nothing is written", async () => {
    const wb = await newWorkbook();
    const before = Buffer.from(await workbookBytes(wb));
    expect(() => applyEdits(wb, [{ op: "setCustomXml", namespace: "urn:phuluc-nq57:marks:1", xml: "<marks xmlns='urn:phuluc-nq57:other'/>" }])).toThrow(
      "Không thực hiện được thay đổi (dữ liệu riêng của phần bổ trợ); chưa có tệp nào được ghi.",
    );
    expect(() => applyEdits(wb, [{ op: "setCustomXml", namespace: "urn:other", xml: "<x xmlns='urn:other'/>" }])).toThrow(
      "Chỉ ghi được dữ liệu riêng của phần bổ trợ; chưa có tệp nào được ghi.",
    );
    expect(Buffer.from(await workbookBytes(wb)).equals(before)).toBe(true);
  });
});

describe("edits over what another program's sheet already has", () => {
  async function edited(file: string, edits: Edit[]): Promise<Uint8Array> {
    const wb = await openWorkbook(fixture(file), file);
    applyEdits(wb, edits);
    return workbookBytes(wb);
  }
  const tags = (xml: string, tag: string) => xml.match(new RegExp(`<${tag}\\b[^>]*>`, "g")) ?? [];

  it("a width inside LibreOffice's column run C:E splits the run, and the other columns keep theirs", async () => {
    // LibreOffice writes C to E as one <col min="3" max="5" width="18">.
    const bytes = await edited("libreoffice.xlsx", [{ op: "columnWidths", sheet: S, widths: [{ col: 4, width: 30, hidden: true }, { col: 8, width: 12 }] }]);
    const ws = (await excelJs(bytes)).getWorksheet(S)!;
    expect([1, 2, 3, 4, 5, 8].map((c) => [ws.getColumn(c).width, ws.getColumn(c).hidden])).toEqual([
      [18, false],
      [60, false],
      [18, false],
      [30, true],
      [18, false],
      [12, false],
    ]);
    const cols = tags(sheetXml(bytes), "col").map((c) => [c.match(/min="(\d+)"/)![1], c.match(/max="(\d+)"/)![1]].join("-"));
    expect(cols).toEqual(["1-1", "2-2", "3-3", "4-4", "5-5", "8-8"]);
  });

  it("a merge the sheet already has is not added twice, a new one is counted, an overlapping one is refused", async () => {
    const bytes = await edited("libreoffice.xlsx", [
      { op: "merge", sheet: S, range: "A1:B1" },
      { op: "merge", sheet: S, range: "F1:G1" },
    ]);
    const xml = sheetXml(bytes);
    expect(tags(xml, "mergeCells")[0]).toMatch(/count="7"/);
    expect(tags(xml, "mergeCell").filter((m) => m.includes('ref="A1:B1"'))).toHaveLength(1);
    expect(tags(xml, "mergeCell").filter((m) => m.includes('ref="F1:G1"'))).toHaveLength(1);
    // B1:C1 would straddle A1:B1 and C1:E1.
    await expect(edited("libreoffice.xlsx", [{ op: "merge", sheet: S, range: "B1:C1" }])).rejects.toThrow(/B1:C1/);
  });

  it("the same conditional rule again takes the place of openpyxl's rule; a new rule gets the next priority", async () => {
    // openpyxl's sheet has five rules, priorities 1 to 5; C6:C40 has "cell equals "%"".
    const bytes = await edited("base-openpyxl.xlsx", [
      { op: "conditionalFormat", sheet: S, range: "C6:C40", equals: "%", fill: "#FFC7CE", fontColor: "#9C0006" },
      { op: "conditionalFormat", sheet: S, range: "E6:E40", equals: "Chưa rõ", fill: "#FFEB9C", fontColor: "#9C5700" },
    ]);
    const xml = sheetXml(bytes);
    const rules = tags(xml, "cfRule");
    expect(rules).toHaveLength(6);
    expect(xml.match(/<conditionalFormatting sqref="C6:C40">/g)).toHaveLength(1);
    expect(xml).toMatch(/<conditionalFormatting sqref="E6:E40"><cfRule type="cellIs" dxfId="\d+" priority="6" operator="equal"><formula>"Chưa rõ"<\/formula>/);
  });

  it("a highlight mark is one rule however often it is set, and taking it off leaves the sheet's own rules", async () => {
    const wb = await openWorkbook(fixture("base-openpyxl.xlsx"), "b.xlsx");
    applyEdits(wb, [
      { op: "markFill", sheet: S, cell: "B7", color: "#FFFF00", on: true },
      { op: "markFill", sheet: S, cell: "B7", color: "#FFFF00", on: true },
    ]);
    let xml = sheetXml(await workbookBytes(wb));
    expect(xml.match(/<conditionalFormatting sqref="B7"><cfRule type="expression" dxfId="\d+" priority="6"><formula>ISTEXT\("NQ57"\)<\/formula><\/cfRule><\/conditionalFormatting>/g)).toHaveLength(1);
    applyEdits(wb, [{ op: "markFill", sheet: S, cell: "B7", color: "#FFFF00", on: false }]);
    xml = sheetXml(await workbookBytes(wb));
    expect(xml).not.toContain('sqref="B7"');
    expect(tags(xml, "cfRule")).toHaveLength(5);
  });

  it("a list over part of openpyxl's validated column cuts that part out of the old validation", async () => {
    // C6:C40 has a list of units; the new list covers C10:C12 only, E6:E40 whole.
    const bytes = await edited("base-openpyxl.xlsx", [
      { op: "listValidation", sheet: S, range: "C10:C12", source: ["%", "Người"] },
      { op: "listValidation", sheet: S, range: "E6:E40", source: ["Phòng Văn hóa - Xã hội"] },
    ]);
    const dvs = tags(sheetXml(bytes), "dataValidation").map((d) => d.match(/sqref="([^"]+)"/)![1]);
    expect(dvs.sort()).toEqual(["C10:C12", "C6:C9 C13:C40", "E6:E40"]);
    expect(tags(sheetXml(bytes), "dataValidations")[0]).toMatch(/count="3"/);
  });

  it("cutting a block out of a validated area keeps the four rectangles around it, and an area it misses whole", () => {
    const r = (top: number, left: number, bottom: number, right: number) => ({ top, left, bottom, right });
    // A1:E10 less C3:D4: rows 1-2 and 5-10 whole, then A3:B4 and E3:E4 beside the cut.
    expect(subtract(r(1, 1, 10, 5), r(3, 3, 4, 4))).toEqual([r(1, 1, 2, 5), r(5, 1, 10, 5), r(3, 1, 4, 2), r(3, 5, 4, 5)]);
    // Cut at the area's edges: nothing is left above, below or to the left.
    expect(subtract(r(3, 3, 4, 6), r(1, 1, 10, 4))).toEqual([r(3, 5, 4, 6)]);
    const apart = r(1, 1, 2, 2);
    expect(subtract(apart, r(3, 1, 4, 2))[0]).toBe(apart);
    expect(subtract(apart, r(1, 3, 2, 4))[0]).toBe(apart);
    expect(subtract(r(2, 2, 3, 3), r(1, 1, 5, 5))).toEqual([]);
  });
});

describe("what the commit adds to a package, and what it leaves byte for byte", () => {
  const NS = "urn:phuluc-nq57:marks:1";
  const text = (parts: Map<string, Buffer>, name: string) => parts.get(name)!.toString("utf8");

  it("a new custom XML part takes a number that no item and no properties part of the package has, and is related to its properties", async () => {
    // Another program left an item without properties (allowed) and a properties part numbered 2.
    const input = handEdited("libreoffice.xlsx", (p) => {
      p["customXml/item1.xml"] = strToU8('<other xmlns="urn:other"/>');
      p["customXml/itemProps2.xml"] = strToU8('<ds:datastoreItem ds:itemID="{00000000-0000-0000-0000-000000000002}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"/>');
      p["xl/_rels/workbook.xml.rels"] = inserted(p["xl/_rels/workbook.xml.rels"] as string, "</Relationships>", `<Relationship Id="rIdX" Type="${REL}/customXml" Target="../customXml/item1.xml"/>`);
    });
    const parts = await partsAfter(input, [{ op: "setCustomXml", namespace: NS, xml: `<marks xmlns="${NS}"/>` }]);
    expect([...parts.keys()].filter((n) => n.startsWith("customXml/")).sort()).toEqual([
      "customXml/_rels/item3.xml.rels",
      "customXml/item1.xml",
      "customXml/item3.xml",
      "customXml/itemProps2.xml",
      "customXml/itemProps3.xml",
    ]);
    expect(text(parts, "customXml/item1.xml")).toBe('<other xmlns="urn:other"/>');
    expect(text(parts, "customXml/_rels/item3.xml.rels")).toMatch(new RegExp(`<Relationship Id="rId1" Type="${REL}/customXmlProps" Target="itemProps3.xml"/>`));
    expect(text(parts, "xl/_rels/workbook.xml.rels")).toContain('Target="../customXml/item3.xml"');
  });

  it("forty namespaces in one plan: forty parts whose properties carry distinct GUIDs in Excel's form; one set again replaces its own part", async () => {
    const ns = (i: number) => `urn:phuluc-nq57:t${i}:1`;
    const plan: Edit[] = Array.from({ length: 40 }, (_, i) => ({ op: "setCustomXml", namespace: ns(i), xml: `<t xmlns="${ns(i)}" n="${i}"/>` }));
    plan.push({ op: "setCustomXml", namespace: ns(11), xml: `<t xmlns="${ns(11)}" n="again"/>` });
    const wb = await newWorkbook();
    applyEdits(wb, plan);
    const bytes = await workbookBytes(wb);
    const parts = zipParts(bytes);
    const items = [...parts.keys()].filter((n) => /^customXml\/item\d+\.xml$/.test(n));
    expect(items).toHaveLength(40);
    expect(text(parts, "customXml/item12.xml")).toBe(`<t xmlns="${ns(11)}" n="again"/>`);
    const ids = [...parts.keys()].filter((n) => /^customXml\/itemProps\d+\.xml$/.test(n)).map((n) => text(parts, n).match(/ds:itemID="([^"]*)"/)![1]);
    expect(ids).toHaveLength(40);
    // ST_Guid: upper-case hexadecimal in braces.
    for (const id of ids) expect(id).toMatch(/^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/);
    expect(new Set(ids).size).toBe(40);
    // The same edits give the same bytes.
    const again = await newWorkbook();
    applyEdits(again, plan);
    expect(Buffer.from(await workbookBytes(again)).equals(Buffer.from(bytes))).toBe(true);
  });

  it("gives the custom XML and its relationships their default content types when the package had none", async () => {
    const input = handEdited("libreoffice.xlsx", (p) => {
      p["[Content_Types].xml"] = (p["[Content_Types].xml"] as string).replace(/<Default Extension="(xml|rels)"[^>]*\/>/g, "");
    });
    const types = text(await partsAfter(input, [{ op: "setCustomXml", namespace: NS, xml: `<marks xmlns="${NS}"/>` }]), "[Content_Types].xml");
    expect(types).toContain('<Default Extension="xml" ContentType="application/xml"/>');
    expect(types).toContain('<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>');
  });

  it("a first note on a LibreOffice sheet: a VML drawing typed by extension, related as a VML drawing, and the sheet's legacy drawing pointing at it", async () => {
    const wb = await openWorkbook(fixture("libreoffice.xlsx"), "lo.xlsx");
    applyEdits(wb, [{ op: "setNote", sheet: "Số liệu", cell: "$h$2", text: "Nguồn: Phòng VH-XH" }]);
    const bytes = await workbookBytes(wb);
    const parts = zipParts(bytes);
    expect(text(parts, "[Content_Types].xml")).toContain('<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>');
    const part = sheetParts(parts).get("Số liệu")!;
    const id = text(parts, part).match(/<legacyDrawing r:id="([^"]+)"\/>/)![1];
    expect(text(parts, relsPartOf(part))).toMatch(new RegExp(`<Relationship Id="${id}" Type="${REL}/vmlDrawing" Target="[^"]+\\.vml"/>`));
    // "$h$2" is cell H2.
    expect((await readWorkbook(bytes, "lo.xlsx")).sheets.find((s) => s.name === "Số liệu")!.notes).toEqual({ H2: "Nguồn: Phòng VH-XH" });
  });

  it("a note on a sheet whose VML drawing holds only a button: a new comments part, related and typed, beside the button's drawing", async () => {
    const wb = await openWorkbook(withButton(), "b.xlsx");
    applyEdits(wb, [{ op: "setNote", sheet: "Phụ lục I", cell: "B6", text: "" }]);
    const onlyButton = await workbookBytes(wb);
    expect(zipParts(onlyButton).has("xl/comments/comment1.xml")).toBe(false);
    const out = await partsAfter(onlyButton, [{ op: "setNote", sheet: "Phụ lục I", cell: "C9", text: "Ghi chú mới" }]);
    const comments = [...out.keys()].filter((n) => /comments?\d*\.xml$/.test(n) && !zipParts(onlyButton).has(n));
    expect(comments).toHaveLength(1);
    expect(text(out, "xl/worksheets/_rels/sheet1.xml.rels")).toMatch(new RegExp(`Type="${REL}/comments" Target="[^"]*${comments[0].split("/").pop()}"`));
    expect(text(out, "[Content_Types].xml")).toContain(`<Override PartName="/${comments[0]}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>`);
    const vml = text(out, "xl/drawings/commentsDrawing1.vml");
    expect(vml).toContain('ObjectType="Button"');
    expect(vml).toContain('ObjectType="Note"');
  });

  it("a first note on an openpyxl sheet, whose root declares no relationships prefix: the root declares r: for the legacy drawing", async () => {
    const parts = await partsAfter(fixture("base-openpyxl.xlsx"), [{ op: "setNote", sheet: "Tổng hợp", cell: "A1", text: "một" }]);
    const xml = text(parts, sheetParts(parts).get("Tổng hợp")!);
    expect(xml).toMatch(new RegExp(`^(<\\?xml[^>]*>)?\\s*<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"[^>]* xmlns:r="${REL}"`));
    expect(xml).toMatch(/<legacyDrawing r:id="rId\d+"\/>/);
  });

  it("the only note of a sheet whose relationships were the notes' alone: the sheet's relationships part goes too", async () => {
    const input = fixture("libreoffice.xlsx");
    const before = zipParts(input);
    const part = sheetParts(before).get("Phụ lục II")!;
    expect(text(before, relsPartOf(part))).not.toMatch(/drawing"|hyperlink|table/);
    const notes = (await readWorkbook(input, "lo.xlsx")).sheets.find((s) => s.name === "Phụ lục II")!.notes!;
    const edits: Edit[] = Object.keys(notes).map((cell) => ({ op: "setNote", sheet: "Phụ lục II", cell, text: "" }));
    const parts = await partsAfter(input, edits);
    expect(parts.has(relsPartOf(part))).toBe(false);
    expect(text(parts, part)).not.toContain("legacyDrawing");
    expect([...parts.keys()].filter((n) => !before.has(n))).toEqual([]);
  });

  it("values written into a workbook that does not recalculate on opening: its workbook part, relationships and content types stay byte for byte", async () => {
    const input = fixture("libreoffice.xlsx");
    const before = zipParts(input);
    const parts = await partsAfter(input, [{ op: "setValues", sheet: "Số liệu", range: "H1", values: [["ghi chú"]] }]);
    for (const name of ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml"]) expect([name, parts.get(name)!.equals(before.get(name)!)]).toEqual([name, true]);
  });

  it("a formula makes Excel recalculate on opening: the calcPr the workbook has gains fullCalcOnLoad, and a workbook with none gets one", async () => {
    const formula: Edit = { op: "setValues", sheet: "Số liệu", range: "H1", values: [[{ formula: "=1+1", value: 2 }]] };
    const kept = text(await partsAfter(fixture("libreoffice.xlsx"), [formula]), "xl/workbook.xml").match(/<calcPr[^>]*>/)![0];
    expect(kept).toMatch(/iterateCount="100"/);
    expect(kept).toMatch(/fullCalcOnLoad="1"/);
    const none = handEdited("libreoffice.xlsx", (p) => {
      p["xl/workbook.xml"] = strFromU8(p["xl/workbook.xml"] as Uint8Array).replace(/<calcPr[^>]*\/>/, "");
    });
    expect(zipParts(none).get("xl/workbook.xml")!.toString("utf8")).not.toContain("calcPr");
    expect(text(await partsAfter(none, [formula]), "xl/workbook.xml")).toMatch(/<calcPr fullCalcOnLoad="1"\/>/);
  });

  it("notes asked for a threaded comment's cell, twice: said once, and the sheet's comment parts stay byte for byte", async () => {
    const input = fixture("full-openpyxl.xlsx");
    const wb = await openWorkbook(input, "f.xlsx");
    const { notDone } = applyEdits(wb, [
      { op: "setNote", sheet: "Phụ lục I", cell: "D6", text: "một" },
      { op: "setNote", sheet: "Phụ lục I", cell: "d6", text: "hai" },
    ]);
    expect(notDone).toEqual(['Ô D6 (trang "Phụ lục I") có bình luận dạng hội thoại nên không gắn ghi chú vào ô đó.']);
    const before = zipParts(input);
    const parts = zipParts(await workbookBytes(wb));
    for (const name of [...before.keys()].filter((n) => /comments|\.vml$/.test(n))) expect([name, parts.get(name)!.equals(before.get(name)!)]).toEqual([name, true]);
  });

  it("a workbook that came with every sheet hidden still takes edits that hide nothing; hiding the last visible sheet is refused as apply-failed", async () => {
    const allHidden = handEdited("libreoffice.xlsx", (p) => {
      p["xl/workbook.xml"] = strFromU8(p["xl/workbook.xml"] as Uint8Array).replace(/state="visible"/g, 'state="hidden"');
    });
    const parts = await partsAfter(allHidden, [{ op: "setValues", sheet: "Số liệu", range: "H1", values: [["ghi chú"]] }]);
    expect(rawCells(text(parts, sheetParts(parts).get("Số liệu")!)).get("H1")!.v).toBe("ghi chú");
    const wb = await openWorkbook(fixture("libreoffice.xlsx"), "lo.xlsx");
    let error: unknown;
    try {
      applyEdits(wb, ["Phụ lục I", "Phụ lục II", "Số liệu", "Ghi chú"].map((sheet): Edit => ({ op: "sheetVisibility", sheet, visibility: "hidden" })));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).code).toBe("apply-failed");
  });

  it("a workbook without book views (allowed) takes a hidden sheet", async () => {
    const bare = handEdited("libreoffice.xlsx", (p) => {
      p["xl/workbook.xml"] = strFromU8(p["xl/workbook.xml"] as Uint8Array).replace(/<bookViews>[\s\S]*<\/bookViews>/, "");
    });
    const parts = await partsAfter(bare, [{ op: "sheetVisibility", sheet: "Phụ lục I", visibility: "hidden" }]);
    const wbXml = text(parts, "xl/workbook.xml");
    expect(wbXml).not.toContain("bookViews");
    expect(wbXml).toMatch(/<sheet name="Phụ lục I"[^>]*state="hidden"/);
  });
});

describe("merged areas and frozen panes, edge by edge", () => {
  async function sheetAfter(edits: Edit[]): Promise<string> {
    return sheetXml(await written([{ op: "addSheet", sheet: S }, ...edits]));
  }
  const merge = (range: string): Edit => ({ op: "merge", sheet: S, range });

  it("an area beside, above, below or diagonal to a merged one is merged; the same area again is kept once; one shared cell is refused", async () => {
    // C3:D4 merged first; the others touch it at an edge or a corner without sharing a cell.
    const xml = await sheetAfter(["C3:D4", "A1:B2", "E5:F6", "C1:D2", "C5:D5", "A3:B4", "E3:E4", "C3:D4"].map(merge));
    expect(xml.match(/<mergeCell ref="[^"]+"\/>/g)).toEqual(["C3:D4", "A1:B2", "E5:F6", "C1:D2", "C5:D5", "A3:B4", "E3:E4"].map((r) => `<mergeCell ref="${r}"/>`));
    expect(xml).toMatch(/<mergeCells count="7">/);
    // Sharing the top-left corner but not the size is sharing cells, not the same area.
    for (const shared of ["D4:E5", "B2:C3", "A4:C4", "C2:C3", "D1:D6", "C3:D5", "C3:E4", "C2:D4", "B3:D4"]) {
      const wb = await newWorkbook();
      expect(() => applyEdits(wb, [{ op: "addSheet", sheet: S }, merge("C3:D4"), merge(shared)])).toThrow(HostError);
    }
  });

  it("freezes rows, columns or both, with the pane and selection Excel writes; none unfreezes", async () => {
    const pane = (xml: string) => [xml.match(/<pane [^>]*\/>/)?.[0] ?? null, xml.match(/<selection [^>]*\/>/)?.[0] ?? null];
    const freeze = (rows: number, cols: number): Edit => ({ op: "freeze", sheet: S, rows, cols });
    expect(pane(await sheetAfter([freeze(3, 0)]))).toEqual(['<pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/>', '<selection pane="bottomLeft" activeCell="A4" sqref="A4"/>']);
    expect(pane(await sheetAfter([freeze(0, 2)]))).toEqual(['<pane xSplit="2" topLeftCell="C1" activePane="topRight" state="frozen"/>', '<selection pane="topRight" activeCell="C1" sqref="C1"/>']);
    expect(pane(await sheetAfter([freeze(1, 1)]))).toEqual(['<pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"/>', '<selection pane="bottomRight" activeCell="B2" sqref="B2"/>']);
    // Frozen again: one pane, the new one; frozen at nothing: no pane, no selection left.
    const twice = await sheetAfter([freeze(1, 1), freeze(2, 0)]);
    expect(twice.match(/<pane /g)).toHaveLength(1);
    expect(pane(twice)[0]).toContain('ySplit="2"');
    expect(pane(await sheetAfter([freeze(1, 1), freeze(0, 0)]))).toEqual([null, null]);
  });
});
