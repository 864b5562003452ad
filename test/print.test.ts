/**
 * Printing as Decree 30/2020/NĐ-CP asks, checked on what LibreOffice prints: each
 * inserted form, the plan form computed into its report form, the overview and a
 * consolidation of three communes, rendered to PDF in one soffice run. The page setup
 * is read back by ExcelJS (an independent reader); the PDF's text sizes come from its
 * content streams, its words and their positions from poppler's pdftotext.
 */
import ExcelJS from "exceljs";
import { convertWithLibreOffice } from "./libreoffice";
import { printDocuments, type PrintDocument } from "./print-documents";
import { headerNumber, pageText, pdfPages, sheetRuns, textSizes, type PdfPage } from "./pdf";
import { typedInto } from "./xlsx";
import { xlsxValues } from "./recalc";
import { runInsert } from "./insert-scenario";
import { readTable } from "../src/domain/reader";
import { openWorkbook, snapshotWorkbook } from "../src/hosts/file/read";

const PT_PER_MM = 72 / 25.4;
const A4 = { width: 297 * PT_PER_MM, height: 210 * PT_PER_MM };
const MARGIN = { top: 20 * PT_PER_MM, bottom: 20 * PT_PER_MM, left: 30 * PT_PER_MM, right: 15 * PT_PER_MM };
/** The middle of the text area, where the page number goes. */
const CENTRE = MARGIN.left + (A4.width - MARGIN.left - MARGIN.right) / 2;

let docs: PrintDocument[];
let pdfs: Uint8Array[];
/** Each printed sheet's pages, found as LibreOffice numbers them: a sheet starts on a page without a number. */
let printed: { doc: string; sheet: string; what: string; pages: PdfPage[] }[];

beforeAll(async () => {
  docs = await printDocuments();
  pdfs = await convertWithLibreOffice(
    docs.map((d) => ({ name: d.name, bytes: d.bytes })),
    "pdf",
  );
  printed = [];
  docs.forEach((d, i) => {
    const runs = sheetRuns(pdfPages(pdfs[i]), MARGIN.top);
    expect([d.name, runs.length]).toEqual([d.name, d.sheets.length]);
    d.sheets.forEach((s, k) => printed.push({ doc: d.name, sheet: s.name, what: s.what, pages: runs[k].pages }));
  });
}, 300_000);

async function excelJs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

describe("the page setup of every printed sheet", () => {
  it("is A4 landscape with the decree's margins and the page number in the top margin from page 2", async () => {
    for (const d of docs) {
      const wb = await excelJs(d.bytes);
      for (const s of d.sheets) {
        const ws = wb.getWorksheet(s.name)!;
        const m = ws.pageSetup.margins!;
        const mm = (inch: number) => Math.round(inch * 25.4);
        expect([d.name, s.name, ws.pageSetup.paperSize, ws.pageSetup.orientation]).toEqual([d.name, s.name, 9, "landscape"]);
        expect([s.name, mm(m.top), mm(m.bottom), mm(m.left), mm(m.right), mm(m.header)]).toEqual([s.name, 20, 20, 30, 15, 10]);
        expect([s.name, ws.headerFooter.differentFirst, ws.headerFooter.oddHeader, ws.headerFooter.firstHeader ?? ""]).toEqual([
          s.name,
          true,
          '&C&"Times New Roman,Regular"&13&P',
          "",
        ]);
      }
    }
  });

  it("hides the list sheet, so it never prints, while its lists still feed the drop-downs", async () => {
    for (const d of docs.filter((x) => x.name !== "tong-hop.xlsx")) {
      const wb = await excelJs(d.bytes);
      expect([d.name, wb.getWorksheet("Danh mục")?.state]).toEqual([d.name, "hidden"]);
    }
    for (const pdf of pdfs) for (const p of pdfPages(pdf)) expect(pageText(p)).not.toContain("DANH MỤC DÙNG CHUNG");
  });
});

describe("what LibreOffice prints", () => {
  it("prints no text under 12 pt: the tables are designed for A4, never shrunk to fit", () => {
    docs.forEach((d, i) => {
      const sizes = textSizes(pdfs[i]);
      expect(sizes.length).toBeGreaterThan(100);
      // 12 pt prints as 11.99 (LibreOffice's twips).
      expect([d.name, Math.min(...sizes) >= 11.95]).toEqual([d.name, true]);
    });
  });

  it("numbers the pages of each sheet from 2, centred in the top margin, none on the first", () => {
    for (const s of printed) {
      s.pages.forEach((p, k) => {
        expect([s.doc, s.sheet, p.width, p.height].map((x) => (typeof x === "number" ? Math.round(x) : x))).toEqual([s.doc, s.sheet, Math.round(A4.width), Math.round(A4.height)]);
        const n = headerNumber(p, MARGIN.top);
        if (k === 0) expect([s.sheet, n]).toEqual([s.sheet, null]);
        else {
          expect([s.sheet, k + 1, n?.number]).toEqual([s.sheet, k + 1, k + 1]);
          expect(Math.abs(n!.centre - CENTRE)).toBeLessThan(10);
        }
      });
    }
  });

  it("keeps every word within the decree's margins: nothing cut at the right edge", () => {
    for (const s of printed) {
      for (const p of s.pages) {
        const body = p.words.filter((w) => !(w.yMax <= MARGIN.top && /^\d+$/.test(w.text)));
        const outside = body.filter((w) => w.xMin < MARGIN.left - 1 || w.xMax > A4.width - MARGIN.right + 1 || w.yMin < MARGIN.top - 3 || w.yMax > A4.height - MARGIN.bottom + 3);
        expect([s.doc, s.sheet, outside.map((w) => w.text)]).toEqual([s.doc, s.sheet, []]);
      }
    }
  });

  it("repeats the table's header on every page, and prints the heading block, the title and the date in words", () => {
    const sheet = (doc: string, name: string) => printed.find((s) => s.doc === doc && s.sheet === name)!;
    const plan = sheet("ke-hoach.xlsx", "Phụ lục I");
    const first = pageText(plan.pages[0]);
    for (const text of ["ỦY BAN NHÂN DÂN", "XÃ TÂN LỢI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "PHỤ LỤC I", "ngày 05 tháng 3 năm 2026"]) {
      expect([text, first.includes(text)]).toEqual([text, true]);
    }
    expect(plan.pages.length).toBeGreaterThan(2);
    for (const p of plan.pages) expect(pageText(p)).toContain("Nội dung chỉ tiêu");
    // The plan form prints no report column and no internal code; its report form does.
    const planText = plan.pages.map(pageText).join("\n");
    expect(planText).not.toMatch(/Kết quả|Tỷ lệ đạt|Đánh giá|HT-01|Ngày báo cáo/);
    expect(sheet("ke-hoach-tinh.xlsx", "Phụ lục I").pages.map(pageText).join("\n")).toMatch(/Kết quả[\s\S]*Tỷ lệ đạt[\s\S]*Đánh giá/);
    expect(sheet("ke-hoach-tinh.xlsx", "Phụ lục II").pages.map(pageText).join("\n")).toMatch(/Tình[\s\S]*Cảnh báo/);
  });

  it("prints the overview and the consolidation as documents: heading, title with the period, signatures", () => {
    for (const [doc, name, title] of [
      ["tong-quan.xlsx", "Tổng quan", "TỔNG QUAN KẾT QUẢ THỰC HIỆN CHỈ TIÊU, NHIỆM VỤ NĂM 2026"],
      ["tong-hop.xlsx", "Tổng hợp chỉ tiêu", "TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2026"],
      ["tong-hop.xlsx", "Tổng hợp nhiệm vụ", "TỔNG HỢP TÌNH HÌNH THỰC HIỆN NHIỆM VỤ NĂM 2026"],
    ]) {
      const s = printed.find((x) => x.doc === doc && x.sheet === name)!;
      const all = s.pages.map(pageText).join("\n");
      for (const text of ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", title, "ngày 20 tháng 6 năm 2026", "NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ"]) {
        expect([name, text, all.includes(text)]).toEqual([name, text, true]);
      }
    }
    // The overview covers both computed appendices of the workbook.
    expect(pageText(printed.find((x) => x.sheet === "Tổng quan")!.pages[0])).toContain("từ các trang: Phụ lục I, Phụ lục II");
  });

  it("prints the consolidated indicators of three communes compactly: about a page per 10 indicators, not 17 pages", async () => {
    const wb = snapshotWorkbook(await openWorkbook(docs.find((d) => d.name === "tong-hop.xlsx")!.bytes, "tong-hop.xlsx"));
    const sheet = wb.sheets.find((s) => s.name === "Tổng hợp chỉ tiêu")!;
    const indicators = sheet.values.filter((r) => typeof r[0] === "number").length;
    expect(indicators).toBeGreaterThan(30);
    const pages = printed.find((s) => s.sheet === "Tổng hợp chỉ tiêu")!.pages.length;
    // 12 pt text and names of 78 characters on average wrap to two or three lines: a
    // page holds 10 to 15 indicators (see the report of issue 15 for the arithmetic).
    expect(pages).toBeLessThanOrEqual(Math.ceil(indicators / 10) + 1);
  });
});

describe("the list sheet, hidden, in LibreOffice", () => {
  it("still resolves the drop-downs' names and keeps the validations and the hidden state", async () => {
    const made = await runInsert(["--xa", "Tân Lợi", "--nam", "2026", "-o", "k.xlsx"]);
    // Formulas over the lists' names, typed into a free cell: LibreOffice computes them from the hidden sheet.
    const probe = await typedInto(made.bytes!, (wb) => {
      const ws = wb.getWorksheet("Phụ lục I")!;
      ws.getCell("P1").value = { formula: "COUNTA(NQ57_DS_DVT)" } as ExcelJS.CellFormulaValue;
      ws.getCell("P2").value = { formula: "INDEX(NQ57_DS_TINHTRANG,3)" } as ExcelJS.CellFormulaValue;
    });
    const [saved] = await convertWithLibreOffice([{ name: "k.xlsx", bytes: probe }], "xlsx");
    const values = xlsxValues(saved).get("Phụ lục I")!;
    const list = snapshotWorkbook(await openWorkbook(made.bytes!, "k.xlsx")).sheets.find((s) => s.name === "Danh mục")!;
    const units = list.values.slice(4).filter((r) => typeof r[6] === "string").length;
    expect([values.get("P1"), values.get("P2")]).toEqual([units, "Hoàn thành"]);
    const wb = await excelJs(saved);
    expect(wb.getWorksheet("Danh mục")!.state).toBe("hidden");
    const ws = wb.getWorksheet("Phụ lục I")!;
    const table = readTable(snapshotWorkbook(await openWorkbook(saved, "k.xlsx")).sheets.find((s) => s.name === "Phụ lục I")!);
    if (!table.ok) throw new Error(table.message);
    const unitCol = table.table.columns.find((c) => c.role === "unit")!.col;
    // LibreOffice writes a second, unused operand ("0") for a list: the list is the first one, still the name.
    const dv = ws.getCell(table.table.headerRow + 2, unitCol).dataValidation;
    expect([dv.type, dv.formulae?.[0]]).toEqual(["list", "NQ57_DS_DVT"]);
    // And our own writer writes the name alone.
    const ours = (await excelJs(made.bytes!)).getWorksheet("Phụ lục I")!.getCell(table.table.headerRow + 2, unitCol).dataValidation;
    expect([ours.type, ours.formulae]).toEqual(["list", ["NQ57_DS_DVT"]]);
  });
});
