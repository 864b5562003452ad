import { COMMUNES } from "./src/catalog";
import { generateCommuneWorkbook, LAYOUTS, communeFileName } from "./test/generate";
import { listZipEntries } from "./src/hosts/file/zipGuard";
async function main() {
  const tot: Record<string, number> = {};
  for (let i = 0; i < COMMUNES.length; i++) {
    const b = await generateCommuneWorkbook(COMMUNES[i], { layout: LAYOUTS[i % LAYOUTS.length], seed: i + 1, asOf: "2026-11-30" });
    for (const e of listZipEntries(b)) { const k = e.name.replace(/\d+/g, "N"); tot[k] = (tot[k] ?? 0) + e.uncompressedSize; }
  }
  console.log(tot);
}
main();
