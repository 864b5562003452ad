import { planCompute, type ComputePlan } from "./compute";
import { defaultCatalog } from "./catalog";
import type { CellValue, SheetSnapshot } from "./snapshot";
import type { Edit, CellInput } from "./edits";
import { parseRange, a1 } from "./address";
import { loadSeed } from "../../test/seeds";

const catalog = defaultCatalog();

function sheet(values: CellValue[][], extra: Partial<SheetSnapshot> = {}): SheetSnapshot {
  return { name: "Trang", values, ...extra };
}

/** A small indicator table: title in row 1, blank row 2, header in row 3. */
function indicatorSheet(rows: CellValue[][], extra: Partial<SheetSnapshot> = {}): SheetSnapshot {
  return sheet([["CHỈ TIÊU NĂM 2026"], [], ["STT", "Nội dung chỉ tiêu", "Đơn vị tính", "Kết quả", "Đơn vị chủ trì"], ...rows], extra);
}

function ok(plan: ComputePlan) {
  if (!plan.ok) throw new Error(`plan failed: ${plan.message}`);
  return plan;
}

/** What the edits write, cell by cell (setValues only). */
function writes(edits: Edit[]): Map<string, CellInput> {
  const out = new Map<string, CellInput>();
  for (const e of edits) {
    if (e.op !== "setValues") continue;
    const r = parseRange(e.range);
    e.values.forEach((row, i) => row.forEach((v, j) => out.set(a1(r.top + i, r.left + j), v)));
  }
  return out;
}

/** The sheet after the edits' values are written (enough to run the planner again). */
function applied(s: SheetSnapshot, edits: Edit[]): SheetSnapshot {
  const values = s.values.map((r) => [...r]);
  const formulas: (string | null)[][] = s.values.map((r) => r.map(() => null));
  for (const [addr, v] of writes(edits)) {
    const m = addr.match(/^([A-Z]+)(\d+)$/)!;
    const row = Number(m[2]) - 1;
    const col = parseRange(addr).left - 1;
    while (values.length <= row) values.push([]);
    while (formulas.length <= row) formulas.push([]);
    const isF = typeof v === "object" && v !== null;
    values[row][col] = isF ? null : (v as CellValue);
    formulas[row][col] = isF ? (v as { formula: string }).formula : null;
  }
  for (const r of values) for (let i = 0; i < r.length; i++) if (r[i] === undefined) r[i] = null;
  return { ...s, values, formulas };
}

describe("planCompute: where the columns and the report date go", () => {
  const s = indicatorSheet([
    ["I", "Hạ tầng số"],
    [1, "Tỷ lệ phủ sóng 5G trên địa bàn xã", "%", "≥ 60%", "Phòng VH-XH"],
  ]);

  it("adds result, rate and verdict right of the table, and the report-date block above them", () => {
    const plan = ok(planCompute(s, { catalog, asOf: "2026-06-20" }));
    const w = writes(plan.edits);
    expect(plan.added.map((a) => `${a.letter}:${a.label}${a.hidden ? " (ẩn)" : ""}`)).toEqual([
      "F:Kết quả thực hiện",
      "G:Tỷ lệ đạt (%)",
      "H:Đánh giá",
      "I:Dạng chuẩn của kết quả (tự động) (ẩn)",
      "J:Dạng số của kết quả (tự động) (ẩn)",
    ]);
    expect([w.get("F3"), w.get("G3"), w.get("H3")]).toEqual(["Kết quả thực hiện", "Tỷ lệ đạt (%)", "Đánh giá"]);
    // The helpers are hidden (out of sight and out of print); the columns people use are shown.
    const widths = plan.edits.find((e) => e.op === "columnWidths");
    expect(widths && widths.op === "columnWidths" && widths.widths.map((x) => [x.col, x.hidden])).toEqual([
      [6, false],
      [7, false],
      [8, false],
      [9, true],
      [10, true],
    ]);
    // The row above the header, over the new columns: the label and the date. A sheet of
    // indicators only gets no due-soon window (nothing there reads it).
    expect([w.get("F2"), w.get("G2")]).toEqual(["Ngày báo cáo", 46193]);
    expect([plan.reportDateCell, plan.windowCell]).toEqual(["G2", null]);
    expect([...w.values()]).not.toContain("Số ngày cảnh báo");
    // The rate and verdict read the result once read by the helpers (I tidies it, J makes
    // it a number as readResult does: a bare 1 in this plain cell is ambiguous), over 0.6.
    expect((w.get("G5") as { formula: string }).formula).toBe('=IFERROR(ROUND(J5/0.6,4),"")');
    expect((w.get("H5") as { formula: string }).formula).toBe('=IFERROR(CHOOSE(SIGN(ROUND(J5-0.6,9))+2,"Chưa đạt","Đạt","Vượt"),"")');
    expect((w.get("I5") as { formula: string }).formula.startsWith("=IF(ISNUMBER(F5),F5,SUBSTITUTE(")).toBe(true);
    expect((w.get("J5") as { formula: string }).formula.startsWith('=IFERROR(IF(ISNUMBER(I5),IF(I5=1,"",IF(I5>1,I5/100,I5)),')).toBe(true);
    expect(w.get("J5")).toMatchObject({ value: "" });
    // With its cached value: no result yet, so the rate shows nothing.
    expect((w.get("G5") as { value?: unknown }).value).toBe("");
    expect(plan.report).toEqual({
      name: "Trang",
      indicators: [{ row: 5, indicatorCode: "HT-01", target: "≥ 60%", result: null, rate: null, verdict: null }],
      tasks: [],
    });
    // The result column is input: the plan writes its header, never its cells.
    expect(w.has("F5")).toBe(false);
    for (const cell of ["F3", "G3", "H3", "F2", "G2", "G5", "H5"]) expect(plan.outputCells).toContain(cell);
  });

  it("stops and names the cell when something typed sits where a column goes", () => {
    const blocked = indicatorSheet([[1, "Tỷ lệ phủ sóng 5G trên địa bàn xã", "%", "≥ 60%", "Phòng VH-XH", null, null, "ghi chú"]]);
    const plan = planCompute(blocked, { catalog, asOf: null, today: "2026-06-20" });
    expect(plan).toMatchObject({ ok: false, code: "occupied", cell: "H4" });
    expect(!plan.ok && plan.message).toMatch(/Ô H4 đang có nội dung \("ghi chú"\).*"Đánh giá"/);
  });

  it("stops on a merged area in the way", () => {
    const merged = indicatorSheet([[1, "Tỷ lệ phủ sóng 5G trên địa bàn xã", "%", "≥ 60%", "Phòng VH-XH"]], { merges: ["E4:F4"] });
    const plan = planCompute(merged, { catalog, asOf: "2026-06-20" });
    expect(plan).toMatchObject({ ok: false, code: "occupied", cell: "F4" });
    expect(!plan.ok && plan.message).toMatch(/ô gộp E4:F4/);
  });

  it("stops and says so when there are no empty cells above the table for the report date", () => {
    const top = sheet([
      ["STT", "Nội dung chỉ tiêu", "Đơn vị tính", "Kết quả", "Đơn vị chủ trì"],
      [1, "Tỷ lệ phủ sóng 5G trên địa bàn xã", "%", "≥ 60%", "Phòng VH-XH"],
    ]);
    const plan = planCompute(top, { catalog, asOf: "2026-06-20" });
    expect(plan).toMatchObject({ ok: false, code: "no-room" });
    expect(!plan.ok && plan.message).toMatch(/Không còn ô trống phía trên bảng.*"Ngày báo cáo"/);
  });

  it("refuses a protected sheet", () => {
    expect(planCompute({ ...s, protected: true }, { catalog, asOf: "2026-06-20" })).toMatchObject({ ok: false, code: "protected" });
  });

  it("says there is no table on a sheet without one", () => {
    expect(planCompute(sheet([["Danh sách cán bộ"]]), { catalog, asOf: "2026-06-20" })).toMatchObject({ ok: false, code: "no-table" });
  });

  it("recognises its own columns and block on the next run: nothing added, the same formulas", () => {
    const first = ok(planCompute(s, { catalog, asOf: "2026-06-20" }));
    const again = ok(planCompute(applied(s, first.edits), { catalog, asOf: "2026-06-20" }));
    expect(again.added).toEqual([]);
    expect(again.reportDateCell).toBe(first.reportDateCell);
    const w1 = writes(first.edits);
    const w2 = writes(again.edits);
    for (const [addr, v] of w2) expect(w1.get(addr)).toEqual(v);
    expect(again.edits.some((e) => e.op === "conditionalFormat" || e.op === "columnWidths")).toBe(false);
  });
});

describe("planCompute: targets", () => {
  const rows: CellValue[][] = [
    [1, "Tỷ lệ phủ sóng 5G trên địa bàn xã", "%", 0.6, "Phòng VH-XH"], // a real number formatted 0%
    [2, "Tỷ lệ hộ gia đình có khả năng truy cập băng rộng", "%", 70, "Phòng VH-XH"], // 70 in a % indicator
    [3, "Sáng kiến cải tiến trong khu vực công", "Sáng kiến", "≥ 01", "Phòng VH-XH"], // text
    [4, "Tỷ lệ thủ tục hành chính được tiếp nhận trực tuyến 90%", "%", null, "Phòng VH-XH"], // target in the name
    [5, "Một chỉ tiêu không có chỉ tiêu", "%", null, "Phòng VH-XH"],
  ];
  const numberFormats = [[], [], [], ["General", "General", "General", "0%"]];
  let plan: ReturnType<typeof ok>;
  let w: ReturnType<typeof writes>;
  beforeEach(() => {
    plan = ok(planCompute(indicatorSheet(rows, { numberFormats }), { catalog, asOf: "2026-06-20" }));
    w = writes(plan.edits);
  });

  it("references a numeric target cell, scaling a bare 70 in a % indicator as the parser does", () => {
    expect((w.get("G4") as { formula: string }).formula).toContain("/D4,4)");
    expect((w.get("G5") as { formula: string }).formula).toContain("IF(D5>1,D5/100,D5)");
  });

  it("embeds a text target's value, or one written at the end of the name", () => {
    // "Sáng kiến" counts things: 0.5 of one is not judged (the helper J6 says "").
    expect((w.get("G6") as { formula: string }).formula).toBe('=IFERROR(ROUND(J6/1,4),"")');
    expect((w.get("J6") as { formula: string }).formula.startsWith('=IFERROR(IF(ISNUMBER(I6),IF(AND(I6>0,I6<1),"",I6),')).toBe(true);
    expect((w.get("G7") as { formula: string }).formula).toContain("/0.9,4)");
    expect(plan.report.indicators.map((i) => i.target)).toEqual(["60%", "70%", "≥ 1", "90%", null]);
  });

  it("clears rate and verdict where there is no target", () => {
    expect([w.get("G8"), w.get("H8")]).toEqual([null, null]);
  });
});

describe("planCompute: the report date and the window", () => {
  const taskSheet = (extraTop: CellValue[][] = [[], []]) =>
    sheet([
      ...extraTop,
      ["TT", "Tên nhiệm vụ", "Đơn vị chủ trì", "Thời gian hoàn thành"],
      [1, "Xây dựng Đề án Chuyển đổi số", "Phòng VH-XH", "Quý II/2026"],
      [2, "Báo cáo định kỳ", "Phòng VH-XH", "Trước ngày 20 hằng tháng"],
    ]);

  it("without --as-of writes =TODAY() and computes the report for today", () => {
    const plan = ok(planCompute(taskSheet(), { catalog, asOf: null, today: "2026-06-25" }));
    const w = writes(plan.edits);
    expect(w.get(plan.reportDateCell)).toEqual({ formula: "=TODAY()", value: 46198 }); // cached: 25/06/2026, the day it ran
    expect(plan.asOf).toBe("2026-06-25");
    // The monthly report: the 20th of June has passed, so the next is the 20th of July.
    expect(plan.report.tasks.map((t) => [t.dueDate, t.flag])).toEqual([
      ["2026-06-30", "due-soon"],
      ["2026-07-20", "none"],
    ]);
    // Columns E-H are added (status, completed, due, flag); the block sits in E1:F2.
    expect(plan.reportDateCell).toBe("F1");
    expect(w.get("G4")).toBe(46203); // 30/06/2026
    // J is the completion date's second helper: with none typed, the coming 20th.
    const [y, m, first] = ["YEAR($F$1)", "MONTH($F$1)", "DATE(YEAR($F$1),MONTH($F$1),1)"];
    const on = (k: string) => `DATE(${y},${m}${k},20)`;
    expect(w.get("G5")).toEqual({
      formula:
        `=IF(ISNUMBER(J5),IF(J5>=${first},${on("+1")},IF(OR($F$1>${on("")},J5>=DATE(${y},${m}-1,1)),${on("")},${on("-1")})),` +
        `IF($F$1<=${on("")},${on("")},${on("+1")}))`,
      value: 46223, // cached: 20/07/2026, the next monthly report after 25/06
    });
    const flag = (w.get("H5") as { formula: string }).formula;
    expect(flag.startsWith('=IF(AND(ISNUMBER(G5),G5<$F$1),"Quá hạn",')).toBe(true); // a month's report owed and past
    expect(flag).toContain('IF(G5<$F$1,"Quá hạn",IF(G5-$F$1<=$F$2,"Sắp đến hạn",""))');
    expect((w.get("H4") as { formula: string }).formula.startsWith("=IF(AND(SUMPRODUCT(")).toBe(true); // not monthly
  });

  it("keeps a date a person typed into the report-date cell and computes for it", () => {
    const s = taskSheet([
      [null, null, null, null, "Ngày báo cáo", 46203], // 30/06/2026
      [null, null, null, null, "Số ngày cảnh báo", 10],
    ]);
    const plan = ok(planCompute(s, { catalog, asOf: null, today: "2026-01-01" }));
    expect(plan.asOf).toBe("2026-06-30");
    expect(plan.dueSoonDays).toBe(10);
    expect(plan.reportDateCell).toBe("F1");
    expect(writes(plan.edits).has("F1")).toBe(false);
    expect(plan.outputCells).not.toContain("F1");
    expect(plan.report.tasks.map((t) => t.flag)).toEqual(["due-soon", "none"]);
  });

  it("stops when the report-date cell holds something that is not a date", () => {
    const s = taskSheet([[null, null, null, null, "Ngày báo cáo", "tháng này"], []]);
    const plan = planCompute(s, { catalog, asOf: null, today: "2026-01-01" });
    expect(plan).toMatchObject({ ok: false, code: "bad-report-date", cell: "F1" });
  });

  it("--as-of overwrites the report-date cell (the person asked for that date)", () => {
    const s = taskSheet([[null, null, null, null, "Ngày báo cáo", 46203], [null, null, null, null, "Số ngày cảnh báo", 10]]);
    const plan = ok(planCompute(s, { catalog, asOf: "2026-07-15" }));
    expect(writes(plan.edits).get("F1")).toBe(46218);
    expect(plan.report.tasks[0].flag).toBe("overdue");
  });
});

describe("planCompute: layouts", () => {
  it("004 (mixed): validation for status and dates only on task rows, both sets of columns", () => {
    const plan = ok(planCompute(loadSeed("004").sheet("Phụ lục"), { catalog, asOf: "2026-06-20" }));
    expect(plan.added.map((a) => a.label)).toEqual([
      "Kết quả thực hiện",
      "Tỷ lệ đạt (%)",
      "Đánh giá",
      "Tình trạng",
      "Ngày hoàn thành",
      "Hạn hoàn thành (ngày)",
      "Cảnh báo",
      "Dạng chuẩn của kết quả (tự động)",
      "Dạng số của kết quả (tự động)",
      "Dạng chuẩn của ngày hoàn thành (tự động)",
      "Dạng số của ngày hoàn thành (tự động)",
    ]);
    const lists = plan.edits.filter((e) => e.op === "listValidation").map((e) => (e as { range: string }).range);
    expect(lists).toEqual(["J9:J10", "J19:J22", "J24:J26", "J28:J32", "J34:J35", "J37:J41", "J43:J46"]);
    const w = writes(plan.edits);
    expect(w.get("H14")).toEqual(expect.objectContaining({ formula: expect.stringContaining("IF(E14>1,E14/100,E14)") }));
    expect([w.get("L14"), w.get("M14")]).toEqual([null, null]);
    expect([w.get("H9"), w.get("I9")]).toEqual([null, null]);
    expect(plan.report.indicators.length + plan.report.tasks.length).toBe(32);
  });

  it("a header over two rows: each new column's header is merged over both", () => {
    const s = sheet(
      [
        ["KẾ HOẠCH NĂM 2026"],
        [],
        ["STT", "Nội dung chỉ tiêu", "Đơn vị tính", "Chỉ tiêu năm 2026", null, "Đơn vị chủ trì"],
        [null, null, null, "Chỉ tiêu giao", "Kết quả thực hiện", null],
        [1, "Tỷ lệ phủ sóng 5G trên địa bàn xã", "%", "≥ 60%", 0.7, "Phòng VH-XH"],
      ],
      { merges: ["A3:A4", "B3:B4", "C3:C4", "D3:E3", "F3:F4"] },
    );
    const plan = ok(planCompute(s, { catalog, asOf: "2026-06-20" }));
    expect(plan.added.map((a) => `${a.letter}:${a.label}`)).toEqual(["G:Tỷ lệ đạt (%)", "H:Đánh giá", "I:Dạng chuẩn của kết quả (tự động)", "J:Dạng số của kết quả (tự động)"]);
    const merges = plan.edits.filter((e) => e.op === "merge").map((e) => (e as { range: string }).range);
    expect(merges).toEqual(["G3:G4", "H3:H4", "I3:I4", "J3:J4"]);
    expect(plan.report.indicators[0]).toMatchObject({ result: 0.7, rate: 1.1667, verdict: "Vượt" });
  });

  it("a workbook from the appendix template that already has the columns: refreshed, not duplicated", () => {
    const s = sheet([
      [null, null, null, null, null, null, null, "Ngày báo cáo", 46193],
      [null, null, null, null, null, null, null, "Số ngày cảnh báo", 15],
      ["STT", "Nội dung chỉ tiêu", "Đơn vị tính", "Chỉ tiêu", "Đơn vị chủ trì", "Kết quả thực hiện", "Tỷ lệ đạt (%)", "Đánh giá", "Ghi chú"],
      [1, "Tỷ lệ phủ sóng 5G trên địa bàn xã", "%", "≥ 60%", "Phòng VH-XH", 0.7, 1.1667, "Vượt", "đã rà soát"],
    ]);
    const plan = ok(planCompute(s, { catalog, asOf: null, today: "2026-06-20" }));
    // Only the hidden helpers that this earlier layout lacked are added, right of the table.
    expect(plan.added.map((a) => [a.letter, a.hidden])).toEqual([
      ["J", true],
      ["K", true],
    ]);
    const w = writes(plan.edits);
    expect([...w.keys()].sort()).toEqual(["G4", "H4", "J3", "J4", "K3", "K4"]);
    expect(w.get("J4")).toMatchObject({ value: 0.7 });
    expect(w.get("K4")).toMatchObject({ value: 0.7 });
    expect((w.get("G4") as { formula: string }).formula).toBe('=IFERROR(ROUND(K4/0.6,4),"")');
    expect(plan.report.indicators[0]).toMatchObject({ result: 0.7, rate: 1.1667, verdict: "Vượt" });
  });
});
