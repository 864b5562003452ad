/**
 * The file host's reading half: an .xlsx or .xlsm (bytes) → the domain's snapshots,
 * through the package layer (package/): the zip is opened with its guards, then
 * only the parts a caller needs are inflated and parsed. Used by the command line,
 * the web page and the task pane's "files from disk".
 */
import type { WorkbookSnapshot } from "../../domain/snapshot";
import { formatNumberVi } from "../../domain/numbers";
import { HostError } from "./errors";
import { ZIP_LIMITS, type ZipLimits } from "./zipGuard";
import { openPackage } from "./package/zip";
import { WorkbookPackage, type SheetReadResult } from "./package/workbook";

/** Files larger than this are refused before parsing. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** Cells (with a value or a format) in the sheets read together; more is refused. */
export const MAX_CELLS = 1_000_000;
/** Reading (unzipping and parsing) that takes longer than this is abandoned. */
export const READ_TIMEOUT_MS = 60_000;

export interface ReadLimits {
  maxFileBytes: number;
  zip: ZipLimits;
  maxCells: number;
  timeoutMs: number;
}

export const READ_LIMITS: ReadLimits = { maxFileBytes: MAX_FILE_BYTES, zip: ZIP_LIMITS, maxCells: MAX_CELLS, timeoutMs: READ_TIMEOUT_MS };

/** An opened workbook file: its package, and the limits its reads keep to. */
export class WorkbookFile extends WorkbookPackage {
  constructor(
    zip: ConstructorParameters<typeof WorkbookPackage>[0],
    fileName: string,
    readonly limits: ReadLimits,
  ) {
    super(zip, fileName);
  }
}

const damaged = (fileName: string, cause?: unknown) =>
  new HostError("unreadable", `Không đọc được tệp "${fileName}": tệp bị hỏng hoặc không đúng định dạng .xlsx.`, cause);

/**
 * Open workbook bytes, turning every failure into a Vietnamese HostError that names
 * the file: not an .xlsx (with what it seems to be instead), damaged or cut short,
 * too large on disk, inflating to too much. Only the workbook part is parsed here;
 * sheets are read by `snapshotWorkbook`.
 */
export async function openWorkbook(data: ArrayBuffer | Uint8Array, fileName = "tệp", limits: Partial<ReadLimits> = {}): Promise<WorkbookFile> {
  const lim: ReadLimits = { ...READ_LIMITS, ...limits };
  const zip = await openPackage(data, fileName, {
    limits: { maxFileBytes: lim.maxFileBytes, zip: lim.zip },
    format: {
      notZip: (bytes, name) => new HostError("not-xlsx", `Tệp "${name}" không phải là tệp Excel .xlsx hợp lệ.${notZipHint(bytes)}`),
      damaged: (name, _part, cause) => damaged(name, cause),
    },
  });
  const wb = new WorkbookFile(zip, fileName, lim);
  if (!wb.has(wb.workbookPart)) {
    throw new HostError("not-xlsx", `Tệp "${fileName}" không phải là sổ làm việc Excel .xlsx${zipKindHint(new Set(zip.names()))}.`);
  }
  await guarded(wb, () => wb.info());
  return wb;
}

/**
 * Read sheets of an opened workbook into the domain's snapshot: every sheet, or only
 * those named in `sheets` (matched exactly, then ignoring case). Refuses, with a
 * message naming the file, a workbook with more cells than `maxCells` in the sheets
 * read, a read that takes longer than `timeoutMs`, and damaged XML.
 */
export function snapshotWorkbook(wb: WorkbookFile | WorkbookPackage, fileName = wb.fileName, options: { sheets?: string[] } = {}): WorkbookSnapshot {
  const limits = wb instanceof WorkbookFile ? wb.limits : READ_LIMITS;
  return withDeadline(wb, limits.timeoutMs, fileName, () => {
    const all = wb.sheetNames();
    const wanted = options.sheets ? all.filter((n) => options.sheets!.some((w) => w === n || w.toLowerCase() === n.toLowerCase())) : all;
    const read: SheetReadResult[] = wanted.map((n) => wb.readSheet(n));
    checkCellCount(read, fileName, limits.maxCells);
    return {
      sheets: read.map((r) => r.snapshot),
      names: wb.workbookNames(),
      customXml: wb.ownCustomXml(),
      date1904: wb.info().date1904,
      ...(fileName ? { fileName } : {}),
    };
  });
}

/** Open and read in one step: what the command line and consolidation need. */
export async function readWorkbook(
  data: ArrayBuffer | Uint8Array,
  fileName = "tệp",
  options: { limits?: Partial<ReadLimits>; sheets?: string[] } = {},
): Promise<WorkbookSnapshot> {
  return snapshotWorkbook(await openWorkbook(data, fileName, options.limits), fileName, { sheets: options.sheets });
}

/** Run a read with a time limit; damaged XML becomes the Vietnamese "damaged file" message. */
function withDeadline<T>(wb: WorkbookPackage, timeoutMs: number, fileName: string, read: () => T): T {
  const start = Date.now();
  const before = wb.tick;
  wb.tick = () => {
    if (Date.now() - start > timeoutMs) {
      throw new HostError(
        "read-timeout",
        `Đọc tệp "${fileName}" quá lâu (hơn ${Math.round(timeoutMs / 1000)} giây) nên đã dừng. Tệp có thể quá lớn hoặc bị hỏng; hãy xoá dữ liệu thừa (dòng, cột trống ở cuối) rồi thử lại.`,
      );
    }
  };
  try {
    return read();
  } catch (e) {
    if (e instanceof HostError) throw e;
    throw damaged(fileName, e);
  } finally {
    wb.tick = before;
  }
}

async function guarded<T>(wb: WorkbookFile, read: () => T): Promise<T> {
  return withDeadline(wb, wb.limits.timeoutMs, wb.fileName, read);
}

/** What a file that is not a zip probably is, as a hint for the message. */
function notZipHint(bytes: Uint8Array): string {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    // An OLE container: either an encrypted .xlsx (its streams are EncryptionInfo and
    // EncryptedPackage) or an old .xls (a Workbook or Book stream).
    if (containsUtf16(bytes, "EncryptedPackage") || containsUtf16(bytes, "EncryptionInfo")) {
      return " Tệp được đặt mật khẩu: hãy mở bằng Excel, nhập mật khẩu, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hoá bằng mật khẩu) rồi lưu lại.";
    }
    return " Có thể đây là tệp .xls cũ (Excel 97-2003) hoặc tệp được đặt mật khẩu: hãy mở bằng Excel, bỏ mật khẩu nếu có và lưu lại dưới dạng Sổ làm việc Excel (.xlsx).";
  }
  const head = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, "").trimStart().toLowerCase();
  if (head.startsWith("<") && /<(html|table|\?xml|workbook)/.test(head)) {
    return " Đây là tệp HTML hoặc XML (một số phần mềm xuất ra dưới tên .xls/.xlsx): hãy mở bằng Excel và lưu lại dưới dạng Sổ làm việc Excel (.xlsx).";
  }
  const printable = [...bytes.subarray(0, 512)].every((b) => b === 9 || b === 10 || b === 13 || b >= 32);
  if (printable && /[,;\t]/.test(head)) {
    return " Đây có vẻ là tệp văn bản (CSV) được đổi đuôi thành .xlsx: hãy mở bằng Excel và lưu lại dưới dạng Sổ làm việc Excel (.xlsx).";
  }
  return " Hãy mở tệp bằng Excel và lưu lại dưới dạng Sổ làm việc Excel (.xlsx).";
}

/** What a zip that is not an .xlsx probably is. */
function zipKindHint(names: Set<string>): string {
  if (names.has("xl/workbook.bin")) return ": đây là sổ làm việc nhị phân (.xlsb). Hãy mở bằng Excel và lưu lại dưới dạng Sổ làm việc Excel (.xlsx)";
  if (names.has("word/document.xml")) return ": đây là văn bản Word (.docx) được đổi đuôi. Hãy chọn đúng tệp Excel";
  if (names.has("content.xml") && names.has("mimetype")) return ": đây là tệp OpenDocument (.ods). Hãy mở bằng Excel hoặc LibreOffice và lưu lại dưới dạng .xlsx";
  return " (tệp nén không có phần sổ làm việc). Hãy mở bằng Excel và lưu lại dưới dạng Sổ làm việc Excel (.xlsx)";
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) needle[i * 2] = text.charCodeAt(i);
  outer: for (let i = 0; i + needle.length <= bytes.byteLength; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Refuse a workbook with more cells than the checker and the task pane can hold. */
function checkCellCount(read: SheetReadResult[], fileName: string, maxCells: number): void {
  let total = 0;
  let largest = { name: "", cells: 0 };
  for (const r of read) {
    total += r.cells;
    if (r.cells > largest.cells) largest = { name: r.snapshot.name, cells: r.cells };
  }
  if (total > maxCells) {
    throw new HostError(
      "too-many-cells",
      `Tệp "${fileName}" có quá nhiều ô (${formatNumberVi(total, 0)} ô; giới hạn ${formatNumberVi(maxCells, 0)} ô), nhiều nhất ở trang tính "${largest.name}" ` +
        `(${formatNumberVi(largest.cells, 0)} ô). Hãy xoá các dòng, cột thừa hoặc tách bảng ra tệp khác rồi thử lại.`,
    );
  }
}
