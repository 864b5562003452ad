/**
 * `npm run bench`: prints the figures we track and writes bench/results.json.
 * It measures; it asserts nothing.
 *
 *   1. the command line against its yardsticks, process to process, in one run:
 *      - `phuluc --help` against an empty `node -e ""` (start-up; goal ≤ 2×);
 *      - `phuluc check` of one seed workbook against a bare ExcelJS load of the same
 *        file (bench/exceljs-load.cjs; goal ≤ 1×);
 *      - `phuluc consolidate` of 95 communes' workbooks (generated from the seed
 *        layouts, each under its own commune's heading) against a bare ExcelJS load
 *        of the same 95 files (goal ≤ 1×), and the command's peak memory.
 *      Each pair runs alternately, A B A B …, a warm-up pair and then --pairs N
 *      (default 7) pairs; the figure is the median of the per-pair ratios A/B, so a
 *      busy machine's drift hits both sides of a pair alike;
 *   2. the domain alone: reading + checking a 10,000-row indicator sheet and a
 *      10,000-row task sheet; parsing 100,000 targets and 100,000 deadlines;
 *   3. the task pane's start-up JavaScript, gzipped, and what loads only later.
 *
 *   npm run bench                  everything
 *   npm run bench -- --only cli    the three command-line ratios only
 *   npm run bench -- --pairs 11    more pairs (steadier medians on a busy machine)
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { execFileSync, spawnSync } from "child_process";
import { performance } from "perf_hooks";
import { COMMUNES } from "../src/catalog";
import { defaultCatalog } from "../src/domain/catalog";
import { readTable } from "../src/domain/reader";
import { checkSheet } from "../src/domain/validate";
import { parseTarget } from "../src/domain/target";
import { parseDeadline } from "../src/domain/deadline";
import type { SheetSnapshot, CellValue } from "../src/domain/snapshot";
import { generateCommuneWorkbook, LAYOUTS, communeFileName } from "../test/generate";
import { seedWorkbook } from "../test/xlsx";
import { INDICATORS } from "../src/catalog";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildCli } = require("../scripts/build-cli");

const ROOT = path.resolve(__dirname, "..");

const AS_OF = "2026-11-30";

function time<T>(f: () => T): [T, number] {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
}

/** A large indicator sheet: the province's list repeated, as a merged province file might be. */
function bigIndicatorSheet(rows: number): SheetSnapshot {
  const values: CellValue[][] = [["ỦY BAN NHÂN DÂN XÃ TÂN LỢI"], [], ["STT", "Nội dung chỉ tiêu", "Đơn vị tính", "Kết quả", "Đơn vị chủ trì", "Kết quả thực hiện"]];
  for (let i = 0; i < rows; i++) {
    const ind = INDICATORS[i % INDICATORS.length];
    if (i % 40 === 0) values.push([["I", "II", "III", "IV"][(i / 40) % 4], "Về phát triển hạ tầng"]);
    values.push([i + 1, ind.name, ind.unit ?? "", ind.target.kind === "numeric" ? `≥ ${Math.round(ind.target.value * 100)}%` : ind.target.text, "Phòng Văn hóa - Xã hội", (i * 7) % 100]);
  }
  return { name: "Chỉ tiêu", values };
}

function bigTaskSheet(rows: number): SheetSnapshot {
  const deadlines = ["Năm 2026", "Quý II/2026", "10/2026", "Thường xuyên", "Theo hướng dẫn của tỉnh", "Tháng 3/2026"];
  const values: CellValue[][] = [["ỦY BAN NHÂN DÂN XÃ TÂN LỢI"], [], ["TT", "Tên nhiệm vụ", "Đơn vị chủ trì", "Cơ quan phối hợp", "Kết quả", "Thời gian hoàn thành", "Tình trạng"]];
  for (let i = 0; i < rows; i++) {
    if (i % 50 === 0) values.push([["I", "II", "III", "IV", "V", "VI"][(i / 50) % 6], "Phát triển hạ tầng kỹ thuật"]);
    values.push([i + 1, `Nhiệm vụ số ${i + 1} về chuyển đổi số`, "Phòng Văn hóa - Xã hội", "Các phòng, ban, đơn vị", i % 9 === 0 ? null : "Báo cáo kết quả", deadlines[i % deadlines.length], ["Hoàn thành", "Đang thực hiện", "Chưa thực hiện"][i % 3]]);
  }
  return { name: "Nhiệm vụ", values };
}

function gzipSize(file: string): number {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

/** Start-up JS of the task pane: the scripts taskpane.html loads, gzipped; the rest is lazy. */
function bundleFigures() {
  const dist = path.join(ROOT, "dist");
  if (!fs.existsSync(path.join(dist, "taskpane.html"))) {
    execFileSync(process.execPath, [path.join(ROOT, "node_modules/webpack/bin/webpack.js"), "--mode", "production", "--env", "offline"], { cwd: ROOT, stdio: "ignore" });
  }
  const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
  // The minified page may leave attribute values unquoted.
  const startup = [...html.matchAll(/<script[^>]+src=["']?([^"' >]+\.js)/g)].map((m) => m[1]).filter((s) => !/^https?:/.test(s));
  const allJs = fs.readdirSync(dist).filter((f) => f.endsWith(".js"));
  const startupKb = startup.reduce((s, f) => s + gzipSize(path.join(dist, f)), 0) / 1024;
  const lazy = allJs.filter((f) => !startup.includes(f) && !f.startsWith("commands") && !f.startsWith("web"));
  const lazyKb = lazy.reduce((s, f) => s + gzipSize(path.join(dist, f)), 0) / 1024;
  return { startupScripts: startup, startupGzipKB: round(startupKb), lazyScripts: lazy, lazyGzipKB: round(lazyKb), exceljsAtStartup: startup.some((s) => s.includes("exceljs")) };
}

const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const vi = (n: number, d = 2) => String(round(n, d)).replace(".", ",");

const BIN = path.join(ROOT, "bin", "phuluc.js");
const EXCELJS_LOAD = path.join(ROOT, "bench", "exceljs-load.cjs");

/** Runs one process to its end; returns its wall time in ms. Fails the bench when it fails. */
function timed(args: string[], ok: (status: number | null) => boolean, before?: () => void): number {
  before?.();
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 2 ** 20 });
  const ms = performance.now() - t;
  if (!ok(r.status)) throw new Error(`node ${args.join(" ").slice(0, 200)} → ${r.status}\n${r.stderr}`);
  return ms;
}

interface Pair {
  name: string;
  a: { label: string; args: string[]; ok?: (s: number | null) => boolean; before?: () => void };
  b: { label: string; args: string[] };
  goal: number;
}

interface PairResult {
  aMs: number[];
  bMs: number[];
  ratios: number[];
  medianRatio: number;
  medianAMs: number;
  medianBMs: number;
  goal: string;
}

/** A B A B …: one warm-up pair (not counted), then `pairs` pairs. */
function runPair(p: Pair, pairs: number): PairResult {
  const okA = p.a.ok ?? ((s) => s === 0);
  const okB = (s: number | null) => s === 0;
  const aMs: number[] = [];
  const bMs: number[] = [];
  for (let i = 0; i <= pairs; i++) {
    const a = timed(p.a.args, okA, p.a.before);
    const b = timed(p.b.args, okB);
    if (i === 0) continue;
    aMs.push(a);
    bMs.push(b);
  }
  const ratios = aMs.map((a, i) => a / bMs[i]);
  return {
    aMs: aMs.map((x) => round(x)),
    bMs: bMs.map((x) => round(x)),
    ratios: ratios.map((x) => round(x, 3)),
    medianRatio: round(median(ratios), 2),
    medianAMs: round(median(aMs)),
    medianBMs: round(median(bMs)),
    goal: `≤ ${p.goal}`,
  };
}

/** The command line against its yardsticks, process to process. */
async function cliFigures(pairs: number) {
  await buildCli(); // what bin/phuluc.js runs, from the current sources
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-bench-"));
  try {
    const seed = path.join(work, "Minh Hưng.xlsx");
    fs.writeFileSync(seed, await seedWorkbook("002"));
    const dir = path.join(work, "95");
    fs.mkdirSync(dir);
    const files: string[] = [];
    for (let i = 0; i < COMMUNES.length; i++) {
      const c = COMMUNES[i];
      const file = path.join(dir, communeFileName(c, i));
      fs.writeFileSync(file, await generateCommuneWorkbook(c, { layout: LAYOUTS[i % LAYOUTS.length], seed: i + 1, asOf: AS_OF }));
      files.push(file);
    }
    const out = path.join(work, "tong-hop.xlsx");
    const removeOut = () => fs.rmSync(out, { force: true });
    const consolidateArgs = [BIN, "consolidate", ...files, "-o", out, "--as-of", AS_OF];

    const startup = runPair({ name: "help", a: { label: "phuluc --help", args: [BIN, "--help"] }, b: { label: 'node -e ""', args: ["-e", ""] }, goal: 2 }, pairs);
    const check = runPair(
      {
        name: "check",
        // 1: the seed has errors to fix, which is a successful check.
        a: { label: "phuluc check", args: [BIN, "check", seed, "--as-of", AS_OF], ok: (s) => s === 0 || s === 1 },
        b: { label: "ExcelJS load", args: [EXCELJS_LOAD, seed] },
        goal: 1,
      },
      pairs,
    );
    const cons = runPair(
      { name: "consolidate", a: { label: "phuluc consolidate", args: consolidateArgs, before: removeOut }, b: { label: "ExcelJS load", args: [EXCELJS_LOAD, ...files] }, goal: 1 },
      pairs,
    );
    // Peak memory of one more consolidate run, measured inside that process.
    const rssFile = path.join(work, "rss");
    removeOut();
    execFileSync(process.execPath, ["--require", path.join(ROOT, "bench", "peak-rss.cjs"), ...consolidateArgs], { env: { ...process.env, PHULUC_BENCH_RSS: rssFile }, stdio: "ignore" });
    const peakRssMB = round(Number(fs.readFileSync(rssFile, "utf8")) / 2 ** 20);
    return {
      pairs,
      startup: { ...startup, what: 'phuluc --help / node -e ""' },
      check: { ...check, what: "phuluc check / ExcelJS load, one seed workbook (002 Minh Hưng)", fileKB: round(fs.statSync(seed).size / 1024) },
      consolidate95: {
        ...cons,
        what: "phuluc consolidate -o / ExcelJS load, 95 communes' workbooks",
        files: files.length,
        totalMB: round(files.reduce((t, f) => t + fs.statSync(f).size, 0) / 2 ** 20, 2),
        peakRssMB,
      },
    };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function domainFigures() {
  const catalog = defaultCatalog();
  const ind = bigIndicatorSheet(10_000);
  const task = bigTaskSheet(10_000);
  const [, indRead] = time(() => readTable(ind));
  const [, indCheck] = time(() => checkSheet(ind, { catalog, asOf: AS_OF }));
  const [, taskRead] = time(() => readTable(task));
  const [, taskCheck] = time(() => checkSheet(task, { catalog, asOf: AS_OF }));
  // Distinct strings (the parsers and text normalisation remember repeated texts,
  // which would flatter the figure): the seeds' forms with varying numbers.
  const targetForms = [(n: number) => `≥ ${n}%`, (n: number) => `${n},5%`, (n: number) => `từ ${n}% trở lên`, (n: number) => `≤ ${n}%.`, (n: number) => `ít nhất ${String(n).padStart(2, "0")}`, (n: number) => `Có triển khai ${n} mô hình`];
  const deadlineForms = [
    (i: number) => `Quý ${["I", "II", "III", "IV"][i % 4]}/${2000 + (i % 200)}`,
    (i: number) => `Tháng ${1 + (i % 12)}/${2000 + (i % 997)}`,
    (i: number) => `Trước ngày ${1 + (i % 28)}/${1 + (i % 12)}/${2000 + (i % 199)}`,
    (i: number) => `6 tháng đầu năm ${2000 + (i % 991)}`,
    (i: number) => `Đến hết ${1 + (i % 12)}/${2000 + (i % 83)} (lần ${i})`,
    (i: number) => `Thường xuyên, báo cáo trước ngày ${1 + (i % 28)} hằng tháng (${i})`,
  ];
  const targetTexts = Array.from({ length: 100_000 }, (_, i) => targetForms[i % targetForms.length](i));
  const deadlineTexts = Array.from({ length: 100_000 }, (_, i) => deadlineForms[i % deadlineForms.length](i));
  const [, targets] = time(() => {
    for (const t of targetTexts) parseTarget(t);
  });
  const [, deadlines] = time(() => {
    for (const d of deadlineTexts) parseDeadline(d, { planYear: 2026 });
  });
  return {
    indicatorSheet10k: { readMs: round(indRead), readAndCheckMs: round(indRead + indCheck), rowsPerSecond: Math.round(10_000 / ((indRead + indCheck) / 1000)) },
    taskSheet10k: { readMs: round(taskRead), readAndCheckMs: round(taskRead + taskCheck), rowsPerSecond: Math.round(10_000 / ((taskRead + taskCheck) / 1000)) },
    targets100k: { ms: round(targets), perSecond: Math.round(100_000 / (targets / 1000)) },
    deadlines100k: { ms: round(deadlines), perSecond: Math.round(100_000 / (deadlines / 1000)) },
  };
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const pairs = Number(option("--pairs") ?? 7);
  if (!Number.isInteger(pairs) || pairs < 5) throw new Error("--pairs: at least 5");
  const only = option("--only");
  const out: Record<string, unknown> = {
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? "?", memoryGiB: round(os.totalmem() / 2 ** 30), node: process.version, loadAverageAtStart: os.loadavg().map((x) => round(x, 2)) },
    date: new Date().toISOString().slice(0, 10),
  };
  const rows: [string, string][] = [];

  const cli = await cliFigures(pairs);
  out.cli = cli;
  const pairRow = (label: string, r: PairResult, a: string, b: string): [string, string] => [
    label,
    `${vi(r.medianRatio)}× (mục tiêu ${r.goal.replace(".", ",")}×; ${a} ${Math.round(r.medianAMs)} ms, ${b} ${Math.round(r.medianBMs)} ms)`,
  ];
  rows.push(
    pairRow(`phuluc --help / node -e ""`, cli.startup, "phuluc", "node"),
    pairRow(`check 1 tệp / ExcelJS nạp`, cli.check, "check", "ExcelJS"),
    pairRow(`consolidate 95 tệp / ExcelJS nạp`, cli.consolidate95, "consolidate", "ExcelJS"),
    ["  bộ nhớ đỉnh consolidate 95 tệp", `${vi(cli.consolidate95.peakRssMB, 0)} MB (RSS)`],
  );

  if (only !== "cli") {
    const d = domainFigures();
    out.domain = d;
    out.bundle = { ...bundleFigures(), targetStartupGzipKB: 350 };
    const b = out.bundle as Record<string, unknown>;
    rows.push(
      ["Chỉ tiêu 10.000 dòng: đọc + kiểm tra", `${d.indicatorSheet10k.readAndCheckMs} ms (${d.indicatorSheet10k.rowsPerSecond} dòng/s)`],
      ["Nhiệm vụ 10.000 dòng: đọc + kiểm tra", `${d.taskSheet10k.readAndCheckMs} ms (${d.taskSheet10k.rowsPerSecond} dòng/s)`],
      ["100.000 chỉ tiêu", `${d.targets100k.ms} ms (${d.targets100k.perSecond}/s)`],
      ["100.000 thời hạn", `${d.deadlines100k.ms} ms (${d.deadlines100k.perSecond}/s)`],
      ["JS khởi động ngăn tác vụ (gzip)", `${b.startupGzipKB} KB (mục tiêu ≤ 350 KB)`],
      ["JS nạp sau (gzip)", `${b.lazyGzipKB} KB`],
    );
  }

  const m = out.machine as { cpus: number; cpuModel: string; node: string; loadAverageAtStart: number[] };
  console.log(`${out.date}, ${m.cpus} nhân ${m.cpuModel}, Node ${m.node}, tải lúc bắt đầu ${m.loadAverageAtStart.join(" ")}; trung vị của ${pairs} cặp chạy xen kẽ (A B A B …)\n`);
  for (const [k, v] of rows) console.log(`${k.padEnd(40)} ${v}`);
  if (only !== "cli") {
    fs.writeFileSync(path.join(ROOT, "bench", "results.json"), JSON.stringify(out, null, 2) + "\n");
    console.log("\nĐã ghi bench/results.json");
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
