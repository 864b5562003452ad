/**
 * Nothing lost, on workbooks other programs made (test/fixtures/workbooks: copies of
 * ../shared/fixtures/workbooks, and what test/corpus/make.ts has LibreOffice, openpyxl
 * and hand patches make). Every writing path — `compute`, `compute --tong-quan`,
 * `insert --vao` (the command line), the page's fixes and marks and a plain
 * open-and-download (the file host the web page uses) — on every file, checked with
 * a reader that shares no code with the package layer (test/ooxml.ts) and with
 * LibreOffice:
 *
 * - every part the command has no reason to touch is byte for byte the input's;
 * - every defined name survives with its scope, visibility and text;
 * - every worksheet's children are in the order the schema requires;
 * - LibreOffice opens the result and finds the same charts, pivot tables and notes
 *   (marks: the notes they add), and computes the same values outside the edits
 *   (sheet-scope names that collapsed would change =ROWS(TongCong));
 * - every cell outside the declared edits keeps its value, formula and style index,
 *   and every sheet its protection.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../src/cli/main";
import { nodeIO } from "../src/cli/io";
import { openWorkbook, readWorkbook } from "../src/hosts/file/read";
import { FileHost } from "../src/hosts/file/host";
import { HostError } from "../src/hosts/file/errors";
import { parseRange, a1 } from "../src/domain/address";
import { catalogWithListSheet, defaultCatalog, LIST_SHEET } from "../src/domain/catalog";
import { planCompute } from "../src/domain/compute";
import { OVERVIEW_SHEET } from "../src/domain/summary";
import type { Edit } from "../src/domain/edits";
import type { WorkbookSnapshot } from "../src/domain/snapshot";
import { runCheck, runFixes, runMarks, runUnmarks, type ActionEnv } from "../src/taskpane/actions";
import { convertWithLibreOffice } from "./libreoffice";
import { xlsxValues, type RecalcValue } from "./recalc";
import { definedNames, protectionOf, rawCells, relsOf, sheetParts, workbookPart, worksheetChildren, zipParts } from "./ooxml";

jest.setTimeout(600_000);

// Copies of ../shared/fixtures/workbooks (the first three), and test/corpus/make.ts's output.
const FIXTURES = path.join(__dirname, "fixtures", "workbooks");
const FILES = ["full-openpyxl.xlsx", "full-macro.xlsm", "base-openpyxl.xlsx", "libreoffice.xlsx", "openpyxl.xlsx", "patched-1904.xlsx"];
const COMMANDS = ["open-save", "compute", "compute --tong-quan", "insert --vao", "fixes", "marks"] as const;
type Command = (typeof COMMANDS)[number];
const TODAY = "2026-06-30";

const SCHEMA_ORDER = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges", "scenarios",
  "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting", "dataValidations",
  "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches",
  "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls",
  "webPublishItems", "tableParts", "extLst",
]; // prettier-ignore

interface Outcome {
  bytes: Uint8Array;
  /** Sheets the command wrote into (their parts, rels, notes may change). */
  edited: Set<string>;
  /** Cells whose value, formula or style the command declared it writes, "Sheet!A1". */
  declared: Set<string>;
  /** Notes the command added (marks). */
  notesAdded: number;
}

let dir: string;
const inputs = new Map<string, Uint8Array>();
const outcomes = new Map<string, Outcome | Error>();
/** What LibreOffice made of each input and output: counts and recalculated values. */
const seen = new Map<string, { charts: number; pivots: number; notes: number; values: Map<string, Map<string, RecalcValue>> }>();

const key = (file: string, command: Command | "input") => `${file} ${command}`;
const ext = (file: string) => path.extname(file);

async function cli(args: string[]): Promise<{ code: number; text: string }> {
  const lines: string[] = [];
  const io = { ...nodeIO(), out: (t: string) => void lines.push(t), err: (t: string) => void lines.push(t), today: () => TODAY };
  const code = await main(args, io);
  return { code, text: lines.join("\n") };
}

/** A file host that remembers the edits it applied (what the page's commands declared). */
class RecordingHost extends FileHost {
  readonly log: Edit[] = [];
  override async apply(edits: Edit[]) {
    const outcome = await super.apply(edits);
    this.log.push(...edits);
    return outcome;
  }
}

function declaredBy(edits: Edit[]): { edited: Set<string>; declared: Set<string> } {
  const edited = new Set<string>();
  const declared = new Set<string>();
  for (const e of edits) {
    if ("sheet" in e) edited.add(e.sheet);
    if (e.op === "setValues" || e.op === "setStyle") {
      const r = parseRange(e.range);
      for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) declared.add(`${e.sheet}!${a1(row, col)}`);
    }
  }
  return { edited, declared };
}

/** The cells `compute` declares, computed as the command does (test/declared-cells.test.ts checks the same on the bad corpus). */
function computeDeclared(wb: WorkbookSnapshot, overview: boolean): { edited: Set<string>; declared: Set<string> } {
  let catalog = defaultCatalog();
  const list = wb.sheets.find((s) => s.name === LIST_SHEET);
  if (list) catalog = catalogWithListSheet(catalog, list).catalog;
  const edited = new Set<string>();
  const declared = new Set<string>();
  for (const s of wb.sheets.filter((x) => x.name !== LIST_SHEET && !x.name.startsWith(OVERVIEW_SHEET))) {
    const plan = planCompute(s, { catalog, asOf: TODAY, today: TODAY });
    if (!plan.ok) continue;
    edited.add(s.name);
    for (const c of plan.outputCells) declared.add(`${s.name}!${c}`);
  }
  if (overview) edited.add(OVERVIEW_SHEET);
  return { edited, declared };
}

async function produce(file: string, command: Command): Promise<Outcome> {
  const input = inputs.get(file)!;
  const inPath = path.join(dir, "in", file);
  const outPath = path.join(dir, "out", `${path.basename(file, ext(file))}--${command.replace(/\W+/g, "-")}${ext(file)}`);
  if (command === "compute" || command === "compute --tong-quan") {
    const r = await cli(["compute", inPath, "-o", outPath, "--as-of", TODAY, ...(command === "compute" ? [] : ["--tong-quan"])]);
    if (r.code !== 0) throw new Error(r.text);
    return { bytes: fs.readFileSync(outPath), ...computeDeclared(await readWorkbook(input, file), command !== "compute"), notesAdded: 0 };
  }
  if (command === "insert --vao") {
    const r = await cli(["insert", "--xa", "Tân Lợi", "--nam", "2026", "--vao", inPath, "-o", outPath]);
    if (r.code !== 0) throw new Error(r.text);
    const before = new Set((await readWorkbook(input, file)).sheets.map((s) => s.name));
    const after = (await readWorkbook(fs.readFileSync(outPath), file)).sheets.map((s) => s.name);
    return { bytes: fs.readFileSync(outPath), edited: new Set(after.filter((n) => !before.has(n))), declared: new Set(), notesAdded: 0 };
  }
  // The page: the file host over the opened file, and the task pane's own actions.
  const host = new RecordingHost(await openWorkbook(input, file), file);
  const env: ActionEnv = { host, catalog: defaultCatalog(), today: () => TODAY };
  const { names } = await host.sheets();
  const locked = new Set((await host.readSheets([])).workbook.protectedSheets);
  let notesAdded = 0;
  if (command !== "open-save") {
    for (const name of names.filter((n) => !locked.has(n))) {
      const report = await runCheck(env, name, names);
      if (command === "fixes") await runFixes(env, report);
      else if (report.findings.length) {
        const notesBefore = (await host.readSheet(name)).sheet.notes ?? {};
        await runMarks(env, report);
        const notesAfter = (await host.readSheet(name)).sheet.notes ?? {};
        notesAdded += Object.keys(notesAfter).filter((cell) => !(cell in notesBefore)).length;
      }
    }
  }
  return { bytes: await host.bytes(), ...declaredBy(host.log), notesAdded };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-nothing-lost-"));
  fs.mkdirSync(path.join(dir, "in"));
  fs.mkdirSync(path.join(dir, "out"));
  for (const f of FILES) {
    const bytes = new Uint8Array(fs.readFileSync(path.join(FIXTURES, f)));
    inputs.set(f, bytes);
    fs.writeFileSync(path.join(dir, "in", f), bytes);
  }
  for (const f of FILES) {
    for (const c of COMMANDS) {
      try {
        outcomes.set(key(f, c), await produce(f, c));
      } catch (e) {
        outcomes.set(key(f, c), e instanceof Error ? e : new Error(String(e)));
      }
    }
  }
  // LibreOffice opens every input and every output (one start for all) and saves what it
  // understood, recalculated: its charts, pivot tables and notes are counted from that.
  const batch: { key: string; name: string; bytes: Uint8Array }[] = [];
  for (const f of FILES) {
    batch.push({ key: key(f, "input"), name: `${batch.length}.xlsx`, bytes: inputs.get(f)! });
    for (const c of COMMANDS) {
      const o = outcomes.get(key(f, c));
      if (o && !(o instanceof Error)) batch.push({ key: key(f, c), name: `${batch.length}.xlsx`, bytes: o.bytes });
    }
  }
  const converted = await convertWithLibreOffice(batch, "xlsx", { timeoutMs: 480_000 });
  batch.forEach((b, i) => {
    const parts = zipParts(converted[i]);
    const names = [...parts.keys()];
    const notes = names.filter((n) => /^xl\/comments\d*\.xml$/.test(n)).reduce((s, n) => s + (parts.get(n)!.toString("utf8").match(/<comment\b/g) ?? []).length, 0);
    seen.set(b.key, {
      charts: names.filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).length,
      pivots: names.filter((n) => /^xl\/pivotTables\/pivotTable\d+\.xml$/.test(n)).length,
      notes,
      values: xlsxValues(converted[i]),
    });
  });
}, 900_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function outcome(file: string, command: Command): Outcome {
  const o = outcomes.get(key(file, command));
  if (!o) throw new Error("not produced");
  if (o instanceof Error) throw o;
  return o;
}

/** The parts a command may rewrite: the package's bookkeeping, the styles, and the edited sheets' own parts. */
function mayChange(parts: Map<string, Buffer>, o: Outcome): Set<string> {
  const wb = workbookPart(parts);
  const rels = relsOf(parts, wb);
  const out = new Set<string>();
  if (o.edited.size === 0) return out;
  out.add("[Content_Types].xml").add(wb).add(`${path.posix.dirname(wb)}/_rels/${path.posix.basename(wb)}.rels`);
  for (const r of rels.filter((x) => x.type.endsWith("/styles"))) out.add(r.part);
  const sheets = sheetParts(parts);
  for (const name of o.edited) {
    const part = sheets.get(name);
    if (!part) continue;
    out.add(part).add(`${path.posix.dirname(part)}/_rels/${path.posix.basename(part)}.rels`);
    for (const r of relsOf(parts, part)) if (r.type.endsWith("/comments") || r.type.endsWith("/vmlDrawing")) out.add(r.part);
  }
  return out;
}

const cases = FILES.flatMap((f) => COMMANDS.map((c) => [f, c] as const));

describe.each(cases)("%s, %s", (file, command) => {
  it("keeps every part it has no reason to change byte for byte, and drops none", () => {
    const o = outcome(file, command);
    const before = zipParts(inputs.get(file)!);
    const after = zipParts(o.bytes);
    const allowed = mayChange(before, o);
    const changed: string[] = [];
    for (const [name, data] of before) {
      const now = after.get(name);
      // The calculation chain is a cache Excel rebuilds; dropped when a formula cell changes.
      if (!now) {
        if (!/calcChain\.xml$/.test(name)) changed.push(`${name} (gone)`);
        continue;
      }
      if (!allowed.has(name) && !now.equals(data)) changed.push(name);
    }
    expect(changed).toEqual([]);
    if (command === "open-save") expect([...after.keys()]).toEqual([...before.keys()]);
  });

  it("keeps every defined name with its scope and text", () => {
    const o = outcome(file, command);
    const names = (bytes: Uint8Array) => {
      const parts = zipParts(bytes);
      return definedNames(parts.get(workbookPart(parts))!.toString("utf8"));
    };
    const after = names(o.bytes);
    expect(after).toEqual(expect.arrayContaining(names(inputs.get(file)!)));
  });

  it("writes every worksheet's children in the schema's order", () => {
    const parts = zipParts(outcome(file, command).bytes);
    for (const [name, part] of sheetParts(parts)) {
      const xml = parts.get(part)?.toString("utf8");
      if (!xml || !xml.includes("<worksheet")) continue; // a chart sheet
      const known = worksheetChildren(xml).filter((c) => SCHEMA_ORDER.includes(c));
      const ranks = known.map((c) => SCHEMA_ORDER.indexOf(c));
      expect({ name, order: known }).toEqual({ name, order: [...known].sort((a, b) => SCHEMA_ORDER.indexOf(a) - SCHEMA_ORDER.indexOf(b)) });
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    }
  });

  it("opens in LibreOffice with the same charts, pivot tables and notes", () => {
    const o = outcome(file, command);
    const before = seen.get(key(file, "input"))!;
    const after = seen.get(key(file, command))!;
    expect({ charts: after.charts, pivots: after.pivots, notes: after.notes }).toEqual({ charts: before.charts, pivots: before.pivots, notes: before.notes + o.notesAdded });
    if (command === "marks") expect(o.notesAdded).toBeGreaterThan(0);
  });

  it("leaves every cell outside its edits as it was (value, formula, style), and every sheet's protection", () => {
    const o = outcome(file, command);
    const before = zipParts(inputs.get(file)!);
    const after = zipParts(o.bytes);
    const sheetsBefore = sheetParts(before);
    const sheetsAfter = sheetParts(after);
    expect([...sheetsAfter.keys()].slice(0, sheetsBefore.size)).toEqual([...sheetsBefore.keys()]);
    const differ: string[] = [];
    for (const [name, part] of sheetsBefore) {
      const xml0 = before.get(part)!.toString("utf8");
      const xml1 = after.get(sheetsAfter.get(name)!)!.toString("utf8");
      expect({ name, protection: protectionOf(xml1) }).toEqual({ name, protection: protectionOf(xml0) });
      const c0 = rawCells(xml0);
      const c1 = rawCells(xml1);
      for (const ref of new Set([...c0.keys(), ...c1.keys()])) {
        if (o.declared.has(`${name}!${ref}`)) continue;
        const a = c0.get(ref);
        const b = c1.get(ref);
        // A cell element with nothing in it and no style is no cell at all.
        const empty = (c: typeof a) => !c || (c.v === null && c.f === null && (c.s === "" || c.s === "0"));
        if (empty(a) && empty(b)) continue;
        if (JSON.stringify(a) !== JSON.stringify(b)) differ.push(`${name}!${ref}: ${JSON.stringify(a)} → ${JSON.stringify(b)}`);
      }
    }
    expect(differ).toEqual([]);
  });

  it("computes the same values in LibreOffice outside its edits (names keep their scope)", () => {
    const o = outcome(file, command);
    const before = seen.get(key(file, "input"))!.values;
    const after = seen.get(key(file, command))!.values;
    const differ: string[] = [];
    for (const [sheet, cells] of before) {
      const now = after.get(sheet);
      expect(now).toBeDefined();
      for (const [ref, v] of cells) {
        if (o.declared.has(`${sheet}!${ref}`)) continue;
        if ((now!.get(ref) ?? null) !== v) differ.push(`${sheet}!${ref}: ${JSON.stringify(v)} → ${JSON.stringify(now!.get(ref) ?? null)}`);
      }
    }
    expect(differ).toEqual([]);
  });
});

describe("the corpus exercises what it claims", () => {
  it("holds charts, a pivot table, tables, notes, threaded comments, sparklines, an external link, a task pane, macros, 1904 dates, same-name sheet names and a Times New Roman Normal style", () => {
    const all = FILES.map((f) => zipParts(inputs.get(f)!));
    const has = (test: (parts: Map<string, Buffer>) => boolean) => all.filter(test).length;
    const anyPart = (re: RegExp) => (p: Map<string, Buffer>) => [...p.keys()].some((n) => re.test(n));
    const anyText = (re: RegExp) => (p: Map<string, Buffer>) => [...p.values()].some((b) => re.test(b.toString("utf8")));
    expect(has(anyPart(/^xl\/charts\//))).toBeGreaterThanOrEqual(4);
    expect(has(anyPart(/^xl\/pivotTables\//))).toBeGreaterThanOrEqual(1);
    expect(has(anyPart(/^xl\/tables\//))).toBeGreaterThanOrEqual(3);
    expect(has(anyPart(/^xl\/threadedComments\//))).toBeGreaterThanOrEqual(1);
    expect(has(anyText(/<x14:sparklineGroup/))).toBeGreaterThanOrEqual(1);
    expect(has(anyPart(/^xl\/externalLinks\//))).toBeGreaterThanOrEqual(1);
    expect(has(anyPart(/^xl\/webextensions\//))).toBeGreaterThanOrEqual(1);
    expect(has(anyPart(/^xl\/vbaProject\.bin$/))).toBe(1);
    expect(has(anyText(/date1904="1"/))).toBeGreaterThanOrEqual(1);
    expect(has(anyText(/<fonts count="\d+"><font><name val="Times New Roman"\/><family val="1"\/><sz val="13"\/>/))).toBe(1);
    expect(has(anyText(/sheet="true"/))).toBeGreaterThanOrEqual(1);
    expect(has(anyText(/sheet="1"/))).toBeGreaterThanOrEqual(1);
    for (const parts of all.filter(anyText(/ROWS\(TongCong\)/))) {
      const names = definedNames(parts.get(workbookPart(parts))!.toString("utf8")).filter((n) => n.name === "TongCong");
      expect(new Set(names.map((n) => n.localSheetId)).size).toBeGreaterThanOrEqual(1);
    }
    const twoScopes = all.filter((parts) => definedNames(parts.get(workbookPart(parts))!.toString("utf8")).filter((n) => n.name === "TongCong" && n.localSheetId !== null).length === 2);
    expect(twoScopes.length).toBeGreaterThanOrEqual(2);
  });

  it("every command did write something where it should", () => {
    for (const f of FILES) {
      for (const c of COMMANDS.filter((x) => x !== "open-save")) {
        const o = outcome(f, c);
        if (c === "fixes") continue; // a file may have nothing to fix
        expect([f, c, o.edited.size > 0]).toEqual([f, c, true]);
      }
    }
  });
});

describe("protection, both dialects", () => {
  it("compute refuses a table sheet LibreOffice protected (sheet=\"true\"), naming it, and writes nothing", async () => {
    const out = path.join(dir, "out", "locked.xlsx");
    fs.writeFileSync(path.join(dir, "in", "libreoffice-locked.xlsx"), fs.readFileSync(path.join(FIXTURES, "libreoffice-locked.xlsx")));
    const r = await cli(["compute", path.join(dir, "in", "libreoffice-locked.xlsx"), "-o", out, "--as-of", TODAY]);
    expect(r.code).toBe(1);
    expect(r.text).toContain('Trang tính "Phụ lục I" đang được bảo vệ');
    expect(fs.existsSync(out)).toBe(false);
  });

  it.each([
    ["libreoffice-locked.xlsx", "Phụ lục I", 'sheet="true"'],
    ["full-openpyxl.xlsx", "Ghi chú", 'sheet="1"'],
  ])("%s: the file host refuses any write into %s (%s) before writing anything", async (file, sheet, dialect) => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(FIXTURES, file)));
    const parts = zipParts(bytes);
    expect(parts.get(sheetParts(parts).get(sheet)!)!.toString("utf8")).toMatch(new RegExp(`<sheetProtection [^>]*${dialect}`));
    const host = new FileHost(await openWorkbook(bytes, file), file);
    expect((await host.readSheets([])).workbook.protectedSheets).toContain(sheet);
    const edits: Edit[] = [
      { op: "addSheet", sheet: "Mới" },
      { op: "setValues", sheet: "Mới", range: "A1", values: [["x"]] },
      { op: "setNote", sheet, cell: "A1", text: "ghi chú" },
    ];
    const e = await host.apply(edits).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(HostError);
    expect((e as HostError).message).toBe(`Trang tính "${sheet}" đang được bảo vệ; hãy bỏ bảo vệ trang tính rồi thử lại.`);
    expect(Buffer.from(await host.bytes()).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe("macros", () => {
  it("an .xlsm stays an .xlsm: its macro and its content type are kept", () => {
    for (const c of COMMANDS) {
      const parts = zipParts(outcome("full-macro.xlsm", c).bytes);
      const types = parts.get("[Content_Types].xml")!.toString("utf8");
      expect(types).toContain('PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"');
      expect(parts.get("xl/vbaProject.bin")!.equals(zipParts(inputs.get("full-macro.xlsm")!).get("xl/vbaProject.bin")!)).toBe(true);
    }
  });

  it("compute will not write a macro workbook under an .xlsx name, and says how", async () => {
    const out = path.join(dir, "out", "macro-as.xlsx");
    const r = await cli(["compute", path.join(dir, "in", "full-macro.xlsm"), "-o", out, "--as-of", TODAY]);
    expect(r.code).toBe(2);
    expect(r.text).toContain("có macro: hãy đặt tên tệp kết quả có đuôi .xlsm");
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe("marks come off cleanly", () => {
  it.each(FILES)("%s: taking the marks off gives back every note as it was", async (file) => {
    const input = inputs.get(file)!;
    const host = new FileHost(await openWorkbook(input, file), file);
    const env: ActionEnv = { host, catalog: defaultCatalog(), today: () => TODAY };
    const { names } = await host.sheets();
    const locked = new Set((await host.readSheets([])).workbook.protectedSheets);
    const marked: string[] = [];
    for (const name of names.filter((n) => !locked.has(n))) {
      const report = await runCheck(env, name, names);
      if (!report.findings.length) continue;
      expect((await runMarks(env, report)).notDone).toEqual([]);
      marked.push(name);
    }
    expect(marked.length).toBeGreaterThan(0);
    for (const name of marked) expect((await runUnmarks(env, name)).notDone).toEqual([]);
    const bytes = await host.bytes();
    const notes = (wb: WorkbookSnapshot) => wb.sheets.map((s) => ({ name: s.name, notes: s.notes }));
    expect(notes(await readWorkbook(bytes, file))).toEqual(notes(await readWorkbook(input, file)));
    // The notes' parts themselves: a sheet that had none has none again.
    const partsOf = (b: Uint8Array) => [...zipParts(b).keys()].filter((n) => /comment|vml/i.test(n)).sort();
    expect(partsOf(bytes)).toEqual(partsOf(input));
  });
});
