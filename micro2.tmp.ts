import { performance } from "perf_hooks";
import { SaxesParser } from "saxes";
const tiny = '<?xml version="1.0"?><Relationships xmlns="x"><Relationship Id="rId1" Type="t" Target="xl/workbook.xml"/></Relationships>';
for (let r = 0; r < 3; r++) {
  let t = performance.now();
  for (let i = 0; i < 5000; i++) { const p = new SaxesParser({ position: false }); p.on("opentag", () => {}); p.write(tiny).close(); }
  console.log("tiny parse x5000", (performance.now() - t).toFixed(1));
  t = performance.now();
  for (let i = 0; i < 5000; i++) { new SaxesParser({ position: false }); }
  console.log("construct x5000", (performance.now() - t).toFixed(1));
}
