/**
 * Declared cells only. Every command on every readable file of the bad corpus
 * (test/bad/make-corpus.ts: the odd layouts officials send), comparing every cell
 * (value, formula and number format) before and after, through real .xlsx files and
 * the package layer: only the cells a command declares as its output may differ.
 * (What a command keeps of the rest of a file made by other programs — parts, names,
 * charts, notes — is test/nothing-lost.test.ts.)
 *
 * - compute: the cells in the plan's `outputCells` (the domain's own declaration);
 *   no sheet added or removed; the input file untouched.
 * - insert --vao: every existing sheet identical, in its place; only new sheets.
 * - consolidate: a new workbook (the input untouched); inside a workbook, new sheets only.
 * - fixes: only the fixed cells, each holding exactly its fix; marks: notes only, and
 *   taking them off gives back the notes as they were.
 * - check is read-only: test/bad/commands.test.ts asserts it writes no file.
 *
 * And in Excel (the recording fake of Office.js): the whole plan is checked before
 * the single write round-trip, so a protected sheet or a sheet name taken since the
 * read leaves the workbook exactly as it was; Office.js errors become Vietnamese.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../src/cli/main";
import { nodeIO } from "../src/cli/io";
import { openWorkbook, snapshotWorkbook } from "../src/hosts/file/read";
import { applyEdits, workbookBytes } from "../src/hosts/file/apply";
import { HostError } from "../src/hosts/file/errors";
import { ExcelHost } from "../src/hosts/excel/host";
import { officeErrorMessage } from "../src/hosts/excel/errors";
import { a1, parseA1 } from "../src/domain/address";
import { catalogWithListSheet, defaultCatalog, LIST_SHEET } from "../src/domain/catalog";
import { planCompute } from "../src/domain/compute";
import { checkWorkbook } from "../src/domain/validate";
import { planFixes, planMarks, planUnmarks } from "../src/domain/fixes";
import { consolidate, planConsolidation } from "../src/domain/consolidate";
import { planInsert } from "../src/domain/layout";
import { OVERVIEW_SHEET } from "../src/domain/summary";
import { sheetsAdded, type Edit } from "../src/domain/edits";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../src/domain/snapshot";
import { SimSheet as FakeSheet, SimWorkbook as FakeWorkbook, installExcelGlobals } from "./sim/excel";
import { CASES, makeCorpus, type CorpusFile } from "./bad/make-corpus";

jest.setTimeout(120_000);

const TODAY = "2026-06-30";
let dir: string;
let files: CorpusFile[] = [];
const READABLE = CASES.filter((c) => c.read === "ok");

beforeAll(async () => {
  installExcelGlobals();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-lost-"));
  files = await makeCorpus(path.join(dir, "in"), (c) => c.read === "ok");
  fs.mkdirSync(path.join(dir, "out"));
}, 180_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const fileOf = (id: string) => files.find((f) => f.id === id)!;
const sha = (p: string) => createHash("sha256").update(fs.readFileSync(p)).digest("hex");

async function cli(args: string[]): Promise<{ code: number; text: string }> {
  const lines: string[] = [];
  const io = { ...nodeIO(), out: (t: string) => void lines.push(t), err: (t: string) => void lines.push(t), today: () => TODAY };
  const code = await main(args, io);
  return { code, text: lines.join("\n") };
}

async function snapshotOf(bytes: Uint8Array): Promise<WorkbookSnapshot> {
  return snapshotWorkbook(await openWorkbook(bytes, "x.xlsx"));
}

/** A fixture as read before any command ran (read once per fixture; snapshots are never changed). */
const originals = new Map<string, Promise<WorkbookSnapshot>>();
function original(id: string): Promise<WorkbookSnapshot> {
  if (!originals.has(id)) originals.set(id, snapshotOf(fs.readFileSync(fileOf(id).path)));
  return originals.get(id)!;
}

interface CellState {
  value: CellValue;
  formula: string | null;
  format: string;
}

/** Every cell that holds a value, a formula or a number format, keyed row × 20,000 + column. */
function cellsOf(s: SheetSnapshot): Map<number, CellState> {
  const out = new Map<number, CellState>();
  const rows = Math.max(s.values.length, s.numberFormats?.length ?? 0, s.formulas?.length ?? 0);
  for (let r = 0; r < rows; r++) {
    const vs = s.values[r];
    const fs_ = s.formulas?.[r];
    const nf = s.numberFormats?.[r];
    const cols = Math.max(vs?.length ?? 0, nf?.length ?? 0, fs_?.length ?? 0);
    for (let c = 0; c < cols; c++) {
      const value = vs?.[c] ?? null;
      const formula = fs_?.[c] ?? null;
      const format = nf?.[c] ?? "General";
      if (value === null && formula === null && format === "General") continue;
      out.set((r + 1) * 20_000 + c + 1, { value, formula, format });
    }
  }
  return out;
}

const addressOf = (key: number) => a1(Math.floor(key / 20_000), key % 20_000);

const same = (a: CellState | undefined, b: CellState | undefined) =>
  (a?.value ?? null) === (b?.value ?? null) && (a?.formula ?? null) === (b?.formula ?? null) && (a?.format ?? "General") === (b?.format ?? "General");

/** Addresses whose value, formula or number format differ. */
function changed(before: SheetSnapshot, after: SheetSnapshot): string[] {
  const a = cellsOf(before);
  const b = cellsOf(after);
  const keys = new Set(a.keys());
  for (const k of b.keys()) keys.add(k);
  return [...keys]
    .filter((k) => !same(a.get(k), b.get(k)))
    .sort((x, y) => x - y)
    .map(addressOf);
}

/** The value a sheet holds at an A1 address. */
function valueAt(s: SheetSnapshot, cell: string): CellValue {
  const { row, col } = parseA1(cell);
  return s.values[row - 1]?.[col - 1] ?? null;
}

/** What a sheet is besides its cells: merges, hidden rows and columns, protection, notes. */
function props(s: SheetSnapshot) {
  return {
    merges: [...(s.merges ?? [])].sort(),
    hiddenRows: s.hiddenRows ?? [],
    hiddenColumns: s.hiddenColumns ?? [],
    protected: Boolean(s.protected),
    notes: s.notes ?? {},
  };
}

function sheet(wb: WorkbookSnapshot, name: string): SheetSnapshot {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** The sheets `compute` works on and the catalog it uses, as the command line chooses them. */
function computeInputs(wb: WorkbookSnapshot) {
  let catalog = defaultCatalog();
  const list = wb.sheets.find((s) => s.name === LIST_SHEET);
  if (list) catalog = catalogWithListSheet(catalog, list).catalog;
  return { catalog, sheets: wb.sheets.filter((s) => s.name !== LIST_SHEET && !s.name.startsWith(OVERVIEW_SHEET)) };
}

describe.each(READABLE.map((c) => [c.id, c] as const))("%s", (id) => {
  it("compute changes only the cells it declares as its output", async () => {
    const f = fileOf(id);
    const hash = sha(f.path);
    const out = path.join(dir, "out", `${id}-compute.xlsx`);
    const r = await cli(["compute", f.path, "-o", out, "--as-of", TODAY]);
    expect(sha(f.path)).toBe(hash);
    if (r.code !== 0) {
      expect(fs.existsSync(out)).toBe(false);
      return;
    }
    const before = await original(id);
    const after = await snapshotOf(fs.readFileSync(out));
    expect(after.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
    const { catalog, sheets } = computeInputs(before);
    let written = 0;
    for (const s of before.sheets) {
      const plan = sheets.includes(s) ? planCompute(s, { catalog, asOf: TODAY, today: TODAY }) : null;
      const declared = new Set(plan?.ok ? plan.outputCells : []);
      const diff = changed(s, sheet(after, s.name));
      written += diff.length;
      expect(diff.filter((cell) => !declared.has(cell))).toEqual([]);
      // Compute adds columns: merges may grow (its headers), and a hidden empty column it
      // writes its own column into is shown; nothing else of the sheet changes.
      const { merges: m0, hiddenColumns: h0, ...rest0 } = props(s);
      const { merges: m1, hiddenColumns: h1, ...rest1 } = props(sheet(after, s.name));
      expect(rest1).toEqual(rest0);
      expect(m1).toEqual(expect.arrayContaining(m0));
      // Its own columns are shown, but for the helper columns it adds hidden (they never print).
      const ownColumns = new Set([...declared].map((cell) => parseA1(cell).col));
      const helpers = plan?.ok ? plan.added.filter((a) => a.hidden).map((a) => parseA1(`${a.letter}1`).col) : [];
      expect(h1).toEqual([...h0.filter((c) => !ownColumns.has(c)), ...helpers].sort((a, b) => a - b));
    }
    expect(written).toBeGreaterThan(0); // it did write its columns
  });

  it("insert --vao keeps every sheet and every cell; it only adds sheets, under names not taken", async () => {
    const f = fileOf(id);
    const hash = sha(f.path);
    const out = path.join(dir, "out", `${id}-insert.xlsx`);
    const r = await cli(["insert", "--xa", "Tân Lợi", "--nam", "2026", "--vao", f.path, "-o", out]);
    expect(r.code).toBe(0);
    expect(sha(f.path)).toBe(hash);
    const before = await original(id);
    const after = await snapshotOf(fs.readFileSync(out));
    // Every sheet kept, in its place and as it was; the new ones after them.
    expect(after.sheets.slice(0, before.sheets.length).map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
    for (const s of before.sheets) {
      expect(changed(s, sheet(after, s.name))).toEqual([]);
      expect(props(sheet(after, s.name))).toEqual(props(s));
    }
    const added = after.sheets.slice(before.sheets.length).map((s) => s.name);
    expect(added.length).toBeGreaterThanOrEqual(2);
    const taken = new Set(before.sheets.map((s) => s.name.toLowerCase()));
    for (const n of added) expect(taken.has(n.toLowerCase())).toBe(false);
  });

  it("consolidate inside a workbook only adds sheets (the command line writes a new file: test/bad/commands.test.ts)", async () => {
    const f = fileOf(id);
    const bytes = fs.readFileSync(f.path);
    const wb = await openWorkbook(bytes, f.file);
    const before = snapshotWorkbook(wb, f.file);
    const result = consolidate([{ file: f.file, workbook: before }], { catalog: defaultCatalog(), asOf: TODAY });
    const edits = planConsolidation(result, before.sheets.map((s) => s.name));
    const added = sheetsAdded(edits);
    expect(added.length).toBeGreaterThanOrEqual(3);
    for (const n of added) expect(before.sheets.map((s) => s.name.toLowerCase())).not.toContain(n.toLowerCase());
    applyEdits(wb, edits);
    const after = await snapshotOf(await workbookBytes(wb));
    for (const s of before.sheets) {
      expect(changed(s, sheet(after, s.name))).toEqual([]);
      expect(props(sheet(after, s.name))).toEqual(props(s));
    }
  });

  it("fixes write exactly their cells; marks change notes only and come off cleanly", async () => {
    const f = fileOf(id);
    const bytes = fs.readFileSync(f.path);
    const wb = await openWorkbook(bytes, f.file);
    const before = snapshotWorkbook(wb, f.file);
    const report = checkWorkbook(before, { catalog: defaultCatalog(), asOf: TODAY });
    const fixes: Edit[] = [];
    const wanted = new Map<string, CellValue>();
    for (const sr of report.sheets) {
      const s = before.sheets.find((x) => x.name === sr.name)!;
      for (const e of planFixes(sr.findings, s)) {
        if (e.op !== "setValues") throw new Error(`a fix that is not a value: ${e.op}`);
        fixes.push(e);
        wanted.set(`${e.sheet}!${e.range}`, e.values[0][0] as CellValue);
      }
    }
    const locked = before.sheets.filter((s) => s.protected).map((s) => s.name);
    if (fixes.some((e) => e.op === "setValues" && locked.includes(e.sheet))) {
      // Refused whole, before anything is written.
      expect(() => applyEdits(wb, fixes)).toThrow(HostError);
      expect(() => applyEdits(wb, fixes)).toThrow("đang được bảo vệ");
      const after = await snapshotOf(await workbookBytes(wb));
      for (const s of before.sheets) expect(changed(s, sheet(after, s.name))).toEqual([]);
      return;
    }
    if (fixes.length > 0) {
      applyEdits(wb, fixes);
      const fixed = await snapshotOf(await workbookBytes(wb));
      for (const s of before.sheets) {
        const diff = changed(s, sheet(fixed, s.name));
        expect(diff.filter((cell) => !wanted.has(`${s.name}!${cell}`))).toEqual([]);
        for (const cell of diff) expect(valueAt(sheet(fixed, s.name), cell)).toEqual(wanted.get(`${s.name}!${cell}`));
      }
    }

    // Marks: on a fresh copy, notes only; then off again, every note as it was. (Not on
    // the two largest sheets: 25,000 notes only make the run slow, not the check stronger.)
    if (id === "rows-20000" || id === "far-cell") return;
    const wb2 = await openWorkbook(bytes, f.file);
    const base = snapshotWorkbook(wb2, f.file);
    const records = [];
    for (const sr of report.sheets) {
      const s = base.sheets.find((x) => x.name === sr.name)!;
      if (s.protected || sr.findings.length === 0) continue;
      const { edits, record } = planMarks(sr.findings, s, { existingNotes: s.notes ?? {} });
      applyEdits(wb2, edits);
      records.push(record);
    }
    const marked = await snapshotOf(await workbookBytes(wb2));
    for (const s of base.sheets) expect(changed(s, sheet(marked, s.name))).toEqual([]);
    const wb3 = await openWorkbook(await workbookBytes(wb2), f.file);
    for (const rec of records) applyEdits(wb3, planUnmarks(rec, undefined, sheet(marked, rec.sheet).notes ?? {}));
    const unmarked = await snapshotOf(await workbookBytes(wb3));
    for (const s of base.sheets) {
      expect(changed(s, sheet(unmarked, s.name))).toEqual([]);
      expect(sheet(unmarked, s.name).notes ?? {}).toEqual(s.notes ?? {});
    }
  });
});

describe("in Excel: the plan is checked whole before the one write round-trip", () => {
  /** A fake workbook holding a fixture's sheets (values and protection). */
  async function fakeOf(id: string): Promise<{ wb: FakeWorkbook; snap: WorkbookSnapshot }> {
    const snap = await snapshotOf(fs.readFileSync(fileOf(id).path));
    return { wb: new FakeWorkbook(snap.sheets.map((s) => ({ name: s.name, values: s.values, protected: s.protected, merges: s.merges }))), snap };
  }

  const contents = (wb: FakeWorkbook) =>
    wb.sheets.map((s) => ({ name: s.name, cells: [...s.cells].map(([k, v]) => [k, { ...v }] as const).sort(([a], [b]) => (a < b ? -1 : 1)) }));

  // The fixtures with a table, except the 20,000-row one (the fake is a test double, not a
  // benchmark) and far-cell: its used range is A1:XFD1048576, which the fake (like Excel)
  // would load whole (see the report: a known limit of the Excel host).
  const withTables = READABLE.filter((c) => c.compute !== "no-table" && c.id !== "rows-20000" && c.id !== "far-cell");

  it.each(withTables.map((c) => c.id))("%s: compute writes only its declared cells, or nothing on a protected sheet", async (id) => {
    const { wb } = await fakeOf(id);
    const host = new ExcelHost(wb.run, wb.supports);
    const { names } = await host.sheets();
    let checked = 0;
    for (const name of names) {
      const { sheet: s, workbook } = await host.readSheet(name);
      const plan = planCompute(s, { catalog: defaultCatalog(), asOf: TODAY, today: TODAY });
      if (!plan.ok) {
        if (plan.code === "protected") {
          // Forced through anyway (a stale state, a host bug): the host refuses before writing.
          const edits: Edit[] = [{ op: "setValues", sheet: name, range: "Z1", values: [["x"]] }];
          const log = wb.log.length;
          const was = contents(wb);
          await expect(host.apply(edits, workbook)).rejects.toThrow("đang được bảo vệ");
          expect(wb.log.length).toBe(log);
          expect(contents(wb)).toEqual(was);
          checked++;
        }
        continue;
      }
      const before = new Map([...wb.sheet(name).cells].map(([k, v]) => [k, { ...v }]));
      const syncs = wb.syncs;
      await host.apply(plan.edits, workbook);
      expect(wb.syncs - syncs).toBe(1); // one write round-trip, no read of its own
      const after = wb.sheet(name).cells;
      const declared = new Set(plan.outputCells);
      const diff = [...new Set([...before.keys(), ...after.keys()])].filter((k) => JSON.stringify(before.get(k)) !== JSON.stringify(after.get(k)));
      const outside = diff.map((k) => k.split(",").map(Number)).map(([r, c]) => a1(r, c)).filter((cell) => !declared.has(cell));
      expect(outside).toEqual([]);
      expect(diff.length).toBeGreaterThan(0);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("a sheet name taken after the read (any case) stops the whole plan before anything is written", async () => {
    const { wb, snap } = await fakeOf("existing-addin-sheets");
    const host = new ExcelHost(wb.run, wb.supports);
    const plan = planInsert({
      commune: defaultCatalog().communes.find((c) => c.name === "Tân Lợi")!,
      year: 2026,
      planDate: null,
      asOf: TODAY,
      planNumber: null,
      appendices: ["I", "II"],
      existingSheets: snap.sheets.map((s) => s.name),
      existingNames: {},
      catalog: defaultCatalog(),
      reportDate: null,
    });
    const first = sheetsAdded(plan.edits)[0];
    expect(snap.sheets.map((s) => s.name)).not.toContain(first);
    // Someone adds a sheet of that name (in other letter case) while the pane waits.
    wb.sheets.push(new FakeSheet({ name: first.toUpperCase(), values: [["của người dùng"]] }));
    const was = contents(wb);
    await expect(host.apply(plan.edits)).rejects.toThrow(`Trang tính "${first}" đã có; không ghi đè.`);
    expect(wb.log).toEqual([]);
    expect(contents(wb)).toEqual(was);
  });

  it("a plan with a sheet name Excel would refuse is stopped before anything is written", async () => {
    const { wb } = await fakeOf("empty-workbook");
    const host = new ExcelHost(wb.run, wb.supports);
    for (const bad of ["Phụ lục: I", "'Phụ lục", "x".repeat(32), "   "]) {
      await expect(
        host.apply([
          { op: "addSheet", sheet: "Mới" },
          { op: "addSheet", sheet: bad },
        ]),
      ).rejects.toThrow("không hợp lệ");
    }
    expect(wb.log).toEqual([]);
  });

  it.each([
    ["ItemNotFound", "Không tìm thấy trang tính"],
    ["InvalidOperation", "đang được bảo vệ hoặc đang ở chế độ sửa ô"],
    ["AccessDenied", "đang được bảo vệ"],
    ["ApiNotFound", "chưa hỗ trợ"],
    ["ItemAlreadyExists", "trùng với tên cần tạo"],
    ["SomethingNew", "Excel báo lỗi"],
  ])("Office.js %s while writing becomes Vietnamese that does not promise nothing was written", async (code, text) => {
    const wb = new FakeWorkbook([{ name: "S", values: [["a"]] }]);
    const failing = async <T,>(options: { delayForCellEdit?: boolean }, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
      wb.run(options, async (context: Excel.RequestContext) => {
        const realSync = context.sync.bind(context);
        let n = 0;
        (context as unknown as { sync: () => Promise<void> }).sync = async () => {
          // The state read succeeds; the write fails as Excel reports it.
          if (n++ > 0) throw Object.assign(new Error(`${code}: English text from Excel`), { code });
          await realSync();
        };
        return batch(context);
      });
    const host = new ExcelHost(failing, wb.supports);
    const err = await host.apply([{ op: "setValues", sheet: "S", range: "B1", values: [["b"]] }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    const message = (err as HostError).message;
    expect(message).toContain(text);
    expect(message).toContain("một phần thay đổi có thể đã được ghi");
    expect(message).not.toMatch(/English|Error/);
  });

  it("an Office.js error while reading says nothing was written; an API an old Excel lacks is named as such", async () => {
    const wb = new FakeWorkbook([{ name: "S", values: [["a"]] }]);
    const host = new ExcelHost(wb.run, wb.supports);
    const err = (await host.readSheet("Không có").catch((e: unknown) => e)) as HostError;
    expect(err.message).toContain("Không tìm thấy trang tính");
    expect(err.message).toContain("Chưa có thay đổi nào được ghi.");
    expect(officeErrorMessage(new TypeError("Cannot read properties of undefined (reading 'notes')"), "write")).toContain("chưa hỗ trợ chức năng cần dùng");
  });
});

describe("the corpus exercises what it claims", () => {
  it("some readable fixtures have fixes to apply and notes to keep", async () => {
    let fixes = 0;
    for (const f of files.filter((x) => x.id !== "rows-20000")) {
      const snap = await snapshotOf(fs.readFileSync(f.path));
      const report = checkWorkbook(snap, { catalog: defaultCatalog(), asOf: TODAY });
      for (const sr of report.sheets) fixes += planFixes(sr.findings, snap.sheets.find((s) => s.name === sr.name)).length;
    }
    expect(fixes).toBeGreaterThan(10);
    const notes = (await snapshotOf(fs.readFileSync(fileOf("comments-validation").path))).sheets[0].notes ?? {};
    expect(Object.keys(notes)).toEqual(["D6"]);
  });
});
