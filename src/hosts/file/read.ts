/**
 * The file host's reading half: an .xlsx (bytes) → workbook snapshot, through ExcelJS.
 * Used by the command line and, in the browser, for files picked from disk.
 */
import type ExcelJS from "exceljs";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../domain/snapshot";
import { toExcelSerial, isoDate } from "../../domain/dates";
import { formatNumberVi } from "../../domain/numbers";
import { HostError } from "./errors";
import { guardZip, ZIP_LIMITS, type ZipLimits } from "./zipGuard";

/** Files larger than this are refused before parsing. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** Cells (with a value or a format) in all sheets together; more is refused after loading. */
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

export async function loadExcelJS(): Promise<typeof ExcelJS> {
  const mod = await import("exceljs");
  return (mod as unknown as { default?: typeof ExcelJS }).default ?? (mod as unknown as typeof ExcelJS);
}

/**
 * Open workbook bytes with ExcelJS, turning every failure into a Vietnamese HostError
 * that names the file: not an .xlsx (with what it seems to be instead), damaged or cut
 * short, too large on disk, inflating to too much, too many cells, too slow to read.
 */
export async function openWorkbook(data: ArrayBuffer | Uint8Array, fileName = "tệp", limits: Partial<ReadLimits> = {}): Promise<ExcelJS.Workbook> {
  const lim: ReadLimits = { ...READ_LIMITS, ...limits };
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.byteLength > lim.maxFileBytes) {
    throw new HostError("file-too-large", `Tệp "${fileName}" quá lớn (${Math.round(bytes.byteLength / 1048576)} MB; giới hạn ${Math.round(lim.maxFileBytes / 1048576)} MB).`);
  }
  if (bytes.byteLength === 0) throw new HostError("empty-file", `Tệp "${fileName}" rỗng (0 byte): có thể tệp chưa được lưu hoặc sao chép xong.`);
  if (bytes.byteLength < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new HostError("not-xlsx", `Tệp "${fileName}" không phải là tệp Excel .xlsx hợp lệ.${notZipHint(bytes)}`);
  }
  const entries = await guardZip(bytes, fileName, lim.zip);
  const names = new Set(entries.map((e) => e.name.replace(/^\//, "")));
  if (!names.has("xl/workbook.xml")) {
    throw new HostError("not-xlsx", `Tệp "${fileName}" không phải là sổ làm việc Excel .xlsx${zipKindHint(names)}.`);
  }
  const ExcelJSLib = await loadExcelJS();
  const wb = new ExcelJSLib.Workbook();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new HostError(
            "read-timeout",
            `Đọc tệp "${fileName}" quá lâu (hơn ${Math.round(lim.timeoutMs / 1000)} giây) nên đã dừng. Tệp có thể quá lớn hoặc bị hỏng; hãy xoá dữ liệu thừa (dòng, cột trống ở cuối) rồi thử lại.`,
          ),
        ),
      lim.timeoutMs,
    );
  });
  try {
    // ExcelJS yields to the event loop between parts and chunks, so the timer can fire.
    await Promise.race([wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer), timeout]);
  } catch (e) {
    if (e instanceof HostError) throw e;
    throw new HostError("unreadable", `Không đọc được tệp "${fileName}": tệp bị hỏng hoặc không đúng định dạng .xlsx.`, e);
  } finally {
    clearTimeout(timer);
  }
  checkCellCount(wb, fileName, lim.maxCells);
  return wb;
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
function checkCellCount(wb: ExcelJS.Workbook, fileName: string, maxCells: number): void {
  let total = 0;
  let largest = { name: "", cells: 0 };
  for (const ws of wb.worksheets) {
    let cells = 0;
    ws.eachRow({ includeEmpty: false }, (row) => {
      cells += row.cellCount;
    });
    total += cells;
    if (cells > largest.cells) largest = { name: ws.name, cells };
  }
  if (total > maxCells) {
    throw new HostError(
      "too-many-cells",
      `Tệp "${fileName}" có quá nhiều ô (${formatNumberVi(total, 0)} ô; giới hạn ${formatNumberVi(maxCells, 0)} ô), nhiều nhất ở trang tính "${largest.name}" ` +
        `(${formatNumberVi(largest.cells, 0)} ô). Hãy xoá các dòng, cột thừa hoặc tách bảng ra tệp khác rồi thử lại.`,
    );
  }
}

/** Snapshot every worksheet of an ExcelJS workbook. */
export function snapshotWorkbook(wb: ExcelJS.Workbook, fileName?: string): WorkbookSnapshot {
  const names: Record<string, string> = {};
  try {
    const model = (wb as unknown as { definedNames?: { model?: { name: string; ranges: string[] }[] } }).definedNames?.model ?? [];
    // defineProperty, not assignment: a name "__proto__" (valid in Excel) stays an ordinary entry.
    for (const n of model) Object.defineProperty(names, n.name, { value: n.ranges.join(","), enumerable: true, writable: true, configurable: true });
  } catch {
    // Defined names are a convenience; a workbook without readable ones is still read.
  }
  return { sheets: wb.worksheets.map(snapshotSheet), names, ...(fileName ? { fileName } : {}) };
}

export function snapshotSheet(ws: ExcelJS.Worksheet): SheetSnapshot {
  const values: CellValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  const formulas: (string | null)[][] = [];
  const hiddenRows: number[] = [];
  const notes: Record<string, string> = {};
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (row.hidden) hiddenRows.push(r);
    const vals: CellValue[] = [];
    const fmts: (string | null)[] = [];
    const fs: (string | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // ExcelJS repeats a merged area's value in every cell of it; Office.js and the
      // reader expect it only in the top-left cell.
      if (cell.isMerged && cell.master.address !== cell.address) return;
      if (cell.note) notes[cell.address] = noteText(cell.note);
      const [v, f] = plainValue(cell);
      vals[c - 1] = v;
      fmts[c - 1] = cell.numFmt ?? null;
      fs[c - 1] = f;
    });
    values[r - 1] = fill(vals, null);
    numberFormats[r - 1] = fill(fmts, null);
    formulas[r - 1] = fill(fs, null);
  });
  const hiddenColumns: number[] = [];
  // ExcelJS computes columnCount by walking every row: read it once, not per column
  // (a stray cell in column XFD made this loop take minutes).
  // Columns with their own settings count too: an empty column the official hid is still hidden.
  const columnCount = Math.max(ws.columnCount, (ws as unknown as { _columns?: unknown[] })._columns?.length ?? 0);
  for (let c = 1; c <= columnCount; c++) if (ws.getColumn(c).hidden) hiddenColumns.push(c);
  const merges = Object.keys((ws as unknown as { _merges?: Record<string, unknown> })._merges ?? {}).map((k) => {
    const m = (ws as unknown as { _merges: Record<string, { range: string }> })._merges[k];
    return m.range;
  });
  return {
    name: ws.name,
    values: fill(values, []).map((r) => r ?? []),
    numberFormats: fill(numberFormats, []).map((r) => r ?? []),
    formulas: fill(formulas, []).map((r) => r ?? []),
    merges,
    hiddenRows,
    hiddenColumns,
    protected: Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet),
    notes,
    print: printSetup(ws),
  };
}

/** The print area, orientation and fit ExcelJS read from the sheet (its defaults when the file sets none). */
function printSetup(ws: ExcelJS.Worksheet): NonNullable<SheetSnapshot["print"]> {
  const p = ws.pageSetup ?? {};
  const area = typeof p.printArea === "string" && p.printArea.trim() ? p.printArea.replace(/\$/g, "").split(",")[0].replace(/^.*!/, "") : null;
  return { area, orientation: p.orientation === "landscape" ? "landscape" : "portrait", fitToWidth: Boolean(p.fitToPage) };
}

function noteText(note: ExcelJS.Cell["note"]): string {
  if (typeof note === "string") return note;
  return (note as { texts?: { text: string }[] }).texts?.map((t) => t.text).join("") ?? "";
}

function fill<T>(arr: T[], empty: T): T[] {
  const out: T[] = [];
  for (let i = 0; i < arr.length; i++) out.push(i in arr && arr[i] !== undefined ? arr[i] : empty);
  return out;
}

/** ExcelJS cell → the plain value Office.js would report, plus its formula if any. */
function plainValue(cell: ExcelJS.Cell): [CellValue, string | null] {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return [null, null];
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return [v, null];
  if (v instanceof Date) return [dateToSerial(v), null];
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("formula" in o || "sharedFormula" in o) {
      const formula = "=" + String(o.formula ?? o.sharedFormula ?? "");
      // cell.value drops a falsy result (a formula that computed 0 or ""); the model keeps it.
      const result = (o.result ?? (cell as unknown as { model?: { result?: unknown } }).model?.result) as unknown;
      if (result instanceof Date) return [dateToSerial(result), formula];
      if (result && typeof result === "object" && "error" in (result as object)) return [String((result as { error: string }).error), formula];
      return [(result as CellValue) ?? null, formula];
    }
    if ("richText" in o) return [(o.richText as { text: string }[]).map((t) => t.text).join(""), null];
    if ("text" in o && "hyperlink" in o) return [String(o.text), null];
    if ("error" in o) return [String(o.error), null];
  }
  return [String(v), null];
}

/** ExcelJS gives dates as UTC midnights of the calendar day; turn them into serials. */
function dateToSerial(d: Date): number {
  const day = toExcelSerial(isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()));
  const frac = (d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds()) / 86400;
  return day + frac;
}
