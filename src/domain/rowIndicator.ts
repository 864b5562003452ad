/**
 * Which catalog indicator a row of an indicator table is: the code in its "Mã" column
 * when one is written (the add-in's template writes it, and an official who confirmed
 * a suggestion wrote it), else its name, matched with the row's unit and the kind of
 * its target as evidence. One answer for every command: check, compute and
 * consolidate all ask here, so they never disagree on what a row is.
 */
import type { CatalogIndicator } from "../catalog/types";
import type { Catalog, Match } from "./match";
import { matchIndicator } from "./match";
import type { TableRow } from "./reader";
import { parseTarget } from "./target";

export interface RowIndicator {
  item: CatalogIndicator | null;
  /** How the row was identified: its code, its name, or not at all. */
  via: "code" | "name" | null;
  /** The closest entries by name, best first (also when the name matched, for a pick list). */
  candidates: Match<CatalogIndicator>[];
  /** A code written in the row that the catalog does not have ("HT-99"), if any. */
  unknownCode: string | null;
}

/** The catalog entry with this code (any case), or null. */
export function indicatorByCode(catalog: Catalog, code: string): CatalogIndicator | null {
  const k = code.trim().toUpperCase();
  return catalog.indicators.find((i) => i.code.toUpperCase() === k) ?? null;
}

export function rowIndicator(catalog: Catalog, row: TableRow): RowIndicator {
  const code = row.cells.code?.text ?? "";
  const byCode = code ? indicatorByCode(catalog, code) : null;
  const name = row.cells.name?.text ?? "";
  const target = row.cells.target;
  const parsed = target && target.value !== null ? parseTarget(target.value, { numberFormat: target.numberFormat }) : null;
  const m = name
    ? matchIndicator(catalog, name, {
        unit: row.cells.unit?.text || null,
        qualitative: parsed?.ok ? parsed.target.kind === "qualitative" : null,
      })
    : { best: null, candidates: [] };
  if (byCode) return { item: byCode, via: "code", candidates: m.candidates, unknownCode: null };
  return { item: m.best?.item ?? null, via: m.best ? "name" : null, candidates: m.candidates, unknownCode: code || null };
}
