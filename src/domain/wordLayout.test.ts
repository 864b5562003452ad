import { layoutWordAppendix, referenceInWords, shownText } from "./wordLayout";
import { defaultCatalog } from "./catalog";
import type { SheetSnapshot } from "./snapshot";

const catalog = defaultCatalog();

describe("shownText: a cell as the sheet shows it", () => {
  it.each([
    [0.6, '"≥ "0%', "≥ 60%"],
    [1, "0%", "100%"],
    [0.125, "0.0%", "12,5%"],
    [46203, "dd/mm/yyyy", "30/06/2026"],
    [1234.5, "General", "1.234,5"],
    [12, undefined, "12"],
    ["Năm 2026", undefined, "Năm 2026"],
    [null, undefined, ""],
  ])("%p with %p → %p", (value, format, expected) => {
    expect(shownText(value, format)).toBe(expected);
  });
});

describe("referenceInWords: the plan's date in words, as the decree writes it", () => {
  it.each([
    ["(Kèm theo Kế hoạch số …/KH-UBND ngày …/…/2026 của UBND xã Tân Lợi)", "(Kèm theo Kế hoạch số …/KH-UBND ngày … tháng … năm 2026 của UBND xã Tân Lợi)"],
    ["Kèm theo Kế hoạch số 12/KH-UBND ngày 05/3/2026 của UBND xã Tân Lợi", "(Kèm theo Kế hoạch số 12/KH-UBND ngày 05 tháng 3 năm 2026 của UBND xã Tân Lợi)"],
    ["(Kèm theo Kế hoạch số: /KH-UBND ngày / /2026 của UBND xã Tân Lợi)", "(Kèm theo Kế hoạch số: /KH-UBND ngày … tháng … năm 2026 của UBND xã Tân Lợi)"],
  ])("%p", (text, expected) => {
    expect(referenceInWords(text)).toBe(expected);
  });
});

describe("layoutWordAppendix", () => {
  // A table typed in an official's own layout: the issuing body in one cell, no "PHỤ LỤC" line, no plan reference,
  // a two-row header with a merged parent, a hidden helper column and a lead unit merged over two rows.
  const sheet: SheetSnapshot = {
    name: "Chỉ tiêu",
    values: [
      ["ỦY BAN NHÂN DÂN PHƯỜNG MINH HƯNG", null, null, null, null, null],
      ["MỤC TIÊU CỤ THỂ NĂM 2026", null, null, null, null, null],
      ["Ngày báo cáo:", null, null, null, null, null],
      ["STT", "Nội dung chỉ tiêu", "Đơn vị tính", "Chỉ tiêu", null, "tự động"],
      [null, null, null, "Chỉ tiêu năm 2026", "Đơn vị chủ trì", null],
      ["I", "Hạ tầng số", null, null, null, null],
      [1, "Tỷ lệ phủ sóng 5G trên địa bàn", "%", 0.6, "Phòng VH-XH", 1],
      [2, "Tỷ lệ hộ gia đình có cáp quang", "%", 0.7, null, 1],
      [null, null, null, null, null, null],
    ],
    numberFormats: [[], [], [], [], [], [], [null, null, null, '"≥ "0%', null, null], [null, null, null, '"≥ "0%', null, null], []],
    merges: ["D4:E4", "A4:A5", "B4:B5", "C4:C5", "E7:E8"],
    hiddenColumns: [6],
  };

  it("builds the heading block, title and reference from the rows above the table", () => {
    const r = layoutWordAppendix(sheet, catalog);
    if (!r.ok) throw new Error(r.message);
    const a = r.appendix;
    expect(a.issuingBody).toEqual(["ỦY BAN NHÂN DÂN", "PHƯỜNG MINH HƯNG"]);
    expect(a.motto).toEqual(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]);
    expect(a.title).toBe("PHỤ LỤC");
    expect(a.subtitle).toEqual(["MỤC TIÊU CỤ THỂ NĂM 2026"]);
    expect(a.reference).toBe("(Kèm theo Kế hoạch số …/KH-UBND ngày … tháng … năm 2026 của UBND phường Minh Hưng)");
  });

  it("lays out the table: both header rows (repeated), merges as spans, hidden columns and blank rows left out", () => {
    const r = layoutWordAppendix(sheet, catalog);
    if (!r.ok) throw new Error(r.message);
    const a = r.appendix;
    expect(a.columns.map((c) => c.col)).toEqual([1, 2, 3, 4, 5]);
    expect(a.columns.reduce((s, c) => s + c.width, 0)).toBeCloseTo(1, 9);
    expect(a.columns[1].width).toBeGreaterThan(a.columns[0].width * 3);
    expect(a.rows.map((row) => [row.header, row.group, row.cells.map((c) => `${c.lines.join("/")}:${c.colSpan}x${c.rowSpan}`)])).toEqual([
      [true, false, ["STT:1x2", "Nội dung chỉ tiêu:1x2", "Đơn vị tính:1x2", "Chỉ tiêu:2x1"]],
      [true, false, ["Chỉ tiêu năm 2026:1x1", "Đơn vị chủ trì:1x1"]],
      [false, true, ["I:1x1", "Hạ tầng số:1x1", ":1x1", ":1x1", ":1x1"]],
      [false, false, ["1:1x1", "Tỷ lệ phủ sóng 5G trên địa bàn:1x1", "%:1x1", "≥ 60%:1x1", "Phòng VH-XH:1x2"]],
      [false, false, ["2:1x1", "Tỷ lệ hộ gia đình có cáp quang:1x1", "%:1x1", "≥ 70%:1x1"]],
    ]);
  });

  it("says why when the sheet has no appendix table", () => {
    const r = layoutWordAppendix({ name: "Ghi chú", values: [["Không có bảng"]] }, catalog);
    expect(r).toEqual({ ok: false, message: expect.stringContaining("Không tìm thấy dòng tiêu đề bảng") });
  });
});
