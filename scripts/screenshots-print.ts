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
import * as os from "os";
import * as path from "path";
import { execFileSync } from "child_process";
import { printDocuments } from "../test/print-documents";
import { convertWithLibreOffice } from "../test/libreoffice";
import { headerNumber, pdfPages } from "../test/pdf";
import { foldKey } from "../src/domain/text";

const ROOT = path.join(__dirname, "..");
const OUT = path.join(ROOT, "docs", "in");
/** The decree's top margin (20 mm), in points: page numbers print inside it. */
const TOP_MARGIN_PT = (20 * 72) / 25.4;

async function main(): Promise<void> {
  const docs = await printDocuments();
  const pdfs = await convertWithLibreOffice(docs.map((d) => ({ name: d.name, bytes: d.bytes })), "pdf");
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-print-shots-"));
  const seen = new Set<string>(); // the overview's workbook prints the report's appendices again
  try {
    docs.forEach((d, i) => {
      const pdf = path.join(work, "in.pdf");
      fs.writeFileSync(pdf, pdfs[i]);
      // A printed sheet starts on a page without a number (the first page of each shows none).
      const starts: number[] = [];
      pdfPages(pdfs[i]).forEach((p, k) => {
        if (!headerNumber(p, TOP_MARGIN_PT) || starts.length === 0) starts.push(k + 1);
      });
      const pages = d.sheets.map((s, k) => ({ page: starts[k], name: s.name }));
      if (starts[1] !== 2) pages.splice(1, 0, { page: 2, name: `${d.sheets[0].name} trang 2` });
      for (const { page, name } of pages) {
        if (!page) continue;
        const file = path.join(OUT, `${d.name.replace(/\.xlsx$/, "")}--${foldKey(name).replace(/\W+/g, "-")}`);
        // 50 dpi: enough to see the layout, small enough to keep in git.
        execFileSync("pdftoppm", ["-png", "-r", "50", "-f", String(page), "-l", String(page), "-singlefile", pdf, file]);
        const bytes = fs.readFileSync(file + ".png").toString("base64");
        if (seen.has(bytes)) {
          fs.rmSync(file + ".png");
          continue;
        }
        seen.add(bytes);
        process.stdout.write(`${path.relative(ROOT, file)}.png: ${fs.statSync(file + ".png").size} bytes\n`);
      }
    });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : e}\n`);
  process.exit(1);
});
