/**
 * Round-trips to Excel per command (they are deterministic, so a test, not a
 * benchmark): every task-pane command, over the recording fake of Office.js, makes
 * at most one read and one write `context.sync()` at 100, 1,000 and 10,000 rows —
 * plus extra write blocks only when a write is larger than Excel on the web accepts.
 */
import { ExcelHost } from "../src/hosts/excel/host";
import { FakeWorkbook, installExcelGlobals } from "./fakes/excel";
import { defaultCatalog } from "../src/domain/catalog";
import { runCheck, runCompute, runConsolidate, runFixes, runInsert, runMarks, runOverview, runUnmarks, type ActionEnv } from "../src/taskpane/actions";
import { INDICATORS, COMMUNES } from "../src/catalog";
import type { CellValue } from "../src/domain/snapshot";

beforeAll(installExcelGlobals);

const catalog = defaultCatalog();
const AS_OF = "2026-11-30";

/** An official's indicator sheet with `rows` indicators, a few defects and results typed in. */
function indicatorSheet(rows: number): CellValue[][] {
  const values: CellValue[][] = [["ỦY BAN NHÂN DÂN XÃ TÂN LỢI"], [], ["STT", "Nội dung chỉ tiêu", "Đơn vị tính", "Kết quả", "Đơn vị chủ trì", "Kết quả thực hiện"]];
  for (let i = 0; i < rows; i++) {
    const ind = INDICATORS[i % INDICATORS.length];
    values.push([i + 1, ind.name, ind.unit === "%" ? "%" : ind.unit, i % 10 === 0 ? "≥ 100%" : "≥ 60%", i % 7 === 0 ? "Phòng Văn hoá – Xã hội" : "Phòng Văn hóa - Xã hội", (i * 13) % 100]);
  }
  return values;
}

function taskSheet(rows: number): CellValue[][] {
  const values: CellValue[][] = [["ỦY BAN NHÂN DÂN XÃ TÂN LỢI"], [], ["TT", "Tên nhiệm vụ", "Đơn vị chủ trì", "Cơ quan phối hợp", "Kết quả", "Thời gian hoàn thành"]];
  const deadlines = ["Năm 2026", "Quý II/2026", "10/2026", "Thường xuyên"];
  for (let i = 0; i < rows; i++) values.push([i + 1, `Nhiệm vụ ${i + 1}`, "Phòng Văn hóa - Xã hội", "Các phòng, ban, đơn vị", "Báo cáo", deadlines[i % 4]]);
  return values;
}

function setup(sheets: { name: string; values: CellValue[][] }[]) {
  const wb = new FakeWorkbook(sheets);
  const env: ActionEnv = { host: new ExcelHost(wb.run, () => true), catalog, today: () => AS_OF };
  return { wb, env };
}

/** Syncs a command made, split into the one read and the writes. */
async function count<T>(wb: FakeWorkbook, f: () => Promise<T>): Promise<{ result: T; syncs: number }> {
  const before = wb.syncs;
  const result = await f();
  return { result, syncs: wb.syncs - before };
}

/**
 * One read plus one write; at 10,000 rows a write may pass Excel on the web's
 * request limit and be split, into at most two more blocks.
 */
const budget = (rows: number) => (rows >= 10_000 ? 4 : 2);

describe.each([100, 1000, 10000])("at %i rows", (rows) => {
  it("check reads once and writes nothing", async () => {
    const { wb, env } = setup([{ name: "Chỉ tiêu", values: indicatorSheet(rows) }]);
    const { result, syncs } = await count(wb, () => runCheck(env, "Chỉ tiêu", ["Chỉ tiêu"]));
    expect(result.findings.length).toBeGreaterThan(0);
    expect(syncs).toBe(1);
  });

  it("fix, mark and unmark each read once and write once", async () => {
    const { wb, env } = setup([{ name: "Chỉ tiêu", values: indicatorSheet(rows) }]);
    const report = await runCheck(env, "Chỉ tiêu", ["Chỉ tiêu"]);
    const fixed = await count(wb, () => runFixes(env, report));
    expect(fixed.result).toBeGreaterThan(0);
    expect(fixed.syncs).toBe(2);
    const marked = await count(wb, () => runMarks(env, report));
    expect(marked.syncs).toBeLessThanOrEqual(budget(rows));
    const unmarked = await count(wb, () => runUnmarks(env, marked.result));
    expect(unmarked.syncs).toBeLessThanOrEqual(budget(rows));
  });

  it("compute reads once and writes once (blocks only past the request limit)", async () => {
    const { wb, env } = setup([
      { name: "Chỉ tiêu", values: indicatorSheet(rows) },
      { name: "Nhiệm vụ", values: taskSheet(rows) },
    ]);
    for (const sheet of ["Chỉ tiêu", "Nhiệm vụ"]) {
      const { syncs } = await count(wb, () => runCompute(env, sheet, AS_OF));
      const payload = wb.log.filter((l) => l.startsWith("formulas")).length; // writes happened
      expect(payload).toBeGreaterThan(0);
      expect(syncs).toBeLessThanOrEqual(budget(rows));
      expect(syncs).toBeGreaterThanOrEqual(2);
    }
    const summary = await runCompute(env, "Chỉ tiêu", AS_OF);
    const overview = await count(wb, () => runOverview(env, summary));
    expect(overview.syncs).toBe(2);
  });

  it("consolidating sheets of the workbook reads once and writes once", async () => {
    const { wb, env } = setup([
      { name: "Tân Lợi", values: indicatorSheet(rows) },
      { name: "Minh Hưng", values: [["ỦY BAN NHÂN DÂN PHƯỜNG MINH HƯNG"], ...indicatorSheet(rows).slice(1)] },
    ]);
    const { result, syncs } = await count(wb, () => runConsolidate(env, ["Tân Lợi", "Minh Hưng"], [], { asOf: AS_OF, withinCommune: false }));
    expect(result.sources.length).toBe(2);
    expect(syncs).toBeLessThanOrEqual(budget(rows));
  });
});

it("insert reads once and writes once", async () => {
  const { wb, env } = setup([{ name: "Phụ lục I", values: [["đã có"]] }]);
  const commune = COMMUNES.find((c) => c.name === "Minh Hưng")!;
  const { result, syncs } = await count(wb, () => runInsert(env, { commune, year: 2026, appendices: ["I", "II"], catalog, asOf: AS_OF }));
  expect(result).toContain("Phụ lục I (2)");
  expect(syncs).toBe(2);
});
