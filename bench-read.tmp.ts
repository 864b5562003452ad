import { performance } from "perf_hooks";
import { COMMUNES } from "./src/catalog";
import { generateCommuneWorkbook, LAYOUTS, communeFileName } from "./test/generate";
import { openWorkbook, snapshotWorkbook } from "./src/hosts/file/read";
async function main() {
  const files: { name: string; bytes: Uint8Array }[] = [];
  for (let i = 0; i < COMMUNES.length; i++) files.push({ name: communeFileName(COMMUNES[i], i), bytes: await generateCommuneWorkbook(COMMUNES[i], { layout: LAYOUTS[i % LAYOUTS.length], seed: i + 1, asOf: "2026-11-30" }) });
  const ExcelJS = (await import("exceljs")).default;
  const ej: number[] = [], ours: number[] = [];
  for (let round = 0; round < 6; round++) {
    let t = performance.now();
    for (const f of files) await new ExcelJS.Workbook().xlsx.load(f.bytes.buffer.slice(f.bytes.byteOffset, f.bytes.byteOffset + f.bytes.byteLength) as ArrayBuffer);
    ej.push(performance.now() - t);
    t = performance.now();
    for (const f of files) snapshotWorkbook(await openWorkbook(f.bytes, f.name), f.name);
    ours.push(performance.now() - t);
  }
  console.log("exceljs", ej.map(x=>x.toFixed(0)).join(" "), "min", Math.min(...ej).toFixed(0));
  console.log("package", ours.map(x=>x.toFixed(0)).join(" "), "min", Math.min(...ours).toFixed(0), "ratio of mins", (Math.min(...ours)/Math.min(...ej)).toFixed(2));
}
main();
