/**
 * Every task-pane command on every Excel the add-in meets (test/sim/profiles.ts), over
 * the Excel simulator: each succeeds or says precisely what this Excel could not do.
 *
 * The round-trip rule (deterministic, so a test, not a benchmark):
 * - a read is one round-trip for the workbook's state, the size of the sheets named and
 *   their first 500 rows × 40 columns: the whole read for the tables people keep; a
 *   longer sheet's cells then come in row blocks each under Excel on the web's 5 MB
 *   response limit;
 * - a write is one round-trip, or as few as Excel on the web's 5 MB request limit
 *   allows, every block sized in UTF-8 bytes before it is queued;
 * - marking and unmarking first read the mark record kept in the workbook (a custom
 *   XML part's text comes only from a second round-trip after the part is found);
 * - compute reads as above and writes its columns, whose formulas read each typed result
 *   and completion date once, in hidden helper columns, so that a row's formulas weigh
 *   about 0.8 KB (indicators) or 1.1 KB (tasks): one write request up to a few thousand
 *   rows, and at 10,000 rows at most three (about 10 MB in 4 MB requests).
 * On the web profile at 10,000 task rows every request and response stays under 5 MB.
 */
import { ExcelHost, PAYLOAD_LIMIT } from "../src/hosts/excel/host";
import { SimWorkbook, installExcelGlobals } from "./sim/excel";
import { PROFILES, type Profile } from "./sim/profiles";
import { defaultCatalog } from "../src/domain/catalog";
import { runCheck, runCompute, runConsolidate, runFixes, runInsert, runMarks, runOverview, runUnmarks, type ActionEnv } from "../src/taskpane/actions";
import { INDICATORS, COMMUNES } from "../src/catalog";
import type { CellValue } from "../src/domain/snapshot";

jest.setTimeout(240_000);
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
  for (let i = 0; i < rows; i++) values.push([i + 1, `Nhiệm vụ ${i + 1} của các phòng, ban`, "Phòng Văn hóa - Xã hội", "Các phòng, ban, đơn vị", "Báo cáo", deadlines[i % 4]]);
  return values;
}

function setup(p: Profile, sheets: { name: string; values: CellValue[][] }[]) {
  const wb = new SimWorkbook(sheets, { profile: p });
  const env: ActionEnv = { host: new ExcelHost(wb.run, wb.supports), catalog, today: () => AS_OF };
  return { wb, env };
}

/** Syncs a command made (and how many of them wrote), and the largest request and response among them. */
async function measure<T>(wb: SimWorkbook, f: () => Promise<T>) {
  const before = wb.syncLog.length;
  const result = await f();
  const syncs = wb.syncLog.slice(before);
  return {
    result,
    syncs: syncs.length,
    writes: syncs.filter((s) => s.writes > 0).length,
    request: Math.max(0, ...syncs.map((s) => s.requestBytes)),
    response: Math.max(0, ...syncs.map((s) => s.responseBytes)),
  };
}

const within = (m: { request: number; response: number }) => {
  expect(m.request).toBeLessThan(PAYLOAD_LIMIT);
  expect(m.response).toBeLessThan(PAYLOAD_LIMIT);
};

describe.each(PROFILES.map((p) => [p.label, p] as const))("%s", (_label, p) => {
  it("insert: one read, one write; says what this Excel could not set up", async () => {
    const { wb, env } = setup(p, [{ name: "Phụ lục I", values: [["đã có"]] }]);
    const commune = COMMUNES.find((c) => c.name === "Minh Hưng")!;
    const m = await measure(wb, () => runInsert(env, { commune, year: 2026, appendices: ["I", "II"], catalog, asOf: AS_OF }));
    expect(m.result.sheets).toContain("Phụ lục I (2)");
    expect(m.syncs).toBe(2);
    expect(wb.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(m.result.sheets));
    // Page setup needs ExcelApi 1.9: Excel 2019 says so instead of succeeding silently.
    expect(m.result.notDone.some((t) => t.includes("trang in"))).toBe(p.excelApi < 9);
    // The lead drop-down warns (free text) instead of stopping.
    const lead = wb.sheets.flatMap((s) => s.validations).filter((v) => v.prompt?.title === "Đơn vị chủ trì");
    expect(lead.length).toBeGreaterThan(0);
    expect(lead.every((v) => v.errorAlert.style === "Warning")).toBe(true);
  });

  // 10,000 rows where the limits are: Excel on the web.
  const sizes = p.payloadLimit ? [100, 1000, 10000] : [100, 1000];
  it.each(sizes)("check, fix, mark, unmark at %i rows", async (rows) => {
    const { wb, env } = setup(p, [{ name: "Chỉ tiêu", values: indicatorSheet(rows) }]);
    // A table inside the first window is read in one round-trip; a longer one adds its row blocks.
    const reads = rows <= 400 ? 1 : 1 + (rows >= 10_000 ? 4 : 2);
    const checked = await measure(wb, () => runCheck(env, "Chỉ tiêu", ["Chỉ tiêu"]));
    expect(checked.result.findings.length).toBeGreaterThan(0);
    if (rows <= 400) expect(checked.syncs).toBe(1);
    else expect(checked.syncs).toBeLessThanOrEqual(reads);
    within(checked);

    const fixed = await measure(wb, () => runFixes(env, checked.result));
    expect(fixed.result.count).toBeGreaterThan(0);
    expect(fixed.result.notDone).toEqual([]);
    if (rows <= 400) expect(fixed.syncs).toBe(2);
    else expect(fixed.syncs).toBeLessThanOrEqual(reads + 1);
    within(fixed);

    const marked = await measure(wb, () => runMarks(env, checked.result));
    // The record's text needs a second read round-trip (the part must be found first).
    if (rows <= 400) expect(marked.syncs).toBe(3);
    within(marked);
    expect(marked.result.method).toBe(p.excelApi >= 18 ? "note" : "fill");
    expect(marked.result.notDone).toEqual([]);
    const sheet = wb.sheet("Chỉ tiêu");
    if (p.excelApi >= 18) expect(sheet.notes.size).toBe(marked.result.count);
    else expect(sheet.condFormats.length).toBe(marked.result.count);
    expect(wb.customXml).toHaveLength(1);

    const unmarked = await measure(wb, () => runUnmarks(env, "Chỉ tiêu"));
    within(unmarked);
    expect(unmarked.result.notDone).toEqual([]);
    expect(sheet.notes.size).toBe(0);
    expect(sheet.condFormats).toHaveLength(0);
    expect(wb.customXml).toHaveLength(0);
  });

  it.each(sizes)("compute and overview at %i rows", async (rows) => {
    const { wb, env } = setup(p, [
      { name: "Chỉ tiêu", values: indicatorSheet(rows) },
      { name: "Nhiệm vụ", values: taskSheet(rows) },
    ]);
    const blocks = rows >= 10_000 ? 4 : rows > 500 ? 2 : 1;
    for (const name of ["Chỉ tiêu", "Nhiệm vụ"]) {
      const m = await measure(wb, () => runCompute(env, name, AS_OF));
      within(m);
      expect(m.result.notDone).toEqual([]);
      if (rows <= 400) expect(m.syncs).toBe(2);
      // The read (the first window and the row blocks after it), then the writes.
      expect(m.syncs - m.writes).toBeLessThanOrEqual(1 + blocks);
      expect(m.writes).toBeLessThanOrEqual(rows >= 10_000 ? 3 : 1);
    }
    const again = await measure(wb, () => runCompute(env, "Nhiệm vụ", AS_OF));
    within(again);
    // Every computed sheet, read in one round-trip when the pane passes the names it lists; one more to learn them otherwise.
    const overview = await measure(wb, () => runOverview(env, ["Chỉ tiêu", "Nhiệm vụ"]));
    if (rows <= 400) expect(overview.syncs).toBe(2);
    within(overview);
    expect(overview.result.summary.sheets).toEqual(["Chỉ tiêu", "Nhiệm vụ"]);
    if (rows <= 400) expect((await measure(wb, () => runOverview(env))).syncs).toBe(3);
    // Whatever is left undone names the ExcelApi version it needs; nothing is left undone from 1.9 on.
    for (const t of overview.result.notDone) expect(t).toMatch(/cần ExcelApi 1\.\d+/);
    if (p.excelApi >= 9) expect(overview.result.notDone).toEqual([]);
  });

  it.each(sizes.filter((n) => n !== 1000))("consolidate sheets of the workbook at %i rows", async (rows) => {
    const { wb, env } = setup(p, [
      { name: "Tân Lợi", values: indicatorSheet(rows) },
      { name: "Minh Hưng", values: [["ỦY BAN NHÂN DÂN PHƯỜNG MINH HƯNG"], ...indicatorSheet(rows).slice(1)] },
    ]);
    const m = await measure(wb, () => runConsolidate(env, ["Tân Lợi", "Minh Hưng"], [], { asOf: AS_OF, withinCommune: false }));
    expect(m.result.result.sources.length).toBe(2);
    within(m);
    if (rows <= 400) expect(m.syncs).toBe(2);
    else expect(m.syncs).toBeLessThanOrEqual(10);
  });
});
