/**
 * The limits on reading a file, each with its own Vietnamese message that names the
 * file (and the sheet, for too many cells): size on disk, size once unzipped (the
 * zip's directory, and parts that hold more than the directory says), number of
 * parts, number of cells, time. And writing: a file the command line cannot write
 * leaves nothing behind under the name asked for.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import ExcelJS from "exceljs";
import { openWorkbook, readWorkbook, READ_LIMITS } from "../../src/hosts/file/read";
import { HostError } from "../../src/hosts/file/errors";
import { guardZip, listZipEntries, ZIP_LIMITS } from "../../src/hosts/file/zipGuard";
import { nodeIO } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { seedWorkbook } from "../xlsx";
import { readZip, writeZip } from "./zip";

jest.setTimeout(60_000);

async function failure(p: Promise<unknown>): Promise<HostError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(HostError);
  return e as HostError;
}

/** A workbook of `rows` × `cols` numbers. */
async function grid(rows: number, cols: number, name = "Số liệu"): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name);
  for (let r = 1; r <= rows; r++) ws.addRow(Array.from({ length: cols }, (_, c) => r * cols + c));
  wb.addWorksheet("Nhỏ").getCell("A1").value = "x";
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("limits on reading", () => {
  it("the defaults: 50 MB on disk, 200 MB unzipped (100 MB a part), 10,000 parts, 1,000,000 cells, 60 s", () => {
    expect(READ_LIMITS).toEqual({
      maxFileBytes: 50 * 1024 * 1024,
      zip: { maxTotalBytes: 200 * 1024 * 1024, maxPartBytes: 100 * 1024 * 1024, maxEntries: 10_000 },
      maxCells: 1_000_000,
      timeoutMs: 60_000,
    });
    expect(READ_LIMITS.zip).toBe(ZIP_LIMITS);
  });

  it("too many cells: refused once the sheets are read, naming the file, the count and the largest sheet", async () => {
    const bytes = await grid(300, 10);
    const e = await failure(readWorkbook(bytes, "lon.xlsx", { limits: { maxCells: 2_000 } }));
    expect(e.code).toBe("too-many-cells");
    expect(e.message).toBe(
      'Tệp "lon.xlsx" có quá nhiều ô (3.001 ô; giới hạn 2.000 ô), nhiều nhất ở trang tính "Số liệu" (3.000 ô). Hãy xoá các dòng, cột thừa hoặc tách bảng ra tệp khác rồi thử lại.',
    );
    // At the limit it opens.
    await expect(readWorkbook(bytes, "lon.xlsx", { limits: { maxCells: 3_001 } })).resolves.toBeDefined();
  });

  it("too slow: reading stops with its own message", async () => {
    const bytes = await grid(3_000, 20);
    const e = await failure(readWorkbook(bytes, "cham.xlsx", { limits: { timeoutMs: 1 } }));
    expect(e.code).toBe("read-timeout");
    expect(e.message).toMatch(/^Đọc tệp "cham\.xlsx" quá lâu \(hơn 0 giây\) nên đã dừng\./);
  });

  it("too large on disk: refused before anything is parsed", async () => {
    const e = await failure(openWorkbook(await seedWorkbook("000"), "nho.xlsx", { maxFileBytes: 1024 }));
    expect(e.code).toBe("file-too-large");
    expect(e.message).toContain('Tệp "nho.xlsx" quá lớn');
  });

  it("unzipped size: the directory's sizes, the total and one part", async () => {
    const bytes = await seedWorkbook("000");
    const entries = listZipEntries(bytes);
    const total = entries.reduce((n, e) => n + e.uncompressedSize, 0);
    const largest = entries.reduce((a, e) => (e.uncompressedSize > a.uncompressedSize ? e : a));
    // The directory agrees with what the parts really hold.
    const parts = readZip(bytes);
    for (const e of entries) expect(parts.get(e.name)!.length).toBe(e.uncompressedSize);

    const whole = await failure(guardZip(bytes, "a.xlsx", { ...ZIP_LIMITS, maxTotalBytes: total - 1 }));
    expect(whole.message).toContain("nội dung tệp khi giải nén");
    const part = await failure(guardZip(bytes, "a.xlsx", { ...ZIP_LIMITS, maxPartBytes: largest.uncompressedSize - 1 }));
    expect(part.message).toContain(`phần "${largest.name}"`);
    await expect(guardZip(bytes, "a.xlsx", { ...ZIP_LIMITS, maxTotalBytes: total, maxPartBytes: largest.uncompressedSize })).resolves.toHaveLength(entries.length);
  });

  it("a part that inflates to more than its directory entry claims is caught even when small", async () => {
    const text = Buffer.from("<x>" + "Phụ lục ".repeat(5000) + "</x>");
    const honest = writeZip([{ name: "xl/workbook.xml", data: text }]);
    // Small limits make the guard inflate to verify (a small file is otherwise trusted by its ratio).
    const small = { maxTotalBytes: 4096, maxPartBytes: 100_000, maxEntries: 10 };
    const lying = writeZip([{ name: "xl/workbook.xml", data: text, claimSize: 1000 }]);
    expect((await failure(guardZip(lying, "noi-doi.xlsx", small))).message).toContain("lớn hơn kích thước ghi trong tệp");
    await expect(guardZip(honest, "that.xlsx", { ...small, maxTotalBytes: 100_000 })).resolves.toHaveLength(1);
  });

  it("reads the sizes of a zip64 directory", () => {
    // One stored part whose directory entry keeps its sizes in the zip64 extra field.
    const name = Buffer.from("xl/workbook.xml");
    const data = Buffer.from("<workbook/>");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(zlib.crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const extra = Buffer.alloc(4 + 16);
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(16, 2);
    extra.writeBigUInt64LE(BigInt(5_000_000_000), 4); // uncompressed: over 4 GB
    extra.writeBigUInt64LE(BigInt(data.length), 12);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt32LE(0xffffffff, 20);
    dir.writeUInt32LE(0xffffffff, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt16LE(extra.length, 30);
    const body = Buffer.concat([local, name, data]);
    const central = Buffer.concat([dir, name, extra]);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(central.length, 12);
    end.writeUInt32LE(body.length, 16);
    const zip = new Uint8Array(Buffer.concat([body, central, end]));
    expect(listZipEntries(zip)).toMatchObject([{ name: "xl/workbook.xml", method: 0, compressedSize: data.length, uncompressedSize: 5_000_000_000, localOffset: 0 }]);
    return expect(guardZip(zip, "zip64.xlsx")).rejects.toThrow("khi giải nén lên tới 4768 MB");
  });
});

describe("writing", () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-write-"));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("a file that cannot be written: a Vietnamese message naming it, exit 2, nothing left behind", async () => {
    const input = path.join(tmp, "Xã Nhơn Trạch.xlsx");
    fs.writeFileSync(input, await seedWorkbook("000"));
    const out = path.join(tmp, "khong-co-thu-muc", "ket-qua.xlsx");
    const err: string[] = [];
    const io = { ...nodeIO(), out: () => undefined, err: (t: string) => void err.push(t), today: () => "2026-06-30" };
    for (const args of [
      ["compute", input, "-o", out],
      ["insert", "--xa", "Tân Lợi", "--vao", input, "-o", out],
      ["consolidate", input, "-o", out],
    ]) {
      err.length = 0;
      expect(await main(args, io)).toBe(2);
      expect(err.join("\n")).toMatch(/^Không ghi được tệp ".*ket-qua\.xlsx"/);
      expect(err.join("\n")).not.toMatch(/ENOENT|Error|Lỗi không mong đợi/);
    }
    expect(fs.existsSync(path.dirname(out))).toBe(false);
    expect(fs.readdirSync(tmp)).toEqual(["Xã Nhơn Trạch.xlsx"]);
  });

  it("the input is never the output, whatever the letter case or Unicode form of its name", async () => {
    const input = path.join(tmp, "Kế hoạch.xlsx");
    const bytes = await seedWorkbook("000");
    fs.writeFileSync(input, bytes);
    const other = path.join(tmp, "KẾ HOẠCH.xlsx".normalize("NFD"));
    const err: string[] = [];
    const io = { ...nodeIO(), out: () => undefined, err: (t: string) => void err.push(t), today: () => "2026-06-30" };
    for (const args of [
      ["compute", input, "-o", other],
      ["insert", "--xa", "Tân Lợi", "--vao", input, "-o", other, "--ghi-de"],
      ["consolidate", input, "-o", other],
    ]) {
      err.length = 0;
      expect(await main(args, io)).toBe(2);
      expect(err.join("\n")).toMatch(/phải khác/);
    }
    expect(Buffer.compare(fs.readFileSync(input), Buffer.from(bytes))).toBe(0);
    fs.rmSync(input);
  });

  it("a write that fails half-way leaves no file under the name asked for", async () => {
    const target = path.join(tmp, "do-dang.xlsx");
    // A directory where the temporary file would go makes the rename step fail after the data is written.
    const io = nodeIO();
    fs.mkdirSync(target);
    await expect(io.writeFile(target, new Uint8Array([1, 2, 3]))).rejects.toThrow(/^Không ghi được tệp ".*do-dang\.xlsx": /);
    expect(fs.statSync(target).isDirectory()).toBe(true);
    expect(fs.readdirSync(tmp).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    fs.rmdirSync(target);
  });
});
