/**
 * Hand-built .docx files in Word's own style, for tests of the Word reader: the
 * package parts Word writes, paragraphs split into runs with revision ids, proofing
 * marks and bookmarks, tables with w:tblGrid, w:gridSpan and w:vMerge, automatic
 * numbering in numbering.xml, tracked changes, content controls and fields.
 *
 * `seedDocx` turns a seed's transcribed appendix tables (test/fixtures/seeds) into a
 * plan as a commune files it: the plan's text, a signature block, then each appendix
 * on a landscape page with its heading block. With `rich`, the same visible text is
 * written the ways Word really stores it (numbers from a list, text in several runs,
 * tracked insertions and deletions, content controls, fields, hidden text, a table
 * split across a page break into two w:tbl with its header row repeated).
 */
import { strToU8, zipSync } from "fflate";
import type { CellValue, SheetSnapshot } from "../src/domain/snapshot";
import { parseRange, type Range } from "../src/domain/address";
import { loadSeed } from "./seeds";

export const NS =
  'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" ' +
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' +
  'xmlns:o="urn:schemas-microsoft-com:office:office" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" ' +
  'xmlns:v="urn:schemas-microsoft-com:vml" ' +
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' +
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" ' +
  'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" ' +
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ' +
  'mc:Ignorable="w14 w15"';

export function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export interface DocxParts {
  /** The inner XML of w:body (without the final w:sectPr, which is added). */
  body: string;
  numbering?: string;
  styles?: string;
  /** Write the main document under another name (the relationships say where it is). */
  mainPart?: string;
}

const RPR = '<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="26"/><w:szCs w:val="26"/><w:lang w:val="vi-VN"/></w:rPr>';

export const DEFAULT_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ${NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="26"/><w:szCs w:val="26"/><w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style>
<w:style w:type="paragraph" w:styleId="ListNumber"><w:name w:val="List Number"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="90"/></w:numPr></w:pPr></w:style>
</w:styles>`;

const PORTRAIT = '<w:sectPr w:rsidR="00A31F2C"><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="720" w:footer="720" w:gutter="0"/><w:cols w:space="720"/><w:docGrid w:linePitch="360"/></w:sectPr>';
const LANDSCAPE = '<w:sectPr w:rsidR="00A31F2C"><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="720" w:footer="720" w:gutter="0"/><w:cols w:space="720"/><w:docGrid w:linePitch="360"/></w:sectPr>';

/** A complete package as Word writes it. */
export function docxBytes(parts: DocxParts): Uint8Array {
  const main = parts.mainPart ?? "word/document.xml";
  const dir = main.slice(0, main.lastIndexOf("/") + 1);
  const file = main.slice(main.lastIndexOf("/") + 1);
  const files: Record<string, string> = {
    "[Content_Types].xml":
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/${main}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
      `<Override PartName="/${dir}styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
      (parts.numbering ? `<Override PartName="/${dir}numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>` : "") +
      `<Override PartName="/${dir}settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>',
    "_rels/.rels":
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${main}"/></Relationships>`,
    [`${dir}_rels/${file}.rels`]:
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
      (parts.numbering ? '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>' : "") +
      "</Relationships>",
    [main]: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${NS}><w:body>${parts.body}${LANDSCAPE}</w:body></w:document>`,
    [`${dir}styles.xml`]: parts.styles ?? DEFAULT_STYLES,
    [`${dir}settings.xml`]: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings ${NS}><w:zoom w:percent="100"/><w:trackRevisions/><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`,
    "docProps/core.xml":
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Van phong</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2026-03-02T08:00:00Z</dcterms:created></cp:coreProperties>',
    "docProps/app.xml":
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Office Word</Application><AppVersion>16.0000</AppVersion></Properties>',
  };
  if (parts.numbering) files[`${dir}numbering.xml`] = parts.numbering;
  const zipped: Record<string, Uint8Array> = {};
  for (const [name, text] of Object.entries(files)) zipped[name] = strToU8(text);
  return zipSync(zipped, { level: 6 });
}

// ---------- paragraphs and runs, Word style ----------

let rsid = 0x00a31f2c;
const nextRsid = () => (rsid = (rsid * 1103515245 + 12345) % 0xffffff).toString(16).toUpperCase().padStart(8, "0");

/** A run of text; Word splits text into runs wherever editing happened. */
export function run(text: string, extraRpr = ""): string {
  const rpr = extraRpr ? RPR.replace("</w:rPr>", `${extraRpr}</w:rPr>`) : RPR;
  return `<w:r w:rsidRPr="${nextRsid()}">${rpr}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
}

/** Text in runs split at word boundaries, with proofing marks and a bookmark as Word leaves them. */
export function runs(text: string, split: boolean): string {
  if (!split || text.length < 8) return run(text);
  const words = text.split(/(?<= )/);
  const cut = Math.max(1, Math.floor(words.length / 2));
  return (
    run(words.slice(0, cut).join("")) +
    `<w:proofErr w:type="spellStart"/>` +
    `<w:bookmarkStart w:id="${cut}" w:name="_Hlk${nextRsid()}"/>` +
    run(words.slice(cut).join("")) +
    `<w:bookmarkEnd w:id="${cut}"/><w:proofErr w:type="spellEnd"/>`
  );
}

export interface ParaOptions {
  bold?: boolean;
  italic?: boolean;
  center?: boolean;
  numId?: number;
  ilvl?: number;
  pageBreakBefore?: boolean;
  sectPr?: "portrait" | "landscape";
  style?: string;
}

export function para(content: string, o: ParaOptions = {}): string {
  const ppr = [
    o.style ? `<w:pStyle w:val="${o.style}"/>` : "",
    o.pageBreakBefore ? "<w:pageBreakBefore/>" : "",
    o.numId !== undefined ? `<w:numPr><w:ilvl w:val="${o.ilvl ?? 0}"/><w:numId w:val="${o.numId}"/></w:numPr>` : "",
    '<w:spacing w:before="60" w:after="60"/>',
    o.center ? '<w:jc w:val="center"/>' : "",
    `<w:rPr>${o.bold ? "<w:b/>" : ""}<w:sz w:val="26"/></w:rPr>`,
    o.sectPr ? (o.sectPr === "portrait" ? PORTRAIT : LANDSCAPE) : "",
  ].join("");
  return `<w:p w:rsidR="${nextRsid()}" w:rsidRDefault="00A31F2C" w:rsidP="${nextRsid()}"><w:pPr>${ppr}</w:pPr>${content}</w:p>`;
}

export function textPara(text: string, o: ParaOptions = {}): string {
  const extra = (o.bold ? "<w:b/>" : "") + (o.italic ? "<w:i/>" : "");
  return para(text ? run(text, extra) : "", o);
}

export const pageBreak = () => para('<w:r><w:br w:type="page"/></w:r>');

// ---------- tables ----------

export interface CellSpec {
  /** Inner XML: one or more w:p (and nested w:tbl). */
  content: string;
  span?: number;
  vMerge?: "restart" | "continue";
  hMerge?: "restart" | "continue";
  /** Wrap the whole w:tc in a cell-level content control. */
  sdt?: boolean;
}

export interface RowSpec {
  cells: CellSpec[];
  header?: boolean;
  gridBefore?: number;
  gridAfter?: number;
  /** A tracked deletion of the whole row. */
  deleted?: boolean;
  /** Wrap the w:tr in a row-level content control. */
  sdt?: boolean;
}

let sdtIds = 100;
const sdtPr = (tag: string) =>
  `<w:sdtPr><w:rPr><w:sz w:val="26"/></w:rPr><w:alias w:val="${tag}"/><w:tag w:val="${tag}"/><w:id w:val="${++sdtIds}"/><w:placeholder><w:docPart w:val="DefaultPlaceholder_-1854013440"/></w:placeholder><w15:appearance w15:val="hidden"/></w:sdtPr>`;

export function cellXml(c: CellSpec, width: number): string {
  const tcPr =
    `<w:tcPr><w:tcW w:w="${width * (c.span ?? 1)}" w:type="dxa"/>` +
    (c.span && c.span > 1 ? `<w:gridSpan w:val="${c.span}"/>` : "") +
    (c.hMerge ? (c.hMerge === "restart" ? '<w:hMerge w:val="restart"/>' : "<w:hMerge/>") : "") +
    (c.vMerge ? (c.vMerge === "restart" ? '<w:vMerge w:val="restart"/>' : "<w:vMerge/>") : "") +
    '<w:vAlign w:val="center"/></w:tcPr>';
  const tc = `<w:tc>${tcPr}${c.content || para("")}</w:tc>`;
  return c.sdt ? `<w:sdt>${sdtPr("O")}<w:sdtContent>${tc}</w:sdtContent></w:sdt>` : tc;
}

export function tableXml(rows: RowSpec[], gridCols: number, widths?: number[]): string {
  const w = (i: number) => widths?.[i] ?? 1800;
  const grid = `<w:tblGrid>${Array.from({ length: gridCols }, (_, i) => `<w:gridCol w:w="${w(i)}"/>`).join("")}</w:tblGrid>`;
  const trs = rows.map((r) => {
    const trPr =
      "<w:trPr>" +
      (r.gridBefore ? `<w:gridBefore w:val="${r.gridBefore}"/>` : "") +
      (r.gridAfter ? `<w:gridAfter w:val="${r.gridAfter}"/>` : "") +
      '<w:jc w:val="center"/>' +
      (r.header ? "<w:tblHeader/>" : "") +
      (r.deleted ? '<w:del w:id="9001" w:author="Van phong" w:date="2026-03-01T09:00:00Z"/>' : "") +
      "</w:trPr>";
    const tr = `<w:tr w:rsidR="${nextRsid()}" w:rsidTr="${nextRsid()}">${r.gridBefore ? `<w:tblPrEx><w:tblW w:w="0" w:type="auto"/></w:tblPrEx>` : ""}${trPr}${r.cells.map((c) => cellXml(c, 1800)).join("")}</w:tr>`;
    return r.sdt ? `<w:sdt>${sdtPr("R")}<w:sdtContent>${tr}</w:sdtContent></w:sdt>` : tr;
  });
  return `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>${grid}${trs.join("")}</w:tbl>`;
}

// ---------- automatic numbering ----------

/** numbering.xml with one single-level abstract list per format, and w:num instances added as needed. */
export class ListBuilder {
  private readonly abstracts: string[] = [];
  private readonly nums: string[] = [];
  private next = 1;
  private readonly state = new Map<string, { numId: number; last: number }>();

  abstract(id: number, format: string, text: string, start = 1): void {
    this.abstracts.push(
      `<w:abstractNum w:abstractNumId="${id}" w15:restartNumberingAfterBreak="0"><w:nsid w:val="1A2B3C${id}D"/><w:multiLevelType w:val="hybridMultilevel"/>` +
        `<w:lvl w:ilvl="0" w:tplc="0409000F"><w:start w:val="${start}"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${esc(text)}"/><w:lvlJc w:val="center"/><w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr></w:lvl>` +
        `<w:lvl w:ilvl="1" w:tplc="04090019"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2."/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>`,
    );
  }

  /** A new list instance of an abstract list, optionally restarting at a value. */
  num(abstractId: number, startAt?: number): number {
    const id = this.next++;
    this.nums.push(
      `<w:num w:numId="${id}"><w:abstractNumId w:val="${abstractId}"/>` +
        (startAt !== undefined ? `<w:lvlOverride w:ilvl="0"><w:startOverride w:val="${startAt}"/></w:lvlOverride>` : "") +
        "</w:num>",
    );
    return id;
  }

  /** The numId that makes the next paragraph of this kind show `value`: the running list, or a restart. */
  numFor(kind: string, abstractId: number, value: number): number {
    const s = this.state.get(kind);
    if (s && value === s.last + 1) {
      s.last = value;
      return s.numId;
    }
    const numId = this.num(abstractId, value);
    this.state.set(kind, { numId, last: value });
    return numId;
  }

  xml(extra = ""): string {
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering ${NS}>${this.abstracts.join("")}${extra}${this.nums.join("")}</w:numbering>`;
  }
}

// ---------- seeds as Word plans ----------

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
function romanValue(s: string): number | null {
  if (!/^[IVXLC]+$/.test(s)) return null;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_VALUES[s[i]];
    const next = ROMAN_VALUES[s[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** What Excel shows for a seed cell: numbers as typed ("100", "100%" for a percent format). */
export function shownText(v: CellValue, fmt: string | null | undefined): string {
  if (v === null) return "";
  if (typeof v === "number") return fmt && fmt.includes("%") ? `${Math.round(v * 10000) / 100}%` : String(v);
  return String(v);
}

function headerRowOf(s: SheetSnapshot): number {
  const i = s.values.findIndex((row) => {
    const first = row.find((v) => v !== null);
    return typeof first === "string" && /^(stt|tt|\(1\))/i.test(first.trim());
  });
  if (i < 0) throw new Error(`no header row in ${s.name}`);
  return i;
}

interface Feature {
  rich: boolean;
  lists: ListBuilder;
  row: number;
  col: number;
}

/** A cell's visible text written the way Word stores it; with `rich`, in many ways that all read the same. */
function cellContent(text: string, f: Feature, numbered: { numId: number } | null): string {
  if (numbered) return para("", { center: true, numId: numbered.numId });
  if (!text) return para("");
  const lines = text.split("\n");
  if (!f.rich) return lines.map((l) => para(run(l))).join("");
  const k = f.row * 7 + f.col;
  const lineXml = (l: string, i: number): string => {
    let inner: string;
    if (/2026/.test(l) && k % 3 === 0) {
      // The year as a field's displayed result; the instruction is not shown.
      const [before, ...after] = l.split("2026");
      inner =
        (before ? run(before) : "") +
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DOCPROPERTY  NamKeHoach  \\* MERGEFORMAT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
        run("2026") +
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>' +
        (after.join("2026") ? run(after.join("2026")) : "");
    } else if (k % 5 === 1) {
      // A tracked change: a deleted word before, the real text partly inserted.
      const cut = Math.floor(l.length / 2);
      inner =
        `<w:del w:id="${k}1" w:author="Phong VHXH" w:date="2026-02-20T10:00:00Z"><w:r>${RPR}<w:delText xml:space="preserve">(bỏ) </w:delText></w:r></w:del>` +
        run(l.slice(0, cut)) +
        `<w:ins w:id="${k}2" w:author="Phong VHXH" w:date="2026-02-20T10:00:00Z">${run(l.slice(cut))}</w:ins>`;
    } else if (k % 5 === 2) {
      // A content control around the runs.
      inner = `<w:sdt>${sdtPr("NoiDung")}<w:sdtContent>${runs(l, true)}</w:sdtContent></w:sdt>`;
    } else if (k % 5 === 3) {
      // Hidden text, and a moved-away fragment, neither shown.
      inner = run(l) + run(" (ẩn)", "<w:vanish/>") + `<w:moveFrom w:id="${k}3" w:author="A" w:date="2026-02-20T10:00:00Z"><w:r><w:t>cũ</w:t></w:r></w:moveFrom>`;
    } else if (k % 5 === 4 && l.length > 3) {
      // A simple field whose result is the text.
      inner = `<w:fldSimple w:instr=" DOCPROPERTY  Muc${i}  \\* MERGEFORMAT ">${run(l)}</w:fldSimple>`;
    } else inner = runs(l, true);
    return inner;
  };
  // Line breaks inside a cell: new paragraphs in some cells, w:br in others.
  if (lines.length > 1 && k % 2 === 0) return para(lines.map((l, i) => lineXml(l, i)).join('<w:r><w:br/></w:r>'));
  return lines.map((l, i) => para(lineXml(l, i))).join("");
}

export interface SeedDocxOptions {
  /** Word's many ways of storing the same text (see the file comment). */
  rich?: boolean;
  /** In rich mode, split the first table into two w:tbl across a page break (default true). */
  split?: boolean;
}

/** A seed plan as a Word document: one appendix table per seed sheet, each on its own landscape page. */
export function seedDocx(id: string, options: SeedDocxOptions = {}): Uint8Array {
  const seed = loadSeed(id);
  return planDocx(seed.commune, seed.sheets, options);
}

/**
 * A commune's plan as a Word document: the plan's text and signature, then each sheet
 * (title rows above a table whose first cell says STT/TT) as an appendix on its own page.
 */
export function planDocx(commune: string, sheets: SheetSnapshot[], options: SeedDocxOptions = {}): Uint8Array {
  const rich = Boolean(options.rich);
  const lists = new ListBuilder();
  lists.abstract(10, "upperRoman", "%1");
  lists.abstract(11, "decimal", "%1");
  lists.abstract(12, "decimalZero", "%1");
  const body: string[] = [];
  // The plan's own text and its signature block, on portrait pages, before the appendices.
  body.push(
    tableXml(
      [
        {
          cells: [
            { content: textPara("ỦY BAN NHÂN DÂN", { bold: true, center: true }) + textPara(commune.toLocaleUpperCase("vi"), { bold: true, center: true }) },
            { content: textPara("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { bold: true, center: true }) + textPara("Độc lập - Tự do - Hạnh phúc", { bold: true, center: true }) },
          ],
        },
      ],
      2,
      [4500, 8000],
    ),
    textPara("KẾ HOẠCH", { bold: true, center: true }),
    textPara("Thực hiện Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số năm 2026", { bold: true, center: true }),
    textPara("I. MỤC ĐÍCH, YÊU CẦU", { bold: true }),
    textPara("Triển khai đồng bộ các nhiệm vụ, giải pháp; chi tiết chỉ tiêu và nhiệm vụ tại các phụ lục kèm theo."),
    tableXml([{ cells: [{ content: textPara("Nơi nhận:", { bold: true }) + textPara("- UBND tỉnh;") + textPara("- Lưu: VT.") }, { content: textPara("TM. ỦY BAN NHÂN DÂN", { bold: true, center: true }) + textPara("CHỦ TỊCH", { bold: true, center: true }) }] }], 2),
    textPara("", { sectPr: "portrait" }),
  );

  sheets.forEach((s, si) => {
    const h = headerRowOf(s);
    const width = Math.max(...s.values.map((r) => r.length));
    const text = (r: number, c: number) => shownText(s.values[r]?.[c] ?? null, s.numberFormats?.[r]?.[c]);
    if (si > 0) body.push(pageBreak());
    // The heading block: rows with something right of column A go into a borderless layout table.
    const heading = s.values.slice(0, h);
    let blockEnd = 0;
    while (blockEnd < heading.length && heading[blockEnd].some((v, c) => c > 0 && v !== null)) blockEnd++;
    if (blockEnd > 0) {
      const split = heading[0].findIndex((v, c) => c > 0 && v !== null);
      const left = heading.slice(0, blockEnd).flatMap((row) => row.slice(0, split).filter((v) => v !== null).map(String));
      const right = heading.slice(0, blockEnd).flatMap((row) => row.slice(split).filter((v) => v !== null).map(String));
      body.push(tableXml([{ cells: [{ content: left.map((t) => textPara(t, { bold: true, center: true })).join("") }, { content: right.map((t) => textPara(t, { bold: true, center: true })).join("") }] }], 2));
    }
    for (const row of heading.slice(blockEnd)) {
      const t = row.filter((v) => v !== null).map(String).join(" ");
      body.push(textPara(t, { bold: !t.startsWith("("), italic: t.startsWith("("), center: true }));
    }

    // The table: merges below the heading become spans and vertical merges.
    const merges: Range[] = (s.merges ?? []).map(parseRange).filter((m) => m.top > h);
    const rows: RowSpec[] = [];
    for (let r = h; r < s.values.length; r++) {
      const cells: CellSpec[] = [];
      for (let c = 0; c < width; ) {
        const m = merges.find((x) => r + 1 >= x.top && r + 1 <= x.bottom && c + 1 === x.left);
        const span = m ? m.right - m.left + 1 : 1;
        const vMerge = m && m.bottom > m.top ? (r + 1 === m.top ? "restart" : "continue") : undefined;
        const value = vMerge === "continue" ? "" : text(r, c);
        let numbered: { numId: number } | null = null;
        if (rich && c === 0 && r > h && value) {
          const roman = romanValue(value);
          if (roman !== null) numbered = { numId: lists.numFor("roman", 10, roman) };
          else if (/^0\d$/.test(value)) numbered = { numId: lists.numFor("zero", 12, Number(value)) };
          else if (/^[1-9]\d*$/.test(value)) numbered = { numId: lists.numFor("decimal", 11, Number(value)) };
        }
        cells.push({ content: cellContent(value, { rich, lists, row: r, col: c }, numbered), ...(span > 1 ? { span } : {}), ...(vMerge ? { vMerge } : {}) });
        c += span;
      }
      rows.push({ cells, ...(r === h ? { header: true } : {}) });
    }
    if (rich) {
      // A row deleted with track changes on, and content controls around a cell and a row.
      rows.splice(3, 0, { cells: rows[2].cells.map(() => ({ content: para(run("Dòng đã xoá")) })), deleted: true });
      rows[4].cells[width > 2 ? 2 : 0] = { ...rows[4].cells[width > 2 ? 2 : 0], sdt: true };
      rows[5] = { ...rows[5], sdt: true };
    }
    const splitAt = rich && options.split !== false && si === 0 ? safeSplit(rows.length, merges, h) : -1;
    if (splitAt > 0) {
      // Split across a page break into two tables, the second repeating the header row, as Word does on "Split Table".
      body.push(tableXml(rows.slice(0, splitAt), width));
      body.push(pageBreak());
      body.push(tableXml([rows[0], ...rows.slice(splitAt)], width));
    } else body.push(tableXml(rows, width));
  });
  return docxBytes({ body: body.join(""), numbering: lists.xml() });
}

/** A row index where no vertical merge is cut in two (rows counted from the header). */
function safeSplit(count: number, merges: Range[], h: number): number {
  for (let i = Math.floor(count / 2); i < count; i++) {
    const sheetRow = h + i + 1;
    if (!merges.some((m) => m.top < sheetRow && m.bottom >= sheetRow)) return i;
  }
  return -1;
}
