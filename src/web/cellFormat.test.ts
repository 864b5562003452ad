import { displayCell } from "./cellFormat";

describe("displayCell: a value as Excel on a Vietnamese system shows it", () => {
  it("formats numbers with a decimal comma and a thousands point", () => {
    expect(displayCell(1234.5, "#,##0.00").text).toBe("1.234,50");
    expect(displayCell(0.6, "General").text).toBe("0,6");
    expect(displayCell(0.6, null).text).toBe("0,6");
    expect(displayCell(1250000000, '#,##0 "đồng"').text).toBe("1.250.000.000 đồng");
  });

  it("shows percentages and dates", () => {
    expect(displayCell(0.6, "0%").text).toBe("60%");
    expect(displayCell(0.125, "0.0%").text).toBe("12,5%");
    // 46356 is 30/11/2026 in Excel's 1900 date system.
    expect(displayCell(46356, "dd/mm/yyyy").text).toBe("30/11/2026");
    // Built-in format 14 (read as "mm-dd-yy") is the system's short date: dd/mm/yyyy in Vietnam.
    expect(displayCell(46356, "mm-dd-yy").text).toBe("30/11/2026");
  });

  it("takes colours from the format, aligns numbers right and text left", () => {
    expect(displayCell(-35000000, "#,##0;[Red]-#,##0")).toEqual({ text: "-35.000.000", color: "red", align: "right" });
    expect(displayCell("Đạt", "General")).toEqual({ text: "Đạt", color: null, align: "left" });
    expect(displayCell(null, "0%").text).toBe("");
  });

  it("shows the plain value rather than ###### for a format it cannot read", () => {
    expect(displayCell(5, '0"x').text).toBe("5");
  });
});
