/**
 * A look inside an .xlsx (a zip) before ExcelJS opens it. ExcelJS inflates every
 * part of the zip into memory as one string, so a small file whose parts inflate to
 * gigabytes (a "decompression bomb", hostile or just broken) would freeze the task
 * pane or the command line. The zip's central directory says how large each part is
 * once inflated; we refuse the file when those sizes are over the limits, and, when
 * the parts could inflate to more than they claim, inflate them once here with a
 * cap (stopping as soon as a part grows past what it claimed), so a lying directory
 * is caught too. Runs in the browser and in node: Uint8Array, DataView and the
 * standard DecompressionStream only.
 */
import { HostError } from "./errors";

export interface ZipLimits {
  /** All parts together, inflated. */
  maxTotalBytes: number;
  /** Any one part, inflated (a sheet, the shared strings). */
  maxPartBytes: number;
  /** Parts in the zip. */
  maxEntries: number;
}

export const ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 200 * 1024 * 1024,
  maxPartBytes: 100 * 1024 * 1024,
  maxEntries: 10_000,
};

/** Deflate cannot expand more than about 1032:1; a part under that bound needs no inflating to be trusted. */
const DEFLATE_MAX_RATIO = 1032;

/** One part as the zip's central directory describes it: its sizes, and what copying the part as it is needs. */
export interface ZipEntryInfo {
  name: string;
  /** 0 stored, 8 deflated; anything else cannot be read. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Where the part's local header starts. */
  localOffset: number;
  flags: number;
  crc32: number;
  /** DOS time and date. */
  time: number;
  date: number;
  versionMadeBy: number;
  versionNeeded: number;
  internalAttrs: number;
  externalAttrs: number;
}

/** The zip's structure is broken (not a size problem): the file is damaged or cut short. */
export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipFormatError";
  }
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

// One decoder for every name: making one per entry cost more than listing the entry.
const NAME_DECODER = new TextDecoder("utf-8");

/** The parts listed in the zip's central directory. Throws ZipFormatError when there is no readable directory. */
export function listZipEntries(bytes: Uint8Array): ZipEntryInfo[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => u32(at) + u32(at + 4) * 0x1_0000_0000;
  const inside = (at: number, length: number) => at >= 0 && length >= 0 && at + length <= bytes.byteLength;

  // The end-of-directory record is in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let i = bytes.byteLength - 22; i >= Math.max(0, bytes.byteLength - 22 - 0xffff); i--) {
    if (u32(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError("no end of central directory");
  let count = u16(eocd + 10);
  let dirSize = u32(eocd + 12);
  let dirOffset = u32(eocd + 16);
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (!inside(locator, 20) || u32(locator) !== ZIP64_LOCATOR) throw new ZipFormatError("zip64 locator missing");
    const record = u64(locator + 8);
    if (!inside(record, 56) || u32(record) !== ZIP64_EOCD) throw new ZipFormatError("zip64 record missing");
    count = u64(record + 32);
    dirSize = u64(record + 40);
    dirOffset = u64(record + 48);
  }
  if (!inside(dirOffset, dirSize)) throw new ZipFormatError("central directory outside the file");

  const entries: ZipEntryInfo[] = [];
  let at = dirOffset;
  // A directory entry is at least 46 bytes: the count cannot exceed what fits.
  if (count > dirSize / 46 + 1) throw new ZipFormatError("entry count larger than the directory");
  for (let n = 0; n < count; n++) {
    if (!inside(at, 46) || u32(at) !== CENTRAL) throw new ZipFormatError("broken central directory entry");
    const method = u16(at + 10);
    let compressedSize = u32(at + 20);
    let uncompressedSize = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    let localOffset = u32(at + 42);
    if (!inside(at + 46, nameLength + extraLength + commentLength)) throw new ZipFormatError("directory entry cut short");
    const name = NAME_DECODER.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // Zip64: the real sizes are in the extra field, in this order, for the fields that overflowed.
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      let e = at + 46 + nameLength;
      const end = e + extraLength;
      while (e + 4 <= end) {
        const id = u16(e);
        const size = u16(e + 2);
        if (id === 0x0001) {
          let f = e + 4;
          const fits = () => f + 8 <= e + 4 + size;
          if (uncompressedSize === 0xffffffff && fits()) {
            uncompressedSize = u64(f);
            f += 8;
          }
          if (compressedSize === 0xffffffff && fits()) {
            compressedSize = u64(f);
            f += 8;
          }
          if (localOffset === 0xffffffff && fits()) localOffset = u64(f);
          break;
        }
        e += 4 + size;
      }
    }
    entries.push({
      name,
      method,
      compressedSize,
      uncompressedSize,
      localOffset,
      flags: u16(at + 8),
      crc32: u32(at + 16),
      time: u16(at + 12),
      date: u16(at + 14),
      versionMadeBy: u16(at + 4),
      versionNeeded: u16(at + 6),
      internalAttrs: u16(at + 36),
      externalAttrs: u32(at + 38),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function mb(n: number): string {
  return n >= 1048576 ? `${Math.round(n / 1048576)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
}

/**
 * Refuse a zip whose parts inflate to more than the limits allow, or claim less than
 * they hold. Structural damage is left to ExcelJS, which reports it as an unreadable
 * file, except a missing directory (a file cut short), which gets its own message.
 */
export async function guardZip(bytes: Uint8Array, fileName: string, limits: ZipLimits = ZIP_LIMITS): Promise<ZipEntryInfo[]> {
  let entries: ZipEntryInfo[];
  try {
    entries = listZipEntries(bytes);
  } catch (e) {
    throw new HostError(
      "truncated",
      `Không đọc được tệp "${fileName}": tệp bị hỏng hoặc không trọn vẹn (có thể chưa tải xuống hoặc sao chép xong). Hãy lấy lại tệp gốc rồi thử lại.`,
      e,
    );
  }
  const tooBig = (what: string, size: number, limit: number) =>
    new HostError(
      "zip-too-large",
      `Không mở tệp "${fileName}": ${what} khi giải nén lên tới ${mb(size)} (giới hạn ${mb(limit)}). ` +
        "Tệp có thể bị hỏng hoặc cố ý làm quá lớn; hãy mở bằng Excel, xoá dữ liệu thừa và lưu lại.",
    );
  if (entries.length > limits.maxEntries) {
    throw new HostError("zip-too-large", `Không mở tệp "${fileName}": tệp có ${entries.length} thành phần (giới hạn ${limits.maxEntries}); tệp có thể bị hỏng.`);
  }
  let total = 0;
  for (const e of entries) {
    if (e.uncompressedSize > limits.maxPartBytes) throw tooBig(`phần "${e.name}"`, e.uncompressedSize, limits.maxPartBytes);
    total += e.uncompressedSize;
  }
  if (total > limits.maxTotalBytes) throw tooBig("nội dung tệp", total, limits.maxTotalBytes);

  // The claims are within the limits. Could a part hold more than it claims? Only
  // if its compressed size allows it; then inflate it, stopping past its claim.
  const suspect = entries.filter((e) => e.method === 8 && e.compressedSize * DEFLATE_MAX_RATIO > e.uncompressedSize + 1024);
  const bound = entries.reduce((n, e) => n + (e.method === 8 ? e.compressedSize * DEFLATE_MAX_RATIO : e.compressedSize), 0);
  if (bound <= limits.maxTotalBytes && suspect.every((e) => e.compressedSize * DEFLATE_MAX_RATIO <= limits.maxPartBytes)) return entries;
  if (typeof DecompressionStream === "undefined") return entries; // an old browser: the declared sizes are all we can check
  for (const e of suspect) {
    const data = entryData(bytes, e);
    if (!data) continue; // broken local header: ExcelJS reports the file as unreadable
    const actual = await inflatedSize(data, e.uncompressedSize);
    if (actual > e.uncompressedSize) {
      throw new HostError(
        "zip-too-large",
        `Không mở tệp "${fileName}": phần "${e.name}" khi giải nén lớn hơn kích thước ghi trong tệp (${mb(e.uncompressedSize)}). ` +
          "Tệp bị hỏng hoặc cố ý làm sai; hãy mở bằng Excel và lưu lại.",
      );
    }
  }
  return entries;
}

function entryData(bytes: Uint8Array, e: ZipEntryInfo): Uint8Array | null {
  const at = e.localOffset;
  if (at + 30 > bytes.byteLength) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(at, true) !== LOCAL) return null;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + e.compressedSize > bytes.byteLength) return null;
  return bytes.subarray(start, start + e.compressedSize);
}

/**
 * How many bytes the deflated data inflates to, counting no further than cap + 1.
 * Damaged data counts as what it inflated to before the damage (ExcelJS reports it).
 */
async function inflatedSize(data: Uint8Array, cap: number): Promise<number> {
  const stream = new DecompressionStream("deflate-raw");
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const CHUNK = 64 * 1024;
  // Feed in slices so inflating never runs far ahead of the count.
  const feeding = (async () => {
    for (let i = 0; i < data.byteLength; i += CHUNK) {
      await writer.ready;
      await writer.write(data.slice(i, i + CHUNK));
    }
    await writer.close();
  })().catch(() => undefined);
  let n = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      n += value.byteLength;
      if (n > cap) {
        await reader.cancel().catch(() => undefined);
        await writer.abort().catch(() => undefined);
        break;
      }
    }
  } catch {
    // Corrupt deflate data: not a size problem.
  }
  await feeding;
  return n;
}
