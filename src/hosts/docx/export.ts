/**
 * An appendix sheet → a Word document ready to attach to the plan, in the form of
 * Decree 30/2020/NĐ-CP: A4 landscape, Times New Roman, the heading block with its
 * rule lines, "PHỤ LỤC I", the title and the "(Kèm theo Kế hoạch số …)" line, then
 * the table with its header rows repeated on every page, and page numbers centred in
 * the top margin from the second page on.
 *
 * The content is the domain's layout (domain/wordLayout.ts); this module only draws
 * it with the `docx` library, which is loaded on first use. (`docx` depends on nanoid
 * 6, whose package.json asks for Node 22; it runs on Node 20, the version we support.)
 */
import type * as Docx from "docx";
import type { SheetSnapshot } from "../../domain/snapshot";
import type { Catalog } from "../../domain/match";
import { layoutWordAppendix, type WordAppendix } from "../../domain/wordLayout";
import { HostError } from "../file/errors";

const FONT = "Times New Roman";
/** Half-points, as Word counts font sizes. */
const SIZE = { heading: 26, motto: 28, title: 28, table: 24, pageNumber: 26 } as const;
/** A4 in twips (1/1440 inch); margins per the decree: top/bottom 20 mm, left 30 mm, right 15 mm. */
const A4 = { width: 11906, height: 16838 } as const;
const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 850, header: 567 } as const;
/** The text width of a landscape page. */
export const TEXT_WIDTH = A4.height - MARGIN.left - MARGIN.right;

/** The Word document of an appendix sheet, as bytes. Throws a HostError when the sheet has no appendix table. */
export async function exportAppendixDocx(sheet: SheetSnapshot, catalog: Catalog): Promise<Uint8Array> {
  const layout = layoutWordAppendix(sheet, catalog);
  if (!layout.ok) throw new HostError("no-table", `Không xuất được trang "${sheet.name}" sang Word: ${layout.message}`);
  const d = await import("docx");
  const doc = buildDocument(d, layout.appendix, sheet.name);
  return new Uint8Array(await d.Packer.toArrayBuffer(doc));
}

/** A file name for the exported appendix: "Phụ lục I" → "Phụ lục I.docx", without characters file systems refuse. */
export function wordFileName(sheetName: string): string {
  const base = sheetName.replace(/[\\/:*?"<>|]+/g, " ").replace(/\s+/g, " ").trim() || "phu-luc";
  return `${base}.docx`;
}

type D = typeof Docx;

function buildDocument(d: D, a: WordAppendix, sheetName: string): Docx.Document {
  const run = (text: string, size: number, o: { bold?: boolean; italics?: boolean } = {}) => new d.TextRun({ text, font: FONT, size, ...o });
  const centered = (text: string, size: number, o: { bold?: boolean; italics?: boolean; before?: number; after?: number } = {}) =>
    new d.Paragraph({
      alignment: d.AlignmentType.CENTER,
      spacing: { before: o.before ?? 0, after: o.after ?? 0 },
      children: [run(text, size, o)],
    });
  // A short rule under a heading line: an empty, one-point-high paragraph with a bottom border, indented to its length.
  const rule = (cellWidth: number, length: number) =>
    new d.Paragraph({
      spacing: { before: 0, after: 0, line: 40, lineRule: d.LineRuleType.EXACT },
      indent: { left: Math.max(0, Math.round((cellWidth - length) / 2)), right: Math.max(0, Math.round((cellWidth - length) / 2)) },
      border: { bottom: { style: d.BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
      children: [new d.TextRun({ text: "", size: 2 })],
    });

  const leftWidth = Math.round(TEXT_WIDTH * 0.38);
  const rightWidth = TEXT_WIDTH - leftWidth;
  const noBorders = {
    top: { style: d.BorderStyle.NONE, size: 0, color: "FFFFFF" },
    bottom: { style: d.BorderStyle.NONE, size: 0, color: "FFFFFF" },
    left: { style: d.BorderStyle.NONE, size: 0, color: "FFFFFF" },
    right: { style: d.BorderStyle.NONE, size: 0, color: "FFFFFF" },
  };
  const headingBlock = new d.Table({
    width: { size: TEXT_WIDTH, type: d.WidthType.DXA },
    columnWidths: [leftWidth, rightWidth],
    layout: d.TableLayoutType.FIXED,
    borders: d.TableBorders.NONE,
    rows: [
      new d.TableRow({
        children: [
          new d.TableCell({
            width: { size: leftWidth, type: d.WidthType.DXA },
            borders: noBorders,
            children: [...a.issuingBody.map((line) => centered(line, SIZE.heading, { bold: true })), rule(leftWidth, 1600)],
          }),
          new d.TableCell({
            width: { size: rightWidth, type: d.WidthType.DXA },
            borders: noBorders,
            children: [centered(a.motto[0], SIZE.heading, { bold: true }), centered(a.motto[1], SIZE.motto, { bold: true }), rule(rightWidth, 3600)],
          }),
        ],
      }),
    ],
  });

  const line = { style: d.BorderStyle.SINGLE, size: 4, color: "000000" };
  const widths = distribute(a.columns.map((c) => c.width), TEXT_WIDTH);
  const colIndex = new Map(a.columns.map((c, i) => [c.col, i]));
  const table = new d.Table({
    width: { size: TEXT_WIDTH, type: d.WidthType.DXA },
    columnWidths: widths,
    layout: d.TableLayoutType.FIXED,
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows: a.rows.map(
      (r) =>
        new d.TableRow({
          tableHeader: r.header,
          cantSplit: true,
          children: r.cells.map((c) => {
            const i = colIndex.get(c.col) ?? 0;
            const width = widths.slice(i, i + c.colSpan).reduce((x, y) => x + y, 0);
            const align = r.header || (r.group && i === 0) ? d.AlignmentType.CENTER : a.columns[i]?.align === "center" ? d.AlignmentType.CENTER : d.AlignmentType.LEFT;
            const lines = c.lines.length ? c.lines : [""];
            return new d.TableCell({
              width: { size: width, type: d.WidthType.DXA },
              ...(c.colSpan > 1 ? { columnSpan: c.colSpan } : {}),
              ...(c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
              verticalAlign: d.VerticalAlign.CENTER,
              margins: { left: 70, right: 70, top: 30, bottom: 30 },
              children: lines.map(
                (text) =>
                  new d.Paragraph({
                    alignment: align,
                    spacing: { before: 20, after: 20 },
                    children: [run(text, SIZE.table, { bold: r.header || r.group })],
                  }),
              ),
            });
          }),
        }),
    ),
  });

  const pageNumber = new d.Paragraph({
    alignment: d.AlignmentType.CENTER,
    children: [new d.TextRun({ children: [d.PageNumber.CURRENT], font: FONT, size: SIZE.pageNumber })],
  });

  return new d.Document({
    creator: "Phụ lục NQ57",
    title: sheetName,
    styles: { default: { document: { run: { font: FONT, size: SIZE.table } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height, orientation: d.PageOrientation.LANDSCAPE },
            margin: MARGIN,
            pageNumbers: { start: 1 },
          },
          // No number on the first page (the decree numbers pages from the second).
          titlePage: true,
        },
        headers: { default: new d.Header({ children: [pageNumber] }), first: new d.Header({ children: [new d.Paragraph({})] }) },
        children: [
          headingBlock,
          centered(a.title, SIZE.title, { bold: true, before: 240 }),
          ...a.subtitle.map((t) => centered(t, SIZE.title, { bold: true })),
          centered(a.reference, SIZE.title, { italics: true, after: 240 }),
          table,
        ],
      },
    ],
  });
}

/** Shares of the width in whole twips that add up exactly. */
function distribute(shares: number[], total: number): number[] {
  const out = shares.map((s) => Math.floor(s * total));
  let rest = total - out.reduce((x, y) => x + y, 0);
  for (let i = 0; rest > 0; i = (i + 1) % out.length, rest--) out[i]++;
  return out;
}
