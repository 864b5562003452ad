import { performance } from "perf_hooks";
import { COMMUNES } from "./src/catalog";
import { generateCommuneWorkbook, LAYOUTS } from "./test/generate";
import { openPackage } from "./src/hosts/file/package/zip";
import { scanXml } from "./src/hosts/file/package/xml";
import { SaxesParser } from "saxes";
import { unzipSync, strFromU8 } from "fflate";
async function main() {
  const bytes = await generateCommuneWorkbook(COMMUNES[0], { layout: LAYOUTS[0], seed: 1, asOf: "2026-11-30" });
  const pkg = await openPackage(bytes, "x");
  const sheet = pkg.text("xl/worksheets/sheet1.xml")!;
  let t = performance.now();
  for (let i = 0; i < 2000; i++) pkg.read("xl/worksheets/sheet1.xml");
  console.log("inflate x2000", (performance.now() - t).toFixed(1));
  t = performance.now();
  for (let i = 0; i < 2000; i++) unzipSync(bytes, { filter: (f) => f.name === "xl/worksheets/sheet1.xml" });
  console.log("fflate unzipSync filter x2000", (performance.now() - t).toFixed(1));
  t = performance.now();
  for (let i = 0; i < 2000; i++) scanXml(sheet, { open() {}, close() {}, text() {} });
  console.log("scan x2000", (performance.now() - t).toFixed(1));
  t = performance.now();
  for (let i = 0; i < 2000; i++) { const p = new SaxesParser({ position: false }); p.on("opentag", () => {}); p.write(sheet).close(); }
  console.log("raw saxes x2000", (performance.now() - t).toFixed(1));
  t = performance.now();
  for (let i = 0; i < 2000; i++) new TextDecoder().decode(pkg.read("xl/worksheets/sheet1.xml")!);
  console.log("inflate+decode x2000", (performance.now() - t).toFixed(1));
}
main();
