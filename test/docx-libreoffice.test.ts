/**
 * Word documents made by a real word processor, LibreOffice Writer headless: the seed
 * plans as flat ODF text converted to .docx, a flat ODF text with automatic numbering
 * and merged cells and an HTML page with a table converted to .docx, and the same plan
 * saved as .doc, .odt and PDF. And
 * the appendices `phuluc export` writes, rendered by LibreOffice to PDF and measured
 * with poppler-utils: A4 landscape, Times New Roman (or its metric twin Liberation
 * Serif), no text under 12 pt, the header row on every page, page numbers from page 2.
 */
import type { CliIO } from "../src/cli/io";
import { main } from "../src/cli/main";
import { readDocx } from "../src/hosts/docx/read";
import { unzipSync, strFromU8 } from "fflate";
import { SEED_IDS } from "./seeds";
import { seedDocx } from "./docx";
import { seedWorkbook } from "./xlsx";
import { poppler, seedFodt, writerConvert } from "./writer";
import { differences, type CheckJson } from "./check-compare";

jest.setTimeout(300_000);

function fakeIO(files: Record<string, Uint8Array>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readFile: async (p) => {
      if (!(p in files)) throw new Error("ENOENT");
      return files[p];
    },
    writeFile: async (p, d) => {
      files[p] = d;
    },
    exists: (p) => p in files,
    today: () => "2026-06-30",
  };
  return { io, out, err };
}

async function cli(args: string[], files: Record<string, Uint8Array>) {
  const { io, out, err } = fakeIO(files);
  const code = await main(args, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const NUMBERED_FODT = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:automatic-styles>
<text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/></text:list-style>
<text:list-style style:name="L2"><text:list-level-style-number text:level="1" style:num-format="I"/></text:list-style>
</office:automatic-styles>
<office:body><office:text>
<text:p>ỦY BAN NHÂN DÂN XÃ TÂN LỢI</text:p>
<text:p>PHỤ LỤC I</text:p>
<text:p>(Kèm theo Kế hoạch số 12/KH-UBND ngày 05/3/2026 của UBND xã Tân Lợi)</text:p>
<table:table table:name="PL1"><table:table-column table:number-columns-repeated="5"/>
<table:table-header-rows><table:table-row>
<table:table-cell><text:p>STT</text:p></table:table-cell><table:table-cell><text:p>Nội dung chỉ tiêu</text:p></table:table-cell><table:table-cell><text:p>Đơn vị tính</text:p></table:table-cell><table:table-cell><text:p>Chỉ tiêu năm 2026</text:p></table:table-cell><table:table-cell><text:p>Đơn vị chủ trì</text:p></table:table-cell>
</table:table-row></table:table-header-rows>
<table:table-row><table:table-cell><text:list xml:id="g1" text:style-name="L2"><text:list-item><text:p/></text:list-item></text:list></table:table-cell><table:table-cell table:number-columns-spanned="4"><text:p>Hạ tầng số</text:p></table:table-cell><table:covered-table-cell/><table:covered-table-cell/><table:covered-table-cell/></table:table-row>
<table:table-row><table:table-cell><text:list xml:id="i1" text:style-name="L1"><text:list-item><text:p/></text:list-item></text:list></table:table-cell><table:table-cell><text:p>Tỷ lệ phủ sóng 5G trên địa bàn xã</text:p></table:table-cell><table:table-cell><text:p>%</text:p></table:table-cell><table:table-cell><text:p>≥ 60%</text:p></table:table-cell><table:table-cell table:number-rows-spanned="2"><text:p>Phòng Văn hóa - Xã hội</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell><text:list text:continue-list="i1" text:style-name="L1"><text:list-item><text:p/></text:list-item></text:list></table:table-cell><table:table-cell><text:p>Tỷ lệ hộ gia đình có khả năng truy cập băng rộng cố định</text:p></table:table-cell><table:table-cell><text:p>%</text:p></table:table-cell><table:table-cell><text:p>≥ 70%</text:p></table:table-cell><table:covered-table-cell/></table:table-row>
<table:table-row><table:table-cell><text:list text:continue-list="g1" text:style-name="L2"><text:list-item><text:p/></text:list-item></text:list></table:table-cell><table:table-cell table:number-columns-spanned="4"><text:p>Chuyển đổi số</text:p></table:table-cell><table:covered-table-cell/><table:covered-table-cell/><table:covered-table-cell/></table:table-row>
<table:table-row><table:table-cell><text:list text:continue-list="i1" text:style-name="L1"><text:list-item><text:p/></text:list-item></text:list></table:table-cell><table:table-cell><text:p>Tỷ lệ hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa</text:p></table:table-cell><table:table-cell><text:p>%</text:p></table:table-cell><table:table-cell><text:p>100%</text:p></table:table-cell><table:table-cell><text:p>Trung tâm Phục vụ hành chính công</text:p></table:table-cell></table:table-row>
</table:table>
</office:text></office:body></office:document>
`;

// A table as it comes from a web page or an e-mail: header cells, colspan/rowspan, <br> in cells.
const PASTED_HTML = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Phụ lục</title></head><body>
<p>Kế hoạch triển khai năm 2026.</p>
<table style="border:none" width="100%"><tr><td><p align="center"><b>ỦY BAN NHÂN DÂN<br>PHƯỜNG MINH HƯNG</b></p></td>
<td><p align="center"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b></p><p align="center"><b>Độc lập - Tự do - Hạnh phúc</b></p></td></tr></table>
<p align="center" style="page-break-before: always"><b>PHỤ LỤC II</b></p>
<p align="center"><i>(Kèm theo Kế hoạch số …/KH-UBND ngày …/…/2026 của UBND phường Minh Hưng)</i></p>
<table border="1" cellspacing="0" cellpadding="4"><thead><tr><th>TT</th><th>Tên nhiệm vụ</th><th>Sản phẩm đầu ra</th><th>Đơn vị<br>chủ trì</th><th>Thời gian hoàn thành</th></tr></thead>
<tbody><tr><td>I</td><td colspan="4">Hạ tầng số</td></tr>
<tr><td>1</td><td>Nâng cấp mạng nội bộ</td><td>Hệ thống mạng</td><td rowspan="2">Phòng Văn hóa - Xã hội</td><td>Quý II/2026</td></tr>
<tr><td>2</td><td>Số hóa hồ sơ lưu trữ</td><td>Kho dữ liệu số</td><td>Năm 2026</td></tr></tbody></table>
</body></html>`;

describe("documents LibreOffice Writer makes", () => {
  const files: Record<string, Uint8Array> = {};
  beforeAll(async () => {
    const [converted, [fromHtml]] = await Promise.all([
      writerConvert([...SEED_IDS.map((id) => ({ name: `${id}.fodt`, bytes: seedFodt(id) })), { name: "danh-so.fodt", bytes: NUMBERED_FODT }], "docx"),
      writerConvert([{ name: "trang-web.html", bytes: PASTED_HTML }], "docx", { html: true }),
    ]);
    for (const [i, id] of SEED_IDS.entries()) {
      files[`${id}.docx`] = converted[i];
      files[`${id}.xlsx`] = await seedWorkbook(id);
    }
    files["danh-so.docx"] = converted[SEED_IDS.length];
    files["trang-web.docx"] = fromHtml;
  });

  it.each(SEED_IDS)("seed %s as a Writer .docx: check reports what it reports on the .xlsx transcription", async (id) => {
    const x = await cli(["check", `${id}.xlsx`, "--json"], files);
    const d = await cli(["check", `${id}.docx`, "--json"], files);
    expect(differences(JSON.parse(x.out) as CheckJson, JSON.parse(d.out) as CheckJson)).toEqual([]);
    expect(d.code).toBe(x.code);
  });

  it("reads a table Writer imported from a web page: its heading above, its spans and merges", async () => {
    const r = await cli(["check", "trang-web.docx", "--json"], files);
    const report = (JSON.parse(r.out) as CheckJson).sheets.find((s) => s.name === "Phụ lục II")!;
    expect(report.kind).toBe("tasks");
    expect(report.commune).toEqual({ code: "25441", name: "Minh Hưng", type: "phuong" });
    expect(report.rows.map((x) => x.kind)).toEqual(["group", "task", "task"]);
    // Both tasks have their lead unit (merged over the two rows) and a dated deadline.
    expect(report.findings.filter((f) => /lead-missing|deadline/.test(f.code))).toEqual([]);
    const wb = await readDocx(files["trang-web.docx"], "trang-web.docx");
    const sheet = wb.sheets.find((s) => s.name === "Phụ lục II")!;
    const header = sheet.values.findIndex((row) => row[0] === "TT");
    expect(sheet.values[header]).toEqual(["TT", "Tên nhiệm vụ", "Sản phẩm đầu ra", "Đơn vị\nchủ trì", "Thời gian hoàn thành"]);
    expect(sheet.merges?.sort()).toEqual([`B${header + 2}:E${header + 2}`, `D${header + 3}:D${header + 4}`]);
  });

  it("reads Writer's automatic numbering in a number column, its spans and its vertical merges", async () => {
    const wb = await readDocx(files["danh-so.docx"], "danh-so.docx");
    const sheet = wb.sheets.find((s) => s.name === "Phụ lục I")!;
    expect(sheet.values.map((r) => r[0])).toEqual(["ỦY BAN NHÂN DÂN XÃ TÂN LỢI", "PHỤ LỤC I", "(Kèm theo Kế hoạch số 12/KH-UBND ngày 05/3/2026 của UBND xã Tân Lợi)", "STT", "I", "1.", "2.", "II", "3."]);
    expect(sheet.merges?.sort()).toEqual(["B5:E5", "B8:E8", "E6:E7"]);
    const r = await cli(["check", "danh-so.docx", "--json"], files);
    const report = (JSON.parse(r.out) as CheckJson).sheets.find((s) => s.name === "Phụ lục I")!;
    expect(report.kind).toBe("indicators");
    expect(report.commune).toEqual({ code: "25378", name: "Tân Lợi", type: "xa" });
    expect(report.rows.map((x) => x.kind)).toEqual(["group", "indicator", "indicator", "group", "indicator"]);
    // Numbers run on across the groups without a gap; the merged lead unit counts for both rows.
    expect(report.findings.filter((f) => /numbering|lead-missing/.test(f.code))).toEqual([]);
  });
});

describe("documents the Word reader cannot read, as LibreOffice saves them", () => {
  it("a .doc, an .odt and a PDF of a plan each get a message saying to save as .docx", async () => {
    const docx = seedDocx("002");
    const [[doc], [odt], [pdf]] = await Promise.all([
      writerConvert([{ name: "ke-hoach.docx", bytes: docx }], "doc"),
      writerConvert([{ name: "ke-hoach.docx", bytes: docx }], "odt"),
      writerConvert([{ name: "ke-hoach.docx", bytes: docx }], "pdf"),
    ]);
    const files = { "ke-hoach.doc": doc, "ke-hoach.odt": odt, "ke-hoach.pdf": pdf };
    const doc1 = await cli(["check", "ke-hoach.doc"], files);
    expect(doc1.code).toBe(2);
    expect(doc1.err).toMatch(/văn bản Word cũ \(\.doc, Word 97-2003\).*Tài liệu Word \(\.docx\)/);
    expect((await cli(["check", "ke-hoach.odt"], files)).err).toMatch(/OpenDocument \(\.odt\).*\.docx/);
    expect((await cli(["check", "ke-hoach.pdf"], files)).err).toMatch(/là tệp PDF: không đọc được bảng từ PDF/);
    // Consolidation lists the file with its reason and goes on.
    const c = await cli(["consolidate", "ke-hoach.doc", "ke-hoach.pdf", "--json", "--as-of", "2026-06-30"], files);
    expect(c.code).toBe(2);
    expect(c.err).toMatch(/ke-hoach\.doc: Tệp "ke-hoach\.doc" là văn bản Word cũ/);
  });
});

describe("phuluc export, rendered by LibreOffice", () => {
  const files: Record<string, Uint8Array> = {};
  let pdfs: Record<string, Uint8Array> = {};
  beforeAll(async () => {
    expect((await cli(["insert", "--xa", "Tân Lợi", "--nam", "2026", "-o", "pl.xlsx"], files)).code).toBe(0);
    for (const [sheet, out] of [["Phụ lục I", "phu-luc-I.docx"], ["Phụ lục II", "phu-luc-II.docx"]]) {
      const r = await cli(["export", "pl.xlsx", "--sheet", sheet, "-o", out], files);
      expect(r).toMatchObject({ code: 0, err: "" });
    }
    const [one, two] = await writerConvert(
      [
        { name: "phu-luc-I.docx", bytes: files["phu-luc-I.docx"] },
        { name: "phu-luc-II.docx", bytes: files["phu-luc-II.docx"] },
      ],
      "pdf",
    );
    pdfs = { I: one, II: two };
  });

  const pages = (pdf: Uint8Array) => Number(poppler("pdfinfo", pdf).match(/Pages:\s+(\d+)/)![1]);
  /** Words of a page with their box (points from the top-left corner). */
  const words = (pdf: Uint8Array, page: number) =>
    [...poppler("pdftotext", pdf, ["-bbox", "-f", String(page), "-l", String(page)]).matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      yMin: Number(m[2]),
      yMax: Number(m[4]),
      text: m[5],
    }));

  it.each(["I", "II"])("Phụ lục %s: A4 landscape pages in Times New Roman or Liberation Serif, nothing under 12 pt", (n) => {
    const pdf = pdfs[n];
    const info = poppler("pdfinfo", pdf);
    const size = info.match(/Page size:\s+([\d.]+) x ([\d.]+) pts/)!;
    // A4 is 841.89 × 595.28 points; landscape puts the long side across.
    expect(Number(size[1])).toBeCloseTo(841.89, 0);
    expect(Number(size[2])).toBeCloseTo(595.28, 0);
    const fonts = poppler("pdffonts", pdf)
      .split("\n")
      .slice(2)
      .filter(Boolean)
      .map((l) => l.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ""));
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatch(/^(TimesNewRoman|Times-|LiberationSerif)/);
    // pdftotext's word boxes are 1.3 × the font size high for these fonts.
    for (let p = 1; p <= pages(pdf); p++) {
      const smallest = Math.min(...words(pdf, p).map((w) => (w.yMax - w.yMin) / 1.3));
      expect(smallest).toBeGreaterThanOrEqual(11.95);
    }
  });

  it("Phụ lục I runs over several pages, each with the header row on top and its number centred in the top margin from page 2", () => {
    const pdf = pdfs.I;
    const n = pages(pdf);
    expect(n).toBeGreaterThan(1);
    const header = (page: number) => poppler("pdftotext", pdf, ["-f", String(page), "-l", String(page)]);
    for (let p = 1; p <= n; p++) {
      expect(header(p)).toContain("Nội dung chỉ tiêu");
      expect(header(p)).toContain("Đơn vị chủ trì");
      // The page number sits above the text area (top margin 20 mm ≈ 57 pt).
      const numbers = words(pdf, p).filter((w) => /^\d+$/.test(w.text) && w.yMax < 57);
      expect(numbers.map((w) => w.text)).toEqual(p === 1 ? [] : [String(p)]);
    }
    expect(header(1)).toMatch(/ỦY BAN NHÂN DÂN[\s\S]*XÃ TÂN LỢI/);
    expect(header(1)).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(header(1)).toContain("PHỤ LỤC I");
    expect(header(1)).toContain("(Kèm theo Kế hoạch số …/KH-UBND ngày … tháng … năm 2026 của UBND xã Tân Lợi)");
  });

  it("both exports mark their header rows to repeat (w:tblHeader) and read back as the same appendix", async () => {
    for (const [name, sheet] of [["phu-luc-I.docx", "Phụ lục I"], ["phu-luc-II.docx", "Phụ lục II"]]) {
      const xml = strFromU8(unzipSync(files[name])["word/document.xml"]);
      const tables = xml.split("<w:tbl>").slice(1);
      expect(tables).toHaveLength(2); // the heading block, then the appendix
      expect(tables[1].split("<w:tr>")[1]).toContain("<w:tblHeader/>");
      expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
      expect(xml).toContain('<w:titlePg/>');
      // The Word file reads back as the appendix it came from: same kind, rows and commune.
      const x = JSON.parse((await cli(["check", "pl.xlsx", "--json", "--sheet", sheet], files)).out) as CheckJson;
      const d = JSON.parse((await cli(["check", name, "--json", "--sheet", sheet], files)).out) as CheckJson;
      expect(d.sheets[0].kind).toBe(x.sheets[0].kind);
      expect(d.sheets[0].commune).toEqual(x.sheets[0].commune);
      expect(d.sheets[0].rows.map((r) => `${r.kind}:${r.indicatorCode}`)).toEqual(x.sheets[0].rows.map((r) => `${r.kind}:${r.indicatorCode}`));
    }
  });
});
