/**
 * `npm run bench`: prints the figures we track and writes bench/results.json.
 * It measures; it asserts nothing. Run it on a quiet machine; numbers vary a few
 * percent between runs.
 *
 *   1. the domain alone: reading + checking a 10,000-row indicator sheet and a
 *      10,000-row task sheet; parsing 100,000 targets and 100,000 deadlines;
 *   2. consolidating 95 generated communes' workbooks (varied seed layouts), and the
 *      ratio of that time to the time ExcelJS alone takes to load the same files;
 *   3. the task pane's start-up JavaScript, gzipped, and what loads only later;
 *   4. peak memory while consolidating the 95 files.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { execFileSync } from "child_process";
import { performance } from "perf_hooks";
import { COMMUNES } from "../src/catalog";
import { defaultCatalog } from "../src/domain/catalog";
import { readTable } from "../src/domain/reader";
import { checkSheet } from "../src/domain/validate";
import { parseTarget } from "../src/domain/target";
import { parseDeadline } from "../src/domain/deadline";
import { consolidate } from "../src/domain/consolidate";
import { openWorkbook, snapshotWorkbook } from "../src/hosts/file/read";
import type { SheetSnapshot, CellValue } from "../src/domain/snapshot";
import { generateCommuneWorkbook, LAYOUTS, communeFileName } from "../test/generate";
import { INDICATORS } from "../src/catalog";

const ROOT = path.resolve(__dirname, "..");

/** ExcelJS, the yardstick: a bare load of the same files (it is no longer in the read path). */
async function loadExcelJS(): Promise<typeof import("exceljs")> {
  const mod = await import("exceljs");
  return (mod as unknown as { default?: typeof import("exceljs") }).default ?? mod;
}
const AS_OF = "2026-11-30";

function time<T>(f: () => T): [T, number] {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
}

async function timeAsync<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await f();
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
    execFileSync(process.execPath, [path.join(ROOT, "node_modules/webpack/bin/webpack.js"), "--mode", "production"], { cwd: ROOT, stdio: "ignore" });
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

async function main() {
  const catalog = defaultCatalog();
  const out: Record<string, unknown> = {
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? "?", memoryGiB: round(os.totalmem() / 2 ** 30), node: process.version },
    date: new Date().toISOString().slice(0, 10),
  };

  // 1. Domain alone.
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
  out.domain = {
    indicatorSheet10k: { readMs: round(indRead), readAndCheckMs: round(indRead + indCheck), rowsPerSecond: Math.round(10_000 / ((indRead + indCheck) / 1000)) },
    taskSheet10k: { readMs: round(taskRead), readAndCheckMs: round(taskRead + taskCheck), rowsPerSecond: Math.round(10_000 / ((taskRead + taskCheck) / 1000)) },
    targets100k: { ms: round(targets), perSecond: Math.round(100_000 / (targets / 1000)) },
    deadlines100k: { ms: round(deadlines), perSecond: Math.round(100_000 / (deadlines / 1000)) },
  };

  // 2 and 4. 95 communes.
  const files: { name: string; bytes: Uint8Array }[] = [];
  for (let i = 0; i < COMMUNES.length; i++) {
    const c = COMMUNES[i];
    files.push({ name: communeFileName(c, i), bytes: await generateCommuneWorkbook(c, { layout: LAYOUTS[i % LAYOUTS.length], seed: i + 1, asOf: AS_OF }) });
  }
  await loadExcelJS(); // warm the module, as the pane would after the first file
  let peak = process.memoryUsage().rss;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const before = process.memoryUsage().rss;
  const [, loadOnly] = await timeAsync(async () => {
    const ExcelJS = await loadExcelJS();
    for (const f of files) await new ExcelJS.Workbook().xlsx.load(f.bytes.buffer.slice(f.bytes.byteOffset, f.bytes.byteOffset + f.bytes.byteLength) as ArrayBuffer);
  });
  const [result, full] = await timeAsync(async () => {
    const sources = [];
    for (const f of files) sources.push({ file: f.name, workbook: snapshotWorkbook(await openWorkbook(f.bytes, f.name), f.name) });
    return consolidate(sources, { catalog, asOf: AS_OF });
  });
  clearInterval(sample);
  out.consolidate95 = {
    files: files.length,
    totalBytesMB: round(files.reduce((s, f) => s + f.bytes.byteLength, 0) / 2 ** 20, 2),
    sourcesRead: result.sources.filter((s) => s.status === "ok").length,
    excelJsLoadOnlyMs: round(loadOnly),
    totalMs: round(full),
    ratioToExcelJsLoad: round(full / loadOnly, 2),
    target: "≤ 1.3",
    peakRssMB: round(peak / 2 ** 20),
    rssBeforeMB: round(before / 2 ** 20),
  };

  // 3. Bundle.
  out.bundle = { ...bundleFigures(), targetStartupGzipKB: 350 };

  fs.mkdirSync(path.join(ROOT, "bench"), { recursive: true });
  fs.writeFileSync(path.join(ROOT, "bench", "results.json"), JSON.stringify(out, null, 2) + "\n");
  const d = out.domain as Record<string, Record<string, number>>;
  const c = out.consolidate95 as Record<string, number | string>;
  const b = out.bundle as Record<string, unknown>;
  const rows: [string, string][] = [
    ["Chỉ tiêu 10.000 dòng: đọc + kiểm tra", `${d.indicatorSheet10k.readAndCheckMs} ms (${d.indicatorSheet10k.rowsPerSecond} dòng/s)`],
    ["Nhiệm vụ 10.000 dòng: đọc + kiểm tra", `${d.taskSheet10k.readAndCheckMs} ms (${d.taskSheet10k.rowsPerSecond} dòng/s)`],
    ["100.000 chỉ tiêu", `${d.targets100k.ms} ms (${d.targets100k.perSecond}/s)`],
    ["100.000 thời hạn", `${d.deadlines100k.ms} ms (${d.deadlines100k.perSecond}/s)`],
    ["Tổng hợp 95 xã: toàn bộ", `${c.totalMs} ms`],
    ["  chỉ nạp bằng ExcelJS", `${c.excelJsLoadOnlyMs} ms`],
    ["  tỷ lệ (mục tiêu ≤ 1,3)", `${c.ratioToExcelJsLoad}`],
    ["  bộ nhớ đỉnh (RSS)", `${c.peakRssMB} MB`],
    ["JS khởi động ngăn tác vụ (gzip)", `${b.startupGzipKB} KB (mục tiêu ≤ 350 KB)`],
    ["JS nạp sau (gzip)", `${b.lazyGzipKB} KB`],
  ];
  for (const [k, v] of rows) console.log(`${k.padEnd(40)} ${v}`);
  console.log("\nĐã ghi bench/results.json");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
