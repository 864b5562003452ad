import { a1, columnLetter, columnNumber, parseA1, parseRange } from "./address";

/** The address as Excel reads it, by the rule written out: up to three letters, then digits; "$" marks are ignored. */
function byRule(address: string): { row: number; col: number } | null {
  const m = address.replace(/\$/g, "").match(/^([A-Za-z]{1,3})(\d+)$/);
  return m ? { col: columnNumber(m[1]), row: Number(m[2]) } : null;
}

describe("A1 addresses", () => {
  it.each([
    ["A1", 1, 1],
    ["z9", 9, 26],
    ["AA10", 10, 27],
    ["XFD1048576", 1048576, 16384],
    ["$B$2", 2, 2],
    ["b$07", 7, 2],
  ])("%s is row %i, column %i", (address, row, col) => {
    expect(parseA1(address)).toEqual({ row, col });
  });

  it.each(["", "1", "A", "ABCD1", "A1B", "A-1", "Ă1", "A 1", "A1 "])("%j is not an address", (address) => {
    expect(() => parseA1(address)).toThrow(`Not an A1 address: ${address}`);
  });

  it("reads every address as the rule does, letters and digits in any mix", () => {
    const pieces = ["", "A", "b", "Z", "XF", "xfd", "ABCD", "$", "0", "1", "09", "123", "1048576", "-", " ", "Đ"];
    for (const x of pieces) {
      for (const y of pieces) {
        for (const z of pieces) {
          const address = x + y + z;
          const expected = byRule(address);
          if (expected) expect([address, parseA1(address)]).toEqual([address, expected]);
          else expect(() => parseA1(address)).toThrow();
        }
      }
    }
  });

  it("spells a column as Excel does, the same on every call", () => {
    expect([1, 26, 27, 52, 53, 702, 703, 16384].map(columnLetter)).toEqual(["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"]);
    expect([1, 26, 27, 52, 53, 702, 703, 16384].map(columnLetter)).toEqual(["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"]);
    for (let col = 1; col <= 16384; col++) expect(columnNumber(columnLetter(col))).toBe(col);
    expect(a1(12, 28)).toBe("AB12");
  });

  it("a range is its corners in order, whichever way it is written", () => {
    expect(parseRange("C5:A2")).toEqual({ top: 2, left: 1, bottom: 5, right: 3 });
    expect(parseRange("$D$4")).toEqual({ top: 4, left: 4, bottom: 4, right: 4 });
  });
});
