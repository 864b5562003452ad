/**
 * Consolidation across the province of four communes' files in four different seed
 * layouts (000, 001, 002 with Phụ lục I and II, 004 mixed), with results typed the
 * ways officials type them. Every expected number below was worked out by hand from
 * the values written in this file and the seeds' targets and deadlines; none comes
 * from the code under test.
 */
import { consolidate, planConsolidation, type ConsolidationResult, type IndicatorSummary } from "../src/domain/consolidate";
import { defaultCatalog } from "../src/domain/catalog";
import { checkWorkbook } from "../src/domain/validate";
import { main } from "../src/cli/main";
import type { WorkbookSnapshot } from "../src/domain/snapshot";
import { date, fakeIO, reportSheet, snapshotOf, xlsxOf } from "./consolidate-fixtures";
import { readBack } from "./xlsx";

const AS_OF = "2026-06-20";

async function fixtures(): Promise<Record<string, Uint8Array>> {
  // 000 Nhơn Trạch: 0.72 formatted as a percentage, a count, a qualitative result.
  const s000 = reportSheet("000", {
    sheet: "Chỉ tiêu",
    headerRow: 4,
    add: ["Kết quả thực hiện"],
    rows: {
      6: [{ v: 0.72, fmt: "0%" }], // HT-01, target ≥ 60%
      29: [{ v: 0.45, fmt: "0%" }], // CDS-17, target ≥ 40%
      19: [{ v: 0.9, fmt: "0%" }], // CDS-06, target ≥ 90%
      16: [3], // KH-06 Mô hình, target ≥ 01
      17: ["Đã triển khai"], // KH-04, target "Có triển khai"
    },
  });
  // 001 Tân Lợi: results as text ("72%", "96,5%"), one row outside the catalog, tasks with status.
  const s001 = reportSheet("001", {
    sheet: "Chỉ tiêu",
    headerRow: 4,
    add: ["Kết quả thực hiện"],
    rows: {
      6: ["72%"], // HT-01, target "≥ 60" in a % row
      33: ["50%"], // CDS-17, target ≥ 50
      22: ["96,5%"], // CDS-06, target ≥ 95
      15: ["Chưa triển khai"], // KH-04, no target in the row: the province's "Có triển khai"
    },
    append: [["25", "Số buổi livestream giới thiệu nông sản OCOP", "Buổi", "≥ 4", "Phòng Kinh tế", 6]],
  });
  const t001 = reportSheet("001", {
    sheet: "Phụ lục nhiệm vụ",
    headerRow: 7,
    add: ["Tình trạng", "Ngày hoàn thành"],
    rows: {
      9: ["Hoàn thành", date("2026-05-10")], // Năm 2026
      10: ["Đang thực hiện"], // Năm 2026
      19: ["Chưa thực hiện"], // 10/2026
      24: ["Đang thực hiện"], // Quý II/2026 → 30/06: due in 10 days
      25: ["Hoàn thành", date("2026-06-02")], // Quý II/2026
    },
  });
  // 002 Minh Hưng: the number 72 in a % indicator, a result that is not a number.
  const s002 = reportSheet("002", {
    sheet: "Phụ lục I",
    headerRow: 7,
    add: ["Kết quả thực hiện"],
    rows: {
      9: [72], // HT-01 "Tỉ lệ phủ sóng 5G trên địa bàn", target ≥ 60%
      38: [79], // CDS-17, target ≥ 80%
      28: [93], // CDS-06, target 95%
      29: ["đang cập nhật"], // CDS-07: not a number
    },
  });
  const t002 = reportSheet("002", {
    sheet: "Phụ lục II",
    headerRow: 7,
    add: ["Tình trạng", "Ngày hoàn thành"],
    rows: {
      10: ["Hoàn thành", date("2026-04-05")], // Tháng 3/2026, done late
      11: ["Đang thực hiện"], // "Quy định của tỉnh": no date
      22: ["Đang thực hiện"], // Quý I/2026: overdue
      25: ["Chưa thực hiện"], // Quý II/2026: due soon
      // 24 (Quý I/2026) left blank: overdue too
    },
  });
  // 004 Phú Trung: mixed table, "58%" against a target of 80 written without a unit.
  const m004 = reportSheet("004", {
    sheet: "Phụ lục",
    headerRow: 7,
    add: ["Kết quả thực hiện", "Tình trạng", "Ngày hoàn thành"],
    rows: {
      14: ["58%"], // HT-01 "Phủ sóng 5G cho người dân", target 80
      9: [null, "Hoàn thành", date("2025-11-20")], // Đến hết 11/2025
      10: [null, "Đang triển khai"], // Thường xuyên
      25: [null, "Đang thực hiện"], // Quý I/2026: overdue
      37: [null, "Đã hoàn thành"], // 12/2025
      43: [null, "Chưa thực hiện"], // 12/2027
      // 31 (12/2025) left blank: overdue
    },
  });
  return {
    "in/PL_NhonTrach_2026.xlsx": await xlsxOf([s000]),
    "in/Xã Tân Lợi.xlsx": await xlsxOf([s001, t001]),
    "in/minh_hung.xlsx": await xlsxOf([s002, t002]),
    "in/phu-trung.xlsx": await xlsxOf([m004]),
  };
}

let files: Record<string, Uint8Array>;
let snapshots: Record<string, WorkbookSnapshot>;
let result: ConsolidationResult;

beforeAll(async () => {
  files = await fixtures();
  snapshots = {};
  for (const [f, bytes] of Object.entries(files)) snapshots[f] = await snapshotOf(bytes, f.split("/").pop()!);
  result = consolidate(
    Object.entries(snapshots).map(([file, workbook]) => ({ file, workbook })),
    { catalog: defaultCatalog(), asOf: AS_OF },
  );
});

const ind = (code: string): IndicatorSummary => {
  const i = result.indicators.find((x) => x.indicatorCode === code);
  if (!i) throw new Error(`no ${code}`);
  return i;
};
const perUnit = (i: IndicatorSummary) => i.perUnit.map((p) => [p.unit, p.target, p.result, p.rate, p.met]);

describe("consolidating four layouts across the province", () => {
  it("identifies each file's commune from its heading and orders units by the province's codes", () => {
    // Codes: Phú Trung 25261, Tân Lợi 25378, Minh Hưng 25441, Nhơn Trạch 26485 (a phường from 30/4/2026).
    expect(result.units.map((u) => [u.label, u.code])).toEqual([
      ["Xã Phú Trung", "25261"],
      ["Xã Tân Lợi", "25378"],
      ["Phường Minh Hưng", "25441"],
      ["Phường Nhơn Trạch", "26485"],
    ]);
    expect(result.sources.map((s) => [s.file, s.status, s.via, s.rowsRead])).toEqual([
      ["in/phu-trung.xlsx", "ok", "heading", 7 + 25],
      ["in/Xã Tân Lợi.xlsx", "ok", "heading", 32 + 18],
      ["in/minh_hung.xlsx", "ok", "heading", 32 + 13],
      ["in/PL_NhonTrach_2026.xlsx", "ok", "heading", 24],
    ]);
    expect(result.sources.map((s) => s.tables.map((t) => [t.sheet, t.indicators, t.tasks]))).toEqual([
      [["Phụ lục", 7, 25]],
      [
        ["Chỉ tiêu", 32, 0],
        ["Phụ lục nhiệm vụ", 0, 18],
      ],
      [
        ["Phụ lục I", 32, 0],
        ["Phụ lục II", 0, 13],
      ],
      [["Chỉ tiêu", 24, 0]],
    ]);
  });

  it("matches one indicator across four wordings and positions, whatever way the result was typed", () => {
    const i = ind("HT-01");
    expect(perUnit(i)).toEqual([
      ["Xã Phú Trung", "80%", 0.58, 0.725, false], // "58%" against 80 (no unit: the catalog's %)
      ["Xã Tân Lợi", "≥ 60%", 0.72, 1.2, true], // text "72%"
      ["Phường Minh Hưng", "≥ 60%", 0.72, 1.2, true], // number 72
      ["Phường Nhơn Trạch", "≥ 60%", 0.72, 1.2, true], // 0.72 formatted 0%
    ]);
    expect([i.unitsWithRow, i.unitsReporting, i.unitsMet, i.shareMet, i.min, i.median, i.max, i.unitsBelowProvince]).toEqual([
      4, 4, 3, 0.75, 0.58, 0.72, 0.72, 0,
    ]);
  });

  it("counts targets below the province's and the spread of results (digital signatures)", () => {
    const i = ind("CDS-17"); // province: ≥ 80%
    expect(perUnit(i)).toEqual([
      ["Xã Phú Trung", "≥ 80%", null, null, false],
      ["Xã Tân Lợi", "≥ 50%", 0.5, 1, true],
      ["Phường Minh Hưng", "≥ 80%", 0.79, 0.9875, false],
      ["Phường Nhơn Trạch", "≥ 40%", 0.45, 1.125, true],
    ]);
    // 3 reported, 2 met: 2/3; results .45, .5, .79; 000 (40%) and 001 (50%) are below 80%.
    expect([i.unitsReporting, i.unitsMet, i.shareMet, i.min, i.median, i.max, i.unitsBelowProvince]).toEqual([3, 2, 0.6667, 0.45, 0.5, 0.79, 2]);
  });

  it("reads decimal commas in text and bare targets (online dossiers)", () => {
    const i = ind("CDS-06"); // province: ≥ 95%
    expect(perUnit(i)).toEqual([
      ["Xã Tân Lợi", "≥ 95%", 0.965, 1.0158, true], // 0.965 / 0.95
      ["Phường Minh Hưng", "95%", 0.93, 0.9789, false], // 0.93 / 0.95
      ["Phường Nhơn Trạch", "≥ 90%", 0.9, 1, true],
    ]);
    expect([i.unitsReporting, i.unitsMet, i.shareMet, i.min, i.median, i.max, i.unitsBelowProvince]).toEqual([3, 2, 0.6667, 0.9, 0.93, 0.965, 1]);
  });

  it("handles counts, qualitative targets and results that are not numbers", () => {
    const kh06 = ind("KH-06");
    expect(perUnit(kh06)).toEqual([["Phường Nhơn Trạch", "≥ 1", 3, 3, true]]);
    expect([kh06.unitsReporting, kh06.unitsMet, kh06.shareMet, kh06.min, kh06.median, kh06.max]).toEqual([1, 1, 1, 3, 3, 3]);

    // Tân Lợi's row has no target (001 III.01): the catalog's is never put in its place, so
    // its result is not counted. Nhơn Trạch's "Đã triển khai" is free text against a
    // qualitative target: for a person to judge, not counted either.
    const kh04 = ind("KH-04");
    expect(perUnit(kh04)).toEqual([
      ["Xã Tân Lợi", null, "Chưa triển khai", null, false],
      ["Phường Nhơn Trạch", "Có triển khai", "Đã triển khai", null, false],
    ]);
    expect(kh04.perUnit.map((p) => [p.targetFrom, p.targetProblem, p.resultProblem])).toEqual([
      [null, "missing", "no-target"],
      ["row", null, "free-text"],
    ]);
    expect([kh04.unitsReporting, kh04.unitsMet, kh04.shareMet, kh04.min, kh04.median, kh04.max]).toEqual([0, 0, null, null, null, null]);
    const tl = result.sources.find((s) => s.unit === "Xã Tân Lợi")!;
    expect(tl.problems.map((p) => p.code)).toEqual(["unreadable-target"]);
    expect(tl.problems[0].message).toContain("Chỉ tiêu dòng 15 (trống)");
    const nt = result.sources.find((s) => s.unit === "Phường Nhơn Trạch")!;
    expect(nt.problems.map((p) => p.code)).toEqual(["unreadable-result"]);
    expect(nt.problems[0].message).toContain("Chỉ tiêu dòng 17");

    const cds07 = ind("CDS-07");
    expect([cds07.unitsWithRow, cds07.unitsReporting, cds07.unitsMet, cds07.shareMet, cds07.min]).toEqual([2, 0, 0, null, null]);
    const mh = result.sources.find((s) => s.unit === "Phường Minh Hưng")!;
    expect(mh.problems.map((p) => p.code)).toEqual(["unreadable-result"]);
    expect(mh.problems[0].message).toContain("ở 1 dòng: Phụ lục I dòng 29 (“đang cập nhật”: không phải số)");
  });

  it("keeps rows outside the catalog in their own part, after the catalog's", () => {
    const outside = result.indicators.filter((i) => i.indicatorCode === null);
    expect(outside.map((i) => [i.name, i.unitsReporting, i.unitsMet])).toEqual([["Số buổi livestream giới thiệu nông sản OCOP", 1, 1]]);
    expect(perUnit(outside[0])).toEqual([["Xã Tân Lợi", "≥ 4", 6, 1.5, true]]);
    expect(result.indicators[result.indicators.length - 1].indicatorCode).toBeNull();
    // Catalog order: HT before NL before KH before CDS.
    const codes = result.indicators.filter((i) => i.indicatorCode).map((i) => i.indicatorCode!);
    expect(codes.indexOf("HT-01")).toBeLessThan(codes.indexOf("KH-04"));
    expect(codes.indexOf("KH-06")).toBeLessThan(codes.indexOf("CDS-06"));
  });

  it("counts tasks by state as of the report date and lists the overdue ones", () => {
    expect(result.tasks.map((t) => [t.unit, t.total, t.done, t.inProgress, t.notStarted, t.overdue, t.dueSoon, t.noDate])).toEqual([
      ["Xã Phú Trung", 25, 2, 2, 21, 2, 0, 0],
      ["Xã Tân Lợi", 18, 2, 2, 14, 0, 1, 0],
      ["Phường Minh Hưng", 13, 1, 2, 10, 2, 1, 3],
      ["Phường Nhơn Trạch", 0, 0, 0, 0, 0, 0, 0],
    ]);
    expect(result.overdue.map((t) => [t.unit, t.row, t.due, t.days])).toEqual([
      ["Xã Phú Trung", 25, "2026-03-31", 81],
      ["Xã Phú Trung", 31, "2025-12-31", 171],
      ["Phường Minh Hưng", 22, "2026-03-31", 81],
      ["Phường Minh Hưng", 24, "2026-03-31", 81],
    ]);
    expect(result.overdue[2].lead).toBe("Công an phường");
  });

  it("counts each source's findings with the same checker the check command uses", () => {
    for (const s of result.sources) {
      const wb = snapshots[s.file];
      expect(s.findings).toEqual(checkWorkbook({ ...wb }, { catalog: defaultCatalog(), asOf: AS_OF }).counts);
    }
  });

  it("writes the figures into the summary sheets of the output workbook", async () => {
    const { io, out, files: written } = fakeIO({ ...files });
    const code = await main(["consolidate", ...Object.keys(files), "-o", "out/tong-hop.xlsx", "--as-of", AS_OF], io);
    expect(code).toBe(0);
    expect(out.join("\n")).toContain("4/4 tệp được tổng hợp");
    const wb = await readBack(written["out/tong-hop.xlsx"]);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Tổng hợp chỉ tiêu", "Tổng hợp nhiệm vụ", "Nguồn"]);

    const sum = wb.sheets[0];
    const row = (code: string) => sum.values.find((r) => r[1] === code)!;
    // B code, E reference target, F with row, G reporting, H met, I share, J min, K median, L max, M below; then per unit N..Y.
    expect(row("HT-01").slice(4, 13)).toEqual([0.6, 4, 4, 3, 0.75, 0.58, 0.72, 0.72, 0]);
    expect(row("HT-01").slice(13, 25)).toEqual([0.8, 0.58, 0.725, 0.6, 0.72, 1.2, 0.6, 0.72, 1.2, 0.6, 0.72, 1.2]);
    expect(row("CDS-17").slice(4, 13)).toEqual([0.8, 4, 3, 2, 0.6667, 0.45, 0.5, 0.79, 2]);
    const h1 = sum.values.findIndex((r) => r[0] === "STT");
    expect(sum.values[h1].slice(13, 23)).toEqual(["Xã Phú Trung", null, null, "Xã Tân Lợi", null, null, "Phường Minh Hưng", null, null, "Phường Nhơn Trạch"]);
    const hdr = sum.values[h1 + 1].slice(13, 16);
    expect(hdr).toEqual(["Chỉ tiêu", "Kết quả", "Tỷ lệ đạt"]);
    const outside = sum.values.findIndex((r) => typeof r[2] === "string" && r[2].startsWith("Ngoài danh mục"));
    expect(sum.values[outside + 1][2]).toBe("Số buổi livestream giới thiệu nông sản OCOP");
    // Number formats show targets as officials write them.
    const ht01 = sum.values.findIndex((r) => r[1] === "HT-01");
    expect(sum.numberFormats?.[ht01]?.[4]).toBe('"≥ "0%');

    const tasks = wb.sheets[1];
    const unitRow = (u: string) => tasks.values.find((r) => r[1] === u)!.slice(2, 9);
    expect(unitRow("Xã Phú Trung")).toEqual([25, 2, 2, 21, 2, 0, 0]);
    expect(unitRow("Phường Minh Hưng")).toEqual([13, 1, 2, 10, 2, 1, 3]);
    expect(unitRow("Tổng cộng")).toEqual([25 + 18 + 13, 2 + 2 + 1, 2 + 2 + 2, 21 + 14 + 10, 4, 2, 3]);
    const listStart = tasks.values.findIndex((r) => typeof r[0] === "string" && r[0].startsWith("DANH SÁCH NHIỆM VỤ QUÁ HẠN"));
    // Unit in B, the task over C–E, days overdue in I.
    const list = tasks.values.slice(listStart + 2, listStart + 6).map((r) => [r[1], r[8]]);
    expect(list).toEqual([
      ["Xã Phú Trung", 81],
      ["Xã Phú Trung", 171],
      ["Phường Minh Hưng", 81],
      ["Phường Minh Hưng", 81],
    ]);

    const src = wb.sheets[2];
    const srcRows = src.values.slice(4, 8).map((r) => [r[1], r[2], r[3], r[7], r[11]]);
    expect(srcRows).toEqual([
      ["in/phu-trung.xlsx", "Xã Phú Trung", "25261", 32, "Đã tổng hợp"],
      ["in/Xã Tân Lợi.xlsx", "Xã Tân Lợi", "25378", 50, "Đã tổng hợp"],
      ["in/minh_hung.xlsx", "Phường Minh Hưng", "25441", 45, "Đã tổng hợp"],
      ["in/PL_NhonTrach_2026.xlsx", "Phường Nhơn Trạch", "26485", 24, "Đã tổng hợp"],
    ]);
  });

  it("prints the same figures with --json", async () => {
    const { io, out } = fakeIO({ ...files });
    const code = await main(["consolidate", ...Object.keys(files), "--json", "--as-of", AS_OF], io);
    expect(code).toBe(0);
    const json = JSON.parse(out.join("\n"));
    expect(json.sources.map((s: { file: string; unit: string; status: string }) => [s.unit, s.status])).toEqual([
      ["Xã Phú Trung", "ok"],
      ["Xã Tân Lợi", "ok"],
      ["Phường Minh Hưng", "ok"],
      ["Phường Nhơn Trạch", "ok"],
    ]);
    const ht = json.indicators.find((i: { indicatorCode: string }) => i.indicatorCode === "HT-01");
    expect([ht.unitsReporting, ht.unitsMet, ht.min, ht.median, ht.max]).toEqual([4, 3, 0.58, 0.72, 0.72]);
    expect(ht.perUnit[0]).toEqual({ unit: "Xã Phú Trung", target: "80%", result: 0.58, rate: 0.725, met: false });
    expect(json.tasks[2]).toEqual({ unit: "Phường Minh Hưng", total: 13, done: 1, inProgress: 2, notStarted: 10, overdue: 2, dueSoon: 1, noDate: 3 });
    expect(Object.keys(json.sources[0].findings).sort()).toEqual(["error", "info", "warning"]);
  });

  it("plans new sheets only, under free names when the workbook already has them", () => {
    const plan = planConsolidation(result, ["Tổng hợp chỉ tiêu", "nguồn", "Chỉ tiêu"]);
    const added = plan.flatMap((e) => (e.op === "addSheet" ? [e.sheet] : []));
    expect(added).toEqual(["Tổng hợp chỉ tiêu (2)", "Tổng hợp nhiệm vụ", "Nguồn (2)"]);
    // Every edit targets one of the new sheets.
    for (const e of plan) if ("sheet" in e) expect(added).toContain(e.sheet);
  });
});
