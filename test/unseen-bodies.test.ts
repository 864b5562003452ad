/**
 * Lead and coordinating cells as xã Thống Nhất's officials might write them
 * (test/fixtures/unseen/bodies.json). Sheet "Đúng" is right throughout and must raise
 * nothing about bodies or units; sheet "Sai" has one slip or doubt per row, each of
 * which a province reviewer would also raise. Expectations written by hand.
 */
import { loadGrid } from "./seeds";
import { checkSheet } from "../src/domain/validate";
import { defaultCatalog } from "../src/domain/catalog";
import { splitBodies } from "../src/domain/match";

const catalog = defaultCatalog();
const grid = loadGrid("bodies.json");

describe("bodies and units that do not cry wolf", () => {
  it("raises nothing on collective names with commas, outside parties, line breaks and unit spellings", () => {
    const r = checkSheet(grid.sheet("Đúng"), { catalog });
    // The one finding: "Số người được tập huấn kỹ năng số" is not an indicator of the catalog.
    expect(r.findings.map((f) => `${f.code}@${f.cell}`)).toEqual(["indicator-unknown@B11"]);
  });

  it("splits a cell into the parties it names, and never inside a name", () => {
    const parts = (cell: string) => splitBodies(catalog, cell).map((m) => m.text);
    expect(parts("Các cơ quan, đơn vị có liên quan")).toEqual(["Các cơ quan, đơn vị có liên quan"]);
    expect(parts("UBMTTQ Việt Nam xã; Hội, Đoàn thể")).toEqual(["UBMTTQ Việt Nam xã", "Hội, Đoàn thể"]);
    expect(parts("Ngân hàng Nông nghiệp và Phát triển nông thôn chi nhánh Thống Nhất, Quỹ tín dụng nhân dân; các ấp")).toEqual([
      "Ngân hàng Nông nghiệp và Phát triển nông thôn chi nhánh Thống Nhất",
      "Quỹ tín dụng nhân dân",
      "các ấp",
    ]);
    expect(parts("Trường THCS Thống Nhất\nTrường Tiểu học Gia Tân\nCác trường mầm non")).toEqual(["Trường THCS Thống Nhất", "Trường Tiểu học Gia Tân", "Các trường mầm non"]);
    expect(parts("Phòng Văn hóa - Xã hội và Trạm Y tế xã")).toEqual(["Phòng Văn hóa - Xã hội", "Trạm Y tế xã"]);
    // "và" inside a known name stays.
    expect(parts("Văn phòng HĐND và UBND xã, Phòng Kinh tế, Hạ tầng và Đô thị")).toEqual(["Văn phòng HĐND và UBND xã", "Phòng Kinh tế, Hạ tầng và Đô thị"]);
    expect(splitBodies(catalog, "Viettel, VNPT, MobiFone và các doanh nghiệp cung cấp dịch vụ chữ ký số").every((m) => m.outside)).toBe(true);
  });

  it("flags a near miss of a known body with the name meant, an unknown body and an ambiguous one", () => {
    const r = checkSheet(grid.sheet("Sai"), { catalog });
    expect(r.findings.map((f) => [f.code, f.cell, f.fix?.value ?? null])).toEqual([
      ["body-typo", "E4", "Phòng Văn hóa - Xã hội"], // a letter doubled
      ["body-typo", "E5", "Trung tâm PVHCC"], // a letter dropped from the abbreviation
      ["body-typo", "E6", "Phòng Kinh tế"], // a diacritic missing
      ["body-typo", "F7", "Phòng Văn hóa - Xã hội; Trạm Y tế xã"], // only that mention is corrected
      ["body-unknown", "E8", null], // no such office in a commune since 2025
      ["body-ambiguous", "E9", null], // "Văn phòng": of the People's Committee or of the Party?
    ]);
    expect(r.findings.every((f) => f.severity === "warning")).toBe(true);
  });
});
