/**
 * Every command of the command line on every file of the bad corpus, through the
 * CLI's own entry point (`main`) and the real file system: each ends with a clear
 * Vietnamese message that says what is wrong and where (the file, the sheet), no
 * stack trace, the right exit code (2 for a file that cannot be read), and no output
 * file at all when it fails. Files that look different but hold the same table as a
 * seed (the header in row 30, hidden rows, NFD text...) must be checked exactly like
 * the seed.
 */
import { execFileSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { nodeIO } from "../../src/cli/io";
import { openWorkbook, snapshotWorkbook } from "../../src/hosts/file/read";
import { parseA1, a1 } from "../../src/domain/address";
import { LIST_SHEET } from "../../src/domain/catalog";
import { workbookOf } from "../xlsx";
import { CASES, makeCorpus, type BadCase, type CorpusFile } from "./make-corpus";

jest.setTimeout(120_000);

const TODAY = "2026-06-30";
const ROOT = path.resolve(__dirname, "..", "..");
let dir: string;
const files = new Map<string, CorpusFile>();

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-bad-"));
  for (const f of await makeCorpus(path.join(dir, "in"))) files.set(f.id, f);
  fs.mkdirSync(path.join(dir, "out"));
}, 180_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

interface Run {
  code: number;
  out: string;
  err: string;
  /** Every file the command wrote. */
  writes?: string[];
}

async function cli(args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const writes: string[] = [];
  const real = nodeIO();
  const io = {
    ...real,
    out: (t: string) => void out.push(t),
    err: (t: string) => void err.push(t),
    writeFile: (p: string, d: Uint8Array) => (writes.push(p), real.writeFile(p, d)),
    today: () => TODAY,
  };
  // No command ever writes to a file it was given to read.
  const inputs = args.filter((a) => fs.existsSync(a) && fs.statSync(a).isFile());
  const before = inputs.map(sha);
  const code = await main(args, io);
  expect(inputs.map(sha)).toEqual(before);
  return { code, out: out.join("\n"), err: err.join("\n"), writes };
}

function sha(p: string): string {
  return createHash("sha256").update(fs.readFileSync(p)).digest("hex");
}

/** What any message a person reads must be: Vietnamese, no traces of the program's insides. */
function expectClear(r: Run): void {
  const text = `${r.out}\n${r.err}`;
  expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m); // a stack frame
  expect(text).not.toMatch(/Lỗi không mong đợi|\bundefined\b|\[object Object\]|\bNaN\b|TypeError|RangeError|ReferenceError|\bError:/);
  expect(text).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽềếểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
}

const outPath = (c: BadCase, command: string) => path.join(dir, "out", `${c.id}-${command}.xlsx`);
const input = (c: BadCase) => files.get(c.id)!.path;

function expectUnreadable(r: Run, c: BadCase): void {
  if (c.read === "ok") throw new Error("not an unreadable case");
  expect(r.code).toBe(2);
  expect(r.err).toContain(c.file);
  expect(r.err).toMatch(c.read.message);
}

/** Finding codes and cells of `check --json`, per sheet in order, rows shifted back by `offset`. */
function findingsOf(json: string, offset = 0): string[][] {
  const report = JSON.parse(json) as { sheets: { findings: { code: string; cell: string }[] }[] };
  return report.sheets.map((s) =>
    s.findings
      .map((f) => {
        const { row, col } = parseA1(f.cell);
        return `${f.code}@${a1(row - offset, col)}`;
      })
      .sort(),
  );
}

describe.each(CASES.map((c) => [c.id, c] as const))("%s", (_id, c) => {
  it(`check: ${c.about}`, async () => {
    const r = await cli(["check", input(c)]);
    expectClear(r);
    expect(r.writes).toEqual([]); // check only reads
    if (c.read !== "ok") {
      expectUnreadable(r, c);
      expect(r.out).toBe("");
      return;
    }
    if (c.nothingToCheck) {
      expect(r.code).toBe(2);
      expect(r.err).toContain(`Tệp "${c.file}" không có trang tính nào`);
      return;
    }
    expect([0, 1]).toContain(r.code);
    // Where: the file and every sheet are named in the report.
    expect(r.out).toContain(`Tệp: ${input(c)}`);
    const wb = snapshotWorkbook(await openWorkbook(fs.readFileSync(input(c)), c.file));
    // (The list sheet "Danh mục" is the workbook's own catalog, not an appendix: not listed.)
    for (const s of wb.sheets) if (s.name !== LIST_SHEET) expect(r.out).toContain(`Trang tính "${s.name}"`);
    expect(r.out).toMatch(/Kết luận: (Sẵn sàng nộp \(không có lỗi\)|Chưa sẵn sàng nộp: còn \d+ lỗi cần sửa)\.$/);
    expect(r.code === 1).toBe(/Chưa sẵn sàng nộp/.test(r.out));
  });

  if (c.twin) {
    it("check finds exactly what it finds in the plain seed with the same table", async () => {
      const twin = c.twin!;
      const file = path.join(dir, "out", `${c.id}-twin.xlsx`);
      // Sheet names must be unique in a workbook; the comparison goes by sheet order.
      const seen = new Map<string, number>();
      const sheets = twin.sheets().map((s) => {
        const n = (seen.get(s.name) ?? 0) + 1;
        seen.set(s.name, n);
        return n === 1 ? s : { ...s, name: `${s.name} (${n})` };
      });
      fs.writeFileSync(file, await workbookOf(sheets));
      const [mine, theirs] = [await cli(["check", input(c), "--json"]), await cli(["check", file, "--json"])];
      expect(mine.code).toBe(theirs.code);
      const expected = findingsOf(theirs.out);
      expect(expected.flat().length).toBeGreaterThan(0); // the comparison has something to compare
      expect(findingsOf(mine.out, twin.rowOffset ?? 0)).toEqual(expected);
    });
  }

  it("compute: ends with a clear message, writes the copy only on success", async () => {
    const out = outPath(c, "compute");
    const r = await cli(["compute", input(c), "-o", out, "--as-of", TODAY]);
    expectClear(r);
    if (c.read !== "ok") {
      expectUnreadable(r, c);
      expect(fs.existsSync(out)).toBe(false);
      return;
    }
    switch (c.compute) {
      case "table":
        expect(r.code).toBe(0);
        expect(r.out).toContain(`Đã ghi tệp "${out}".`);
        expect(fs.existsSync(out)).toBe(true);
        return;
      case "no-table":
        expect(r.code).toBe(2);
        expect(r.err).toContain(`Tệp "${input(c)}" không có trang nào chứa bảng chỉ tiêu hoặc nhiệm vụ`);
        expect(fs.existsSync(out)).toBe(false);
        return;
      case "refused":
        expect(r.code).toBe(1);
        expect(r.err).toMatch(/^Trang "[^"]+": /); // where
        expect(r.err).toContain(`Chưa ghi tệp "${out}".`);
        expect(fs.existsSync(out)).toBe(false);
        return;
      default:
        throw new Error(`case ${c.id} does not say what compute does`);
    }
  });

  it("insert --vao: adds the appendices to a copy, or says why not and writes nothing", async () => {
    const out = outPath(c, "insert");
    const r = await cli(["insert", "--xa", "Tân Lợi", "--nam", "2026", "--vao", input(c), "-o", out]);
    expectClear(r);
    if (c.read !== "ok") {
      expectUnreadable(r, c);
      expect(fs.existsSync(out)).toBe(false);
      return;
    }
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Đã ghi tệp "${out}".`);
    expect(fs.existsSync(out)).toBe(true); // what it holds: test/nothing-lost.test.ts
  });

  it("consolidate: lists the file with its reason, writes a new workbook only when something was read", async () => {
    const out = outPath(c, "consolidate");
    const r = await cli(["consolidate", input(c), "-o", out, "--as-of", TODAY]);
    expectClear(r);
    if (c.read !== "ok") {
      expectUnreadable(r, c);
      expect(r.err).toContain("Không đọc được tệp nào");
      expect(fs.existsSync(out)).toBe(false);
      return;
    }
    expect(r.code).toBe(0);
    expect(r.out).toContain(input(c));
    expect(fs.existsSync(out)).toBe(true);
  });
});

describe("several files at once", () => {
  it("consolidate reads the good file and lists every unreadable one with its own reason (exit 0)", async () => {
    const good = path.join(dir, "out", "Xã Nhơn Trạch.xlsx");
    fs.writeFileSync(good, await workbookOf([(await import("../seeds")).loadSeed("000").sheet("Chỉ tiêu")]));
    const bad = CASES.filter((c) => c.read !== "ok");
    const out = path.join(dir, "out", "tong-hop.xlsx");
    const r = await cli(["consolidate", good, ...bad.map(input), "-o", out, "--as-of", TODAY]);
    expectClear(r);
    expect(r.code).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
    const lines = r.out.split("\n");
    for (const c of bad) {
      if (c.read === "ok") continue;
      const i = lines.findIndex((l) => l.startsWith(`✗ ${input(c)}`));
      expect(i).toBeGreaterThanOrEqual(0);
      expect(lines[i + 1]).toMatch(c.read.message);
    }
    expect(lines.some((l) => l.startsWith(`✓ ${good}`))).toBe(true);
  });
});

describe("the real command, in its own process", () => {
  it.each(["zip-bomb", "truncated", "password-protected"])("exits 2 on %s with the message and no trace", (id) => {
    const c = CASES.find((x) => x.id === id)!;
    let status = 0;
    let stderr = "";
    let stdout = "";
    try {
      stdout = execFileSync(process.execPath, [path.join(ROOT, "bin", "phuluc.js"), "check", input(c)], { encoding: "utf8", stdio: "pipe" });
    } catch (e) {
      const x = e as { status: number; stderr: string; stdout: string };
      status = x.status;
      stderr = x.stderr;
      stdout = x.stdout;
    }
    expect(status).toBe(2);
    expectClear({ code: status, out: stdout, err: stderr });
    if (c.read !== "ok") expect(stderr).toMatch(c.read.message);
  });
});
