/**
 * `phuluc check FILE.xlsx`: check every appendix table of a workbook before it is
 * submitted. Exit 0 when no error is found, 1 when there are errors, 2 when the
 * file cannot be read or the command is mistyped.
 */
import { parseArgs } from "node:util";
import type { CliIO } from "../io";
import { UsageError } from "../usage";
import { readInput } from "../../hosts/input";
import { placeOf } from "../../domain/location";
import type { SheetSnapshot, WorkbookSnapshot } from "../../domain/snapshot";
import { HostError } from "../../hosts/file/errors";
import { defaultCatalog, LIST_SHEET } from "../../domain/catalog";
import { checkWorkbook, SEVERITY_LABELS, type SheetReport } from "../../domain/validate";
import { planAssignCode, type CodeAssignment } from "../../domain/assign";
import { readTable } from "../../domain/reader";
import { indicatorNameTest } from "../../domain/match";
import { applyEdits, workbookBytes } from "../../hosts/file/apply";
import { openWorkbook, snapshotWorkbook } from "../../hosts/file/read";
import type { WorkbookFile } from "../../hosts/file/read";
import * as path from "path";
import { isValidDate } from "../../domain/dates";

export const usage = [
  "Cách dùng: npx phuluc check TỆP.xlsx|TỆP.docx [--sheet TÊN] [--as-of YYYY-MM-DD] [--nam NĂM] [--json]",
  "           npx phuluc check TỆP.xlsx --gan Ô=MÃ [--gan Ô=MÃ ...] -o TỆP-MỚI.xlsx [--sheet TÊN]",
  "",
  "Kiểm tra các bảng phụ lục (chỉ tiêu, nhiệm vụ) trong tệp trước khi nộp: thiếu đơn vị chủ trì,",
  "thiếu sản phẩm, thiếu thời hạn, chỉ tiêu thấp hơn mức tham chiếu, tên đơn vị sai, ...",
  "Tệp có thể là sổ Excel (.xlsx) hoặc văn bản Word (.docx) của kế hoạch: mỗi bảng trong văn bản",
  "được kiểm tra như một trang tính, lỗi được chỉ theo bảng, dòng và cột (\"Bảng 2, dòng 14, cột Đơn vị tính\").",
  "",
  "Tùy chọn:",
  "  --sheet TÊN          chỉ kiểm tra trang tính (hoặc bảng của văn bản Word: \"Phụ lục I\", \"Bảng 2\") có tên này",
  "  --as-of YYYY-MM-DD   ngày báo cáo (xác định xã hay phường với các xã đã lên phường từ 30/4/2026)",
  "  --nam NĂM            năm của kế hoạch (mặc định: đọc từ tiêu đề, nếu không có thì 2026)",
  "  --json               in kết quả dạng JSON",
  "  --gan Ô=MÃ           xác nhận chỉ tiêu của một dòng chưa khớp danh mục: ghi mã (ví dụ --gan B21=CDS-07)",
  "                       vào cột \"Mã\" của dòng đó (thêm cột hẹp bên phải bảng nếu chưa có, không in ra);",
  "                       ghi vào bản sao -o rồi kiểm tra bản sao. Ô là bất kỳ ô nào của dòng, hoặc số dòng.",
  "  -o, --output TỆP     tệp kết quả khi dùng --gan (tệp gốc không bị sửa)",
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
        gan: { type: "string", multiple: true },
        output: { type: "string", short: "o" },
      },
    });
  } catch (e) {
    throw new UsageError(`Sai cú pháp lệnh: ${e instanceof Error ? e.message : String(e)}\n\n${usage}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError(`Cần đúng một tệp .xlsx hoặc .docx để kiểm tra.\n\n${usage}`);
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
  const assignments = (values.gan ?? []).map(parseAssignment);
  if (assignments.length > 0 && !values.output) throw new UsageError(`--gan cần tệp kết quả: thêm -o TỆP-MỚI.xlsx (tệp gốc không bị sửa).\n\n${usage}`);
  if (values.output && assignments.length === 0) throw new UsageError(`-o chỉ dùng cùng --gan.\n\n${usage}`);
  return { file: positionals[0], sheet: values.sheet, asOf, planYear, json: Boolean(values.json), assignments, output: values.output };
}

/** "B21=CDS-07", "21=CDS-07": a row (by any of its cells, or its number) and a code. */
function parseAssignment(text: string): CodeAssignment {
  const m = text.trim().match(/^(?:[A-Za-z]{1,3})?(\d{1,7})\s*=\s*([A-Za-z]{1,5}-\d{1,3})$/);
  if (!m) throw new UsageError(`"--gan ${text}" không đúng dạng Ô=MÃ, ví dụ --gan B21=CDS-07.`);
  return { row: Number(m[1]), code: m[2].toUpperCase() };
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
  const input = await readInput(bytes, fileName);
  const names = input.names;
  // A workbook without a single sheet (Excel never saves one; other tools can) has
  // nothing to check: saying "ready to submit" would be wrong.
  if (names.length === 0) throw new HostError("no-sheets", `Tệp "${fileName}" không có trang tính nào nên không có bảng phụ lục để kiểm tra.`);
  let only: string[] | undefined;
  if (opt.sheet !== undefined) {
    const wanted = opt.sheet.toLowerCase();
    // A Word document's table may also be named by its number, as the findings name it ("Bảng 2").
    const byNumber = input.kind === "document" ? input.snapshot().sheets.find((x) => x.source && `bảng ${x.source.table}` === wanted.normalize("NFC"))?.name : undefined;
    const s = names.find((x) => x === opt.sheet) ?? names.find((x) => x.toLowerCase() === wanted) ?? byNumber;
    if (!s) {
      const what = input.kind === "document" ? "Văn bản không có bảng" : "Tệp không có trang tính";
      throw new UsageError(`${what} "${opt.sheet}". Các ${input.kind === "document" ? "bảng" : "trang tính"}: ${names.map((x) => `"${x}"`).join(", ")}.`);
    }
    // Only that sheet, and the list sheet so a workbook's own "Danh mục" still applies (checkWorkbook does not report it).
    only = [s, ...names.filter((x) => x === LIST_SHEET)];
  }
  let wb = input.snapshot(only);
  if (opt.assignments.length > 0) {
    if (input.kind === "document") throw new UsageError("Văn bản Word chỉ được đọc: hãy gán mã chỉ tiêu trong sổ Excel của phụ lục (cột “Mã”).");
    wb = await assignCodes(io, input.workbook, wb, opt.sheet, opt.assignments, opt.file, opt.output!);
  }
  const report = checkWorkbook(wb, {
    catalog: defaultCatalog(),
    ...(opt.asOf ? { asOf: opt.asOf } : {}),
    ...(opt.planYear ? { planYear: opt.planYear } : {}),
  });

  const snapshots = new Map(wb.sheets.map((s) => [s.name, s]));
  if (opt.json) {
    io.out(
      JSON.stringify(
        {
          file: opt.output ?? opt.file,
          sheets: report.sheets.map((s) => ({
            name: s.name,
            kind: s.kind,
            commune: s.commune,
            rows: s.rows.map((r) => ({ row: r.row, kind: r.kind, indicatorCode: r.indicatorCode })),
            findings: s.findings.map((f) => {
              // A table read from Word also says where the cell is as the official finds it there.
              const location = placeOf(snapshots.get(s.name)!, f.cell);
              return { code: f.code, severity: f.severity, cell: f.cell, ...(location ? { location } : {}), message: f.message, fix: f.fix ? f.fix.value : null };
            }),
            counts: { error: s.counts.error, warning: s.counts.warning, info: s.counts.info },
          })),
        },
        null,
        2,
      ),
    );
  } else {
    io.out(humanReport(opt.output ?? opt.file, report.sheets, report.catalogSource, snapshots));
  }
  return report.counts.error > 0 ? 1 : 0;
}

/**
 * Write the confirmed codes into a copy (-o), never into the file checked, and return
 * the copy as it now reads: the check that follows is the copy's.
 */
async function assignCodes(
  io: CliIO,
  book: WorkbookFile,
  wb: WorkbookSnapshot,
  sheetName: string | undefined,
  assignments: CodeAssignment[],
  input: string,
  output: string,
): Promise<WorkbookSnapshot> {
  if (path.resolve(input).toLowerCase() === path.resolve(output).toLowerCase()) throw new UsageError("Tệp kết quả -o phải khác tệp gốc: lệnh check không ghi vào tệp gốc.");
  if (io.exists(output)) throw new UsageError(`Tệp "${output}" đã có; hãy chọn tên khác để không ghi đè lên tệp đó.`);
  const catalog = defaultCatalog();
  const withIndicators = wb.sheets.filter((s) => {
    const r = readTable(s, { isIndicatorName: indicatorNameTest(catalog) });
    return r.ok && r.table.rows.some((x) => x.kind === "indicator");
  });
  const sheet = sheetName !== undefined ? wb.sheets.find((s) => s.name === sheetName || s.name.toLowerCase() === sheetName.toLowerCase()) : withIndicators.length === 1 ? withIndicators[0] : undefined;
  if (!sheet) {
    throw new UsageError(
      sheetName !== undefined
        ? `Tệp không có trang tính "${sheetName}".`
        : `Tệp có ${withIndicators.length} trang có bảng chỉ tiêu (${withIndicators.map((s) => `"${s.name}"`).join(", ") || "không có"}); hãy chọn một bằng --sheet TÊN.`,
    );
  }
  const plan = planAssignCode(sheet, assignments, catalog);
  if (!plan.ok) throw new HostError(plan.code, plan.message);
  applyEdits(book, plan.edits);
  const bytes = await workbookBytes(book);
  await io.writeFile(output, bytes);
  for (const w of plan.written) io.err(`Đã ghi mã ${w.code} vào ô ${w.cell} (trang "${sheet.name}") trong tệp "${output}".`);
  return snapshotWorkbook(await openWorkbook(bytes, path.basename(output)), path.basename(output));
}

function humanReport(file: string, sheets: SheetReport[], catalogSource: string, snapshots: Map<string, SheetSnapshot>): string {
  const lines: string[] = [`Tệp: ${file}`, `Danh mục chỉ tiêu: ${catalogSource}`];
  let errors = 0;
  // Tables of a Word document that are not appendices (the heading block, the signature) are named once, not one by one.
  const layout = sheets.filter((s) => snapshots.get(s.name)?.source && s.kind === "unknown" && s.findings.length === 0);
  for (const s of sheets) {
    if (layout.includes(s)) continue;
    errors += s.counts.error;
    const unit = s.commune ? ` — ${s.commune.type === "phuong" ? "Phường" : "Xã"} ${s.commune.name}` : "";
    const source = snapshots.get(s.name)?.source;
    if (source) {
      lines.push("", `Bảng ${source.table}${s.name === `Bảng ${source.table}` ? "" : ` — ${s.name}`} (${KIND_LABELS[s.kind]})${unit}`);
      lines.push(`  ${s.counts.error} lỗi, ${s.counts.warning} cảnh báo, ${s.counts.info} lưu ý`);
      for (const f of s.findings) {
        lines.push(`  ${placeOf(snapshots.get(s.name)!, f.cell)} [${SEVERITY_LABELS[f.severity]}] ${f.message} (${f.code})`);
        if (f.fix) lines.push(`      → ${f.fix.label}`);
      }
      continue;
    }
    lines.push("", `Trang tính "${s.name}" (${KIND_LABELS[s.kind]})${unit}`);
    if (s.kind === "unknown" && s.findings.length === 0) {
      lines.push("  Bỏ qua: không tìm thấy bảng phụ lục trong trang này.");
      continue;
    }
    lines.push(`  ${s.counts.error} lỗi, ${s.counts.warning} cảnh báo, ${s.counts.info} lưu ý`);
    const byRow = new Map<number, typeof s.findings>();
    for (const f of s.findings) byRow.set(f.row, [...(byRow.get(f.row) ?? []), f]);
    for (const [row, list] of byRow) {
      lines.push(`  Dòng ${row}:`);
      for (const f of list) {
        lines.push(`    ${f.cell} [${SEVERITY_LABELS[f.severity]}] ${f.message} (${f.code})`);
        if (f.fix) lines.push(`        → ${f.fix.label}`);
      }
    }
  }
  if (layout.length) {
    const names = layout.map((s) => `Bảng ${snapshots.get(s.name)!.source!.table}`);
    lines.push("", `Bỏ qua ${names.length} bảng không phải bảng phụ lục (tiêu đề, chữ ký, ...): ${names.join(", ")}.`);
  }
  lines.push("");
  lines.push(errors === 0 ? "Kết luận: Sẵn sàng nộp (không có lỗi)." : `Kết luận: Chưa sẵn sàng nộp: còn ${errors} lỗi cần sửa.`);
  return lines.join("\n");
}
