import * as fs from "fs";
import { readDocx } from "../../src/hosts/docx/read";
it("x", async () => {
  const wb = await readDocx(fs.readFileSync("/tmp/lo2/out/n.docx"), "n.docx");
  for (const s of wb.sheets) console.log(s.name, JSON.stringify(s.values), s.merges);
  const t = await readDocx(fs.readFileSync("/tmp/lo/out/t.docx"), "t.docx");
  for (const s of t.sheets) console.log(s.name, JSON.stringify(s.values), s.merges, JSON.stringify(s.source));
});
