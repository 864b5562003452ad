import { charWidth, rowHeightFor, textLines, textWidthPt } from "./metrics";

describe("charWidth", () => {
  it("gives Times New Roman's widths, a Vietnamese letter its base letter's", () => {
    expect(charWidth("a")).toBe(444);
    expect(charWidth("W")).toBe(944);
    expect(charWidth("ạ")).toBe(444);
    expect(charWidth("Đ")).toBe(722);
    expect(charWidth("ư")).toBe(580); // u and its horn
    expect(charWidth("…")).toBe(1000);
    expect(charWidth("7")).toBe(500);
  });

  it("never passes 1000, the bound textLines' one-line shortcut relies on", () => {
    const wide: string[] = [];
    for (let cp = 0x20; cp < 0x3000; cp++) {
      const ch = String.fromCodePoint(cp);
      if (charWidth(ch) > 1000) wide.push(ch);
    }
    for (const ch of "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ😀") if (charWidth(ch) > 1000) wide.push(ch);
    expect(wide).toEqual([]);
  });
});

describe("textLines", () => {
  // At 12 pt a thousandth of an em is 0.016 px; a column of width w is 7w px.
  it("wraps at the word that does not fit", () => {
    // "aaaa aaaa": 28.416 + 4 + 28.416 = 60.832 px.
    expect(textLines("aaaa aaaa", 8, 12)).toBe(2); // 56 px
    expect(textLines("aaaa aaaa", 9, 12)).toBe(1); // 63 px
  });

  it("breaks a word longer than the column inside itself", () => {
    expect(textLines("aaaaaaaaaa", 5, 12)).toBe(3); // 71.04 px in 35 px
    expect(textLines("Đạt", 1, 12)).toBe(4); // 23.104 px in 7 px
  });

  it("counts each paragraph, and a short text as one line", () => {
    expect(textLines("Đạt\nChưa đạt", 20, 12)).toBe(2);
    expect(textLines("Đạt", 8, 12)).toBe(1);
    expect(textLines("", 8, 12)).toBe(1);
  });

  it("runs bold text wider", () => {
    // 60.832 px plain; 65.7 px bold, over a 63 px column.
    expect(textLines("aaaa aaaa", 9, 12, true)).toBe(2);
  });
});

describe("textWidthPt and rowHeightFor", () => {
  it("measures in points and sizes a row to its tallest cell", () => {
    expect(textWidthPt("aaaa", 12)).toBeCloseTo(21.312, 6); // 1776 thousandths of 12 pt
    // Two lines of 12 pt: ceil(2 × 12 × 1.15 + 3) = 31.
    expect(rowHeightFor([{ text: "aaaa aaaa", width: 8 }, { text: "x", width: 20 }], 12)).toBe(31);
    expect(rowHeightFor([], 12)).toBe(17);
  });
});
