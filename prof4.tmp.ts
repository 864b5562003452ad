import { COMMUNES } from "./src/catalog";
import { generateCommuneWorkbook, LAYOUTS, communeFileName } from "./test/generate";
import { openWorkbook, snapshotWorkbook } from "./src/hosts/file/read";
import * as fs from "fs";
async function main() {
  if (!fs.existsSync("/tmp/pk/files95")) {
    fs.mkdirSync("/tmp/pk/files95");
    for (let i = 0; i < COMMUNES.length; i++) fs.writeFileSync("/tmp/pk/files95/" + communeFileName(COMMUNES[i], i), await generateCommuneWorkbook(COMMUNES[i], { layout: LAYOUTS[i % LAYOUTS.length], seed: i + 1, asOf: "2026-11-30" }));
  }
  const files = fs.readdirSync("/tmp/pk/files95").map(n => ({ name: n, bytes: new Uint8Array(fs.readFileSync("/tmp/pk/files95/" + n)) }));
  for (let round = 0; round < 10; round++) for (const f of files) snapshotWorkbook(await openWorkbook(f.bytes, f.name), f.name);
}
main();
