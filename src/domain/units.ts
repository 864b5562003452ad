/**
 * What kind of quantity a row measures, from the unit it writes (or, when it writes
 * none, the unit the catalog gives its indicator): a percentage, a count of things,
 * or something else (money, unknown words). Every command asks here, so "Số người"
 * and "Người" are one unit everywhere.
 */
import type { CatalogIndicator, UnitOfMeasure } from "../catalog/types";
import type { Catalog } from "./match";
import { matchUnit, unitByCode } from "./match";
import { isPercentUnit } from "./achieve";
import { foldKey } from "./text";

export interface UnitKind {
  /** The catalog's unit the text names, if any. */
  unit: UnitOfMeasure | null;
  /** A percentage; null when neither the row nor the catalog says. */
  percent: boolean | null;
  /** A count of things (people, dossiers, models): whole numbers. */
  count: boolean;
}

/** Words that make a unit a count even when the catalog does not list it ("Buổi", "Tin, bài"). */
const COUNT_HEAD = /^(so|so luong|luot|buoi|cuoc|tin|bai|nguoi|ho|hoi nghi|lop|diem|mo hinh|sang kien|doanh nghiep|san pham|ung dung|tai khoan|ho so|thu tuc|van ban|chuong trinh|de tai|hoat dong|trang)( |$)/;

export function unitKind(catalog: Catalog, unitText: string, item: CatalogIndicator | null): UnitKind {
  if (unitText) {
    const unit = matchUnit(catalog, unitText);
    const percent = unit?.percent ?? isPercentUnit(unitText);
    const count = unit ? unit.count : !percent && COUNT_HEAD.test(foldKey(unitText));
    return { unit, percent, count };
  }
  const unit = unitByCode(catalog, item?.unit ?? null);
  return { unit, percent: unit ? unit.percent : null, count: unit?.count ?? false };
}
