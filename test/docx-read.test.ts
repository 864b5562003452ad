/**
 * The Word reader on hand-built OOXML in Word's own style (test/docx.ts): each way
 * Word stores what an official sees, read back as the cells the official sees.
 */
import * as fs from "fs";
import * as path from "path";
import { strToU8, zipSync } from "fflate";
import { readDocx } from "../src/hosts/docx/read";
import type { WorkbookSnapshot } from "../src/domain/snapshot";
import { placeOf } from "../src/domain/location";
import { typedValue } from "../src/hosts/docx/sheets";
import { docxBytes, esc, ListBuilder, NS, pageBreak, para, run, tableXml, textPara, type RowSpec } from "./docx";
import { writeZip } from "./bad/zip";

const read = (body: string, numbering?: string) => readDocx(docxBytes({ body, ...(numbering ? { numbering } : {}) }), "ke-hoach.docx");
const cell = (text: string) => ({ content: textPara(text) });
const row = (...texts: string[]): RowSpec => ({ cells: texts.map(cell) });
const values = (wb: WorkbookSnapshot, i = 0) => wb.sheets[i].values;

describe("tables as grids", () => {
  it("turns gridSpan and vMerge into merged areas, the text in the top-left cell only", async () => {
    const wb = await read(
      tableXml(
        [
          { cells: [cell("STT"), { ...cell("Nội dung"), span: 2 }, cell("Đơn vị chủ trì")] },
          { cells: [cell("1"), cell("Tỷ lệ A"), cell("%"), { ...cell("Phòng VH-XH"), vMerge: "restart" }] },
          { cells: [cell("2"), cell("Tỷ lệ B"), cell("%"), { content: para(""), vMerge: "continue" }] },
          { cells: [cell("3"), cell("Tỷ lệ C"), cell("%"), { content: para(""), vMerge: "continue" }] },
          { cells: [cell("4"), cell("Tỷ lệ D"), cell("%"), cell("Công an xã")] },
        ],
        4,
      ),
    );
    expect(wb.sheets).toHaveLength(1);
    expect(wb.sheets[0].name).toBe("Bảng 1");
    expect(values(wb)).toEqual([
      ["STT", "Nội dung", null, "Đơn vị chủ trì"],
      [1, "Tỷ lệ A", "%", "Phòng VH-XH"],
      [2, "Tỷ lệ B", "%", null],
      [3, "Tỷ lệ C", "%", null],
      [4, "Tỷ lệ D", "%", "Công an xã"],
    ]);
    expect(wb.sheets[0].merges?.sort()).toEqual(["B1:C1", "D2:D4"]);
    expect(wb.sheets[0].source).toEqual({ kind: "word-table", table: 1, rows: [1, 2, 3, 4, 5] });
  });

  it("keeps columns where Word draws them with w:gridBefore and w:gridAfter", async () => {
    const wb = await read(
      tableXml(
        [
          row("STT", "Nội dung", "Đơn vị tính"),
          { cells: [cell("Tỷ lệ A"), cell("%")], gridBefore: 1 },
          { cells: [cell("2"), cell("Tỷ lệ B")], gridAfter: 1 },
        ],
        3,
      ),
    );
    expect(values(wb)).toEqual([
      ["STT", "Nội dung", "Đơn vị tính"],
      [null, "Tỷ lệ A", "%"],
      [2, "Tỷ lệ B", null],
    ]);
  });

  it("reads legacy horizontal merges (w:hMerge) as one wide cell", async () => {
    const wb = await read(
      tableXml(
        [row("STT", "Nội dung", "Đơn vị tính"), { cells: [cell("I"), { ...cell("Hạ tầng số"), hMerge: "restart" }, { content: para(""), hMerge: "continue" }] }, row("1", "Tỷ lệ A", "%")],
        3,
      ),
    );
    expect(values(wb)[1]).toEqual(["I", "Hạ tầng số", null]);
    expect(wb.sheets[0].merges).toEqual(["B2:C2"]);
  });

  it("reads a nested table as its own table and shows its text inside the outer cell", async () => {
    const inner = tableXml([row("a", "b"), row("c", "d")], 2);
    const wb = await read(tableXml([row("STT", "Nội dung"), { cells: [cell("1"), { content: textPara("Gồm:") + inner + para("") }] }], 2));
    expect(wb.sheets.map((s) => s.name)).toEqual(["Bảng 1", "Bảng 2"]);
    expect(values(wb, 0)[1]).toEqual([1, "Gồm:\na\tb\nc\td"]);
    expect(values(wb, 1)).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(wb.sheets[1].source?.table).toBe(2);
  });
});

describe("text as the official sees it", () => {
  it("keeps line breaks, paragraphs and tabs; maps Symbol-font characters; drops hidden text", async () => {
    const brokenLines = para(run("Đơn vị") + "<w:r><w:br/></w:r>" + run("tính"));
    const tabbed = para(run("a") + "<w:r><w:tab/></w:r>" + run("b") + '<w:r><w:noBreakHyphen/></w:r>' + run("c"));
    const symbol = para('<w:r><w:sym w:font="Symbol" w:char="F0B3"/></w:r>' + run(" 60%"));
    const hidden = para(run("Phòng VH-XH") + run(" (bản nháp)", "<w:vanish/>"));
    const twoParas = textPara("Nội dung chỉ tiêu") + textPara("đến cuối năm 2026") + para("") + para("");
    const wb = await read(tableXml([{ cells: [{ content: brokenLines }, { content: tabbed }, { content: symbol }, { content: hidden }, { content: twoParas }] }], 5));
    expect(values(wb)[0]).toEqual(["Đơn vị\ntính", "a\tb-c", "≥ 60%", "Phòng VH-XH", "Nội dung chỉ tiêu\nđến cuối năm 2026"]);
  });

  it("accepts tracked changes: insertions and moves in, deletions and moved-away text out, deleted rows gone", async () => {
    const del = (t: string) => `<w:del w:id="1" w:author="A" w:date="2026-01-01T00:00:00Z"><w:r><w:delText>${esc(t)}</w:delText></w:r></w:del>`;
    const ins = (t: string) => `<w:ins w:id="2" w:author="A" w:date="2026-01-01T00:00:00Z">${run(t)}</w:ins>`;
    const moveFrom = (t: string) => `<w:moveFrom w:id="3" w:author="A" w:date="2026-01-01T00:00:00Z">${run(t)}</w:moveFrom>`;
    const moveTo = (t: string) => `<w:moveTo w:id="4" w:author="A" w:date="2026-01-01T00:00:00Z">${run(t)}</w:moveTo>`;
    // A paragraph whose mark was deleted runs on into the next one once the change is accepted.
    const joined =
      '<w:p><w:pPr><w:rPr><w:del w:id="5" w:author="A" w:date="2026-01-01T00:00:00Z"/></w:rPr></w:pPr>' + run("Phòng Văn hóa") + "</w:p>" + para(run(" - Xã hội"));
    // An old numbering kept only in a formatting-change record is not numbering.
    const formatChange =
      '<w:p><w:pPr><w:pPrChange w:id="6" w:author="A" w:date="2026-01-01T00:00:00Z"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange></w:pPr></w:p>';
    const lists = new ListBuilder();
    lists.abstract(1, "decimal", "%1.");
    lists.num(1);
    const wb = await read(
      tableXml(
        [
          { cells: [{ content: para(del("≥ 50%") + ins("≥ 60%")) }, { content: para(run("Tỷ lệ ") + moveTo("phủ sóng 5G")) }, { content: joined }] },
          { cells: [cell("Dòng đã xoá"), cell("x"), cell("y")], deleted: true },
          { cells: [{ content: para(moveFrom("phủ sóng 5G") + run("100%")) }, { content: formatChange }, cell("z")] },
        ],
        3,
      ),
      lists.xml(),
    );
    expect(values(wb)).toEqual([
      ["≥ 60%", "Tỷ lệ phủ sóng 5G", "Phòng Văn hóa - Xã hội"],
      [1, null, "z"],
    ]);
    // "100%" is what Excel stores when it is typed: 1, shown as a percentage.
    expect(wb.sheets[0].numberFormats?.[1][0]).toBe("0%");
    // Rows as Word counts them once the deletion is accepted.
    expect(wb.sheets[0].source?.rows).toEqual([1, 2]);
  });

  it("reads content controls around runs, cells, rows and tables, but not a placeholder's prompt", async () => {
    const sdt = (content: string, placeholder = false) =>
      `<w:sdt><w:sdtPr><w:alias w:val="Chỉ tiêu"/><w:id w:val="7"/>${placeholder ? "<w:showingPlcHdr/>" : ""}<w:text/></w:sdtPr><w:sdtContent>${content}</w:sdtContent></w:sdt>`;
    const rows: RowSpec[] = [
      { cells: [{ content: para(sdt(run("≥ 60%"))) }, { content: textPara("Phòng VH-XH"), sdt: true }] },
      { cells: [cell("a"), cell("b")], sdt: true },
      { cells: [{ content: para(sdt(run("Bấm vào đây để nhập văn bản."), true)) }, cell("c")] },
    ];
    const wb = await read(sdt(tableXml(rows, 2)));
    expect(values(wb)).toEqual([
      ["≥ 60%", "Phòng VH-XH"],
      ["a", "b"],
      [null, "c"],
    ]);
  });

  it("reads fields by their displayed result, never their instruction", async () => {
    const complex = (instr: string, result: string) =>
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r>' +
      `<w:r><w:instrText xml:space="preserve">${esc(instr)}</w:instrText></w:r>` +
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
      run(result) +
      '<w:r><w:fldChar w:fldCharType="end"/></w:r>';
    // A field nested in another's instruction (IF … MERGEFIELD …) shows only the outer result.
    const nested =
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> IF </w:instrText></w:r>' +
      complex(" MERGEFIELD Nam ", "2025") +
      '<w:r><w:instrText> = 2025 "a" "b" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
      run("Năm 2026") +
      '<w:r><w:fldChar w:fldCharType="end"/></w:r>';
    const noResult = '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';
    const wb = await read(
      tableXml(
        [
          {
            cells: [
              { content: para(run("Quý ") + complex(" DOCPROPERTY Quy ", "II") + run("/2026")) },
              { content: para(`<w:fldSimple w:instr=" DOCPROPERTY DonVi ">${run("Phòng Kinh tế")}</w:fldSimple>`) },
              { content: para(nested) },
              { content: para(run("x") + noResult) },
            ],
          },
        ],
        4,
      ),
    );
    expect(values(wb)[0]).toEqual(["Quý II/2026", "Phòng Kinh tế", "Năm 2026", "x"]);
  });

  it("reads the Fallback of mc:AlternateContent and skips drawings and text boxes", async () => {
    const alt =
      '<mc:AlternateContent><mc:Choice Requires="wps"><w:r><w:t>lựa chọn</w:t></w:r></mc:Choice><mc:Fallback>' +
      run("Đạt") +
      "</mc:Fallback></mc:AlternateContent>";
    const drawing = '<w:r><w:drawing><wp:inline><wps:txbx><w:txbxContent><w:p><w:r><w:t>hộp chữ</w:t></w:r></w:p></w:txbxContent></wps:txbx></wp:inline></w:drawing></w:r>';
    const wb = await read(tableXml([{ cells: [{ content: para(alt) }, { content: para(run("Có") + drawing) }] }], 2));
    expect(values(wb)[0]).toEqual(["Đạt", "Có"]);
  });
});

describe("cells typed as numbers", () => {
  it("holds what Excel stores for the same typed text: whole numbers and percentages as numbers, everything else as text", () => {
    const cases: [string, unknown, string | null][] = [
      ["12", 12, null],
      ["0", 0, null],
      ["70%", 0.7, "0%"],
      ["1,5 %", 0.015, "0.0%"],
      ["01", "01", null],
      ["≥ 60%", "≥ 60%", null],
      ["100%.", "100%.", null],
      ["1.000", "1.000", null],
      ["Năm 2026", "Năm 2026", null],
    ];
    for (const [text, value, format] of cases) expect([text, typedValue(text)]).toEqual([text, { value, format }]);
  });
});

describe("automatic numbering", () => {
  it("shows the list number in an otherwise empty cell, counting across rows, with the level's format, text and start", async () => {
    const lists = new ListBuilder();
    lists.abstract(1, "upperRoman", "%1.");
    lists.abstract(2, "decimal", "%1", 3);
    lists.abstract(3, "lowerLetter", "%1)");
    lists.abstract(4, "decimalZero", "%1");
    const roman = lists.num(1);
    const dec = lists.num(2);
    const letters = lists.num(3);
    const zero = lists.num(4);
    const n = (numId: number) => ({ content: para("", { numId }) });
    const wb = await read(
      tableXml(
        [
          { cells: [n(roman), n(dec), n(letters), n(zero)] },
          { cells: [n(roman), n(dec), n(letters), n(zero)] },
          { cells: [n(roman), n(dec), n(letters), n(zero)] },
        ],
        4,
      ),
      lists.xml(),
    );
    expect(values(wb)).toEqual([
      ["I.", 3, "a)", "01"],
      ["II.", 4, "b)", "02"],
      ["III.", 5, "c)", "03"],
    ]);
  });

  it("continues a list across w:num of one abstract list, restarts it with startOverride, and resets deeper levels", async () => {
    const lists = new ListBuilder();
    lists.abstract(1, "decimal", "%1");
    const a = lists.num(1);
    const b = lists.num(1); // "Continue numbering": same abstract list, same count
    const restart = lists.num(1, 1); // "Restart at 1"
    const multi = `<w:abstractNum w:abstractNumId="5"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum>`;
    const numbering = lists.xml(multi).replace("</w:numbering>", '<w:num w:numId="50"><w:abstractNumId w:val="5"/></w:num></w:numbering>');
    const n = (numId: number, ilvl = 0) => ({ content: para("", { numId, ilvl }) });
    const wb = await read(
      tableXml(
        [
          { cells: [n(a), n(50)] },
          { cells: [n(a), n(50, 1)] },
          { cells: [n(b), n(50, 1)] },
          { cells: [n(restart), n(50)] },
          { cells: [n(restart), n(50, 1)] },
        ],
        2,
      ),
      numbering,
    );
    expect(values(wb)).toEqual([
      [1, "I"],
      [2, "I.1"],
      [3, "I.2"],
      [1, "II"],
      [2, "II.1"],
    ]);
  });

  it("takes numbering from a paragraph style, unless the paragraph turns it off with numId 0", async () => {
    const lists = new ListBuilder();
    lists.abstract(9, "decimal", "%1.");
    const numbering = lists.xml().replace("</w:numbering>", '<w:num w:numId="90"><w:abstractNumId w:val="9"/></w:num></w:numbering>');
    const styled = { content: para("", { style: "ListNumber" }) };
    const off = { content: '<w:p><w:pPr><w:pStyle w:val="ListNumber"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr></w:p>' };
    const wb = await read(tableXml([{ cells: [styled] }, { cells: [off] }, { cells: [styled] }], 1), numbering);
    expect(values(wb)).toEqual([["1."], [null], ["2."]]);
  });

  it("shows list numbers before the items of a list inside a cell, and dashes for bullets", async () => {
    const lists = new ListBuilder();
    lists.abstract(1, "decimal", "%1.");
    const ol = lists.num(1);
    const bullets = `<w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uF0B7"/></w:lvl></w:abstractNum>`;
    const numbering = lists.xml(bullets).replace("</w:numbering>", '<w:num w:numId="70"><w:abstractNumId w:val="7"/></w:num></w:numbering>');
    const items = para(run("Báo cáo"), { numId: ol }) + para(run("Kế hoạch"), { numId: ol });
    const dashes = para(run("Văn bản"), { numId: 70 }) + para(run("Hệ thống"), { numId: 70 });
    const single = para(run("Một sản phẩm"), { numId: 70 });
    const wb = await read(tableXml([{ cells: [{ content: items }, { content: dashes }, { content: single }] }], 3), numbering);
    expect(values(wb)[0]).toEqual(["1. Báo cáo\n2. Kế hoạch", "- Văn bản\n- Hệ thống", "Một sản phẩm"]);
  });
});

describe("headings, names and tables split across pages", () => {
  const header = row("STT", "Nội dung chỉ tiêu", "Đơn vị tính", "Kết quả", "Đơn vị chủ trì");
  const items = (from: number, count: number) => Array.from({ length: count }, (_, i) => row(String(from + i), `Tỷ lệ ${from + i}`, "%", "100%", "Phòng VH-XH"));

  it("gives each table the heading paragraphs and layout table above it on its page, and names it after “PHỤ LỤC …”", async () => {
    const layout = tableXml([{ cells: [{ content: textPara("ỦY BAN NHÂN DÂN") + textPara("XÃ TÂN LỢI") }, { content: textPara("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") }] }], 2);
    const wb = await read(
      textPara("Nội dung kế hoạch ở trang trước") +
        pageBreak() +
        layout +
        textPara("PHỤ LỤC I", { bold: true }) +
        textPara("DANH MỤC CHỈ TIÊU NĂM 2026") +
        textPara("(Kèm theo Kế hoạch số 12/KH-UBND ngày 05/3/2026 của UBND xã Tân Lợi)") +
        para("") +
        tableXml([header, ...items(1, 4)], 5) +
        textPara("", { sectPr: "landscape" }) +
        textPara("Phụ lục II") +
        tableXml([header, ...items(1, 4)], 5) +
        pageBreak() +
        textPara("PHỤ LỤC II") +
        tableXml([header, ...items(1, 4)], 5),
    );
    expect(wb.sheets.map((s) => s.name)).toEqual(["Bảng 1", "Phụ lục I", "Phụ lục II", "Bảng 4"]);
    const sheet = wb.sheets[1];
    expect(sheet.values.slice(0, 4).map((r) => r.filter((v) => v !== null))).toEqual([
      ["ỦY BAN NHÂN DÂN\nXÃ TÂN LỢI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
      ["PHỤ LỤC I"],
      ["DANH MỤC CHỈ TIÊU NĂM 2026"],
      ["(Kèm theo Kế hoạch số 12/KH-UBND ngày 05/3/2026 của UBND xã Tân Lợi)"],
    ]);
    expect(sheet.source?.rows.slice(0, 6)).toEqual([null, null, null, null, 1, 2]);
    // A name already taken goes to the table number.
    expect(wb.sheets[3].values[0]).toEqual(["PHỤ LỤC II", null, null, null, null]);
  });

  it("reads a table continued in a second w:tbl after a page break as one, without its repeated header row", async () => {
    const wb = await read(textPara("PHỤ LỤC I") + tableXml([{ ...header, header: true }, ...items(1, 5)], 5) + pageBreak() + tableXml([{ ...header, header: true }, ...items(6, 3)], 5));
    expect(wb.sheets.map((s) => s.name)).toEqual(["Phụ lục I"]);
    const rows = wb.sheets[0].values.map((r) => r[0]);
    expect(rows).toEqual(["PHỤ LỤC I", "STT", 1, 2, 3, 4, 5, 6, 7, 8]);
    // Rows carry on counting down the page break (the repeated header row is counted where the official sees it).
    expect(wb.sheets[0].source?.rows).toEqual([null, 1, 2, 3, 4, 5, 6, 8, 9, 10]);
  });

  it("does not join two tables that a heading separates", async () => {
    const wb = await read(tableXml([header, ...items(1, 4)], 5) + textPara("PHỤ LỤC II") + tableXml([header, ...items(1, 4)], 5));
    expect(wb.sheets.map((s) => s.name)).toEqual(["Bảng 1", "Phụ lục II"]);
  });

  it("places a finding by table, Word row and column header", async () => {
    const wb = await read(textPara("PHỤ LỤC I") + tableXml([header, ...items(1, 4)], 5));
    const sheet = wb.sheets[0];
    expect(placeOf(sheet, "C4")).toBe("Bảng 1, dòng 3, cột Đơn vị tính");
    expect(placeOf(sheet, "B2")).toBe("Bảng 1, dòng 1, cột Nội dung chỉ tiêu");
    expect(placeOf(sheet, "A1")).toBe("phần tiêu đề phía trên Bảng 1");
  });
});

describe("packages Word and others write", () => {
  it("finds the main document through the package relationships, whatever its part name", async () => {
    const wb = await readDocx(docxBytes({ body: tableXml([row("a", "b")], 2), mainPart: "word/main-document.xml" }), "x.docx");
    expect(values(wb)).toEqual([["a", "b"]]);
  });

  it("reads Strict OOXML and prefixes other than w:", async () => {
    const strict = "http://purl.oclc.org/ooxml/wordprocessingml/main";
    const body = `<x:tbl><x:tblGrid><x:gridCol/><x:gridCol/></x:tblGrid><x:tr><x:tc><x:p><x:r><x:t>STT</x:t></x:r></x:p></x:tc><x:tc><x:tcPr><x:vMerge x:val="restart"/></x:tcPr><x:p><x:r><x:t>Nội dung</x:t></x:r></x:p></x:tc></x:tr><x:tr><x:tc><x:p><x:r><x:t>1</x:t></x:r></x:p></x:tc><x:tc><x:tcPr><x:vMerge/></x:tcPr><x:p/></x:tc></x:tr></x:tbl>`;
    const bytes = zipSync({
      "[Content_Types].xml": strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'),
      "_rels/.rels": strToU8(
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="/word/document.xml"/></Relationships>',
      ),
      "word/document.xml": strToU8(`<?xml version="1.0"?><x:document xmlns:x="${strict}"><x:body>${body}</x:body></x:document>`),
    });
    const wb = await readDocx(bytes, "strict.docx");
    expect(values(wb)).toEqual([
      ["STT", "Nội dung"],
      [1, null],
    ]);
    expect(wb.sheets[0].merges).toEqual(["B1:B2"]);
  });

  it("says so when a document has no table at all (columns lined up with tabs are not a table)", async () => {
    await expect(read(textPara("STT\tNội dung\tĐơn vị tính") + textPara("1\tTỷ lệ phủ sóng 5G\t%"))).rejects.toThrow(
      /"ke-hoach\.docx" là văn bản Word nhưng không có bảng nào.*không phải chữ căn cột bằng phím Tab/,
    );
  });
});

describe("what is not a .docx gets a message saying what to do", () => {
  const message = async (bytes: Uint8Array, name: string) => {
    try {
      await readDocx(bytes, name);
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error("expected a refusal");
  };
  const ole = (stream: string) => {
    const b = new Uint8Array(2048);
    b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    for (let i = 0; i < stream.length; i++) b[1024 + i * 2] = stream.charCodeAt(i);
    return b;
  };

  it("a binary .doc: save as .docx", async () => {
    expect(await message(ole("WordDocument"), "ke-hoach.doc")).toMatch(/văn bản Word cũ \(\.doc.*Lưu thành → Tài liệu Word \(\.docx\)/);
  });

  it("a password-protected document: remove the password and save as .docx", async () => {
    // The same OLE container Office writes for any encrypted file (test/fixtures/bad/password.xlsx), named as a document.
    const bytes = new Uint8Array(fs.readFileSync(path.join(__dirname, "fixtures", "bad", "password.xlsx")));
    expect(await message(bytes, "ke-hoach.docx")).toMatch(/được đặt mật khẩu.*lưu lại dưới dạng \.docx/);
  });

  it("a PDF, an OpenDocument text, an RTF and a Word web page", async () => {
    expect(await message(strToU8("%PDF-1.7\n%âãÏÓ\n1 0 obj"), "ke-hoach.pdf")).toMatch(/là tệp PDF: không đọc được bảng từ PDF/);
    const odt = writeZip([
      { name: "mimetype", data: strToU8("application/vnd.oasis.opendocument.text"), stored: true },
      { name: "content.xml", data: strToU8("<office:document-content/>") },
    ]);
    expect(await message(odt, "ke-hoach.odt")).toMatch(/OpenDocument \(\.odt\).*Tài liệu Word \(\.docx\)/);
    expect(await message(strToU8("{\\rtf1\\ansi Kế hoạch}"), "ke-hoach.rtf")).toMatch(/văn bản RTF/);
    expect(await message(strToU8('<html xmlns:w="urn:schemas-microsoft-com:office:word"><body></body></html>'), "ke-hoach.doc")).toMatch(/trang web do Word lưu/);
  });

  it("an empty file, a cut-short file and a zip without a document", async () => {
    expect(await message(new Uint8Array(0), "rong.docx")).toMatch(/rỗng \(0 byte\)/);
    const whole = docxBytes({ body: tableXml([row("a")], 1) });
    expect(await message(whole.subarray(0, whole.byteLength - 40), "cut.docx")).toMatch(/bị hỏng hoặc không trọn vẹn/);
    expect(await message(zipSync({ "word/styles.xml": strToU8("<w:styles/>") }), "khong-co-noi-dung.docx")).toMatch(/không có phần nội dung văn bản/);
  });

  it("a document part that is not well-formed XML", async () => {
    const bytes = zipSync({
      "_rels/.rels": strToU8(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
      "word/document.xml": strToU8(`<w:document ${NS}><w:body><w:tbl><w:tr></w:body>`),
    });
    expect(await message(bytes, "hong.docx")).toMatch(/Không đọc được văn bản "hong\.docx": nội dung bị hỏng/);
  });

  it("a document declaring entities in a DTD (billion laughs, external files) is refused, never expanded", async () => {
    const bytes = zipSync({
      "_rels/.rels": strToU8(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
      "word/document.xml": strToU8(
        `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "AAAAAAAAAA"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY f SYSTEM "file:///etc/passwd">]>` +
          `<w:document ${NS}><w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>&b;&f;</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>`,
      ),
    });
    expect(await message(bytes, "thuc-the.docx")).toMatch(/nội dung bị hỏng/);
  });

  it("a decompression bomb is refused before it is inflated, as for workbooks", async () => {
    const bytes = docxBytes({ body: tableXml([row("a")], 1) });
    await expect(readDocx(bytes, "bom.docx", { zip: { maxTotalBytes: 1000, maxPartBytes: 100_000, maxEntries: 100 } })).rejects.toThrow(/khi giải nén lên tới/);
  });

  it("a table with more cells than the limit", async () => {
    const wb = readDocx(docxBytes({ body: tableXml([row("a", "b"), row("c", "d")], 2) }), "to.docx", { maxCells: 3 });
    await expect(wb).rejects.toThrow(/có bảng quá lớn/);
  });
});
