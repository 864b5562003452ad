/**
 * What every check of one table shares: the table, the catalog, the commune's type,
 * the plan year, and the list findings are added to (with severity and row filled in
 * from the code and the cell, so no check can get them inconsistent).
 */
import type { Finding, Fix } from "../finding";
import type { Catalog } from "../match";
import type { Cell, Column, Role, Table, TableRow } from "../reader";
import type { UnitType } from "../../catalog/types";
import type { CatalogIndicator } from "../../catalog/types";
import { a1, parseA1 } from "../address";
import { severityOf, type FindingCode } from "./codes";

export interface CheckEnv {
  sheet: string;
  table: Table;
  catalog: Catalog;
  /** The commune's type on the document's date, when known: decides "Công an xã" vs "Công an phường". */
  unitType: UnitType | null;
  planYear: number;
  /** Catalog entry of each indicator row, by sheet row. */
  indicatorOf: Map<number, CatalogIndicator | null>;
  findings: Finding[];
  /** The row number a message cites, as the person counts rows (a Word table's own row); the sheet row when absent. */
  rowNumber?: (row: number) => number;
}

/** The row as the person counts it: in a table read from Word, the table's row, not the sheet's. */
export function lineOf(env: CheckEnv, row: number): number {
  return env.rowNumber ? env.rowNumber(row) : row;
}

/** "dòng 14" as the person finds it. */
export function rowName(env: CheckEnv, row: number): string {
  return `dòng ${lineOf(env, row)}`;
}

export function column(env: CheckEnv, role: Role): Column | undefined {
  return env.table.columns.find((c) => c.role === role);
}

/** The row's own cell of a role (not one merged into it from a row above), if any. */
export function ownCell(row: TableRow, role: Role, env: CheckEnv): Cell | undefined {
  const col = column(env, role);
  const cell = row.cells[role];
  if (!col || !cell) return undefined;
  return cell.address === a1(row.row, col.col) ? cell : undefined;
}

/** The address a finding about a role in a row points at, even when the cell is blank. */
export function addressOf(row: TableRow, role: Role, env: CheckEnv): string | null {
  const cell = row.cells[role];
  if (cell) return cell.address;
  const col = column(env, role);
  return col ? a1(row.row, col.col) : null;
}

/** The name cell's address, or the row's first cell. */
export function nameAddress(row: TableRow): string {
  return row.cells.name?.address ?? row.cells.parentTask?.address ?? a1(row.row, 1);
}

export function add(env: CheckEnv, code: FindingCode, cell: string, message: string, fix?: Fix, candidates?: Finding["candidates"]): void {
  env.findings.push({
    code,
    severity: severityOf(code),
    sheet: env.sheet,
    cell,
    row: parseA1(cell).row,
    message,
    ...(fix ? { fix } : {}),
    ...(candidates && candidates.length ? { candidates } : {}),
  });
}

/** “text” in Vietnamese quotation marks, shortened when long. */
export function q(text: string, max = 80): string {
  const t = text.length > max ? text.slice(0, max - 1).trimEnd() + "…" : text;
  return `“${t}”`;
}

/** "A, B hoặc C" */
export function orList(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} hoặc ${items[items.length - 1]}`;
}

export function typeWord(t: UnitType): string {
  return t === "phuong" ? "phường" : "xã";
}
