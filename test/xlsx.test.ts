import { seedWorkbook, readBack } from "./xlsx";
import { loadSeed } from "./seeds";

describe("seed workbooks through ExcelJS", () => {
  it("round-trips every seed sheet's values, formats and merges", async () => {
    for (const id of ["000", "001", "002", "004"]) {
      const seed = loadSeed(id);
      const back = await readBack(await seedWorkbook(id));
      for (const s of seed.sheets) {
        const b = back.sheets.find((x) => x.name === s.name)!;
        s.values.forEach((row, r) => row.forEach((v, c) => expect([id, s.name, r, c, b.values[r]?.[c] ?? null]).toEqual([id, s.name, r, c, v])));
        expect([...(b.merges ?? [])].sort()).toEqual([...(s.merges ?? [])].sort());
      }
    }
    const t = await readBack(await seedWorkbook("001"));
    expect(t.sheets[0].numberFormats?.[36]?.[3]).toBe("0%");
  });
});
