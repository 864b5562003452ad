/**
 * How the static files in test/fixtures/bad/ were made. The tests only read those
 * files; run this (`npx tsx test/bad/make-static.ts`) to remake them. It needs
 * LibreOffice (`soffice`) for the real .xls and .ods.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { seedWorkbook } from "../xlsx";
import { loadSeed } from "../seeds";
import { STATIC_DIR } from "./make-corpus";

/** A deterministic byte stream (xorshift), so the corrupt file is the same every time. */
function noise(n: number, seed = 0x9e3779b9): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 255;
  }
  return out;
}

/**
 * A minimal OLE compound file with the two streams an encrypted .xlsx has
 * ("EncryptionInfo", "EncryptedPackage"): header, one FAT sector, one directory
 * sector and the two streams' sectors. Not decryptable; it only has to look like one.
 */
function fakeEncrypted(): Uint8Array {
  const SECTOR = 512;
  const buf = Buffer.alloc(SECTOR * 5); // header + FAT + directory + 2 stream sectors
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf, 0);
  buf.writeUInt16LE(0x003e, 24); // minor version
  buf.writeUInt16LE(0x0003, 26); // major version 3 (512-byte sectors)
  buf.writeUInt16LE(0xfffe, 28); // byte order
  buf.writeUInt16LE(9, 30); // sector shift
  buf.writeUInt16LE(6, 32); // mini sector shift
  buf.writeUInt32LE(1, 44); // FAT sectors
  buf.writeUInt32LE(1, 48); // first directory sector
  buf.writeUInt32LE(4096, 56); // mini stream cutoff
  buf.writeUInt32LE(0xfffffffe, 60); // no mini FAT
  buf.writeUInt32LE(0xfffffffe, 68); // no DIFAT sectors
  for (let i = 0; i < 109; i++) buf.writeUInt32LE(i === 0 ? 0 : 0xffffffff, 76 + i * 4);
  const sector = (n: number) => SECTOR * (n + 1);
  // FAT: sector 0 is the FAT, 1 the directory, 2 and 3 one-sector streams.
  const fat = [0xfffffffd, 0xfffffffe, 0xfffffffe, 0xfffffffe];
  for (let i = 0; i < SECTOR / 4; i++) buf.writeUInt32LE(fat[i] ?? 0xffffffff, sector(0) + i * 4);
  const entry = (i: number, name: string, type: number, start: number, size: number, child = 0xffffffff, right = 0xffffffff) => {
    const at = sector(1) + i * 128;
    buf.write(name, at, "utf16le");
    buf.writeUInt16LE((name.length + 1) * 2, at + 64);
    buf.writeUInt8(type, at + 66);
    buf.writeUInt8(1, at + 67); // black
    buf.writeUInt32LE(0xffffffff, at + 68); // left sibling
    buf.writeUInt32LE(right, at + 72);
    buf.writeUInt32LE(child, at + 76);
    buf.writeUInt32LE(start, at + 116);
    buf.writeUInt32LE(size, at + 120);
  };
  entry(0, "Root Entry", 5, 0xfffffffe, 0, 1);
  entry(1, "EncryptionInfo", 2, 2, 200, 0xffffffff, 2);
  entry(2, "EncryptedPackage", 2, 3, 256);
  // EncryptionInfo: agile encryption (version 4.4), then its XML descriptor.
  buf.writeUInt16LE(4, sector(2));
  buf.writeUInt16LE(4, sector(2) + 2);
  buf.writeUInt32LE(0x40, sector(2) + 4);
  buf.write('<?xml version="1.0" encoding="UTF-8"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"/>', sector(2) + 8, "utf8");
  buf.writeUInt32LE(8720, sector(3));
  Buffer.from(noise(248, 7)).copy(buf, sector(3) + 8);
  return new Uint8Array(buf);
}

async function main(): Promise<void> {
  fs.mkdirSync(STATIC_DIR, { recursive: true });
  const put = (name: string, data: Uint8Array | string) => fs.writeFileSync(path.join(STATIC_DIR, name), data);
  const seed = await seedWorkbook("000");

  put("corrupt.xlsx", Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(noise(4096))]));
  put("truncated.xlsx", seed.subarray(0, Math.floor(seed.length * 0.6)));
  put("password.xlsx", fakeEncrypted());

  const rows = loadSeed("000").sheet("Chỉ tiêu").values;
  const csv = rows.map((r) => r.map((v) => (v === null ? "" : `"${String(v).replace(/"/g, '""')}"`)).join(",")).join("\r\n");
  put("csv-renamed.xlsx", "\uFEFF" + csv);
  const html = [
    '<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta charset="utf-8"></head><body><table border="1">',
    ...rows.map((r) => "<tr>" + r.map((v) => `<td>${v === null ? "" : String(v).replace(/&/g, "&amp;").replace(/</g, "&lt;")}</td>`).join("") + "</tr>"),
    "</table></body></html>",
  ].join("\n");
  put("html-renamed.xlsx", html);

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-static-"));
  const src = path.join(tmp, "seed.xlsx");
  fs.writeFileSync(src, seed);
  for (const [ext, name] of [
    ["xls", "xls-renamed.xlsx"],
    ["ods", "ods-renamed.xlsx"],
  ]) {
    execFileSync("soffice", ["--headless", "--convert-to", ext, "--outdir", tmp, src], { stdio: "pipe", timeout: 120_000 });
    fs.copyFileSync(path.join(tmp, `seed.${ext}`), path.join(STATIC_DIR, name));
  }
  fs.rmSync(tmp, { recursive: true, force: true });
}

main().then(
  () => console.log(`Đã ghi các tệp tĩnh vào ${STATIC_DIR}`),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
