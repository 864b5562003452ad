/**
 * word/document.xml, streamed through saxes, as the document reads once every tracked
 * change is accepted: paragraphs and tables in order, each table with its rows, cells,
 * spans and vertical merges, each cell with its paragraphs and nested tables.
 *
 * What an official sees is what is kept:
 *  - insertions (w:ins, w:moveTo) kept; deletions (w:del, w:moveFrom) and deleted
 *    table rows dropped; formatting-change records (w:pPrChange …) ignored;
 *  - content controls (w:sdt) read through their content, never their properties,
 *    and not at all while they show their placeholder ("Click here to enter text");
 *  - fields by their displayed result: w:fldSimple's runs, and for complex fields the
 *    runs between fldChar "separate" and "end" (the instruction is not shown);
 *  - w:br and w:cr as line breaks, w:tab as a tab, Symbol-font w:sym as Unicode;
 *    hidden text (w:vanish) dropped; drawings and text boxes skipped;
 *  - automatic numbering replayed (numbering.ts) so a number column reads "1", "II".
 */
import { symbolText, type ListLabel, type Numbering, type NumberingRef } from "./numbering";
import { intAttr, isOn, isW, MC, streamXml, wAttr, type Tag } from "./xml";

export interface Para {
  text: string;
  /** Text after the paragraph's last page break, when it has one (what starts the next page). */
  afterBreak: string | null;
  /** Starts on a new page (w:pageBreakBefore). */
  breakBefore: boolean;
  /** Ends a section that the next one starts on a new page (w:pPr/w:sectPr). */
  sectionEnd: boolean;
  /** Its paragraph mark is a tracked deletion: once accepted it runs on into the next paragraph. */
  joinNext: boolean;
  label: ListLabel | null;
}

export interface WordCell {
  paras: Para[];
  nested: WordTable[];
  span: number;
  vMerge: "restart" | "continue" | null;
  hMerge: "restart" | "continue" | null;
  deleted: boolean;
}

export interface WordRow {
  cells: WordCell[];
  gridBefore: number;
  gridAfter: number;
  /** w:tblHeader: repeated at the top of every page. */
  header: boolean;
  deleted: boolean;
}

export interface WordTable {
  /** Order of appearance in the document (opening tags, so an outer table comes before its nested ones). */
  order: number;
  nested: boolean;
  gridCols: number;
  rows: WordRow[];
}

export type Block = { kind: "p"; para: Para } | { kind: "tbl"; table: WordTable };

export interface Body {
  /** Top-level paragraphs and tables, in order. */
  blocks: Block[];
  /** Every table, nested ones included, in order of appearance. */
  tables: WordTable[];
}

/** Subtrees whose content is not part of the document as it reads. */
const SKIP = new Set([
  "del",
  "moveFrom",
  "delText",
  "instrText",
  "delInstrText",
  "sdtPr",
  "sdtEndPr",
  "pPrChange",
  "rPrChange",
  "tblPrChange",
  "tblPrExChange",
  "trPrChange",
  "tcPrChange",
  "sectPrChange",
  "tblGridChange",
  "numberingChange",
  "drawing",
  "pict",
  "object",
  "txbxContent",
  "fldData",
  "rt",
]);

interface Open {
  name: string;
  w: boolean;
}

export function parseBody(xml: Uint8Array, numbering: Numbering): Body {
  const blocks: Block[] = [];
  const tables: WordTable[] = [];
  const stack: Open[] = [];
  const tableStack: WordTable[] = [];
  const cellStack: WordCell[] = [];
  let skip = 0;
  let skipRoot = "";
  // Open content controls: whether each is showing its placeholder instead of content.
  const sdts: { placeholder: boolean }[] = [];
  let para: Para | null = null;
  let paraRef: NumberingRef | null | undefined; // undefined: none given; null: explicitly none (numId 0)
  let paraStyle: string | null = null;
  let runHidden = false;
  let inText = false;
  // Complex fields: "instr" until their separator, then "result"; text shows only outside every instruction.
  const fields: ("instr" | "result")[] = [];

  const parent = (up = 1): string => {
    const o = stack[stack.length - up];
    return o && o.w ? o.name : "";
  };
  const currentRow = () => {
    const t = tableStack[tableStack.length - 1];
    return t?.rows[t.rows.length - 1];
  };
  const emit = (text: string) => {
    if (!para || runHidden || fields.includes("instr")) return;
    para.text += text;
    if (para.afterBreak !== null) para.afterBreak += text;
  };

  const open = (tag: Tag) => {
    const w = isW(tag.uri);
    const name = tag.local;
    if (skip > 0) {
      if (w && name === "showingPlcHdr" && skipRoot === "sdtPr" && sdts.length) sdts[sdts.length - 1].placeholder = isOn(tag);
      skip++;
      stack.push({ name, w });
      return;
    }
    if (tag.uri === MC && name === "Choice") {
      // mc:AlternateContent: read the Fallback every consumer understands, not the Choice.
      skip = 1;
      skipRoot = name;
      stack.push({ name, w });
      return;
    }
    if (w && SKIP.has(name)) {
      if (name === "del" && parent() === "trPr") {
        const row = currentRow();
        if (row) row.deleted = true;
      } else if (name === "del" && parent() === "rPr" && parent(2) === "pPr" && para) {
        para.joinNext = true;
      }
      skip = 1;
      skipRoot = name;
      stack.push({ name, w });
      return;
    }
    if (w && name === "sdtContent" && sdts[sdts.length - 1]?.placeholder) {
      skip = 1;
      skipRoot = name;
      stack.push({ name, w });
      return;
    }
    const up = parent();
    const up2 = parent(2);
    stack.push({ name, w });
    if (!w) return;
    switch (name) {
      case "sdt":
        sdts.push({ placeholder: false });
        break;
      case "tbl": {
        const t: WordTable = { order: tables.length + 1, nested: cellStack.length > 0, gridCols: 0, rows: [] };
        tables.push(t);
        if (cellStack.length > 0) cellStack[cellStack.length - 1].nested.push(t);
        else blocks.push({ kind: "tbl", table: t });
        tableStack.push(t);
        break;
      }
      case "gridCol":
        if (up === "tblGrid" && tableStack.length) tableStack[tableStack.length - 1].gridCols++;
        break;
      case "tr":
        tableStack[tableStack.length - 1]?.rows.push({ cells: [], gridBefore: 0, gridAfter: 0, header: false, deleted: false });
        break;
      case "gridBefore":
      case "gridAfter":
        if (up === "trPr") {
          const row = currentRow();
          const n = Math.max(0, Math.min(intAttr(tag, "val") ?? 0, 1000));
          if (row) row[name] = n;
        }
        break;
      case "tblHeader":
        if (up === "trPr") {
          const row = currentRow();
          if (row) row.header = isOn(tag);
        }
        break;
      case "tc": {
        const cell: WordCell = { paras: [], nested: [], span: 1, vMerge: null, hMerge: null, deleted: false };
        currentRow()?.cells.push(cell);
        cellStack.push(cell);
        break;
      }
      case "gridSpan":
        if (up === "tcPr" && cellStack.length) cellStack[cellStack.length - 1].span = Math.max(1, Math.min(intAttr(tag, "val") ?? 1, 1000));
        break;
      case "vMerge":
      case "hMerge":
        if (up === "tcPr" && cellStack.length) cellStack[cellStack.length - 1][name] = wAttr(tag, "val") === "restart" ? "restart" : "continue";
        break;
      case "cellDel":
        if (up === "tcPr" && cellStack.length) cellStack[cellStack.length - 1].deleted = true;
        break;
      case "p":
        para = { text: "", afterBreak: null, breakBefore: false, sectionEnd: false, joinNext: false, label: null };
        paraRef = undefined;
        paraStyle = null;
        break;
      case "pStyle":
        if (up === "pPr") paraStyle = wAttr(tag, "val") ?? null;
        break;
      case "numId":
        if (up === "numPr" && up2 === "pPr") {
          const id = wAttr(tag, "val") ?? "0";
          paraRef = id === "0" ? null : { numId: id, ilvl: paraRef?.ilvl ?? 0 };
        }
        break;
      case "ilvl":
        if (up === "numPr" && up2 === "pPr") {
          const ilvl = intAttr(tag, "val") ?? 0;
          paraRef = paraRef === null ? null : { numId: paraRef?.numId ?? "", ilvl };
        }
        break;
      case "pageBreakBefore":
        if (up === "pPr" && para) para.breakBefore = isOn(tag);
        break;
      case "sectPr":
        if (up === "pPr" && para) para.sectionEnd = true;
        break;
      case "type":
        // A continuous section break does not start a new page.
        if (up === "sectPr" && up2 === "pPr" && para && wAttr(tag, "val") === "continuous") para.sectionEnd = false;
        break;
      case "r":
        runHidden = false;
        break;
      case "vanish":
        if (up === "rPr" && up2 === "r") runHidden = isOn(tag);
        break;
      case "t":
        inText = up === "r";
        break;
      case "tab":
      case "ptab":
        if (up === "r") emit("\t");
        break;
      case "br":
        if (up === "r") {
          if (wAttr(tag, "type") === "page") {
            if (para && !runHidden && !fields.includes("instr")) para.afterBreak = "";
          } else emit("\n");
        }
        break;
      case "cr":
        if (up === "r") emit("\n");
        break;
      case "noBreakHyphen":
        if (up === "r") emit("-");
        break;
      case "sym":
        if (up === "r") {
          const code = parseInt(wAttr(tag, "char") ?? "", 16);
          if (Number.isFinite(code) && code > 0 && code <= 0x10ffff) emit(symbolText(String.fromCodePoint(code)));
        }
        break;
      case "fldChar": {
        const type = wAttr(tag, "fldCharType");
        if (type === "begin") fields.push("instr");
        else if (type === "separate" && fields.length) fields[fields.length - 1] = "result";
        else if (type === "end") fields.pop();
        break;
      }
    }
  };

  const text = (t: string) => {
    if (skip === 0 && inText) emit(t);
  };

  const close = (tag: Pick<Tag, "local" | "uri">) => {
    stack.pop();
    if (skip > 0) {
      skip--;
      return;
    }
    if (!isW(tag.uri)) return;
    switch (tag.local) {
      case "sdt":
        sdts.pop();
        break;
      case "t":
        inText = false;
        break;
      case "r":
        runHidden = false;
        break;
      case "tc":
        cellStack.pop();
        break;
      case "tbl":
        tableStack.pop();
        break;
      case "p": {
        if (!para) break;
        const ref = paraRef !== undefined ? paraRef : paraStyle ? numbering.styleNumbering(paraStyle) : null;
        // A paragraph merged into the next by a deleted mark is not a list item of its own.
        if (ref && !para.joinNext) para.label = numbering.next(ref);
        const cell = cellStack[cellStack.length - 1];
        if (cell) cell.paras.push(para);
        else blocks.push({ kind: "p", para });
        para = null;
        break;
      }
    }
  };

  streamXml(xml, { open, close, text });
  return { blocks, tables };
}
