/**
 * The workbook generator (test/generate.ts) the benchmark reuses: it must write what
 * the reader reads, in every seed layout, deterministically, for every commune.
 */
import { readTable } from "../src/domain/reader";
import { defaultCatalog } from "../src/domain/catalog";
import { consolidate } from "../src/domain/consolidate";
import { indicatorNameTest } from "../src/domain/match";
import type { Commune } from "../src/catalog/types";
import { communeFileName, generateCommune, generateCommuneSheets, generateCommuneWorkbook, LAYOUTS, type Generated } from "./generate";
import { readBack } from "./xlsx";

const catalog = defaultCatalog();
const AS_OF = "2026-07-15";
const commune = (code: string): Commune => catalog.communes.find((c) => c.code === code)!;

/** Items per sheet in each layout, counted by hand from the seed plans. */
const COUNTS: Record<string, [string, number, number][]> = {
  "000": [["Chỉ tiêu", 24, 0]],
  "001": [
    ["Chỉ tiêu", 31, 0],
    ["Phụ lục nhiệm vụ", 0, 18],
  ],
  "002": [
    ["Phụ lục I", 32, 0],
    ["Phụ lục II", 0, 13],
  ],
  "004": [["Phụ lục", 7, 25]],
};

const PICK = ["25222", "26188", "25270", "26446"]; // Bù Gia Mập (xã), Tân Triều (phường), Lộc Ninh (xã → phường), Xuân Hòa

describe("generateCommuneWorkbook", () => {
  let made: Generated[];
  beforeAll(async () => {
    made = await Promise.all(LAYOUTS.map((layout, i) => generateCommune(commune(PICK[i]), { layout, seed: 11 + i, asOf: AS_OF })));
  });

  it("writes tables the reader reads with the seed layouts' counts", async () => {
    for (const [i, g] of made.entries()) {
      const layout = LAYOUTS[i];
      const wb = await readBack(g.bytes);
      const counted = wb.sheets.map((s) => {
        const r = readTable(s, { isIndicatorName: indicatorNameTest(catalog) });
        if (!r.ok) throw new Error(r.message);
        const items = r.table.rows.filter((x) => x.kind !== "group");
        return [s.name, items.filter((x) => x.kind === "indicator").length, items.filter((x) => x.kind === "task").length];
      });
      expect([layout, counted]).toEqual([layout, COUNTS[layout]]);
      expect(g.truth.sheets.map((s) => [s.name, s.indicators, s.tasks])).toEqual(COUNTS[layout]);
      // The added report columns are recognised by their headers.
      const first = readTable(wb.sheets[0], { isIndicatorName: indicatorNameTest(catalog) });
      if (!first.ok) throw new Error(first.message);
      const roles = first.table.columns.map((c) => c.role);
      if (layout === "004") expect(roles).toEqual(expect.arrayContaining(["result", "status", "completedOn"]));
      else expect(roles).toContain("result");
    }
  });

  it("re-heads the seed for the commune, and the consolidator reads back exactly what was written", async () => {
    const sources = await Promise.all(made.map(async (g) => ({ file: g.fileName, workbook: await readBack(g.bytes) })));
    const r = consolidate(sources, { catalog, asOf: AS_OF, check: false });
    expect(r.sources.map((s) => [s.unitCode, s.via, s.status])).toEqual([...PICK].sort().map((code) => [code, "heading", "ok"]));
    // Lộc Ninh became a phường on 30/4/2026.
    expect(r.units.map((u) => u.label)).toEqual(["Xã Bù Gia Mập", "Phường Lộc Ninh", "Phường Tân Triều", "Xã Xuân Hòa"]);
    for (const g of made) {
      const unit = r.units.find((u) => u.file === g.fileName)!;
      const got = new Map<string, number | string | null>();
      for (const ind of r.indicators) for (const p of ind.perUnit) if (p.unitKey === unit.key) got.set(`${p.sheet}!${p.row}`, p.result);
      for (const t of g.truth.indicators) {
        const v = got.get(`${t.sheet}!${t.row}`);
        if (typeof t.meant === "number") expect([t.row, t.style, v]).toEqual([t.row, t.style, expect.closeTo(t.meant, 9)]);
        else expect([t.row, v]).toEqual([t.row, t.meant]);
      }
      const tasks = r.tasks.find((x) => x.unitKey === unit.key)!;
      const count = (s: string | null) => g.truth.tasks.filter((t) => t.status === s).length;
      expect([tasks.total, tasks.done, tasks.inProgress, tasks.notStarted]).toEqual([
        g.truth.tasks.length,
        count("Hoàn thành"),
        count("Đang thực hiện"),
        count("Chưa thực hiện") + count(null),
      ]);
    }
  });

  it("types results in every way officials do", () => {
    const styles = new Set(made.flatMap((g) => g.truth.indicators.map((t) => t.style)));
    for (const s of ["fraction", "text", "points", "count", "qualitative", null]) expect(styles).toContain(s);
    const fraction = made.flatMap((g) => g.truth.indicators).find((t) => t.style === "fraction")!;
    const sheet = made.flatMap((g) => g.sheets).find((s) => s.name === fraction.sheet)!;
    const col = sheet.values[fraction.row - 1].indexOf(fraction.typed);
    expect(sheet.numberFormats?.[fraction.row - 1]?.[col]).toBe("0%");
  });

  it("is deterministic in its seed", async () => {
    const a = generateCommuneSheets(commune("25378"), { layout: "002", seed: 5, asOf: AS_OF });
    const b = generateCommuneSheets(commune("25378"), { layout: "002", seed: 5, asOf: AS_OF });
    const c = generateCommuneSheets(commune("25378"), { layout: "002", seed: 6, asOf: AS_OF });
    expect(b).toEqual(a);
    expect(c.truth.indicators.map((t) => t.typed)).not.toEqual(a.truth.indicators.map((t) => t.typed));
    const bytes = await generateCommuneWorkbook(commune("25378"), { layout: "002", seed: 5, asOf: AS_OF });
    expect((await readBack(bytes)).sheets.map((s) => s.values)).toEqual(a.sheets.map((s) => s.values.map((r) => trimRow(r))).map(trimSheet));
  });

  it("can leave the commune out of the heading: the file name identifies it", async () => {
    const g = await generateCommune(commune("25294"), { layout: "001", seed: 2, asOf: AS_OF, anonymous: true });
    const heading = g.sheets[0].values.slice(0, 3).flat().join(" ");
    expect(heading).not.toMatch(/Lộc Thành|LỘC THÀNH/);
    const r = consolidate([{ file: "Xã Lộc Thành.xlsx", workbook: await readBack(g.bytes) }], { catalog, asOf: AS_OF, check: false });
    expect([r.sources[0].unit, r.sources[0].via]).toEqual(["Xã Lộc Thành", "file-name"]);
  });

  it("makes all 95 communes' files, each consolidated under its own commune", async () => {
    const all = catalog.communes;
    expect(all).toHaveLength(95);
    const sources = [];
    for (const [i, c] of all.entries()) {
      const { sheets } = generateCommuneSheets(c, { layout: LAYOUTS[i % 4], seed: i, asOf: AS_OF });
      sources.push({ file: communeFileName(c, i), workbook: { sheets } });
    }
    expect(new Set(sources.map((s) => s.file)).size).toBe(95);
    const r = consolidate(sources, { catalog, asOf: AS_OF, check: false });
    expect(r.sources.filter((s) => s.status !== "ok").map((s) => [s.file, s.problem])).toEqual([]);
    expect(r.units.map((u) => u.code)).toEqual(all.map((c) => c.code)); // the province's code order
    for (const s of r.sources) expect(s.unitCode).toBe(all[sources.findIndex((x) => x.file === s.file)].code);
  });
});

/** ExcelJS does not write trailing empty cells: compare rows without them. */
function trimRow<T>(r: T[]): T[] {
  let n = r.length;
  while (n > 0 && r[n - 1] === null) n--;
  return r.slice(0, n);
}
function trimSheet<T>(rows: T[][]): T[][] {
  let n = rows.length;
  while (n > 0 && rows[n - 1].length === 0) n--;
  return rows.slice(0, n);
}
