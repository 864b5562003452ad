import { summarize, planOverviewSheet, NO_LEAD, type Summary } from "./summary";
import type { ComputeReport } from "./compute";
import { defaultCatalog } from "./catalog";
import { readTable, type Table } from "./reader";
import type { CellValue } from "./snapshot";
import type { Edit } from "./edits";
import { parseRange, a1 } from "./address";

const catalog = defaultCatalog();

function table(name: string, values: CellValue[][]): Table {
  const r = readTable({ name, values });
  if (!r.ok) throw new Error(r.message);
  return r.table;
}

// Read inside each test (see sheets()), so each test exercises the reader itself.
const INDICATOR_ROWS: CellValue[][] = [
  ["ỦY BAN NHÂN DÂN PHƯỜNG MINH HƯNG"],
  [],
  ["STT", "Nội dung chỉ tiêu", "Đơn vị tính", "Kết quả", "Đơn vị chủ trì"],
  ["I", "Hạ tầng số"],
  [1, "Tỷ lệ phủ sóng 5G trên địa bàn phường", "%", "≥ 60%", "Phòng VH-XH"],
  [2, "Tỷ lệ điểm phát wifi công cộng do phường tự đặt", "%", "≥ 50%", "Phòng VH-XH"],
  ["II", "Nhóm riêng của phường"],
  [1, "Số buổi sinh hoạt câu lạc bộ", "Buổi", "≥ 4", "Phòng VH-XH"],
  [2, "Số lớp tập huấn", "Lớp", "≥ 2", "Phòng VH-XH"],
];

const TASK_ROWS: CellValue[][] = [
  ["ỦY BAN NHÂN DÂN PHƯỜNG MINH HƯNG"],
  [],
  ["TT", "Tên nhiệm vụ", "Đơn vị chủ trì", "Thời gian hoàn thành"],
  [1, "Nhiệm vụ A", "Phòng Văn hóa - Xã hội; Công an phường", "Quý I/2026"],
  [2, "Nhiệm vụ B", "Phòng VH-XH", "Năm 2026"],
  [3, "Nhiệm vụ C", "Công an xã", "Quý II/2026"],
  [4, "Nhiệm vụ D", null, "Theo hướng dẫn của tỉnh"],
];

const sheets = (): Table[] => [table("CT", INDICATOR_ROWS), table("NV", TASK_ROWS)];

// What planCompute would report, written by hand.
const reports: ComputeReport[] = [
  {
    name: "CT",
    indicators: [
      { row: 5, indicatorCode: "HT-01", target: "≥ 60%", result: 0.72, rate: 1.2, verdict: "Vượt" },
      { row: 6, indicatorCode: null, target: "≥ 50%", result: 0.3, rate: 0.6, verdict: "Chưa đạt" },
      { row: 8, indicatorCode: null, target: "≥ 4", result: null, rate: null, verdict: null },
      { row: 9, indicatorCode: null, target: "≥ 2", result: "hai lớp", rate: null, verdict: null },
    ],
    tasks: [],
  },
  {
    name: "NV",
    indicators: [],
    tasks: [
      { row: 4, deadlineText: "Quý I/2026", dueDate: "2026-03-31", status: "in-progress", completedOn: null, flag: "overdue" },
      { row: 5, deadlineText: "Năm 2026", dueDate: "2026-12-31", status: "done", completedOn: "2026-05-01", flag: "done" },
      { row: 6, deadlineText: "Quý II/2026", dueDate: "2026-06-30", status: null, completedOn: null, flag: "due-soon" },
      { row: 7, deadlineText: "Theo hướng dẫn của tỉnh", dueDate: null, status: "not-started", completedOn: null, flag: "no-date" },
    ],
  },
];

describe("summarize", () => {
  let s: Summary;
  beforeEach(() => {
    s = summarize(reports, sheets(), catalog);
  });

  it("counts indicators by group: the catalog's group, the sheet's group row matched to it, or the sheet's own", () => {
    expect(s.indicators.groups.map((g) => [g.code, g.name, g.beyond.count, g.met.count, g.notMet.count, g.notReported.count, g.unassessed.count, g.total])).toEqual([
      ["HT", "Phát triển hạ tầng số", 1, 0, 1, 0, 0, 2],
      [null, "Nhóm riêng của phường", 0, 0, 0, 1, 1, 2],
    ]);
    expect(s.indicators.total).toMatchObject({ total: 4, beyond: { count: 1 }, notMet: { count: 1 }, notReported: { count: 1 }, unassessed: { count: 1 } });
  });

  it("each count carries the rows behind it, pointing at the name cell", () => {
    expect(s.indicators.groups[0].notMet.rows).toEqual([
      { sheet: "CT", row: 6, cell: "B6", name: "Tỷ lệ điểm phát wifi công cộng do phường tự đặt" },
    ]);
  });

  it("counts tasks by the first lead body, by its canonical name for this ward", () => {
    const byLead = Object.fromEntries(s.tasks.leads.map((l) => [l.lead, l]));
    expect(s.tasks.leads[0].lead).toBe("Phòng Văn hóa - Xã hội"); // most overdue first
    expect(Object.keys(byLead).sort()).toEqual(["Công an phường", "Phòng Văn hóa - Xã hội", NO_LEAD].sort());
    expect(byLead["Phòng Văn hóa - Xã hội"]).toMatchObject({ total: 2, overdue: { count: 1 }, done: { count: 1 }, inProgress: { count: 1 } });
    expect(byLead["Công an phường"]).toMatchObject({ total: 1, dueSoon: { count: 1 }, notStarted: { count: 1 } });
    expect(byLead[NO_LEAD]).toMatchObject({ total: 1, noDate: { count: 1 }, notStarted: { count: 1 } });
    expect(byLead["Phòng Văn hóa - Xã hội"].overdue.rows).toEqual([{ sheet: "NV", row: 4, cell: "B4", name: "Nhiệm vụ A", dueDate: "2026-03-31" }]);
    expect(s.tasks.total).toMatchObject({ total: 4, overdue: { count: 1 }, dueSoon: { count: 1 }, done: { count: 1 }, noDate: { count: 1 } });
  });

  it("with only a catalog (no tables), groups by catalog code and puts tasks under no lead", () => {
    const bare = summarize(reports, catalog);
    expect(bare.indicators.groups.map((g) => [g.name, g.total])).toEqual([
      ["Phát triển hạ tầng số", 1],
      ["Chỉ tiêu khác", 3],
    ]);
    expect(bare.tasks.leads.map((l) => [l.lead, l.total])).toEqual([[NO_LEAD, 4]]);
  });
});

function valuesOf(edits: Edit[], sheet: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const e of edits) {
    if (e.op !== "setValues" || e.sheet !== sheet) continue;
    const r = parseRange(e.range);
    e.values.forEach((row, i) => row.forEach((v, j) => out.set(a1(r.top + i, r.left + j), v)));
  }
  return out;
}

describe("planOverviewSheet", () => {
  let s: Summary;
  beforeEach(() => {
    s = summarize(reports, sheets(), catalog);
  });

  it("adds a sheet with a free name, never over an existing one", () => {
    expect(planOverviewSheet(s, ["CT", "NV"]).sheet).toBe("Tổng quan");
    const again = planOverviewSheet(s, ["CT", "NV", "Tổng quan", "TỔNG QUAN (2)"]);
    expect(again.sheet).toBe("Tổng quan (3)");
    expect(again.edits[0]).toEqual({ op: "addSheet", sheet: "Tổng quan (3)" });
  });

  it("writes the summary as tables under the decree's heading, and asks for two charts beside them", () => {
    const plan = planOverviewSheet(s, ["CT", "NV"], { asOf: "2026-06-20" });
    const v = valuesOf(plan.edits, "Tổng quan");
    const rowOf = (text: string) => Number([...v.entries()].find(([, x]) => x === text)![0].replace(/^[A-Z]+/, ""));
    expect([v.get("A1"), v.get("A2"), v.get("B1"), v.get("B2")]).toEqual(["ỦY BAN NHÂN DÂN", "PHƯỜNG MINH HƯNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]);
    expect(v.get("A4")).toBe("TỔNG QUAN KẾT QUẢ THỰC HIỆN CHỈ TIÊU, NHIỆM VỤ NĂM 2026");
    expect(v.get("A5")).toBe("(Số liệu tính đến ngày 20 tháng 6 năm 2026; từ các trang: CT, NV)");
    // Indicator table: header, two groups, total.
    const head = rowOf("Nhóm chỉ tiêu");
    expect([head, head + 1, head + 2, head + 3].map((r) => ["A", "B", "C", "D", "E", "F", "G"].map((c) => v.get(`${c}${r}`)))).toEqual([
      ["Nhóm chỉ tiêu", "Đạt", "Vượt", "Chưa đạt", "Chưa báo cáo", "Chưa đánh giá được", "Tổng số"],
      ["Phát triển hạ tầng số", 0, 1, 1, 0, 0, 2],
      ["Nhóm riêng của phường", 0, 0, 0, 1, 1, 2],
      ["Tổng cộng", 0, 1, 1, 1, 1, 4],
    ]);
    const tasks = rowOf("Đơn vị chủ trì");
    expect([v.get(`A${tasks + 1}`), v.get(`B${tasks + 1}`)]).toEqual(["Phòng Văn hóa - Xã hội", 1]);
    const charts = plan.edits.filter((e) => e.op === "chart");
    expect(charts).toEqual([
      { op: "chart", sheet: "Tổng quan", type: "column", dataRange: `A${head}:E${head + 2}`, title: "Kết quả thực hiện chỉ tiêu theo nhóm", anchor: "K4" },
      { op: "chart", sheet: "Tổng quan", type: "bar", dataRange: `A${tasks}:B${tasks + 3}`, title: "Nhiệm vụ quá hạn theo đơn vị chủ trì", anchor: "K22" },
    ]);
    // The overdue list names the task, where it is, its lead and its due date.
    const row = rowOf("Công việc quá hạn") + 1;
    expect(["A", "B", "C", "D", "G"].map((c) => v.get(`${c}${row}`))).toEqual(["Nhiệm vụ A", "NV", 4, "Phòng Văn hóa - Xã hội", 46112]);
    // The signature block closes the printed page; the note on refreshing stays outside it.
    const sign = rowOf("THỦ TRƯỞNG ĐƠN VỊ");
    expect(v.get(`A${sign}`)).toBe("NGƯỜI LẬP BIỂU");
    expect(v.get(`E${sign - 1}`)).toBe("Minh Hưng, ngày … tháng … năm 2026");
    const setup = plan.edits.find((e) => e.op === "pageSetup");
    expect(setup).toMatchObject({ orientation: "landscape", fitToWidth: false, margins: { top: 20, bottom: 20, left: 30, right: 15 }, pageNumber: { skipFirst: true }, printArea: `A1:I${sign + 1}` });
    expect(String(v.get(`A${sign + 4}`))).toContain("không tự cập nhật");
  });

  it("leaves dots for the unit and the year when the sheets do not name them", () => {
    const plan = planOverviewSheet({ ...s, unit: null, year: null }, []);
    const v = valuesOf(plan.edits, "Tổng quan");
    expect([v.get("A2"), v.get("A4"), v.get("A5")]).toEqual(["XÃ, PHƯỜNG ……", "TỔNG QUAN KẾT QUẢ THỰC HIỆN CHỈ TIÊU, NHIỆM VỤ", "(Số liệu tại thời điểm tạo trang; từ các trang: CT, NV)"]);
  });

  it("is not itself read as an appendix table (compute must not add columns to it)", () => {
    const plan = planOverviewSheet(s, []);
    const v = valuesOf(plan.edits, "Tổng quan");
    const grid: CellValue[][] = [];
    for (const [addr, x] of v) {
      const r = parseRange(addr);
      grid[r.top - 1] ??= [];
      grid[r.top - 1][r.left - 1] = x as CellValue;
    }
    const filled = Array.from(grid, (row) => Array.from(row ?? [], (x) => x ?? null));
    expect(readTable({ name: "Tổng quan", values: filled }).ok).toBe(false);
  });
});
