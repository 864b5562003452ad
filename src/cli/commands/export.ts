/**
 * `phuluc export FILE.xlsx --sheet "Phụ lục I" -o phu-luc-I.docx`: one appendix as a
 * Word document in the decree's form, ready to attach to the plan. FILE is never
 * touched; an existing output file is never overwritten.
 */
import * as path from "path";
import { parseArgs } from "util";
import type { CliIO } from "../io";
import { UsageError } from "../usage";
import { readInput } from "../../hosts/input";
import { exportAppendixDocx } from "../../hosts/docx/export";
import { defaultCatalog, catalogWithListSheet, LIST_SHEET } from "../../domain/catalog";
import { readTable } from "../../domain/reader";
import { foldKey } from "../../domain/text";

export const usage = `Cách dùng: npx phuluc export TỆP.xlsx [--sheet TÊN] -o PHỤ-LỤC.docx

Xuất một phụ lục (bảng chỉ tiêu hoặc nhiệm vụ) sang văn bản Word (.docx) theo thể thức
Nghị định 30/2020/NĐ-CP để đính kèm kế hoạch: khổ A4 nằm ngang, phông Times New Roman,
tiêu đề "ỦY BAN NHÂN DÂN …" và quốc hiệu có gạch chân, "PHỤ LỤC …", dòng "(Kèm theo Kế
hoạch số …)", bảng có dòng tiêu đề lặp lại ở đầu mỗi trang, số trang ở giữa lề trên từ
trang thứ hai.

Tùy chọn:
  --sheet TÊN          Trang tính cần xuất (bắt buộc khi tệp có nhiều hơn một phụ lục)
  -o, --output TỆP     Tệp Word kết quả, đuôi .docx (bắt buộc, chưa tồn tại)
  -h, --help           Xem hướng dẫn này

Mã thoát: 0 đã ghi tệp; 2 không đọc được tệp, không có phụ lục, hoặc sai cú pháp lệnh.`;

export async function run(args: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { output: { type: "string", short: "o" }, sheet: { type: "string" } } });
  } catch (e) {
    throw new UsageError(`Sai cú pháp lệnh: ${e instanceof Error ? e.message : String(e)}\n\n${usage}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError(`Cần đúng một tệp .xlsx có phụ lục cần xuất.\n\n${usage}`);
  const input = positionals[0];
  const output = values.output;
  if (!output) throw new UsageError(`Thiếu tệp kết quả: thêm -o PHỤ-LỤC.docx.\n\n${usage}`);
  if (!/\.docx$/i.test(output)) throw new UsageError(`Tệp kết quả "${output}" phải có đuôi .docx.`);
  if (path.resolve(input).normalize("NFC").toLowerCase() === path.resolve(output).normalize("NFC").toLowerCase()) {
    throw new UsageError("Tệp kết quả phải khác tệp gốc.");
  }
  if (!io.exists(input)) {
    io.err(`Không tìm thấy tệp "${input}".`);
    return 2;
  }
  if (io.exists(output)) {
    io.err(`Tệp "${output}" đã có; hãy chọn tên khác để không ghi đè lên tệp đó.`);
    return 2;
  }

  const snapshot = (await readInput(await io.readFile(input), path.basename(input))).snapshot();
  const listSheet = snapshot.sheets.find((s) => s.name === LIST_SHEET);
  const catalog = listSheet ? catalogWithListSheet(defaultCatalog(), listSheet).catalog : defaultCatalog();
  const appendices = snapshot.sheets.filter((s) => s !== listSheet && readTable(s).ok);
  let sheet;
  if (values.sheet !== undefined) {
    const wanted = foldKey(values.sheet);
    sheet = snapshot.sheets.find((s) => s.name === values.sheet) ?? snapshot.sheets.find((s) => foldKey(s.name) === wanted);
    if (!sheet) {
      io.err(`Không có trang tính "${values.sheet}". Các trang trong tệp: ${snapshot.sheets.map((s) => `"${s.name}"`).join(", ")}.`);
      return 2;
    }
  } else if (appendices.length === 1) {
    sheet = appendices[0];
  } else {
    io.err(
      appendices.length === 0
        ? `Tệp "${input}" không có trang nào chứa bảng chỉ tiêu hoặc nhiệm vụ (không tìm thấy dòng tiêu đề bảng).`
        : `Tệp có ${appendices.length} phụ lục; hãy chọn một bằng --sheet: ${appendices.map((s) => `"${s.name}"`).join(", ")}.`,
    );
    return 2;
  }
  const bytes = await exportAppendixDocx(sheet, catalog);
  await io.writeFile(output, bytes);
  io.out(`Đã xuất trang "${sheet.name}" sang văn bản Word "${output}".`);
  return 0;
}
