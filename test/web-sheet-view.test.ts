/**
 * The web page's grid model (src/web/sheetView.ts) over a real inserted appendix and a
 * generated commune report: which cells may be typed into, what typing writes (read as
 * Excel reads typing), that undo puts the sheet back exactly, and that the results it
 * caches for the add-in's formulas are what LibreOffice computes from the file.
 */
import { defaultCatalog } from "../src/domain/catalog";
import { planInsert } from "../src/domain/layout";
import { applyEdits, newWorkbook } from "../src/hosts/file/apply";
import { openWorkbook } from "../src/hosts/file/read";
import { FileHost } from "../src/hosts/file/host";
import { planCellEdit, sheetView, type EditableCell } from "../src/web/sheetView";
import { recalculate } from "./libreoffice";
import { readBack } from "./xlsx";
import { generateCommuneWorkbook } from "./generate";
import { COMMUNES } from "../src/catalog";

jest.setTimeout(180_000);

const catalog = defaultCatalog();
const TODAY = "2026-11-30";

async function insertedReport(): Promise<FileHost> {
  const commune = catalog.communes.find((c) => c.name === "Tân Lợi")!;
  const wb = await newWorkbook();
  const plan = planInsert({ commune, year: 2026, asOf: TODAY, appendices: ["I"], existingSheets: [], catalog, form: "bao-cao", reportDate: TODAY });
  applyEdits(wb, plan.edits);
  return new FileHost(wb, "phu-luc.xlsx");
}

/** The row of the indicator whose code cell reads `code`, and the table's columns by header. */
function locate(host: FileHost, code: string) {
  const s = host.snapshot("Phụ lục I");
  const header = s.values.findIndex((r) => r[0] === "STT") + 1;
  const col = (label: string) => s.values[header - 1].indexOf(label) + 1;
  const row = s.values.findIndex((r) => r.includes(code)) + 1;
  return { row, result: col("Kết quả thực hiện"), rate: col("Tỷ lệ đạt (%)"), verdict: col("Đánh giá"), target: col("Chỉ tiêu năm 2026") };
}

describe("the page's grid over an inserted report appendix", () => {
  it("offers the result cells of indicator rows, and nothing else, for typing", async () => {
    const host = await insertedReport();
    const s = host.snapshot("Phụ lục I");
    const view = sheetView(s, catalog, TODAY);
    const { row, result } = locate(host, "HT-01");
    expect(view.editable.get(`H${row}`)).toEqual({ kind: "result", row, col: result, label: "Kết quả thực hiện" });
    const kinds = new Set([...view.editable.values()].map((e) => e.kind));
    expect(kinds).toEqual(new Set(["result"]));
    // Group rows ("I", "II", ...) and the heading carry no result to type.
    for (const e of view.editable.values()) expect(typeof s.values[e.row - 1][0]).toBe("number");
    expect(view.editable.size).toBe(catalog.indicators.length);
  });

  it("reads typing as Excel does, recomputes the row's rate and verdict, and undoes exactly", async () => {
    const host = await insertedReport();
    const { row, result, rate, verdict, target } = locate(host, "HT-01");
    const before = host.snapshot("Phụ lục I");
    expect(before.values[row - 1][target - 1]).toBe(0.6); // "≥ 60%"
    const cell = sheetView(before, catalog, TODAY).editable.get(`H${row}`)!;
    const at = (c: number) => host.snapshot("Phụ lục I").values[row - 1][c - 1];
    const type = async (text: string, on: EditableCell = cell) => {
      const plan = planCellEdit(host.snapshot("Phụ lục I"), on, text, catalog, TODAY);
      if (!plan.ok) throw new Error(plan.message);
      await host.apply(plan.edits);
      return plan;
    };

    // "50%" into a General cell: 0.5, shown as a percentage; 50% of a 60% target is not met.
    const first = await type("50%");
    expect(at(result)).toBe(0.5);
    expect(host.snapshot("Phụ lục I").numberFormats?.[row - 1][result - 1]).toBe("0%");
    expect(at(rate)).toBeCloseTo(0.5 / 0.6, 4);
    expect(at(verdict)).toBe("Chưa đạt");
    // 70 typed into what is now a percentage cell is 70% (Excel's automatic percent entry), beyond the target.
    const second = await type("70");
    expect(at(result)).toBe(0.7);
    expect(at(verdict)).toBe("Vượt");
    // "0,6" with a decimal comma: 60%, exactly the target.
    const third = await type("0,6");
    expect(at(result)).toBe(0.6);
    expect(at(verdict)).toBe("Đạt");

    // Undone in turn, each step gives back the sheet as it was before it.
    await host.apply(third.undo);
    expect([at(result), at(verdict)]).toEqual([0.7, "Vượt"]);
    await host.apply(second.undo);
    expect([at(result), at(verdict)]).toEqual([0.5, "Chưa đạt"]);
    await host.apply(first.undo);
    expect(host.snapshot("Phụ lục I").values[row - 1]).toEqual(before.values[row - 1]);
  });

  it("puts back the cell, its format and the row's results when the one edit is undone", async () => {
    const host = await insertedReport();
    const { row } = locate(host, "HT-01");
    const before = host.snapshot("Phụ lục I");
    const cell = sheetView(before, catalog, TODAY).editable.get(`H${row}`)!;
    const plan = planCellEdit(before, cell, "45%", catalog, TODAY);
    if (!plan.ok) throw new Error(plan.message);
    await host.apply(plan.edits);
    await host.apply(plan.undo);
    const after = host.snapshot("Phụ lục I");
    expect(after.values[row - 1]).toEqual(before.values[row - 1]);
    expect((after.numberFormats?.[row - 1] ?? []).map((f) => f ?? "General")).toEqual((before.numberFormats?.[row - 1] ?? []).map((f) => f ?? "General"));
    expect(after.formulas?.[row - 1]).toEqual(before.formulas?.[row - 1]);
  });

  it("caches for the add-in's formulas what LibreOffice computes from the file", async () => {
    const host = await insertedReport();
    const typed: [string, string][] = [
      ["HT-01", "50%"],
      ["HT-02", "70"],
      ["HT-03", "1"],
    ];
    for (const [code, text] of typed) {
      const { row } = locate(host, code);
      const s = host.snapshot("Phụ lục I");
      const plan = planCellEdit(s, sheetView(s, catalog, TODAY).editable.get(`H${row}`)!, text, catalog, TODAY);
      if (!plan.ok) throw new Error(plan.message);
      await host.apply(plan.edits);
    }
    const bytes = await host.bytes();
    const cached = (await readBack(bytes)).sheets.find((s) => s.name === "Phụ lục I")!;
    const lo = (await readBack(await recalculate(bytes))).sheets.find((s) => s.name === "Phụ lục I")!;
    for (const [code] of typed) {
      const { row, rate, verdict } = locate(host, code);
      expect(cached.values[row - 1][verdict - 1]).toBe(lo.values[row - 1][verdict - 1]);
      expect(cached.values[row - 1][rate - 1] as number).toBeCloseTo(lo.values[row - 1][rate - 1] as number, 9);
      expect(["Đạt", "Vượt", "Chưa đạt"]).toContain(cached.values[row - 1][verdict - 1]);
    }
  });
});

describe("the page's grid over a commune's report with tasks", () => {
  it("offers statuses and completion dates, refuses what the sheet's lists would refuse", async () => {
    const bytes = await generateCommuneWorkbook(COMMUNES[5], { layout: "001", seed: 3, asOf: TODAY });
    const host = new FileHost(await openWorkbook(bytes, "x.xlsx"), "x.xlsx");
    const name = host.sheetNames().find((n) => sheetView(host.snapshot(n), catalog, TODAY).editable.size && [...sheetView(host.snapshot(n), catalog, TODAY).editable.values()].some((e) => e.kind === "status"))!;
    expect(name).toBeDefined();
    const s = host.snapshot(name);
    const cells = [...sheetView(s, catalog, TODAY).editable.values()];
    const status = cells.find((e) => e.kind === "status")!;
    const date = cells.find((e) => e.kind === "completedOn" && e.row === status.row)!;
    expect(date).toBeDefined();

    const badStatus = planCellEdit(s, status, "Xong rồi", catalog, TODAY);
    expect(badStatus).toEqual({ ok: false, message: expect.stringContaining("Chưa thực hiện, Đang thực hiện, Hoàn thành") });
    const badDate = planCellEdit(s, date, "cuối tháng", catalog, TODAY);
    expect(badDate).toEqual({ ok: false, message: expect.stringMatching(/không phải là ngày.*30\/06\/2026/) });

    const done = planCellEdit(s, status, "hoàn thành", catalog, TODAY);
    if (!done.ok) throw new Error(done.message);
    await host.apply(done.edits);
    const day = planCellEdit(host.snapshot(name), date, "ngày 15 tháng 6 năm 2026", catalog, TODAY);
    if (!day.ok) throw new Error(day.message);
    await host.apply(day.edits);
    const after = host.snapshot(name);
    expect(after.values[status.row - 1][status.col - 1]).toBe("Hoàn thành");
    expect(after.values[date.row - 1][date.col - 1]).toBe(46188); // 15/06/2026
    expect(after.numberFormats?.[date.row - 1][date.col - 1]).toMatch(/d/);
  });
});
