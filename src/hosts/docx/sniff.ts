/**
 * What a file is, from its first bytes and (for a zip) its part names: decides whether
 * an input goes to the Word reader or the workbook reader, and words what to do with
 * documents neither can read (.doc, .pdf, .odt, .rtf, a password-protected file).
 */
import { listZipEntries } from "../file/zipGuard";

export type DocumentKind = "docx" | "doc" | "encrypted" | "pdf" | "odt" | "rtf" | "word-html" | "workbook" | "other";

const ascii = (bytes: Uint8Array, from: number, length: number) => String.fromCharCode(...bytes.subarray(from, Math.min(bytes.byteLength, from + length)));

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  outer: for (let i = 0; i + text.length * 2 <= bytes.byteLength; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let j = 1; j < text.length; j++) if (bytes[i + j * 2] !== text.charCodeAt(j) || bytes[i + j * 2 + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

/** Sniff the content; the file name only decides whose password-protected file an OLE container is. */
export function documentKind(bytes: Uint8Array, fileName = ""): DocumentKind {
  if (bytes.byteLength >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b) {
    // OpenDocument stores its mimetype first, uncompressed, right after the first local header.
    if (ascii(bytes, 30, 80).includes("application/vnd.oasis.opendocument.text")) return "odt";
    let names: string[];
    try {
      names = listZipEntries(bytes).map((e) => e.name.replace(/^\//, ""));
    } catch {
      return /\.doc[xm]?$/i.test(fileName) ? "docx" : "workbook"; // a damaged zip: its own reader says so
    }
    if (names.some((n) => n.startsWith("xl/"))) return "workbook";
    if (names.some((n) => n.startsWith("word/"))) return "docx";
    return /\.doc[xm]?$/i.test(fileName) ? "docx" : "workbook";
  }
  if (bytes.byteLength >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    if (containsUtf16(bytes, "WordDocument")) return "doc";
    if (containsUtf16(bytes, "EncryptedPackage")) return /\.doc[xm]?$/i.test(fileName) ? "encrypted" : "workbook";
    return "workbook";
  }
  const head = ascii(bytes, 0, 1024);
  if (head.startsWith("%PDF-")) return "pdf";
  if (head.startsWith("{\\rtf")) return "rtf";
  if (/urn:schemas-microsoft-com:office:word|progid="Word\.Document"/i.test(head)) return "word-html";
  return /\.(docx?|docm|odt|rtf)$/i.test(fileName) ? "other" : "workbook";
}

/** The message for a document the Word reader cannot read, saying what to do (null for a .docx). */
export function documentProblem(kind: DocumentKind, fileName: string): string | null {
  const save = "Hãy mở tệp bằng Word (hoặc LibreOffice Writer), chọn Tệp → Lưu thành → Tài liệu Word (.docx) rồi dùng tệp .docx đó.";
  switch (kind) {
    case "doc":
      return `Tệp "${fileName}" là văn bản Word cũ (.doc, Word 97-2003) nên chưa đọc được bảng. ${save}`;
    case "encrypted":
      return (
        `Tệp "${fileName}" được đặt mật khẩu nên không đọc được. Hãy mở bằng Word, nhập mật khẩu, bỏ mật khẩu ` +
        "(Tệp → Thông tin → Bảo vệ tài liệu → Mã hóa bằng mật khẩu, xoá mật khẩu) rồi lưu lại dưới dạng .docx."
      );
    case "pdf":
      return (
        `Tệp "${fileName}" là tệp PDF: không đọc được bảng từ PDF. Hãy dùng bản Word gốc của kế hoạch ` +
        "(.docx), hoặc chép các bảng phụ lục sang Excel (.xlsx)."
      );
    case "odt":
      return `Tệp "${fileName}" là văn bản OpenDocument (.odt). Hãy mở bằng LibreOffice Writer hoặc Word và lưu lại dưới dạng Tài liệu Word (.docx).`;
    case "rtf":
      return `Tệp "${fileName}" là văn bản RTF. ${save}`;
    case "word-html":
      return `Tệp "${fileName}" là trang web do Word lưu (HTML hoặc XML), không phải tệp .docx. ${save}`;
    case "other":
      return `Tệp "${fileName}" không phải là văn bản Word .docx hợp lệ (có thể bị hỏng hoặc bị đổi đuôi). ${save}`;
    default:
      return null;
  }
}
