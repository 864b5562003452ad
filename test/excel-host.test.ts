/** The Excel host on the simulator: the defects of issue 14, one by one. */
import { ExcelHost, toExcelInput } from "../src/hosts/excel/host";
import { SimWorkbook, coerce, installExcelGlobals } from "./sim/excel";
import { PROFILES, profile } from "./sim/profiles";
import { loadSeed } from "./seeds";
import { readTable } from "../src/domain/reader";
import { defaultCatalog } from "../src/domain/catalog";
import { runCheck, runFixes, runMarks, runUnmarks, type ActionEnv } from "../src/taskpane/actions";
import { HostError } from "../src/hosts/file/errors";

beforeAll(installExcelGlobals);

const seedSheet = (id: string, name: string) => {
  const s = loadSeed(id).sheet(name);
  return { name: s.name, values: s.values, merges: s.merges };
};
const envOf = (wb: SimWorkbook): ActionEnv => ({ host: new ExcelHost(wb.run, wb.supports), catalog: defaultCatalog(), today: () => "2026-11-30" });

describe("ExcelHost on the simulator", () => {
  it("reads a seed sheet and the workbook's state as the reader expects", async () => {
    const wb = new SimWorkbook([seedSheet("002", "Phụ lục I"), { name: "Khác", values: [["x"]], protected: true }]);
    const { sheet, workbook } = await new ExcelHost(wb.run, wb.supports).readSheet("Phụ lục I");
    expect(workbook.sheetNames).toEqual(["Phụ lục I", "Khác"]);
    expect(workbook.protectedSheets).toEqual(["Khác"]);
    expect(sheet.merges).toEqual(seedSheet("002", "Phụ lục I").merges);
    const t = readTable(sheet);
    expect(t.ok && t.table.rows.filter((r) => r.kind === "indicator")).toHaveLength(32);
  });

  it("reads a used range that does not start at A1 into A1-based rows", async () => {
    const wb = new SimWorkbook([{ name: "S", values: [[], [null, null, "x"], [null, "y", "z"]] }]);
    const { sheet } = await new ExcelHost(wb.run, wb.supports).readSheet("S");
    expect(sheet.values[1][2]).toBe("x");
    expect(sheet.values[2][1]).toBe("y");
    expect(sheet.values[0]).toEqual([]);
  });

  it("refuses a sheet whose used range a stray far value makes huge, without loading its cells", async () => {
    const wb = new SimWorkbook([{ name: "S", values: [["STT", "Nội dung"]] }]);
    wb.sheet("S").cells.set("1048576,16384", { value: "lạc", formula: null, numberFormat: "General" });
    const err = (await new ExcelHost(wb.run, wb.supports).readSheet("S").catch((e: unknown) => e)) as HostError;
    expect(err.message).toContain("Ctrl+End");
    // Only the first window (500 × 40 cells from A1) rides with the probe; the huge range is never loaded.
    expect(wb.syncLog.every((s) => s.responseBytes < 1_000_000)).toBe(true);
  });

  it("reads a table of very long texts on Excel on the web again by blocks when the first window overflows the 5 MB response", async () => {
    const web = PROFILES.find((p) => p.payloadLimit)!;
    const long = (r: number, c: number) => `Nhiệm vụ ${r}.${c}: ` + "triển khai chuyển đổi số ".repeat(50);
    const values = Array.from({ length: 300 }, (_, r) => Array.from({ length: 8 }, (_, c) => long(r, c)));
    const wb = new SimWorkbook([{ name: "S", values }], { profile: web });
    const { sheet } = await new ExcelHost(wb.run, wb.supports).readSheet("S");
    expect(sheet.values[299][7]).toBe(long(299, 7));
    expect(wb.syncLog[0].error).toBe("ResponsePayloadSizeLimitExceeded");
    expect(wb.syncLog.slice(1).every((s) => !s.error && s.responseBytes < 5 * 1024 * 1024)).toBe(true);
  });

  it("writes text Excel would coerce as the same text", async () => {
    const texts = ["TRUE", "1E5", "#N/A", "01", "10/2026", "1/2/2026", "50%", "=HYPERLINK(\"x\")", "+cmd", "-5", "'trích", "Phòng VH-XH", "9:30"];
    for (const t of texts) expect([t, coerce(toExcelInput(t)).value]).toEqual([t, t]);
    const wb = new SimWorkbook([{ name: "S", values: [["a"]] }]);
    await new ExcelHost(wb.run, wb.supports).apply([{ op: "setValues", sheet: "S", range: "A2:A14", values: texts.map((t) => [t]) }]);
    expect(wb.grid("S").slice(1).map((r) => r[0])).toEqual(texts);
  });

  it("reads and writes dates in a 1904 workbook as the 1900 serials the domain uses", async () => {
    const wb = new SimWorkbook([{ name: "S", values: [[46204 - 1462]], numberFormats: [["dd/mm/yyyy"]] }], { date1904: true });
    const host = new ExcelHost(wb.run, wb.supports);
    const { sheet, workbook } = await host.readSheet("S");
    expect(workbook.date1904).toBe(true);
    expect(sheet.values[0][0]).toBe(46204);
    await host.apply([{ op: "setValues", sheet: "S", range: "A1", values: [[46387]] }], workbook);
    expect(wb.grid("S")[0][0]).toBe(46387 - 1462);
  });

  it("marks with notes on 1.18 without touching a person's note or threaded comment, and restores the note exactly", async () => {
    const own = "Chị Lan: đã hỏi phòng Kinh tế\r\nngày 5/11";
    const wb = new SimWorkbook([{ ...seedSheet("002", "Phụ lục I"), notes: { E37: own }, comments: { E35: { content: "Anh Minh hỏi", replies: ["Trả lời"] } } }]);
    const env = envOf(wb);
    const report = await runCheck(env, "Phụ lục I", ["Phụ lục I"]);
    const done = await runMarks(env, report);
    expect(done).toMatchObject({ method: "note", notDone: [] });
    const notes = wb.sheet("Phụ lục I").notes;
    expect(notes.get("E37")!.startsWith(`${own}\n\n`)).toBe(true);
    expect(wb.comments.get("Phụ lục I!E35")).toEqual({ content: "Anh Minh hỏi", replies: ["Trả lời"] });
    // A new session: the pane was closed; the record in the workbook is enough.
    await runUnmarks(envOf(wb), "Phụ lục I");
    expect([...notes]).toEqual([["E37", own]]);
    expect(wb.comments.size).toBe(1);
  });

  it.each(["excel2021", "excel2024"] as const)("on %s marks with highlights (no notes), touching no comment, and takes them off", async (id) => {
    const wb = new SimWorkbook([{ ...seedSheet("002", "Phụ lục I"), comments: { E35: { content: "Anh Minh hỏi", replies: [] } } }], { profile: profile(id) });
    const env = envOf(wb);
    const report = await runCheck(env, "Phụ lục I", ["Phụ lục I"]);
    const done = await runMarks(env, report);
    expect(done).toMatchObject({ method: "fill", notDone: [] });
    expect(wb.sheet("Phụ lục I").condFormats.length).toBe(done.count);
    expect(wb.comments.size).toBe(1);
    await runUnmarks(envOf(wb), "Phụ lục I");
    expect(wb.sheet("Phụ lục I").condFormats).toEqual([]);
  });

  it("on Excel 2019 marks with highlights too (conditional formats are ExcelApi 1.6)", async () => {
    const wb = new SimWorkbook([seedSheet("002", "Phụ lục I")], { profile: profile("excel2019") });
    const env = envOf(wb);
    const done = await runMarks(env, await runCheck(env, "Phụ lục I", ["Phụ lục I"]));
    expect(done).toMatchObject({ method: "fill", notDone: [] });
  });

  it("a fix on a cell edited after the check leaves the edit in place and says so", async () => {
    const wb = new SimWorkbook([seedSheet("002", "Phụ lục I")]);
    const env = envOf(wb);
    const report = await runCheck(env, "Phụ lục I", ["Phụ lục I"]);
    const target = report.findings.find((f) => f.code === "target-punctuation")!;
    const { row, col } = { row: Number(target.fix!.cell.slice(1)), col: target.fix!.cell.charCodeAt(0) - 64 };
    wb.sheet("Phụ lục I").cells.set(`${row},${col}`, { value: "95%", formula: null, numberFormat: "General" });
    const done = await runFixes(env, report);
    expect(done.changedSince).toContain(target.fix!.cell);
    expect(wb.sheet("Phụ lục I").get(row, col)?.value).toBe("95%");
  });

  it("sets page margins (mm → points), the page number, print area and centring on 1.9+, and says it could not on Excel 2019", async () => {
    const edit = {
      op: "pageSetup" as const,
      sheet: "S",
      orientation: "landscape" as const,
      fitToWidth: true,
      margins: { top: 20, bottom: 20, left: 30, right: 15, header: 10, footer: 10 },
      pageNumber: { skipFirst: true },
      printArea: "A1:H40",
      centerHorizontally: true,
    };
    const wb = new SimWorkbook([{ name: "S", values: [["x"]] }]);
    expect(await new ExcelHost(wb.run, wb.supports).apply([edit])).toEqual({ notDone: [] });
    expect(wb.sheet("S").pageLayout).toMatchObject({ leftMargin: 85.04, topMargin: 56.69, printArea: "A1:H40", centerHorizontally: true, "headersFooters.state": "FirstAndDefault", "defaultForAllPages.centerHeader": '&"Times New Roman,Regular"&13&P', firstPageNumber: 1 });
    const old = new SimWorkbook([{ name: "S", values: [["x"]] }], { profile: profile("excel2019") });
    const out = await new ExcelHost(old.run, old.supports).apply([edit]);
    expect(out.notDone).toHaveLength(1);
    expect(out.notDone[0]).toContain("ExcelApi 1.9");
  });

  it("clears validation before setting it, and a free-text list only warns", async () => {
    const wb = new SimWorkbook([{ name: "S", values: [["x"]], validations: [{ range: "B2:B20", rule: { list: { source: "a" } }, errorAlert: { showAlert: true, style: "Stop" } }] }]);
    await new ExcelHost(wb.run, wb.supports).apply([{ op: "listValidation", sheet: "S", range: "B2:B20", source: ["Phòng A", "Phòng B"], errorStyle: "warning" }]);
    expect(wb.sheet("S").validations).toEqual([expect.objectContaining({ range: "B2:B20", errorAlert: expect.objectContaining({ style: "Warning" }) })]);
  });

  it("waits for a person typing in a cell instead of failing", async () => {
    const wb = new SimWorkbook([{ name: "S", values: [["x"]] }]);
    wb.cellEditMode = true;
    await new ExcelHost(wb.run, wb.supports).apply([{ op: "setValues", sheet: "S", range: "B1", values: [["y"]] }]);
    expect(wb.delayedBatches).toBe(1);
  });

  it("refuses a plan that would overwrite a sheet or write into a protected one, before writing anything", async () => {
    const wb = new SimWorkbook([{ name: "Phụ lục I", values: [["x"]] }, { name: "Khoá", values: [["y"]], protected: true }]);
    const host = new ExcelHost(wb.run, wb.supports);
    await expect(host.apply([{ op: "addSheet", sheet: "phụ lục i" }])).rejects.toThrow("đã có");
    await expect(host.apply([{ op: "addSheet", sheet: "Mới" }, { op: "setValues", sheet: "Khoá", range: "A1", values: [["z"]] }])).rejects.toThrow("đang được bảo vệ");
    expect(wb.log).toEqual([]);
  });
});
