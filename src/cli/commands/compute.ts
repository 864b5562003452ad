/**
 * `phuluc compute FILE.xlsx -o OUT.xlsx`: the add-in's achievement and overdue
 * columns (live formulas) written into a copy of the workbook; FILE is never touched.
 */
import * as path from "path";
import { parseArgs } from "util";
import type { CliIO } from "../io";
import { UsageError } from "../usage";
import { openWorkbook, snapshotWorkbook } from "../../hosts/file/read";
import { isDocumentInput, readInput } from "../../hosts/input";
import { rowNumber } from "../../domain/location";
import type { SheetSnapshot } from "../../domain/snapshot";
import { applyEdits, workbookBytes } from "../../hosts/file/apply";
import { planCompute, type ComputeReport } from "../../domain/compute";
import { computedAppendices, planOverviewSheet, summarize, OVERVIEW_SHEET } from "../../domain/summary";
import { catalogWithListSheet, defaultCatalog, LIST_SHEET } from "../../domain/catalog";
import type { Edit } from "../../domain/edits";
import type { Table } from "../../domain/reader";
import { formatDateVi, isValidDate, parseIso } from "../../domain/dates";
import { FLAG_LABELS } from "../../domain/status";
import { foldKey } from "../../domain/text";

export const usage = `Cách dùng: npx phuluc compute TỆP.xlsx -o TỆP-KẾT-QUẢ.xlsx [tùy chọn]
         npx phuluc compute TỆP.docx --json [--sheet TÊN] [--as-of NGÀY]

Thêm vào bên phải mỗi bảng chỉ tiêu hoặc nhiệm vụ các cột tính bằng công thức:
  chỉ tiêu:  "Kết quả thực hiện" (nếu chưa có), "Tỷ lệ đạt (%)", "Đánh giá";
  nhiệm vụ:  "Tình trạng", "Ngày hoàn thành" (nếu chưa có), "Hạn hoàn thành (ngày)", "Cảnh báo";
cùng ô "Ngày báo cáo" và "Số ngày cảnh báo" phía trên các cột đó. Chạy lại thì các cột
đã thêm được làm mới, không thêm cột trùng. Không ô nào do người dùng nhập bị ghi đè;
tệp gốc giữ nguyên, kết quả ghi vào tệp mới.

Với văn bản Word (.docx) của kế hoạch, lệnh chỉ đọc: in tỷ lệ đạt, đánh giá, hạn và cảnh báo
của từng bảng (--json để in dạng JSON), không ghi tệp nào nên không dùng -o.

Tùy chọn:
  -o, --output TỆP     Tệp kết quả (bắt buộc, phải khác tệp gốc và chưa tồn tại)
  --sheet TÊN          Chỉ tính trên trang tính này
  --as-of NGÀY         Ngày báo cáo dạng YYYY-MM-DD, ghi vào ô "Ngày báo cáo"
                       (mặc định: ô giữ công thức =TODAY(), tức luôn là ngày hôm nay)
  --json               In kết quả tính (tỷ lệ đạt, đánh giá, hạn, cảnh báo) dạng JSON
  --tong-quan          Thêm trang "Tổng quan" (in khổ A4 ngang) tổng hợp mọi phụ lục đã tính trong tệp
                       theo nhóm chỉ tiêu và đơn vị chủ trì, kể cả các trang đã tính từ trước
  -h, --help           Xem hướng dẫn này

Mã thoát: 0 thành công; 1 không thêm được cột (ô cần dùng đã có dữ liệu...);
2 không đọc được tệp, không có bảng nào, hoặc sai cú pháp lệnh.`;

export async function run(args: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        output: { type: "string", short: "o" },
        sheet: { type: "string" },
        "as-of": { type: "string" },
        json: { type: "boolean", default: false },
        "tong-quan": { type: "boolean", default: false },
      },
    });
  } catch (e) {
    throw new UsageError(`Tùy chọn không hợp lệ: ${e instanceof Error ? e.message : String(e)}\n\n${usage}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError(`Cần đúng một tệp .xlsx đầu vào.\n\n${usage}`);
  const input = positionals[0];
  const output = values.output;
  // A Word plan is read, computed and reported; nothing is written.
  let bytes: Uint8Array | null = null;
  if (io.exists(input)) {
    bytes = await io.readFile(input);
    if (isDocumentInput(bytes, input)) {
      if (output !== undefined) {
        throw new UsageError(
          `"${input}" là văn bản Word: lệnh compute không ghi cột tính toán vào văn bản Word nên không dùng -o. ` +
            "Bỏ -o (thêm --json để in dạng JSON) để xem tỷ lệ đạt, đánh giá và cảnh báo; hoặc chép bảng sang Excel (.xlsx) rồi chạy lại với -o.",
        );
      }
      return computeDocument(bytes, input, { sheet: values.sheet, asOf: values["as-of"] ?? null, json: Boolean(values.json) }, io);
    }
  }
  if (!output) throw new UsageError(`Thiếu tệp kết quả: thêm -o TỆP-KẾT-QUẢ.xlsx.\n\n${usage}`);
  if (samePath(input, output)) throw new UsageError("Tệp kết quả phải khác tệp gốc: lệnh compute không ghi vào tệp gốc.");
  const asOf = values["as-of"] ?? null;
  if (asOf !== null && !isIsoDate(asOf)) {
    throw new UsageError(`Ngày báo cáo "${asOf}" không hợp lệ: hãy viết dạng YYYY-MM-DD, ví dụ 2026-06-30.`);
  }
  if (!io.exists(input)) {
    io.err(`Không tìm thấy tệp "${input}".`);
    return 2;
  }
  if (io.exists(output)) {
    io.err(`Tệp "${output}" đã có; hãy chọn tên khác để không ghi đè lên tệp đó.`);
    return 2;
  }

  const wb = await openWorkbook(bytes ?? (await io.readFile(input)), input);
  // A macro workbook stays one: its content type says so, and Excel refuses an .xlsm under another name (and the reverse).
  if (wb.macroEnabled !== /\.xlsm$/i.test(output)) {
    io.err(
      wb.macroEnabled
        ? `Tệp "${input}" có macro: hãy đặt tên tệp kết quả có đuôi .xlsm (ví dụ "${output.replace(/\.[^.\\/]*$/, "")}.xlsm") để giữ macro.`
        : `Tệp "${input}" không có macro: hãy đặt tên tệp kết quả có đuôi .xlsx.`,
    );
    return 2;
  }
  // Only the sheets needed: the one asked for (found by its name, with or without diacritics) and the list sheet.
  const names = wb.sheetNames();
  let wantedName: string | undefined;
  if (values.sheet !== undefined) {
    const wanted = values.sheet;
    wantedName = names.find((n) => n === wanted) ?? names.find((n) => foldKey(n) === foldKey(wanted));
    if (!wantedName) {
      io.err(`Không có trang tính "${wanted}". Các trang trong tệp: ${names.join(", ")}.`);
      return 2;
    }
  }
  // With --tong-quan every sheet is read: the overview covers the appendices computed before too.
  const snapshot = snapshotWorkbook(
    wb,
    input,
    wantedName !== undefined && !values["tong-quan"] ? { sheets: [wantedName, ...names.filter((n) => n === LIST_SHEET)] } : {},
  );
  let catalog = defaultCatalog();
  const listSheet = snapshot.sheets.find((s) => s.name === LIST_SHEET);
  if (listSheet) catalog = catalogWithListSheet(catalog, listSheet).catalog;

  let sheets = snapshot.sheets;
  if (wantedName !== undefined) {
    sheets = sheets.filter((s) => s.name === wantedName);
  } else {
    // The add-in's own sheets are not appendix tables.
    sheets = sheets.filter((s) => s.name !== LIST_SHEET && !s.name.startsWith(OVERVIEW_SHEET));
  }

  const today = io.today();
  const edits: Edit[] = [];
  const reports: ComputeReport[] = [];
  const tables: Table[] = [];
  const lines: string[] = [];
  let usedAsOf: string | null = null;
  for (const s of sheets) {
    const plan = planCompute(s, { catalog, asOf, today });
    if (!plan.ok) {
      if (plan.code === "no-table") continue;
      io.err(`Trang "${s.name}": ${plan.message}`);
      io.err(`Chưa ghi tệp "${output}".`);
      return 1;
    }
    edits.push(...plan.edits);
    reports.push(plan.report);
    tables.push(plan.table);
    usedAsOf ??= plan.asOf;
    const shown = plan.added.filter((a) => !a.hidden).map((a) => `${a.letter} "${a.label}"`);
    const hidden = plan.added.filter((a) => a.hidden).map((a) => a.letter);
    lines.push(describe(plan.report, shown, hidden, plan.asOf, plan.reportDateCell));
  }
  if (reports.length === 0) {
    io.err(
      values.sheet !== undefined
        ? `Trang "${values.sheet}" không có bảng chỉ tiêu hoặc nhiệm vụ nào (không tìm thấy dòng tiêu đề bảng).`
        : `Tệp "${input}" không có trang nào chứa bảng chỉ tiêu hoặc nhiệm vụ (không tìm thấy dòng tiêu đề bảng).`,
    );
    return 2;
  }

  let overviewNote: string | null = null;
  if (values["tong-quan"]) {
    // The sheets computed now, as this run leaves them, and the others already computed, at their own report dates.
    const others = computedAppendices(
      snapshot.sheets.filter((s) => !reports.some((r) => r.name === s.name)),
      catalog,
      today,
    );
    const order = (r: { name: string }) => names.indexOf(r.name);
    const summary = summarize([...reports, ...others.reports].sort((a, b) => order(a) - order(b)), [...tables, ...others.tables], catalog);
    const latest = [usedAsOf, others.asOf].filter((d): d is string => d !== null).sort().pop() ?? null;
    const overview = planOverviewSheet(summary, names, { asOf: latest });
    edits.push(...overview.edits);
    overviewNote =
      `Đã thêm trang "${overview.sheet}". Lưu ý: tệp do dòng lệnh tạo chưa có hai biểu đồ (thư viện ghi tệp không vẽ được biểu đồ); ` +
      `mở tệp trong Excel có cài add-in và bấm "Tạo trang Tổng quan" để có biểu đồ.`;
  }

  const { notDone } = applyEdits(wb, edits);
  await io.writeFile(output, await workbookBytes(wb));
  for (const line of notDone) if (!overviewNote || !/biểu đồ/.test(line)) io.err(line);

  if (values.json) {
    io.out(JSON.stringify({ sheets: reports }, null, 2));
  } else {
    io.out([...lines, ...(overviewNote ? [overviewNote] : []), `Đã ghi tệp "${output}".`].join("\n"));
  }
  return 0;
}

/** `compute` on a Word plan: every table's rates and flags, printed, nothing written. */
async function computeDocument(
  bytes: Uint8Array,
  input: string,
  opt: { sheet: string | undefined; asOf: string | null; json: boolean },
  io: CliIO,
): Promise<number> {
  if (opt.asOf !== null && !isIsoDate(opt.asOf)) {
    throw new UsageError(`Ngày báo cáo "${opt.asOf}" không hợp lệ: hãy viết dạng YYYY-MM-DD, ví dụ 2026-06-30.`);
  }
  const snapshot = (await readInput(bytes, path.basename(input))).snapshot();
  let sheets: SheetSnapshot[] = snapshot.sheets;
  if (opt.sheet !== undefined) {
    const wanted = foldKey(opt.sheet);
    const found = sheets.find((s) => foldKey(s.name) === wanted || (s.source && foldKey(`Bảng ${s.source.table}`) === wanted));
    if (!found) {
      io.err(`Văn bản không có bảng "${opt.sheet}". Các bảng: ${sheets.map((s) => s.name).join(", ") || "không có"}.`);
      return 2;
    }
    sheets = [found];
  }
  const today = io.today();
  const reports: unknown[] = [];
  const lines: string[] = [];
  for (const s of sheets) {
    const plan = planCompute(s, { catalog: defaultCatalog(), asOf: opt.asOf, today });
    if (!plan.ok) continue; // layout tables (the heading block, the signature) have no appendix table
    const table = s.source?.table ?? null;
    // The rows also as the official counts them in the Word table.
    const tableRow = (row: number) => rowNumber(s, row);
    reports.push({
      ...plan.report,
      table,
      indicators: plan.report.indicators.map((i) => ({ ...i, tableRow: tableRow(i.row) })),
      tasks: plan.report.tasks.map((t) => ({ ...t, tableRow: tableRow(t.row) })),
    });
    lines.push(`Bảng ${table}${s.name === `Bảng ${table}` ? "" : ` — ${s.name}`} (ngày báo cáo ${formatDateVi(plan.asOf)}):`, ...counts(plan.report));
  }
  if (reports.length === 0) {
    io.err(`Văn bản "${input}" không có bảng chỉ tiêu hoặc nhiệm vụ nào (không tìm thấy dòng tiêu đề bảng).`);
    return 2;
  }
  io.out(opt.json ? JSON.stringify({ sheets: reports }, null, 2) : [...lines, "Văn bản Word chỉ được đọc; không ghi tệp nào."].join("\n"));
  return 0;
}

function describe(report: ComputeReport, added: string[], hidden: string[], asOf: string, dateCell: string): string {
  const out = [`Trang "${report.name}" (ngày báo cáo ${formatDateVi(asOf)}, ô ${dateCell}):`];
  out.push(added.length ? `  thêm các cột ${added.join(", ")}` : "  làm mới các cột đã thêm trước đây");
  if (hidden.length) out.push(`  thêm ${hidden.length} cột ẩn ${hidden.join(", ")} (công thức phụ đọc kết quả, ngày hoàn thành; không in ra)`);
  out.push(...counts(report));
  return out.join("\n");
}

/** Verdict and flag counts of a computed sheet, one line per kind of row. */
function counts(report: ComputeReport): string[] {
  const out: string[] = [];
  if (report.indicators.length) {
    const n = (v: string) => report.indicators.filter((i) => i.verdict === v).length;
    const noResult = report.indicators.filter((i) => i.result === null).length;
    const unassessed = report.indicators.filter((i) => i.result !== null && i.verdict === null).length;
    out.push(
      `  ${report.indicators.length} chỉ tiêu: ${n("Đạt")} đạt, ${n("Vượt")} vượt, ${n("Chưa đạt")} chưa đạt, ${noResult} chưa có kết quả` +
        (unassessed ? `, ${unassessed} có kết quả nhưng chưa đánh giá được` : ""),
    );
  }
  if (report.tasks.length) {
    const n = (f: string) => report.tasks.filter((t) => t.flag === f).length;
    out.push(
      `  ${report.tasks.length} nhiệm vụ: ${n("overdue")} ${FLAG_LABELS.overdue.toLowerCase()}, ${n("due-soon")} ${FLAG_LABELS["due-soon"].toLowerCase()}, ` +
        `${n("done") + n("done-late")} hoàn thành`,
    );
  }
  return out;
}

function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const { year, month, day } = parseIso(text);
  return isValidDate(year, month, day);
}

function samePath(a: string, b: string): boolean {
  // Case-insensitive: Windows and macOS file systems are, and a false "same" only asks for another name.
  const norm = (p: string) => path.resolve(p).normalize("NFC").toLowerCase();
  return norm(a) === norm(b);
}
