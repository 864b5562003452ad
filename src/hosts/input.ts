/**
 * One way in for every file a person hands us: bytes and a file name → a workbook
 * snapshot, whether the file is a workbook (.xlsx) or a Word plan (.docx). The kind
 * is told from the content, not the extension (files are renamed by hand and passed
 * around by e-mail). Word documents are read only: they come back without a workbook
 * to write into.
 */
import type ExcelJS from "exceljs";
import type { WorkbookSnapshot } from "../domain/snapshot";
import { openWorkbook, snapshotWorkbook } from "./file/read";
import { readDocx } from "./docx/read";
import { documentKind } from "./docx/sniff";

export type InputFile =
  | { kind: "workbook"; snapshot: WorkbookSnapshot; workbook: ExcelJS.Workbook }
  | { kind: "document"; snapshot: WorkbookSnapshot };

/** The file is (or claims to be) a word-processor document: the Word reader reads it or says what to do. */
export function isDocumentInput(bytes: Uint8Array, fileName: string): boolean {
  return documentKind(bytes, fileName) !== "workbook";
}

export async function readInput(data: ArrayBuffer | Uint8Array, fileName: string): Promise<InputFile> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (isDocumentInput(bytes, fileName)) return { kind: "document", snapshot: await readDocx(bytes, fileName) };
  const workbook = await openWorkbook(bytes, fileName);
  return { kind: "workbook", snapshot: snapshotWorkbook(workbook, fileName), workbook };
}
