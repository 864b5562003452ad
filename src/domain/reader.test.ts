import { readTable, shownText, type Table } from "./reader";
import type { SheetSnapshot } from "./snapshot";
import { loadGrid, loadSeed } from "../../test/seeds";

/** The table of a sheet that has one. */
function tableOf(s: SheetSnapshot): Table {
  const r = readTable(s);
  if (!r.ok) throw new Error(r.message);
  return r.table;
}
const table = (seed: string, sheet: string): Table => tableOf(loadSeed(seed).sheet(sheet));
/** A sheet typed inline. */
const sheet = (values: SheetSnapshot["values"], merges: string[] = []): SheetSnapshot => ({ name: "Trang1", values, merges });
/** Rows as "2gI" (row 2, group I) and "3i1" (row 3, item 1). */
const shape = (t: Table) => t.rows.map((r) => `${r.row}${r.kind === "group" ? "g" : "i"}${r.number ?? ""}`);
const groups = (t: Table) => t.rows.filter((r) => r.kind === "group");
const itemsOf = (t: Table) => t.rows.filter((r) => r.kind !== "group");
const at = (t: Table, row: number) => t.rows.find((r) => r.row === row)!;

describe("readTable on every seed layout", () => {
  it("000 Nhơn Trạch: indicators, numbering running on, header labels with line breaks", () => {
    const t = table("000", "Chỉ tiêu");
    expect(t.kind).toBe("indicators");
    expect(t.headerRow).toBe(4);
    expect(t.columns.map((c) => `${c.letter}:${c.role}`)).toEqual(["A:number", "B:name", "C:unit", "D:target", "E:lead"]);
    expect(groups(t).map((g) => g.number)).toEqual(["I", "II", "III", "IV"]);
    expect(itemsOf(t)).toHaveLength(24);
    const r21 = itemsOf(t).find((r) => r.number === "21")!;
    expect(r21.cells.target).toMatchObject({ address: "D29", text: "≥ 40%" });
    expect(r21.cells.lead?.text).toBe("Phòng VH-XH");
  });

  it("001 Tân Lợi: declared counts, text numbering '01', a monitoring column as lead", () => {
    const t = table("001", "Chỉ tiêu");
    expect(t.kind).toBe("indicators");
    expect(t.declaredCount).toBe(31);
    expect(groups(t).map((g) => g.declaredCount)).toEqual([2, 4, 1, 24]);
    expect(itemsOf(t)).toHaveLength(31);
    expect(t.columns.find((c) => c.role === "lead")?.label).toBe("Đơn vị theo dõi, báo cáo");
    const iii1 = at(t, 15);
    expect(iii1.number).toBe("01");
    expect(iii1.cells.unit).toMatchObject({ address: "C15", value: null });
    expect(at(t, 37).cells.target).toMatchObject({ address: "D37", value: 1, numberFormat: "0%" });
  });

  it("001 Tân Lợi tasks: 'KẾT QUẢ' beside a deadline column is the output product", () => {
    const t = table("001", "Phụ lục nhiệm vụ");
    expect(t.kind).toBe("tasks");
    expect(t.headerRow).toBe(7);
    expect(t.columns.map((c) => c.role)).toEqual(["number", "name", "lead", "coordinating", "output", "deadline"]);
    expect(groups(t)).toHaveLength(6);
    expect(itemsOf(t)).toHaveLength(18);
    expect(itemsOf(t)[0].cells.deadline).toMatchObject({ address: "F9", text: "Năm 2026" });
  });

  it("002 Minh Hưng Phụ lục I: 32 indicators, group II carrying a unit and target", () => {
    const t = table("002", "Phụ lục I");
    expect(t.declaredCount).toBe(32);
    expect(itemsOf(t)).toHaveLength(32);
    expect(groups(t).map((g) => g.declaredCount)).toEqual([2, 5, 4, 21]);
    const g2 = at(t, 11);
    expect(g2.kind).toBe("group");
    expect(g2.cells.target).toMatchObject({ address: "D11", text: "≥ 50%" });
    expect(at(t, 27).cells.target?.text).toBe("100%.");
  });

  it("002 Minh Hưng Phụ lục II: numbered labels '(1) …', group rows spread over merged cells", () => {
    const t = table("002", "Phụ lục II");
    expect(t.kind).toBe("tasks");
    expect(t.declaredCount).toBeUndefined();
    expect(t.columns.map((c) => c.role)).toEqual(["parentTask", "name", "output", "kpi", "lead", "coordinating", "deadline"]);
    expect(groups(t).map((g) => g.number)).toEqual(["I", "II", "III", "IV", "V"]);
    expect(itemsOf(t)).toHaveLength(13);
    expect(at(t, 19).cells.deadline).toMatchObject({ address: "G19", text: "Theo hướng dẫn của tỉnh" });
  });

  it("004 Phú Trung: tasks and indicators mixed in one table", () => {
    const t = table("004", "Phụ lục");
    expect(t.kind).toBe("mixed");
    expect(groups(t)).toHaveLength(7);
    expect(itemsOf(t)).toHaveLength(32);
    expect(at(t, 12)).toMatchObject({ kind: "indicator" });
    expect(at(t, 12).cells.target).toMatchObject({ address: "E12", text: "≥ 2" });
    expect(at(t, 9)).toMatchObject({ kind: "task" });
    expect(at(t, 9).cells.deadline?.text).toBe("Đến hết 11/2025");
  });

  it("uses the catalog's judgement for qualitative indicators in a mixed table", () => {
    const r = readTable(loadSeed("004").sheet("Phụ lục"), { isIndicatorName: (n) => n.startsWith("Chỉ số") || n.includes("Xếp hạng") });
    expect(r.ok && r.table.rows.filter((x) => x.kind === "indicator").length).toBeGreaterThan(4);
  });
});

describe("readTable on odd layouts", () => {
  it("says which labels it looked for when there is no header", () => {
    const r = readTable(sheet([["Báo cáo tháng 11"], ["Không có bảng"]]));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe("no-header");
      expect(r.message).toContain("Đơn vị tính");
    }
  });

  it("finds a header far down, 'TT' and 'Mục tiêu/Chỉ tiêu cụ thể', and skips a column-numbering row", () => {
    const values: SheetSnapshot["values"] = Array.from({ length: 29 }, () => [null]);
    values.push(["TT", "Mục tiêu/Chỉ tiêu cụ thể", "Đơn vị tính/đo lường", "Kết quả năm 2026", "Đơn vị chủ trì", "Đơn vị phối hợp"]);
    values.push(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"]);
    values.push(["1", "Tỷ lệ phủ sóng 5G", "%", "≥ 60%", "Phòng VH-XH", null]);
    const r = readTable(sheet(values));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.table.headerRow).toBe(30);
      expect(r.table.columns.map((c) => c.role)).toEqual(["number", "name", "unit", "target", "lead", "coordinating"]);
      expect(r.table.rows).toHaveLength(1);
      expect(r.table.rows[0].cells.target?.address).toBe("D32");
    }
  });

  it("reads a header merged over two rows with sub-labels", () => {
    const r = readTable(
      sheet(
        [
          ["STT", "Nội dung chỉ tiêu", "Đơn vị tính", "Chỉ tiêu năm 2026", "Đơn vị thực hiện", null],
          [null, null, null, null, "Chủ trì", "Phối hợp"],
          [1, "Tỷ lệ phủ sóng 5G", "%", 0.6, "Phòng VH-XH", "Công an xã"],
        ],
        ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:F1"],
      ),
    );
    expect(r.ok && r.table.headerEnd).toBe(2);
    expect(r.ok && r.table.columns.find((c) => c.role === "coordinating")?.letter).toBe("F");
    expect(r.ok && r.table.rows[0].cells.lead?.text).toBe("Phòng VH-XH");
  });

  it("stops at the signature block", () => {
    const r = readTable(
      sheet([
        ["STT", "Nội dung chỉ tiêu", "Đơn vị tính", "Kết quả", "Đơn vị chủ trì"],
        [1, "Tỷ lệ phủ sóng 5G", "%", "≥ 60%", "Phòng VH-XH"],
        ["Nơi nhận:", null, null, "TM. ỦY BAN NHÂN DÂN", null],
        ["- Như trên;", null, null, "CHỦ TỊCH", null],
      ]),
    );
    expect(r.ok && r.table.rows).toHaveLength(1);
  });
});

describe("group rows written in other ways", () => {
  const HEAD = ["TT", "Nội dung", "Đơn vị tính", "Chỉ tiêu năm 2026", "Đơn vị chủ trì"];
  const item = (n: string, name = "Tỷ lệ phủ sóng 5G") => [n, name, "%", "≥ 60%", "Phòng VH-XH"];
  const read = (values: SheetSnapshot["values"], merges: string[] = []): Table => tableOf(sheet(values, merges));

  it("“1. Title” written across the row is a group when “1.1” follows, even past an unnumbered row", () => {
    const t = read(
      [HEAD, ["1. Hạ tầng số"], item("1.1"), item("1.2"), ["2. Chuyển đổi số"], [null, "(tiếp theo Kế hoạch số 12)", null, null, "xem phụ lục"], item("2.1")],
      ["A2:E2", "A5:E5"],
    );
    expect(shape(t)).toEqual(["2g1", "3i1.1", "4i1.2", "5g2", "6i", "7i2.1"]);
    expect(t.rows[0].title).toBe("Hạ tầng số");
  });

  it("“10. Title” over “10.1” is group 10", () => {
    const t = read([HEAD, ["10. Chuyển đổi số"], item("10.1"), item("10.2")], ["A2:E2"]);
    expect(shape(t)).toEqual(["2g10", "3i10.1", "4i10.2"]);
  });

  it("“1. Title” over an item of another number is a title, not group 1", () => {
    const t = read([HEAD, ["1. Hạ tầng số"], item("2"), item("3"), ["3. Chuyển đổi số"], item("1.1")], ["A2:E2", "A5:E5"]);
    expect(t.rows.filter((r) => r.kind === "group").map((r) => [r.row, r.number, r.title])).toEqual([
      [2, null, "1. Hạ tầng số"],
      [5, null, "3. Chuyển đổi số"],
    ]);
  });

  it("takes a group's title from the other cells when its name cell is empty", () => {
    const t = read([HEAD, ["II.", null, "HẠ TẦNG", "SỐ", null], item("1"), ["IV)", null, null, "CHUYỂN ĐỔI SỐ", null], item("2")]);
    expect(t.rows.filter((r) => r.kind === "group").map((r) => [r.number, r.title])).toEqual([
      ["II", "HẠ TẦNG SỐ"],
      ["IV", "CHUYỂN ĐỔI SỐ"],
    ]);
  });

  it("a lone text is a title in a numbered table when it is in the name column or merged over half the table or more", () => {
    const t = read(
      [HEAD, ["Hạ tầng số"], item("10"), item("11"), [null, "Chuyển đổi số"], item("12"), [null, null, null, null, "Phòng VH-XH"], ["Kinh tế số"], item("13"), ["Xã hội số"], item("14")],
      ["A2:C2", "A8:B8"],
    );
    // Row 2: merged over 3 of 5 columns; row 5: the name column; row 7: a body alone, not merged; row 9: merged over 2 of 5.
    expect(t.rows.filter((r) => r.kind === "group").map((r) => r.row)).toEqual([2, 5]);
    // Without numbered rows, a lone name is an item.
    const plain = read([HEAD, [null, "Tỷ lệ phủ sóng 5G", "%", "≥ 60%", "Phòng VH-XH"], [null, "Tỷ lệ hộ có cáp quang"]]);
    expect(plain.rows.map((r) => r.kind === "group")).toEqual([false, false]);
  });

  it("reads “C.” and “D.” after “A.”, “B.” as letters at the same level, not as Roman numerals", () => {
    const t = read([HEAD, ["A.", "NHÓM A"], item("1"), ["B.", "NHÓM B"], item("2"), ["C.", "NHÓM C"], item("3"), ["D)", "NHÓM D"], item("4"), ["C. NHÓM C NỮA"], item("5")], ["A10:E10"]);
    const groups = t.rows.filter((r) => r.kind === "group");
    expect(groups.map((g) => [g.number, g.parent])).toEqual([
      ["A", -1],
      ["B", -1],
      ["C", -1],
      ["D", -1],
      ["C", -1],
    ]);
  });

  it("counts “1.10”-style numbers as numbering", () => {
    const t = read([HEAD, [null, "Hạ tầng số"], item("1.10"), item("1.11")]);
    expect(shape(t)).toEqual(["2g", "3i1.10", "4i1.11"]);
  });
});

describe("where a task table ends: the lines written under it", () => {
  const HEAD = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời hạn hoàn thành", "Sản phẩm"];
  const task = (n: number, name: string) => [n, name, "Phòng VH-XH", "Quý II/2026", "Báo cáo"];
  const rowsUnder = (line: string): number => {
    return tableOf(sheet([HEAD, task(1, "Rà soát thủ tục hành chính"), [null, line, null, null, null], task(2, "Số hóa hồ sơ")])).rows.length;
  };

  it.each([
    "Nhơn Trạch, ngày 15 tháng 3 năm 2026",
    "Tân Lợi, ngày 15/3/2026",
    "(Ký, ghi rõ họ tên)",
    "(Ký và ghi rõ họ và tên)",
    "Ký, ghi rõ họ tên",
    "CHỦ TỊCH",
    "KT. CHỦ TỊCH",
    "Người lập biểu",
    "Người tổng hợp:",
    "Ghi chú: số liệu tính đến 30/11/2026",
    "Nơi nhận: Như trên",
  ])("ends at “%s”", (line) => {
    expect(rowsUnder(line)).toBe(1);
  });

  it.each([
    // A task that starts with a footer's words but is long and not in capitals.
    "Chủ tịch UBND xã chỉ đạo rà soát toàn bộ thủ tục hành chính trên địa bàn",
    "Lãnh đạo các phòng, ban chuyên môn tham gia đầy đủ các lớp bồi dưỡng kỹ năng số",
    // A date inside a task, not a place and date line.
    "Tổ chức hội nghị sơ kết, ngày hội chuyển đổi số",
    "Ghi chú kết quả vào sổ theo dõi",
  ])("goes on past “%s”", (line) => {
    expect(rowsUnder(line)).toBe(3);
  });
});

describe("readTable on layouts the seeds do not show (test/fixtures/unseen/layouts.json)", () => {
  const grid = loadGrid("layouts.json");
  const read = (name: string): Table => tableOf(grid.sheet(name));
  const roles = (t: Table) => t.columns.map((c) => `${c.letter}:${c.role}`);

  it("takes “Kế hoạch năm 2026” as the target and “Thực hiện” as the result", () => {
    expect(roles(read("KH năm"))).toEqual(["A:number", "B:name", "C:unit", "D:target", "E:result", "F:lead"]);
  });

  it("reads “Năm 2026” merged over “Chỉ tiêu | Thực hiện”: the second header row is no indicator", () => {
    const t = read("Năm over Chỉ tiêu|Thực hiện");
    expect([t.headerRow, t.headerEnd]).toEqual([2, 3]);
    expect(roles(t)).toEqual(["A:number", "B:name", "C:unit", "D:target", "E:result", "F:lead"]);
    expect(shape(t)).toEqual(["4i1"]);
  });

  it("takes “Mục tiêu” beside “Nội dung” as the target, “Ước thực hiện” as the result, “Cơ quan thực hiện” as the lead", () => {
    expect(roles(read("Mục tiêu"))).toEqual(["A:number", "B:name", "C:unit", "D:target", "E:result", "F:lead"]);
  });

  it("takes “Kết quả năm 2026” as the result when the table has a target column, and as the target when not", () => {
    expect(roles(read("Kết quả beside Chỉ tiêu năm"))).toEqual(["A:number", "B:name", "C:unit", "D:target", "E:result", "F:lead"]);
    expect(roles(read("Kết quả as target"))).toEqual(["A:number", "B:name", "C:unit", "D:target", "E:lead"]);
  });

  it("never reads a column-number row or the header repeated under itself as data", () => {
    const t = read("Header repeated");
    expect(roles(t)).toEqual(["A:number", "B:name", "C:unit", "D:target", "E:result", "F:lead"]);
    expect(shape(t)).toEqual(["4i1", "5i2"]);
  });

  it("reads letter groups, “1.” over “1.1”, a lone title, and stops at a note under the table", () => {
    const t = read("Groups");
    // A (row 2) > 1 (row 3) > items 1.1, 1.2; B (row 6) > the title (row 7) > items 1, 2; the note (row 11) ends the table.
    expect(shape(t)).toEqual(["2gA", "3g1", "4i1.1", "5i1.2", "6gB", "7g", "8i1", "9i2"]);
    const at = (row: number) => t.rows.find((r) => r.row === row)!;
    expect([at(7).title, at(7).parent, at(6).group]).toEqual(["Chuyển đổi số trong cơ quan nhà nước", at(6).group, 2]);
    expect([at(4).group, at(8).group]).toEqual([1, 3]);
  });

  it("ends the table at a signature block even when it sits in the name column", () => {
    expect(shape(read("Footer in name column"))).toEqual(["2i1"]);
  });

  it("goes on past empty rows only to another numbered row or group, and stops at a note after them", () => {
    expect(shape(read("Gap then notes"))).toEqual(["2gI", "3i1", "7gII", "8i1"]);
  });
});

describe("shownText", () => {
  const cell = (value: number | string | null, numberFormat?: string) => ({ value, text: value === null ? "" : String(value), numberFormat });
  it("shows a date cell as its date, a percent cell as a percent, the rest as written", () => {
    // Serial 46112 is 31 March 2026; 46023 is 1 January 2026.
    expect(shownText(cell(46112, "dd/mm/yyyy"))).toBe("31/03/2026");
    expect(shownText(cell(46023, "d/m/yyyy"))).toBe("01/01/2026");
    expect(shownText(cell(0.6, "0%"))).toBe("60%");
    expect(shownText(cell(0.955, "0.00%"))).toBe("95,5%");
    expect(shownText(cell(1.2, "0%"))).toBe("120%");
    // A "%" inside quotes is text of the format, not a percent.
    expect(shownText(cell(5, '0" %"'))).toBe("5");
    // A number outside the dates a plan could hold stays a number, and text stays text.
    expect(shownText(cell(12, "dd/mm/yyyy"))).toBe("12");
    expect(shownText(cell(46112))).toBe("46112");
    expect(shownText(cell("Quý II/2026", "dd/mm/yyyy"))).toBe("Quý II/2026");
    expect(shownText(cell(null, "0%"))).toBe("");
  });
});

