/**
 * The catalog the checker and the consolidator match against: the built-in lists,
 * or a newer indicator list a workbook carries in its own "Danh mục" sheet.
 */
import {
  AMBIGUOUS_BODY_NAMES,
  BODIES,
  CATALOG_VERSION,
  COMMUNES,
  INDICATOR_GROUPS,
  INDICATOR_SOURCE,
  INDICATORS,
  UNITS_OF_MEASURE,
  type CatalogIndicator,
} from "../catalog";
import type { Catalog } from "./match";
import { matchUnit } from "./match";
import type { SheetSnapshot } from "./snapshot";
import { readTable } from "./reader";
import { parseTarget } from "./target";
import { foldKey } from "./text";

let builtin: Catalog | null = null;

const CODE = /^[A-Z]{1,5}-\d{1,3}$/;

export function defaultCatalog(): Catalog {
  builtin ??= {
    version: CATALOG_VERSION,
    source: INDICATOR_SOURCE.title,
    targetSource: "reference",
    indicators: INDICATORS,
    groups: INDICATOR_GROUPS,
    units: UNITS_OF_MEASURE,
    bodies: BODIES,
    ambiguousBodies: AMBIGUOUS_BODY_NAMES,
    communes: COMMUNES,
  };
  return builtin;
}

/** The sheet name a workbook's own list lives in. */
export const LIST_SHEET = "Danh mục";

/**
 * A catalog whose indicator list comes from a workbook's "Danh mục" sheet (a later
 * province update pasted in by the focal point), when that sheet holds an indicator
 * table with codes. Entries keep the built-in aliases of the same code, so older
 * wordings still match. Returns the base catalog when the sheet has no such table.
 */
export function catalogWithListSheet(base: Catalog, sheet: SheetSnapshot): { catalog: Catalog; replaced: number } {
  const read = readTable(sheet);
  if (!read.ok || !read.table.columns.some((c) => c.role === "code")) return { catalog: base, replaced: 0 };
  const byCode = new Map(base.indicators.map((i) => [i.code, i]));
  const indicators: CatalogIndicator[] = [];
  let group = base.groups[0]?.code ?? "";
  for (const row of read.table.rows) {
    if (row.kind === "group") {
      const g = base.groups.find((x) => x.numeral === row.number || foldKey(x.name) === foldKey(row.title ?? ""));
      if (g) group = g.code;
      continue;
    }
    const code = row.cells.code?.text;
    const name = row.cells.name?.text;
    // A code the province would issue ("HT-01", "CDS-17"), once: anything else in a
    // hand-made sheet is not a list update.
    if (!code || !name || !CODE.test(code) || indicators.some((i) => i.code === code)) continue;
    const unit = row.cells.unit?.text ? (matchUnit(base, row.cells.unit.text)?.code ?? row.cells.unit.text) : null;
    const percentUnit = unit !== null && (base.units.find((u) => u.code === unit)?.percent ?? false);
    const parsed = row.cells.target ? parseTarget(row.cells.target.value, { numberFormat: row.cells.target.numberFormat, percentUnit }) : null;
    const known = byCode.get(code);
    const target: CatalogIndicator["target"] =
      parsed?.ok && parsed.target.kind === "numeric"
        ? { kind: "numeric", comparator: parsed.target.comparator, value: parsed.target.value }
        : parsed?.ok && parsed.target.kind === "qualitative"
          ? { kind: "qualitative", text: parsed.target.text }
          : (known?.target ?? { kind: "qualitative", text: "" });
    indicators.push({
      code,
      group: known?.group ?? group,
      name,
      aliases: known ? [known.name, ...known.aliases].filter((a) => a !== name) : [],
      unit,
      target,
      direction:
        target.kind === "qualitative" ? "qualitative" : target.comparator === "<=" || target.comparator === "<" ? "lower" : "higher",
      seenIn: known?.seenIn ?? [],
    });
  }
  const items = read.table.rows.filter((r) => r.kind !== "group").length;
  if (indicators.length === 0 || indicators.length < items / 2) return { catalog: base, replaced: 0 };
  return {
    catalog: { ...base, indicators, source: `Trang "${sheet.name}" trong sổ làm việc`, targetSource: "province" },
    replaced: indicators.length,
  };
}
