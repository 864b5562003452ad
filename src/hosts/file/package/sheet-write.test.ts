/**
 * A new cell takes the style of its row (when the row sets one) or of its column, as
 * Excel shows an empty cell there, also after widths have split the columns' ranges.
 * The sheets are typed as Excel writes them (a styled <col> range, a row with
 * customFormat), not made by our writer.
 */
import { SheetWriter, type StyleSource } from "./sheet-write";

const SHEET =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<cols><col min="1" max="1" width="6" customWidth="1"/><col min="2" max="4" width="12" style="3" customWidth="1"/></cols>' +
  '<sheetData><row r="2" s="5" customFormat="1"><c r="A2" s="5"/></row></sheetData>' +
  "</worksheet>";

const noStyles = (): StyleSource => {
  throw new Error("no style is written here");
};

/** The `s` of the cell at A1 reference `ref` once the writer has serialized the sheet. */
function styleOf(xml: string, ref: string): string | null {
  const m = xml.match(new RegExp(`<c r="${ref}"( s="(\\d+)")?`));
  if (!m) throw new Error(`no cell ${ref}`);
  return m[2] ?? null;
}

describe("the style of a new cell", () => {
  it("is its column's, its row's where the row sets one, and none elsewhere", () => {
    const w = new SheetWriter(SHEET, noStyles);
    w.setValue(5, 3, "x"); // C5: column range B:D
    w.setValue(2, 3, "y"); // C2: the row's style wins
    w.setValue(5, 1, "z"); // A5: a width but no style
    w.setValue(5, 6, "w"); // F5: no <col> at all
    const xml = w.serialize();
    expect([styleOf(xml, "C5"), styleOf(xml, "C2"), styleOf(xml, "A5"), styleOf(xml, "F5")]).toEqual(["3", "5", null, null]);
  });

  it("stays its column's after a width splits the column's range, and follows a column added past the last", () => {
    const w = new SheetWriter(SHEET, noStyles);
    w.setValue(5, 2, "before"); // B5, read before the split
    w.columnWidth(3, 30, undefined); // C alone now: B | C | D, each keeping style 3
    w.columnWidth(8, 10, undefined); // H, past the last <col>
    w.setValue(6, 2, "b");
    w.setValue(6, 3, "c");
    w.setValue(6, 4, "d");
    w.setValue(6, 8, "h");
    const xml = w.serialize();
    expect(xml).toContain('<col min="2" max="2" width="12" style="3" customWidth="1"/><col min="3" max="3" width="30" style="3" customWidth="1"/><col min="4" max="4" width="12" style="3" customWidth="1"/><col min="8" max="8" width="10" customWidth="1"/></cols>');
    expect(["B5", "B6", "C6", "D6", "H6"].map((r) => styleOf(xml, r))).toEqual(["3", "3", "3", "3", null]);
  });
});

/** A style source for cells the tests restyle: base 0 → 7 (a date format), 5 → none (0), anything else → 9. */
const dateStyles = (): StyleSource => ({
  xfFor: (base) => (base === 0 ? 7 : base === 5 ? 0 : 9),
  dxf: () => 0,
  formatOf: (s) => (s === 7 ? "dd/mm/yyyy" : null),
});

/** The <row> element for row `r` as the writer serialized it. */
function rowXml(xml: string, r: number): string {
  const m = xml.match(new RegExp(`<(?:x:)?row r="${r}"[^>]*>.*?</(?:x:)?row>`));
  if (!m) throw new Error(`no row ${r}`);
  return m[0];
}

describe("cells the edits create", () => {
  it("write their value, type and style as Excel writes a cell (r, s, t; formula, value, inline text)", () => {
    const w = new SheetWriter(SHEET, dateStyles);
    w.setValue(7, 1, "  hai đầu có dấu cách ");
    w.setValue(7, 2, "a & b < c\u000b");
    w.setValue(7, 3, { formula: "=B7&\"x\"", value: "#N/A" });
    w.setValue(7, 4, { formula: "=1>0", value: true });
    w.setValue(7, 5, 0.25);
    w.setStyle("E7", { bold: true });
    w.setValue(7, 6, { formula: "=TODAY()" });
    w.setValue(7, 7, false);
    w.setStyle("H7", { bold: true });
    expect(rowXml(w.serialize(), 7)).toBe(
      '<row r="7">' +
        '<c r="A7" t="inlineStr"><is><t xml:space="preserve">  hai đầu có dấu cách </t></is></c>' +
        '<c r="B7" s="3" t="inlineStr"><is><t>a &amp; b &lt; c_x000B_</t></is></c>' +
        '<c r="C7" s="3" t="e"><f>B7&amp;"x"</f><v>#N/A</v></c>' +
        '<c r="D7" s="3" t="b"><f>1&gt;0</f><v>1</v></c>' +
        '<c r="E7" s="7"><v>0.25</v></c>' +
        // A formula with no known result: no value cached, so no type either.
        '<c r="F7"><f>TODAY()</f></c>' +
        '<c r="G7" t="b"><v>0</v></c>' +
        // Styled but never given a value.
        '<c r="H7" s="7"/>' +
        "</row>",
    );
  });

  it("restyled start from the style they were created with: their column's, their row's, or none", () => {
    const w = new SheetWriter(SHEET, dateStyles);
    w.setValue(6, 2, "cột B"); // column B's style 3 → 9
    w.setValue(2, 6, "dòng 2"); // row 2's style 5 → none
    w.setValue(6, 6, "không kiểu"); // none → 7
    w.setStyle("B6:F6", { bold: true });
    w.setStyle("F2", { bold: true });
    const xml = w.serialize();
    expect([styleOf(xml, "B6"), styleOf(xml, "F2"), styleOf(xml, "F6")]).toEqual(["9", null, "7"]);
    // B6 to F6 made the cells between too, each from its column's style.
    expect(rowXml(xml, 6)).toBe(
      '<row r="6"><c r="B6" s="9" t="inlineStr"><is><t>cột B</t></is></c><c r="C6" s="9"/><c r="D6" s="9"/><c r="E6" s="7"/>' +
        '<c r="F6" s="7" t="inlineStr"><is><t>không kiểu</t></is></c></row>',
    );
  });

  it("written again in the same plan keep only the last value, and a formula replaced is told", () => {
    const w = new SheetWriter(SHEET, dateStyles);
    w.setValue(8, 6, { formula: "=1+1", value: 2 });
    w.setStyle("F8", { bold: true });
    expect(w.formulaReplaced).toBe(false);
    w.setValue(8, 6, 5);
    expect(w.formulaReplaced).toBe(true);
    w.setValue(8, 7, "chữ");
    w.setValue(8, 7, null);
    expect(rowXml(w.serialize(), 8)).toBe('<row r="8"><c r="F8" s="7"><v>5</v></c><c r="G8"/></row>');
  });

  it("go between the cells a row has, before its extension list, and take the sheet's namespace prefix", () => {
    const prefixed =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
      '<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="C1"><x:v>3</x:v></x:c><x:extLst><x:ext uri="u"/></x:extLst></x:row>' +
      "</x:sheetData></x:worksheet>";
    const w = new SheetWriter(prefixed, dateStyles);
    w.setValue(1, 4, "d");
    w.setValue(1, 2, 2);
    expect(rowXml(w.serialize(), 1)).toBe(
      '<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="B1"><x:v>2</x:v></x:c><x:c r="C1"><x:v>3</x:v></x:c>' +
        '<x:c r="D1" t="inlineStr"><x:is><x:t>d</x:t></x:is></x:c><x:extLst><x:ext uri="u"/></x:extLst></x:row>',
    );
  });

  it("holding a date in a 1904 workbook store its days since 1904; other numbers stay as written", () => {
    const make = () => {
      const w = new SheetWriter(SHEET, dateStyles);
      w.setStyle("A9:E9", { numberFormat: "dd/mm/yyyy" }); // A9, E9 → 7 (a date); B9 to D9 (column style 3) → 9
      w.setValue(9, 1, 46022); // 31/12/2025 in the 1900 system
      w.setValue(9, 2, 46022);
      w.setValue(9, 5, 46022);
      w.setValue(9, 5, null); // a date written, then taken back
      return w;
    };
    const blank = '<c r="C9" s="9"/><c r="D9" s="9"/><c r="E9" s="7"/></row>';
    const in1904 = make();
    in1904.finishDates(true);
    expect(rowXml(in1904.serialize(), 9)).toBe('<row r="9"><c r="A9" s="7"><v>44560</v></c><c r="B9" s="9"><v>46022</v></c>' + blank);
    const in1900 = make();
    in1900.finishDates(false);
    expect(rowXml(in1900.serialize(), 9)).toBe('<row r="9"><c r="A9" s="7"><v>46022</v></c><c r="B9" s="9"><v>46022</v></c>' + blank);
  });
});

/** A sheet another program wrote: a span hint, an extension list, a formula with metadata, a date, an empty cell. */
const FILLED =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:C3"/>' +
  '<cols><col min="2" max="2" width="12" style="3" customWidth="1"/></cols><sheetData>' +
  '<row r="1" spans="1:3"><c r="A1" s="5"/><c r="C1"><v>3</v></c><extLst><ext uri="u"/></extLst></row>' +
  '<row r="2"><c r="A2" s="3" t="str" cm="1"><f>1+1</f><v>2</v></c><c r="B2" t="inlineStr"><is><t>x</t></is></c><c r="C2" s="7"><v>1</v></c></row>' +
  '<row r="3"><c r="A3"/></row>' +
  "</sheetData></worksheet>";

describe("cells a sheet already has", () => {
  it("written over lose their old value, type, formula and its metadata, and keep their style", () => {
    const w = new SheetWriter(FILLED, dateStyles);
    w.setValue(2, 1, 7);
    expect(w.formulaReplaced).toBe(true);
    w.setValue(2, 2, "y");
    w.setValue(2, 3, { formula: "=A2*2", value: 14 });
    w.setValue(3, 1, null);
    w.setValue(4, 1, null); // a blank written where the sheet has nothing: nothing made
    const xml = w.serialize();
    expect(rowXml(xml, 2)).toBe('<row r="2"><c r="A2" s="3"><v>7</v></c><c r="B2" t="inlineStr"><is><t>y</t></is></c><c r="C2" s="7"><f>A2*2</f><v>14</v></c></row>');
    expect(rowXml(xml, 3)).toBe('<row r="3"><c r="A3"/></row>');
    expect(xml).not.toContain('r="4"');
  });

  it("restyled take their new style in place, or lose it when the new style is the default", () => {
    const w = new SheetWriter(FILLED, dateStyles);
    w.setStyle("A1:C1", { bold: true }); // A1: 5 → none; B1 made with column B's 3 → 9; C1: none → 7
    w.setStyle("A2", { bold: true }); // 3 → 9
    const xml = w.serialize();
    expect(rowXml(xml, 1)).toBe('<row r="1"><c r="A1"/><c r="B1" s="9"/><c r="C1" s="7"><v>3</v></c><extLst><ext uri="u"/></extLst></row>');
    expect(rowXml(xml, 2)).toMatch(/^<row r="2"><c r="A2" s="9" t="str" cm="1">/);
  });

  it("made beside them go in column order before the row's extension list, drop its span hint and widen the sheet's dimension", () => {
    const w = new SheetWriter(FILLED, dateStyles);
    w.setValue(1, 4, 4); // past the last cell
    w.setValue(3, 3, 33); // past the last cell, then one before it
    w.setValue(3, 2, 32);
    const xml = w.serialize();
    expect(rowXml(xml, 1)).toBe('<row r="1"><c r="A1" s="5"/><c r="C1"><v>3</v></c><c r="D1"><v>4</v></c><extLst><ext uri="u"/></extLst></row>');
    expect(rowXml(xml, 3)).toBe('<row r="3"><c r="A3"/><c r="B3" s="3"><v>32</v></c><c r="C3"><v>33</v></c></row>');
    expect(xml).toContain('<dimension ref="A1:D3"/>');
  });

  it("made between two of them alone still go in column order", () => {
    const w = new SheetWriter(FILLED, dateStyles);
    w.setValue(1, 2, 2);
    expect(rowXml(w.serialize(), 1)).toBe('<row r="1"><c r="A1" s="5"/><c r="B1" s="3"><v>2</v></c><c r="C1"><v>3</v></c><extLst><ext uri="u"/></extLst></row>');
  });

  it("holding a date in a 1904 workbook store the new date's days since 1904", () => {
    const w = new SheetWriter(FILLED, dateStyles);
    w.setValue(2, 3, 46022);
    w.finishDates(true);
    expect(rowXml(w.serialize(), 2)).toContain('<c r="C2" s="7"><v>44560</v></c>');
  });
});

describe("cells a sheet already has, given a value of another kind", () => {
  it("tell the workbook a formula was written (so that Excel recalculates on opening) only when one was", () => {
    const plain = new SheetWriter(FILLED, dateStyles);
    plain.setValue(1, 3, 5);
    expect(plain.formulaWritten).toBe(false);
    const w = new SheetWriter(FILLED, dateStyles);
    w.setValue(1, 3, { formula: "=A1*2", value: 6 }); // C1 held a number
    expect(w.formulaWritten).toBe(true);
  });

  it("take a boolean, a formula's text result or its error value with the type Excel gives each", () => {
    const w = new SheetWriter(FILLED, dateStyles);
    w.setValue(2, 2, true); // B2 held inline text
    w.setValue(1, 3, { formula: '=IF(A1>0,"Đạt","Chưa đạt")', value: "Đạt" }); // C1 held a number
    w.setValue(2, 1, { formula: "=VLOOKUP(1,B:B,1,0)", value: "#N/A" }); // A2 held a formula with metadata
    const xml = w.serialize();
    expect(rowXml(xml, 2)).toBe('<row r="2"><c r="A2" s="3" t="e"><f>VLOOKUP(1,B:B,1,0)</f><v>#N/A</v></c><c r="B2" t="b"><v>1</v></c><c r="C2" s="7"><v>1</v></c></row>');
    expect(rowXml(xml, 1)).toBe('<row r="1" spans="1:3"><c r="A1" s="5"/><c r="C1" t="str"><f>IF(A1&gt;0,"Đạt","Chưa đạt")</f><v>Đạt</v></c><extLst><ext uri="u"/></extLst></row>');
  });
});

const PRINTED = (inner: string) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  inner.replace("<sheetData/>", '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>') +
  "</worksheet>";

describe("page setup over what the sheet has", () => {
  it("a page number adds the default margins the schema requires, numbers from 1, and replaces the sheet's own headers", () => {
    const w = new SheetWriter(
      PRINTED('<sheetData/><headerFooter differentFirst="1"><oddHeader>&amp;CTrang &amp;P</oddHeader><firstHeader>&amp;CBìa</firstHeader></headerFooter>'),
      noStyles,
    );
    w.pageSetup({ pageNumber: { skipFirst: false } });
    expect(w.serialize()).toContain(
      '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup firstPageNumber="1" useFirstPageNumber="1"/>' +
        '<headerFooter><oddHeader>&amp;C&amp;"Times New Roman,Regular"&amp;13&amp;P</oddHeader></headerFooter></worksheet>',
    );
    const skip = new SheetWriter(PRINTED('<sheetData/><pageMargins left="1" right="1" top="1" bottom="1" header="0.5" footer="0.5"/>'), noStyles);
    skip.pageSetup({ pageNumber: { skipFirst: true } });
    expect(skip.serialize()).toContain(
      '<pageMargins left="1" right="1" top="1" bottom="1" header="0.5" footer="0.5"/><pageSetup firstPageNumber="1" useFirstPageNumber="1"/>' +
        '<headerFooter differentFirst="1"><oddHeader>&amp;C&amp;"Times New Roman,Regular"&amp;13&amp;P</oddHeader></headerFooter>',
    );
  });

  it("fit and centring taken off remove only what they set, and the elements left empty", () => {
    const w = new SheetWriter(PRINTED('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><sheetData/><printOptions horizontalCentered="1"/>'), noStyles);
    w.pageSetup({ fitToWidth: false, centerHorizontally: false });
    expect(w.serialize()).not.toMatch(/sheetPr|pageSetUpPr|printOptions/);
    const kept = new SheetWriter(PRINTED('<sheetPr><tabColor rgb="FFFF0000"/><pageSetUpPr fitToPage="1" autoPageBreaks="0"/></sheetPr><sheetData/><printOptions horizontalCentered="1" gridLines="1"/>'), noStyles);
    kept.pageSetup({ fitToWidth: false, centerHorizontally: false });
    const xml = kept.serialize();
    expect(xml).toContain('<sheetPr><tabColor rgb="FFFF0000"/><pageSetUpPr autoPageBreaks="0"/></sheetPr>');
    expect(xml).toContain('<printOptions gridLines="1"/>');
  });
});

describe("a validation over cells that already have one", () => {
  it("keeps a reference it cannot cut (a whole column) as written, and cuts the cells out of the others", () => {
    const w = new SheetWriter(
      PRINTED('<sheetData/><dataValidations count="1"><dataValidation type="list" sqref="A:A B2:B9"><formula1>"x"</formula1></dataValidation></dataValidations>'),
      noStyles,
    );
    w.addValidation("B5", { type: "list" }, '"Đạt,Chưa đạt"');
    expect(w.serialize()).toContain(
      '<dataValidations count="2"><dataValidation type="list" sqref="A:A B2:B4 B6:B9"><formula1>"x"</formula1></dataValidation><dataValidation type="list" sqref="B5"><formula1>"Đạt,Chưa đạt"</formula1></dataValidation></dataValidations>',
    );
  });
});

describe("the notes' drawing", () => {
  it("is found by its relationship id, whatever the prefix", () => {
    expect(new SheetWriter(PRINTED('<sheetData/><legacyDrawing r:id="rId7"/>'), noStyles).legacyDrawingId()).toBe("rId7");
    expect(new SheetWriter(PRINTED("<sheetData/>"), noStyles).legacyDrawingId()).toBeUndefined();
  });
});

describe("columns and panes over what the sheet has", () => {
  it("a width for a column before the ones listed goes first; shown again, a hidden column loses its flag; left alone, it keeps it", () => {
    const w = new SheetWriter(PRINTED('<cols><col min="3" max="3" width="9" hidden="1" customWidth="1"/><col min="5" max="5" width="9" hidden="1" customWidth="1"/></cols><sheetData/>'), noStyles);
    w.columnWidth(1, 6, undefined);
    w.columnWidth(3, 20, false);
    w.columnWidth(5, 20, undefined);
    expect(w.serialize()).toContain(
      '<cols><col min="1" max="1" width="6" customWidth="1"/><col min="3" max="3" width="20" customWidth="1"/><col min="5" max="5" width="20" hidden="1" customWidth="1"/></cols>',
    );
  });

  it("freezing columns only splits across; freezing nothing takes the sheet's own frozen pane away", () => {
    const frozen =
      '<sheetViews><sheetView workbookViewId="0"><pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A4" sqref="A4"/></sheetView></sheetViews><sheetData/>';
    const cols = new SheetWriter(PRINTED(frozen), noStyles);
    cols.freeze(0, 2);
    expect(cols.serialize()).toContain(
      '<sheetView workbookViewId="0"><pane xSplit="2" topLeftCell="C1" activePane="topRight" state="frozen"/><selection pane="topRight" activeCell="C1" sqref="C1"/></sheetView>',
    );
    const none = new SheetWriter(PRINTED(frozen), noStyles);
    none.freeze(0, 0);
    expect(none.serialize()).toContain('<sheetViews><sheetView workbookViewId="0"/></sheetViews>');
  });
});
