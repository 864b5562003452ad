/**
 * Completion dates an official typed as text (test/fixtures/unseen/tasks-dates.json,
 * written as .xlsx by openpyxl): "28/03/2026", "15/4/2026", "ngày 05 tháng 7 năm 2026",
 * "30-06-2026", and one that is no date ("31/9/2026"); a monthly deadline ("Ngày 25 hằng
 * tháng"). compute reads them, and so do the formulas it writes: LibreOffice
 * recalculates them and must show what compute's JSON says. Expected flags are worked
 * out by hand from the deadlines, the dates and the report date 30/09/2026.
 */
import * as fs from "fs";
import * as path from "path";
import { UNSEEN_DIR } from "./seeds";
import { main } from "../src/cli/main";
import { fakeIO } from "./consolidate-fixtures";
import { recalcXlsx, xlsxValues } from "./recalc";
import type { ComputeReport } from "../src/domain/compute";

jest.setTimeout(120_000);

const FILE = "tasks-dates.xlsx";
let json: { sheets: ComputeReport[] };
let out: Uint8Array;

beforeAll(async () => {
  const files: Record<string, Uint8Array> = { [FILE]: new Uint8Array(fs.readFileSync(path.join(UNSEEN_DIR, FILE))) };
  const { io, out: printed } = fakeIO(files);
  const code = await main(["compute", FILE, "-o", "out.xlsx", "--as-of", "2026-09-30", "--json"], io);
  expect(code).toBe(0);
  json = JSON.parse(printed.join("\n"));
  out = files["out.xlsx"];
});

// Row → [due date, completed on, flag], by hand.
const EXPECTED: Record<number, [string, string | null, string]> = {
  6: ["2026-03-31", "2026-03-28", "done"], // Quý I, "28/03/2026"
  7: ["2026-03-31", "2026-04-15", "done-late"], // Tháng 3, "15/4/2026"
  8: ["2026-06-30", "2026-07-05", "done-late"], // 30/6, "ngày 05 tháng 7 năm 2026"
  9: ["2026-06-30", "2026-06-30", "done"], // Quý II, "30-06-2026": on the day
  10: ["2026-10-25", null, "none"], // the 25th of September has passed: next due 25/10, never overdue
  11: ["2026-08-31", null, "overdue"], // Tháng 8, still in progress
  12: ["2026-09-30", null, "done"], // "31/9/2026" is no date: done, lateness unknown
};

const FLAG_TEXT: Record<string, string | null> = { done: "Hoàn thành", "done-late": "Hoàn thành quá hạn", overdue: "Quá hạn", "due-soon": "Sắp đến hạn", none: null };

describe("completion dates typed as text", () => {
  it("are read by compute: a text date after the deadline is done late", () => {
    const tasks = json.sheets[0].tasks;
    expect(Object.fromEntries(tasks.map((t) => [t.row, [t.dueDate, t.completedOn, t.flag]]))).toEqual(EXPECTED);
  });

  it("are read the same by the formulas compute writes, as LibreOffice recalculates them", async () => {
    const values = xlsxValues(await recalcXlsx(out)).get("Nhiệm vụ")!;
    // compute adds "Hạn hoàn thành (ngày)" and "Cảnh báo" right of the table (H, I).
    expect([values.get("H4"), values.get("I4")]).toEqual(["Hạn hoàn thành (ngày)", "Cảnh báo"]);
    const serial = (iso: string) => Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000);
    for (const [row, [due, , flag]] of Object.entries(EXPECTED)) {
      expect([row, values.get(`H${row}`) ?? null, values.get(`I${row}`) ?? null]).toEqual([row, serial(due), FLAG_TEXT[flag]]);
    }
    expect(values.get("I7")).toBe("Hoàn thành quá hạn");
    expect(values.get("I8")).toBe("Hoàn thành quá hạn");
  });

  it("that are no date are flagged by the check", async () => {
    const files: Record<string, Uint8Array> = { [FILE]: new Uint8Array(fs.readFileSync(path.join(UNSEEN_DIR, FILE))) };
    const { io, out: printed } = fakeIO(files);
    await main(["check", FILE, "--json"], io);
    const findings = JSON.parse(printed.join("\n")).sheets[0].findings.map((f: { code: string; cell: string }) => `${f.code}@${f.cell}`);
    expect(findings).toEqual(["completed-date-unreadable@G12"]);
  });
});
