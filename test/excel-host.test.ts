import { ExcelHost, toExcelInput } from "../src/hosts/excel/host";
import { FakeWorkbook, installExcelGlobals } from "./fakes/excel";
import { loadSeed } from "./seeds";
import type { Edit } from "../src/domain/edits";
import { readTable } from "../src/domain/reader";

beforeAll(installExcelGlobals);

const seedSheet = (id: string, name: string) => {
  const s = loadSeed(id).sheet(name);
  return { name: s.name, values: s.values, merges: s.merges };
};

describe("ExcelHost", () => {
  it("reads a sheet and the workbook's state in one round-trip, as the reader expects", async () => {
    const wb = new FakeWorkbook([seedSheet("002", "Phụ lục I"), { name: "Khác", values: [["x"]], protected: true }]);
    const host = new ExcelHost(wb.run, () => true);
    const { sheet, workbook } = await host.readSheet("Phụ lục I");
    expect(wb.syncs).toBe(1);
    expect(workbook.sheetNames).toEqual(["Phụ lục I", "Khác"]);
    expect(workbook.protectedSheets).toEqual(["Khác"]);
    expect(sheet.merges).toEqual(seedSheet("002", "Phụ lục I").merges);
    const t = readTable(sheet);
    expect(t.ok && t.table.rows.filter((r) => r.kind === "indicator")).toHaveLength(32);
    expect(t.ok && t.table.rows.find((r) => r.row === 27)?.cells.target?.address).toBe("D27");
  });

  it("reads a used range that does not start at A1 into A1-based rows", async () => {
    const wb = new FakeWorkbook([{ name: "S", values: [[], [null, null, "x"], [null, "y", "z"]] }]);
    const { sheet } = await new ExcelHost(wb.run, () => true).readSheet("S");
    expect(sheet.values[1][2]).toBe("x");
    expect(sheet.values[2][1]).toBe("y");
    expect(sheet.values[0]).toEqual([]);
  });

  it.each([100, 1000, 10000])("writes %i rows in one write round-trip after the command's read", async (rows) => {
    const wb = new FakeWorkbook([{ name: "S", values: [["a"]] }]);
    const host = new ExcelHost(wb.run, () => true);
    const { workbook } = await host.readSheet("S");
    const values = Array.from({ length: rows }, (_, i) => [i, `dòng ${i}`, { formula: `=A${i + 2}*2` }]);
    const edits: Edit[] = [
      { op: "addSheet", sheet: "Mới" },
      { op: "setValues", sheet: "Mới", range: `A2:C${rows + 1}`, values },
      { op: "setStyle", sheet: "Mới", range: `A2:C${rows + 1}`, style: { wrap: true, border: true, numberFormat: "0" } },
    ];
    await host.apply(edits, workbook);
    expect(wb.syncs).toBe(2);
    expect(wb.sheet("Mới").get(rows + 1, 3)?.formula).toBe(`=A${rows + 1}*2`);
  });

  it("splits a very large write into blocks under Excel on the web's request limit", async () => {
    const wb = new FakeWorkbook([{ name: "S", values: [["a"]] }]);
    const host = new ExcelHost(wb.run, () => true);
    const { workbook } = await host.readSheet("S");
    const long = "x".repeat(2000);
    const edits: Edit[] = [{ op: "addSheet", sheet: "Lớn" }];
    for (let b = 0; b < 5; b++) {
      edits.push({ op: "setValues", sheet: "Lớn", range: `A${b * 1000 + 1}:A${b * 1000 + 1000}`, values: Array.from({ length: 1000 }, () => [long]) });
    }
    await host.apply(edits, workbook);
    // 10 MB of text: the read, then three write requests of at most ~4 MB.
    expect(wb.syncs).toBe(4);
  });

  it("refuses a plan that would overwrite a sheet or write into a protected one, before writing anything", async () => {
    const wb = new FakeWorkbook([{ name: "Phụ lục I", values: [["x"]] }, { name: "Khoá", values: [["y"]], protected: true }]);
    const host = new ExcelHost(wb.run, () => true);
    await expect(host.apply([{ op: "addSheet", sheet: "phụ lục i" }])).rejects.toThrow("đã có");
    await expect(
      host.apply([
        { op: "addSheet", sheet: "Mới" },
        { op: "setValues", sheet: "Khoá", range: "A1", values: [["z"]] },
      ]),
    ).rejects.toThrow("đang được bảo vệ");
    expect(wb.log).toEqual([]);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Phụ lục I", "Khoá"]);
  });

  it("turns Office.js errors into Vietnamese messages", async () => {
    const wb = new FakeWorkbook([{ name: "S", values: [] }]);
    const host = new ExcelHost(wb.run, () => true);
    await expect(host.readSheet("Không có")).rejects.toThrow("Không tìm thấy trang tính");
  });

  it("keeps text that Excel would turn into a formula, number or date as text", () => {
    expect(toExcelInput("=HYPERLINK(\"http://x\")")).toBe("'=HYPERLINK(\"http://x\")");
    expect(toExcelInput("+cmd")).toBe("'+cmd");
    expect(toExcelInput("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(toExcelInput("01")).toBe("'01");
    expect(toExcelInput("10/2026")).toBe("'10/2026");
    expect(toExcelInput("Phòng VH-XH")).toBe("Phòng VH-XH");
    expect(toExcelInput({ formula: "=TODAY()" })).toBe("=TODAY()");
    expect(toExcelInput(0.6)).toBe(0.6);
    expect(toExcelInput(null)).toBe("");
  });
});
