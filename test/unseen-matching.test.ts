/**
 * Indicator names as other communes word them, none copied from the seeds: "Tỷ lệ" left
 * out, names cut short or reordered, abbreviations (TTHC, CBCCVC, DVC, KHCN), near
 * synonyms ("người dân" for "dân số", "cơ bản" for "căn bản", "môi trường mạng" for
 * "môi trường điện tử"), with the unit and the kind of target each row would carry.
 * The expected code of each was picked by hand from the catalog's names; the rows
 * outside the catalog (other indicators, tasks of a mixed table) must stay unmatched.
 *
 * Measured when written: the first list 28 of 39 before the matcher learned wording,
 * 39 of 39 after; the second list, written afterwards, 22 of 25 before the vocabulary
 * it showed missing ("môi trường mạng", "trở lên", "ấp"), 25 of 25 after.
 */
import { defaultCatalog } from "../src/domain/catalog";
import { matchIndicator } from "../src/domain/match";

const catalog = defaultCatalog();

// [name, unit, target, expected code]
const REWORDED: [string, string, string, string][] = [
  ["Tỷ lệ phủ sóng mạng 5G trên địa bàn xã", "%", "≥ 60%", "HT-01"],
  ["Phủ sóng 5G", "%", "≥ 70%", "HT-01"],
  ["Tỷ lệ hộ gia đình được truy cập Internet băng rộng cố định tốc độ trên 1Gb/s", "%", "≥ 70%", "HT-02"],
  ["Tỷ lệ nhà văn hóa ấp có wifi miễn phí", "%", "100%", "HT-03"],
  ["Tỷ lệ CB, CC, VC được bồi dưỡng kỹ năng số cơ bản", "%", "100%", "NL-02"],
  ["Cán bộ, công chức, viên chức làm chủ kỹ năng số trong quản lý, điều hành", "%", "100%", "NL-03"],
  ["Tỷ lệ học sinh được trang bị kiến thức, kỹ năng số, an toàn trên môi trường số", "%", "100%", "NL-04"],
  ["Tỷ lệ người dân trưởng thành được tiếp cận dịch vụ số (y tế, giáo dục, bảo hiểm, giao thông)", "%", "≥ 90%", "NL-05"],
  ["Thành viên Tổ công nghệ số cộng đồng được tập huấn, bồi dưỡng kỹ năng", "%", "100%", "NL-06"],
  ["Tỷ lệ chi ngân sách xã cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số", "% tổng chi NS xã", "≥ 2%", "NL-07"],
  ["Chi ngân sách cho KHCN, ĐMST và CĐS so với GRDP", "% GRDP", "≥ 1%", "NL-01"],
  ["Số sáng kiến cải tiến được công nhận trong khu vực công", "Sáng kiến", "≥ 02", "KH-05"],
  ["Mô hình ứng dụng công nghệ số vào sản xuất, kinh doanh", "Mô hình", "≥ 01", "KH-06"],
  ["Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo", "%", "≥ 10%", "KH-02"],
  ["Tỷ lệ hồ sơ TTHC được tiếp nhận, giải quyết không phụ thuộc địa giới hành chính", "%", "≥ 90%", "CDS-01"],
  ["Tỷ lệ DVC trực tuyến toàn trình/tổng số TTHC đủ điều kiện", "%", "100%", "CDS-05"],
  ["Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "%", "100%", "CDS-04"],
  ["Tỷ lệ hồ sơ giải quyết TTHC trực tuyến", "%", "≥ 95%", "CDS-06"],
  ["Tỷ lệ người dân, doanh nghiệp sử dụng dịch vụ công trực tuyến", "%", "≥ 80%", "CDS-07"],
  ["Tỷ lệ thanh toán trực tuyến trong giải quyết TTHC, dịch vụ công", "%", "≥ 80%", "CDS-10"],
  ["Tỷ lệ văn bản, hồ sơ công việc xử lý trên môi trường điện tử", "%", "100%", "CDS-11"],
  ["Tỷ lệ giao dịch thanh toán không dùng tiền mặt", "%", "≥ 80%", "CDS-14"],
  ["Tỷ lệ người dân trưởng thành có chữ ký số hoặc chữ ký điện tử", "%", "≥ 80%", "CDS-17"],
  ["Tỷ lệ người dân từ 15 tuổi trở lên có tài khoản ngân hàng", "%", "≥ 95%", "CDS-20"],
  ["Tỷ lệ người dân sử dụng Sổ sức khỏe điện tử", "%", "≥ 95%", "CDS-22"],
  ["Tỷ lệ người dân có tài khoản VNeID", "%", "≥ 80%", "CDS-16"],
  ["Tỷ lệ phản ánh, kiến nghị của người dân được xử lý đúng hạn", "%", "100%", "CDS-27"],
  ["Mức độ hài lòng của người dân, doanh nghiệp đối với việc giải quyết TTHC", "%", "≥ 95%", "CDS-28"],
  ["Chỉ số chuyển đổi số (DTI) của xã", "", "Thuộc nhóm khá của tỉnh", "CDS-30"],
  ["Cấp kết quả giải quyết TTHC bản điện tử", "%", "100%", "CDS-08"],
  ["Tỷ lệ khai thác, sử dụng lại dữ liệu đã số hóa", "%", "≥ 80%", "CDS-09"],
  ["Tỷ lệ cơ quan thực hiện chỉ đạo, điều hành trên môi trường điện tử", "%", "100%", "CDS-13"],
  ["Tỷ lệ giao dịch hành chính phi tiếp xúc", "%", "100%", "CDS-03"],
  ["Tỷ lệ TTHC liên quan sản xuất, kinh doanh được thực hiện trực tuyến", "%", "100%", "CDS-02"],
  ["Tỷ lệ DN nhỏ và vừa ứng dụng công nghệ số", "%", "≥ 60%", "CDS-15"],
  ["Tỷ lệ hệ thống thông tin được phê duyệt cấp độ an toàn thông tin", "%", "100%", "CDS-25"],
  ["Tỷ lệ người dân được định danh điện tử", "%", "100%", "CDS-23"],
  ["Tỷ lệ kết quả xử lý hồ sơ TTHC đồng bộ trên Cổng DVC quốc gia", "%", "100%", "CDS-26"],
  ["Tỷ lệ người dân có tài khoản giao dịch tại ngân hàng", "%", "≥ 95%", "CDS-20"],
];

const SECOND_LIST: [string, string, string, string][] = [
  ["Phủ sóng mạng di động 5G đến các ấp", "%", "≥ 60%", "HT-01"],
  ["Hộ gia đình có kết nối băng rộng cố định tốc độ 1 Gbps", "%", "≥ 70%", "HT-02"],
  ["Cán bộ, công chức được bồi dưỡng kỹ năng số", "%", "100%", "NL-02"],
  ["Tỉ lệ CBCCVC làm chủ kỹ năng số", "%", "100%", "NL-03"],
  ["Học sinh tiểu học trở lên được trang bị kỹ năng số", "%", "100%", "NL-04"],
  ["Người dân trưởng thành sử dụng dịch vụ số y tế, giáo dục", "%", "≥ 90%", "NL-05"],
  ["Tổ công nghệ số cộng đồng được tập huấn kỹ năng số", "%", "100%", "NL-06"],
  ["Sáng kiến trong khu vực công được công nhận", "Sáng kiến", "≥ 1", "KH-05"],
  ["Số mô hình ứng dụng công nghệ số trong sản xuất kinh doanh", "Mô hình", "≥ 2", "KH-06"],
  ["Hồ sơ TTHC được số hóa", "%", "100%", "CDS-04"],
  ["Dịch vụ công trực tuyến toàn trình", "%", "100%", "CDS-05"],
  ["Tỷ lệ hồ sơ trực tuyến/tổng số hồ sơ TTHC", "%", "≥ 95%", "CDS-06"],
  ["Tỷ lệ sử dụng DVCTT của người dân, doanh nghiệp", "%", "≥ 80%", "CDS-07"],
  ["Tỷ lệ kết quả giải quyết TTHC được cấp bản điện tử", "%", "100%", "CDS-08"],
  ["Thanh toán trực tuyến phí, lệ phí TTHC", "%", "≥ 80%", "CDS-10"],
  ["Tỷ lệ văn bản được xử lý trên môi trường mạng", "%", "100%", "CDS-11"],
  ["Giao dịch không dùng tiền mặt", "%", "≥ 80%", "CDS-14"],
  ["Tỷ lệ dân số trưởng thành có chữ ký số cá nhân", "%", "≥ 80%", "CDS-17"],
  ["Tỷ lệ người dân có Sổ sức khỏe điện tử", "%", "≥ 95%", "CDS-22"],
  ["Tỷ lệ người dân có tài khoản định danh điện tử mức 2", "%", "≥ 80%", "CDS-16"],
  ["Tỷ lệ xử lý đúng hạn phản ánh, kiến nghị", "%", "100%", "CDS-27"],
  ["Chỉ số hài lòng của người dân về giải quyết TTHC", "%", "≥ 95%", "CDS-28"],
  ["Xếp hạng chuyển đổi số cấp xã (DTI)", "", "Nhóm dẫn đầu", "CDS-30"],
  ["Tỷ lệ dân số từ 15 tuổi có tài khoản ngân hàng", "%", "≥ 95%", "CDS-20"],
  ["Tỷ lệ chi ngân sách cho KHCN, ĐMST, CĐS trong tổng chi ngân sách xã", "% tổng chi NS xã", "≥ 3%", "NL-07"],
];

// [name, unit, target]: not an indicator of the catalog.
const OUTSIDE: [string, string, string][] = [
  ["Số người dân được tập huấn sử dụng ứng dụng VNeID, dịch vụ công trực tuyến", "Người", "≥ 500"],
  ["Số lượt truy cập Cổng thông tin điện tử xã", "Lượt", "≥ 10.000"],
  ["Số buổi livestream giới thiệu nông sản OCOP", "Buổi", "≥ 4"],
  ["Tỷ lệ camera an ninh được kết nối hệ thống giám sát", "%", "≥ 70%"],
  ["Số hội nghị, hội thảo về chuyển đổi số được tổ chức", "Hội nghị", "≥ 2"],
  ["Tỷ lệ sản phẩm OCOP được đưa lên sàn thương mại điện tử", "%", "100%"],
  ["Tỷ lệ trường học sử dụng sổ điểm điện tử", "%", "100%"],
  ["Số tin, bài tuyên truyền về Nghị quyết 57 trên hệ thống truyền thanh", "Tin, bài", "≥ 24"],
  ["Tỷ lệ hộ gia đình sử dụng điện thoại thông minh", "%", "≥ 85%"],
  ["Triển khai Kế hoạch chuyển đổi số năm 2026 của xã", "", ""],
  ["Xây dựng cơ sở dữ liệu đất đai của xã", "", ""],
  ["Tổ chức Ngày chuyển đổi số của xã", "", ""],
  ["Kiện toàn Tổ công nghệ số cộng đồng ở các ấp", "", ""],
  ["Hướng dẫn người dân cài đặt, kích hoạt VNeID mức 2", "", ""],
  ["Báo cáo kết quả thực hiện Nghị quyết 57 hằng tháng", "", ""],
];

const evidence = (unit: string, target: string) => ({ unit: unit || null, qualitative: target ? !/\d/.test(target) : null });
const strip = (n: string) => n.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D");

describe("matching indicator names worded as other communes word them", () => {
  const all = [...REWORDED, ...SECOND_LIST];

  it("finds the entry a reader picks for at least 9 names in 10, and never a wrong one", () => {
    let right = 0;
    const wrong: string[] = [];
    for (const [name, unit, target, code] of all) {
      const got = matchIndicator(catalog, name, evidence(unit, target)).best?.item.code ?? null;
      if (got === code) right++;
      else if (got) wrong.push(`${name} → ${got} (${code})`);
    }
    expect(wrong).toEqual([]);
    expect(right / all.length).toBeGreaterThanOrEqual(0.9);
  });

  it("offers the right entry among the first three when it is not sure", () => {
    for (const [name, unit, target, code] of all) {
      const m = matchIndicator(catalog, name, evidence(unit, target));
      if (m.best?.item.code === code) continue;
      expect([name, m.candidates.some((c) => c.item.code === code)]).toEqual([name, true]);
    }
  });

  it("copes with the same names typed without accents", () => {
    let right = 0;
    for (const [name, unit, target, code] of all) if (matchIndicator(catalog, strip(name), evidence(unit, target)).best?.item.code === code) right++;
    expect(right / all.length).toBeGreaterThanOrEqual(0.9);
  });

  it("keeps other indicators and tasks unmatched, below the confidence threshold", () => {
    const matched = OUTSIDE.map(([name, unit, target]) => [name, matchIndicator(catalog, name, evidence(unit, target)).best?.item.code ?? null]);
    // One task of a mixed table reads like an indicator to any reader ("Kiện toàn Tổ công
    // nghệ số cộng đồng ở các ấp" ~ NL-06); the mixed-table test asks for 0.9, which it does not reach.
    expect(matched.filter(([, code]) => code !== null).map(([name]) => name)).toEqual(["Kiện toàn Tổ công nghệ số cộng đồng ở các ấp"]);
    expect(matchIndicator(catalog, "Kiện toàn Tổ công nghệ số cộng đồng ở các ấp").best!.confidence).toBeLessThan(0.9);
  });

  it("uses the unit as evidence: the budget share of total spending is not the share of GRDP", () => {
    const name = "Tỷ lệ chi ngân sách cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số";
    expect(matchIndicator(catalog, name, { unit: "% tổng chi NS xã" }).best?.item.code).toBe("NL-07");
    expect(matchIndicator(catalog, name, { unit: "% GRDP" }).best?.item.code).toBe("NL-01");
    // A count of people weighs against an indicator measured in %.
    const users = "Số người dân sử dụng dịch vụ công trực tuyến";
    const asCount = matchIndicator(catalog, users, { unit: "Người" }).candidates[0];
    const asRate = matchIndicator(catalog, users, { unit: "%" }).candidates[0];
    expect([asCount.item.code, asRate.item.code]).toEqual(["CDS-07", "CDS-07"]);
    expect(asRate.confidence - asCount.confidence).toBeCloseTo(0.16, 6);
  });
});
