import { formatNumberVi, parseLocaleNumber } from "./numbers";

describe("parseLocaleNumber", () => {
  it.each([
    ["60", 60],
    ["01", 1],
    ["1,5", 1.5],
    ["0,6", 0.6],
    ["0.6", 0.6],
    ["1.000", 1000],
    ["12.500.000", 12500000],
    ["1.234,5", 1234.5],
    ["1,234.5", 1234.5],
    ["1.50", 1.5],
  ])("%s → %d", (s, n) => expect(parseLocaleNumber(s)).toBe(n));

  it.each(["", "abc", "1.2.3,4,5", "≥ 60"])("%j is not a number", (s) => expect(parseLocaleNumber(s)).toBeNaN());
});

describe("formatNumberVi", () => {
  it("uses the decimal comma and the thousands point", () => {
    expect(formatNumberVi(1.5)).toBe("1,5");
    expect(formatNumberVi(12500)).toBe("12.500");
    expect(formatNumberVi(60)).toBe("60");
  });
});
