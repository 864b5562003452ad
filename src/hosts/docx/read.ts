/**
 * A Word document (.docx) → a workbook snapshot with one sheet per table, for the
 * checker and the consolidator. Read only: nothing is ever written back to a .docx.
 *
 * The package is opened behind the same limits as a workbook (file size, zip bomb,
 * cells); the main document is found through the package relationships, never by
 * assuming its part name; numbering and styles come from its own relationships.
 */
import type { WorkbookSnapshot } from "../../domain/snapshot";
import { HostError } from "../file/errors";
import { READ_LIMITS, type ReadLimits } from "../file/read";
import { openZipParts, relationships, relType, type PackageParts } from "./parts";
import { Numbering } from "./numbering";
import { parseBody } from "./body";
import { sheetsOf } from "./sheets";
import { documentKind, documentProblem } from "./sniff";

export async function readDocx(data: ArrayBuffer | Uint8Array, fileName = "tệp", limits: Partial<ReadLimits> = {}): Promise<WorkbookSnapshot> {
  const lim: ReadLimits = { ...READ_LIMITS, ...limits };
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.byteLength > lim.maxFileBytes) {
    throw new HostError("file-too-large", `Tệp "${fileName}" quá lớn (${Math.round(bytes.byteLength / 1048576)} MB; giới hạn ${Math.round(lim.maxFileBytes / 1048576)} MB).`);
  }
  if (bytes.byteLength === 0) throw new HostError("empty-file", `Tệp "${fileName}" rỗng (0 byte): có thể tệp chưa được lưu hoặc sao chép xong.`);
  const kind = documentKind(bytes, fileName);
  const problem = documentProblem(kind, fileName);
  if (problem) throw new HostError(`not-docx-${kind}`, problem);
  if (kind === "workbook") throw new HostError("not-docx", `Tệp "${fileName}" là sổ làm việc Excel, không phải văn bản Word.`);

  const parts = await openZipParts(bytes, fileName, lim.zip);
  return readDocxParts(parts, fileName, lim.maxCells);
}

/** The reading proper, over any package opener that gives parts by name. */
export function readDocxParts(parts: PackageParts, fileName: string, maxCells = READ_LIMITS.maxCells): WorkbookSnapshot {
  const main =
    relationships(parts, "").find((r) => relType(r) === "officeDocument" && !r.external)?.target ??
    (parts.names.includes("word/document.xml") ? "word/document.xml" : null);
  const documentXml = main ? parts.read(main) : null;
  if (!main || !documentXml) {
    throw new HostError("not-docx", `Tệp "${fileName}" không phải là văn bản Word .docx (không có phần nội dung văn bản). Hãy mở bằng Word và lưu lại dưới dạng .docx.`);
  }
  const rels = relationships(parts, main);
  const partOf = (type: string) => {
    const r = rels.find((x) => relType(x) === type && !x.external);
    return r ? parts.read(r.target) : null;
  };
  let numbering: Numbering;
  let sheets;
  try {
    numbering = Numbering.parse(partOf("numbering"), partOf("styles"));
    sheets = sheetsOf(parseBody(documentXml, numbering), { maxCells, fileName });
  } catch (e) {
    if (e instanceof HostError) throw e;
    throw new HostError("unreadable", `Không đọc được văn bản "${fileName}": nội dung bị hỏng hoặc không đúng định dạng .docx. Hãy mở bằng Word và lưu lại.`, e);
  }
  if (sheets.length === 0) {
    throw new HostError(
      "no-tables",
      `Tệp "${fileName}" là văn bản Word nhưng không có bảng nào. Các phụ lục chỉ tiêu, nhiệm vụ phải là bảng của Word ` +
        "(Chèn → Bảng), không phải chữ căn cột bằng phím Tab hay dấu cách.",
    );
  }
  return { sheets, fileName };
}
