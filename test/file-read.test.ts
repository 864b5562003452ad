/**
 * Reading and writing what other generators write, beyond the corpus: a package whose
 * SpreadsheetML elements carry a prefix (x:, as the Open XML SDK and some exporters
 * write), parts named and linked with absolute targets, rows and cells without their
 * `r`, inline and rich text with phonetic runs, ISO dates (t="d"), Excel's _x000D_
 * escapes, shared formulas, 1904 dates. Hand-written XML, so nothing here depends on
 * the package layer's own writing.
 */
import type { Edit } from "../src/domain/edits";
import { applyEdits, workbookBytes } from "../src/hosts/file/apply";
import { openWorkbook, readWorkbook, snapshotWorkbook } from "../src/hosts/file/read";
import { toExcelSerial } from "../src/domain/dates";
import { convertWithLibreOffice } from "./libreoffice";
import { xlsxValues } from "./recalc";
import { writeZip } from "./bad/zip";
import { zipParts } from "./ooxml";

jest.setTimeout(120_000);

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PR = "http://schemas.openxmlformats.org/package/2006/relationships";
const decl = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function prefixed(): Uint8Array {
  const parts: [string, string][] = [
    [
      "[Content_Types].xml",
      decl +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/book/main.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/book/sheets/data.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/book/strings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
        '<Override PartName="/book/looks.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    ],
    ["_rels/.rels", decl + `<Relationships xmlns="${PR}"><Relationship Id="a" Type="${R}/officeDocument" Target="/book/main.xml"/></Relationships>`],
    [
      "book/main.xml",
      decl +
        `<x:workbook xmlns:x="${MAIN}" xmlns:rel="${R}"><x:workbookPr date1904="true"/><x:sheets><x:sheet name="Số liệu" sheetId="3" rel:id="s1"/></x:sheets>` +
        "<x:definedNames><x:definedName name=\"Vung\">'Số liệu'!$A$1:$B$2</x:definedName></x:definedNames></x:workbook>",
    ],
    [
      "book/_rels/main.xml.rels",
      decl +
        `<Relationships xmlns="${PR}"><Relationship Id="s1" Type="${R}/worksheet" Target="/book/sheets/data.xml"/>` +
        `<Relationship Id="t" Type="${R}/sharedStrings" Target="strings.xml"/><Relationship Id="l" Type="${R}/styles" Target="./looks.xml"/></Relationships>`,
    ],
    [
      "book/strings.xml",
      decl +
        `<x:sst xmlns:x="${MAIN}" count="2" uniqueCount="2"><x:si><x:r><x:t xml:space="preserve">Tỷ lệ </x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t>đạt</x:t></x:r>` +
        '<x:rPh sb="0" eb="1"><x:t>ふりがな</x:t></x:rPh></x:si><x:si><x:t>dòng 1_x000D_\ndòng 2</x:t></x:si></x:sst>',
    ],
    [
      "book/looks.xml",
      decl +
        `<x:styleSheet xmlns:x="${MAIN}"><x:numFmts count="1"><x:numFmt numFmtId="170" formatCode="dd/mm/yyyy"/></x:numFmts>` +
        '<x:fonts count="1"><x:font><x:sz val="11"/><x:name val="Arial"/></x:font></x:fonts><x:fills count="1"><x:fill><x:patternFill patternType="none"/></x:fill></x:fills>' +
        '<x:borders count="1"><x:border/></x:borders><x:cellXfs count="2"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><x:xf numFmtId="170" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/></x:cellXfs>' +
        '<x:dxfs count="1"><x:dxf><x:numFmt numFmtId="170" formatCode="0.00"/></x:dxf></x:dxfs></x:styleSheet>',
    ],
    [
      "book/sheets/data.xml",
      decl +
        `<x:worksheet xmlns:x="${MAIN}"><x:sheetData>` +
        '<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="inlineStr"><x:is><x:r><x:t>Chỉ tiêu </x:t></x:r><x:r><x:t>số 1</x:t></x:r></x:is></x:c><x:c t="b"><x:v>1</x:v></x:c></x:row>' +
        '<x:row><x:c t="s"><x:v>1</x:v></x:c><x:c s="1"><x:v>45000</x:v></x:c><x:c t="d"><x:v>2026-06-30T12:00:00</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c></x:row>' +
        '<x:row r="4"><x:c r="A4"><x:v>2</x:v></x:c><x:c r="B4"><x:f t="shared" ref="B4:B6" si="0">A4*10</x:f><x:v>20</x:v></x:c></x:row>' +
        '<x:row r="5"><x:c r="A5"><x:v>3</x:v></x:c><x:c r="B5"><x:f t="shared" si="0"/><x:v>30</x:v></x:c></x:row>' +
        '<x:row r="6"><x:c r="A6"><x:v>4</x:v></x:c><x:c r="B6"><x:f t="shared" si="0"/><x:v>40</x:v></x:c></x:row>' +
        '</x:sheetData><x:sheetProtection sheet="0"/><x:pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></x:worksheet>',
    ],
  ];
  return writeZip(parts.map(([name, text]) => ({ name, data: Buffer.from(text, "utf8") })));
}

describe("a package with prefixed SpreadsheetML, absolute targets and parts under other names", () => {
  it("reads values, rich and inline text, phonetic runs left out, escapes, ISO and 1904 dates, shared formulas, names", async () => {
    const wb = await readWorkbook(prefixed(), "tien-to.xlsx");
    expect(wb.date1904).toBe(true);
    expect(wb.names).toEqual({ Vung: "'Số liệu'!$A$1:$B$2" });
    const s = wb.sheets[0];
    expect(s.name).toBe("Số liệu");
    expect(s.protected).toBe(false);
    expect(s.values[0]).toEqual(["Tỷ lệ đạt", "Chỉ tiêu số 1", true]);
    expect(s.values[1]).toEqual(["dòng 1\r\ndòng 2", 45000 + 1462, toExcelSerial("2026-06-30") + 0.5, "#N/A"]);
    expect(s.numberFormats![1][1]).toBe("dd/mm/yyyy");
    expect(s.formulas!.slice(3).map((r) => r[1])).toEqual(["=A4*10", "=A5*10", "=A6*10"]);
    expect(s.values.slice(3).map((r) => r[1])).toEqual([20, 30, 40]);
  });

  it("writes into it with the same prefix, so the parts stay one vocabulary, and LibreOffice reads the result", async () => {
    const file = await openWorkbook(prefixed(), "tien-to.xlsx");
    expect(snapshotWorkbook(file).sheets).toHaveLength(1);
    const edits: Edit[] = [
      { op: "setValues", sheet: "Số liệu", range: "D4:E4", values: [["mới", { formula: "=B4+1", value: 21 }]] },
      { op: "setStyle", sheet: "Số liệu", range: "D4", style: { bold: true } },
      { op: "conditionalFormat", sheet: "Số liệu", range: "D4:D6", equals: "mới", fill: "#FFC7CE", fontColor: "#9C0006" },
      { op: "setNote", sheet: "Số liệu", cell: "A1", text: "ghi chú" },
      { op: "addSheet", sheet: "Thêm" },
      { op: "setValues", sheet: "Thêm", range: "A1", values: [["x"]] },
    ];
    applyEdits(file, edits);
    const bytes = await workbookBytes(file);
    const parts = zipParts(bytes);
    const sheet = parts.get("book/sheets/data.xml")!.toString("utf8");
    // Every element in the main namespace keeps the x: prefix; none slipped in unprefixed.
    expect(sheet).not.toMatch(/<(c|row|v|f|is|t|conditionalFormatting|cfRule|formula|legacyDrawing)[\s>/]/);
    expect(sheet).toMatch(/<x:legacyDrawing [\w:]+="rId\d+"\/><\/x:worksheet>$/);
    expect(parts.get("book/main.xml")!.toString("utf8")).toMatch(/<x:sheet name="Thêm" sheetId="4" [\w]+:id="rId\d+"\/>/);
    expect(parts.get("book/looks.xml")!.toString("utf8")).toMatch(/<x:dxfs count="2">/);
    const back = await readWorkbook(bytes, "tien-to.xlsx");
    expect(back.sheets[0].values[3].slice(3)).toEqual(["mới", 21]);
    expect(back.sheets[0].notes).toEqual({ A1: "ghi chú" });
    expect(back.sheets[1].values).toEqual([["x"]]);
    const [lo] = await convertWithLibreOffice([{ name: "tien-to.xlsx", bytes }], "xlsx");
    const values = xlsxValues(lo);
    expect([values.get("Số liệu")!.get("D4"), values.get("Số liệu")!.get("E4"), values.get("Số liệu")!.get("B5"), values.get("Thêm")!.get("A1")]).toEqual(["mới", 21, 30, "x"]);
  });
});
