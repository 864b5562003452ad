/**
 * The "Danh mục" sheet: the lists the inserted appendices offer in their drop-downs
 * (units of measure, bodies, task statuses) and the province's indicator list with
 * codes. The add-in writes it once per workbook and never rewrites it: the focal
 * point may paste a later province list over the indicator table, and
 * catalogWithListSheet then reads that list instead of the built-in one.
 *
 * The drop-downs refer to the lists through workbook names (NQ57_DS_*), so they keep
 * working when rows are added to a list or the sheet is renamed.
 */
import type { Catalog } from "../match";
import { bodyName, unitByCode } from "../match";
import type { CatalogIndicator, IndicatorGroup, UnitType } from "../../catalog/types";
import type { CellInput, Edit } from "../edits";
import type { Target } from "../target";
import { targetNumberFormat } from "../target";
import { STATUS_LABELS } from "../status";
import { LIST_SHEET } from "../catalog";
import { BODY_SIZE, COLORS, FONT, SheetWriter, TITLE_SIZE, colRange, rowRange, runs } from "./common";
import { rowHeightFor } from "./metrics";
import { pageSetupFor } from "./print";
import { freeMarkerName, markerOf, parseSheetRef, sheetRangeFormula } from "./marker";

export { LIST_SHEET };

/** Workbook names of the drop-down lists. */
export const LIST_NAMES = {
  units: "NQ57_DS_DVT",
  bodies: "NQ57_DS_DONVI",
  statuses: "NQ57_DS_TINHTRANG",
} as const;

export const LIST_HEADER_ROW = 4;

/** Widths of columns A–I, in characters. */
const LIST_WIDTHS = [6, 10, 70, 14, 20, 3, 22, 44, 20];
const FIRST_ROW = LIST_HEADER_ROW + 1;

/** Columns of the Danh mục sheet: the indicator table, a spacer, then the three lists. */
export const LIST_COLS = { number: 1, code: 2, name: 3, unit: 4, target: 5, units: 7, bodies: 8, statuses: 9 } as const;
const LAST_COL = LIST_COLS.statuses;

/** The target of a catalog indicator in the domain's terms (percent from its unit). */
export function catalogTarget(catalog: Catalog, ind: CatalogIndicator): Target {
  if (ind.target.kind === "qualitative") return { kind: "qualitative", text: ind.target.text };
  const percent = unitByCode(catalog, ind.unit)?.percent ?? false;
  return { kind: "numeric", comparator: ind.target.comparator, value: ind.target.value, percent };
}

/** A target as a cell holds it: a number whose format shows the comparator, or the text. */
export function targetCell(target: Target): { value: CellInput; numberFormat: string | null } {
  if (target.kind === "qualitative") return { value: target.text, numberFormat: null };
  return { value: target.value, numberFormat: targetNumberFormat(target) };
}

/** The catalog's indicators under their groups, in the order of the standard appendix. */
export function groupedIndicators(catalog: Catalog): { group: IndicatorGroup; numeral: string; indicators: CatalogIndicator[] }[] {
  const out: { group: IndicatorGroup; numeral: string; indicators: CatalogIndicator[] }[] = [];
  const known = new Set(catalog.groups.map((g) => g.code));
  for (const g of catalog.groups) {
    const indicators = catalog.indicators.filter((i) => i.group === g.code);
    if (indicators.length) out.push({ group: g, numeral: g.numeral, indicators });
  }
  const others = catalog.indicators.filter((i) => !known.has(i.group));
  if (others.length) {
    const numeral = ROMAN[out.length] ?? String(out.length + 1);
    out.push({ group: { code: "", numeral, name: "Chỉ tiêu khác", aliases: [] }, numeral, indicators: others });
  }
  // Numerals follow the order the groups appear in, whatever the catalog says.
  return out.map((g, i) => ({ ...g, numeral: ROMAN[i] ?? String(i + 1) }));
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

/** "Phát triển hạ tầng số (04 chỉ tiêu)". */
export function groupTitle(name: string, count: number): string {
  return `${name} (${String(count).padStart(2, "0")} chỉ tiêu)`;
}

/** The bodies a drop-down offers in a commune or a ward, named as that type writes them. */
export function bodyChoices(catalog: Catalog, type: UnitType): string[] {
  return catalog.bodies.filter((b) => !b.only || b.only === type).map((b) => bodyName(b, type));
}

/** How the appendices refer to the lists, whichever way they were provided. */
export interface ListRefs {
  units: string | null;
  bodies: string | null;
  statuses: string | string[];
}

/** The edits that create the Danh mục sheet. */
export function listSheetEdits(opts: {
  sheet: string;
  catalog: Catalog;
  type: UnitType;
  year: number;
  existingNames: Record<string, string>;
}): { edits: Edit[]; refs: ListRefs; indicatorRows: number } {
  const { sheet, catalog, type, year } = opts;
  const w = new SheetWriter(sheet);
  w.push({ op: "addSheet", sheet });

  w.value(1, 1, "DANH MỤC DÙNG CHUNG CỦA PHỤ LỤC NQ57");
  w.merge(rowRange(1, 1, LAST_COL));
  w.style(rowRange(1, 1, LAST_COL), { fontName: FONT, fontSize: TITLE_SIZE, bold: true, horizontal: "center" });
  w.value(
    2,
    1,
    "Trang này do Phụ lục NQ57 tạo một lần cho sổ làm việc; các phụ lục lấy danh sách chọn từ đây. " +
      "Khi tỉnh ban hành danh mục chỉ tiêu mới, dán danh mục mới vào bảng bên trái (giữ đúng các cột), không xóa trang này.",
  );
  w.merge(rowRange(2, 1, LAST_COL));
  w.style(rowRange(2, 1, LAST_COL), { fontName: FONT, fontSize: BODY_SIZE, italic: true, wrap: true, vertical: "top" });
  w.rowHeight(2, 36);

  // The indicator table, laid out so that readTable and catalogWithListSheet read it back.
  const header = ["STT", "Mã", "Nội dung chỉ tiêu", "Đơn vị tính", `Chỉ tiêu năm ${year}`];
  const rows: CellInput[][] = [];
  const formats: { row: number; value: string | null }[] = [];
  const groupRows: number[] = [];
  let row = FIRST_ROW;
  for (const g of groupedIndicators(catalog)) {
    rows.push([g.numeral, null, groupTitle(g.group.name, g.indicators.length), null, null]);
    groupRows.push(row);
    formats.push({ row, value: null });
    row++;
    g.indicators.forEach((ind, i) => {
      const t = targetCell(catalogTarget(catalog, ind));
      rows.push([i + 1, ind.code, ind.name, ind.unit, t.value]);
      formats.push({ row, value: t.numberFormat });
      row++;
    });
  }
  const lastIndicatorRow = FIRST_ROW + rows.length - 1;

  const units = catalog.units.map((u) => u.code);
  const bodies = bodyChoices(catalog, type);
  const statuses = [STATUS_LABELS["not-started"], STATUS_LABELS["in-progress"], STATUS_LABELS.done];
  const lists: [number, string, string[]][] = [
    [LIST_COLS.units, "Danh sách đơn vị tính", units],
    [LIST_COLS.bodies, "Danh sách cơ quan, đơn vị", bodies],
    [LIST_COLS.statuses, "Danh sách tình trạng", statuses],
  ];

  // Styles first: a number written into a cell that already has a format keeps it.
  const tableStyle = { fontName: FONT, fontSize: BODY_SIZE, border: true, wrap: true, vertical: "middle" as const };
  w.style(`A${LIST_HEADER_ROW}:E${lastIndicatorRow}`, tableStyle);
  w.style(rowRange(LIST_HEADER_ROW, 1, 5), { bold: true, horizontal: "center", fill: COLORS.headerFill });
  for (const c of [LIST_COLS.number, LIST_COLS.code, LIST_COLS.unit, LIST_COLS.target]) {
    w.style(colRange(c, FIRST_ROW, lastIndicatorRow), { horizontal: "center" });
  }
  for (const r of groupRows) w.style(rowRange(r, 1, 5), { bold: true, fill: COLORS.groupFill });
  for (const run of runs(formats)) if (run.value) w.style(colRange(LIST_COLS.target, run.from, run.to), { numberFormat: run.value });
  for (const [col, , items] of lists) {
    w.style(colRange(col, LIST_HEADER_ROW, LIST_HEADER_ROW + items.length), tableStyle);
    w.style(colRange(col, LIST_HEADER_ROW, LIST_HEADER_ROW), { bold: true, horizontal: "center", fill: COLORS.headerFill });
  }

  w.values(LIST_HEADER_ROW, 1, [header]);
  w.values(FIRST_ROW, 1, rows);
  for (const [col, label, items] of lists) w.values(LIST_HEADER_ROW, col, [[label], ...items.map((i) => [i])]);
  // Heights from every text on the row, the table's and the lists'.
  const height = (r: number, texts: { col: number; text: string }[], bold = false) =>
    w.rowHeight(r, rowHeightFor(texts.map((t) => ({ text: t.text, width: LIST_WIDTHS[t.col - 1], bold })), BODY_SIZE));
  const lastRow = Math.max(lastIndicatorRow, ...lists.map(([, , items]) => LIST_HEADER_ROW + items.length));
  for (let r = LIST_HEADER_ROW; r <= lastRow; r++) {
    const texts: { col: number; text: string }[] = [];
    const tableRow = r === LIST_HEADER_ROW ? header : rows[r - FIRST_ROW];
    tableRow?.forEach((v, j) => typeof v === "string" && texts.push({ col: j + 1, text: v }));
    for (const [col, label, items] of lists) {
      const t = r === LIST_HEADER_ROW ? label : items[r - FIRST_ROW];
      if (t) texts.push({ col, text: t });
    }
    height(r, texts, r === LIST_HEADER_ROW || groupRows.includes(r));
  }

  w.push(
    {
      op: "columnWidths",
      sheet,
      widths: LIST_WIDTHS.map((width, i) => ({ col: i + 1, width })),
    },
    { op: "freeze", sheet, rows: LIST_HEADER_ROW },
    // Hidden, so it never prints with the appendices; set up all the same for whoever shows and prints it.
    pageSetupFor(sheet, { widths: LIST_WIDTHS, tableSize: BODY_SIZE, titleRows: `${LIST_HEADER_ROW}:${LIST_HEADER_ROW}` }),
  );

  const listRange = (col: number, n: number) => `${colRange(col, FIRST_ROW, FIRST_ROW + n - 1)}`;
  const marker = freeMarkerName("lists", catalog.version, Object.keys(opts.existingNames));
  // A workbook may still hold the names of a Danh mục someone deleted (#REF!): never redefine them.
  const names = {
    units: freeName(LIST_NAMES.units, opts.existingNames),
    bodies: freeName(LIST_NAMES.bodies, opts.existingNames),
    statuses: freeName(LIST_NAMES.statuses, opts.existingNames),
  };
  w.push(
    { op: "defineName", name: names.units, formula: sheetRangeFormula(sheet, listRange(LIST_COLS.units, units.length)) },
    { op: "defineName", name: names.bodies, formula: sheetRangeFormula(sheet, listRange(LIST_COLS.bodies, bodies.length)) },
    { op: "defineName", name: names.statuses, formula: sheetRangeFormula(sheet, listRange(LIST_COLS.statuses, statuses.length)) },
    {
      op: "defineName",
      name: marker,
      formula: sheetRangeFormula(sheet, rowRange(LIST_HEADER_ROW, 1, LAST_COL)),
      comment: "Phụ lục NQ57: trang danh mục dùng chung",
    },
  );
  return {
    edits: w.edits,
    refs: { units: `=${names.units}`, bodies: `=${names.bodies}`, statuses: `=${names.statuses}` },
    indicatorRows: rows.length,
  };
}

/**
 * How the appendices reach the lists of a Danh mục sheet that already exists: through
 * its names when it is the add-in's own; otherwise (a sheet of that name made by a
 * person, or one whose names were lost) only the status list, written into the rule
 * itself, and no unit or body drop-down rather than a drop-down pointing at cells
 * whose meaning we do not know.
 */
export function existingListRefs(sheet: string, names: Record<string, string>): { refs: ListRefs; ours: boolean } {
  const units = listNameOn(LIST_NAMES.units, sheet, names);
  const bodies = listNameOn(LIST_NAMES.bodies, sheet, names);
  const statuses = listNameOn(LIST_NAMES.statuses, sheet, names);
  const ours = markerOf(names, sheet)?.kind === "lists" && units !== null && bodies !== null && statuses !== null;
  if (ours) return { refs: { units: `=${units}`, bodies: `=${bodies}`, statuses: `=${statuses}` }, ours };
  return {
    refs: { units: null, bodies: null, statuses: [STATUS_LABELS["not-started"], STATUS_LABELS["in-progress"], STATUS_LABELS.done] },
    ours,
  };
}

/** `base`, or `base_2`, `base_3`, ... whichever the workbook does not use yet. */
function freeName(base: string, names: Record<string, string>): string {
  const taken = new Set(Object.keys(names).map((n) => n.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`.toLowerCase())) return `${base}_${n}`;
}

/** The list name (`base` or `base_n`) that refers to a range on `sheet`, if any. */
function listNameOn(base: string, sheet: string, names: Record<string, string>): string | null {
  const pattern = new RegExp(`^${base}(_\\d+)?$`, "i");
  const key = (s: string) => s.normalize("NFC").toLocaleLowerCase("vi");
  for (const [name, formula] of Object.entries(names)) {
    const ref = pattern.test(name) ? parseSheetRef(formula) : null;
    if (ref && key(ref.sheet) === key(sheet)) return name;
  }
  return null;
}
