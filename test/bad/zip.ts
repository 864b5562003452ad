/**
 * A minimal zip reader and writer for building broken workbooks by hand: patch one
 * part of an .xlsx ExcelJS wrote, or write a zip whose directory says what we want
 * (a decompression bomb, a part that lies about its size). Node's zlib only.
 */
import * as zlib from "zlib";
import { listZipEntries } from "../../src/hosts/file/zipGuard";

export interface ZipPart {
  name: string;
  /** The part's bytes, or already-deflated bytes with their real size and CRC. */
  data: Uint8Array | { deflated: Uint8Array; size: number; crc: number };
  /** Store instead of deflating. */
  stored?: boolean;
  /** What the directory claims the inflated size is (default: the truth). */
  claimSize?: number;
}

/** Every part of a zip, inflated. */
export function readZip(bytes: Uint8Array): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const e of listZipEntries(bytes)) {
    const at = e.localOffset;
    const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
    const raw = buf.subarray(start, start + e.compressedSize);
    out.set(e.name, e.method === 0 ? Buffer.from(raw) : zlib.inflateRawSync(raw));
  }
  return out;
}

// A fixed timestamp (1 January 2026, 00:00 in DOS format) so the bytes do not depend on the clock.
const DOS_TIME = 0;
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1;

/** A zip of these parts, in order. */
export function writeZip(parts: ZipPart[]): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, "utf8");
    let body: Buffer;
    let size: number;
    let crc: number;
    let method: number;
    if (p.data instanceof Uint8Array) {
      const raw = Buffer.from(p.data);
      size = raw.length;
      crc = zlib.crc32(raw);
      method = p.stored ? 0 : 8;
      body = p.stored ? raw : zlib.deflateRawSync(raw);
    } else {
      body = Buffer.from(p.data.deflated);
      size = p.data.size;
      crc = p.data.crc;
      method = 8;
    }
    const claimed = p.claimSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(claimed, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    chunks.push(local, name, body);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(method, 10);
    dir.writeUInt16LE(DOS_TIME, 12);
    dir.writeUInt16LE(DOS_DATE, 14);
    dir.writeUInt32LE(crc >>> 0, 16);
    dir.writeUInt32LE(body.length, 20);
    dir.writeUInt32LE(claimed, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += local.length + name.length + body.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, dirBytes, end]));
}

/** An .xlsx with some parts replaced (the rest as they were, in the same order). */
export function patchZip(bytes: Uint8Array, patch: (parts: Map<string, Buffer>) => void): Uint8Array {
  const parts = readZip(bytes);
  patch(parts);
  return writeZip([...parts].map(([name, data]) => ({ name, data })));
}

/**
 * `copies` × `block` bytes of deflated data, built without ever holding the inflated
 * whole: the block is deflated once with a full flush (so each copy is independent)
 * and the copies are concatenated, then a final empty block closes the stream.
 */
export function repeatedDeflate(block: Buffer, copies: number, head: Buffer, tail: Buffer): { deflated: Uint8Array; size: number; crc: number } {
  const flush = (b: Buffer) => zlib.deflateRawSync(b, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  const headZ = flush(head);
  const blockZ = flush(block);
  const tailZ = zlib.deflateRawSync(tail, { level: 9 }); // ends with the final block
  const pieces: Buffer[] = [headZ];
  let crc = zlib.crc32(head);
  for (let i = 0; i < copies; i++) {
    pieces.push(blockZ);
    crc = zlib.crc32(block, crc);
  }
  pieces.push(tailZ);
  crc = zlib.crc32(tail, crc);
  return { deflated: new Uint8Array(Buffer.concat(pieces)), size: head.length + block.length * copies + tail.length, crc };
}
