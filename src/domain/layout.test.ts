import {
  freeSheetName,
  insertPreview,
  markerOf,
  markersOf,
  parseSheetRef,
  planInsert,
  previewLines,
  defaultLead,
  liveAchievementFormulas,
  LIST_NAMES,
  type InsertOptions,
} from "./layout";
import { defaultCatalog } from "./catalog";
import { numericFormulas, qualitativeFormulas, resultTextFormula, resultValueFormula } from "./achieve-formulas";
import { isFormula, sheetsAdded, type Edit } from "./edits";

const catalog = defaultCatalog();
const commune = (name: string) => catalog.communes.find((c) => c.name === name)!;

function options(over: Partial<InsertOptions> = {}): InsertOptions {
  return { commune: commune("Tân Lợi"), year: 2026, asOf: "2026-03-01", appendices: ["I", "II"], existingSheets: [], catalog, ...over };
}

/** The defined names an edit list creates, as a workbook snapshot would report them. */
function namesOf(edits: Edit[]): Record<string, string> {
  return Object.fromEntries(edits.flatMap((e) => (e.op === "defineName" ? [[e.name, e.formula]] : [])));
}

/** The value an edit list writes into a cell, if any (last write wins). */
function written(edits: Edit[], sheet: string, address: string): unknown {
  const m = address.match(/^([A-Z]+)(\d+)$/)!;
  const col = m[1].split("").reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  const row = Number(m[2]);
  let found: unknown = undefined;
  for (const e of edits) {
    if (e.op !== "setValues" || e.sheet !== sheet) continue;
    const [from] = e.range.split(":");
    const f = from.match(/^([A-Z]+)(\d+)$/)!;
    const c0 = f[1].split("").reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
    const v = e.values[row - Number(f[2])]?.[col - c0];
    if (v !== undefined) found = v;
  }
  return found;
}

describe("freeSheetName", () => {
  it("keeps a free name and numbers a taken one, without regard to case", () => {
    expect(freeSheetName("Phụ lục I", [])).toBe("Phụ lục I");
    expect(freeSheetName("Phụ lục I", ["Phụ lục I"])).toBe("Phụ lục I (2)");
    expect(freeSheetName("Phụ lục I", ["phụ lục i", "PHỤ LỤC I (2)"])).toBe("Phụ lục I (3)");
    expect(freeSheetName("Phụ lục II", ["Phụ lục I", "Phụ lục I (2)"])).toBe("Phụ lục II");
    // NFD from another program is the same name.
    expect(freeSheetName("Phụ lục I", ["Phụ lục I".normalize("NFD")])).toBe("Phụ lục I (2)");
  });

  it("respects Excel's 31 characters and forbidden characters", () => {
    const long = "Danh mục các chỉ tiêu cụ thể năm 2026 của xã";
    const a = freeSheetName(long, []);
    expect(Array.from(a).length).toBeLessThanOrEqual(31);
    const b = freeSheetName(long, [a]);
    expect(Array.from(b).length).toBeLessThanOrEqual(31);
    expect(b.endsWith(" (2)")).toBe(true);
    expect(freeSheetName("Phụ lục [I]: 2026/2027?", [])).not.toMatch(/[\\/?*[\]:]/);
  });
});

describe("markers", () => {
  it("reads what each host reports for a defined name", () => {
    expect(parseSheetRef("='Phụ lục I'!$A$9:$K$9")).toEqual({ sheet: "Phụ lục I", range: "A9:K9" });
    expect(parseSheetRef("'Phụ lục I'!$A$9:$K$9")).toEqual({ sheet: "Phụ lục I", range: "A9:K9" });
    expect(parseSheetRef("Sheet1!$A$9")).toEqual({ sheet: "Sheet1", range: "A9" });
    expect(parseSheetRef("'Kế hoạch ''mới'''!$A$9:$M$9")).toEqual({ sheet: "Kế hoạch 'mới'", range: "A9:M9" });
    expect(parseSheetRef("=#REF!$A$9:$K$9")).toBeNull();
    expect(parseSheetRef('="indicators|2026.1"')).toBeNull();
  });

  it("recognises the add-in's sheets by name, whatever the case, and nothing else", () => {
    const names = {
      NQ57_indicators_v2026_1_1: "='Phụ lục I'!$A$9:$K$9",
      NQ57_tasks_v2026_1_2: "'Phụ lục II (2)'!$A$12:$M$12",
      NQ57_DS_DVT: "'Danh mục'!$G$5:$G$27",
      Print_Area: "'Phụ lục I'!$A$1:$K$60",
      NQ57_indicators_v2026_1_3: "=#REF!$A$9:$K$9",
    };
    expect(markerOf(names, "phụ lục i")).toMatchObject({ kind: "indicators", version: "2026.1", headerRow: 9, range: "A9:K9" });
    expect(markerOf(names, "Phụ lục II (2)")).toMatchObject({ kind: "tasks", headerRow: 12 });
    expect(markerOf(names, "Danh mục")).toBeNull();
    expect(markerOf(names, "Phụ lục II")).toBeNull();
    expect(markerOf(undefined, "Phụ lục I")).toBeNull();
    expect(markersOf(names)).toHaveLength(2);
  });
});

describe("planInsert", () => {
  it("plans new sheets only, under free names, as one edit list with sheets first", () => {
    const plan = planInsert(options({ existingSheets: ["Phụ lục I", "Kế hoạch"] }));
    expect(plan.sheets).toEqual(["Phụ lục I (2)", "Phụ lục II", "Danh mục"]);
    expect(sheetsAdded(plan.edits)).toEqual(plan.sheets);
    const firstOther = plan.edits.findIndex((e) => e.op !== "addSheet");
    expect(plan.edits.slice(0, firstOther).map((e) => e.op)).toEqual(["addSheet", "addSheet", "addSheet"]);
    for (const e of plan.edits) {
      if ("sheet" in e) expect([e.op, plan.sheets.includes(e.sheet)]).toEqual([e.op, true]);
    }
    expect(plan.planned[0]).toEqual({ name: "Phụ lục I (2)", kind: "indicators", wanted: "Phụ lục I" });
  });

  it("defines the lists' names before any drop-down refers to them", () => {
    const plan = planInsert(options());
    const defined = plan.edits.findIndex((e) => e.op === "defineName" && e.name === LIST_NAMES.bodies);
    const used = plan.edits.findIndex((e) => e.op === "listValidation" && e.source === `=${LIST_NAMES.bodies}`);
    expect(defined).toBeGreaterThanOrEqual(0);
    expect(used).toBeGreaterThan(defined);
  });

  it("marks each new sheet with its kind, the catalog version and its header row", () => {
    const existingNames = { NQ57_indicators_v2026_1_1: "='Phụ lục I'!$A$9:$K$9" };
    const plan = planInsert(options({ existingSheets: ["Phụ lục I"], existingNames }));
    const names = { ...existingNames, ...namesOf(plan.edits) };
    expect(markerOf(names, "Phụ lục I (2)")).toMatchObject({ kind: "indicators", version: "2026.2", headerRow: 9 });
    expect(markerOf(names, "Phụ lục I (2)")!.name).not.toBe("NQ57_indicators_v2026_1_1");
    expect(markerOf(names, "Phụ lục II")).toMatchObject({ kind: "tasks" });
    expect(markerOf(names, "Danh mục")).toMatchObject({ kind: "lists" });
  });

  it("reuses the add-in's own Danh mục and writes nothing into it", () => {
    const first = planInsert(options({ appendices: ["I"] }));
    const names = namesOf(first.edits);
    const plan = planInsert(options({ appendices: ["II"], existingSheets: first.sheets, existingNames: names, form: "bao-cao" }));
    expect(plan.sheets).toEqual(["Phụ lục II"]);
    expect(plan.edits.some((e) => e.op === "listValidation" && e.source === `=${LIST_NAMES.statuses}`)).toBe(true);
    expect(plan.notes.join(" ")).toContain("Dùng trang");
  });

  it("never redefines list names a deleted Danh mục left behind", () => {
    const stale = { NQ57_DS_DVT: "=#REF!$G$5:$G$27", NQ57_DS_TINHTRANG: "=#REF!$I$5:$I$7" };
    const plan = planInsert(options({ existingNames: stale }));
    const defined = Object.keys(namesOf(plan.edits));
    expect(defined).toEqual(expect.arrayContaining(["NQ57_DS_DVT_2", "NQ57_DS_DONVI", "NQ57_DS_TINHTRANG_2"]));
    expect(defined).not.toContain("NQ57_DS_DVT");
    expect(plan.edits.some((e) => e.op === "listValidation" && e.source === "=NQ57_DS_DVT_2")).toBe(true);
    // And a later insertion finds the lists under those names.
    const again = planInsert(options({ existingSheets: plan.sheets, existingNames: { ...stale, ...namesOf(plan.edits) }, form: "bao-cao" }));
    expect(again.edits.some((e) => e.op === "listValidation" && e.source === "=NQ57_DS_TINHTRANG_2")).toBe(true);
  });

  it("leaves a Danh mục made by a person alone and says what that costs", () => {
    const plan = planInsert(options({ existingSheets: ["Danh mục"], form: "bao-cao" }));
    expect(plan.sheets).toEqual(["Phụ lục I", "Phụ lục II"]);
    const lists = plan.edits.filter((e) => e.op === "listValidation");
    expect(lists.every((e) => e.op === "listValidation" && Array.isArray(e.source))).toBe(true);
    expect(lists).toHaveLength(1); // the status list, written into the rule
    expect(plan.notes.join(" ")).toContain("không do Phụ lục NQ57 tạo");
  });

  it("takes the commune's type on the plan date, else on the as-of date", () => {
    const nt = commune("Nhơn Trạch");
    expect(planInsert(options({ commune: nt, planDate: "2026-04-29" })).type).toBe("xa");
    expect(planInsert(options({ commune: nt, planDate: "2026-04-30" })).type).toBe("phuong");
    expect(planInsert(options({ commune: nt, asOf: "2026-05-01" })).type).toBe("phuong");
    const plan = planInsert(options({ commune: nt, planDate: "2026-04-30" }));
    expect(written(plan.edits, "Phụ lục I", "A2")).toBe("PHƯỜNG NHƠN TRẠCH");
    expect(written(plan.edits, "Phụ lục I", "A6")).toBe("(Kèm theo Kế hoạch số …/KH-UBND ngày 30 tháng 4 năm 2026 của UBND phường Nhơn Trạch)");
    expect(written(planInsert(options()).edits, "Phụ lục I", "A6")).toBe("(Kèm theo Kế hoạch số …/KH-UBND ngày … tháng … năm 2026 của UBND xã Tân Lợi)");
  });

  it("writes the report date as a date, or =TODAY() when none is given", () => {
    const today = planInsert(options({ form: "bao-cao" }));
    expect(written(today.edits, "Phụ lục I", today.indicators!.reportDateCell!)).toEqual({ formula: "=TODAY()", value: 46082 }); // cached: 01/03/2026, the day it ran
    const fixed = planInsert(options({ reportDate: "2026-06-30", form: "bao-cao" }));
    const cell = fixed.tasks!.reportDateCell!;
    expect(written(fixed.edits, "Phụ lục II", cell)).toBe(46203); // 30/06/2026
    const styled = fixed.edits.findIndex((e) => e.op === "setStyle" && e.sheet === "Phụ lục II" && e.range === cell && e.style.numberFormat === "dd/mm/yyyy");
    const valued = fixed.edits.findIndex((e) => e.op === "setValues" && e.sheet === "Phụ lục II" && e.range.startsWith(cell));
    expect(styled).toBeGreaterThanOrEqual(0);
    expect(valued).toBeGreaterThan(styled); // format first, so hosts store a date
  });

  it("plans nothing without an appendix", () => {
    const plan = planInsert(options({ appendices: [] }));
    expect(plan.edits).toEqual([]);
    expect(previewLines(plan)).toEqual(["Chưa chọn phụ lục nào để thêm."]);
  });

  it("previews in Vietnamese which sheets will be created", () => {
    const text = insertPreview(options({ existingSheets: ["Phụ lục I"] }));
    expect(text).toContain('"Phụ lục I (2)"');
    expect(text).toContain('đã có trang "Phụ lục I"');
    expect(text).toContain("48 chỉ tiêu trong 4 nhóm");
    expect(text).toContain('"Danh mục"');
    expect(text).toContain("xã Tân Lợi");
  });
});

describe("default lead bodies", () => {
  const ind = (code: string) => catalog.indicators.find((i) => i.code === code)!;
  it("names the body as the commune's type writes it and never puts a ward-only body in a commune", () => {
    expect(defaultLead(catalog, ind("CDS-16"), "xa")).toBe("Công an xã");
    expect(defaultLead(catalog, ind("CDS-16"), "phuong")).toBe("Công an phường");
    expect(defaultLead(catalog, ind("NL-01"), "xa")).toBe("Phòng Kinh tế");
    expect(defaultLead(catalog, ind("NL-01"), "phuong")).toBe("Phòng Kinh tế, Hạ tầng và Đô thị");
    expect(defaultLead(catalog, ind("KH-06"), "phuong")).toBe("Phòng Kinh tế, Hạ tầng và Đô thị");
    expect(defaultLead(catalog, ind("KH-06"), "xa")).toBe("Phòng Kinh tế");
  });
});

describe("live achievement formulas", () => {
  it("are achieve-formulas.ts's formulas, with the comparator and the result read from the helper columns", () => {
    const refs = { target: "E10", result: "H10", comparator: "L10", value: "M10", resultText: "N10", resultValue: "O10" };
    const f = liveAchievementFormulas(refs, { percentUnit: true, defaultComparator: ">=" });
    const n = numericFormulas("O10", "M10", { ref: "L10" });
    expect(f.resultText).toBe(resultTextFormula("H10"));
    expect(f.resultValue).toBe(resultValueFormula("N10", { percentUnit: true, resultFormat: "unknown" }));
    expect(f.rate).toContain(n.rate.slice(1));
    expect(f.verdict).toContain(n.verdict.slice(1));
    expect(f.verdict).toContain(qualitativeFormulas("H10").verdict.slice(1));
    expect(f.comparator.startsWith('=IF(ISNUMBER(E10),"≥"')).toBe(true);
    // The rate an official clicks reads the helpers, not the result cell.
    expect(f.rate).toBe('=IF(L10="","",IF(L10="định tính","",IF(OR(L10="≤",L10="<"),IFERROR(ROUND(M10/O10,4),IF(O10=0,1,"")),IFERROR(ROUND(O10/M10,4),""))))');
    // Excel 2019 and LibreOffice compute it: no functions that need a _xlfn prefix in a file.
    for (const text of Object.values(f)) expect(text).not.toMatch(/NUMBERVALUE|UNICHAR|LET\(|LAMBDA\(|TEXTSPLIT\(|IFS\(|SWITCH\(|DATEVALUE\(/);
    for (const text of Object.values(f)) expect(text.length).toBeLessThan(1024);
  });

  it("are written into every indicator row of the report form, and only there", () => {
    const plan = planInsert(options({ appendices: ["I"], form: "bao-cao" }));
    const rows = plan.edits.filter((e) => e.op === "setValues" && e.sheet === "Phụ lục I" && e.values.length > 40);
    expect(rows).toHaveLength(1);
    const grid = rows[0].op === "setValues" ? rows[0].values : [];
    const withFormulas = grid.filter((r) => r.some(isFormula));
    expect(withFormulas).toHaveLength(catalog.indicators.length);
  });
});
