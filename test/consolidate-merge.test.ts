/**
 * Inside one commune (--trong-xa): the departments' copies of Tân Lợi's appendices
 * (seed 001) merged row by row from the department that leads each row, with the
 * conflicts listed for a person instead of settled silently.
 */
import { consolidate, mergeDepartments, planConsolidation, readSource, type ConsolidationResult } from "../src/domain/consolidate";
import { defaultCatalog } from "../src/domain/catalog";
import { applyEdits, newWorkbook, workbookBytes } from "../src/hosts/file/apply";
import { readWorkbook } from "../src/hosts/file/read";
import { readTable } from "../src/domain/reader";
import { indicatorNameTest } from "../src/domain/match";
import { communeInLines } from "../src/domain/consolidate/identify";
import { main } from "../src/cli/main";
import type { CellValue } from "../src/domain/snapshot";
import { generateCommune, type Generated } from "./generate";
import { fakeIO } from "./consolidate-fixtures";
import { readBack } from "./xlsx";

const catalog = defaultCatalog();
const AS_OF = "2026-07-15";
const TAN_LOI = catalog.communes.find((c) => c.code === "25378")!;

interface Dept {
  file: string;
  label: string;
  leads: string[];
  overrides?: Record<string, CellValue>;
}

const DEPTS: Dept[] = [
  { file: "PL_PhongVHXH.xlsx", label: "Phòng Văn hóa - Xã hội", leads: ["van hoa"] },
  // Not the lead of task row 13 ("Các phòng, đơn vị"), and neither is anyone else.
  { file: "PL_TTPVHCC.xlsx", label: "Trung tâm Phục vụ hành chính công", leads: ["trung tam phuc vu"], overrides: { "Phụ lục nhiệm vụ!G13": "Hoàn thành" } },
  // Also types a 5G figure (row 6), which Phòng VH-XH leads.
  { file: "PL_CongAn.xlsx", label: "Công an xã", leads: ["cong an"], overrides: { "Chỉ tiêu!F6": "55%", "Phụ lục nhiệm vụ!G13": "Đang thực hiện" } },
  // No "Đơn vị báo cáo" line: the file name says who it is.
  { file: "PL_TramYTe.xlsx", label: "Trạm Y tế xã", leads: ["tram y te"], overrides: { "Chỉ tiêu!A3": null, "Phụ lục nhiệm vụ!A6": null } },
];

let made: Generated[];
let result: ConsolidationResult;

beforeAll(async () => {
  made = [];
  for (const d of DEPTS) {
    made.push(
      await generateCommune(TAN_LOI, {
        layout: "001",
        seed: 7,
        asOf: AS_OF,
        fill: 1,
        department: { label: d.label, leads: d.leads },
        ...(d.overrides ? { overrides: d.overrides } : {}),
      }),
    );
  }
  const sources = await Promise.all(made.map(async (g, i) => ({ file: DEPTS[i].file, workbook: await readBack(g.bytes) })));
  result = consolidate(sources, { catalog, asOf: AS_OF, withinCommune: true });
});

const truthOf = (i: number, sheet: string, row: number) => made[i].truth.indicators.find((t) => t.sheet === sheet && t.row === row)!;

describe("merging the departments' copies inside one commune", () => {
  it("identifies each department (marker line, or file name) and the commune", () => {
    expect(result.commune).toEqual({ code: "25378", label: "Xã Tân Lợi" });
    expect(result.sources.map((s) => [s.file, s.unit, s.unitCode, s.via, s.kind, s.status])).toEqual([
      ["PL_PhongVHXH.xlsx", "Phòng Văn hóa - Xã hội", "VH-XH", "marker", "Phòng, ban, đơn vị", "ok"],
      ["PL_TTPVHCC.xlsx", "Trung tâm Phục vụ hành chính công", "TTPVHCC", "marker", "Phòng, ban, đơn vị", "ok"],
      ["PL_CongAn.xlsx", "Công an xã", "CA", "marker", "Phòng, ban, đơn vị", "ok"],
      ["PL_TramYTe.xlsx", "Trạm Y tế xã", "TYT", "file-name", "Phòng, ban, đơn vị", "ok"],
    ]);
  });

  it("takes each row from the department that leads it", () => {
    const merge = result.merge!;
    expect(merge.appendices.map((a) => [a.name, a.rows.filter((r) => r.kind !== "group").length])).toEqual([
      ["Chỉ tiêu", 31],
      ["Phụ lục nhiệm vụ", 18],
    ]);
    const indicators = merge.rows.filter((r) => r.appendix === "Chỉ tiêu" && r.kind === "indicator");
    // Leads in seed 001 by hand: Phòng VH-XH 18 rows, Trung tâm PVHCC 10, Công an 2, Trạm Y tế 1.
    const by = (code: string) => indicators.filter((r) => r.from?.unitCode === code).length;
    expect([by("VH-XH"), by("TTPVHCC"), by("CA"), by("TYT")]).toEqual([18, 10, 2, 1]);
    expect(indicators.every((r) => r.why === "lead")).toBe(true);
    // Row 38 (Sổ sức khỏe điện tử, "Trạm Y tế xã") carries the health station's figure as it typed it.
    const r38 = indicators.find((r) => r.key === "CDS-22")!;
    expect(r38.values.result).toEqual(truthOf(3, "Chỉ tiêu", 38).typed);
  });

  it("lists a conflict for a person, keeping the lead's figure when there is one", () => {
    const merge = result.merge!;
    const vhxh5g = truthOf(0, "Chỉ tiêu", 6);
    expect(merge.conflicts.map((c) => [c.appendix, c.key.startsWith("t:") ? "task" : c.key, c.resolution, c.values.map((v) => v.unit)])).toEqual([
      ["Chỉ tiêu", "HT-01", "lead", ["Phòng Văn hóa - Xã hội", "Công an xã"]],
      ["Phụ lục nhiệm vụ", "task", "undecided", ["Trung tâm Phục vụ hành chính công", "Công an xã"]],
    ]);
    const [five, task] = merge.conflicts;
    expect(five.values.map((v) => v.text)).toEqual([`${Math.round((vhxh5g.meant as number) * 100)}%`, "55%"]);
    expect(five.message).toContain("Đã lấy theo đơn vị chủ trì (Phòng Văn hóa - Xã hội)");
    expect(task.values.map((v) => v.text)).toEqual(["Hoàn thành", "Đang thực hiện"]);
    expect(task.message).toContain("Chưa chọn giá trị nào");

    const row5g = merge.rows.find((r) => r.key === "HT-01")!;
    expect([row5g.from?.unitCode, row5g.values.result, row5g.conflict]).toEqual(["VH-XH", vhxh5g.typed, 0]);
    const row13 = merge.rows.find((r) => r.appendix === "Phụ lục nhiệm vụ" && r.conflict === 1)!;
    expect([row13.why, row13.from, row13.values.status ?? null, row13.values.lead]).toEqual(["undecided", null, null, "Các phòng, đơn vị"]);
  });

  it("counts each department's rows in the summaries, and rows nobody leads apart", () => {
    expect(result.units.map((u) => u.label)).toEqual([
      "Phòng Văn hóa - Xã hội",
      "Trung tâm Phục vụ hành chính công",
      "Công an xã",
      "Trạm Y tế xã",
      "Chưa có tệp của đơn vị chủ trì",
    ]);
    // Tasks led by Phòng VH-XH in seed 001: every task but row 13 ("Các phòng, đơn vị").
    const vh = made[0].truth.tasks.filter((t) => t.row !== 13);
    const n = (s: string | null) => vh.filter((t) => t.status === s).length;
    expect(result.tasks.map((t) => [t.unit, t.total])).toEqual([
      ["Phòng Văn hóa - Xã hội", 17],
      ["Trung tâm Phục vụ hành chính công", 0],
      ["Công an xã", 0],
      ["Trạm Y tế xã", 0],
      ["Chưa có tệp của đơn vị chủ trì", 1],
    ]);
    expect([result.tasks[0].done, result.tasks[0].inProgress, result.tasks[0].notStarted]).toEqual([
      n("Hoàn thành"),
      n("Đang thực hiện"),
      n("Chưa thực hiện") + n(null),
    ]);
    expect(result.tasks[4].notStarted).toBe(1); // the undecided row counts as nothing reported
    const ht01 = result.indicators.find((i) => i.indicatorCode === "HT-01")!;
    expect(ht01.perUnit.map((p) => p.unit)).toEqual(["Phòng Văn hóa - Xã hội"]);
  });

  it("writes merged sheets that read back as the same appendix, headed with the commune", async () => {
    const wb = await newWorkbook();
    applyEdits(wb, planConsolidation(result, []));
    const snap = await readWorkbook(await workbookBytes(wb), "tong-hop.xlsx");
    expect(snap.sheets.map((s) => s.name)).toEqual(["Tổng hợp chỉ tiêu", "Tổng hợp nhiệm vụ", "Nguồn", "Hợp nhất Chỉ tiêu", "Hợp nhất Phụ lục nhiệm vụ"]);
    const merged = snap.sheets[3];
    const read = readTable(merged, { isIndicatorName: indicatorNameTest(catalog) });
    if (!read.ok) throw new Error(read.message);
    expect(read.table.columns.map((c) => c.role)).toEqual(["number", "name", "unit", "target", "lead", "result"]);
    expect(read.table.rows.filter((r) => r.kind === "indicator")).toHaveLength(31);
    expect(communeInLines(catalog, read.table.heading).commune?.code).toBe("25378");
    const header = merged.values.findIndex((r) => r[0] === "STT");
    const row5g = merged.values.find((r) => r[1] === "Tỷ lệ phủ sóng 5G trên địa bàn xã")!;
    expect(row5g.slice(5, 8)).toEqual([truthOf(0, "Chỉ tiêu", 6).typed, "Phòng Văn hóa - Xã hội (đơn vị chủ trì)", expect.stringContaining("Công an xã: 55%")]);
    expect(merged.values[header].slice(6, 8)).toEqual(["Lấy từ", "Số liệu khác nhau"]);
    // The conflicts are listed in "Nguồn" too.
    const src = snap.sheets[2];
    const title = src.values.findIndex((r) => typeof r[0] === "string" && r[0].startsWith("CÁC DÒNG CÓ SỐ LIỆU KHÁC NHAU"));
    expect(src.values.slice(title + 2, title + 4).map((r) => r[2])).toEqual(["Tỷ lệ phủ sóng 5G trên địa bàn xã", expect.stringContaining("Phối hợp triển khai nhiệm vụ bảo đảm an toàn thông tin")]);
  });

  it("leaves out a file whose heading names another commune", async () => {
    const other = await generateCommune(catalog.communes.find((c) => c.code === "25387")!, {
      layout: "001",
      seed: 1,
      asOf: AS_OF,
      department: { label: "Phòng Kinh tế", leads: ["kinh te"] },
    });
    const sources = [
      ...(await Promise.all(made.slice(0, 2).map(async (g, i) => ({ file: DEPTS[i].file, workbook: await readBack(g.bytes) })))),
      { file: "PL_PhongKinhTe.xlsx", workbook: await readBack(other.bytes) },
    ];
    const r = consolidate(sources, { catalog, asOf: AS_OF, withinCommune: true, check: false });
    const ktFile = r.sources.find((s) => s.file === "PL_PhongKinhTe.xlsx")!;
    expect([ktFile.status, ktFile.included]).toEqual(["other-commune", false]);
    expect(ktFile.problem).toContain("Xã Thuận Lợi");
  });

  it("is available on its own: mergeDepartments(sources, catalog)", async () => {
    const ctx = { catalog, asOf: AS_OF, withinCommune: true, check: false as const };
    const read = await Promise.all(made.map(async (g, i) => readSource({ file: DEPTS[i].file, workbook: await readBack(g.bytes) }, ctx)));
    const m = mergeDepartments(read, catalog);
    expect(m.conflicts.map((c) => c.resolution)).toEqual(["lead", "undecided"]);
    expect(m.rows.filter((r) => r.kind !== "group")).toHaveLength(31 + 18);
  });

  it("runs from the command line with --trong-xa", async () => {
    const files: Record<string, Uint8Array> = {};
    made.forEach((g, i) => (files[DEPTS[i].file] = g.bytes));
    const h = fakeIO(files, AS_OF);
    const code = await main(["consolidate", ...DEPTS.map((d) => d.file), "--trong-xa", "-o", "hop-nhat.xlsx"], h.io);
    expect(code).toBe(0);
    expect(h.out.join("\n")).toContain("2 dòng có số liệu khác nhau");
    const wb = await readBack(h.files["hop-nhat.xlsx"]);
    expect(wb.sheets.map((s) => s.name)).toContain("Hợp nhất Phụ lục nhiệm vụ");
    const json = fakeIO(files, AS_OF);
    await main(["consolidate", ...DEPTS.map((d) => d.file), "--trong-xa", "--json"], json.io);
    expect(JSON.parse(json.out.join("\n")).conflicts).toHaveLength(2);
  });
});
