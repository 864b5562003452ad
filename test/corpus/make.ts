/**
 * Builds the workbooks of the test corpus that other programs make, into
 * test/fixtures/workbooks/ (committed: the tests never need LibreOffice or Python to
 * have them). Run again after changing a generator:
 *
 *   npx tsx test/corpus/make.ts
 *
 * - libreoffice.xlsx, libreoffice-locked.xlsx: LibreOffice Calc headless runs
 *   corpus.bas (a Basic macro) over the Minh Hưng seed tables and saves with its own
 *   xlsx filter: charts, a pivot table, a table (database range), notes, names (one
 *   name in two sheets' scopes), a protected sheet in LibreOffice's dialect
 *   (sheet="true"); the locked one also protects the appendix sheet.
 * - openpyxl.xlsx: Debian's python3-openpyxl runs openpyxl_corpus.py over the Tân Lợi
 *   seed tables (its own part layout: xl/comments/, default-namespace drawings).
 * - patched-1904.xlsx: the same from openpyxl with dates counted from 1904, then
 *   patched by hand: a second sheet-scope name "TongCong" (the same name on two
 *   sheets) read by =ROWS(TongCong), and a Normal style in Times New Roman 13.
 *
 * The three workbooks of ../shared/fixtures/workbooks are copied beside them as they are.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { workbookOf } from "../xlsx";
import { loadSeed } from "../seeds";
import { patchZip } from "../bad/zip";

const ROOT = path.resolve(__dirname, "..", "..");
const OUT = path.join(ROOT, "test", "fixtures", "workbooks");
const SEEDS = path.join(ROOT, "test", "fixtures", "seeds");
const PYTHON = "/usr/bin/python3"; // Debian's, with python3-openpyxl

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Run corpus.bas in a fresh LibreOffice profile (the first start writes the profile's macro library). */
function libreOffice(work: string, input: string, output: string, locked: boolean): void {
  const profile = path.join(work, "profile");
  const soffice = (args: string[], env: Record<string, string> = {}) =>
    execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--invisible", ...args], {
      env: { ...process.env, ...env },
      stdio: "ignore",
      timeout: 180_000,
    });
  const basic = path.join(profile, "user", "basic", "Standard");
  if (!fs.existsSync(basic)) soffice(["--terminate_after_init"]);
  const module =
    '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n' +
    `<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Corpus" script:language="StarBasic">${escapeXml(
      fs.readFileSync(path.join(__dirname, "corpus.bas"), "utf8"),
    )}</script:module>\n`;
  fs.writeFileSync(path.join(basic, "Corpus.xba"), module);
  const lib = path.join(basic, "script.xlb");
  const xlb = fs.readFileSync(lib, "utf8");
  if (!xlb.includes('"Corpus"')) fs.writeFileSync(lib, xlb.replace("</library:library>", ' <library:element library:name="Corpus"/>\n</library:library>'));
  soffice(["macro:///Standard.Corpus.Main"], { CORPUS_IN: input, CORPUS_OUT: output, ...(locked ? { CORPUS_LOCKED: "1" } : {}) });
  if (!fs.existsSync(output)) throw new Error(`LibreOffice wrote no ${output}`);
}

/** The patches: a second sheet-scope "TongCong", a formula reading it, and the Normal font. */
function patch(bytes: Uint8Array): Uint8Array {
  return patchZip(bytes, (parts) => {
    const edit = (name: string, from: RegExp | string, to: string) => {
      const xml = parts.get(name)!.toString("utf8");
      const out = xml.replace(from, to);
      if (out === xml) throw new Error(`patch of ${name} did not apply: ${from}`);
      parts.set(name, Buffer.from(out, "utf8"));
    };
    edit("xl/workbook.xml", "<definedNames>", `<definedNames><definedName name="TongCong" localSheetId="0">'Chỉ tiêu'!$A$1:$A$3</definedName>`);
    edit("xl/worksheets/sheet1.xml", /(<row r="2"[^>]*>[\s\S]*?)(<\/row>)/, '$1<c r="H2"><f>ROWS(TongCong)</f></c>$2');
    edit("xl/styles.xml", /<fonts count="(\d+)"><font>[\s\S]*?<\/font>/, '<fonts count="$1"><font><name val="Times New Roman"/><family val="1"/><sz val="13"/></font>');
  });
}

async function main(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-corpus-"));
  try {
    const seed = path.join(work, "minh-hung.xlsx");
    fs.writeFileSync(seed, await workbookOf(loadSeed("002").sheets));
    libreOffice(work, seed, path.join(OUT, "libreoffice.xlsx"), false);
    libreOffice(work, seed, path.join(OUT, "libreoffice-locked.xlsx"), true);

    execFileSync(PYTHON, [path.join(__dirname, "openpyxl_corpus.py"), SEEDS, path.join(OUT, "openpyxl.xlsx")]);
    const mac = path.join(work, "mac.xlsx");
    execFileSync(PYTHON, [path.join(__dirname, "openpyxl_corpus.py"), SEEDS, mac, "--1904"]);
    fs.writeFileSync(path.join(OUT, "patched-1904.xlsx"), patch(new Uint8Array(fs.readFileSync(mac))));

    // ../shared/fixtures/workbooks beside the repository (or beside its worktrees' folder).
    const shared = [path.join(ROOT, "..", "shared"), path.join(ROOT, "..", "..", "shared")].map((d) => path.join(d, "fixtures", "workbooks")).find((d) => fs.existsSync(d));
    if (shared) for (const f of fs.readdirSync(shared)) if (/\.xls[xm]$/.test(f)) fs.copyFileSync(path.join(shared, f), path.join(OUT, f));
    console.log(fs.readdirSync(OUT).join("\n"));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
