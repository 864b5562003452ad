import { performance } from "perf_hooks";
import { COMMUNES } from "./src/catalog";
import { generateCommuneWorkbook, LAYOUTS, communeFileName } from "./test/generate";
import { openWorkbook, snapshotWorkbook } from "./src/hosts/file/read";
import { listZipEntries } from "./src/hosts/file/zipGuard";
async function main() {
  const files: { name: string; bytes: Uint8Array }[] = [];
  for (let i = 0; i < 20; i++) files.push({ name: communeFileName(COMMUNES[i], i), bytes: await generateCommuneWorkbook(COMMUNES[i], { layout: LAYOUTS[i % LAYOUTS.length], seed: i + 1, asOf: "2026-11-30" }) });
  console.log(listZipEntries(files[0].bytes).map(e => `${e.name} ${e.uncompressedSize}`).join("\n"));
  for (let round = 0; round < 5; round++) {
    const times: Record<string, number> = {};
    const tick = (k: string, t: number) => (times[k] = (times[k] ?? 0) + performance.now() - t);
    for (const f of files) {
      let t = performance.now();
      const wb = await openWorkbook(f.bytes, f.name);
      tick("open", t); t = performance.now();
      wb.sharedStrings(); tick("strings", t); t = performance.now();
      wb.styleFormats(); tick("styles", t); t = performance.now();
      for (const n of wb.sheetNames()) wb.readSheet(n);
      tick("sheets", t); t = performance.now();
      snapshotWorkbook(wb); tick("rest", t);
    }
    console.log(Object.entries(times).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(", "));
  }
}
main();
