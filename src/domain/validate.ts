/**
 * The checker: a sheet (or every sheet of a workbook) → findings, each with a stable
 * code, a severity, the cell it is about, a Vietnamese message and, where one value
 * settles it, a fix. Works on any layout the reader understands, whether the add-in
 * inserted the table or an official typed it in their own layout.
 *
 * Pure: no host, no clock. The as-of date and the plan year are parameters.
 */
import type { Commune, UnitType } from "../catalog/types";
import type { Finding, Severity } from "./finding";
import { countBySeverity } from "./finding";
import type { SheetSnapshot, WorkbookSnapshot } from "./snapshot";
import type { IsoDate } from "./dates";
import { isoDate, isValidDate } from "./dates";
import { readTable, type RowKind, type Table, type TableRow } from "./reader";
import { communeTypeOn, findCommune, indicatorNameTest, type Catalog, type CommuneInText } from "./match";
import { catalogWithListSheet, LIST_SHEET } from "./catalog";
import { a1, columnNumber } from "./address";
import { rowNumber } from "./location";
import { cellText, foldKey } from "./text";
import { add, type CheckEnv, q, typeWord } from "./validate/env";
import { checkColumns, checkCounts, checkDuplicates, checkGroupRows, checkNames, checkNumbering } from "./validate/structure";
import { checkIndicatorRow, identify } from "./validate/indicators";
import { checkBodies } from "./validate/bodies";
import { checkDeadline, checkOutput, checkProgress } from "./validate/tasks";
import { severityOf } from "./validate/codes";

export { FINDING_CODES, SEVERITY_LABELS, findingCodeInfo, type FindingCode, type FindingCodeInfo } from "./validate/codes";

/** The plan year when neither the option nor the sheet says otherwise (the appendices are for 2026). */
export const DEFAULT_PLAN_YEAR = 2026;

export interface CheckContext {
  catalog: Catalog;
  /** The report date: decides whether a commune that changed type is a xã or a phường. */
  asOf?: IsoDate;
  planYear?: number;
  /** Overrides the type read from the heading. */
  unitType?: UnitType;
}

export interface SheetReport {
  name: string;
  kind: "indicators" | "tasks" | "mixed" | "unknown";
  commune: { code: string; name: string; type: UnitType } | null;
  rows: { row: number; kind: RowKind; indicatorCode: string | null }[];
  findings: Finding[];
  counts: Record<Severity, number>;
}

export interface WorkbookReport {
  fileName?: string;
  /** Where the indicator list came from (the built-in list or the workbook's "Danh mục" sheet). */
  catalogSource: string;
  sheets: SheetReport[];
  counts: Record<Severity, number>;
}

interface Fallback {
  /** Heading lines of other sheets of the workbook, and its file name, to find the commune when this sheet does not name it. */
  communeLines?: string[];
}

export function checkSheet(sheet: SheetSnapshot, ctx: CheckContext, fallback: Fallback = {}): SheetReport {
  const read = readTable(sheet, { isIndicatorName: indicatorNameTest(ctx.catalog) });
  if (!read.ok) {
    const f: Finding = { code: "no-header", severity: severityOf("no-header"), sheet: sheet.name, cell: "A1", row: 1, message: read.message };
    return { name: sheet.name, kind: "unknown", commune: null, rows: [], findings: [f], counts: countBySeverity([f]) };
  }
  const table = read.table;
  const planYear = ctx.planYear ?? planYearOf(table) ?? DEFAULT_PLAN_YEAR;
  const env: CheckEnv = {
    sheet: sheet.name,
    table,
    catalog: ctx.catalog,
    unitType: null,
    planYear,
    indicatorOf: new Map(),
    findings: [],
    ...(sheet.source ? { rowNumber: (row: number) => rowNumber(sheet, row) } : {}),
  };
  const commune = resolveCommune(env, sheet, ctx, fallback);

  const missing = checkColumns(env);
  checkCounts(env);
  checkNumbering(env);
  checkGroupRows(env);
  checkNames(env);

  let prevTask: TableRow | null = null;
  for (const row of table.rows) {
    if (row.kind === "group") continue;
    if (row.kind === "indicator") {
      const id = identify(env, row);
      env.indicatorOf.set(row.row, id.item);
      checkIndicatorRow(env, row, id);
      checkBodies(env, row);
      checkDeadline(env, row, false);
    } else {
      checkOutput(env, row, prevTask);
      checkBodies(env, row);
      checkDeadline(env, row, !missing.has("deadline"));
      checkProgress(env, row);
      prevTask = row;
    }
  }
  checkDuplicates(env);

  const findings = tidy(env.findings);
  return {
    name: sheet.name,
    kind: table.kind,
    commune,
    rows: table.rows.map((r) => ({ row: r.row, kind: r.kind, indicatorCode: env.indicatorOf.get(r.row)?.code ?? null })),
    findings,
    counts: countBySeverity(findings),
  };
}

/**
 * Every sheet of a workbook. A "Danh mục" sheet, when present, replaces the built-in
 * indicator list and is not itself checked. Sheets without a table are reported as
 * "unknown"; only when no sheet has a table is that an error (the file is not an
 * appendix at all).
 */
export function checkWorkbook(wb: WorkbookSnapshot, ctx: CheckContext): WorkbookReport {
  const listSheet = wb.sheets.find((s) => foldKey(s.name) === foldKey(LIST_SHEET));
  const catalog = listSheet ? catalogWithListSheet(ctx.catalog, listSheet).catalog : ctx.catalog;
  const sheets = wb.sheets.filter((s) => s !== listSheet);
  // The commune named anywhere in the workbook (or its file name) stands in for sheets without a heading.
  // Stryker disable next-line Regex,ArrayDeclaration: a run of separators read one by one, or one more line that names no commune, finds the same commune
  const communeLines = [...sheets.flatMap((s) => headingLines(s)), ...(wb.fileName ? [wb.fileName.replace(/[_.-]+/g, " ")] : [])];
  const reports = sheets.map((s) => checkSheet(s, { ...ctx, catalog }, { communeLines }));
  if (reports.some((r) => r.kind !== "unknown")) {
    for (const r of reports) {
      if (r.kind !== "unknown") continue;
      r.findings = [];
      r.counts = countBySeverity([]);
    }
  } else {
    // No table anywhere: keep the reader's message on the sheets that have content (the first sheet when none has).
    const withContent = reports.filter((_, i) => sheets[i].values.some((row) => row.some((v) => cellText(v) !== "")));
    for (const r of reports) {
      if (withContent.length === 0 ? r === reports[0] : withContent.includes(r)) continue;
      r.findings = [];
      r.counts = countBySeverity([]);
    }
  }
  const all = reports.flatMap((r) => r.findings);
  return { ...(wb.fileName ? { fileName: wb.fileName } : {}), catalogSource: catalog.source, sheets: reports, counts: countBySeverity(all) };
}

// ---------- commune, plan year ----------

function headingLines(sheet: SheetSnapshot): string[] {
  // Stryker disable next-line ArrayDeclaration: one more line that names no commune finds the same commune
  const out: string[] = [];
  const top = sheet.values.slice(0, 12);
  // Stryker disable next-line ConditionalExpression,MethodExpression: a blank, a number or a date adds a line that names no commune
  for (const row of top) for (const v of row) if (typeof v === "string" && v.trim()) out.push(cellText(v));
  return out;
}

/** The cell above the header whose text names the commune, for pointing a finding at it. */
function headingCell(sheet: SheetSnapshot, table: Table, writtenName: string): string {
  const key = foldKey(writtenName);
  // Stryker disable next-line EqualityOperator: the name was found in the heading, above the header row, so the search ends before it
  for (let r = 1; r < table.headerRow; r++) {
    const row = sheet.values[r - 1] ?? [];
    for (let c = 1; c <= row.length; c++) if (key && foldKey(cellText(row[c - 1])).includes(key)) return a1(r, c);
  }
  return "A1";
}

/** "ngày 12/02/2026", "ngày 12 tháng 02 năm 2026" in the heading: the document's date. */
export function documentDate(lines: string[]): IsoDate | null {
  for (const line of lines) {
    const m =
      line.match(/ngày\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/iu) ??
      line.match(/ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu);
    if (m) {
      const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
      if (isValidDate(y, mo, d)) return isoDate(y, mo, d);
    }
  }
  return null;
}

/**
 * The year the plan is for: "NĂM 2026" in the title or in a column label ("... đến
 * cuối năm 2026"); failing that, the document date, where a plan signed in the last
 * quarter is for the next year (004 is dated ".../11/2025" and plans 2026).
 */
export function planYearOf(table: Pick<Table, "heading" | "columns">): number | null {
  const lines = [...table.heading, ...table.columns.map((c) => c.label)];
  for (const line of lines) {
    for (const m of line.matchAll(/(?<!(?:đến|tới|tầm nhìn|giai đoạn)\s)năm\s+(20\d{2})(?!\s*[-–]\s*\d)/giu)) return Number(m[1]);
  }
  for (const line of table.heading) {
    const m = line.match(/(?:(\d{1,2})\s*)?\/\s*(20\d{2})(?!\d)/u);
    if (m && /ngày|kèm theo|ban hành/iu.test(line)) {
      const year = Number(m[2]);
      const month = m[1] ? Number(m[1]) : null;
      return month !== null && month >= 10 && month <= 12 ? year + 1 : year;
    }
  }
  return null;
}

function resolveCommune(env: CheckEnv, sheet: SheetSnapshot, ctx: CheckContext, fallback: Fallback): SheetReport["commune"] {
  const own = findCommune(ctx.catalog, env.table.heading);
  const found: CommuneInText | null = own ?? (fallback.communeLines ? findCommune(ctx.catalog, fallback.communeLines) : null);
  const date = ctx.asOf ?? documentDate(env.table.heading);

  if (!found) {
    env.unitType = ctx.unitType ?? null;
    if (!ctx.unitType) {
      add(env, "commune-not-found", "A1", "Không thấy tên xã/phường trong tiêu đề trang tính; bỏ qua kiểm tra tên đơn vị theo loại xã/phường (có thể chỉ định bằng tùy chọn).");
    }
    return null;
  }
  if (!found.commune) {
    env.unitType = ctx.unitType ?? found.writtenType;
    const near = found.candidates.filter((c) => c.confidence >= 0.5).map((c) => q(`${typeWord(communeTypeOn(c.item, date))} ${c.item.name}`));
    if (own) {
      add(
        env,
        "commune-unknown",
        headingCell(sheet, env.table, own.writtenName),
        `${q(`${typeWord(found.writtenType)} ${found.writtenName}`)} không có trong danh sách 95 xã, phường của tỉnh Đồng Nai` +
          (near.length ? `; tên gần nhất: ${near.join(", ")}.` : "."),
      );
    }
    return null;
  }
  const c: Commune = found.commune;
  const type = ctx.unitType ?? typeFor(c, found.writtenType, date);
  env.unitType = type;
  if (own && !ctx.unitType && found.writtenType !== type) {
    add(
      env,
      "commune-type-mismatch",
      headingCell(sheet, env.table, own.writtenName),
      `Tiêu đề ghi ${q(`${typeWord(found.writtenType)} ${c.name}`)} nhưng ${c.name} là ${typeWord(type)}` +
        (date ? ` vào ngày ${date.split("-").reverse().join("/")}` : "") +
        `; hãy ghi ${q(`${typeWord(type)} ${c.name}`)}.`,
    );
  }
  return { code: c.code, name: c.name, type };
}

/**
 * The commune's type for this document. With a date (the as-of option or the
 * document's own), the province's list decides. Without one, a commune that
 * changed type (xã Nhơn Trạch → phường on 30/4/2026) is taken as the heading writes
 * it, since both words were right at some time.
 */
function typeFor(c: Commune, written: UnitType, date: IsoDate | null): UnitType {
  if (date) return communeTypeOn(c, date);
  return c.change ? written : c.type;
}

// ---------- output ----------

const columnOf = (cell: string): number => columnNumber(cell.match(/^[A-Z]+/)?.[0] ?? "");

/** One finding per code and cell (a merged lead cell is seen from each row it covers), in reading order. */
export function tidy(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of findings) {
    const key = `${f.code}|${f.cell}|${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  // Array.prototype.sort is stable: findings on one cell stay in the order raised.
  return out.sort((a, b) => a.row - b.row || columnOf(a.cell) - columnOf(b.cell));
}
