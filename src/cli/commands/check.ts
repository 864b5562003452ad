/**
 * `phuluc check FILE.xlsx`: check every appendix table of a workbook before it is
 * submitted. Exit 0 when no error is found, 1 when there are errors, 2 when the
 * file cannot be read or the command is mistyped.
 */
import { parseArgs } from "node:util";
import type { CliIO } from "../io";
import { UsageError } from "../usage";
import { fileHost } from "../files";
import { HostError } from "../../hosts/file/errors";
import { defaultCatalog, LIST_SHEET } from "../../domain/catalog";
import { checkWorkbook, SEVERITY_LABELS, type SheetReport } from "../../domain/validate";
import { isValidDate } from "../../domain/dates";

export const usage = [
  "Cách dùng: npx phuluc check TỆP.xlsx [--sheet TÊN] [--as-of YYYY-MM-DD] [--nam NĂM] [--json]",
  "",
  "Kiểm tra các bảng phụ lục (chỉ tiêu, nhiệm vụ) trong tệp trước khi nộp: thiếu đơn vị chủ trì,",
  "thiếu sản phẩm, thiếu thời hạn, chỉ tiêu thấp hơn của tỉnh, tên đơn vị sai, ...",
  "",
  "Tùy chọn:",
  "  --sheet TÊN          chỉ kiểm tra trang tính có tên này",
  "  --as-of YYYY-MM-DD   ngày báo cáo (xác định xã hay phường với các xã đã lên phường từ 30/4/2026)",
  "  --nam NĂM            năm của kế hoạch (mặc định: đọc từ tiêu đề, nếu không có thì 2026)",
  "  --json               in kết quả dạng JSON",
  "",
  "Mã thoát: 0 không có lỗi (sẵn sàng nộp); 1 có lỗi cần sửa; 2 không đọc được tệp hoặc sai cú pháp.",
].join("\n");

const KIND_LABELS: Record<SheetReport["kind"], string> = {
  indicators: "bảng chỉ tiêu",
  tasks: "bảng nhiệm vụ",
  mixed: "bảng chỉ tiêu và nhiệm vụ",
  unknown: "không có bảng phụ lục",
};

function options(args: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        sheet: { type: "string" },
        "as-of": { type: "string" },
        nam: { type: "string" },
        json: { type: "boolean", default: false },
      },
    });
  } catch (e) {
    throw new UsageError(`Sai cú pháp lệnh: ${e instanceof Error ? e.message : String(e)}\n\n${usage}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError(`Cần đúng một tệp .xlsx để kiểm tra.\n\n${usage}`);
  const asOf = values["as-of"];
  if (asOf !== undefined) {
    const m = asOf.match(/^(\d{4})-(\d{2})-(\d{2})$/);
    if (!m || !isValidDate(Number(m[1]), Number(m[2]), Number(m[3]))) throw new UsageError(`Ngày "${asOf}" không hợp lệ; hãy ghi theo dạng YYYY-MM-DD, ví dụ 2026-06-30.`);
  }
  const nam = values.nam;
  let planYear: number | undefined;
  if (nam !== undefined) {
    if (!/^\d{4}$/.test(nam) || Number(nam) < 2000 || Number(nam) > 2100) throw new UsageError(`Năm "${nam}" không hợp lệ; hãy ghi bốn chữ số, ví dụ 2026.`);
    planYear = Number(nam);
  }
  return { file: positionals[0], sheet: values.sheet, asOf, planYear, json: Boolean(values.json) };
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const opt = options(args);
  const fileName = opt.file.split(/[\\/]/).pop() ?? opt.file;
  if (!io.exists(opt.file)) throw new HostError("not-found", `Không tìm thấy tệp "${opt.file}".`);
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(opt.file);
  } catch {
    throw new HostError("unreadable", `Không đọc được tệp "${opt.file}" (kiểm tra quyền truy cập hoặc tệp đang bị khóa).`);
  }
  const { openWorkbook, snapshotWorkbook } = await fileHost();
  const file = await openWorkbook(bytes, fileName);
  const names = file.sheetNames();
  // A workbook without a single sheet (Excel never saves one; other tools can) has
  // nothing to check: saying "ready to submit" would be wrong.
  if (names.length === 0) throw new HostError("no-sheets", `Tệp "${fileName}" không có trang tính nào nên không có bảng phụ lục để kiểm tra.`);
  let only: string[] | undefined;
  if (opt.sheet !== undefined) {
    const s = names.find((x) => x === opt.sheet) ?? names.find((x) => x.toLowerCase() === opt.sheet!.toLowerCase());
    if (!s) throw new UsageError(`Tệp không có trang tính "${opt.sheet}". Các trang tính: ${names.map((x) => `"${x}"`).join(", ")}.`);
    // Only that sheet, and the list sheet so a workbook's own "Danh mục" still applies (checkWorkbook does not report it).
    only = [s, ...names.filter((x) => x === LIST_SHEET)];
  }
  const wb = snapshotWorkbook(file, fileName, only ? { sheets: only } : {});
  const report = checkWorkbook(wb, {
    catalog: defaultCatalog(),
    ...(opt.asOf ? { asOf: opt.asOf } : {}),
    ...(opt.planYear ? { planYear: opt.planYear } : {}),
  });

  if (opt.json) {
    io.out(
      JSON.stringify(
        {
          file: opt.file,
          sheets: report.sheets.map((s) => ({
            name: s.name,
            kind: s.kind,
            commune: s.commune,
            rows: s.rows.map((r) => ({ row: r.row, kind: r.kind, indicatorCode: r.indicatorCode })),
            findings: s.findings.map((f) => ({ code: f.code, severity: f.severity, cell: f.cell, message: f.message, fix: f.fix ? f.fix.value : null })),
            counts: { error: s.counts.error, warning: s.counts.warning, info: s.counts.info },
          })),
        },
        null,
        2,
      ),
    );
  } else {
    io.out(humanReport(opt.file, report.sheets, report.catalogSource));
  }
  return report.counts.error > 0 ? 1 : 0;
}

function humanReport(file: string, sheets: SheetReport[], catalogSource: string): string {
  const lines: string[] = [`Tệp: ${file}`, `Danh mục chỉ tiêu: ${catalogSource}`];
  let errors = 0;
  for (const s of sheets) {
    errors += s.counts.error;
    const unit = s.commune ? ` — ${s.commune.type === "phuong" ? "Phường" : "Xã"} ${s.commune.name}` : "";
    lines.push("", `Trang tính "${s.name}" (${KIND_LABELS[s.kind]})${unit}`);
    if (s.kind === "unknown" && s.findings.length === 0) {
      lines.push("  Bỏ qua: không tìm thấy bảng phụ lục trong trang này.");
      continue;
    }
    lines.push(`  ${s.counts.error} lỗi, ${s.counts.warning} cảnh báo, ${s.counts.info} gợi ý`);
    const byRow = new Map<number, typeof s.findings>();
    for (const f of s.findings) byRow.set(f.row, [...(byRow.get(f.row) ?? []), f]);
    for (const [row, list] of byRow) {
      lines.push(`  Dòng ${row}:`);
      for (const f of list) {
        lines.push(`    ${f.cell} [${SEVERITY_LABELS[f.severity]}] ${f.message} (${f.code})`);
        if (f.fix) lines.push(`        → Gợi ý sửa: ${f.fix.label}`);
      }
    }
  }
  lines.push("");
  lines.push(errors === 0 ? "Kết luận: Sẵn sàng nộp (không có lỗi)." : `Kết luận: Chưa sẵn sàng nộp: còn ${errors} lỗi cần sửa.`);
  return lines.join("\n");
}
