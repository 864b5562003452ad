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
