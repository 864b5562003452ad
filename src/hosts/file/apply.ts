/**
 * The file host's writing half: apply the domain's edit list to an ExcelJS workbook.
 * The whole list is checked before anything is written, so a bad plan leaves the
 * workbook as it was.
 */
import type ExcelJS from "exceljs";
import type { CellStyle, Edit } from "../../domain/edits";
import { isFormula } from "../../domain/edits";
import { parseRange, a1 } from "../../domain/address";
import { fromExcelSerial, isDateFormat } from "../../domain/dates";
import { HostError } from "./errors";

export function validatePlan(wb: ExcelJS.Workbook, edits: Edit[]): void {
  const existing = new Set(wb.worksheets.map((w) => w.name.toLowerCase()));
  const added = new Set<string>();
  for (const e of edits) {
    if (e.op === "addSheet") {
      const key = e.sheet.toLowerCase();
      if (existing.has(key) || added.has(key)) throw new HostError("sheet-exists", `Trang tính "${e.sheet}" đã có; không ghi đè.`);
      if (!e.sheet.trim() || e.sheet.length > 31 || /[\\/?*[\]:]/.test(e.sheet) || /^'|'$/.test(e.sheet)) throw new HostError("bad-sheet-name", `Tên trang tính "${e.sheet}" không hợp lệ.`);
      added.add(key);
      continue;
    }
    if (e.op === "defineName" || e.op === "setCustomXml") continue;
    const key = e.sheet.toLowerCase();
    if (!existing.has(key) && !added.has(key)) throw new HostError("no-sheet", `Không có trang tính "${e.sheet}".`);
    if (existing.has(key)) {
      const ws = wb.getWorksheet(e.sheet);
      if (ws && (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet && e.op !== "select") {
        throw new HostError("protected", `Trang tính "${e.sheet}" đang được bảo vệ; hãy bỏ bảo vệ trang tính rồi thử lại.`);
      }
    }
  }
}

export function applyEdits(wb: ExcelJS.Workbook, edits: Edit[]): void {
  validatePlan(wb, edits);
  for (const e of edits) {
    try {
      applyOne(wb, e);
    } catch (err) {
      // What validatePlan cannot foresee (ExcelJS refusing a merge over a merged area...):
      // a Vietnamese message that says where; callers write no file after it.
      if (err instanceof HostError) throw err;
      const where = e.op === "defineName" ? `tên "${e.name}"` : e.op === "setCustomXml" ? "dữ liệu riêng của phần bổ trợ" : `trang tính "${e.sheet}"${"range" in e ? `, vùng ${e.range}` : ""}`;
      throw new HostError("apply-failed", `Không thực hiện được thay đổi (${where}); chưa có tệp nào được ghi.`, err);
    }
  }
  // ExcelJS writes formulas without results (or with stale ones, for a workbook it
  // read); ask Excel to compute every formula when the file is opened. LibreOffice
  // ignores the flag: it computes formulas that have no stored result and keeps the rest.
  if (edits.some((e) => e.op === "setValues" && e.values.some((row) => row.some(isFormula)))) {
    wb.calcProperties = { ...wb.calcProperties, fullCalcOnLoad: true };
  }
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new HostError("no-sheet", `Không có trang tính "${name}".`);
  return ws;
}

function argb(hex: string): string {
  return "FF" + hex.replace("#", "").toUpperCase();
}

function applyOne(wb: ExcelJS.Workbook, e: Edit): void {
  switch (e.op) {
    case "addSheet":
      wb.addWorksheet(e.sheet);
      return;
    case "setValues": {
      const ws = sheet(wb, e.sheet);
      const r = parseRange(e.range);
      e.values.forEach((rowValues, i) =>
        rowValues.forEach((v, j) => {
          const cell = ws.getCell(r.top + i, r.left + j);
          if (isFormula(v)) cell.value = { formula: v.formula.replace(/^=/, "") } as ExcelJS.CellFormulaValue;
          else if (typeof v === "number" && isDateFormat(cell.numFmt)) cell.value = serialToDate(v);
          else cell.value = v;
        }),
      );
      return;
    }
    case "setStyle": {
      const ws = sheet(wb, e.sheet);
      forEachCell(e.range, (row, col) => styleCell(ws.getCell(row, col), e.style));
      return;
    }
    case "merge":
      sheet(wb, e.sheet).mergeCells(e.range);
      return;
    case "columnWidths": {
      const ws = sheet(wb, e.sheet);
      for (const w of e.widths) {
        ws.getColumn(w.col).width = w.width;
        if (w.hidden !== undefined) ws.getColumn(w.col).hidden = w.hidden;
      }
      return;
    }
    case "rowHeight":
      sheet(wb, e.sheet).getRow(e.row).height = e.height;
      return;
    case "listValidation": {
      const ws = sheet(wb, e.sheet);
      const formulae = Array.isArray(e.source) ? [`"${e.source.join(",")}"`] : [e.source.replace(/^=/, "")];
      forEachCell(e.range, (row, col) => {
        ws.getCell(row, col).dataValidation = {
          type: "list",
          allowBlank: true,
          formulae,
          ...(e.prompt ? { showInputMessage: true, promptTitle: e.prompt.title, prompt: e.prompt.message } : {}),
        };
      });
      return;
    }
    case "dateValidation": {
      const ws = sheet(wb, e.sheet);
      forEachCell(e.range, (row, col) => {
        ws.getCell(row, col).dataValidation = {
          type: "date",
          operator: "greaterThan",
          allowBlank: true,
          formulae: [new Date(Date.UTC(2000, 0, 1))],
          showErrorMessage: true,
          errorTitle: "Ngày không hợp lệ",
          error: "Hãy nhập ngày theo dạng ngày/tháng/năm, ví dụ 30/06/2026.",
          ...(e.prompt ? { showInputMessage: true, promptTitle: e.prompt.title, prompt: e.prompt.message } : {}),
        };
      });
      return;
    }
    case "conditionalFormat": {
      const ws = sheet(wb, e.sheet);
      // Each rule gets its own priority: Excel orders rules by it and expects no ties.
      const existing = (ws as unknown as { conditionalFormattings?: { rules: unknown[] }[] }).conditionalFormattings ?? [];
      const priority = 1 + existing.reduce((n, cf) => n + cf.rules.length, 0);
      ws.addConditionalFormatting({
        ref: e.range,
        rules: [
          {
            type: "cellIs",
            operator: "equal",
            priority,
            formulae: [`"${e.equals}"`],
            style: {
              fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(e.fill) } },
              font: { color: { argb: argb(e.fontColor) } },
            },
          },
        ],
      });
      return;
    }
    case "freeze":
      sheet(wb, e.sheet).views = [{ state: "frozen", ySplit: e.rows, xSplit: e.cols ?? 0 }];
      return;
    case "pageSetup": {
      const ws = sheet(wb, e.sheet);
      ws.pageSetup = {
        ...ws.pageSetup,
        paperSize: 9, // A4
        orientation: e.orientation,
        fitToPage: e.fitToWidth,
        fitToWidth: 1,
        fitToHeight: 0,
        ...(e.printTitleRows ? { printTitlesRow: e.printTitleRows } : {}),
        ...(e.printArea ? { printArea: e.printArea } : {}),
      };
      return;
    }
    case "defineName": {
      const names = (wb as unknown as { definedNames: { add(range: string, name: string): void } }).definedNames;
      names.add(e.formula.replace(/^=/, ""), e.name);
      return;
    }
    case "setNote": {
      // Empty text removes the note (how marks are taken off).
      const cell = sheet(wb, e.sheet).getCell(e.cell);
      if (e.text) cell.note = e.text;
      else removeNote(cell);
      return;
    }
    case "sheetVisibility":
      sheet(wb, e.sheet).state = e.visibility;
      return;
    case "setCustomXml":
      // ExcelJS cannot write custom XML parts; the package layer (issue 12) replaces this host.
      throw new HostError("unsupported", "Phiên bản này chưa ghi được dữ liệu riêng của phần bổ trợ vào tệp.");
    case "select":
      return; // a file has no selection worth keeping
    case "chart":
      return; // ExcelJS cannot create charts; the Excel host draws them
  }
}

/**
 * `cell.note = undefined` makes ExcelJS write an empty note (a red corner with nothing
 * in it). ExcelJS keeps a note in two places: the cell's comment object and, for a
 * cell read from a file, the comment in the model it was read from; both must go.
 */
function removeNote(cell: ExcelJS.Cell): void {
  const c = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
  c._comment = undefined;
  if (c._value?.model) delete c._value.model.comment;
}

function forEachCell(range: string, f: (row: number, col: number) => void): void {
  const r = parseRange(range);
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) f(row, col);
}

function styleCell(cell: ExcelJS.Cell, s: CellStyle): void {
  // ExcelJS gives every cell it loaded with one style index the same style object:
  // changing it in place would restyle all those cells. Give this cell its own copy.
  cell.style = { ...cell.style };
  if (s.bold !== undefined || s.italic !== undefined || s.fontSize || s.fontName || s.fontColor) {
    cell.font = {
      ...cell.font,
      ...(s.bold !== undefined ? { bold: s.bold } : {}),
      ...(s.italic !== undefined ? { italic: s.italic } : {}),
      ...(s.fontSize ? { size: s.fontSize } : {}),
      ...(s.fontName ? { name: s.fontName } : {}),
      ...(s.fontColor ? { color: { argb: argb(s.fontColor) } } : {}),
    };
  }
  if (s.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
  if (s.horizontal || s.vertical || s.wrap !== undefined) {
    cell.alignment = {
      ...cell.alignment,
      ...(s.horizontal ? { horizontal: s.horizontal } : {}),
      ...(s.vertical ? { vertical: s.vertical } : {}),
      ...(s.wrap !== undefined ? { wrapText: s.wrap } : {}),
    };
  }
  if (s.border) {
    const thin = { style: "thin" as const };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (s.numberFormat) cell.numFmt = s.numberFormat;
}

/** A serial written into a date-formatted cell goes in as a Date, as ExcelJS expects. */
function serialToDate(serial: number): Date {
  const iso = fromExcelSerial(serial);
  return new Date(`${iso}T00:00:00Z`);
}

/** Write a workbook to bytes. */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const restore = escapeTextForXml(wb);
  try {
    const buf = await wb.xlsx.writeBuffer();
    return new Uint8Array(buf as ArrayBuffer);
  } finally {
    restore();
  }
}

/** Characters XML cannot hold (and CR, which XML turns into LF), and text that reads as Excel's escapes. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is matched
const NEEDS_ESCAPE = /[\x00-\x08\x0B\x0C\x0D\x0E-\x1F\x7F]|_x[0-9A-Fa-f]{4}_/;

/**
 * Excel's own escaping for text in .xlsx: "_x000D_" for a CR, "_x0001_" for a control
 * character, "_x005F_" before text that would read as such an escape. ExcelJS reads
 * these escapes but does not write them: it drops control characters, writes CR raw
 * (read back as LF) and writes a literal "_x0001_" as is (read back as a control
 * character). So every write of a workbook an official typed such text into would
 * change cells nobody asked to change.
 */
export function excelEscape(text: string): string {
  return text
    .replace(/_x([0-9A-Fa-f]{4})_/g, "_x005F_x$1_")
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced
    .replace(/[\x00-\x08\x0B\x0C\x0D\x0E-\x1F\x7F]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

/** Escape the workbook's text cells in place for writing; returns the function that puts them back. */
function escapeTextForXml(wb: ExcelJS.Workbook): () => void {
  const undo: (() => void)[] = [];
  for (const ws of wb.worksheets) {
    // Every row that exists and every cell in it, empty ones too (a note can sit on an
    // empty cell); not ws.eachRow({ includeEmpty }), which creates every missing row.
    const rows = (ws as unknown as { _rows: (ExcelJS.Row | undefined)[] })._rows;
    rows.forEach((row) =>
      row?.eachCell({ includeEmpty: true }, (cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        const v = cell.value;
        if (typeof v === "string" && NEEDS_ESCAPE.test(v)) {
          cell.value = excelEscape(v);
          undo.push(() => (cell.value = v));
        } else if (v && typeof v === "object" && "richText" in v && v.richText.some((t) => NEEDS_ESCAPE.test(t.text))) {
          cell.value = { ...v, richText: v.richText.map((t) => ({ ...t, text: excelEscape(t.text) })) };
          undo.push(() => (cell.value = v));
        }
        // Notes too: ours quote the cell's text, and must read back as written to come off again.
        const note = cell.note;
        if (typeof note === "string" && NEEDS_ESCAPE.test(note)) {
          cell.note = excelEscape(note);
          undo.push(() => (cell.note = note));
        }
      }),
    );
  }
  return () => undo.forEach((f) => f());
}

/** For messages: the address of a cell in a range. */
export const cellAddress = a1;
