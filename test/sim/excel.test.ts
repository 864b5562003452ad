/** The simulator's own tests: each documented rule it claims (see excel.ts's header). */
import { OfficeError, SimWorkbook, coerce, installExcelGlobals } from "./excel";
import { PROFILES, profile, supportsOf } from "./profiles";

beforeAll(installExcelGlobals);

const codeOf = async (p: Promise<unknown>) => ((await p.then(() => null, (e: unknown) => e)) as OfficeError | null)?.code;

describe("the Excel simulator", () => {
  it("queues writes until sync, and reading an unloaded property throws PropertyNotLoaded", async () => {
    const wb = new SimWorkbook([{ name: "S", values: [["a"]] }]);
    await wb.run(async (context) => {
      const r = context.workbook.worksheets.getItem("S").getRange("B1");
      r.values = [["b"]];
      expect(wb.grid("S")).toEqual([["a"]]);
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      r.load("values");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(r.values).toEqual([["b"]]);
      expect(() => r.address).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("runs a sync in order and stops at the first error, keeping what came before", async () => {
    const wb = new SimWorkbook([{ name: "S", values: [] }]);
    const code = await codeOf(
      wb.run(async (context) => {
        const ws = context.workbook.worksheets;
        ws.getItem("S").getRange("A1").values = [["trước"]];
        ws.getItem("Không có").getRange("A1").values = [["x"]];
        ws.getItem("S").getRange("A2").values = [["sau"]];
        await context.sync();
      }),
    );
    expect(code).toBe("ItemNotFound");
    expect(wb.grid("S")).toEqual([["trước"]]);
  });

  it("checks array shapes against the range", async () => {
    const wb = new SimWorkbook([{ name: "S", values: [] }]);
    expect(await codeOf(wb.run(async (c) => void (c.workbook.worksheets.getItem("S").getRange("A1:B1").values = [["x"]])))).toBe("InvalidArgument");
  });

  it("answers *OrNullObject with isNullObject after the sync, never null", async () => {
    const wb = new SimWorkbook([{ name: "S", values: [] }]);
    await wb.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Không có");
      const used = context.workbook.worksheets.getItem("S").getUsedRangeOrNullObject(true);
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(used.isNullObject).toBe(true);
    });
  });

  it("coerces text written through values or formulas as Excel does, unless it starts with an apostrophe", () => {
    expect(coerce("TRUE").value).toBe(true);
    expect(coerce("1E5").value).toBe(100000);
    expect(coerce("01").value).toBe(1);
    expect(coerce("50%").value).toBe(0.5);
    expect(coerce("#N/A").error).toBe("#N/A");
    expect(coerce("10/2026")).toMatchObject({ value: 46296, numberFormat: "mmm-yy" });
    expect(coerce("=A1*2").formula).toBe("=A1*2");
    expect(coerce("'01").value).toBe("01");
    expect(coerce("Phòng VH-XH").value).toBe("Phòng VH-XH");
    expect(coerce("1,5").value).toBe("1,5");
  });

  it("refuses writes on a protected sheet (AccessDenied) and values into a merged area's covered cells", async () => {
    const wb = new SimWorkbook([
      { name: "Khoá", values: [["x"]], protected: true },
      { name: "Gộp", values: [["t"]], merges: ["A1:C1"] },
    ]);
    expect(await codeOf(wb.run(async (c) => void (c.workbook.worksheets.getItem("Khoá").getRange("A2").values = [["y"]])))).toBe("AccessDenied");
    expect(await codeOf(wb.run(async (c) => void (c.workbook.worksheets.getItem("Gộp").getRange("A1:C1").values = [["a", "b", ""]])))).toBe("MergedRangeConflict");
    expect(await codeOf(wb.run(async (c) => c.workbook.worksheets.getItem("Gộp").getRange("B1:D1").merge(false)))).toBe("MergedRangeConflict");
    expect(wb.grid("Khoá")).toEqual([["x"]]);
  });

  it("defaults a new validation's error alert to Stop, and refuses a rule over existing validation until it is cleared", async () => {
    const wb = new SimWorkbook([{ name: "S", values: [], validations: [{ range: "B2:B9", rule: { list: { source: "a,b" } }, errorAlert: { showAlert: true, style: "Stop" } }] }]);
    const rule = { list: { inCellDropDown: true, source: "x,y" } };
    expect(await codeOf(wb.run(async (c) => void (c.workbook.worksheets.getItem("S").getRange("B2:B5").dataValidation.rule = rule)))).toBe("InvalidArgument");
    await wb.run(async (c) => {
      const dv = c.workbook.worksheets.getItem("S").getRange("C2:C5").dataValidation;
      dv.rule = rule;
    });
    expect(wb.sheet("S").validations.find((v) => v.range === "C2:C5")?.errorAlert.style).toBe("Stop");
    await wb.run(async (c) => {
      const dv = c.workbook.worksheets.getItem("S").getRange("B2:B9").dataValidation;
      dv.clear();
      dv.rule = rule;
    });
    expect(wb.sheet("S").validations.filter((v) => v.range === "B2:B9")).toHaveLength(1);
  });

  it("throws ItemNotFound from getItemByCell on a cell without a comment, and deletes a whole thread with it", async () => {
    const wb = new SimWorkbook([{ name: "S", values: [], comments: { A1: { content: "Chị Lan hỏi", replies: ["Anh Minh trả lời"] } } }], { profile: profile("excel2021") });
    expect(await codeOf(wb.run(async (c) => c.workbook.comments.getItemByCell("S!B1").delete()))).toBe("ItemNotFound");
    await wb.run(async (c) => c.workbook.comments.getItemByCell("S!A1").delete());
    expect(wb.comments.size).toBe(0);
  });

  it("has notes from ExcelApi 1.18 only: ApiNotFound below it, at the sync", async () => {
    const add = (wb: SimWorkbook) => wb.run(async (c) => c.workbook.worksheets.getItem("S").notes.add("A1", "ghi chú"));
    const old = new SimWorkbook([{ name: "S", values: [] }], { profile: profile("excel2024") });
    expect(await codeOf(add(old))).toBe("ApiNotFound");
    const m365 = new SimWorkbook([{ name: "S", values: [] }], { profile: profile("m365") });
    await add(m365);
    expect(m365.sheet("S").notes.get("A1")).toBe("ghi chú");
    expect(await codeOf(add(m365))).toBe("InvalidArgument");
  });

  it("keeps custom XML parts (ExcelApi 1.5) by namespace; getXml's value comes after the sync", async () => {
    const wb = new SimWorkbook([{ name: "S", values: [] }], { profile: profile("excel2019") });
    await wb.run(async (c) => void c.workbook.customXmlParts.add(`<r xmlns="urn:x">1</r>`));
    await wb.run(async (c) => {
      const parts = c.workbook.customXmlParts.getByNamespace("urn:x").load("items/id");
      await c.sync();
      const xml = parts.items[0].getXml();
      expect(() => xml.value).toThrow();
      await c.sync();
      expect(xml.value).toBe(`<r xmlns="urn:x">1</r>`);
    });
  });

  it("computes DATE() in the workbook's date system", async () => {
    for (const date1904 of [false, true]) {
      const wb = new SimWorkbook([], { date1904 });
      const v = await wb.run(async (c) => {
        const r = c.workbook.functions.date(2000, 1, 1);
        r.load("value");
        await c.sync();
        return r.value;
      });
      expect(v).toBe(date1904 ? 35064 : 36526);
    }
  });

  it("on the web, refuses requests and responses over 5 MB (UTF-8 bytes); reads over 5,000,000 cells anywhere", async () => {
    const web = new SimWorkbook([{ name: "S", values: [] }], { profile: profile("web") });
    // 1.9 million "ệ" are 1.9 M UTF-16 units but 5.7 MB of UTF-8.
    const big = "ệ".repeat(1_900_000);
    expect(await codeOf(web.run(async (c) => void (c.workbook.worksheets.getItem("S").getRange("A1").values = [[big]])))).toBe("RequestPayloadSizeLimitExceeded");
    const desktop = new SimWorkbook([{ name: "S", values: [] }], { profile: profile("m365") });
    await desktop.run(async (c) => void (c.workbook.worksheets.getItem("S").getRange("A1").values = [[big]]));
    const code = await codeOf(
      desktop.run(async (c) => {
        c.workbook.worksheets.getItem("S").getRange("A1:XFD400").load("values");
        await c.sync();
      }),
    );
    expect(code).toBe("RangeExceedsLimit");
    web.sheet("S").cells.set("1,1", { value: big, formula: null, numberFormat: "General" });
    expect(await codeOf(web.run(async (c) => void c.workbook.worksheets.getItem("S").getRange("A1").load("values")))).toBe("ResponsePayloadSizeLimitExceeded");
  });

  it("fails a batch while a person is editing a cell, unless it asked to wait (delayForCellEdit)", async () => {
    const wb = new SimWorkbook([{ name: "S", values: [] }]);
    wb.cellEditMode = true;
    expect(await codeOf(wb.run(async (c) => void (c.workbook.worksheets.getItem("S").getRange("A1").values = [["x"]])))).toBe("InvalidOperationInCellEditMode");
    await wb.run({ delayForCellEdit: true }, async (c: Excel.RequestContext) => void (c.workbook.worksheets.getItem("S").getRange("A1").values = [["x"]]));
    expect(wb.delayedBatches).toBe(1);
    expect(wb.grid("S")).toEqual([["x"]]);
  });

  it("answers isSetSupported per profile", () => {
    const at = (id: (typeof PROFILES)[number]["id"], v: string) => supportsOf(profile(id))("ExcelApi", v);
    expect([at("excel2019", "1.8"), at("excel2019", "1.9"), at("excel2021", "1.14"), at("excel2021", "1.15")]).toEqual([true, false, true, false]);
    expect([at("excel2024", "1.17"), at("excel2024", "1.18"), at("m365", "1.18"), at("web", "1.18")]).toEqual([true, false, true, true]);
    expect(supportsOf(profile("m365"))("WordApi", "1.1")).toBe(false);
  });
});
