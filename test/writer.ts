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

/**
 * A seed plan as HTML a person might paste or save: the plan's text, then each appendix
 * on a new page with its heading block (a borderless table), title paragraphs, and the
 * table with colspan/rowspan for its merged cells and <br> for line breaks in cells.
 */
export function seedHtml(id: string): string {
  const seed = loadSeed(id);
  const parts: string[] = [
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Kế hoạch</title></head><body style="font-family:'Times New Roman'">`,
    `<p align="center"><b>KẾ HOẠCH</b></p><p>Triển khai Nghị quyết số 57-NQ/TW; chi tiết tại các phụ lục kèm theo.</p>`,
  ];
  const html = (t: string) => esc(t).replace(/\n/g, "<br>");
  for (const s of seed.sheets) {
    const h = s.values.findIndex((row) => {
      const first = row.find((v) => v !== null);
      return typeof first === "string" && /^(stt|tt|\(1\))/i.test(first.trim());
    });
    const width = Math.max(...s.values.map((r) => r.length));
    const text = (r: number, c: number) => shownText(s.values[r]?.[c] ?? null, s.numberFormats?.[r]?.[c]);
    parts.push(`<p style="page-break-before: always"></p>`);
    const heading = s.values.slice(0, h);
    let blockEnd = 0;
    while (blockEnd < heading.length && heading[blockEnd].some((v, c) => c > 0 && v !== null)) blockEnd++;
    if (blockEnd > 0) {
      const split = heading[0].findIndex((v, c) => c > 0 && v !== null);
      const side = (from: number, to: number) =>
        heading
          .slice(0, blockEnd)
          .flatMap((row) => row.slice(from, to).filter((v) => v !== null))
          .map((v) => `<p align="center"><b>${html(String(v))}</b></p>`)
          .join("");
      parts.push(`<table style="border:none" width="100%"><tr><td width="40%">${side(0, split)}</td><td>${side(split, width)}</td></tr></table>`);
    }
    for (const row of heading.slice(blockEnd)) {
      const t = row.filter((v) => v !== null).map(String).join(" ");
      if (t) parts.push(`<p align="center">${t.startsWith("(") ? `<i>${html(t)}</i>` : `<b>${html(t)}</b>`}</p>`);
    }
    const merges = (s.merges ?? []).map(parseRange).filter((m) => m.top > h);
    const rows: string[] = [];
    for (let r = h; r < s.values.length; r++) {
      const cells: string[] = [];
      for (let c = 0; c < width; c++) {
        const inside = merges.find((m) => r + 1 >= m.top && r + 1 <= m.bottom && c + 1 >= m.left && c + 1 <= m.right);
        if (inside && (inside.top !== r + 1 || inside.left !== c + 1)) continue;
        const span = inside ? ` colspan="${inside.right - inside.left + 1}" rowspan="${inside.bottom - inside.top + 1}"` : "";
        const tag = r === h ? "th" : "td";
        cells.push(`<${tag}${span}>${html(text(r, c))}</${tag}>`);
      }
      rows.push(`<tr>${cells.join("")}</tr>`);
    }
    parts.push(`<table border="1" cellspacing="0" cellpadding="4"><thead>${rows[0]}</thead><tbody>${rows.slice(1).join("")}</tbody></table>`);
  }
  parts.push("</body></html>");
  return parts.join("\n");
}
