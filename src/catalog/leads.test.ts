import { INDICATOR_LEADS, LEADS_BY_HAND } from "./leads";
import { BODIES } from "./bodies";
import { INDICATORS } from "./indicators";
import { loadSeed, SEED_IDS } from "../../test/seeds";
import { readTable } from "../domain/reader";
import { defaultCatalog } from "../domain/catalog";
import { matchIndicator, splitBodies } from "../domain/match";

describe("default lead bodies", () => {
  it("name a known body for every indicator of the catalog", () => {
    const codes = new Set(BODIES.map((b) => b.code));
    expect(Object.keys(INDICATOR_LEADS).sort()).toEqual(INDICATORS.map((i) => i.code).sort());
    for (const [indicator, body] of Object.entries(INDICATOR_LEADS)) expect([indicator, codes.has(body)]).toEqual([indicator, true]);
  });

  it("still agree with the rule they were derived by, over the seed fixtures", () => {
    const catalog = defaultCatalog();
    const perIndicator = new Map<string, Map<string, number>>();
    const overall = new Map<string, number>();
    for (const id of SEED_IDS) {
      for (const sheet of loadSeed(id).sheets) {
        const read = readTable(sheet, { isIndicatorName: (n) => (matchIndicator(catalog, n).best?.confidence ?? 0) >= 0.9 });
        if (!read.ok) continue;
        for (const row of read.table.rows) {
          if (row.kind !== "indicator") continue;
          const indicator = matchIndicator(catalog, row.cells.name?.text ?? "").best?.item;
          const first = splitBodies(catalog, row.cells.lead?.text ?? "").find((b) => b.body)?.body;
          if (!indicator || !first) continue;
          const counts = perIndicator.get(indicator.code) ?? new Map<string, number>();
          perIndicator.set(indicator.code, counts);
          counts.set(first.code, (counts.get(first.code) ?? 0) + 1);
          overall.set(first.code, (overall.get(first.code) ?? 0) + 1);
        }
      }
    }
    for (const [code, counts] of perIndicator) {
      if (LEADS_BY_HAND.includes(code)) continue;
      const ranked = [...counts].sort((a, b) => b[1] - a[1] || (overall.get(a[0]) ?? 0) - (overall.get(b[0]) ?? 0));
      expect([code, INDICATOR_LEADS[code]]).toEqual([code, ranked[0][0]]);
    }
    // Every indicator is either derived or decided by hand.
    for (const code of Object.keys(INDICATOR_LEADS)) expect([code, perIndicator.has(code) || LEADS_BY_HAND.includes(code)]).toEqual([code, true]);
  });
});
