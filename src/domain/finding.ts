/**
 * A finding of the checker, in the manner of Frictionless's validation reports:
 * a stable code people can search for, a severity, a location, and a message in
 * Vietnamese that says what is wrong and what is expected.
 */
import type { CellValue } from "./snapshot";

export type Severity = "error" | "warning" | "info";

export interface Fix {
  /** What the fix does, in Vietnamese ("Sửa thành “Phòng Văn hóa - Xã hội”"). */
  label: string;
  /** The one cell it writes and the value it writes there. */
  cell: string;
  value: CellValue;
}

export interface Finding {
  /** Stable code, kebab-case: "unit-missing", "lead-missing", "target-below-province". */
  code: string;
  severity: Severity;
  sheet: string;
  /** A1 address of the cell the finding is about (the row's first cell for row-level findings). */
  cell: string;
  /** 1-based row, for grouping findings by row. */
  row: number;
  message: string;
  fix?: Fix;
  /**
   * For a row the catalog could not place ("indicator-unknown"): the closest catalog
   * entries, best first, for the official to pick one; the pick is written into the
   * row's "Mã" column (planAssignCode).
   */
  candidates?: { code: string; name: string }[];
}

export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
