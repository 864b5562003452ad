/**
 * Five communes' result reports in five layouts none of the rules was written from
 * (test/fixtures/unseen/report-*.json, written as .xlsx by openpyxl):
 *   Xuân Bắc   "Năm 2026" over "Kế hoạch | Thực hiện", "A."/"B." groups, a signature footer;
 *   Gia Kiệm   "Kết quả năm 2026" (the plan's target) beside "Kết quả thực hiện", a row of
 *              column numbers, a target typed wrong ("≥ abc"), a dated footer;
 *   Tam Phước  "Chỉ tiêu kế hoạch" and "Ước thực hiện 9 tháng", "1." groups over "1.1"
 *              items, results typed as text ("85%", "93,5%", "80");
 *   Đại Phước  its own "Mã" column (codes confirmed for short names), "Lũy kế";
 *   Bình An    "Chỉ tiêu" as the name column, "KH 2026"/"TH", titles merged across the
 *              table, and no result that can be read.
 * Every figure below is worked out by hand from the cells of those files.
 */
import * as fs from "fs";
import * as path from "path";
import { UNSEEN_DIR } from "./seeds";
import { consolidate, type ConsolidationResult, type IndicatorSummary } from "../src/domain/consolidate";
import { defaultCatalog } from "../src/domain/catalog";
import { main } from "../src/cli/main";
import { fakeIO, snapshotOf } from "./consolidate-fixtures";
import { readBack } from "./xlsx";

const AS_OF = "2026-09-30";
const FILES = ["report-xuan-bac.xlsx", "report-gia-kiem.xlsx", "report-tam-phuoc.xlsx", "report-dai-phuoc.xlsx", "report-binh-an.xlsx"];
const bytesOf = (f: string) => new Uint8Array(fs.readFileSync(path.join(UNSEEN_DIR, f)));

let result: ConsolidationResult;
beforeAll(async () => {
  const sources = [];
  for (const f of FILES) sources.push({ file: f, workbook: await snapshotOf(bytesOf(f), f) });
  result = consolidate(sources, { catalog: defaultCatalog(), asOf: AS_OF });
});

const ind = (code: string): IndicatorSummary => result.indicators.find((i) => i.indicatorCode === code)!;
const counts = (i: IndicatorSummary) => [i.unitsWithRow, i.unitsReporting, i.unitsMet];

describe("consolidating five layouts the seeds do not show", () => {
  it("finds each file's commune and says which reported nothing readable", () => {
    // In the province's code order: Gia Kiệm 26311, Tam Phước 26374, Bình An 26389, Xuân Bắc 26428, Đại Phước 26491.
    expect(result.sources.map((s) => [s.file, s.unit, s.status])).toEqual([
      ["report-gia-kiem.xlsx", "Xã Gia Kiệm", "ok"],
      ["report-tam-phuoc.xlsx", "Phường Tam Phước", "ok"],
      ["report-binh-an.xlsx", "Xã Bình An", "no-result"],
      ["report-xuan-bac.xlsx", "Xã Xuân Bắc", "ok"],
      ["report-dai-phuoc.xlsx", "Xã Đại Phước", "ok"],
    ]);
    // Rows read: 8 (Xuân Bắc), 6 (Gia Kiệm), 6 (Tam Phước), 6 (Đại Phước), 3 (Bình An): groups and footers are not rows.
    expect(Object.fromEntries(result.sources.map((s) => [s.file, s.rowsRead]))).toEqual({
      "report-xuan-bac.xlsx": 8,
      "report-gia-kiem.xlsx": 6,
      "report-tam-phuoc.xlsx": 6,
      "report-dai-phuoc.xlsx": 6,
      "report-binh-an.xlsx": 3,
    });
  });

  it("counts, per indicator, the units with the row, those that reported and those that met their own target", () => {
    // [with the row, reported, met], by hand:
    // HT-01  Xuân Bắc 72% ≥ 60% met; Gia Kiệm "65%" < 70%; Tam Phước "85%" ≥ 80% met; Đại Phước 60% = 60% met; Bình An blank.
    expect(counts(ind("HT-01"))).toEqual([5, 4, 3]);
    // NL-02  Xuân Bắc "95%" < 100%; Gia Kiệm 100% (1 formatted 0%) met; Đại Phước 88% < 100%.
    expect(counts(ind("NL-02"))).toEqual([3, 3, 1]);
    // CDS-06 Xuân Bắc 96 → 96% ≥ 95% met; Gia Kiệm target "≥ abc" unreadable: not reported; Tam Phước "93,5%" < 95%; Bình An "chưa có số liệu".
    expect(counts(ind("CDS-06"))).toEqual([4, 2, 1]);
    // CDS-07 Xuân Bắc blank; Gia Kiệm "đang tổng hợp"; Đại Phước 82% ≥ 80% met.
    expect(counts(ind("CDS-07"))).toEqual([3, 1, 1]);
    // CDS-14 Xuân Bắc 1 in a plain cell (1% or 100%?): not judged; Tam Phước 80% met; Đại Phước 79% < 80%; Bình An blank.
    expect(counts(ind("CDS-14"))).toEqual([4, 2, 1]);
    // CDS-17 Xuân Bắc "0,81" ≥ 80% met; Gia Kiệm 75% ≥ its own 70% met; Tam Phước "80" → 80% met; Đại Phước blank.
    expect(counts(ind("CDS-17"))).toEqual([4, 3, 3]);
    // KH-05  Xuân Bắc 3 ≥ 2 met; Tam Phước 0,5 of a count: not judged; Đại Phước 2 ≥ 1 met.
    expect(counts(ind("KH-05"))).toEqual([3, 2, 2]);
    // CDS-30 Xuân Bắc "Đạt" stated: met; Tam Phước "Đứng thứ 3 khối phường" is free text: not judged.
    expect(counts(ind("CDS-30"))).toEqual([2, 1, 1]);
    expect(result.indicators.filter((i) => i.indicatorCode).map((i) => i.indicatorCode).sort()).toEqual(
      ["CDS-06", "CDS-07", "CDS-14", "CDS-17", "CDS-30", "HT-01", "KH-05", "NL-02"].sort(),
    );
    const outside = result.indicators.filter((i) => !i.indicatorCode);
    expect(outside.map((i) => [i.name, ...counts(i)])).toEqual([["Số lượt truy cập trang thông tin điện tử xã", 1, 1, 1]]);
    // Only Gia Kiệm set a target below the reference (CDS-17 ≥ 70% against ≥ 80%).
    expect(result.indicators.map((i) => i.unitsBelowProvince).reduce((a, b) => a + b, 0)).toBe(1);
    expect(ind("CDS-17").unitsBelowProvince).toBe(1);
  });

  it("takes every unit's target from its own file, and says when it cannot be read", () => {
    // Each unit's target as its own row writes it, by hand; none from the catalog.
    expect(ind("HT-01").perUnit.map((p) => [p.unit, p.target])).toEqual([
      ["Xã Gia Kiệm", "≥ 70%"],
      ["Phường Tam Phước", "≥ 80%"],
      ["Xã Bình An", "≥ 60%"],
      ["Xã Xuân Bắc", "≥ 60%"],
      ["Xã Đại Phước", "≥ 60%"],
    ]);
    const gk = ind("CDS-06").perUnit.find((p) => p.unit === "Xã Gia Kiệm")!;
    expect([gk.target, gk.targetProblem, gk.reporting, gk.result]).toEqual([null, "unreadable", false, 0.97]);
    for (const i of result.indicators) for (const p of i.perUnit) expect(["row", "name", null]).toContain(p.targetFrom);
    const gkSource = result.sources.find((s) => s.unit === "Xã Gia Kiệm")!;
    expect(gkSource.problems.map((p) => p.code)).toEqual(["unreadable-target", "unreadable-result"]);
    expect(gkSource.problems[0].message).toContain("KQ 9 tháng dòng 11 (“≥ abc”)");
    const ba = result.sources.find((s) => s.unit === "Xã Bình An")!;
    expect(ba.problem).toContain("Sheet1 dòng 7 (“chưa có số liệu”: không phải số)");
  });

  it("writes the same into the workbook: the unit's cell says so, Nguồn lists the problem, no target marked as the province's", async () => {
    const files: Record<string, Uint8Array> = {};
    for (const f of FILES) files[f] = bytesOf(f);
    const { io, out } = fakeIO(files);
    const code = await main(["consolidate", ...FILES, "-o", "tong-hop.xlsx", "--as-of", AS_OF], io);
    expect(code).toBe(0);
    expect(out.join("\n")).toContain("5/5 tệp được tổng hợp");
    const wb = await readBack(files["tong-hop.xlsx"]);
    const sum = wb.sheets[0];
    // The reference column says what it is: its mark points at the note under the table.
    const h1 = sum.values.findIndex((r) => r[0] === "STT");
    expect(sum.values[h1][4]).toBe("Mức tham chiếu (*)");
    expect(sum.values.flat()).toContain("(*) Mức tham chiếu dựng từ các kế hoạch mẫu, không phải chỉ tiêu chính thức của tỉnh.");
    const all = sum.values.flat().filter((v): v is string => typeof v === "string");
    expect(all.some((t) => t.includes("(tỉnh)"))).toBe(false);
    // Units in the province's code order.
    expect(sum.values[sum.values.findIndex((r) => r[0] === "STT")].slice(13).filter(Boolean)).toEqual(["Xã Gia Kiệm", "Phường Tam Phước", "Xã Bình An", "Xã Xuân Bắc", "Xã Đại Phước"]);
    const row = sum.values.find((r) => r[1] === "CDS-06")!;
    // [with row, reported, met] in F..H; Gia Kiệm's target cell (its first column, N) says it could not be read.
    expect(row.slice(5, 8)).toEqual([4, 2, 1]);
    expect(row[13]).toBe("không đọc được chỉ tiêu");
    const src = wb.sheets.find((s) => s.name === "Nguồn")!;
    const status = Object.fromEntries(src.values.slice(4, 9).map((r) => [r[1], r[11]]));
    expect(status).toEqual({
      "report-gia-kiem.xlsx": "Đã tổng hợp",
      "report-tam-phuoc.xlsx": "Đã tổng hợp",
      "report-binh-an.xlsx": "Chưa có kết quả",
      "report-xuan-bac.xlsx": "Đã tổng hợp",
      "report-dai-phuoc.xlsx": "Đã tổng hợp",
    });
  });
});
