/**
 * `phuluc consolidate FILES... -o OUT.xlsx`: several units' workbooks summarised into
 * a new workbook ("Tổng hợp chỉ tiêu", "Tổng hợp nhiệm vụ", "Nguồn"; with --trong-xa
 * also the departments' copies merged into one sheet per appendix). A file that
 * cannot be read is listed with its reason and the rest go on. The input files are
 * never written to.
 */
import * as path from "path";
import { parseArgs } from "util";
import type { CliIO } from "../io";
import { UsageError } from "../usage";
import { readInput } from "../../hosts/input";
import { applyEdits, newWorkbook, workbookBytes } from "../../hosts/file/apply";
import { HostError } from "../../hosts/file/errors";
import { defaultCatalog } from "../../domain/catalog";
import {
  consolidate,
  consolidateRead,
  planConsolidation,
  readSource,
  STATUS_TEXT,
  type ConsolidateContext,
  type ConsolidationResult,
  type ConsolidationSource,
} from "../../domain/consolidate";
import { sheetsAdded } from "../../domain/edits";
import { formatDateVi, isValidDate } from "../../domain/dates";

export const usage = `Cách dùng: npx phuluc consolidate TỆP.xlsx|TỆP.docx [TỆP ...] -o TỔNG-HỢP.xlsx [tùy chọn]

Tổng hợp phụ lục chỉ tiêu và nhiệm vụ của nhiều đơn vị vào một tệp mới gồm các trang:
  "Tổng hợp chỉ tiêu": mỗi chỉ tiêu một dòng (theo danh mục của tỉnh, rồi phần "Ngoài
      danh mục"); với từng đơn vị: chỉ tiêu, kết quả, tỷ lệ đạt; số đơn vị báo cáo, số
      đơn vị đạt chỉ tiêu của mình, kết quả thấp nhất / trung vị / cao nhất, số đơn vị
      đặt chỉ tiêu thấp hơn tỉnh;
  "Tổng hợp nhiệm vụ": số nhiệm vụ hoàn thành, đang thực hiện, chưa thực hiện, quá hạn,
      sắp đến hạn, không có thời hạn của từng đơn vị, và danh sách nhiệm vụ quá hạn;
  "Nguồn": từng tệp, đơn vị của tệp, số dòng đọc được, số lỗi/cảnh báo khi kiểm tra,
      và các vấn đề (không đọc được, không rõ đơn vị, trùng đơn vị).

Tệp đầu vào có thể là sổ Excel (.xlsx) hoặc văn bản Word (.docx) của kế hoạch (đọc các bảng
phụ lục trong văn bản); kết quả luôn là một sổ Excel mới.

Đơn vị của mỗi tệp được xác định theo tiêu đề bảng ("ỦY BAN NHÂN DÂN XÃ TÂN LỢI"), ô
"Đơn vị báo cáo: ..." hoặc tên tệp ("PL_TanLoi_2026.xlsx", "Phường Minh Hưng.xlsx").
Các đơn vị được xếp theo mã đơn vị hành chính của tỉnh (trong một xã: theo danh mục
phòng, ban), nên thứ tự các tệp trên dòng lệnh không làm thay đổi kết quả.

Tùy chọn:
  -o, --output TỆP     Tệp kết quả .xlsx (bắt buộc, trừ khi chỉ in --json; chưa tồn tại)
  --as-of NGÀY         Ngày báo cáo dạng YYYY-MM-DD (mặc định: hôm nay); quá hạn và
                       sắp đến hạn tính theo ngày này
  --trong-xa           Tổng hợp trong một xã: mỗi tệp là bản của một phòng, ban; ghi
                       thêm trang "Hợp nhất ..." lấy mỗi dòng theo đơn vị chủ trì và
                       liệt kê các dòng có số liệu khác nhau để người phụ trách quyết định
  --json               In kết quả tổng hợp dạng JSON
  -h, --help           Xem hướng dẫn này

Mã thoát: 0 đã đọc được ít nhất một tệp; 2 không đọc được tệp nào hoặc sai cú pháp lệnh.`;

interface Options {
  files: string[];
  output: string | null;
  asOf: string | null;
  json: boolean;
  withinCommune: boolean;
}

function options(args: string[]): Options {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        output: { type: "string", short: "o" },
        "as-of": { type: "string" },
        json: { type: "boolean", default: false },
        "trong-xa": { type: "boolean", default: false },
      },
    });
  } catch (e) {
    throw new UsageError(`Sai cú pháp lệnh: ${e instanceof Error ? e.message : String(e)}\n\n${usage}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new UsageError(`Cần ít nhất một tệp .xlsx hoặc .docx để tổng hợp.\n\n${usage}`);
  const output = values.output ?? null;
  if (!output && !values.json) throw new UsageError(`Thiếu tệp kết quả: thêm -o TỔNG-HỢP.xlsx (hoặc --json để chỉ in kết quả).\n\n${usage}`);
  if (output && !/\.xlsx$/i.test(output)) throw new UsageError(`Tệp kết quả "${output}" phải có đuôi .xlsx.`);
  const asOf = values["as-of"] ?? null;
  if (asOf !== null) {
    const m = asOf.match(/^(\d{4})-(\d{2})-(\d{2})$/);
    if (!m || !isValidDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
      throw new UsageError(`Ngày báo cáo "${asOf}" không hợp lệ: hãy viết dạng YYYY-MM-DD, ví dụ 2026-06-30.`);
    }
  }
  if (output && positionals.some((f) => samePath(f, output))) {
    throw new UsageError("Tệp kết quả phải khác các tệp đầu vào: lệnh consolidate không ghi vào tệp của các đơn vị.");
  }
  return { files: positionals, output, asOf, json: Boolean(values.json), withinCommune: Boolean(values["trong-xa"]) };
}

function samePath(a: string, b: string): boolean {
  return path.resolve(a).normalize("NFC").toLowerCase() === path.resolve(b).normalize("NFC").toLowerCase();
}

/** A file's bytes, or the reason it could not be read. */
type Loaded = { file: string; bytes: Uint8Array } | { file: string; error: string };

async function load(file: string, io: CliIO): Promise<Loaded> {
  if (!io.exists(file)) return { file, error: `Không tìm thấy tệp "${file}".` };
  try {
    return { file, bytes: await io.readFile(file) };
  } catch {
    return { file, error: `Không đọc được tệp "${file}" (kiểm tra quyền truy cập hoặc tệp đang bị khóa).` };
  }
}

/** A loaded file → a source; a file that cannot be opened becomes a source with its reason. */
async function open(loaded: Loaded): Promise<ConsolidationSource> {
  const { file } = loaded;
  if ("error" in loaded) return { file, workbook: null, error: loaded.error };
  const name = path.basename(file);
  try {
    return { file, workbook: (await readInput(loaded.bytes, name)).snapshot() };
  } catch (e) {
    const message = e instanceof HostError ? e.message : `Không đọc được tệp "${name}": ${e instanceof Error ? e.message : String(e)}`;
    return { file, workbook: null, error: message };
  }
}

/** How many files are read from disk ahead of the one being opened. */
const READ_AHEAD = 8;

/**
 * The files as sources, in the order given, each passed through `take` once opened.
 * The disk reads a few files ahead while the current one is parsed, so its waits
 * overlap the parsing (95 communes' files: about 100 ms less than one file after
 * another), and at most READ_AHEAD files' bytes wait in memory.
 */
async function readSources<T>(files: string[], io: CliIO, take: (source: ConsolidationSource) => T): Promise<T[]> {
  const loading = new Map<number, Promise<Loaded>>();
  const start = (i: number) => {
    if (i < files.length) loading.set(i, load(files[i], io));
  };
  for (let i = 0; i < READ_AHEAD; i++) start(i);
  const taken: T[] = [];
  for (let i = 0; i < files.length; i++) {
    const loaded = await loading.get(i)!;
    loading.delete(i); // its bytes are let go once opened
    start(i + READ_AHEAD);
    taken.push(take(await open(loaded)));
  }
  return taken;
}

/**
 * Across communes, each file is read as soon as it is opened and its snapshot let
 * go, so memory holds one workbook's cells at a time, not every file's: communes'
 * workbooks often carry large sheets besides the appendices (30 files with a
 * 4,000-row data sheet each: peak memory 217 MB before, about 140–157 MB after).
 * Inside one commune the departments' files are read once the commune they share
 * is known, so all are opened first.
 */
async function consolidateFiles(files: string[], io: CliIO, ctx: ConsolidateContext): Promise<ConsolidationResult> {
  if (ctx.withinCommune) return consolidate(await readSources(files, io, (s) => s), ctx);
  return consolidateRead(await readSources(files, io, (s) => readSource(s, ctx)), ctx);
}

/** The JSON the --json option prints (shape fixed by the issue; extra fields are additive). */
export function jsonOf(r: ConsolidationResult): unknown {
  return {
    asOf: r.asOf,
    withinCommune: r.withinCommune,
    sources: r.sources.map((s) => ({
      file: s.file,
      unit: s.unit,
      unitCode: s.unitCode,
      status: s.status,
      included: s.included,
      rowsRead: s.rowsRead,
      findings: s.findings,
      problems: s.problems.map((p) => ({ code: p.code, message: p.message })),
    })),
    indicators: r.indicators.map((i) => ({
      indicatorCode: i.indicatorCode,
      name: i.name,
      unitsReporting: i.unitsReporting,
      unitsMet: i.unitsMet,
      shareMet: i.shareMet,
      min: i.min,
      median: i.median,
      max: i.max,
      unitsBelowProvince: i.unitsBelowProvince,
      perUnit: i.perUnit.map((p) => ({ unit: p.unit, target: p.target, result: p.result, rate: p.rate, met: p.met })),
    })),
    tasks: r.tasks.map((t) => ({
      unit: t.unit,
      total: t.total,
      done: t.done,
      inProgress: t.inProgress,
      notStarted: t.notStarted,
      overdue: t.overdue,
      dueSoon: t.dueSoon,
      noDate: t.noDate,
    })),
    overdue: r.overdue.map((t) => ({ unit: t.unit, name: t.name, lead: t.lead, deadline: t.deadlineText, due: t.due, days: t.days, sheet: t.sheet, row: t.row })),
    ...(r.merge
      ? { conflicts: r.merge.conflicts.map((c) => ({ appendix: c.appendix, name: c.name, lead: c.lead, values: c.values, resolution: c.resolution })) }
      : {}),
  };
}

function humanReport(r: ConsolidationResult, output: string | null, sheets: string[]): string {
  const lines: string[] = [`Tổng hợp tính đến ngày ${formatDateVi(r.asOf)}${r.commune ? ` — ${r.commune.label}` : ""}`, ""];
  for (const s of r.sources) {
    const mark = s.included ? "✓" : "✗";
    const what = s.tables.map((t) => [t.indicators ? `${t.indicators} chỉ tiêu` : "", t.tasks ? `${t.tasks} nhiệm vụ` : ""].filter(Boolean).join(", ")).filter(Boolean).join("; ");
    lines.push(`${mark} ${s.file}: ${s.unit ?? "chưa rõ đơn vị"} — ${STATUS_TEXT[s.status]}${what ? ` (${what})` : ""}`);
    for (const p of s.problems) lines.push(`    ${p.message}`);
  }
  const counted = r.sources.filter((s) => s.included).length;
  lines.push("", `${counted}/${r.sources.length} tệp được tổng hợp; ${r.indicators.length} chỉ tiêu, ${r.tasks.reduce((n, t) => n + t.total, 0)} nhiệm vụ, ${r.overdue.length} nhiệm vụ quá hạn.`);
  if (r.merge && r.merge.conflicts.length) lines.push(`${r.merge.conflicts.length} dòng có số liệu khác nhau giữa các phòng, ban: xem trang "${sheets[2] ?? "Nguồn"}".`);
  if (output) lines.push(`Đã ghi "${output}" gồm các trang: ${sheets.map((n) => `"${n}"`).join(", ")}.`);
  return lines.join("\n");
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const opt = options(args);
  if (opt.output && io.exists(opt.output)) {
    io.err(`Tệp "${opt.output}" đã có; hãy chọn tên khác để không ghi đè lên tệp đó.`);
    return 2;
  }
  const asOf = opt.asOf ?? io.today();
  const result = await consolidateFiles(opt.files, io, { catalog: defaultCatalog(), asOf, withinCommune: opt.withinCommune });

  if (result.sources.every((s) => s.status === "unreadable")) {
    if (opt.json) io.out(JSON.stringify(jsonOf(result), null, 2));
    io.err(["Không đọc được tệp nào:", ...result.sources.map((s) => `  ${s.file}: ${s.problem ?? ""}`)].join("\n"));
    return 2;
  }

  let sheets: string[] = [];
  if (opt.output) {
    // A fixed document date (the report date), so the same sources give the same file.
    const wb = await newWorkbook({ creator: "Phụ lục NQ57", created: new Date(`${asOf}T00:00:00Z`), fileName: path.basename(opt.output) });
    const plan = planConsolidation(result, []);
    applyEdits(wb, plan);
    sheets = sheetsAdded(plan);
    try {
      await io.writeFile(opt.output, await workbookBytes(wb));
    } catch {
      io.err(`Không ghi được tệp "${opt.output}" (thư mục không tồn tại hoặc không có quyền ghi).`);
      return 2;
    }
  }
  if (opt.json) io.out(JSON.stringify(jsonOf(result), null, 2));
  else io.out(humanReport(result, opt.output, sheets));
  return 0;
}
