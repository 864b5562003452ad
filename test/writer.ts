/**
 * LibreOffice Writer headless for tests: make .docx files the way a real word
 * processor writes them (from HTML or flat ODF text we generate), convert documents to
 * .doc, .odt or PDF, and read a PDF with poppler-utils (pdfinfo, pdffonts, pdftotext).
 * Each run gets its own profile so test files can run in parallel; several files
 * convert in one soffice start.
 */
import { execFile, execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { esc, shownText } from "./docx";
import { loadSeed } from "./seeds";
import { parseRange } from "../src/domain/address";

/** soffice's export filter for each target. */
const FILTERS: Record<string, string> = {
  docx: "docx:MS Word 2007 XML",
  doc: "doc:MS Word 97",
  odt: "odt:writer8",
  pdf: "pdf:writer_pdf_Export",
};

/** Convert documents with LibreOffice Writer in one run; returns the outputs' bytes in order. */
export async function writerConvert(files: { name: string; bytes: Uint8Array | string }[], to: keyof typeof FILTERS, options: { html?: boolean } = {}): Promise<Uint8Array[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-writer-"));
  try {
    const profile = path.join(work, "profile");
    const inDir = path.join(work, "in");
    const outDir = path.join(work, "out");
    fs.mkdirSync(inDir, { recursive: true });
    const inputs = files.map((f) => {
      const p = path.join(inDir, path.basename(f.name));
      fs.writeFileSync(p, f.bytes);
      return p;
    });
    const args = [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore"];
    // HTML opens in Writer/Web unless told otherwise; Writer proper has the Word filters.
    if (options.html) args.push("--infilter=HTML (StarWriter)");
    args.push("--convert-to", FILTERS[to], "--outdir", outDir, ...inputs);
    await new Promise<void>((resolve, reject) =>
      execFile("soffice", args, { timeout: 240_000 }, (err, _o, stderr) => (err ? reject(new Error(`soffice failed: ${err.message}\n${stderr}`)) : resolve())),
    );
    return inputs.map((p) => {
      const out = path.join(outDir, path.basename(p).replace(/\.[^.]+$/, "") + "." + to);
      if (!fs.existsSync(out)) throw new Error(`soffice produced no ${to} for ${path.basename(p)}`);
      return new Uint8Array(fs.readFileSync(out));
    });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Run a poppler tool on PDF bytes and return its output. */
export function poppler(tool: "pdfinfo" | "pdffonts" | "pdftotext", pdf: Uint8Array, args: string[] = []): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-pdf-"));
  try {
    const file = path.join(dir, "in.pdf");
    fs.writeFileSync(file, pdf);
    const tail = tool === "pdftotext" ? [file, "-"] : [file];
    return execFileSync(tool, [...args, ...tail], { encoding: "utf8", timeout: 60_000 });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const ODF_NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" ' +
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ' +
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"';

/** Text as ODF paragraphs: a paragraph per line, runs of spaces kept with text:s (ODF, like XML, collapses them otherwise). */
function odfParas(text: string, style = ""): string {
  const attr = style ? ` text:style-name="${style}"` : "";
  return text
    .split("\n")
    .map((line) => `<text:p${attr}>${esc(line).replace(/ {2,}/g, (m) => ` <text:s text:c="${m.length - 1}"/>`)}</text:p>`)
    .join("");
}

/**
 * A seed plan as flat ODF text (.fodt) for LibreOffice Writer to save as .docx: the
 * plan's text, then each appendix on a new page with its heading block (a two-cell
 * table), title paragraphs, and the table with a repeated header row, spanned and
 * covered cells for its merged areas and one paragraph per line in a cell.
 */
export function seedFodt(id: string): string {
  const seed = loadSeed(id);
  const parts: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>\n<office:document ${ODF_NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">`,
    '<office:automatic-styles><style:style style:name="PB" style:family="paragraph"><style:paragraph-properties fo:break-before="page"/></style:style>' +
      '<style:style style:name="C" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold"/></style:style></office:automatic-styles>',
    "<office:body><office:text>",
    odfParas("KẾ HOẠCH", "C"),
    odfParas("Triển khai Nghị quyết số 57-NQ/TW; chi tiết tại các phụ lục kèm theo."),
  ];
  seed.sheets.forEach((s, n) => {
    const h = s.values.findIndex((row) => {
      const first = row.find((v) => v !== null);
      return typeof first === "string" && /^(stt|tt|\(1\))/i.test(first.trim());
    });
    const width = Math.max(...s.values.map((r) => r.length));
    const text = (r: number, c: number) => shownText(s.values[r]?.[c] ?? null, s.numberFormats?.[r]?.[c]);
    parts.push('<text:p text:style-name="PB"/>');
    const heading = s.values.slice(0, h);
    let blockEnd = 0;
    while (blockEnd < heading.length && heading[blockEnd].some((v, c) => c > 0 && v !== null)) blockEnd++;
    if (blockEnd > 0) {
      const split = heading[0].findIndex((v, c) => c > 0 && v !== null);
      const side = (from: number, to: number) =>
        heading
          .slice(0, blockEnd)
          .flatMap((row) => row.slice(from, to).filter((v) => v !== null))
          .map((v) => odfParas(String(v), "C"))
          .join("");
      parts.push(
        `<table:table table:name="TieuDe${n + 1}"><table:table-column table:number-columns-repeated="2"/><table:table-row>` +
          `<table:table-cell>${side(0, split)}</table:table-cell><table:table-cell>${side(split, width)}</table:table-cell></table:table-row></table:table>`,
      );
    }
    for (const row of heading.slice(blockEnd)) {
      const t = row.filter((v) => v !== null).map(String).join(" ");
      if (t) parts.push(odfParas(t, "C"));
    }
    const merges = (s.merges ?? []).map(parseRange).filter((m) => m.top > h);
    const rows: string[] = [];
    for (let r = h; r < s.values.length; r++) {
      const cells: string[] = [];
      for (let c = 0; c < width; c++) {
        const inside = merges.find((m) => r + 1 >= m.top && r + 1 <= m.bottom && c + 1 >= m.left && c + 1 <= m.right);
        if (inside && (inside.top !== r + 1 || inside.left !== c + 1)) {
          cells.push("<table:covered-table-cell/>");
          continue;
        }
        const span = inside ? ` table:number-columns-spanned="${inside.right - inside.left + 1}" table:number-rows-spanned="${inside.bottom - inside.top + 1}"` : "";
        cells.push(`<table:table-cell${span}>${odfParas(text(r, c))}</table:table-cell>`);
      }
      rows.push(`<table:table-row>${cells.join("")}</table:table-row>`);
    }
    parts.push(
      `<table:table table:name="Bang${n + 1}"><table:table-column table:number-columns-repeated="${width}"/>` +
        `<table:table-header-rows>${rows[0]}</table:table-header-rows>${rows.slice(1).join("")}</table:table>`,
    );
  });
  parts.push("</office:text></office:body></office:document>");
  return parts.join("\n");
}
