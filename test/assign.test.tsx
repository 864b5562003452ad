/**
 * Confirming a row's indicator: xã Xuân Đường's sheet (test/fixtures/unseen/short-names.json)
 * names an indicator so briefly ("Giao dịch điện tử") that the matcher only suggests;
 * the official picks one, the code goes into a "Mã" column, and check, compute and
 * consolidate all take the row by that code. Expectations written by hand.
 */
import ExcelJS from "exceljs";
import { loadGrid } from "./seeds";
import { planAssignCode } from "../src/domain/assign";
import { checkSheet } from "../src/domain/validate";
import { planCompute } from "../src/domain/compute";
import { consolidate } from "../src/domain/consolidate";
import { defaultCatalog } from "../src/domain/catalog";
import type { Edit, CellInput } from "../src/domain/edits";
import type { SheetSnapshot } from "../src/domain/snapshot";
import { parseRange } from "../src/domain/address";
import { main } from "../src/cli/main";
import { fakeIO } from "./consolidate-fixtures";
import { workbookOf } from "./xlsx";
import { renderToStaticMarkup } from "react-dom/server";
import { FindingList } from "../src/taskpane/components/FindingList";
import { ExcelHost } from "../src/hosts/excel/host";
import { SimWorkbook, installExcelGlobals } from "./sim/excel";
import { PROFILES } from "./sim/profiles";
import { runAssignCode, runCheck, type ActionEnv } from "../src/taskpane/actions";

const catalog = defaultCatalog();
const fresh = () => loadGrid("short-names.json").sheet("Chỉ tiêu");

/** The sheet after an edit list's values are written (what the next command reads). */
function applied(s: SheetSnapshot, edits: Edit[]): SheetSnapshot {
  const values = s.values.map((r) => [...r]);
  for (const e of edits) {
    if (e.op !== "setValues") continue;
    const r = parseRange(e.range);
    e.values.forEach((row: CellInput[], i) =>
      row.forEach((v, j) => {
        while (values.length < r.top + i) values.push([]);
        values[r.top + i - 1][r.left + j - 1] = v as string;
      }),
    );
  }
  return { ...s, values: values.map((row) => Array.from(row, (v) => v ?? null)) };
}

describe("assigning a catalog code to a row the matcher could not place", () => {
  it("starts from a finding that offers the closest entries", () => {
    const r = checkSheet(fresh(), { catalog });
    const f = r.findings.find((x) => x.code === "indicator-unknown")!;
    expect(f.cell).toBe("B5");
    expect(f.candidates!.map((c) => c.code).slice(0, 2).sort()).toEqual(["CDS-03", "CDS-14"]);
  });

  it("adds a narrow “Mã” column right of the table, outside the print area, and writes the code", () => {
    const sheet = { ...fresh(), print: { area: null, orientation: "landscape" as const, fitToWidth: true } };
    const plan = planAssignCode(sheet, [{ row: 5, code: "cds-14" }], catalog);
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.column).toEqual({ letter: "G", added: true });
    expect(plan.written).toEqual([{ cell: "G5", code: "CDS-14" }]);
    const values = plan.edits.filter((e) => e.op === "setValues").map((e) => [e.op === "setValues" && e.range, e.op === "setValues" && e.values]);
    expect(values).toEqual([
      ["G3", [["Mã"]]],
      ["G5", [["CDS-14"]]],
    ]);
    expect(plan.edits).toContainEqual({ op: "columnWidths", sheet: "Chỉ tiêu", widths: [{ col: 7, width: 7 }] });
    // No print area set: the used range would print, so the area becomes the columns left of "Mã", rows 1–6.
    expect(plan.edits).toContainEqual({ op: "pageSetup", sheet: "Chỉ tiêu", printArea: "A1:F6" });
  });

  it("leaves print alone when the print area already ends left of the new column", () => {
    const sheet = { ...fresh(), print: { area: "A1:F6", orientation: "portrait" as const, fitToWidth: false } };
    const plan = planAssignCode(sheet, [{ row: 5, code: "CDS-14" }], catalog);
    expect(plan.ok && plan.edits.some((e) => e.op === "pageSetup")).toBe(false);
  });

  it("refuses, naming the cell, when the new column's cells are not empty", () => {
    const sheet = fresh();
    sheet.values[5][6] = "ghi chú riêng"; // G6
    const plan = planAssignCode(sheet, [{ row: 5, code: "CDS-14" }], catalog);
    expect(plan).toMatchObject({ ok: false, code: "occupied", cell: "G6" });
    expect(!plan.ok && plan.message).toContain("Ô G6 đang có nội dung (\"ghi chú riêng\")");
  });

  it("refuses a row that is not an indicator and a code the catalog does not have", () => {
    expect(planAssignCode(fresh(), [{ row: 3, code: "CDS-14" }], catalog)).toMatchObject({ ok: false, code: "not-indicator" });
    expect(planAssignCode(fresh(), [{ row: 5, code: "CDS-99" }], catalog)).toMatchObject({ ok: false, code: "unknown-code" });
  });

  it("is trusted over the name by check, compute and consolidate", () => {
    const plan = planAssignCode(fresh(), [{ row: 5, code: "CDS-14" }], catalog);
    if (!plan.ok) throw new Error(plan.message);
    const after = applied(fresh(), plan.edits);
    const r = checkSheet(after, { catalog });
    expect(r.rows.map((x) => [x.row, x.indicatorCode])).toEqual([
      [4, "CDS-17"],
      [5, "CDS-14"],
      [6, "HT-01"],
    ]);
    expect(r.findings.filter((f) => f.code === "indicator-unknown")).toEqual([]);
    const c = planCompute(after, { catalog, asOf: "2026-09-30" });
    expect(c.ok && c.report.indicators.map((i) => [i.row, i.indicatorCode, i.verdict])).toEqual([
      [4, "CDS-17", "Vượt"],
      [5, "CDS-14", "Vượt"], // 85% ≥ 80%
      [6, "HT-01", null],
    ]);
    const cons = consolidate([{ file: "xuan-duong.xlsx", workbook: { sheets: [after] } }], { catalog, asOf: "2026-09-30", check: false });
    expect(cons.indicators.map((i) => i.indicatorCode)).toEqual(["HT-01", "CDS-14", "CDS-17"]);
  });

  it("writes into the table's own “Mã” column when it has one, whatever the name says", () => {
    const sheet = fresh();
    sheet.values[2] = [...sheet.values[2], "Mã"];
    sheet.values[3] = [...sheet.values[3], "CDS-17"];
    const plan = planAssignCode(sheet, [{ row: 5, code: "CDS-03" }], catalog);
    if (!plan.ok) throw new Error(plan.message);
    expect([plan.column, plan.written]).toEqual([{ letter: "G", added: false }, [{ cell: "G5", code: "CDS-03" }]]);
    expect(plan.edits.some((e) => e.op === "columnWidths" || e.op === "pageSetup")).toBe(false);
  });

  it("from the command line: --gan writes a copy, which is checked", async () => {
    const input = await workbookOf([fresh()]);
    const files: Record<string, Uint8Array> = { "xuan-duong.xlsx": input };
    const { io, out, err } = fakeIO(files);
    const code = await main(["check", "xuan-duong.xlsx", "--gan", "B5=CDS-14", "-o", "xuan-duong-ma.xlsx", "--json"], io);
    expect(code).toBe(0);
    expect(err.join("\n")).toContain('Đã ghi mã CDS-14 vào ô G5 (trang "Chỉ tiêu") trong tệp "xuan-duong-ma.xlsx".');
    const json = JSON.parse(out.join("\n"));
    expect(json.sheets[0].rows.map((x: { indicatorCode: string | null }) => x.indicatorCode)).toEqual(["CDS-17", "CDS-14", "HT-01"]);
    // The input is untouched; the copy keeps "Mã" out of its print area.
    expect(files["xuan-duong.xlsx"]).toBe(input);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(files["xuan-duong-ma.xlsx"].buffer.slice(0) as ArrayBuffer);
    const ws = wb.getWorksheet("Chỉ tiêu")!;
    expect([ws.getCell("G3").value, ws.getCell("G5").value]).toEqual(["Mã", "CDS-14"]);
    expect(String(ws.pageSetup.printArea).replace(/\$/g, "")).toBe("A1:F6");
  });

  it("from the command line: refuses --gan without -o, and a malformed assignment", async () => {
    const { io, err } = fakeIO({ "x.xlsx": await workbookOf([fresh()]) });
    expect(await main(["check", "x.xlsx", "--gan", "B5=CDS-14"], io)).toBe(2);
    expect(err.join("\n")).toContain("--gan cần tệp kết quả");
    expect(await main(["check", "x.xlsx", "--gan", "B5:CDS-14", "-o", "y.xlsx"], io)).toBe(2);
    expect(err.join("\n")).toContain("không đúng dạng Ô=MÃ");
  });
});

describe("assigning from the task pane", () => {
  beforeAll(installExcelGlobals);

  it.each(PROFILES.map((p) => [p.label, p] as const))("%s: reads once, writes once, and the next check takes the row by its code", async (_label, p) => {
    const wb = new SimWorkbook([{ name: "Chỉ tiêu", values: fresh().values }], { profile: p });
    const env: ActionEnv = { host: new ExcelHost(wb.run, wb.supports), catalog, today: () => "2026-09-30" };
    const before = wb.syncLog.length;
    const done = await runAssignCode(env, "Chỉ tiêu", 5, "CDS-14");
    expect(wb.syncLog.length - before).toBe(2);
    expect({ cell: done.cell, added: done.added }).toEqual({ cell: "G5", added: true });
    // Keeping "Mã" out of print needs page setup (ExcelApi 1.9): Excel 2019 says it could not.
    expect(done.notDone.length > 0).toBe(p.excelApi < 9);
    expect(wb.sheet("Chỉ tiêu").pageLayout.printArea).toBe(p.excelApi < 9 ? undefined : "A1:F6");
    expect([wb.grid("Chỉ tiêu")[2][6], wb.grid("Chỉ tiêu")[4][6]]).toEqual(["Mã", "CDS-14"]);
    const report = await runCheck(env, "Chỉ tiêu", ["Chỉ tiêu"]);
    expect(report.rows.find((r) => r.row === 5)?.indicatorCode).toBe("CDS-14");
  });

  it("offers the candidates as buttons in a workbook, and only as text for a read-only Word plan", () => {
    const finding = checkSheet(fresh(), { catalog }).findings.find((f) => f.code === "indicator-unknown")!;
    const withButtons = renderToStaticMarkup(<FindingList findings={[finding]} onSelect={() => undefined} onAssign={() => undefined} />);
    expect(withButtons).toMatch(/<button[^>]*>Gán CDS-14<\/button>/);
    const readOnly = renderToStaticMarkup(<FindingList findings={[finding]} onSelect={() => undefined} />);
    expect(readOnly).not.toContain("Gán CDS-14");
    expect(readOnly).toContain("Có thể là: CDS-14 Tỷ lệ giao dịch không dùng tiền mặt");
  });
});
