/**
 * `phuluc insert`: a workbook with the province's standard appendices for one commune
 * or ward — a new file, or a copy of an existing workbook with the sheets added. The
 * input file is never written; the output goes where -o says.
 */
import { parseArgs } from "node:util";
import * as path from "node:path";
import type { CliIO } from "../io";
import { UsageError } from "../usage";
import type { Commune, UnitType } from "../../catalog/types";
import type { Catalog } from "../../domain/match";
import { communeTypeOn } from "../../domain/match";
import { catalogWithListSheet, defaultCatalog, LIST_SHEET } from "../../domain/catalog";
import { planInsert, previewLines, type Appendix, type AppendixForm } from "../../domain/layout";
import { formatDateVi, isValidDate, isoDate, type IsoDate } from "../../domain/dates";
import { foldKey, normalize, similarity } from "../../domain/text";
import { openWorkbook, snapshotWorkbook } from "../../hosts/file/read";
import { applyEdits, newWorkbook, workbookBytes } from "../../hosts/file/apply";

export const usage = `Cách dùng: npx phuluc insert (--xa TÊN | --phuong TÊN) -o TỆP_RA.xlsx [tùy chọn]

Tạo tệp Excel có Phụ lục I (danh mục chỉ tiêu) và/hoặc Phụ lục II (danh mục nhiệm vụ)
theo mẫu chuẩn của tỉnh cho một xã, phường, cùng trang "Danh mục" chứa các danh sách chọn.
Bảng dùng công thức Excel nên vẫn tự tính tỷ lệ đạt, đánh giá và cảnh báo quá hạn khi mở
trên máy không cài Phụ lục NQ57.

Tùy chọn:
  --xa TÊN               Tên xã, có dấu hoặc không dấu (ví dụ: --xa "Tân Lợi" hoặc --xa "Tan Loi").
  --phuong TÊN           Tên phường (ví dụ: --phuong "Minh Hưng"). Dùng một trong hai: --xa hoặc --phuong.
                         Nếu đơn vị là phường vào ngày kế hoạch mà ghi --xa (hoặc ngược lại), lệnh
                         báo lưu ý và ghi theo loại đơn vị chính thức.
  --nam NĂM              Năm của kế hoạch (mặc định: năm của ngày kế hoạch, nếu không có thì năm nay).
  --phu-luc I|II         Phụ lục cần tạo; ghi hai lần để tạo cả hai (mặc định: cả I và II).
  --mau ke-hoach|bao-cao Mẫu phụ lục. ke-hoach (mặc định): phụ lục kèm theo kế hoạch, không có cột
                         kết quả, tỷ lệ đạt, đánh giá, tình trạng, cảnh báo; lệnh compute thêm các cột
                         đó khi báo cáo. bao-cao: mẫu báo cáo kết quả, có sẵn các cột đó và ngày báo cáo.
  --so-ke-hoach SỐ       Số kế hoạch, ví dụ 45 hoặc 45/KH-UBND (mặc định để trống: …/KH-UBND).
  --ngay-ke-hoach NGÀY   Ngày ký kế hoạch, dạng YYYY-MM-DD hoặc ngày/tháng/năm. Loại đơn vị (xã hay
                         phường) lấy theo ngày này; nếu không có thì theo ngày hôm nay.
  --ngay-bao-cao NGÀY    Ngày báo cáo ghi sẵn vào bảng (mẫu bao-cao), dạng YYYY-MM-DD (mặc định: công
                         thức =TODAY(), luôn là ngày mở tệp).
  --vao TỆP.xlsx         Thêm các phụ lục vào bản sao của tệp này; tệp gốc không bị sửa. Trang đã có
                         không bị ghi đè: nếu đã có "Phụ lục I" thì trang mới là "Phụ lục I (2)".
  -o, --ra TỆP.xlsx      Tệp kết quả (bắt buộc, phải khác tệp --vao).
  --ghi-de               Cho phép ghi đè tệp kết quả nếu tệp đó đã có.
  -h, --help             Xem hướng dẫn này.

Ví dụ:
  npx phuluc insert --xa "Tân Lợi" --nam 2026 -o tan-loi.xlsx
  npx phuluc insert --phuong "Minh Hưng" --phu-luc I --so-ke-hoach 45 --ngay-ke-hoach 2026-03-12 -o minh-hung.xlsx
  npx phuluc insert --xa "Tân Lợi" --mau bao-cao --ngay-bao-cao 2026-06-30 -o tan-loi-bao-cao.xlsx
  npx phuluc insert --xa "Phú Trung" --vao ke-hoach.xlsx -o ke-hoach-co-phu-luc.xlsx`;

const OPTIONS = {
  xa: { type: "string" },
  phuong: { type: "string" },
  nam: { type: "string" },
  "phu-luc": { type: "string", multiple: true },
  mau: { type: "string" },
  "so-ke-hoach": { type: "string" },
  "ngay-ke-hoach": { type: "string" },
  "ngay-bao-cao": { type: "string" },
  vao: { type: "string" },
  ra: { type: "string", short: "o" },
  "ghi-de": { type: "boolean" },
} as const;

export async function run(args: string[], io: CliIO): Promise<number> {
  const opts = parseOptions(args);
  const today = io.today();
  const planDate = opts["ngay-ke-hoach"] ? parseDateOption(opts["ngay-ke-hoach"], "--ngay-ke-hoach") : null;
  const reportDate = opts["ngay-bao-cao"] ? parseDateOption(opts["ngay-bao-cao"], "--ngay-bao-cao") : null;
  const year = opts.nam ? parseYear(opts.nam) : Number((planDate ?? today).slice(0, 4));
  const appendices = parseAppendices(opts["phu-luc"]);
  const form = parseForm(opts.mau);
  if (reportDate && form === "ke-hoach") {
    throw new UsageError("--ngay-bao-cao chỉ dùng với --mau bao-cao: mẫu Kế hoạch không có ô ngày báo cáo (lệnh compute thêm ô đó khi báo cáo).");
  }

  if (opts.xa !== undefined && opts.phuong !== undefined) throw new UsageError("Chỉ dùng một trong hai: --xa hoặc --phuong.\n\n" + usage);
  const name = opts.xa ?? opts.phuong;
  if (name === undefined || name.trim() === "") throw new UsageError("Thiếu tên xã, phường: dùng --xa TÊN hoặc --phuong TÊN.\n\n" + usage);
  const asked: UnitType = opts.phuong !== undefined ? "phuong" : "xa";

  const out = opts.ra;
  if (!out) throw new UsageError("Thiếu tệp kết quả: dùng -o TỆP_RA.xlsx.\n\n" + usage);
  if (!/\.xls[xm]$/i.test(out)) throw new UsageError(`Tệp kết quả "${out}" phải có đuôi .xlsx.`);
  // Case- and normalisation-insensitive, as Windows and macOS compare file names: with
  // --ghi-de, "KeHoach.xlsx" -o "kehoach.xlsx" would otherwise replace the original.
  const same = (a: string, b: string) => path.resolve(a).normalize("NFC").toLowerCase() === path.resolve(b).normalize("NFC").toLowerCase();
  if (opts.vao && same(opts.vao, out)) {
    throw new UsageError("Tệp kết quả (-o) phải khác tệp --vao: tệp gốc không bao giờ bị sửa.");
  }
  if (io.exists(out) && !opts["ghi-de"]) {
    throw new UsageError(`Tệp "${out}" đã có. Hãy chọn tên khác, hoặc thêm --ghi-de nếu muốn ghi đè tệp đó.`);
  }

  const base = defaultCatalog();
  const on = planDate ?? today;
  const commune = findCommuneByName(base, name, on);
  const type = communeTypeOn(commune, on);
  if (type !== asked) io.err(typeWarning(commune, asked, type, on));

  let catalog: Catalog = base;
  let existingNames: Record<string, string> = {};
  const wb = opts.vao ? await openWorkbook(await readInput(opts.vao, io), path.basename(opts.vao)) : await newWorkbook({ fileName: path.basename(out) });
  // A macro workbook stays one (.xlsm, with its macros); a workbook without macros is an .xlsx.
  if (wb.macroEnabled !== /\.xlsm$/i.test(out)) {
    throw new UsageError(
      wb.macroEnabled
        ? `Tệp "${opts.vao}" có macro: hãy đặt tên tệp kết quả có đuôi .xlsm để giữ macro.`
        : `Tệp kết quả "${out}" phải có đuôi .xlsx.`,
    );
  }
  if (opts.vao) {
    // Every sheet is read, though only the list sheet is used: a damaged file is refused
    // rather than copied with new sheets that Excel would then have to repair.
    const snap = snapshotWorkbook(wb, path.basename(opts.vao));
    // A later province list pasted into the workbook's own Danh mục sheet wins.
    const list = snap.sheets.find((s) => s.name.toLocaleLowerCase("vi") === LIST_SHEET.toLocaleLowerCase("vi"));
    if (list) catalog = catalogWithListSheet(base, list).catalog;
    existingNames = snap.names ?? {};
  }

  const plan = planInsert({
    commune,
    year,
    planDate,
    asOf: today,
    planNumber: opts["so-ke-hoach"] ?? null,
    appendices,
    existingSheets: wb.sheetNames(),
    existingNames,
    catalog,
    reportDate,
    form,
  });
  applyEdits(wb, plan.edits);
  await io.writeFile(out, await workbookBytes(wb));
  io.out([...previewLines(plan, { commune, reportDate }).filter((l) => !l.startsWith("Không trang tính")), `Đã ghi tệp "${out}".`].join("\n"));
  return 0;
}

async function readInput(file: string, io: CliIO): Promise<Uint8Array> {
  if (!io.exists(file)) throw new UsageError(`Không tìm thấy tệp "${file}".`);
  return io.readFile(file);
}

function parse(args: string[]) {
  return parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
}

type Values = ReturnType<typeof parse>["values"];

function parseOptions(args: string[]): Values {
  try {
    const { values, positionals } = parse(args);
    if (positionals.length) throw new UsageError(`Không hiểu "${positionals.join(" ")}": tên xã, phường phải đi sau --xa hoặc --phuong.\n\n${usage}`);
    return values;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as { code?: string }).code;
    // Not `instanceof Error`: node's own errors may come from another realm (test runners).
    const m = String((e as { message?: unknown }).message ?? "").match(/'(-[^']+)'/);
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new UsageError(`Không có tùy chọn ${m?.[1] ?? ""}.\n\n${usage}`);
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") throw new UsageError(`Tùy chọn ${m?.[1] ?? ""} cần một giá trị.\n\n${usage}`);
    throw new UsageError(`Sai cú pháp lệnh.\n\n${usage}`);
  }
}

function parseYear(text: string): number {
  const n = Number(text.trim());
  if (!Number.isInteger(n) || n < 2020 || n > 2100) throw new UsageError(`Năm "${text}" không hợp lệ (từ 2020 đến 2100).`);
  return n;
}

/** YYYY-MM-DD or dd/mm/yyyy, checked for a real calendar day. */
export function parseDateOption(text: string, option: string): IsoDate {
  const t = text.trim();
  let m = t.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/);
  if (m && isValidDate(Number(m[1]), Number(m[2]), Number(m[3]))) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = t.match(/^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/);
  if (m && isValidDate(Number(m[3]), Number(m[2]), Number(m[1]))) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  throw new UsageError(`Ngày "${text}" của ${option} không hợp lệ: ghi dạng YYYY-MM-DD (ví dụ 2026-03-12) hoặc ngày/tháng/năm (12/03/2026).`);
}

function parseAppendices(values: string[] | undefined): Appendix[] {
  if (!values || values.length === 0) return ["I", "II"];
  const out: Appendix[] = [];
  for (const v of values) {
    const k = v.trim().toUpperCase().replace(/^PHỤ LỤC\s*/u, "");
    const a = k === "I" || k === "1" ? "I" : k === "II" || k === "2" ? "II" : null;
    if (!a) throw new UsageError(`--phu-luc chỉ nhận I hoặc II (nhận được "${v}").`);
    if (!out.includes(a)) out.push(a);
  }
  return out;
}

function parseForm(value: string | undefined): AppendixForm {
  if (value === undefined) return "ke-hoach";
  const k = foldKey(value).replace(/[\s_]+/g, "-");
  if (k === "ke-hoach") return "ke-hoach";
  if (k === "bao-cao" || k === "bao-cao-ket-qua") return "bao-cao";
  throw new UsageError(`--mau chỉ nhận ke-hoach hoặc bao-cao (nhận được "${value}").`);
}

function label(c: Commune, date: IsoDate): string {
  return `${communeTypeOn(c, date) === "phuong" ? "phường" : "xã"} ${c.name}`;
}

/**
 * The commune an official named, with or without diacritics. An exact spelling wins
 * ("Lộc Thành"); without diacritics a name may fit two ("Loc Thanh": Lộc Thạnh and
 * Lộc Thành), and then the command asks rather than guesses.
 */
export function findCommuneByName(catalog: Catalog, written: string, on: IsoDate): Commune {
  const name = written.trim().replace(/^(xã|xa|phường|phuong)\s+/iu, "");
  const exact = catalog.communes.filter((c) => normalize(c.name) === normalize(name));
  if (exact.length === 1) return exact[0];
  const folded = catalog.communes.filter((c) => foldKey(c.name) === foldKey(name));
  if (folded.length === 1) return folded[0];
  if (folded.length > 1) {
    throw new UsageError(
      `Tên "${written}" ứng với nhiều đơn vị: ${folded.map((c) => `"${c.name}" (${label(c, on)})`).join(", ")}. ` +
        "Hãy ghi tên có dấu để chọn đúng đơn vị.",
    );
  }
  const key = foldKey(name);
  const close = catalog.communes
    .map((c) => ({ c, s: Math.max(similarity(foldKey(c.name), key), key.length >= 3 && foldKey(c.name).includes(key) ? 0.8 : 0) }))
    .filter((x) => x.s >= 0.5)
    .sort((a, b) => b.s - a.s)
    .slice(0, 5)
    .map((x) => `"${x.c.name}" (${label(x.c, on)})`);
  throw new UsageError(
    `Không tìm thấy "${written}" trong danh sách ${catalog.communes.length} xã, phường của tỉnh Đồng Nai.` +
      (close.length ? ` Tên gần giống: ${close.join(", ")}.` : " Hãy kiểm tra lại tên."),
  );
}

function typeWarning(c: Commune, asked: UnitType, official: UnitType, on: IsoDate): string {
  const word = (t: UnitType) => (t === "phuong" ? "phường" : "xã");
  const since = c.change && c.change.to === official ? ` từ ngày ${formatDateVi(c.change.from)} (${c.change.by})` : "";
  const until = c.change && c.change.to !== official ? ` (thành phường từ ngày ${formatDateVi(c.change.from)})` : "";
  return (
    `Lưu ý: vào ngày ${formatDateVi(on)}, ${c.name} là ${word(official)}${since}${until}, không phải ${word(asked)}; ` +
    `phụ lục ghi theo loại đơn vị chính thức: “${word(official)} ${c.name}”.`
  );
}
