import * as fs from "fs";
import { readWorkbook } from "./src/hosts/file/read";
async function main() {
  for (const f of ["test/fixtures/workbooks/patched-1904.xlsx", "/tmp/pk/out/c-patched-1904.xlsx"]) {
    const wb = await readWorkbook(fs.readFileSync(f), "f");
    const s = wb.sheets.find(s => s.name === "Phụ lục nhiệm vụ")!;
    console.log(f, wb.date1904, s.values.slice(2, 14).map(r => JSON.stringify(r.slice(5))).join("\n"));
    console.log(JSON.stringify(s.numberFormats!.slice(8, 12).map(r => r.slice(5))));
  }
}
main();
