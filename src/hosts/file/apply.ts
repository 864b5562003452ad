/**
 * The file host's writing half: the domain's edit list applied to a workbook package
 * as patches (package/workbook-write.ts), the package written back to bytes, and the
 * minimal package of a new, empty workbook.
 */
import type { Edit } from "../../domain/edits";
import { a1 } from "../../domain/address";
import { applyPlan, validatePlan as validate, type ApplyResult } from "./package/workbook-write";
import { WorkbookPackage, CT, MAIN_NS } from "./package/workbook";
import { MINIMAL_STYLES } from "./package/styles";
import { encodeText, writeZip } from "./package/zip";
import { openPackage } from "./package/zip";
import { escapeText } from "./package/xml";

export type { ApplyResult };
export { excelEscape } from "./package/text";

/** Check a plan against a workbook before anything is written (throws a Vietnamese HostError). */
export function validatePlan(wb: WorkbookPackage, edits: Edit[]): void {
  validate(wb, edits);
}

/**
 * Apply an edit list. The whole list is checked before anything is written, and a
 * failure part-way leaves the workbook as it was.
 */
export function applyEdits(wb: WorkbookPackage, edits: Edit[]): ApplyResult {
  return applyPlan(wb, edits);
}

/** A workbook as .xlsx (or .xlsm) bytes; a workbook without a sheet gets an empty one (Excel opens no workbook without). */
export async function workbookBytes(wb: WorkbookPackage): Promise<Uint8Array> {
  if (wb.sheetNames().length === 0) applyPlan(wb, [{ op: "addSheet", sheet: "Trang tính 1" }]);
  return wb.toBytes();
}

export interface NewWorkbookOptions {
  /** Shown as the author in the file's properties. */
  creator?: string;
  /** The document's creation date (fixed dates make the same plan give the same bytes). */
  created?: Date;
  fileName?: string;
}

/** A new, empty workbook: the smallest package Excel, LibreOffice and Google Sheets open. */
export async function newWorkbook(options: NewWorkbookOptions = {}): Promise<WorkbookPackage> {
  const rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const decl = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const creator = escapeText(options.creator ?? "Phụ lục NQ57");
  const date = options.created ? `<dcterms:created xsi:type="dcterms:W3CDTF">${options.created.toISOString().replace(/\.\d{3}Z$/, "Z")}</dcterms:created>` : "";
  const modified = options.created ? `<dcterms:modified xsi:type="dcterms:W3CDTF">${options.created.toISOString().replace(/\.\d{3}Z$/, "Z")}</dcterms:modified>` : "";
  const parts: [string, string][] = [
    [
      "[Content_Types].xml",
      decl +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        `<Default Extension="rels" ContentType="${CT.rels}"/><Default Extension="xml" ContentType="${CT.xml}"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="${CT.workbook}"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="${CT.styles}"/>` +
        `<Override PartName="/docProps/core.xml" ContentType="${CT.core}"/>` +
        `<Override PartName="/docProps/app.xml" ContentType="${CT.app}"/>` +
        "</Types>",
    ],
    [
      "_rels/.rels",
      decl +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="${rels}/officeDocument" Target="xl/workbook.xml"/>` +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
        `<Relationship Id="rId3" Type="${rels}/extended-properties" Target="docProps/app.xml"/>` +
        "</Relationships>",
    ],
    [
      "docProps/core.xml",
      decl +
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
        'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        `<dc:creator>${creator}</dc:creator><cp:lastModifiedBy>${creator}</cp:lastModifiedBy>${date}${modified}</cp:coreProperties>`,
    ],
    [
      "docProps/app.xml",
      decl + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Phụ lục NQ57</Application></Properties>',
    ],
    [
      "xl/workbook.xml",
      decl +
        `<workbook xmlns="${MAIN_NS}" xmlns:r="${rels}">` +
        '<workbookPr/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="16000" windowHeight="10000"/></bookViews><sheets/><calcPr calcId="191029"/></workbook>',
    ],
    ["xl/_rels/workbook.xml.rels", decl + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rels}/styles" Target="styles.xml"/></Relationships>`],
    ["xl/styles.xml", MINIMAL_STYLES],
  ];
  const bytes = writeZip(parts.map(([name, text]) => ({ name, data: encodeText(text) })));
  return new WorkbookPackage(await openPackage(bytes, options.fileName ?? "so-moi.xlsx"), options.fileName ?? "so-moi.xlsx");
}

/** For messages: the address of a cell in a range. */
export const cellAddress = a1;
