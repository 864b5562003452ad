/**
 * The table's shape: required columns, declared counts, numbering in either
 * convention, group rows carrying data, rows without a name, the same row twice.
 * Tables typed as officials type them; every finding written by hand.
 */
import type { CellValue, SheetSnapshot } from "../snapshot";
import { checkSheet } from "../validate";
import { defaultCatalog } from "../catalog";

const catalog = defaultCatalog();
const LEAD = "Phòng Văn hóa - Xã hội";

// Rows as typed, of any length: the reader reads a ragged grid.
const sheet = (rows: CellValue[][]): SheetSnapshot => ({ name: "Bảng", values: rows });

function findings(rows: CellValue[][], codes: string[]) {
  const r = checkSheet(sheet([["KẾ HOẠCH NĂM 2026"], ...rows]), { catalog, planYear: 2026, asOf: "2026-11-30" });
  return r.findings.filter((f) => codes.includes(f.code)).map((f) => [f.code, f.cell, f.message]);
}

const TASKS = ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Sản phẩm đầu ra", "Thời gian hoàn thành"];
const task = (n: CellValue, name: string, output = "Báo cáo", deadline = "Quý IV/2026"): CellValue[] => [n, name, LEAD, output, deadline];

describe("required columns", () => {
  it("names each column an indicator table lacks, once, at the header", () => {
    expect(findings([["STT", "Tên chỉ tiêu", "Đơn vị tính"], [1, "Tỷ lệ phủ sóng 5G trên địa bàn", "%"]], ["column-missing"])).toEqual([
      ["column-missing", "B2", "Bảng chỉ tiêu không có cột Chỉ tiêu/Kết quả (giá trị phấn đấu); cần thêm cột này và ghi cho từng dòng."],
      ["column-missing", "B2", "Bảng chỉ tiêu không có cột Đơn vị chủ trì (rõ người); cần thêm cột này và ghi cho từng dòng."],
    ]);
  });

  it("names each column a task table lacks", () => {
    expect(findings([["STT", "Nội dung nhiệm vụ", "Thời gian hoàn thành"], [1, "Số hóa hồ sơ hộ tịch", "Quý II/2026"]], ["column-missing"])).toEqual([
      ["column-missing", "B2", "Bảng nhiệm vụ không có cột Đơn vị chủ trì (rõ người); cần thêm cột này và ghi cho từng dòng."],
      ["column-missing", "B2", "Bảng nhiệm vụ không có cột Sản phẩm đầu ra/Kết quả (rõ sản phẩm); cần thêm cột này và ghi cho từng dòng."],
    ]);
  });
});

describe("declared counts", () => {
  it("compares the header's and each group's count with the rows under them", () => {
    expect(
      findings(
        [
          ["STT", "Nội dung nhiệm vụ (4 nhiệm vụ)", "Đơn vị chủ trì", "Sản phẩm đầu ra", "Thời gian hoàn thành"],
          ["I", "Hạ tầng số (02 nhiệm vụ)"],
          task(1, "Lắp đặt wifi công cộng"),
          task(2, "Nâng cấp loa truyền thanh"),
          ["II", "Chính quyền số (03 nhiệm vụ)"],
          task(1, "Số hóa hồ sơ hộ tịch"),
        ],
        ["count-mismatch"],
      ),
    ).toEqual([
      ["count-mismatch", "B2", "Tiêu đề cột ghi 4 nhiệm vụ nhưng bảng có 3 nhiệm vụ; cần sửa số trong tiêu đề hoặc bổ sung/bớt dòng cho khớp."],
      ["count-mismatch", "B6", "Nhóm II ghi 03 nhiệm vụ nhưng có 1 nhiệm vụ trong nhóm; cần sửa cho khớp."],
    ]);
  });

  it("counts indicators in an indicator table", () => {
    expect(
      findings([["STT", "Tên chỉ tiêu (3 chỉ tiêu)", "Đơn vị tính", "Chỉ tiêu", "Đơn vị chủ trì"], [1, "Tỷ lệ phủ sóng 5G trên địa bàn", "%", "≥ 60%", LEAD], [2, "Số sáng kiến mới", "Sáng kiến", "≥ 2", LEAD]], ["count-mismatch"]),
    ).toEqual([["count-mismatch", "B2", "Tiêu đề cột ghi 3 chỉ tiêu nhưng bảng có 2 chỉ tiêu; cần sửa số trong tiêu đề hoặc bổ sung/bớt dòng cho khớp."]]);
  });

  it("counts both kinds in a task table that also carries indicators, whose header's word counts only some", () => {
    const mixed = [
      ["STT", "Nội dung nhiệm vụ (4 nhiệm vụ)", "Đơn vị chủ trì", "Sản phẩm, kết quả"],
      ["I", "Hạ tầng số (03 nhiệm vụ)"],
      [1, "Tỷ lệ phủ sóng 5G trên địa bàn", LEAD, "≥ 60%"],
      [2, "Xây dựng kế hoạch tuyên truyền về chuyển đổi số", LEAD, "Kế hoạch"],
    ];
    expect(findings(mixed, ["count-mismatch", "column-missing"])).toEqual([
      // Laid out as a task table: the deadline column is asked for once.
      ["column-missing", "B2", "Bảng nhiệm vụ không có cột Thời gian hoàn thành (rõ thời gian); cần thêm cột này và ghi cho từng dòng."],
      ["count-mismatch", "B2", "Tiêu đề cột ghi 4 nhưng bảng có 2 dòng (1 chỉ tiêu, 1 nhiệm vụ); cần sửa số trong tiêu đề hoặc bổ sung/bớt dòng cho khớp."],
      ["count-mismatch", "B3", "Nhóm I ghi 03 nhưng có 2 dòng (1 chỉ tiêu, 1 nhiệm vụ) trong nhóm; cần sửa cho khớp."],
    ]);
  });

  it("tells indicators from tasks in the count of a mixed table", () => {
    const mixed = [
      ["STT", "Nội dung nhiệm vụ (5 nhiệm vụ)", "Đơn vị chủ trì", "Sản phẩm, kết quả", "Thời gian hoàn thành"],
      [1, "Tỷ lệ phủ sóng 5G trên địa bàn", LEAD, "≥ 60%", "Quý IV/2026"],
      [2, "Xây dựng kế hoạch tuyên truyền về chuyển đổi số", LEAD, "Kế hoạch", "Quý II/2026"],
      [3, "Tập huấn kỹ năng số cho cán bộ", LEAD, "Lớp tập huấn", "Quý III/2026"],
    ];
    expect(findings(mixed, ["count-mismatch"])).toEqual([
      ["count-mismatch", "B2", "Tiêu đề cột ghi 5 nhưng bảng có 3 dòng (1 chỉ tiêu, 2 nhiệm vụ); cần sửa số trong tiêu đề hoặc bổ sung/bớt dòng cho khớp."],
    ]);
  });

  it("finds nothing when the counts agree", () => {
    expect(findings([["STT", "Nội dung nhiệm vụ (2 nhiệm vụ)", "Đơn vị chủ trì", "Sản phẩm đầu ra", "Thời gian hoàn thành"], ["I", "Hạ tầng số (2 nhiệm vụ)"], task(1, "Lắp đặt wifi"), task(2, "Nâng cấp loa truyền thanh")], ["count-mismatch"])).toEqual([]);
  });
});

describe("numbering", () => {
  it("accepts numbers restarting at 1 in each group, and flags a gap and a repeat", () => {
    expect(
      findings(
        [TASKS, ["I", "Hạ tầng số"], task(1, "Việc một"), task(2, "Việc hai"), task(4, "Việc bốn"), ["II", "Chính quyền số"], task(1, "Việc năm"), task(1, "Việc sáu"), ["III", "Kinh tế số"], task(1, "Việc bảy")],
        ["numbering-gap", "numbering-repeat"],
      ),
    ).toEqual([
      ["numbering-gap", "A6", "Số thứ tự 4 nhảy cóc: thiếu số 3; số tiếp theo phải là 3."],
      ["numbering-repeat", "A9", "Số thứ tự 1 trùng hoặc lùi lại (dòng trước là 1); số tiếp theo phải là 2."],
    ]);
  });

  it("accepts numbers running on across groups, and names a longer gap as a range", () => {
    expect(
      findings(
        [TASKS, ["I", "Hạ tầng số"], task(1, "Việc một"), task(2, "Việc hai"), ["II", "Chính quyền số"], task(3, "Việc ba"), task(7, "Việc bảy"), ["III", "Kinh tế số"], task(8, "Việc tám"), ["IV", "Xã hội số"], task(10, "Việc mười")],
        ["numbering-gap", "numbering-repeat"],
      ),
    ).toEqual([
      ["numbering-gap", "A8", "Số thứ tự 7 nhảy cóc: thiếu các số 4–6; số tiếp theo phải là 4."],
      // Run-on is the table's convention: group IV should start at 9.
      ["numbering-gap", "A12", "Số thứ tự 10 nhảy cóc: thiếu số 9; số tiếp theo phải là 9."],
    ]);
  });

  it("expects 1 at a group that starts wrongly when the table restarts its groups, also on a tied vote", () => {
    expect(
      findings([TASKS, ["I", "Hạ tầng số"], task(1, "Việc một"), task(2, "Việc hai"), ["II", "Chính quyền số"], task(1, "Việc ba"), task(2, "Việc bốn"), ["III", "Kinh tế số"], task(5, "Việc năm")], ["numbering-gap", "numbering-repeat"]),
    ).toEqual([["numbering-gap", "A10", "Số thứ tự 5 nhảy cóc: thiếu các số 1–4; số tiếp theo phải là 1."]]);
    // Group II restarts, group III runs on: a tie, read as restarting.
    expect(
      findings(
        [TASKS, ["I", "Hạ tầng số"], task(1, "Việc một"), task(2, "Việc hai"), ["II", "Chính quyền số"], task(1, "Việc ba"), ["III", "Kinh tế số"], task(2, "Việc bốn"), ["IV", "Xã hội số"], task(7, "Việc năm")],
        ["numbering-gap", "numbering-repeat"],
      ),
    ).toEqual([["numbering-gap", "A11", "Số thứ tự 7 nhảy cóc: thiếu các số 1–6; số tiếp theo phải là 1."]]);
  });

  it("follows the convention most groups keep: running on, a group may still restart at 1", () => {
    // II and III run on, IV restarts: running on wins 2 to 1, so V's 9 should have been 2.
    expect(
      findings(
        [TASKS, ["I", "Hạ tầng số"], task(1, "Việc một"), task(2, "Việc hai"), ["II", "Chính quyền số"], task(3, "Việc ba"), ["III", "Kinh tế số"], task(4, "Việc bốn"), ["IV", "Xã hội số"], task(1, "Việc năm"), ["V", "Nguồn lực"], task(9, "Việc sáu")],
        ["numbering-gap", "numbering-repeat"],
      ),
    ).toEqual([["numbering-gap", "A13", "Số thứ tự 9 nhảy cóc: thiếu các số 2–8; số tiếp theo phải là 2."]]);
  });

  it("checks a table of two numbered rows", () => {
    expect(findings([TASKS, task(1, "Việc một"), task(3, "Việc ba")], ["numbering-gap", "numbering-repeat"])).toEqual([
      ["numbering-gap", "A4", "Số thứ tự 3 nhảy cóc: thiếu số 2; số tiếp theo phải là 2."],
    ]);
  });

  it("reads only a number, whole: not '2a' (a row put in later) nor 'NV1' (a task's code)", () => {
    expect(findings([TASKS, task(1, "Việc một"), task(2, "Việc hai"), task("2a", "Việc chèn thêm"), task(3, "Việc ba")], ["numbering-gap", "numbering-repeat"])).toEqual([]);
    expect(findings([TASKS, task("NV1", "Việc một"), task("NV2", "Việc hai"), task("NV4", "Việc bốn")], ["numbering-gap", "numbering-repeat"])).toEqual([]);
  });

  it("reads '3.' as 3, leaves '1.1' and letters alone, and says nothing about a table with one number", () => {
    expect(findings([TASKS, task("1.", "Việc một"), task("2.", "Việc hai"), task("3.", "Việc ba")], ["numbering-gap", "numbering-repeat"])).toEqual([]);
    expect(findings([TASKS, task(5, "Việc năm"), task("a", "Việc a")], ["numbering-gap", "numbering-repeat"])).toEqual([]);
  });
});

describe("group rows, names and duplicates", () => {
  it("flags data typed on a group row, which belongs to no task", () => {
    expect(findings([TASKS, ["I", "Hạ tầng số", LEAD, "", "Quý II/2026"], task(1, "Việc một")], ["group-row-content"])).toEqual([
      ["group-row-content", "C3", `Dòng nhóm I ghi đơn vị chủ trì “${LEAD}” nhưng dòng nhóm không phải là một nhiệm vụ; hãy chuyển nội dung này vào đúng dòng hoặc xóa đi.`],
      ["group-row-content", "E3", "Dòng nhóm I ghi thời hạn “Quý II/2026” nhưng dòng nhóm không phải là một nhiệm vụ; hãy chuyển nội dung này vào đúng dòng hoặc xóa đi."],
    ]);
  });

  it("quotes a date or a percent on a group row as the sheet shows it, not as the number stored", () => {
    // 46112 is 31/03/2026; 0.6 in a percent cell shows 60%.
    const r = checkSheet(
      {
        name: "Bảng",
        values: [["KẾ HOẠCH NĂM 2026"], TASKS, ["II", "Chuyển đổi số", "", 0.6, 46112], task(1, "Việc một")],
        numberFormats: [[], [], [null, null, null, "0%", "dd/mm/yyyy"], []],
      },
      { catalog, planYear: 2026, asOf: "2026-11-30" },
    );
    expect(r.findings.filter((f) => f.code === "group-row-content").map((f) => f.message)).toEqual([
      "Dòng nhóm II ghi sản phẩm/kết quả “60%” nhưng dòng nhóm không phải là một nhiệm vụ; hãy chuyển nội dung này vào đúng dòng hoặc xóa đi.",
      "Dòng nhóm II ghi thời hạn “31/03/2026” nhưng dòng nhóm không phải là một nhiệm vụ; hãy chuyển nội dung này vào đúng dòng hoặc xóa đi.",
    ]);
  });

  it("flags data typed on a group row of an indicator table, which belongs to no indicator", () => {
    const header = ["STT", "Tên chỉ tiêu", "Đơn vị tính", "Chỉ tiêu", "Đơn vị chủ trì"];
    expect(findings([header, ["I", "Hạ tầng số", "%"], [1, "Tỷ lệ phủ sóng 5G trên địa bàn", "%", "≥ 60%", LEAD]], ["group-row-content"])).toEqual([
      ["group-row-content", "C3", "Dòng nhóm I ghi đơn vị tính “%” nhưng dòng nhóm không phải là một chỉ tiêu; hãy chuyển nội dung này vào đúng dòng hoặc xóa đi."],
    ]);
  });

  it("flags a row with content but no name", () => {
    expect(findings([TASKS, task(1, "Việc một"), [2, "", LEAD, "Báo cáo", "Quý IV/2026"]], ["name-missing"])).toEqual([["name-missing", "B4", "Dòng 4 có nội dung nhưng chưa có tên nhiệm vụ (rõ việc)."]]);
    const header = ["STT", "Tên chỉ tiêu", "Đơn vị tính", "Chỉ tiêu", "Đơn vị chủ trì"];
    expect(findings([header, [1, "Tỷ lệ phủ sóng 5G trên địa bàn", "%", "≥ 60%", LEAD], [2, "", "%", "≥ 50%", LEAD]], ["name-missing"])).toEqual([
      ["name-missing", "B4", "Dòng 4 có nội dung nhưng chưa có tên chỉ tiêu."],
    ]);
  });

  it("counts the row as the person does in a table read from Word", () => {
    // A heading paragraph above the table, then the Word table's rows 1 (header), 2 and 3.
    const word: SheetSnapshot = { ...sheet([["KẾ HOẠCH NĂM 2026"], TASKS, task(1, "Việc một"), [2, "", LEAD, "Báo cáo", "Quý IV/2026"]]), source: { kind: "word-table", table: 2, rows: [null, 1, 2, 3] } };
    const r = checkSheet(word, { catalog, planYear: 2026 });
    expect(r.findings.filter((f) => f.code === "name-missing").map((f) => f.message)).toEqual(["Dòng 3 có nội dung nhưng chưa có tên nhiệm vụ (rõ việc)."]);
  });

  it("flags the same task twice, whatever its accents or case, and not two different tasks", () => {
    expect(findings([TASKS, task(1, "Số hóa hồ sơ hộ tịch"), task(2, "Lắp đặt wifi"), task(3, "SỐ HOÁ HỒ SƠ HỘ TỊCH")], ["task-duplicate"])).toEqual([
      ["task-duplicate", "B5", "Nhiệm vụ “SỐ HOÁ HỒ SƠ HỘ TỊCH” trùng với dòng 3."],
    ]);
  });

  it("flags the same indicator twice, by its catalog code even when worded differently", () => {
    const header = ["STT", "Tên chỉ tiêu", "Đơn vị tính", "Chỉ tiêu", "Đơn vị chủ trì"];
    expect(
      findings([header, [1, "Tỷ lệ phủ sóng 5G trên địa bàn", "%", "≥ 60%", LEAD], [2, "Số sáng kiến mới", "Sáng kiến", "≥ 2", LEAD], [3, "Tỷ lệ phủ sóng 5G trên địa bàn xã", "%", "≥ 60%", LEAD]], ["indicator-duplicate"]),
    ).toEqual([["indicator-duplicate", "B5", "Chỉ tiêu “Tỷ lệ phủ sóng 5G trên địa bàn xã” đã có ở dòng 3; mỗi chỉ tiêu chỉ ghi một lần."]]);
  });
});
