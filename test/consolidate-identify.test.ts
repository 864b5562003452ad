/**
 * Whose file is it: communes and wards from headings and file names, checked against
 * the province's list (strictly: "Phước Bình" is not "Bình Phước", "Lộc Thạnh" is not
 * "Lộc Thành"); departments from a marker line or the file name; and the names of the
 * new sheets.
 */
import { communeFromFileName, consolidate, departmentFromFileName } from "../src/domain/consolidate";
import { communeInLines } from "../src/domain/consolidate/identify";
import { defaultCatalog } from "../src/domain/catalog";
import { freeSheetName } from "../src/domain/sheetName";
import type { SheetSnapshot } from "../src/domain/snapshot";
import { loadSeed } from "./seeds";

const catalog = defaultCatalog();
const code = (r: { commune: { code: string } | null }) => r.commune?.code ?? null;

describe("the commune of a file", () => {
  it("reads file names as officials write them", () => {
    expect(code(communeFromFileName(catalog, "PL_TanLoi_2026.xlsx"))).toBe("25378");
    expect(code(communeFromFileName(catalog, "Phường Minh Hưng.xlsx"))).toBe("25441");
    expect(code(communeFromFileName(catalog, "C:\\Báo cáo\\BC NQ57 - Xã Xuân Hoà.xlsx"))).toBe("26446");
    expect(code(communeFromFileName(catalog, "nhon_trach_bao_cao.xlsx"))).toBe("26485");
    expect(code(communeFromFileName(catalog, "PL_PhuocAn.xlsx"))).toBe("26503"); // Phước An, not An Phước (26383)
    expect(code(communeFromFileName(catalog, "PL_AnPhuoc.xlsx"))).toBe("26383");
    expect(code(communeFromFileName(catalog, "bao_cao_thang_6.xlsx"))).toBeNull();
  });

  it("does not guess between communes whose names differ only by accents", () => {
    const r = communeFromFileName(catalog, "PL_LocThanh.xlsx");
    expect(r.commune).toBeNull();
    expect(r.ambiguous.map((c) => c.name).sort()).toEqual(["Lộc Thành", "Lộc Thạnh"]);
    expect(code(communeFromFileName(catalog, "Xã Lộc Thành.xlsx"))).toBe("25294");
    expect(code(communeFromFileName(catalog, "Xã Lộc Thạnh.xlsx"))).toBe("25280");
  });

  it("reads headings with the words in their order", () => {
    expect(code(communeInLines(catalog, ["ỦY BAN NHÂN DÂN PHƯỜNG PHƯỚC BÌNH"]))).toBe("25220");
    expect(code(communeInLines(catalog, ["ỦY BAN NHÂN DÂN PHƯỜNG BÌNH PHƯỚC"]))).toBe("25195");
    expect(code(communeInLines(catalog, ["(Kèm theo Kế hoạch số 12/KH-UBND của UBND xã Lộc Thành)"]))).toBe("25294");
    expect(code(communeInLines(catalog, ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]))).toBeNull();
    expect(communeInLines(catalog, ["UBND xã Hòa Bình"]).unmatched).toBe("xã Hòa Bình");
  });
});

describe("the department of a file", () => {
  it("reads the department from the file name", () => {
    expect(departmentFromFileName(catalog, "PL_PhongVHXH.xlsx")?.code).toBe("VH-XH");
    expect(departmentFromFileName(catalog, "Phòng Kinh tế.xlsx")?.code).toBe("KT");
    expect(departmentFromFileName(catalog, "PL_CongAn_2026.xlsx")?.code).toBe("CA");
    expect(departmentFromFileName(catalog, "PL_TramYTe.xlsx")?.code).toBe("TYT");
    expect(departmentFromFileName(catalog, "TTPVHCC bao cao thang 6.xlsx")?.code).toBe("TTPVHCC");
    expect(departmentFromFileName(catalog, "PL_2026.xlsx")).toBeNull();
  });
});

/** Seed 000's sheet with its heading line replaced. */
function withHeading(text: string | null): SheetSnapshot {
  const s = loadSeed("000").sheet("Chỉ tiêu");
  return { ...s, values: [[text, null, null, null, null], ...s.values.slice(1)] };
}

describe("problems with units", () => {
  const asOf = "2026-06-20";
  it("keeps one file per unit, the same one whatever the order", () => {
    const a = { file: "b/nhon-trach-lan-2.xlsx", workbook: { sheets: [withHeading("ỦY BAN NHÂN DÂN XÃ NHƠN TRẠCH")] } };
    const b = { file: "a/PL_NhonTrach.xlsx", workbook: { sheets: [withHeading("ỦY BAN NHÂN DÂN XÃ NHƠN TRẠCH")] } };
    for (const order of [
      [a, b],
      [b, a],
    ]) {
      const r = consolidate(order, { catalog, asOf, check: false });
      expect(r.sources.map((s) => [s.file, s.status, s.included])).toEqual([
        ["a/PL_NhonTrach.xlsx", "no-result", true], // a plan with no result typed in yet
        ["b/nhon-trach-lan-2.xlsx", "duplicate-unit", false],
      ]);
      expect(r.sources[1].problem).toContain('Trùng đơn vị Phường Nhơn Trạch với tệp "a/PL_NhonTrach.xlsx"');
      expect(r.units).toHaveLength(1);
    }
  });

  it("leaves out a file whose unit cannot be found, and says why", () => {
    const r = consolidate(
      [
        { file: "bao_cao.xlsx", workbook: { sheets: [withHeading(null)] } },
        { file: "hoa-binh.xlsx", workbook: { sheets: [withHeading("ỦY BAN NHÂN DÂN XÃ HÒA BÌNH")] } },
        { file: "PL_TanLoi.xlsx", workbook: { sheets: [withHeading("ỦY BAN NHÂN DÂN XÃ NHƠN TRẠCH")] } },
        { file: "trong.xlsx", workbook: { sheets: [{ name: "Sheet1", values: [["Ghi chú"]] }] } },
      ],
      { catalog, asOf, check: false },
    );
    const by = (f: string) => r.sources.find((s) => s.file === f)!;
    expect([by("bao_cao.xlsx").status, by("bao_cao.xlsx").problem]).toEqual(["unknown-unit", expect.stringContaining("Không thấy tên xã, phường")]);
    expect(by("hoa-binh.xlsx").problem).toContain('Tiêu đề ghi "xã HÒA BÌNH", không có trong danh sách 95 xã, phường của tỉnh');
    // The heading wins over the file name, with a warning.
    expect([by("PL_TanLoi.xlsx").status, by("PL_TanLoi.xlsx").unit]).toEqual(["no-result", "Phường Nhơn Trạch"]);
    expect(by("PL_TanLoi.xlsx").problems.map((p) => p.code)).toEqual(["unit-mismatch"]);
    expect([by("trong.xlsx").status, by("trong.xlsx").problem]).toEqual(["no-table", expect.stringContaining("Không tìm thấy bảng phụ lục")]);
    expect(r.units.map((u) => u.label)).toEqual(["Phường Nhơn Trạch"]);
  });
});

describe("other evidence and repeated rows", () => {
  it("reads an \"Đơn vị báo cáo:\" line (here on a cover sheet) when no heading names the commune", () => {
    const cover: SheetSnapshot = { name: "Thông tin", values: [["BÁO CÁO THÁNG 6/2026"], ["Đơn vị báo cáo:", "UBND xã Tân Lợi"]] };
    const r = consolidate([{ file: "bao_cao.xlsx", workbook: { sheets: [cover, withHeading(null)] } }], { catalog, asOf: "2026-06-20", check: false });
    expect([r.sources[0].unit, r.sources[0].via]).toEqual(["Xã Tân Lợi", "marker"]);
  });

  it("counts an indicator typed on two rows once, from the row with a result", () => {
    const s = withHeading("ỦY BAN NHÂN DÂN XÃ NHƠN TRẠCH");
    const values = s.values.map((r) => [...r, null]);
    values[3][5] = "Kết quả thực hiện";
    values[5][5] = null; // row 6: 5G, no result
    values.push([25, "Tỷ lệ phủ sóng 5G trên địa bàn xã", "%", "≥ 60%", "Phòng VH-XH", "64%"]);
    const r = consolidate([{ file: "nt.xlsx", workbook: { sheets: [{ ...s, values }] } }], { catalog, asOf: "2026-06-20", check: false });
    expect(r.sources[0].problems.map((p) => [p.code, p.message])).toEqual([["duplicate-row", "1 chỉ tiêu có nhiều dòng trong tệp (HT-01); lấy dòng đầu tiên có kết quả."]]);
    const ht = r.indicators.find((i) => i.indicatorCode === "HT-01")!;
    expect(ht.perUnit.map((p) => [p.row, p.result])).toEqual([[33, 0.64]]);
  });
});

describe("freeSheetName", () => {
  it("keeps a free name and numbers a taken one, without case", () => {
    expect(freeSheetName("Tổng hợp chỉ tiêu", ["Chỉ tiêu"])).toBe("Tổng hợp chỉ tiêu");
    expect(freeSheetName("Tổng hợp chỉ tiêu", ["TỔNG HỢP CHỈ TIÊU"])).toBe("Tổng hợp chỉ tiêu (2)");
    expect(freeSheetName("Nguồn", ["Nguồn", "nguồn (2)"])).toBe("Nguồn (3)");
  });
  it("respects Excel's rules: 31 characters, no \\ / ? * [ ] :, not History", () => {
    const long = "Hợp nhất Phụ lục nhiệm vụ trọng tâm năm 2026";
    const first = freeSheetName(long, []);
    expect(first).toBe("Hợp nhất Phụ lục nhiệm vụ trọng");
    expect(first.length).toBeLessThanOrEqual(31);
    const second = freeSheetName(long, [first]);
    expect(second).toBe("Hợp nhất Phụ lục nhiệm vụ t (2)");
    expect(second.length).toBe(31);
    expect(freeSheetName("Q1/2026: [tổng hợp]?", [])).toBe("Q1-2026- -tổng hợp--");
    expect(freeSheetName("history", [])).toBe("history (2)");
    expect(freeSheetName("  ", [])).toBe("Trang");
  });
});
