import { addDays, blankDateInWords, dateInWords, daysBetween, endOfMonth, formatDateVi, fromExcelSerial, isDateFormat, toExcelSerial } from "./dates";

describe("dates", () => {
  it("converts Excel serials both ways (46022 is 31/12/2025 in Excel)", () => {
    expect(fromExcelSerial(46022)).toBe("2025-12-31");
    expect(toExcelSerial("2026-06-30")).toBe(46203);
    expect(fromExcelSerial(toExcelSerial("2024-02-29"))).toBe("2024-02-29");
  });
  it("knows month ends, leap years included", () => {
    expect(endOfMonth(2026, 2)).toBe("2026-02-28");
    expect(endOfMonth(2028, 2)).toBe("2028-02-29");
    expect(endOfMonth(2026, 6)).toBe("2026-06-30");
  });
  it("counts days", () => {
    expect(daysBetween("2026-06-30", "2026-07-15")).toBe(15);
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  });
  it("writes dd/mm/yyyy", () => expect(formatDateVi("2026-06-30")).toBe("30/06/2026"));
  it("writes a date in words as Decree 30 does: a zero before days 1–9 and months 1–2 only", () => {
    expect(dateInWords("2026-03-05")).toBe("ngày 05 tháng 3 năm 2026");
    expect(dateInWords("2026-02-12")).toBe("ngày 12 tháng 02 năm 2026");
    expect(dateInWords("2026-01-09")).toBe("ngày 09 tháng 01 năm 2026");
    expect(dateInWords("2026-12-31")).toBe("ngày 31 tháng 12 năm 2026");
    expect(blankDateInWords(2026)).toBe("ngày … tháng … năm 2026");
  });
  it("tells date formats from others", () => {
    expect(isDateFormat("dd/mm/yyyy")).toBe(true);
    expect(isDateFormat("m/d/yy")).toBe(true);
    expect(isDateFormat("0%")).toBe(false);
    expect(isDateFormat('"≥ "0%')).toBe(false);
    expect(isDateFormat("General")).toBe(false);
  });
});
