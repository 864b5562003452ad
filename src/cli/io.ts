/** What a command may touch outside itself: files and the two output streams. Tests pass a fake. */
import * as fs from "fs";
import * as path from "path";
import { HostError } from "../hosts/file/errors";

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  exists(path: string): boolean;
  /** Today's date, ISO; the only place the command line reads the clock. */
  today(): string;
}

/** Why a file could not be read or written, in words an official can act on. */
function reason(e: unknown): string {
  switch ((e as { code?: string }).code) {
    case "ENOENT":
      return "không tìm thấy tệp hoặc thư mục";
    case "EACCES":
    case "EPERM":
      return "không có quyền truy cập";
    case "EISDIR":
      return "đây là một thư mục, không phải tệp";
    case "ENOSPC":
      return "ổ đĩa đã đầy";
    case "EROFS":
      return "ổ đĩa chỉ cho phép đọc";
    case "EBUSY":
      return "tệp đang được mở bởi chương trình khác";
    default:
      return "lỗi hệ thống tệp";
  }
}

export function nodeIO(): CliIO {
  return {
    out: (t) => process.stdout.write(t.endsWith("\n") ? t : t + "\n"),
    err: (t) => process.stderr.write(t.endsWith("\n") ? t : t + "\n"),
    readFile: async (p) => {
      try {
        return new Uint8Array(await fs.promises.readFile(p));
      } catch (e) {
        throw new HostError("read-failed", `Không đọc được tệp "${p}": ${reason(e)}.`, e);
      }
    },
    writeFile: async (p, d) => {
      // Written beside the target, then renamed over it: a failure half-way (disk
      // full, the process killed) never leaves a half-written file under the name asked for.
      const tmp = path.join(path.dirname(p), `.${path.basename(p)}.${process.pid}.tmp`);
      try {
        await fs.promises.writeFile(tmp, d);
        await fs.promises.rename(tmp, p);
      } catch (e) {
        await fs.promises.rm(tmp, { force: true }).catch(() => undefined);
        throw new HostError("write-failed", `Không ghi được tệp "${p}": ${reason(e)}.`, e);
      }
    },
    exists: (p) => fs.existsSync(p),
    today: () => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    },
  };
}
