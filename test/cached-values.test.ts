/**
 * Every formula the add-in writes carries the value the domain computed for it, so a
 * viewer that does not recalculate (a phone, a file preview, the page's grid) shows
 * the right rate, verdict, due date and flag. Here each cached value is compared with
 * what LibreOffice computes for the same formula when it recalculates the file:
 * `compute` on generated communes' files (results and statuses typed the ways
 * officials type them), on an inserted appendix filled in as in the insert scenario,
 * and on the corpus; and `insert` itself.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../src/cli/main";
import { nodeIO } from "../src/cli/io";
import { COMMUNES } from "../src/catalog";
import { convertWithLibreOffice } from "./libreoffice";
import { xlsxValues, type RecalcValue } from "./recalc";
import { rawCells, sheetParts, zipParts } from "./ooxml";
import { generateCommuneWorkbook, LAYOUTS } from "./generate";
import { fillScenario, runInsert, REPORT_DATE } from "./insert-scenario";

jest.setTimeout(600_000);

const AS_OF = "2026-06-30";
let dir: string;
const files: { name: string; bytes: Uint8Array; input?: Uint8Array }[] = [];
let recalculated: Map<string, Map<string, Map<string, RecalcValue>>>;

async function cli(args: string[]): Promise<void> {
  const lines: string[] = [];
  const io = { ...nodeIO(), out: (t: string) => void lines.push(t), err: (t: string) => void lines.push(t), today: () => AS_OF };
  const code = await main(args, io);
  if (code !== 0) throw new Error(lines.join("\n"));
}

async function computed(name: string, input: Uint8Array, extra: string[] = []): Promise<void> {
  const inPath = path.join(dir, `in-${name}`);
  const outPath = path.join(dir, name);
  fs.writeFileSync(inPath, input);
  await cli(["compute", inPath, "-o", outPath, "--as-of", AS_OF, ...extra]);
  files.push({ name, bytes: new Uint8Array(fs.readFileSync(outPath)), input });
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-cached-"));
  for (const [i, layout] of LAYOUTS.entries()) {
    await computed(`commune-${layout}.xlsx`, await generateCommuneWorkbook(COMMUNES[i * 7], { layout, seed: 11 + i, asOf: AS_OF }), i === 0 ? ["--tong-quan"] : []);
  }
  const inserted = await runInsert(["--xa", "Tân Lợi", "--nam", "2026", "--mau", "bao-cao", "--ngay-bao-cao", REPORT_DATE, "-o", "phu-luc.xlsx"]);
  files.push({ name: "inserted.xlsx", bytes: inserted.bytes! });
  await computed("scenario.xlsx", await fillScenario(inserted.bytes!));
  // The plan form, turned into its report form by compute.
  const plan = await runInsert(["--xa", "Tân Lợi", "--nam", "2026", "-o", "ke-hoach.xlsx"]);
  await computed("plan-computed.xlsx", plan.bytes!);
  for (const f of ["full-openpyxl.xlsx", "libreoffice.xlsx", "patched-1904.xlsx"]) {
    await computed(`corpus-${f}`, new Uint8Array(fs.readFileSync(path.join(__dirname, "fixtures", "workbooks", f))));
  }
  const out = await convertWithLibreOffice(files.map((f) => ({ name: f.name, bytes: f.bytes })), "xlsx");
  recalculated = new Map(files.map((f, i) => [f.name, xlsxValues(out[i])]));
}, 600_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** A cached value as stored: typed by its cell's `t`. */
function typed(c: { t: string; v: string | null }): RecalcValue {
  if (c.v === null || c.v === "") return null;
  if (c.t === "str" || c.t === "e" || c.t === "inlineStr" || c.t === "s") return c.v;
  if (c.t === "b") return c.v === "1";
  return Number(c.v);
}

describe.each(["commune-000.xlsx", "commune-001.xlsx", "commune-002.xlsx", "commune-004.xlsx", "inserted.xlsx", "scenario.xlsx", "plan-computed.xlsx", "corpus-full-openpyxl.xlsx", "corpus-libreoffice.xlsx", "corpus-patched-1904.xlsx"])(
  "%s",
  (name) => {
    it("every formula the add-in wrote caches what LibreOffice computes", () => {
      const f = files.find((x) => x.name === name)!;
      const parts = zipParts(f.bytes);
      const before = f.input ? zipParts(f.input) : null;
      const beforeSheets = before ? sheetParts(before) : new Map<string, string>();
      const lo = recalculated.get(name)!;
      const mismatches: string[] = [];
      let checked = 0;
      const kinds = new Set<string>();
      for (const [sheet, part] of sheetParts(parts)) {
        const old = beforeSheets.has(sheet) ? rawCells(before!.get(beforeSheets.get(sheet)!)!.toString("utf8")) : new Map();
        for (const [ref, c] of rawCells(parts.get(part)!.toString("utf8"))) {
          // The add-in's formulas: those not in the input as they are now.
          if (c.f === null || JSON.stringify(old.get(ref)) === JSON.stringify(c)) continue;
          const mine = typed(c);
          const theirs = lo.get(sheet)?.get(ref) ?? null;
          checked++;
          kinds.add(typeof mine);
          const same = typeof mine === "number" && typeof theirs === "number" ? Math.abs(mine - theirs) < 1e-9 : mine === theirs;
          if (!same) mismatches.push(`${sheet}!${ref} ${JSON.parse(c.f)[1]}: cached ${JSON.stringify(mine)}, LibreOffice ${JSON.stringify(theirs)}`);
        }
      }
      expect(mismatches).toEqual([]);
      expect(checked).toBeGreaterThan(10);
    });
  },
);

describe("the checks above compare something", () => {
  it("cached rates, verdicts, due dates and flags of every kind are among them", () => {
    const seen = new Set<string>();
    for (const f of files) {
      const parts = zipParts(f.bytes);
      for (const [, part] of sheetParts(parts)) for (const c of rawCells(parts.get(part)!.toString("utf8")).values()) if (c.f !== null && c.v) seen.add(String(typed(c)));
    }
    for (const v of ["Đạt", "Vượt", "Chưa đạt", "Quá hạn", "Sắp đến hạn", "Hoàn thành"]) expect([v, seen.has(v)]).toEqual([v, true]);
    expect([...seen].some((v) => /^0\.\d+$/.test(v))).toBe(true); // a rate
  });
});
