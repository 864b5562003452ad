/** Shapes of the province's reference lists. The data modules beside this file fill them. */

export type Comparator = ">=" | ">" | "<=" | "<" | "=";

/** Which way a result is better. */
export type Direction = "higher" | "lower" | "exact" | "qualitative";

/** A source document a list was built from. */
export interface SourceDocument {
  id: string;
  title: string;
  date: string; // ISO yyyy-mm-dd
}

export interface CatalogIndicator {
  /** Stable code, never reused: "HT-01", "NL-03", "KH-02", "CDS-14". */
  code: string;
  /** Group code: "HT" hạ tầng số, "NL" nguồn nhân lực, "KH" khoa học công nghệ & ĐMST, "CDS" chuyển đổi số. */
  group: string;
  /** Canonical Vietnamese name (NFC). */
  name: string;
  /** Other wordings seen in the plans (NFC, as written). */
  aliases: string[];
  /** Canonical unit of measure (a UnitOfMeasure.code), or null when the plans give none. */
  unit: string | null;
  /** The province's target: numeric (value in the unit; for % a fraction 0.6 = 60%) or qualitative text. */
  target:
    | { kind: "numeric"; comparator: Comparator; value: number }
    | { kind: "qualitative"; text: string };
  direction: Direction;
  /** Targets other plans carry for the same indicator, as written, with the seed they come from. */
  otherTargets?: { text: string; source: string }[];
  /** Which seeds carry this indicator (file names). */
  seenIn: string[];
}

export interface IndicatorGroup {
  code: string;
  /** Roman numeral the standard appendix uses. */
  numeral: string;
  name: string;
  aliases: string[];
}

export interface UnitOfMeasure {
  /** Canonical spelling as the appendix writes it: "%", "Sáng kiến", "Mô hình", "DN", "% GRDP", ... */
  code: string;
  /** Spellings seen or expected ("phần trăm", "Doanh nghiệp", "sáng kiến"). */
  aliases: string[];
  /** True when values are percentages (stored as fractions: 0.6 = 60%). */
  percent: boolean;
  /** Counts of things (integers). */
  count: boolean;
}

export type UnitType = "xa" | "phuong";

export interface Body {
  /** Stable code: "VH-XH", "VP", "KT", "KT-HT-DT", "TTPVHCC", "CA", "TYT", ... */
  code: string;
  /**
   * Canonical name; "{unit}" stands for "xã" or "phường" as the commune's type requires
   * ("Công an {unit}" → "Công an xã" / "Công an phường").
   */
  name: string;
  /** Short form officials write ("Phòng VH-XH"). */
  short: string;
  /** Spellings seen (with their own xã/phường words kept as written). */
  aliases: string[];
  /** Only in communes (xã), only in wards (phường), or both. */
  only?: UnitType;
  /** A collective name ("Các phòng, ban, đơn vị") rather than one body. */
  collective?: boolean;
}

export interface Commune {
  /** Official code (Decision 19/2025/QĐ-TTg). */
  code: string;
  /** Name without its type word: "Tân Lợi", "Minh Hưng". */
  name: string;
  /** Type as of 01/7/2025. */
  type: UnitType;
  /** A later change of type: this commune is `type` until the date, `to` from it. */
  change?: { to: UnitType; from: string; by: string };
}
