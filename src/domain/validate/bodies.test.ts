/**
 * The responsible bodies ("rõ người") on a ward's task table typed as officials type
 * them: a missing lead, the other commune type's word or body, spelling against the
 * standard name, a typo, an unknown or ambiguous name, parties outside the commune.
 * Each finding, message and fix is written by hand from the rule.
 */
import type { CellValue } from "../snapshot";
import { checkSheet } from "../validate";
import { defaultCatalog } from "../catalog";

const catalog = defaultCatalog();

function bodyFindings(heading: string, rows: [string, string][], withCatalog = catalog) {
  const values: CellValue[][] = [
    [heading],
    ["KẾ HOẠCH NĂM 2026"],
    ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Sản phẩm đầu ra", "Thời gian hoàn thành"],
    ...rows.map(([lead, coordinating], i): CellValue[] => [i + 1, `Nhiệm vụ số ${i + 1}`, lead, coordinating, "Báo cáo", "Quý IV/2026"]),
  ];
  const r = checkSheet({ name: "Nhiệm vụ", values }, { catalog: withCatalog, planYear: 2026 });
  return r.findings.filter((f) => f.code.startsWith("body-") || f.code === "lead-missing").map((f) => [f.code, f.cell, f.message, ...(f.fix ? [f.fix] : [])]);
}

const WARD = "ỦY BAN NHÂN DÂN PHƯỜNG MINH HƯNG";
const COMMUNE = "ỦY BAN NHÂN DÂN XÃ TÂN LỢI";

describe("bodies on a ward's plan", () => {
  it("asks for a lead where there is none", () => {
    expect(bodyFindings(WARD, [["", ""]])).toEqual([["lead-missing", "C4", "Nhiệm vụ chưa có đơn vị chủ trì (rõ người); hãy ghi đơn vị chịu trách nhiệm chính."]]);
  });

  it("corrects a commune's word to the ward's, in the lead and inside a list of coordinating bodies", () => {
    expect(bodyFindings(WARD, [["Công an xã", "Phòng Văn hóa - Xã hội, Trạm Y tế xã"]])).toEqual([
      ["body-type-word", "C4", "Kế hoạch của phường nhưng ghi “Công an xã”; phải là “Công an phường”.", { label: "Sửa “Công an xã” thành “Công an phường”", cell: "C4", value: "Công an phường" }],
      // The fix keeps the rest of the cell as typed.
      ["body-type-word", "D4", "Kế hoạch của phường nhưng ghi “Trạm Y tế xã”; phải là “Trạm Y tế phường”.", { label: "Sửa “Trạm Y tế xã” thành “Trạm Y tế phường”", cell: "D4", value: "Phòng Văn hóa - Xã hội, Trạm Y tế phường" }],
    ]);
  });

  it("names the ward's body that does the job of a commune-only one", () => {
    expect(bodyFindings(WARD, [["Phòng Kinh tế", ""]])).toEqual([
      [
        "body-wrong-type",
        "C4",
        "“Phòng Kinh tế” chỉ có ở xã, không có ở phường; phường có “Phòng Kinh tế, Hạ tầng và Đô thị”.",
        { label: "Sửa “Phòng Kinh tế” thành “Phòng Kinh tế, Hạ tầng và Đô thị”", cell: "C4", value: "Phòng Kinh tế, Hạ tầng và Đô thị" },
      ],
    ]);
  });

  it("asks for the standard spelling (an en dash, 'hoá'), but not for case alone or the short form", () => {
    expect(bodyFindings(WARD, [["Phòng Văn hoá – Xã hội", ""], ["phòng văn hóa - xã hội", "Phòng VH-XH"]])).toEqual([
      ["body-spelling", "C4", "“Phòng Văn hoá – Xã hội” nên ghi theo tên chuẩn “Phòng Văn hóa - Xã hội”.", { label: "Sửa thành “Phòng Văn hóa - Xã hội”", cell: "C4", value: "Phòng Văn hóa - Xã hội" }],
    ]);
  });

  it("offers the name meant for a typo", () => {
    expect(bodyFindings(WARD, [["Phòng Văn hóa - Xã hộii", ""]])).toEqual([
      ["body-typo", "C4", "Đơn vị chủ trì “Phòng Văn hóa - Xã hộii” có vẻ viết sai chính tả; có phải là “Phòng Văn hóa - Xã hội”?", { label: "Sửa thành “Phòng Văn hóa - Xã hội”", cell: "C4", value: "Phòng Văn hóa - Xã hội" }],
    ]);
  });

  it("names both bodies a bare 'Văn phòng' could be, with the ward's word", () => {
    expect(bodyFindings(WARD, [["Văn phòng", ""]])).toEqual([
      ["body-ambiguous", "C4", "Đơn vị chủ trì “Văn phòng” không rõ là đơn vị nào: có thể là “Văn phòng HĐND và UBND phường” hoặc “Văn phòng Đảng ủy phường”; hãy ghi tên đầy đủ."],
    ]);
  });

  it("says a name is not in the list, and leaves parties outside the commune alone", () => {
    const found = bodyFindings(WARD, [["Phòng Tài nguyên", "Ngân hàng Chính sách xã hội, Trường THCS Minh Hưng"]]);
    expect(found.map((f) => [f[0], f[1]])).toEqual([["body-unknown", "C4"]]);
    expect(found[0][2]).toMatch(/^Đơn vị chủ trì “Phòng Tài nguyên” không có trong danh mục cơ quan, đơn vị của xã, phường/);
  });
});

describe("bodies on a commune's plan", () => {
  it("picks the body doing the same job among several of the other type, and names none when nothing does", () => {
    // A province list with more bodies that only one type of commune has.
    const more = {
      ...catalog,
      bodies: [
        ...catalog.bodies,
        { code: "QLDT", name: "Phòng Quản lý đô thị", short: "Phòng QLĐT", aliases: [], only: "phuong" as const },
        { code: "DVNN", name: "Trạm Dịch vụ nông nghiệp", short: "Trạm DVNN", aliases: [], only: "xa" as const },
      ],
    };
    expect(bodyFindings(WARD, [["Phòng Kinh tế", ""], ["Trạm Dịch vụ nông nghiệp", ""]], more)).toEqual([
      [
        "body-wrong-type",
        "C4",
        "“Phòng Kinh tế” chỉ có ở xã, không có ở phường; phường có “Phòng Kinh tế, Hạ tầng và Đô thị”.",
        { label: "Sửa “Phòng Kinh tế” thành “Phòng Kinh tế, Hạ tầng và Đô thị”", cell: "C4", value: "Phòng Kinh tế, Hạ tầng và Đô thị" },
      ],
      ["body-wrong-type", "C5", "“Trạm Dịch vụ nông nghiệp” chỉ có ở xã, không có ở phường."],
    ]);
    expect(bodyFindings(COMMUNE, [["Phòng Quản lý đô thị", ""]], more)).toEqual([["body-wrong-type", "C4", "“Phòng Quản lý đô thị” chỉ có ở phường, không có ở xã."]]);
  });

  it("finds an abbreviation with a full stop in the cell to replace it", () => {
    expect(bodyFindings(WARD, [["P. Kinh tế", ""]])).toEqual([
      [
        "body-wrong-type",
        "C4",
        "“P. Kinh tế” chỉ có ở xã, không có ở phường; phường có “Phòng Kinh tế, Hạ tầng và Đô thị”.",
        { label: "Sửa “P. Kinh tế” thành “Phòng Kinh tế, Hạ tầng và Đô thị”", cell: "C4", value: "Phòng Kinh tế, Hạ tầng và Đô thị" },
      ],
    ]);
  });

  it("on a plan that does not say its type, spells a name by the cell's own word, and leaves it when there is none", () => {
    const HEADING = "PHỤ LỤC";
    expect(bodyFindings(HEADING, [["VP HĐND-UBND xã", "Phòng Văn hóa - Xã hội"], ["Văn phòng HĐND-UBND", "Phòng Văn hoá - Xã hội"]])).toEqual([
      [
        "body-spelling",
        "C4",
        "“VP HĐND-UBND xã” nên ghi theo tên chuẩn “Văn phòng HĐND và UBND xã”.",
        { label: "Sửa thành “Văn phòng HĐND và UBND xã”", cell: "C4", value: "Văn phòng HĐND và UBND xã" },
      ],
      // No word: the xã and the phường names are both right, so nothing is asked.
      [
        "body-spelling",
        "D5",
        "“Phòng Văn hoá - Xã hội” nên ghi theo tên chuẩn “Phòng Văn hóa - Xã hội”.",
        { label: "Sửa thành “Phòng Văn hóa - Xã hội”", cell: "D5", value: "Phòng Văn hóa - Xã hội" },
      ],
    ]);
  });

  it("corrects the ward's word and the ward-only body the other way", () => {
    expect(bodyFindings(COMMUNE, [["Công an phường", "Phòng Kinh tế, Hạ tầng và Đô thị"]])).toEqual([
      ["body-type-word", "C4", "Kế hoạch của xã nhưng ghi “Công an phường”; phải là “Công an xã”.", { label: "Sửa “Công an phường” thành “Công an xã”", cell: "C4", value: "Công an xã" }],
      ["body-wrong-type", "D4", "“Phòng Kinh tế, Hạ tầng và Đô thị” chỉ có ở phường, không có ở xã; xã có “Phòng Kinh tế”.", { label: "Sửa “Phòng Kinh tế, Hạ tầng và Đô thị” thành “Phòng Kinh tế”", cell: "D4", value: "Phòng Kinh tế" }],
    ]);
  });

  it("accepts the commune's full names and short forms as written", () => {
    expect(bodyFindings(COMMUNE, [["Văn phòng HĐND và UBND xã", "CA xã, Trạm Y tế xã"], ["Trung tâm Văn hóa, Thông tin và Thể thao xã", "Phòng KT"]])).toEqual([]);
  });
});

describe("fixes in a cell that names several bodies", () => {
  it("replaces a body named twice at both places, not inside the name it has just written", () => {
    expect(bodyFindings(WARD, [["Phòng Kinh tế, Phòng Kinh tế", ""]])).toEqual([
      [
        "body-wrong-type",
        "C4",
        "“Phòng Kinh tế” chỉ có ở xã, không có ở phường; phường có “Phòng Kinh tế, Hạ tầng và Đô thị”.",
        { label: "Sửa “Phòng Kinh tế” thành “Phòng Kinh tế, Hạ tầng và Đô thị”", cell: "C4", value: "Phòng Kinh tế, Hạ tầng và Đô thị, Phòng Kinh tế, Hạ tầng và Đô thị" },
      ],
    ]);
  });

  it("leaves a right name alone when a wrong one it begins with comes after it", () => {
    // On a ward's plan the first name is right and the second is the commune's body.
    expect(bodyFindings(WARD, [["", "Phòng Kinh tế, Hạ tầng và Đô thị; Phòng Kinh tế"]])).toEqual([
      ["lead-missing", "C4", "Nhiệm vụ chưa có đơn vị chủ trì (rõ người); hãy ghi đơn vị chịu trách nhiệm chính."],
      [
        "body-wrong-type",
        "D4",
        "“Phòng Kinh tế” chỉ có ở xã, không có ở phường; phường có “Phòng Kinh tế, Hạ tầng và Đô thị”.",
        { label: "Sửa “Phòng Kinh tế” thành “Phòng Kinh tế, Hạ tầng và Đô thị”", cell: "D4", value: "Phòng Kinh tế, Hạ tầng và Đô thị; Phòng Kinh tế, Hạ tầng và Đô thị" },
      ],
    ]);
  });

  it("corrects a typo in the second name and keeps the first as typed", () => {
    expect(bodyFindings(COMMUNE, [["Công an xã; Phòng Văn hóa - Xã hộii", ""]])).toEqual([
      ["body-typo", "C4", "Đơn vị chủ trì “Phòng Văn hóa - Xã hộii” có vẻ viết sai chính tả; có phải là “Phòng Văn hóa - Xã hội”?", { label: "Sửa thành “Phòng Văn hóa - Xã hội”", cell: "C4", value: "Công an xã; Phòng Văn hóa - Xã hội" }],
    ]);
  });

  it("fixes what it can in a cell and keeps a body it has no replacement for", () => {
    // A catalog whose communes have a market board that wards do not.
    const withMarket = { ...catalog, bodies: [...catalog.bodies, { code: "BQLC", name: "Ban Quản lý chợ {unit}", short: "BQL chợ", aliases: [], only: "xa" as const }] };
    expect(bodyFindings(WARD, [["Ban Quản lý chợ xã", "Công an xã, Ban Quản lý chợ xã"]], withMarket)).toEqual([
      ["body-wrong-type", "C4", "“Ban Quản lý chợ xã” chỉ có ở xã, không có ở phường."],
      ["body-type-word", "D4", "Kế hoạch của phường nhưng ghi “Công an xã”; phải là “Công an phường”.", { label: "Sửa “Công an xã” thành “Công an phường”", cell: "D4", value: "Công an phường, Ban Quản lý chợ xã" }],
      ["body-wrong-type", "D4", "“Ban Quản lý chợ xã” chỉ có ở xã, không có ở phường."],
    ]);
  });
});

describe("the other type's word after a name that has none", () => {
  it("gives the standard name, as the spelling check does on the other type's plan", () => {
    expect(bodyFindings(COMMUNE, [["Phòng Văn hóa - Xã hội phường", ""]])).toEqual([
      [
        "body-type-word",
        "C4",
        "Kế hoạch của xã nhưng ghi “Phòng Văn hóa - Xã hội phường”; phải là “Phòng Văn hóa - Xã hội”.",
        { label: "Sửa “Phòng Văn hóa - Xã hội phường” thành “Phòng Văn hóa - Xã hội”", cell: "C4", value: "Phòng Văn hóa - Xã hội" },
      ],
    ]);
    expect(bodyFindings(WARD, [["Phòng Văn hóa - Xã hội phường", ""]])).toEqual([
      ["body-spelling", "C4", "“Phòng Văn hóa - Xã hội phường” nên ghi theo tên chuẩn “Phòng Văn hóa - Xã hội”.", { label: "Sửa thành “Phòng Văn hóa - Xã hội”", cell: "C4", value: "Phòng Văn hóa - Xã hội" }],
    ]);
  });
});

describe("names not in the list", () => {
  it("suggests near names the commune has, with its own word, and never the other type's body", () => {
    const [ward] = bodyFindings(WARD, [["", "Phòng Văn hóa Thông tin"]]).filter((f) => f[0] === "body-unknown");
    expect(ward[2]).toMatch(/^Đơn vị phối hợp “Phòng Văn hóa Thông tin” không có trong danh mục cơ quan, đơn vị của xã, phường; tên gần nhất: /);
    expect(ward[2]).toContain("“Phòng Văn hóa - Xã hội”");
    expect(ward[2]).toContain("“Trung tâm Văn hóa, Thông tin và Thể thao phường”");
    const [commune] = bodyFindings(COMMUNE, [["", "Phòng Văn hóa Thông tin"]]).filter((f) => f[0] === "body-unknown");
    expect(commune[2]).toContain("“Trung tâm Văn hóa, Thông tin và Thể thao xã”");
    // The ward's economic office is not a commune's.
    expect(commune[2]).not.toContain("Hạ tầng và Đô thị");
    const [wardAgain] = bodyFindings(WARD, [["Phòng Tài chính", ""]]).filter((f) => f[0] === "body-unknown");
    expect(wardAgain[2]).not.toContain("“Phòng Kinh tế”");
  });

  it("suggests only names that share a word with what was written, not letters alone", () => {
    // "Phòng Tài chính" shares letters with "… Hồ Chí Minh" (similarity 0.62), "nông
    // nghiệp" a syllable with "doanh nghiệp", "Phòng Giáo dục" letters with "Đảng ủy":
    // none of them is a near name.
    expect(bodyFindings(COMMUNE, [["Phòng Tài chính", "Phòng Nông nghiệp"], ["Phòng Giáo dục", ""]])).toEqual([
      ["body-unknown", "C4", "Đơn vị chủ trì “Phòng Tài chính” không có trong danh mục cơ quan, đơn vị của xã, phường."],
      ["body-unknown", "D4", "Đơn vị phối hợp “Phòng Nông nghiệp” không có trong danh mục cơ quan, đơn vị của xã, phường."],
      ["body-unknown", "C5", "Đơn vị chủ trì “Phòng Giáo dục” không có trong danh mục cơ quan, đơn vị của xã, phường."],
    ]);
    // A word in common ("y tế", "văn phòng") makes a name near.
    expect(bodyFindings(COMMUNE, [["Phòng Y tế", ""]])).toEqual([
      ["body-unknown", "C4", "Đơn vị chủ trì “Phòng Y tế” không có trong danh mục cơ quan, đơn vị của xã, phường; tên gần nhất: “Trạm Y tế xã”."],
    ]);
  });

  it("names an office of before 2025 whole, \"và\" and all, once", () => {
    expect(bodyFindings(COMMUNE, [["Phòng Tài nguyên và Môi trường", "Phòng Lao động - Thương binh và Xã hội, Công an xã"]])).toEqual([
      ["body-unknown", "C4", "Đơn vị chủ trì “Phòng Tài nguyên và Môi trường” không có trong danh mục cơ quan, đơn vị của xã, phường."],
      ["body-unknown", "D4", "Đơn vị phối hợp “Phòng Lao động - Thương binh và Xã hội” không có trong danh mục cơ quan, đơn vị của xã, phường."],
    ]);
  });

  it("suggests the other type's body only on a plan of that type, and nothing for words most names have", () => {
    expect(bodyFindings(WARD, [["Phòng Hạ tầng Đô thị", ""]])).toEqual([
      ["body-unknown", "C4", "Đơn vị chủ trì “Phòng Hạ tầng Đô thị” không có trong danh mục cơ quan, đơn vị của xã, phường; tên gần nhất: “Phòng Kinh tế, Hạ tầng và Đô thị”."],
    ]);
    // The commune's "Phòng Kinh tế" shares no word with it; the ward's office is not the commune's.
    expect(bodyFindings(COMMUNE, [["Phòng Hạ tầng Đô thị", ""]])).toEqual([
      ["body-unknown", "C4", "Đơn vị chủ trì “Phòng Hạ tầng Đô thị” không có trong danh mục cơ quan, đơn vị của xã, phường."],
    ]);
    // "Trung tâm" is in three bodies' names: it tells nothing about which centre.
    expect(bodyFindings(COMMUNE, [["Trung tâm Khuyến nông", ""]])).toEqual([
      ["body-unknown", "C4", "Đơn vị chủ trì “Trung tâm Khuyến nông” không có trong danh mục cơ quan, đơn vị của xã, phường."],
    ]);
  });

  it("gives near names without xã or phường when the plan does not say which it is", () => {
    expect(bodyFindings("KẾ HOẠCH CHUYỂN ĐỔI SỐ", [["Phòng Văn hóa Thông tin", ""]])).toEqual([
      [
        "body-unknown",
        "C4",
        "Đơn vị chủ trì “Phòng Văn hóa Thông tin” không có trong danh mục cơ quan, đơn vị của xã, phường; tên gần nhất: “Phòng Văn hóa - Xã hội”, “Trung tâm Văn hóa, Thông tin và Thể thao”.",
      ],
    ]);
  });

  it("suggests nothing when no name is near", () => {
    expect(bodyFindings(COMMUNE, [["Ban Quản lý dự án", ""]])).toEqual([
      ["body-unknown", "C4", "Đơn vị chủ trì “Ban Quản lý dự án” không có trong danh mục cơ quan, đơn vị của xã, phường."],
    ]);
  });
});

describe("cells as officials leave them", () => {
  it("checks a lead cell merged down over two rows once, and asks for no lead on the row below", () => {
    const values: CellValue[][] = [
      [WARD],
      ["KẾ HOẠCH NĂM 2026"],
      ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Sản phẩm đầu ra", "Thời gian hoàn thành"],
      [1, "Nhiệm vụ số 1", "Phòng Tư pháp", "", "Báo cáo", "Quý IV/2026"],
      [2, "Nhiệm vụ số 2", null, "", "Báo cáo", "Quý IV/2026"],
    ];
    const r = checkSheet({ name: "Nhiệm vụ", values, merges: ["C4:C5"] }, { catalog, planYear: 2026 });
    expect(r.findings.filter((f) => f.code.startsWith("body-") || f.code === "lead-missing").map((f) => [f.code, f.cell])).toEqual([["body-unknown", "C4"]]);
  });

  it("says an indicator, not a task, has no lead", () => {
    const values: CellValue[][] = [[COMMUNE], ["STT", "Nội dung chỉ tiêu", "Đơn vị tính", "Chỉ tiêu", "Đơn vị chủ trì"], [1, "Tỷ lệ phủ sóng 5G trên địa bàn", "%", "≥ 60%", ""]];
    const r = checkSheet({ name: "Chỉ tiêu", values }, { catalog, planYear: 2026 });
    expect(r.findings.filter((f) => f.code === "lead-missing").map((f) => f.message)).toEqual(["Chỉ tiêu chưa có đơn vị chủ trì (rõ người); hãy ghi đơn vị chịu trách nhiệm chính."]);
  });

  it("takes spaces around and inside a name, and a remark in brackets, as written", () => {
    expect(bodyFindings(COMMUNE, [[" Phòng Văn hóa  - Xã hội ", "Phòng Văn hoá - Xã hội (phối hợp)"]])).toEqual([]);
  });

  it("finds the mention to fix through doubled spaces and an en dash typed in the cell", () => {
    expect(bodyFindings(WARD, [["Công an  xã", ""]])).toEqual([
      ["body-type-word", "C4", "Kế hoạch của phường nhưng ghi “Công an xã”; phải là “Công an phường”.", { label: "Sửa “Công an xã” thành “Công an phường”", cell: "C4", value: "Công an phường" }],
    ]);
    expect(bodyFindings(COMMUNE, [["Phòng Kinh tế – Hạ tầng và Đô thị", ""]])).toEqual([
      [
        "body-wrong-type",
        "C4",
        "“Phòng Kinh tế - Hạ tầng và Đô thị” chỉ có ở phường, không có ở xã; xã có “Phòng Kinh tế”.",
        { label: "Sửa “Phòng Kinh tế - Hạ tầng và Đô thị” thành “Phòng Kinh tế”", cell: "C4", value: "Phòng Kinh tế" },
      ],
    ]);
  });
});

