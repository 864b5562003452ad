/**
 * `phuluc compute` on a workbook made by `phuluc insert` (the province's appendix
 * template): its columns and its report-date cells are recognised (nothing added,
 * nothing duplicated), its own live formulas are kept, and what LibreOffice computes
 * from them equals the report compute prints.
 */
import ExcelJS from "exceljs";
import { main } from "../src/cli/main";
import type { CliIO } from "../src/cli/io";
import { recalcXlsx, xlsxValues } from "./recalc";
import { openWorkbook, snapshotWorkbook } from "../src/hosts/file/read";
import type { ComputeReport } from "../src/domain/compute";
import type { SheetSnapshot } from "../src/domain/snapshot";

jest.setTimeout(120_000);

const AS_OF = "2026-06-20";

function memIO(files: Map<string, Uint8Array>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readFile: async (p) => files.get(p)!,
    writeFile: async (p, d) => void files.set(p, d),
    exists: (p) => files.has(p),
    today: () => AS_OF,
  };
  return { io, out, err };
}

async function run(files: Map<string, Uint8Array>, args: string[]) {
  const { io, out, err } = memIO(files);
  const code = await main(args, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

async function template(): Promise<Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const r = await run(files, ["insert", "--xa", "Tân Lợi", "--nam", "2026", "--mau", "bao-cao", "-o", "mau.xlsx"]);
  expect(r.err).toBe("");
  return files.get("mau.xlsx")!;
}

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** An official fills the template: results for some indicators, three tasks. */
async function filled(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const bytes = await template();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const ind = wb.getWorksheet("Phụ lục I")!;
  ind.getCell("H11").value = 0.72; // HT-01, target 60%
  ind.getCell("H11").numFmt = "0%";
  ind.getCell("H12").value = 72; // HT-02, target 70%
  ind.getCell("H13").value = 0; // HT-03, 100%
  ind.getCell("H14").value = "Chưa đạt chuẩn"; // HT-04, "Tiên tiến, hiện đại"
  ind.getCell("H16").value = 1.2; // NL-01, 1% GRDP
  ind.getCell("E17").value = "≥ 90%"; // the official changed a target, as text
  ind.getCell("H17").value = 0.95;
  const tasks = wb.getWorksheet("Phụ lục II")!;
  const typeTask = (row: number, name: string, deadline: string, status: string | null, done: string | null) => {
    tasks.getCell(row, 1).value = row - 10;
    tasks.getCell(row, 3).value = name;
    tasks.getCell(row, 6).value = "Phòng Văn hóa - Xã hội";
    tasks.getCell(row, 8).value = deadline;
    tasks.getCell(row, 10).value = status;
    if (done) tasks.getCell(row, 11).value = utc(done);
  };
  typeTask(11, "Xây dựng Đề án Chuyển đổi số", "Quý II/2026", "Đang thực hiện", null);
  typeTask(12, "Tổ chức tập huấn kỹ năng số", "Tháng 3/2026", null, null);
  typeTask(13, "Báo cáo định kỳ", "Trước ngày 20 hằng tháng", "Hoàn thành", "2026-06-25");
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const formulasOf = (s: SheetSnapshot, col: number) => s.formulas!.map((r) => r[col - 1] ?? null);

describe("compute on the appendix template", () => {
  let input: Uint8Array;
  let output: Uint8Array;
  let json: { sheets: ComputeReport[] };

  beforeAll(async () => {
    input = await filled();
    const files = new Map([["in.xlsx", input]]);
    const r = await run(files, ["compute", "in.xlsx", "-o", "out.xlsx", "--as-of", AS_OF, "--json"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    output = files.get("out.xlsx")!;
    json = JSON.parse(r.out);
  });

  it("adds no column and no second report-date cell, and keeps the template's rate and verdict formulas", async () => {
    const before = snapshotWorkbook(await openWorkbook(input, "in.xlsx"));
    const after = snapshotWorkbook(await openWorkbook(output, "out.xlsx"));
    for (const name of ["Phụ lục I", "Phụ lục II"]) {
      const b = before.sheets.find((s) => s.name === name)!;
      const a = after.sheets.find((s) => s.name === name)!;
      expect(a.values[8]).toEqual(b.values[8]); // header row 9
      // The heading and the report-date block, but for the date --as-of wrote (K7 / L7).
      const dateCol = name === "Phụ lục I" ? 10 : 11;
      const withoutDate = (v: SheetSnapshot["values"]) => v.slice(0, 8).map((row, r) => row.map((x, c) => (r === 6 && c === dateCol ? "date" : x)));
      expect(withoutDate(a.values)).toEqual(withoutDate(b.values));
      expect(a.values[6][dateCol]).toBe(46193);
      const labels = a.values.flat().filter((v) => typeof v === "string" && /^Ngày báo cáo/.test(v));
      expect(labels).toEqual(["Ngày báo cáo:"]);
    }
    const bI = before.sheets.find((s) => s.name === "Phụ lục I")!;
    const aI = after.sheets.find((s) => s.name === "Phụ lục I")!;
    expect(formulasOf(aI, 9)).toEqual(formulasOf(bI, 9));
    expect(formulasOf(aI, 10)).toEqual(formulasOf(bI, 10));
  });

  it("fills the due dates of the tasks the official typed", async () => {
    const after = snapshotWorkbook(await openWorkbook(output, "out.xlsx")).sheets.find((s) => s.name === "Phụ lục II")!;
    expect(after.values[10][8]).toBe(46203); // I11: 30/06/2026
    expect(after.values[11][8]).toBe(46112); // I12: 31/03/2026
    // I13, the monthly report: read from the report date and the completion date's hidden helper (O13).
    expect(after.formulas![12][8]).toMatch(/^=IF\(ISNUMBER\(O13\),IF\(O13>=DATE\(YEAR\(\$L\$7\),MONTH\(\$L\$7\),1\),DATE\(YEAR\(\$L\$7\),MONTH\(\$L\$7\)\+1,20\)/);
    expect(json.sheets.find((s) => s.name === "Phụ lục II")!.tasks.map((t) => [t.row, t.dueDate, t.flag])).toEqual([
      [11, "2026-06-30", "due-soon"],
      [12, "2026-03-31", "overdue"],
      // Done on 25/06: June's report is done (five days after its 20th), so the next is due on 20/07.
      [13, "2026-07-20", "done"],
    ]);
  });

  it("LibreOffice computes from the template's formulas what the report says, on every row", async () => {
    const lo = xlsxValues(await recalcXlsx(output));
    const bad: string[] = [];
    const I = lo.get("Phụ lục I")!;
    for (const i of json.sheets.find((s) => s.name === "Phụ lục I")!.indicators) {
      const rate = I.get(`I${i.row}`) ?? null;
      const verdict = I.get(`J${i.row}`) ?? null;
      const rateOk = i.rate === null ? rate === null : typeof rate === "number" && Math.abs(rate - i.rate) < 1e-9;
      if (!rateOk || verdict !== i.verdict) bad.push(`I${i.row}: sheet ${rate}/${verdict}, report ${i.rate}/${i.verdict}`);
    }
    const II = lo.get("Phụ lục II")!;
    const flags: Record<string, string | null> = { "due-soon": "Sắp đến hạn", overdue: "Quá hạn", "done-late": "Hoàn thành quá hạn", done: "Hoàn thành" };
    for (const t of json.sheets.find((s) => s.name === "Phụ lục II")!.tasks) {
      if ((II.get(`L${t.row}`) ?? null) !== flags[t.flag]) bad.push(`L${t.row}: sheet ${II.get(`L${t.row}`)}, report ${t.flag}`);
    }
    expect(bad).toEqual([]);
    // Worked out by hand: 72% of ≥ 60% is 120%; 72 typed against 70% is 102.86%; 95% of a target edited to ≥ 90%.
    const rows = json.sheets[0].indicators;
    expect(rows.find((r) => r.row === 11)).toMatchObject({ rate: 1.2, verdict: "Vượt" });
    expect(rows.find((r) => r.row === 12)).toMatchObject({ rate: 1.0286, verdict: "Vượt" });
    expect(rows.find((r) => r.row === 13)).toMatchObject({ rate: 0, verdict: "Chưa đạt" });
    expect(rows.find((r) => r.row === 14)).toMatchObject({ verdict: null, note: "free-text" }); // "Chưa đạt chuẩn": for a person to judge
    expect(rows.find((r) => r.row === 16)).toMatchObject({ target: "≥ 1%", rate: 1.2, verdict: "Vượt" });
    expect(rows.find((r) => r.row === 17)).toMatchObject({ target: "≥ 90%", rate: 1.0556, verdict: "Vượt" });
  });

  it("a second run changes nothing", async () => {
    const files = new Map([["in.xlsx", output]]);
    const r = await run(files, ["compute", "in.xlsx", "-o", "out.xlsx", "--as-of", AS_OF]);
    expect(r.code).toBe(0);
    const a = snapshotWorkbook(await openWorkbook(output, "a.xlsx"));
    const b = snapshotWorkbook(await openWorkbook(files.get("out.xlsx")!, "b.xlsx"));
    expect(b.sheets.map((s) => [s.values, s.formulas, s.numberFormats])).toEqual(a.sheets.map((s) => [s.values, s.formulas, s.numberFormats]));
  });
});
