import { COMMUNES } from "./src/catalog";
import { generateCommuneWorkbook, LAYOUTS, communeFileName } from "./test/generate";
import { openWorkbook, snapshotWorkbook } from "./src/hosts/file/read";
async function main() {
  const files: { name: string; bytes: Uint8Array }[] = [];
  for (let i = 0; i < COMMUNES.length; i++) files.push({ name: communeFileName(COMMUNES[i], i), bytes: await generateCommuneWorkbook(COMMUNES[i], { layout: LAYOUTS[i % LAYOUTS.length], seed: i + 1, asOf: "2026-11-30" }) });
  for (let round = 0; round < 8; round++) for (const f of files) snapshotWorkbook(await openWorkbook(f.bytes, f.name), f.name);
}
main();
