/**
 * LibreOffice Calc headless for tests: recalculate workbooks (so a test can read what
 * a sheet's own formulas compute; ExcelJS writes formulas but never evaluates them)
 * and render them to PDF.
 *
 * Recalculation, reliably: LibreOffice computes on load only the formulas that have no
 * stored result; it keeps every stored result as it is, and it ignores the file's
 * fullCalcOnLoad flag. Each run therefore gets its own fresh profile
 * (-env:UserInstallation) whose settings say "always recalculate OOXML and ODF files on
 * load" (org.openoffice.Office.Calc/Formula/Load OOXMLRecalcMode/ODFRecalcMode = 0).
 * A separate profile per run also lets test files run in parallel: two soffice
 * processes cannot share one profile.
 *
 * Several files convert in one soffice start (~1–3 s), so pass them together.
 */
import { execFile, execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ALWAYS_RECALCULATE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Formats soffice --convert-to understands for a spreadsheet; xlsx uses the "Calc MS Excel 2007 XML" filter. */
export type LibreOfficeFormat = "xlsx" | "pdf" | "ods" | "csv";

/** soffice is on the PATH (CI installs libreoffice-calc-nogui). */
export function hasLibreOffice(): boolean {
  try {
    execFileSync("soffice", ["--version"], { stdio: "ignore", timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * Convert workbooks with LibreOffice in one run, recalculating every formula on load.
 * Returns the converted bytes in the order given. Names must be distinct file names
 * ending in .xlsx (or .ods); only the base name is used.
 */
export async function convertWithLibreOffice(
  files: { name: string; bytes: Uint8Array }[],
  format: LibreOfficeFormat,
  options: { timeoutMs?: number } = {},
): Promise<Uint8Array[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-lo-"));
  const profile = path.join(work, "profile");
  try {
    fs.mkdirSync(path.join(profile, "user"), { recursive: true });
    fs.writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), ALWAYS_RECALCULATE);
    const inDir = path.join(work, "in");
    const outDir = path.join(work, "out");
    fs.mkdirSync(inDir);
    const inputs = files.map((f) => {
      const p = path.join(inDir, path.basename(f.name));
      fs.writeFileSync(p, f.bytes);
      return p;
    });
    if (new Set(inputs).size !== inputs.length) throw new Error("convertWithLibreOffice: file names must be distinct");
    await new Promise<void>((resolve, reject) =>
      execFile(
        "soffice",
        [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", format, "--outdir", outDir, ...inputs],
        { timeout: options.timeoutMs ?? 180_000 },
        (err, _stdout, stderr) => (err ? reject(new Error(`soffice failed: ${err.message}\n${stderr}`)) : resolve()),
      ),
    );
    return inputs.map((p) => {
      const out = path.join(outDir, path.basename(p).replace(/\.[^.]+$/, "") + "." + format);
      if (!fs.existsSync(out)) throw new Error(`soffice produced no ${format} for ${path.basename(p)}`);
      return new Uint8Array(fs.readFileSync(out));
    });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** One workbook as LibreOffice saves it after recalculating every formula. */
export async function recalculate(bytes: Uint8Array): Promise<Uint8Array> {
  const [out] = await convertWithLibreOffice([{ name: "workbook.xlsx", bytes }], "xlsx");
  return out;
}

/** Render a PDF page to PNG with poppler's pdftoppm (apt-get install poppler-utils). */
export function pdfPageToPng(pdf: Uint8Array, opts: { page?: number; dpi?: number } = {}): Uint8Array {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-pdf-"));
  try {
    const input = path.join(work, "in.pdf");
    fs.writeFileSync(input, pdf);
    const page = String(opts.page ?? 1);
    execFileSync("pdftoppm", ["-png", "-r", String(opts.dpi ?? 80), "-f", page, "-l", page, "-singlefile", input, path.join(work, "page")]);
    return new Uint8Array(fs.readFileSync(path.join(work, "page.png")));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
