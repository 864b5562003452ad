/**
 * The task rules of "6 rõ" (rõ sản phẩm, rõ thời gian) and the progress report, on a
 * task table typed as an official would; every finding and message below is written
 * by hand from the rule, cell by cell.
 */
import type { CellValue, SheetSnapshot } from "../snapshot";
import { checkSheet } from "../validate";
import { defaultCatalog } from "../catalog";

const catalog = defaultCatalog();

// Rows as typed, of any length: the reader reads a ragged grid.
const sheet = (rows: CellValue[][]): SheetSnapshot => ({ name: "Nhiệm vụ", values: rows });

const HEADER = ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Sản phẩm đầu ra", "Thời gian hoàn thành", "Tình trạng", "Ngày hoàn thành"];
const LEAD = "Phòng Văn hóa - Xã hội";

/** Findings of the task rules only, as [code, cell, message]. */
function taskFindings(rows: CellValue[][], planYear = 2026) {
  const codes = new Set(["output-missing", "output-repeated", "deadline-missing", "deadline-unreadable", "deadline-undated", "deadline-outside-year", "completed-date-unreadable", "completed-not-done", "done-no-date"]);
  const r = checkSheet(sheet([["KẾ HOẠCH NĂM 2026"], HEADER, ...rows]), { catalog, planYear, asOf: "2026-11-30" });
  return r.findings.filter((f) => codes.has(f.code)).map((f) => [f.code, f.cell, f.message, ...(f.fix ? [f.fix] : [])]);
}

describe("rõ sản phẩm: the output product", () => {
  it("asks for an output where there is none", () => {
    expect(taskFindings([[1, "Số hóa hồ sơ hộ tịch", LEAD, "", "Quý II/2026"]])).toEqual([
      ["output-missing", "D3", "Nhiệm vụ chưa có sản phẩm đầu ra (rõ sản phẩm); hãy ghi kết quả cụ thể phải có khi hoàn thành (văn bản, kế hoạch, báo cáo, hệ thống, ...)."],
    ]);
  });

  it("flags an output copied down under a different task, not under the same task or a different output", () => {
    expect(
      taskFindings([
        [1, "Số hóa hồ sơ hộ tịch", LEAD, "Báo cáo kết quả", "Quý II/2026"],
        [2, "Lắp đặt wifi công cộng", LEAD, "báo cáo  kết quả", "Quý III/2026"],
        [3, "Lắp đặt wifi công cộng", LEAD, "Báo cáo kết quả", "Quý IV/2026"],
        [4, "Tập huấn kỹ năng số", LEAD, "Danh sách học viên", "Quý IV/2026"],
      ]),
    ).toEqual([
      ["output-repeated", "D4", "Sản phẩm đầu ra “báo cáo kết quả” giống hệt dòng 3 trong khi nhiệm vụ khác nhau; hãy kiểm tra xem có bị chép nhầm từ dòng trên không."],
    ]);
  });
});

describe("rõ thời gian: the deadline", () => {
  it("asks for a deadline, says which it cannot read, and which names no date", () => {
    expect(
      taskFindings([
        [1, "Số hóa hồ sơ hộ tịch", LEAD, "Kho dữ liệu", ""],
        [2, "Lắp đặt wifi công cộng", LEAD, "Điểm wifi", "sớm nhất có thể"],
        [3, "Tập huấn kỹ năng số", LEAD, "Lớp tập huấn", "Theo hướng dẫn của tỉnh"],
        [4, "Duy trì cổng thông tin", LEAD, "Cổng thông tin", "Thường xuyên"],
      ]),
    ).toEqual([
      ["deadline-missing", "E3", "Nhiệm vụ chưa có thời hạn hoàn thành (rõ thời gian); hãy ghi ví dụ “Quý II/2026” hoặc “30/06/2026”."],
      ["deadline-unreadable", "E4", "Không hiểu thời hạn “sớm nhất có thể”; hãy ghi ví dụ “Quý II/2026”, “10/2026”, “30/06/2026” hoặc “Thường xuyên”."],
      ["deadline-undated", "E5", "Thời hạn “Theo hướng dẫn của tỉnh” không nêu thời điểm cụ thể (rõ thời gian); hãy ghi mốc dự kiến, ví dụ “Quý IV/2026”, và cập nhật khi tỉnh hướng dẫn."],
    ]);
  });

  it("flags a deadline before or after the plan's year, and none on its first or last day", () => {
    expect(
      taskFindings([
        [1, "Số hóa hồ sơ hộ tịch", LEAD, "Kho dữ liệu", "31/12/2025"],
        [2, "Lắp đặt wifi công cộng", LEAD, "Điểm wifi", "01/01/2026"],
        [3, "Tập huấn kỹ năng số", LEAD, "Lớp tập huấn", "31/12/2026"],
        [4, "Xây dựng bản đồ số", LEAD, "Bản đồ số", "Quý I/2027"],
      ]),
    ).toEqual([
      ["deadline-outside-year", "E3", "Thời hạn “31/12/2025” (31/12/2025) nằm trước năm 2026 của kế hoạch; nhiệm vụ của kế hoạch năm 2026 cần có thời hạn trong năm 2026."],
      ["deadline-outside-year", "E6", "Thời hạn “Quý I/2027” (31/03/2027) nằm sau năm 2026 của kế hoạch; nhiệm vụ của kế hoạch năm 2026 cần có thời hạn trong năm 2026."],
    ]);
  });

  it("does not check deadlines in a table with no deadline column", () => {
    const r = checkSheet(sheet([["KẾ HOẠCH NĂM 2026"], ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Sản phẩm đầu ra"], [1, "Số hóa hồ sơ hộ tịch", LEAD, "Kho dữ liệu"]]), { catalog, planYear: 2026 });
    expect(r.findings.filter((f) => f.code.startsWith("deadline-")).map((f) => f.code)).toEqual([]);
  });
});

describe("the progress report: status and completion date", () => {
  it("checks that status and completion date agree, and offers the one fix that is sure", () => {
    expect(
      taskFindings([
        [1, "Số hóa hồ sơ hộ tịch", LEAD, "Kho dữ liệu", "Quý II/2026", "Đang thực hiện", "15/06/2026"],
        [2, "Lắp đặt wifi công cộng", LEAD, "Điểm wifi", "Quý III/2026", "Hoàn thành", ""],
        [3, "Tập huấn kỹ năng số", LEAD, "Lớp tập huấn", "Quý IV/2026", "Hoàn thành", "hôm qua"],
        [4, "Xây dựng bản đồ số", LEAD, "Bản đồ số", "Quý IV/2026", "", "20/10/2026"],
        [5, "Duy trì cổng thông tin", LEAD, "Cổng thông tin", "Quý IV/2026", "Hoàn thành", "20/10/2026"],
        [6, "Rà soát thủ tục", LEAD, "Danh mục thủ tục", "Quý IV/2026", "Chưa thực hiện", ""],
      ]),
    ).toEqual([
      [
        "completed-not-done",
        "F3",
        "Đã ghi ngày hoàn thành 15/06/2026 nhưng tình trạng là “Đang thực hiện”; nếu nhiệm vụ đã xong, ghi “Hoàn thành”, nếu chưa, xóa ngày hoàn thành.",
        { label: "Ghi tình trạng “Hoàn thành”", cell: "F3", value: "Hoàn thành" },
      ],
      ["done-no-date", "G4", "Nhiệm vụ đã “Hoàn thành” nhưng chưa ghi ngày hoàn thành; ghi ngày để biết hoàn thành đúng hạn hay quá hạn."],
      ["completed-date-unreadable", "G5", "Ngày hoàn thành “hôm qua” không phải là ngày; hãy nhập theo dạng ngày/tháng/năm, ví dụ 30/06/2026."],
      [
        "completed-not-done",
        "F6",
        "Đã ghi ngày hoàn thành 20/10/2026 nhưng tình trạng là “(trống)”; nếu nhiệm vụ đã xong, ghi “Hoàn thành”, nếu chưa, xóa ngày hoàn thành.",
        { label: "Ghi tình trạng “Hoàn thành”", cell: "F6", value: "Hoàn thành" },
      ],
    ]);
  });

  it("asks for no completion date where the table has no column for it", () => {
    const r = checkSheet(
      sheet([["KẾ HOẠCH NĂM 2026"], HEADER.slice(0, 6), [1, "Số hóa hồ sơ hộ tịch", LEAD, "Kho dữ liệu", "Quý II/2026", "Hoàn thành"]]),
      { catalog, planYear: 2026 },
    );
    expect(r.findings.filter((f) => ["done-no-date", "completed-not-done"].includes(f.code))).toEqual([]);
  });

  it("reads a completion date without a status column, and still says when it is no date", () => {
    const r = checkSheet(
      sheet([["KẾ HOẠCH NĂM 2026"], ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Sản phẩm đầu ra", "Thời gian hoàn thành", "Ngày hoàn thành"], [1, "Số hóa hồ sơ hộ tịch", LEAD, "Kho dữ liệu", "Quý II/2026", "sắp xong"], [2, "Lắp đặt wifi", LEAD, "Điểm wifi", "Quý II/2026", "30/06/2026"]]),
      { catalog, planYear: 2026 },
    );
    expect(r.findings.filter((f) => ["completed-date-unreadable", "completed-not-done", "done-no-date"].includes(f.code)).map((f) => [f.code, f.cell])).toEqual([["completed-date-unreadable", "F3"]]);
  });
});
