import { seedDocx } from "../docx";
import { readDocx } from "../../src/hosts/docx/read";
import { checkWorkbook } from "../../src/domain/validate";
import { defaultCatalog } from "../../src/domain/catalog";
import { seedWorkbook, readBack } from "../xlsx";
it("try", async () => {
  for (const id of ["000", "001", "002", "004"]) {
    const x = checkWorkbook(await readBack(await seedWorkbook(id)), { catalog: defaultCatalog() });
    for (const rich of [false, true]) {
      const d = checkWorkbook(await readDocx(seedDocx(id, { rich }), `${id}.docx`), { catalog: defaultCatalog() });
      const xs = x.sheets.filter((s) => s.kind !== "unknown");
      const ds = d.sheets.filter((s) => s.kind !== "unknown");
      const key = (f: any) => `${f.code}|${f.severity}|${f.message}|${f.fix?.value ?? ""}`;
      console.log(id, rich, xs.map((s) => s.name), ds.map((s) => s.name));
      xs.forEach((s, i) => {
        const a = s.findings.map(key), b = (ds[i]?.findings ?? []).map(key);
        const onlyX = a.filter((k) => !b.includes(k)), onlyD = b.filter((k) => !a.includes(k));
        console.log(id, rich, s.name, a.length, b.length, JSON.stringify(s.commune), JSON.stringify(ds[i]?.commune), "\nONLY XLSX", onlyX, "\nONLY DOCX", onlyD);
      });
    }
  }
});
