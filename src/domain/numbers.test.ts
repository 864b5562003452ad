import { excelRound, formatNumberVi, parseLocaleNumber } from "./numbers";

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

describe("excelRound", () => {
  // Excel's ROUND through decimal strings, as excelRound did before it had a fast path:
  // the oracle its arithmetic shortcut must agree with on every value.
  function viaStrings(value: number, digits: number): number {
    if (!Number.isFinite(value) || value === 0) return value;
    const approx = Number(value.toPrecision(15));
    const sign = approx < 0 ? -1 : 1;
    const [m, e] = Math.abs(approx).toExponential().split("e");
    const shifted = Math.round(Number(`${m}e${Number(e) + digits}`));
    const [m2, e2] = shifted.toExponential().split("e");
    return sign * Number(`${m2}e${Number(e2) - digits}`);
  }

  it("rounds halves away from zero after taking 15 significant digits, as Excel does", () => {
    expect(excelRound(0.955 / 0.8, 4)).toBe(1.1938); // 1.19374999… in binary, 1.19375 to Excel
    expect(excelRound(-0.955 / 0.8, 4)).toBe(-1.1938);
    expect(excelRound(2.5, 0)).toBe(3);
    expect(excelRound(-2.5, 0)).toBe(-3);
    expect(excelRound(0.1 + 0.2, 9)).toBe(0.3);
    expect(excelRound(1.005, 2)).toBe(1.01); // 1.00499999… in binary
    expect(excelRound(0.6 / 0.7, 4)).toBe(0.8571);
    expect(excelRound(2 / 3, 4)).toBe(0.6667);
  });

  it("leaves zero and non-finite values as they are", () => {
    expect(excelRound(0, 4)).toBe(0);
    expect(excelRound(Infinity, 4)).toBe(Infinity);
    expect(excelRound(NaN, 4)).toBeNaN();
  });

  it("agrees with the decimal-string rounding on rates, ties and large numbers", () => {
    const values: number[] = [1.19375, 0.00005, 0.00015, 12345.5, 2 ** 52 - 0.5, 2 ** 53, 1e300, 1e-300, 123456789 + 0.123456789];
    // Rates as the consolidation computes them: results over targets typed by people.
    for (let r = 0; r <= 400; r++) for (const t of [1, 3, 7, 60, 95, 0.6, 0.85, 1.5, 12.5]) values.push(r / 8 / t, -r / 8 / t, t / (r / 8 || 1));
    // Every tie at four decimals, written as a person would type it.
    for (let i = 0; i < 2000; i++) values.push(Number(`${i / 1000}5`), Number(`0.${String(i).padStart(4, "0")}5`));
    const differing: [number, number, number, number][] = [];
    for (const v of values) {
      for (const d of [0, 2, 4, 9]) {
        const got = excelRound(v, d);
        if (!Object.is(got, viaStrings(v, d))) differing.push([v, d, got, viaStrings(v, d)]);
      }
    }
    expect(values.length * 4).toBeGreaterThan(40_000);
    expect(differing).toEqual([]);
  });
});
