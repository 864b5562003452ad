/**
 * `phuluc`: the command line over .xlsx files. Every command is a module under
 * ./commands exporting `usage` and `run(args, io)`, loaded with import() only when
 * it is asked for: `phuluc --help` loads no command, hence no zip, XML or workbook
 * library. The build (scripts/build-cli.js) bundles this file with esbuild into
 * dist/cli/, one chunk per command, and bin/phuluc.js runs that with plain Node.
 * Exit codes: 0 success (check: no error found), 1 findings with errors,
 * 2 unreadable input or bad usage. Messages for people are Vietnamese; no stack traces.
 */
import type { CliIO } from "./io";
import { nodeIO } from "./io";
import { HostError } from "../hosts/file/errors";
import { UsageError } from "./usage";

interface Command {
  usage: string;
  run: (args: string[], io: CliIO) => Promise<number>;
}

/** A command: its one-line summary for `--help`, and how to load the module that runs it. */
interface CommandEntry {
  summary: string;
  load: () => Promise<Command>;
}

export const COMMANDS: Record<string, CommandEntry> = {
  insert: { summary: "Tạo tệp .xlsx có phụ lục chỉ tiêu và/hoặc nhiệm vụ chuẩn cho một xã, phường", load: () => import("./commands/insert") },
  check: { summary: "Kiểm tra các bảng phụ lục trong tệp .xlsx hoặc văn bản Word .docx trước khi nộp", load: () => import("./commands/check") },
  compute: { summary: "Thêm cột tỷ lệ đạt, đánh giá, hạn và cảnh báo vào bản sao của tệp", load: () => import("./commands/compute") },
  consolidate: { summary: "Tổng hợp phụ lục của nhiều đơn vị (.xlsx, .docx) vào một tệp", load: () => import("./commands/consolidate") },
  export: { summary: "Xuất một phụ lục sang văn bản Word (.docx) theo thể thức Nghị định 30", load: () => import("./commands/export") },
};

export function helpText(): string {
  const lines = [
    "phuluc — công cụ dòng lệnh của Phụ lục NQ57",
    "",
    "Cách dùng: npx phuluc <lệnh> [tùy chọn]",
    "",
    "Các lệnh:",
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}`),
    "",
    "Xem hướng dẫn của từng lệnh: npx phuluc <lệnh> --help",
    "Mã thoát: 0 thành công; 1 có lỗi cần sửa (lệnh check); 2 không đọc được tệp hoặc sai cú pháp lệnh.",
  ];
  return lines.join("\n");
}

export async function main(argv: string[], io: CliIO = nodeIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.out(helpText());
    return name ? 0 : 2;
  }
  // Own keys only: `phuluc constructor` must not find Object.prototype.constructor.
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.err(`Không có lệnh "${name}".\n\n${helpText()}`);
    return 2;
  }
  try {
    const mod = await command.load();
    if (rest.includes("--help") || rest.includes("-h")) {
      io.out(mod.usage);
      return 0;
    }
    return await mod.run(rest, io);
  } catch (e) {
    if (e instanceof HostError || e instanceof UsageError) {
      io.err(e.message);
      return 2;
    }
    io.err(`Lỗi không mong đợi: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
}

/** Bad command-line usage, reported in Vietnamese with exit code 2. */
export { UsageError };
