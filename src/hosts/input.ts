/**
 * One way in for every file a person hands us: bytes and a file name → sheets the
 * domain reads, whether the file is a workbook (.xlsx, .xlsm) or a Word plan (.docx).
 * The kind is told from the content, not the extension (files are renamed by hand and
 * passed around by e-mail). A workbook's sheets are read only when asked for, part by
 * part; Word documents are read whole and only read: they come back without a
 * workbook to write into.
 */
import type { WorkbookSnapshot } from "../domain/snapshot";
import { openWorkbook, snapshotWorkbook, type WorkbookFile } from "./file/read";
import { documentKind } from "./docx/sniff";

interface Sheets {
  /** Sheet names in tab order (a Word document's tables as the reader names them). */
  names: string[];
  /** The snapshot of the sheets named (all when omitted). */
  snapshot(only?: string[]): WorkbookSnapshot;
}

export type InputFile = ({ kind: "workbook"; workbook: WorkbookFile } | { kind: "document" }) & Sheets;

/** The file is (or claims to be) a word-processor document: the Word reader reads it or says what to do. */
export function isDocumentInput(bytes: Uint8Array, fileName: string): boolean {
  return documentKind(bytes, fileName) !== "workbook";
}

export async function readInput(data: ArrayBuffer | Uint8Array, fileName: string): Promise<InputFile> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (isDocumentInput(bytes, fileName)) {
    // The Word reader (and its XML parser) loads only when a document comes.
    const { readDocx } = await import("./docx/read");
    const doc = await readDocx(bytes, fileName);
    return {
      kind: "document",
      names: doc.sheets.map((s) => s.name),
      snapshot: (only) => (only ? { ...doc, sheets: doc.sheets.filter((s) => only.includes(s.name)) } : doc),
    };
  }
  const workbook = await openWorkbook(bytes, fileName);
  return {
    kind: "workbook",
    workbook,
    names: workbook.sheetNames(),
    snapshot: (only) => snapshotWorkbook(workbook, fileName, only ? { sheets: only } : {}),
  };
}
