/**
 * Indicator rows as officials type them, and what the checker says about each, word for
 * word: the unit, the target, a target written into the name, the result so far. Every
 * message written by hand from the rule it states.
 */
import type { CellValue, SheetSnapshot } from "../snapshot";
import { checkSheet } from "../validate";
import { catalogWithListSheet, defaultCatalog } from "../catalog";
import type { Catalog } from "../match";

const catalog = defaultCatalog();
const LEAD = "Phòng Văn hóa - Xã hội";
const HEAD = ["STT", "Tên chỉ tiêu", "Đơn vị tính", "Chỉ tiêu", "Đơn vị chủ trì", "Kết quả thực hiện"];
const G5 = "Tỷ lệ phủ sóng 5G trên địa bàn";
const REFERENCE = "(mức tham chiếu, dựng từ các kế hoạch mẫu, không phải chỉ tiêu chính thức của tỉnh)";

/** The findings of the given codes for rows under HEAD (the title is row 1, the header row 2). */
function findings(rows: CellValue[][], codes: string[], head: CellValue[] = HEAD, formats?: (string | null)[][], list: Catalog = catalog) {
  const sheet: SheetSnapshot = { name: "Chỉ tiêu", values: [["KẾ HOẠCH NĂM 2026"], head, ...rows], ...(formats ? { numberFormats: formats } : {}) };
  const r = checkSheet(sheet, { catalog: list, planYear: 2026, asOf: "2026-11-30" });
  return r.findings.filter((f) => codes.includes(f.code)).map((f) => [f.code, f.cell, f.message, ...(f.fix ? [f.fix.label, f.fix.value] : [])]);
}

describe("unit of measure", () => {
  it("asks for the catalog's unit when the cell is empty, and offers it", () => {
    expect(findings([[1, G5, "", "≥ 60%", LEAD]], ["unit-missing"])).toEqual([
      ["unit-missing", "C3", "Chỉ tiêu chưa ghi đơn vị tính; theo danh mục chỉ tiêu là “%”.", "Ghi đơn vị tính “%”", "%"],
    ]);
  });

  it("asks for a unit of a numeric target outside the catalog, and for none of a qualitative one", () => {
    expect(findings([[1, "Số camera an ninh được lắp mới", "", "≥ 10", LEAD]], ["unit-missing"])).toEqual([["unit-missing", "C3", "Chỉ tiêu chưa ghi đơn vị tính."]]);
    expect(findings([[1, "Xây dựng làng văn hóa số kiểu mẫu", "", "Có triển khai", LEAD]], ["unit-missing"])).toEqual([]);
  });

  it("names the catalog's unit when another is written", () => {
    expect(findings([[1, G5, "Mô hình", "≥ 60%", LEAD]], ["unit-mismatch"])).toEqual([
      ["unit-mismatch", "C3", "Đơn vị tính “Mô hình” khác đơn vị của chỉ tiêu này trong danh mục (“%”).", "Sửa thành “%”", "%"],
    ]);
  });

  it("asks for the standard spelling of a unit, but not for its case or a fuller form", () => {
    expect(findings([[1, G5, "phần trăm", "≥ 60%", LEAD]], ["unit-spelling"])).toEqual([
      ["unit-spelling", "C3", "Đơn vị tính “phần trăm” nên ghi theo cách viết chuẩn “%”.", "Sửa thành “%”", "%"],
    ]);
    expect(findings([[1, "Sáng kiến cải tiến trong khu vực công được công nhận", "SÁNG KIẾN", "≥ 01", LEAD]], ["unit-spelling"])).toEqual([]);
    expect(findings([[1, "Sáng kiến cải tiến trong khu vực công được công nhận", "Số sáng kiến", "≥ 01", LEAD]], ["unit-spelling"])).toEqual([]);
  });

  it("takes a unit's fuller form (“Số người”, “Lượt người”, “Hộ gia đình”) as the unit itself", () => {
    const rows = [
      [1, "Số hộ được hỗ trợ lắp internet", "Hộ gia đình", "≥ 100", LEAD],
      [2, "Số lượt truy cập cổng thông tin của xã", "Lượt người", "≥ 100", LEAD],
      [3, "Số người được tập huấn kỹ năng số", "Số người", "≥ 100", LEAD],
    ];
    expect(findings(rows, ["unit-spelling", "unit-missing", "unit-target-mismatch"])).toEqual([]);
    expect(findings([[1, G5, "tỷ lệ %", "≥ 60%", LEAD]], ["unit-spelling"])).toEqual([
      ["unit-spelling", "C3", "Đơn vị tính “tỷ lệ %” nên ghi theo cách viết chuẩn “%”.", "Sửa thành “%”", "%"],
    ]);
  });

  it("flags a percentage next to a count, and a count of things next to a percent", () => {
    expect(findings([[1, "Số người được tập huấn kỹ năng số", "Người", "≥ 60%", LEAD]], ["unit-target-mismatch"])).toEqual([
      [
        "unit-target-mismatch",
        "D3",
        "Chỉ tiêu “≥ 60%” là một tỷ lệ (%) nhưng đơn vị tính “Người” là số đếm; hãy sửa đơn vị tính thành “%” hoặc ghi chỉ tiêu bằng số lượng.",
      ],
    ]);
    expect(findings([[1, G5, "%", "≥ 02 mô hình", LEAD]], ["unit-target-mismatch"])).toEqual([
      ["unit-target-mismatch", "D3", "Chỉ tiêu “≥ 02 mô hình” là một số lượng nhưng đơn vị tính là “%”; hãy sửa đơn vị tính cho khớp hoặc ghi chỉ tiêu dạng tỷ lệ."],
    ]);
  });
});

describe("target", () => {
  it("offers the reference target of an empty target cell, saying it is a reference", () => {
    expect(findings([[1, G5, "%", "", LEAD]], ["target-missing"])).toEqual([
      ["target-missing", "D3", `Chỉ tiêu chưa có giá trị phấn đấu; mức tham chiếu là “≥ 60%” ${REFERENCE}.`, "Ghi “≥ 60%”", "≥ 60%"],
    ]);
  });

  it("offers the value written into the name instead, and says so on the name", () => {
    expect(findings([[1, `${G5} ≥ 70%`, "%", "", LEAD]], ["target-missing", "target-in-name"])).toEqual([
      ["target-in-name", "B3", "Tên chỉ tiêu có ghi kèm giá trị “≥ 70%” ở cuối; giá trị chỉ tiêu chỉ ghi ở cột chỉ tiêu/kết quả, tên chỉ tiêu không ghi số."],
      ["target-missing", "D3", "Chỉ tiêu chưa có giá trị phấn đấu; tên chỉ tiêu có ghi “≥ 70%”, hãy ghi vào ô này.", "Ghi “≥ 70%”", "≥ 70%"],
    ]);
  });

  it("offers to shorten the name only when the target cell already says the same", () => {
    expect(findings([[1, `${G5} 70%`, "%", "≥ 70%", LEAD]], ["target-in-name"])).toEqual([
      [
        "target-in-name",
        "B3",
        "Tên chỉ tiêu có ghi kèm giá trị “70%” ở cuối; giá trị chỉ tiêu chỉ ghi ở cột chỉ tiêu/kết quả, tên chỉ tiêu không ghi số.",
        "Bỏ “70%” khỏi tên chỉ tiêu",
        G5,
      ],
    ]);
    expect(findings([[1, `${G5} 70%`, "%", "≥ 80%", LEAD]], ["target-in-name"]).map((f) => f.length)).toEqual([3]);
  });

  it("asks nothing to be written where neither the name nor the catalog has a target", () => {
    expect(findings([[1, "Số camera an ninh được lắp mới", "Camera", "", LEAD]], ["target-missing"])).toEqual([["target-missing", "D3", "Chỉ tiêu chưa có giá trị phấn đấu."]]);
  });

  it("explains an unreadable target and shows the forms that are read", () => {
    const [f] = findings([[1, G5, "%", "≥ khoảng", LEAD]], ["target-unreadable"]);
    expect(f.slice(0, 2)).toEqual(["target-unreadable", "D3"]);
    expect(f[2]).toMatch(/ Hãy ghi theo dạng “≥ 60%”, “100%”, “≥ 01” hoặc nội dung định tính\.$/);
  });

  it("says a verdict or a placeholder is not a target", () => {
    for (const vague of ["Đạt", "Theo kế hoạch", "Theo chỉ tiêu tỉnh giao"]) {
      expect(findings([[1, G5, "%", vague, LEAD]], ["target-vague"])).toEqual([
        [
          "target-vague",
          "D3",
          `“${vague}” không phải là một chỉ tiêu: chỉ tiêu phải nói đạt bao nhiêu hoặc đạt điều gì (ví dụ “≥ 60%”, “≥ 02 mô hình”, “Có triển khai”).`,
        ],
      ]);
    }
    expect(findings([[1, "Xây dựng làng văn hóa số kiểu mẫu", "", "Có triển khai", LEAD]], ["target-vague"])).toEqual([]);
  });

  it("tidies spaces, stray punctuation and a redundant “≥” with one value for every fix", () => {
    expect(findings([[1, G5, "%", "≥  70%", LEAD]], ["target-spaces"])).toEqual([
      ["target-spaces", "D3", "Giá trị chỉ tiêu “≥  70%” có khoảng trắng thừa; nên ghi “≥ 70%”.", "Sửa thành “≥ 70%”", "≥ 70%"],
    ]);
    expect(findings([[1, G5, "%", "≥ 70%.", LEAD]], ["target-punctuation"])).toEqual([
      ["target-punctuation", "D3", "Giá trị chỉ tiêu “≥ 70%.” có dấu câu thừa ở cuối; nên ghi “≥ 70%”.", "Sửa thành “≥ 70%”", "≥ 70%"],
    ]);
    const wifi = "Tỷ lệ Trung tâm VHTT-HTCĐ xã, Nhà văn hóa ấp có wifi miễn phí phục vụ người dân";
    expect(findings([[1, wifi, "%", "≥ 100%;", LEAD]], ["target-redundant-comparator", "target-punctuation"])).toEqual([
      ["target-punctuation", "D3", "Giá trị chỉ tiêu “≥ 100%;” có dấu câu thừa ở cuối; nên ghi “100%”.", "Sửa thành “100%”", "100%"],
      ["target-redundant-comparator", "D3", "Chỉ tiêu “≥ 100%;”: không thể vượt 100% nên dấu “≥” là thừa; ghi “100%”.", "Sửa thành “100%”", "100%"],
    ]);
  });

  it("flags a rate above 100% and a target below the reference, not one at it or above", () => {
    expect(findings([[1, G5, "%", "120%", LEAD]], ["target-over-100"])).toEqual([
      ["target-over-100", "D3", "Chỉ tiêu “120%” là một tỷ lệ vượt quá 100%; hãy kiểm tra lại giá trị."],
    ]);
    expect(findings([[1, G5, "%", "100%", LEAD]], ["target-over-100"])).toEqual([]);
    expect(findings([[1, G5, "%", "≥ 50%", LEAD]], ["target-below-province"])).toEqual([
      [
        "target-below-province",
        "D3",
        `Chỉ tiêu “≥ 50%” thấp hơn mức tham chiếu “≥ 60%” ${REFERENCE}; hãy kiểm tra lại: xã/phường có thể đặt cao hơn nhưng không nên thấp hơn.`,
      ],
    ]);
    expect(findings([[1, G5, "%", "≥ 60%", LEAD]], ["target-below-province"])).toEqual([]);
  });

  it("in a table without a unit column, asks what a bare number counts, offering “%” where the catalog says so", () => {
    const head = ["STT", "Tên chỉ tiêu", "Chỉ tiêu", "Đơn vị chủ trì"];
    expect(findings([[1, G5, "≥ 60", LEAD]], ["unit-not-written"], head)).toEqual([
      [
        "unit-not-written",
        "C3",
        "Chỉ tiêu “≥ 60” chỉ ghi con số, không rõ đơn vị tính (bảng không có cột Đơn vị tính); theo danh mục chỉ tiêu, đơn vị là “%”.",
        "Ghi rõ đơn vị: “≥ 60%”",
        "≥ 60%",
      ],
    ]);
    expect(findings([[1, "Số camera an ninh được lắp mới", "≥ 10", LEAD]], ["unit-not-written"], head)).toEqual([
      ["unit-not-written", "C3", "Chỉ tiêu “≥ 10” chỉ ghi con số, không rõ đơn vị tính (bảng không có cột Đơn vị tính); hãy ghi rõ đơn vị (%, mô hình, doanh nghiệp, ...)."],
    ]);
    expect(findings([[1, G5, "≥ 60%", LEAD]], ["unit-not-written"], head)).toEqual([]);
  });

  it("in a table without a unit column, takes a percent-formatted number or a counted noun as saying its unit", () => {
    const head = ["STT", "Tên chỉ tiêu", "Chỉ tiêu", "Đơn vị chủ trì"];
    const SK = "Sáng kiến cải tiến trong khu vực công được công nhận";
    expect(findings([[1, G5, 0.6, LEAD]], ["unit-not-written"], head, [[], [], [null, null, "0%"]])).toEqual([]);
    expect(findings([[1, SK, "≥ 02 sáng kiến", LEAD]], ["unit-not-written"], head)).toEqual([]);
    // A number typed as a number is not rewritten: the fix is offered for text only.
    expect(findings([[1, G5, 60, LEAD]], ["unit-not-written"], head)).toEqual([
      ["unit-not-written", "C3", "Chỉ tiêu “60” chỉ ghi con số, không rõ đơn vị tính (bảng không có cột Đơn vị tính); theo danh mục chỉ tiêu, đơn vị là “%”."],
    ]);
    // A number format that is not a percentage says no more than none.
    expect(findings([[1, G5, 61, LEAD]], ["unit-not-written"], head, [[], [], [null, null, "0.0"]])).toEqual([
      ["unit-not-written", "C3", "Chỉ tiêu “61” chỉ ghi con số, không rõ đơn vị tính (bảng không có cột Đơn vị tính); theo danh mục chỉ tiêu, đơn vị là “%”."],
    ]);
    // A unit other than "%" is named, not written in for the official.
    expect(findings([[1, SK, "≥ 01", LEAD]], ["unit-not-written"], head)).toEqual([
      ["unit-not-written", "C3", "Chỉ tiêu “≥ 01” chỉ ghi con số, không rõ đơn vị tính (bảng không có cột Đơn vị tính); theo danh mục chỉ tiêu, đơn vị là “Sáng kiến”."],
    ]);
    // The "%" goes after the number, not after a stray full stop.
    expect(findings([[1, G5, "≥ 60.", LEAD]], ["unit-not-written"], head)).toEqual([
      [
        "unit-not-written",
        "C3",
        "Chỉ tiêu “≥ 60.” chỉ ghi con số, không rõ đơn vị tính (bảng không có cột Đơn vị tính); theo danh mục chỉ tiêu, đơn vị là “%”.",
        "Ghi rõ đơn vị: “≥ 60%”",
        "≥ 60%",
      ],
    ]);
  });

  it("finds a value at the end of a name however it is spaced, and not one inside it", () => {
    expect(findings([[1, `${G5} ≥70,5%`, "%", "≥ 70,5%", LEAD]], ["target-in-name"])).toEqual([
      [
        "target-in-name",
        "B3",
        "Tên chỉ tiêu có ghi kèm giá trị “≥70,5%” ở cuối; giá trị chỉ tiêu chỉ ghi ở cột chỉ tiêu/kết quả, tên chỉ tiêu không ghi số.",
        "Bỏ “≥70,5%” khỏi tên chỉ tiêu",
        G5,
      ],
    ]);
    expect(findings([[1, "Tỷ lệ phủ sóng 5G đạt 60% dân số", "%", "≥ 60%", LEAD]], ["target-in-name"])).toEqual([]);
  });
});

describe("result typed so far", () => {
  it("cannot tell 1% from 100% in a percent row, and says so", () => {
    expect(findings([[1, G5, "%", "≥ 60%", LEAD, 1]], ["result-ambiguous-percent"])).toEqual([
      ["result-ambiguous-percent", "F3", "Kết quả “1” ở chỉ tiêu tỷ lệ: không rõ là 1% hay 100%, nên chưa được đánh giá; hãy ghi rõ “1%” hoặc “100%”."],
    ]);
  });

  it("does not count a fraction of a counted thing", () => {
    expect(findings([[1, "Sáng kiến cải tiến trong khu vực công được công nhận", "Sáng kiến", "≥ 01", LEAD, 0.5]], ["result-ambiguous-count"])).toEqual([
      [
        "result-ambiguous-count",
        "F3",
        "Kết quả “0.5” ở chỉ tiêu đếm số lượng (“Sáng kiến”) không phải số nguyên, nên chưa được đánh giá; nếu là tỷ lệ, hãy ghi kèm dấu “%”.",
      ],
    ]);
  });

  it("asks for a number where words were typed, and judges nothing of a qualitative row", () => {
    expect(findings([[1, G5, "%", "≥ 60%", LEAD, "khá tốt"]], ["result-text"])).toEqual([
      ["result-text", "F3", "Kết quả “khá tốt” không đọc được thành số nên không tính được tỷ lệ đạt; hãy ghi một số, ví dụ “72%”, “0,72” hoặc “3”."],
    ]);
    expect(findings([[1, "Xây dựng làng văn hóa số kiểu mẫu", "", "Có triển khai", LEAD, "khá tốt"]], ["result-text"])).toEqual([]);
  });

  it("flags a rate above 100%, typed as a number or shown by a percent cell", () => {
    expect(findings([[1, G5, "%", "≥ 60%", LEAD, "120%"]], ["result-over-100"])).toEqual([
      ["result-over-100", "F3", "Kết quả “120%” tương ứng 120%, vượt quá 100%: một tỷ lệ không thể lớn hơn 100%."],
    ]);
    expect(findings([[1, G5, "%", "≥ 60%", LEAD, 1.2]], ["result-over-100"], HEAD, [[], [], [null, null, null, null, null, "0%"]])).toEqual([
      ["result-over-100", "F3", "Ô kết quả hiển thị 120%, vượt quá 100%; phần mềm đọc là 1,2%. Hãy nhập lại đúng tỷ lệ."],
    ]);
    expect(findings([[1, G5, "%", "≥ 60%", LEAD, "100%"]], ["result-over-100"])).toEqual([]);
    expect(findings([[1, G5, "%", "≥ 60%", LEAD, "100,4%"]], ["result-over-100"])).toEqual([
      ["result-over-100", "F3", "Kết quả “100,4%” tương ứng 100,4%, vượt quá 100%: một tỷ lệ không thể lớn hơn 100%."],
    ]);
  });

  it("reads a result against the catalog's unit in a table without a unit column", () => {
    const head = ["STT", "Tên chỉ tiêu", "Chỉ tiêu", "Đơn vị chủ trì", "Kết quả thực hiện"];
    // The 5G coverage is a rate in the catalog: 120% is over 100% though no unit is written.
    expect(findings([[1, G5, "≥ 60%", LEAD, "120%"]], ["result-over-100"], head)).toEqual([
      ["result-over-100", "E3", "Kết quả “120%” tương ứng 120%, vượt quá 100%: một tỷ lệ không thể lớn hơn 100%."],
    ]);
  });

  it("takes 72 in a whole-number cell of a % row as 72%, not as a cell showing 7200%", () => {
    expect(findings([[1, G5, "%", "≥ 60%", LEAD, 72]], ["result-over-100"], HEAD, [[], [], [null, null, null, null, null, "0"]])).toEqual([]);
  });

  it("says nothing of a result cell holding only spaces", () => {
    const results = ["result-text", "result-ambiguous-percent", "result-ambiguous-count", "result-over-100"];
    expect(findings([[1, G5, "%", "≥ 60%", LEAD, "   "]], results)).toEqual([]);
  });

  it("takes a row as qualitative from the catalog when its own target cannot be read", () => {
    // "Hạ tầng số" is qualitative in the catalog: its result is a person's judgement.
    expect(findings([[1, "Hạ tầng số", "", "≥ khoảng", LEAD, "khá"]], ["result-text"])).toEqual([]);
    expect(findings([[1, "Hạ tầng số", "", "", LEAD, "khá"]], ["result-text"])).toEqual([]);
    // A numeric indicator with no target yet still needs a number as its result.
    expect(findings([[1, G5, "%", "", LEAD, "khá"]], ["result-text"])).toEqual([
      ["result-text", "F3", "Kết quả “khá” không đọc được thành số nên không tính được tỷ lệ đạt; hãy ghi một số, ví dụ “72%”, “0,72” hoặc “3”."],
    ]);
  });
});

describe("which indicator a row is", () => {
  const head = ["STT", "Mã chỉ tiêu", "Tên chỉ tiêu", "Đơn vị tính", "Chỉ tiêu", "Đơn vị chủ trì"];
  it("says a code the catalog lacks, and which indicator the name gave instead", () => {
    expect(findings([[1, "HT-99", G5, "%", "≥ 60%", LEAD]], ["code-unknown"], head)).toEqual([
      ["code-unknown", "B3", "Mã “HT-99” không có trong danh mục chỉ tiêu; chỉ tiêu được nhận theo tên (HT-01)."],
    ]);
    expect(findings([[1, "HT-99", "Số camera an ninh được lắp mới", "Camera", "≥ 10", LEAD]], ["code-unknown"], head)).toEqual([
      ["code-unknown", "B3", "Mã “HT-99” không có trong danh mục chỉ tiêu; chỉ tiêu được nhận theo tên."],
    ]);
  });

  it("offers the nearest catalog indicators of a name it cannot place, or none when nothing is near", () => {
    const r = checkSheet(
      { name: "Chỉ tiêu", values: [["KẾ HOẠCH NĂM 2026"], HEAD, [1, "Tỷ lệ thanh toán", "%", "≥ 60%", LEAD]] },
      { catalog, planYear: 2026, asOf: "2026-11-30" },
    );
    const [f] = r.findings.filter((x) => x.code === "indicator-unknown");
    expect(f.cell).toBe("B3");
    expect(f.message).toMatch(
      /^Chỉ tiêu “Tỷ lệ thanh toán” không khớp chỉ tiêu nào trong danh mục; gần nhất: CDS-10 “Tỷ lệ thanh toán trực tuyến trong giải quyết thủ tục hành chính, dịch vụ công”.*\. Nếu đúng là một trong các chỉ tiêu này, hãy chọn để gán mã\.$/,
    );
    expect(f.candidates?.[0]).toEqual({ code: "CDS-10", name: "Tỷ lệ thanh toán trực tuyến trong giải quyết thủ tục hành chính, dịch vụ công" });
    expect(findings([[1, "Số camera an ninh được lắp mới", "Camera", "≥ 10", LEAD]], ["indicator-unknown"])).toEqual([
      ["indicator-unknown", "B3", "Chỉ tiêu “Số camera an ninh được lắp mới” không khớp chỉ tiêu nào trong danh mục."],
    ]);
  });

  it("says nothing of a code column that holds no code, such as a row's own numbering", () => {
    expect(findings([[1, "1.1", G5, "%", "≥ 60%", LEAD]], ["code-unknown"], head)).toEqual([]);
  });
});

describe("targets from the province's own list (a “Danh mục” sheet)", () => {
  const OVERDUE = "Tỷ lệ hồ sơ thủ tục hành chính giải quyết quá hạn";
  const list: SheetSnapshot = {
    name: "Danh mục",
    values: [
      ["DANH MỤC CHỈ TIÊU"],
      ["STT", "Mã chỉ tiêu", "Tên chỉ tiêu", "Đơn vị tính", "Chỉ tiêu"],
      [1, "HT-01", G5, "%", "≥ 70%"],
      [2, "CDS-40", OVERDUE, "%", "≤ 5%"],
    ],
  };
  const province = catalogWithListSheet(catalog, list).catalog;
  const NOTE = "(theo trang “Danh mục” của sổ làm việc)";

  it("names the province's target, not a reference", () => {
    expect(findings([[1, G5, "%", "", LEAD]], ["target-missing"], HEAD, undefined, province)).toEqual([
      ["target-missing", "D3", `Chỉ tiêu chưa có giá trị phấn đấu; chỉ tiêu của tỉnh là “≥ 70%” ${NOTE}.`, "Ghi “≥ 70%”", "≥ 70%"],
    ]);
    expect(findings([[1, G5, "%", "≥ 65%", LEAD]], ["target-below-province"], HEAD, undefined, province)).toEqual([
      [
        "target-below-province",
        "D3",
        `Chỉ tiêu “≥ 65%” thấp hơn chỉ tiêu của tỉnh “≥ 70%” ${NOTE}; hãy kiểm tra lại: xã/phường có thể đặt cao hơn nhưng không nên thấp hơn.`,
      ],
    ]);
  });

  it("where lower is better, flags a target above the province's and not one at or below it", () => {
    expect(findings([[1, OVERDUE, "%", "≤ 8%", LEAD]], ["target-below-province"], HEAD, undefined, province)).toEqual([
      [
        "target-below-province",
        "D3",
        `Chỉ tiêu “≤ 8%” cao hơn chỉ tiêu của tỉnh “≤ 5%” ${NOTE}; với chỉ tiêu này càng thấp càng tốt: hãy kiểm tra lại.`,
      ],
    ]);
    expect(findings([[1, OVERDUE, "%", "≤ 5%", LEAD]], ["target-below-province"], HEAD, undefined, province)).toEqual([]);
    expect(findings([[1, OVERDUE, "%", "≤ 3%", LEAD]], ["target-below-province"], HEAD, undefined, province)).toEqual([]);
  });
});

describe("unit of measure, case by case", () => {
  it("asks for the catalog's unit also when the target written is qualitative", () => {
    // "Ứng dụng công nghệ…" (KH-04) counts models in the catalog, though plans write “Có triển khai”.
    const KH04 = "Ứng dụng công nghệ (AI, IoT, Big Data, tự động hóa...) vào sản xuất nông nghiệp, quản lý môi trường, nâng cao chất lượng sống người dân";
    expect(findings([[1, KH04, "", "Có triển khai", LEAD]], ["unit-missing"])).toEqual([
      ["unit-missing", "C3", "Chỉ tiêu chưa ghi đơn vị tính; theo danh mục chỉ tiêu là “Mô hình”.", "Ghi đơn vị tính “Mô hình”", "Mô hình"],
    ]);
  });

  it("asks for a unit outside the catalog when the target cannot be read", () => {
    expect(findings([[1, "Số bảng tin điện tử được lắp đặt", "", "≥ vài", LEAD]], ["unit-missing"])).toEqual([["unit-missing", "C3", "Chỉ tiêu chưa ghi đơn vị tính."]]);
  });

  it("names the catalog's unit when the unit written is none it knows", () => {
    expect(findings([[1, G5, "Trạm", "≥ 60%", LEAD]], ["unit-mismatch", "unit-spelling"])).toEqual([
      ["unit-mismatch", "C3", "Đơn vị tính “Trạm” khác đơn vị của chỉ tiêu này trong danh mục (“%”).", "Sửa thành “%”", "%"],
    ]);
  });

  it("takes “Số sáng kiến” as the catalog's “Sáng kiến”: neither another unit nor a spelling to tidy", () => {
    const SK = "Sáng kiến cải tiến trong khu vực công được công nhận";
    expect(findings([[1, SK, "Số sáng kiến", "≥ 01", LEAD]], ["unit-mismatch", "unit-spelling"])).toEqual([]);
  });

  it("says nothing of a rate next to a unit that is neither a rate nor a count", () => {
    expect(findings([[1, "Kinh phí chi cho chuyển đổi số của xã", "Triệu đồng", "≥ 60%", LEAD]], ["unit-target-mismatch"])).toEqual([]);
  });

  it("says nothing of a count of things next to a unit that counts them, nor of words after a rate", () => {
    const MH = "Mô hình ứng dụng công nghệ số trong sản xuất, kinh doanh";
    expect(findings([[1, MH, "Mô hình", "≥ 02 mô hình", LEAD]], ["unit-target-mismatch"])).toEqual([]);
    expect(findings([[1, G5, "%", "≥ 60% dân số", LEAD]], ["unit-target-mismatch"])).toEqual([]);
  });
});

describe("which indicator a row is: what reads as a code", () => {
  const head = ["STT", "Mã chỉ tiêu", "Tên chỉ tiêu", "Đơn vị tính", "Chỉ tiêu", "Đơn vị chủ trì"];
  const unknown = (code: string) => [["code-unknown", "B3", `Mã “${code}” không có trong danh mục chỉ tiêu; chỉ tiêu được nhận theo tên (HT-01).`]];

  it("reads one to five letters, a dash and one to three digits, in any case, as a code", () => {
    expect(findings([[1, "ht-98", G5, "%", "≥ 60%", LEAD]], ["code-unknown"], head)).toEqual(unknown("ht-98"));
    expect(findings([[1, "ABCDE-001", G5, "%", "≥ 60%", LEAD]], ["code-unknown"], head)).toEqual(unknown("ABCDE-001"));
    expect(findings([[1, "X-7", G5, "%", "≥ 60%", LEAD]], ["code-unknown"], head)).toEqual(unknown("X-7"));
  });

  it("does not read six letters, four digits or a dash without letters as a code", () => {
    expect(findings([[1, "ABCDEF-01", G5, "%", "≥ 60%", LEAD]], ["code-unknown"], head)).toEqual([]);
    expect(findings([[1, "HT-1234", G5, "%", "≥ 60%", LEAD]], ["code-unknown"], head)).toEqual([]);
    expect(findings([[1, "-12", G5, "%", "≥ 60%", LEAD]], ["code-unknown"], head)).toEqual([]);
    expect(findings([[1, "HT-", G5, "%", "≥ 60%", LEAD]], ["code-unknown"], head)).toEqual([]);
  });
});

describe("target, case by case", () => {
  it("offers a qualitative reference target of an empty cell as it is written", () => {
    expect(findings([[1, "Hạ tầng số", "", "", LEAD]], ["target-missing"])).toEqual([
      ["target-missing", "D3", `Chỉ tiêu chưa có giá trị phấn đấu; mức tham chiếu là “Tiên tiến, hiện đại” ${REFERENCE}.`, "Ghi “Tiên tiến, hiện đại”", "Tiên tiến, hiện đại"],
    ]);
  });

  it("drops spaces at both ends of the tidied value", () => {
    expect(findings([[1, G5, "%", "  ≥  75% ", LEAD]], ["target-spaces"])).toEqual([
      ["target-spaces", "D3", "Giá trị chỉ tiêu “  ≥  75% ” có khoảng trắng thừa; nên ghi “≥ 75%”.", "Sửa thành “≥ 75%”", "≥ 75%"],
    ]);
  });

  it("drops every stray mark at the end, and a space before it, but no comma inside the number", () => {
    expect(findings([[1, G5, "%", "≥ 76% .", LEAD]], ["target-punctuation"])).toEqual([
      ["target-punctuation", "D3", "Giá trị chỉ tiêu “≥ 76% .” có dấu câu thừa ở cuối; nên ghi “≥ 76%”.", "Sửa thành “≥ 76%”", "≥ 76%"],
    ]);
    expect(findings([[1, G5, "%", "≥ 77%..", LEAD]], ["target-punctuation"])).toEqual([
      ["target-punctuation", "D3", "Giá trị chỉ tiêu “≥ 77%..” có dấu câu thừa ở cuối; nên ghi “≥ 77%”.", "Sửa thành “≥ 77%”", "≥ 77%"],
    ]);
    expect(findings([[1, G5, "%", "≥ 70,5%.", LEAD]], ["target-punctuation"])).toEqual([
      ["target-punctuation", "D3", "Giá trị chỉ tiêu “≥ 70,5%.” có dấu câu thừa ở cuối; nên ghi “≥ 70,5%”.", "Sửa thành “≥ 70,5%”", "≥ 70,5%"],
    ]);
  });

  it("keeps the words after a 100% target when it drops the redundant “≥”", () => {
    const wifi = "Tỷ lệ Trung tâm VHTT-HTCĐ xã, Nhà văn hóa ấp có wifi miễn phí phục vụ người dân";
    expect(findings([[1, wifi, "%", "≥ 100% số điểm", LEAD]], ["target-redundant-comparator"])).toEqual([
      [
        "target-redundant-comparator",
        "D3",
        "Chỉ tiêu “≥ 100% số điểm”: không thể vượt 100% nên dấu “≥” là thừa; ghi “100% số điểm”.",
        "Sửa thành “100% số điểm”",
        "100% số điểm",
      ],
    ]);
  });

  it("reads a bare number in a % row as a percentage when comparing with the reference", () => {
    expect(findings([[1, G5, "%", "≥ 50", LEAD]], ["target-below-province"])).toEqual([
      [
        "target-below-province",
        "D3",
        `Chỉ tiêu “≥ 50%” thấp hơn mức tham chiếu “≥ 60%” ${REFERENCE}; hãy kiểm tra lại: xã/phường có thể đặt cao hơn nhưng không nên thấp hơn.`,
      ],
    ]);
  });

  it("does not take a count above 1 for a rate above 100%", () => {
    const KH03 = "Hỗ trợ hộ kinh doanh, hợp tác xã ứng dụng công nghệ số và tham gia vào các hoạt động đổi mới sáng tạo do tỉnh tổ chức";
    expect(findings([[1, KH03, "DN", "≥ 03", LEAD]], ["target-over-100"])).toEqual([]);
  });

  it("does not compare a rate with a reference that counts", () => {
    const KH03 = "Hỗ trợ hộ kinh doanh, hợp tác xã ứng dụng công nghệ số và tham gia vào các hoạt động đổi mới sáng tạo do tỉnh tổ chức";
    expect(findings([[1, KH03, "DN", "≥ 50%", LEAD]], ["target-below-province"])).toEqual([]);
  });

  it("reads a percent cell a formula left a hair off 100% or the reference as the value it shows", () => {
    const pct = [[], [], [null, null, null, "0%"]];
    expect(findings([[1, G5, "%", 1.0000000000000002, LEAD]], ["target-over-100"], HEAD, pct)).toEqual([]);
    expect(findings([[1, G5, "%", 0.5999999999999999, LEAD]], ["target-below-province"], HEAD, pct)).toEqual([]);
  });

  it("offers to shorten the name for the same value however it is spaced (“70 % ”, “≤5%”)", () => {
    expect(findings([[1, `${G5} 70 % `, "%", "≥ 70%", LEAD]], ["target-in-name"])).toEqual([
      [
        "target-in-name",
        "B3",
        "Tên chỉ tiêu có ghi kèm giá trị “70 %” ở cuối; giá trị chỉ tiêu chỉ ghi ở cột chỉ tiêu/kết quả, tên chỉ tiêu không ghi số.",
        "Bỏ “70 %” khỏi tên chỉ tiêu",
        G5,
      ],
    ]);
    const overdue = "Tỷ lệ hồ sơ giải quyết quá hạn của xã";
    expect(findings([[1, `${overdue} ≤5%`, "%", "≤ 5%", LEAD]], ["target-in-name"])).toEqual([
      [
        "target-in-name",
        "B3",
        "Tên chỉ tiêu có ghi kèm giá trị “≤5%” ở cuối; giá trị chỉ tiêu chỉ ghi ở cột chỉ tiêu/kết quả, tên chỉ tiêu không ghi số.",
        "Bỏ “≤5%” khỏi tên chỉ tiêu",
        overdue,
      ],
    ]);
    // Another comparator is another value: nothing to shorten.
    expect(findings([[1, `${overdue} ≤6%`, "%", "6%", LEAD]], ["target-in-name"]).map((f) => f.length)).toEqual([3]);
  });

  it("takes off the name's last value whole (two decimals), and no percentage inside the name", () => {
    expect(findings([[1, `${G5} 72,25%`, "%", "≥ 72,25%", LEAD]], ["target-in-name"])).toEqual([
      [
        "target-in-name",
        "B3",
        "Tên chỉ tiêu có ghi kèm giá trị “72,25%” ở cuối; giá trị chỉ tiêu chỉ ghi ở cột chỉ tiêu/kết quả, tên chỉ tiêu không ghi số.",
        "Bỏ “72,25%” khỏi tên chỉ tiêu",
        G5,
      ],
    ]);
    const speakers = "Tỷ lệ 100% thôn có loa truyền thanh thông minh";
    expect(findings([[1, `${speakers} 90%`, "%", "≥ 90%", LEAD]], ["target-in-name"])).toEqual([
      [
        "target-in-name",
        "B3",
        "Tên chỉ tiêu có ghi kèm giá trị “90%” ở cuối; giá trị chỉ tiêu chỉ ghi ở cột chỉ tiêu/kết quả, tên chỉ tiêu không ghi số.",
        "Bỏ “90%” khỏi tên chỉ tiêu",
        speakers,
      ],
    ]);
  });

  it("in a table without a unit column, asks no unit of a qualitative target and puts “%” after the whole number", () => {
    const head = ["STT", "Tên chỉ tiêu", "Chỉ tiêu", "Đơn vị chủ trì"];
    expect(findings([[1, "Hạ tầng số", "Tiên tiến, hiện đại", LEAD]], ["unit-not-written"], head)).toEqual([]);
    expect(findings([[1, G5, "≥ 60,5", LEAD]], ["unit-not-written"], head)).toEqual([
      [
        "unit-not-written",
        "C3",
        "Chỉ tiêu “≥ 60,5” chỉ ghi con số, không rõ đơn vị tính (bảng không có cột Đơn vị tính); theo danh mục chỉ tiêu, đơn vị là “%”.",
        "Ghi rõ đơn vị: “≥ 60,5%”",
        "≥ 60,5%",
      ],
    ]);
    expect(findings([[1, G5, "≥ 61..", LEAD]], ["unit-not-written"], head)).toEqual([
      [
        "unit-not-written",
        "C3",
        "Chỉ tiêu “≥ 61..” chỉ ghi con số, không rõ đơn vị tính (bảng không có cột Đơn vị tính); theo danh mục chỉ tiêu, đơn vị là “%”.",
        "Ghi rõ đơn vị: “≥ 61%”",
        "≥ 61%",
      ],
    ]);
  });
});

describe("result typed so far, case by case", () => {
  const SK = "Sáng kiến cải tiến trong khu vực công được công nhận";

  it("names the catalog's unit of a counted row whose unit cell is empty", () => {
    expect(findings([[1, SK, "", "≥ 01", LEAD, 0.25]], ["result-ambiguous-count"])).toEqual([
      [
        "result-ambiguous-count",
        "F3",
        "Kết quả “0.25” ở chỉ tiêu đếm số lượng (“Sáng kiến”) không phải số nguyên, nên chưa được đánh giá; nếu là tỷ lệ, hãy ghi kèm dấu “%”.",
      ],
    ]);
  });

  it("does not take a count above 1 for a rate above 100%", () => {
    expect(findings([[1, SK, "Sáng kiến", "≥ 01", LEAD, 3]], ["result-over-100"])).toEqual([]);
  });

  it("takes a percent cell showing 100%, or a hair above it from a formula, as 100%", () => {
    const pct = [[], [], [null, null, null, null, null, "0%"]];
    expect(findings([[1, G5, "%", "≥ 60%", LEAD, 1]], ["result-over-100", "result-ambiguous-percent"], HEAD, pct)).toEqual([]);
    expect(findings([[1, G5, "%", "≥ 60%", LEAD, 1.0000000000000002]], ["result-over-100", "result-ambiguous-percent"], HEAD, pct)).toEqual([]);
  });
});

describe("more edges of the rules", () => {
  it("lists the nearest catalog indicators one after another, separated by semicolons", () => {
    const r = checkSheet(
      { name: "Chỉ tiêu", values: [["KẾ HOẠCH NĂM 2026"], HEAD, [1, "Tỷ lệ thanh toán", "%", "≥ 60%", LEAD]] },
      { catalog, planYear: 2026, asOf: "2026-11-30" },
    );
    const [f] = r.findings.filter((x) => x.code === "indicator-unknown");
    const [a, b] = f.candidates ?? [];
    expect(b).toBeDefined();
    expect(f.message).toContain(`; gần nhất: ${a.code} “${a.name}”; ${b.code} “`);
  });

  it("tidies only the spaces of a target with words, keeping its number as written", () => {
    const MH = "Mô hình ứng dụng công nghệ số trong sản xuất, kinh doanh";
    expect(findings([[1, MH, "Mô hình", "≥ 02  mô hình", LEAD]], ["target-spaces"])).toEqual([
      ["target-spaces", "D3", "Giá trị chỉ tiêu “≥ 02  mô hình” có khoảng trắng thừa; nên ghi “≥ 02 mô hình”.", "Sửa thành “≥ 02 mô hình”", "≥ 02 mô hình"],
    ]);
  });

  it("reads no bare number as a percentage where neither the row nor the catalog gives a unit", () => {
    const CAM = "Số camera an ninh được lắp mới";
    expect(findings([[1, CAM, "", "≥ 150", LEAD]], ["target-over-100"])).toEqual([]);
    expect(findings([[1, CAM, "", "≥ 120", LEAD, 150]], ["result-over-100"])).toEqual([]);
  });

  it("takes off every space before the name's value, and a value written “≥ 71%”", () => {
    const fixOf = (name: string, target: string) => findings([[1, name, "%", target, LEAD]], ["target-in-name"]).map((f) => f.slice(3));
    expect(fixOf(`${G5}  75%`, "≥ 75%")).toEqual([["Bỏ “75%” khỏi tên chỉ tiêu", G5]]);
    expect(fixOf(`${G5} ≥ 71%`, "≥ 71%")).toEqual([["Bỏ “≥ 71%” khỏi tên chỉ tiêu", G5]]);
  });

  it("offers no fix that would leave the name as it is", () => {
    // A zero-width space after the value: the name reads "… 72%", but taking the value off as written changes nothing.
    expect(findings([[1, `${G5} 72%\u200B`, "%", "≥ 72%", LEAD]], ["target-in-name"])).toEqual([
      ["target-in-name", "B3", "Tên chỉ tiêu có ghi kèm giá trị “72%” ở cuối; giá trị chỉ tiêu chỉ ghi ở cột chỉ tiêu/kết quả, tên chỉ tiêu không ghi số."],
    ]);
  });
});
