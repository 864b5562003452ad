/**
 * Regenerates docs/insert-screenshot.png: what `phuluc insert` writes, filled in as in
 * the LibreOffice test (so the colours show), printed by LibreOffice to PDF, first page
 * of Appendix I at 80 dpi. `--page N` renders another page (Appendix II starts on the
 * page whose text has "PHỤ LỤC II"; the script prints which).
 *
 *   npx tsx test/insert-screenshot.ts [--page N] [--out FILE.png]
 *
 * Needs soffice, and pdftoppm and pdftotext (apt-get install poppler-utils).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { convertWithLibreOffice, pdfPageToPng } from "./libreoffice";
import { fillScenario, runInsert } from "./insert-scenario";

async function main(): Promise<void> {
  const made = await runInsert(["--xa", "Tân Lợi", "--nam", "2026", "--so-ke-hoach", "45", "--ngay-ke-hoach", "2026-03-12", "-o", "out.xlsx"]);
  if (made.code !== 0 || !made.bytes) throw new Error(made.err);
  const [pdf] = await convertWithLibreOffice([{ name: "phu-luc.xlsx", bytes: await fillScenario(made.bytes) }], "pdf");
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-shot-"));
  try {
    const pdfPath = path.join(work, "phu-luc.pdf");
    fs.writeFileSync(pdfPath, pdf);
    const pages = execFileSync("pdftotext", ["-layout", pdfPath, "-"]).toString("utf8").split("\f");
    const tasksPage = pages.findIndex((p) => p.includes("PHỤ LỤC II")) + 1;
    const arg = (name: string) => {
      const i = process.argv.indexOf(name);
      return i > 0 ? process.argv[i + 1] : undefined;
    };
    const page = Number(arg("--page") ?? 1);
    const out = arg("--out") ?? path.join(__dirname, "..", "docs", "insert-screenshot.png");
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, pdfPageToPng(pdf, { page, dpi: 80 }));
    process.stdout.write(`${out}: page ${page} of ${pages.length - 1}, ${fs.statSync(out).size} bytes (Phụ lục II starts on page ${tasksPage})\n`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(String(e instanceof Error ? e.stack : e) + "\n");
  process.exit(1);
});
