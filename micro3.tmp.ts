import { performance } from "perf_hooks";
import { COMMUNES } from "./src/catalog";
import { generateCommuneWorkbook, LAYOUTS } from "./test/generate";
import { openPackage } from "./src/hosts/file/package/zip";
import { scanXml } from "./src/hosts/file/package/xml";
import { readSheetXml } from "./src/hosts/file/package/sheet-read";
import { StyleFormats } from "./src/hosts/file/package/styles";
async function main() {
  const bytes = await generateCommuneWorkbook(COMMUNES[5], { layout: LAYOUTS[1], seed: 1, asOf: "2026-11-30" });
  const pkg = await openPackage(bytes, "x");
  const names = pkg.names().filter(n => /sheet\d+\.xml$/.test(n));
  const sheet = pkg.text(names[0])!;
  const strings = pkg.text("xl/sharedStrings.xml")!;
  console.log(names, sheet.length, strings.length);
  const fmts = StyleFormats.parse(pkg.text("xl/styles.xml"));
  const arr = new Array(2000).fill("x");
  for (let r = 0; r < 3; r++) {
    let t = performance.now();
    for (let i = 0; i < 300; i++) scanXml(sheet, { open() {}, close() {}, text() {} });
    console.log("scan sheet x300", (performance.now() - t).toFixed(1));
    t = performance.now();
    for (let i = 0; i < 300; i++) readSheetXml(sheet, { strings: () => arr, formats: fmts, date1904: false });
    console.log("readSheetXml x300", (performance.now() - t).toFixed(1));
    t = performance.now();
    for (let i = 0; i < 300; i++) scanXml(strings, { open() {}, close() {}, text() {} });
    console.log("scan strings x300", (performance.now() - t).toFixed(1));
  }
}
main();
