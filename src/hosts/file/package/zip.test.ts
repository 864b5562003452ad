/**
 * The generic package opener (what the .docx reader uses too) and the zip writer,
 * checked against Node's own zlib.
 */
import * as zlib from "zlib";
import { zipSync } from "fflate";
import { HostError } from "../errors";
import { crc32, openPackage, writeZip } from "./zip";
import { zipParts } from "../../../../test/ooxml";

const enc = (s: string) => new TextEncoder().encode(s);

/** A small .docx-like package, made by fflate (another zip writer than ours). */
function docx(): Uint8Array {
  return zipSync({
    "[Content_Types].xml": enc('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    "word/document.xml": enc('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Kế hoạch</w:t></w:r></w:p></w:body></w:document>'),
    "word/media/image1.png": new Uint8Array(5000).map((_, i) => (i * 7) & 255),
  });
}

describe("openPackage: any Office package, guarded, read part by part", () => {
  it("lists the parts and inflates only the one asked for, as UTF-8 text", async () => {
    const pkg = await openPackage(docx(), "ke-hoach.docx");
    expect(pkg.names()).toEqual(["[Content_Types].xml", "word/document.xml", "word/media/image1.png"]);
    expect(pkg.has("/WORD/document.xml")).toBe(true); // part names compare without case, as OPC says
    expect(pkg.text("word/document.xml")).toContain("<w:t>Kế hoạch</w:t>");
    expect(pkg.read("word/media/image1.png")!.length).toBe(5000);
    expect(pkg.read("word/none.xml")).toBeUndefined();
  });

  it("refuses what is not a package with its own Vietnamese messages, naming the file", async () => {
    const fail = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as HostError);
    expect((await fail(openPackage(new Uint8Array(0), "rong.docx")))!.code).toBe("empty-file");
    expect((await fail(openPackage(enc("xin chào"), "chu.docx")))!.message).toBe('Tệp "chu.docx" không phải là tệp Office (.xlsx, .docx) hợp lệ.');
    const cut = docx().slice(0, 100);
    expect((await fail(openPackage(cut, "cut.docx")))!.message).toContain('Không đọc được tệp "cut.docx": tệp bị hỏng hoặc không trọn vẹn');
    const big = await fail(openPackage(docx(), "lon.docx", { limits: { maxFileBytes: 100 } }));
    expect([big!.code, big!.message]).toEqual(["file-too-large", 'Tệp "lon.docx" quá lớn (0 MB; giới hạn 0 MB).']);
    const bomb = await fail(openPackage(docx(), "bom.docx", { limits: { zip: { maxTotalBytes: 1000, maxPartBytes: 4000, maxEntries: 10 } } }));
    expect([bomb!.code, bomb!.message]).toEqual(["zip-too-large", expect.stringContaining('phần "word/media/image1.png" khi giải nén lên tới')]);
    const own = await fail(openPackage(enc("xin chào"), "chu.docx", { format: { notZip: (_b, name) => new HostError("not-docx", `Tệp "${name}" không phải văn bản Word.`) } }));
    expect(own!.code).toBe("not-docx");
  });

  it("stops at a part that holds more than its directory says, without inflating the rest", async () => {
    const honest = docx();
    const lying = honest.slice();
    // The directory entry of word/document.xml claims 10 bytes.
    const view = new DataView(lying.buffer);
    for (let i = lying.length - 22; i > 0; i--) {
      if (view.getUint32(i, true) !== 0x02014b50) continue;
      const nameLength = view.getUint16(i + 28, true);
      if (new TextDecoder().decode(lying.subarray(i + 46, i + 46 + nameLength)) === "word/document.xml") view.setUint32(i + 24, 10, true);
    }
    const pkg = await openPackage(lying, "noi-doi.docx");
    const e = (() => {
      try {
        pkg.read("word/document.xml");
      } catch (x) {
        return x as HostError;
      }
      return null;
    })();
    expect(e?.code).toBe("zip-too-large");
    expect(e?.message).toContain('phần "word/document.xml" khi giải nén lớn hơn kích thước ghi trong tệp');
    expect(pkg.text("[Content_Types].xml")).toContain("<Types");
  });
});

describe("writeZip", () => {
  it("writes a zip that Node's zlib reads back, new parts deflated and copied parts kept as their compressed bytes", async () => {
    const source = await openPackage(docx(), "a.docx");
    const image = source.entry("word/media/image1.png")!;
    const out = writeZip([
      { name: "[Content_Types].xml", data: enc("<Types/>") },
      { name: "word/document.xml", data: enc("<w:document>Đã sửa</w:document>") },
      { name: image.name, copy: image, from: source.bytes },
    ]);
    const parts = zipParts(out);
    expect([...parts.keys()]).toEqual(["[Content_Types].xml", "word/document.xml", "word/media/image1.png"]);
    expect(parts.get("word/document.xml")!.toString("utf8")).toBe("<w:document>Đã sửa</w:document>");
    expect(parts.get("word/media/image1.png")!.equals(Buffer.from(source.read("word/media/image1.png")!))).toBe(true);
    const copied = (await openPackage(out, "b.docx")).entry("word/media/image1.png")!;
    expect(Buffer.from(out.subarray(copied.dataOffset, copied.dataOffset + copied.compressedSize)).equals(Buffer.from(source.bytes.subarray(image.dataOffset, image.dataOffset + image.compressedSize)))).toBe(true);
  });

  it("computes the CRC-32 Node computes", () => {
    for (const s of ["", "a", "Phụ lục NQ57", "x".repeat(10_000)]) expect(crc32(enc(s))).toBe(zlib.crc32(Buffer.from(s)));
  });
});
