import { performance } from "perf_hooks";
import * as fs from "fs";
import { openWorkbook, snapshotWorkbook } from "./src/hosts/file/read";
import { consolidate } from "./src/domain/consolidate";
import { defaultCatalog } from "./src/domain/catalog";
async function main() {
  const files = fs.readdirSync("/tmp/pk/files95").map(n => ({ name: n, bytes: new Uint8Array(fs.readFileSync("/tmp/pk/files95/" + n)) }));
  const ExcelJS = (await import("exceljs")).default;
  const ej: number[] = [], ours: number[] = [], dom: number[] = [];
  for (let round = 0; round < 8; round++) {
    let t = performance.now();
    for (const f of files) await new ExcelJS.Workbook().xlsx.load(f.bytes.buffer.slice(f.bytes.byteOffset, f.bytes.byteOffset + f.bytes.byteLength) as ArrayBuffer);
    ej.push(performance.now() - t);
    t = performance.now();
    const sources = [];
    for (const f of files) sources.push({ file: f.name, workbook: snapshotWorkbook(await openWorkbook(f.bytes, f.name), f.name) });
    ours.push(performance.now() - t);
    t = performance.now();
    consolidate(sources, { catalog: defaultCatalog(), asOf: "2026-11-30" });
    dom.push(performance.now() - t);
  }
  const m = (a: number[]) => Math.min(...a);
  console.log("exceljs", ej.map(x=>x.toFixed(0)).join(" "));
  console.log("package", ours.map(x=>x.toFixed(0)).join(" "));
  console.log("domain ", dom.map(x=>x.toFixed(0)).join(" "));
  console.log(`min: exceljs ${m(ej).toFixed(0)} package ${m(ours).toFixed(0)} (${(m(ours)/m(ej)).toFixed(2)}) domain ${m(dom).toFixed(0)} total/exceljs ${((m(ours)+m(dom))/m(ej)).toFixed(2)}`);
}
main();
