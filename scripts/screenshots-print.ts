/**
 * Pictures of what prints, for docs/in/: the documents the print test checks (each
 * inserted form, the plan computed into its report form, the overview, a consolidation
 * of three communes), rendered to PDF by LibreOffice; the first page of every printed
 * sheet (the heading block), and the second of the first sheet (the page number in the
 * top margin), drawn by poppler's pdftoppm. Run by `npm run screenshots` (never by the tests).
 *
 *   npx tsx scripts/screenshots-print.ts
 */
import * as fs from "fs";
import * as path from "path";
import { printDocuments } from "../test/print-documents";
import { convertWithLibreOffice } from "../test/libreoffice";
import { pageImage, pdfPages, sheetRuns } from "../test/pdf";
import { DECREE_MARGINS } from "../src/domain/layout/print";
import { foldKey } from "../src/domain/text";

const ROOT = path.join(__dirname, "..");
const OUT = path.join(ROOT, "docs", "in");
const TOP_MARGIN_PT = (DECREE_MARGINS.top * 72) / 25.4;

async function main(): Promise<void> {
  const docs = await printDocuments();
  const pdfs = await convertWithLibreOffice(docs.map((d) => ({ name: d.name, bytes: d.bytes })), "pdf");
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  const seen = new Set<string>(); // the overview's workbook prints the report's appendices again
  docs.forEach((d, i) => {
    const runs = sheetRuns(pdfPages(pdfs[i]), TOP_MARGIN_PT);
    const pages = d.sheets.map((s, k) => ({ page: runs[k]?.first, name: s.name }));
    if (runs[0]?.pages.length > 1) pages.splice(1, 0, { page: 2, name: `${d.sheets[0].name} trang 2` });
    for (const { page, name } of pages) {
      if (!page) continue;
      // 50 dpi: enough to see the layout, small enough to keep in git.
      const png = Buffer.from(pageImage(pdfs[i], page, 50));
      const key = png.toString("base64");
      if (seen.has(key)) continue;
      seen.add(key);
      const file = path.join(OUT, `${d.name.replace(/\.xlsx$/, "")}--${foldKey(name).replace(/\W+/g, "-")}.png`);
      fs.writeFileSync(file, png);
      process.stdout.write(`${path.relative(ROOT, file)}: ${png.length} bytes\n`);
    }
  });
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : e}\n`);
  process.exit(1);
});
