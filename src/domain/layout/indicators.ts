/**
 * Appendix I: the indicators (chỉ tiêu), pre-filled from the catalog, with live
 * "Tỷ lệ đạt (%)" and "Đánh giá" formulas.
 *
 * The target cell holds a number whose format shows the comparator ("≥ 60%"), so the
 * formulas can use it. But an official who raises a target types it as text
 * ("≥ 70%", "≤ 5%"), and the comparator of a number lives only in its format, which
 * formulas cannot read. Two hidden helper columns therefore turn whatever the target
 * cell holds into a comparator (L) and a number (M), and two more read the result once
 * (N, O: achieve-formulas.ts's result helpers, as compute writes them); the visible formulas
 * pick, by the comparator, the achievement formulas of achieve-formulas.ts over those numbers.
 * The achievement logic itself stays in one place.
 */
import type { Catalog } from "../match";
import { bodyName } from "../match";
import type { Body, CatalogIndicator, UnitType } from "../../catalog/types";
import type { Comparator, Target } from "../target";
import type { CellInput } from "../edits";
import { RESULT_HELPERS } from "../achieve";
import { numericFormulas, qualitativeFormulas, resultTextFormula, resultValueFormula } from "../achieve-formulas";
import { a1 } from "../address";
import { INDICATOR_LEADS, DEFAULT_LEAD } from "../../catalog/leads";
import {
  COLORS,
  DATE_FORMAT,
  FONT,
  HEADER_ROW,
  REPORT_DATE_ROW,
  REPORT_DATE_PROMPT,
  SheetWriter,
  TABLE_SIZE,
  colRange,
  leadValidation,
  reportDateInput,
  rowHeightFor,
  rowRange,
  runs,
  writeHeading,
  writeSetting,
  type AppendixForm,
  type HeadingInput,
} from "./common";
import { pageSetupFor } from "./print";
import { catalogTarget, groupTitle, groupedIndicators, targetCell, type ListRefs } from "./lists";
import type { IsoDate } from "../dates";

/** Columns of Appendix I (1-based). L to O are the hidden helpers. */
export const INDICATOR_COLS = {
  number: 1,
  code: 2,
  name: 3,
  unit: 4,
  target: 5,
  lead: 6,
  coordinating: 7,
  result: 8,
  rate: 9,
  verdict: 10,
  note: 11,
  comparator: 12,
  targetValue: 13,
  resultText: 14,
  resultValue: 15,
} as const;

export const INDICATOR_LAST_COL = INDICATOR_COLS.note;

/**
 * Widths of columns A–K of the report form, in units of column width: 128 units, the
 * width of A4 landscape within the decree's margins, at 12 pt (see print.ts); "Ghi chú"
 * is as wide as a date, the report date standing above it.
 */
export const INDICATOR_WIDTHS = [5, 7, 33.3, 8, 10, 16, 11, 9, 8, 9.5, 11.2];

/**
 * The plan form (the appendix filed with the plan): the report form's columns up to
 * "Đơn vị phối hợp", then "Ghi chú"; no result, rate, verdict, report date or helper.
 * The "Mã" column is hidden: it does not print, and still ties each row to the
 * catalog. Right of "Ghi chú", three hidden columns are kept free where compute puts
 * "Kết quả thực hiện", "Tỷ lệ đạt (%)" and "Đánh giá" when it turns the plan into its
 * report form; the heading spans them, so that it stays centred over the table then.
 */
export const INDICATOR_PLAN_COLS = { number: 1, code: 2, name: 3, unit: 4, target: 5, lead: 6, coordinating: 7, note: 8 } as const;
/** Plan form A–K: the name column takes the width the report columns will take (0: hidden). */
export const INDICATOR_PLAN_WIDTHS = [5, 0, 70, 8, 10, 16, 11, 8, 0, 0, 0];
/** The plan form after compute added its three columns (I–K): the name column gives up their width. */
export const INDICATOR_PLAN_COMPUTED_WIDTHS = [5, 0, 41, 8, 10, 16, 11, 8, 9, 10.5, 9.5];
const CODE_WIDTH = 7.5;

export function indicatorHeaders(year: number, form: AppendixForm = "bao-cao"): string[] {
  const plan = ["STT", "Mã", "Nội dung chỉ tiêu", "Đơn vị tính", `Chỉ tiêu năm ${year}`, "Đơn vị chủ trì", "Đơn vị phối hợp"];
  return form === "ke-hoach" ? [...plan, "Ghi chú"] : [...plan, "Kết quả thực hiện", "Tỷ lệ đạt (%)", "Đánh giá", "Ghi chú"];
}

/** Labels of the hidden helper columns that read the target, for whoever unhides them (the template's mark). */
export const HELPER_HEADERS = ["Dấu so sánh (tự động)", "Chỉ tiêu dạng số (tự động)"];
/** Every hidden helper column's label, L to O. */
const ALL_HELPER_HEADERS = [...HELPER_HEADERS, RESULT_HELPERS.text, RESULT_HELPERS.value];

/** What the comparator helper shows for a qualitative target. */
export const QUALITATIVE = "định tính";

const SYMBOL: Record<Comparator, string> = { ">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "=" };
const NBSP = "\u00A0";

/**
 * The six formulas of one indicator row: the four helpers (comparator, target number,
 * result tidied, result number) and the two visible ones (rate, verdict). `refs` are
 * the row's cells; `percentUnit` and `defaultComparator` come from the catalog (the
 * comparator of a target held as a number, which its format shows but formulas cannot
 * read).
 */
export function liveAchievementFormulas(
  refs: { target: string; result: string; comparator: string; value: string; resultText: string; resultValue: string },
  opts: { percentUnit: boolean; countUnit?: boolean; defaultComparator: Comparator },
): { comparator: string; value: string; resultText: string; resultValue: string; rate: string; verdict: string } {
  const { target: E, result: H, comparator: L, value: M, resultText: N, resultValue: O } = refs;
  const x = `TRIM(${E})`;
  const first = `LEFT(${x},1)`;
  const two = `LEFT(${x},2)`;
  const symbol =
    `IF(OR(${first}="≥",${two}=">=",${two}="=>"),"≥",IF(OR(${first}="≤",${two}="<=",${two}="=<"),"≤",` +
    `IF(${first}=">",">",IF(${first}="<","<",IF(${first}="=","=","≥")))))`;
  const comparator =
    `=IF(ISNUMBER(${E}),"${SYMBOL[opts.defaultComparator]}",IF(TRIM(${E}&"")="","",IF(ISNUMBER(${M}),${symbol},` +
    `IF(OR(ISNUMBER(FIND(${first},"≥≤<>=")),ISNUMBER(FIND(${first},"0123456789"))),"","${QUALITATIVE}"))))`;

  // Text → number without depending on the machine's decimal separator: spaces out,
  // "100%." → "100%", decimal comma → point → the locale's own separator (the second
  // character of 1/2 as text), comparators out; VALUE reads "60%" as 0.6 itself.
  const compact = `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${E}," ",""),"${NBSP}",""),"%.","%"),",",".")`;
  const bare = `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${compact},"≥",""),"≤",""),">",""),"<",""),"=","")`;
  const n = `VALUE(SUBSTITUTE(${bare},".",MID(1/2,2,1)))`;
  // As parseTarget reads it: "60" in a % indicator means 60%.
  const scaled = opts.percentUnit ? `IF(ISNUMBER(FIND("%",${E})),${n},${n}/100)` : n;
  const value = `=IF(ISNUMBER(${E}),${E},IF(TRIM(${E}&"")="","",IFERROR(${scaled},"")))`;

  const strip = (f: string) => f.replace(/^=/, "");
  // One formula over every comparator: the helper L says which. The result is read as
  // compute reads it (a number, or "72%", "0,72" typed as text) in N and O; a bare 1 in
  // a % row reads as 100%, as a person typing "100%" gets (the format is unknown here).
  const resultValue = resultValueFormula(N, { percentUnit: opts.percentUnit, countUnit: opts.countUnit, resultFormat: "unknown" });
  const numeric = numericFormulas(O, M, { ref: L });
  const qual = qualitativeFormulas(H);
  const pick = (part: "rate" | "verdict") => `=IF(${L}="","",IF(${L}="${QUALITATIVE}",${strip(qual[part])},${strip(numeric[part])}))`;
  return { comparator, value, resultText: resultTextFormula(H), resultValue, rate: pick("rate"), verdict: pick("verdict") };
}

/** What the helper formulas (comparator, number) compute for a target cell as `targetCell` writes it. */
function helperValues(target: Target): { comparator: string; value: number | string } {
  if (target.kind === "numeric") return { comparator: SYMBOL[target.comparator], value: target.value };
  // Text that VALUE cannot read: no number; "định tính" unless it starts like a number or a comparator.
  return { comparator: /^[≥≤<>=0-9]/.test(target.text.trim()) ? "" : QUALITATIVE, value: "" };
}

/** The body that leads an indicator by default, as a commune or a ward names it. */
export function defaultLead(catalog: Catalog, indicator: CatalogIndicator, type: UnitType): string | null {
  // Codes may come from a workbook's own list: never let one reach Object.prototype.
  const code = Object.prototype.hasOwnProperty.call(INDICATOR_LEADS, indicator.code) ? INDICATOR_LEADS[indicator.code] : DEFAULT_LEAD;
  let body: Body | undefined = catalog.bodies.find((b) => b.code === code);
  // The one body pair that differs by type: a ward's economic office is not a commune's.
  if (body?.only && body.only !== type) {
    const swap = body.code === "KT" ? "KT-HT-DT" : body.code === "KT-HT-DT" ? "KT" : null;
    body = catalog.bodies.find((b) => b.code === swap && (!b.only || b.only === type));
  }
  return body ? bodyName(body, type) : null;
}

export interface IndicatorSheetInput {
  sheet: string;
  catalog: Catalog;
  heading: Omit<HeadingInput, "numeral" | "title" | "lastCol" | "leftCols" | "widths">;
  reportDate?: IsoDate | null;
  /** Today, the value =TODAY() shows until recalculated. */
  today?: IsoDate | null;
  lists: ListRefs;
  /** "ke-hoach" (default): the plan form; "bao-cao": the report form. */
  form?: AppendixForm;
}

export interface IndicatorSheetLayout {
  sheet: string;
  form: AppendixForm;
  headerRow: number;
  firstRow: number;
  lastRow: number;
  /** The table's last column ("Ghi chú"). */
  lastCol: number;
  /** The report date's cell; null on the plan form, which has none. */
  reportDateCell: string | null;
  /** Row of each indicator, by code. */
  rows: Record<string, number>;
}

export function indicatorSheetEdits(input: IndicatorSheetInput): { edits: SheetWriter["edits"]; layout: IndicatorSheetLayout } {
  const { sheet, catalog } = input;
  const { type, year } = input.heading;
  const form = input.form ?? "ke-hoach";
  const report = form === "bao-cao";
  const C = INDICATOR_COLS;
  const P = INDICATOR_PLAN_COLS;
  const last = report ? INDICATOR_LAST_COL : P.note;
  const widths = report ? INDICATOR_WIDTHS : INDICATOR_PLAN_WIDTHS;
  const headers = indicatorHeaders(year, form);
  const w = new SheetWriter(sheet);
  w.push({ op: "addSheet", sheet });
  // The heading spans the plan form's kept-free columns too (hidden, they take no width).
  writeHeading(w, { ...input.heading, numeral: "I", title: `Danh mục các chỉ tiêu cụ thể năm ${year}`, lastCol: widths.length, leftCols: 3, widths });
  if (report) writeSetting(w, REPORT_DATE_ROW, last, "Ngày báo cáo:", reportDateInput(input.reportDate, input.today), { numberFormat: DATE_FORMAT });

  const first = HEADER_ROW + 1;
  const rows: CellInput[][] = [];
  const targetFormats: { row: number; value: string | null }[] = [];
  const groupRows: number[] = [];
  const byCode: Record<string, number> = {};
  let row = first;
  for (const g of groupedIndicators(catalog)) {
    rows.push([g.numeral, null, groupTitle(g.group.name, g.indicators.length), ...Array<CellInput>(report ? C.resultValue - 3 : last - 3).fill(null)]);
    groupRows.push(row);
    targetFormats.push({ row, value: null });
    row++;
    g.indicators.forEach((ind, i) => {
      const target = catalogTarget(catalog, ind);
      const cell = targetCell(target);
      const plan: CellInput[] = [i + 1, ind.code, ind.name, ind.unit, cell.value, defaultLead(catalog, ind, type), null];
      if (!report) {
        rows.push([...plan, null]);
      } else {
        const percentUnit = target.kind === "numeric" ? target.percent : (catalog.units.find((u) => u.code === ind.unit)?.percent ?? false);
        const f = liveAchievementFormulas(
          {
            target: a1(row, C.target),
            result: a1(row, C.result),
            comparator: a1(row, C.comparator),
            value: a1(row, C.targetValue),
            resultText: a1(row, C.resultText),
            resultValue: a1(row, C.resultValue),
          },
          {
            percentUnit,
            countUnit: catalog.units.find((u) => u.code === ind.unit)?.count ?? false,
            defaultComparator: target.kind === "numeric" ? target.comparator : ">=",
          },
        );
        rows.push([
          ...plan,
          null,
          // No result is typed yet: rate and verdict show nothing; the helpers read the target as written.
          { formula: f.rate, value: "" },
          { formula: f.verdict, value: "" },
          null,
          { formula: f.comparator, value: helperValues(target).comparator },
          { formula: f.value, value: helperValues(target).value },
          { formula: f.resultText, value: "" },
          { formula: f.resultValue, value: "" },
        ]);
      }
      targetFormats.push({ row, value: cell.numberFormat });
      byCode[ind.code] = row;
      row++;
    });
  }
  const lastRow = first + rows.length - 1;

  // Styles before values, so numbers land in cells that already carry their format.
  w.style(`A${HEADER_ROW}:${a1(lastRow, last)}`, { fontName: FONT, fontSize: TABLE_SIZE, border: true, wrap: true, vertical: "middle" });
  w.style(rowRange(HEADER_ROW, 1, last), { bold: true, horizontal: "center", fill: COLORS.headerFill });
  if (report) {
    w.style(`${a1(HEADER_ROW, C.comparator)}:${a1(lastRow, C.resultValue)}`, { fontName: FONT, fontSize: TABLE_SIZE });
    // The text helpers ("≥", "định tính", the result as text) are not displayed (their values
    // stay, for the formulas and the formula bar): text in a hidden column still runs out of
    // it to the right in LibreOffice, which counts it into the width it fits to the page.
    for (const c of [C.comparator, C.resultText]) w.style(colRange(c, first, lastRow), { numberFormat: ";;;" });
  }
  const centred = report ? [C.number, C.code, C.unit, C.target, C.result, C.rate, C.verdict] : [P.number, P.code, P.unit, P.target];
  for (const c of centred) w.style(colRange(c, first, lastRow), { horizontal: "center" });
  for (const r of groupRows) {
    w.style(rowRange(r, 1, last), { bold: true, fill: COLORS.groupFill });
    // The group's title runs across the table rather than wrapping in the name column.
    w.merge(rowRange(r, C.name, last));
  }
  for (const run of runs(targetFormats)) if (run.value) w.style(colRange(C.target, run.from, run.to), { numberFormat: run.value });
  if (report) w.style(colRange(C.rate, first, lastRow), { numberFormat: "0%" });

  w.values(HEADER_ROW, 1, [report ? [...headers, ...ALL_HELPER_HEADERS] : headers]);
  w.values(first, 1, rows);
  w.rowHeight(HEADER_ROW, rowHeightFor(headers.map((text, i) => ({ text, width: widths[i], bold: true }))));
  const across = widths.slice(C.name - 1, last).reduce((a, b) => a + b, 0);
  rows.forEach((cells, i) => {
    const group = groupRows.includes(first + i);
    const texts = group
      ? [{ text: String(cells[C.name - 1] ?? ""), width: across, bold: true }]
      : cells.slice(0, last).map((v, j) => ({ text: typeof v === "string" ? v : "", width: widths[j] }));
    w.rowHeight(first + i, rowHeightFor(texts));
  });

  w.push(
    {
      op: "columnWidths",
      sheet,
      widths: report
        ? [
            ...INDICATOR_WIDTHS.map((width, i) => ({ col: i + 1, width })),
            ...[C.comparator, C.targetValue, C.resultText, C.resultValue].map((col) => ({ col, width: 10, hidden: true })),
          ]
        : INDICATOR_PLAN_COMPUTED_WIDTHS.map((computed, i) => {
            const width = INDICATOR_PLAN_WIDTHS[i];
            // Hidden columns keep a width of their own for whoever shows them.
            return width > 0 ? { col: i + 1, width } : { col: i + 1, width: i + 1 === P.code ? CODE_WIDTH : computed, hidden: true };
          }),
    },
    { op: "freeze", sheet, rows: HEADER_ROW },
    pageSetupFor(sheet, { widths, tableSize: TABLE_SIZE, titleRows: `${HEADER_ROW}:${HEADER_ROW}` }),
  );
  if (report) w.push({ op: "dateValidation", sheet, range: a1(REPORT_DATE_ROW, last), prompt: REPORT_DATE_PROMPT });
  if (input.lists.units) {
    w.push({
      op: "listValidation",
      sheet,
      range: colRange(C.unit, first, lastRow),
      source: input.lists.units,
      prompt: { title: "Đơn vị tính", message: "Chọn đơn vị tính trong danh sách (trang Danh mục)." },
    });
  }
  if (input.lists.bodies) w.push(leadValidation(sheet, colRange(C.lead, first, lastRow), input.lists.bodies));
  if (report) {
    for (const [equals, color] of [
      ["Chưa đạt", COLORS.red],
      ["Đạt", COLORS.green],
      ["Vượt", COLORS.green],
    ] as const) {
      w.push({ op: "conditionalFormat", sheet, range: colRange(C.verdict, first, lastRow), equals, fill: color.fill, fontColor: color.font });
    }
  }
  return {
    edits: w.edits,
    layout: {
      sheet,
      form,
      headerRow: HEADER_ROW,
      firstRow: first,
      lastRow,
      lastCol: last,
      reportDateCell: report ? a1(REPORT_DATE_ROW, last) : null,
      rows: byCode,
    },
  };
}
