/**
 * An appendix laid out as a Word document in the form of Decree 30/2020/NĐ-CP: the
 * issuing body and the national motto side by side, "PHỤ LỤC I", the title, the
 * "(Kèm theo Kế hoạch số …)" line, then the table with its header rows marked to
 * repeat on every page. Plain data: a host renders it (hosts/docx/export.ts).
 *
 * Built from what the reader reads of the sheet (the header rows, the columns and
 * their roles, the group and item rows, merged areas), never from cell styles, so a
 * table an official typed in their own layout exports as well as an inserted one.
 */
import type { CellValue, SheetSnapshot } from "./snapshot";
import type { Catalog } from "./match";
import { findCommune } from "./match";
import { readTable, type Role, type Table } from "./reader";
import { parseRange } from "./address";
import { cellText, foldKey } from "./text";
import { formatNumberVi } from "./numbers";
import { formatDateVi, fromExcelSerial, isDateFormat, isPlausibleSerial } from "./dates";
import { DEFAULT_PLAN_YEAR, planYearOf } from "./validate";

export interface WordCell {
  /** Lines of text (a line break in the cell starts a new line). */
  lines: string[];
  colSpan: number;
  rowSpan: number;
}

export interface WordRow {
  /** Cells left to right; a cell covered by a merge from above is not listed. */
  cells: (WordCell & { col: number })[];
  /** A header row: repeated at the top of every page. */
  header: boolean;
  /** A group row ("I", "II" with a title): bold. */
  group: boolean;
}

export interface WordColumn {
  /** The sheet column it prints (1-based). */
  col: number;
  label: string;
  /** Share of the table's width (the weights sum to 1). */
  width: number;
  align: "left" | "center";
}

export interface WordAppendix {
  /** "ỦY BAN NHÂN DÂN" and the commune ("XÃ TÂN LỢI"). */
  issuingBody: string[];
  motto: [string, string];
  /** "PHỤ LỤC I". */
  title: string;
  /** "DANH MỤC CÁC CHỈ TIÊU CỤ THỂ NĂM 2026". */
  subtitle: string[];
  /** "(Kèm theo Kế hoạch số …/KH-UBND ngày … tháng … năm 2026 của UBND xã Tân Lợi)". */
  reference: string;
  columns: WordColumn[];
  rows: WordRow[];
}

export type WordLayoutResult = { ok: true; appendix: WordAppendix } | { ok: false; message: string };

export const MOTTO: [string, string] = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"];

const WEIGHTS: Partial<Record<Role, number>> = {
  number: 5, code: 8, parentTask: 18, name: 28, unit: 8, target: 9, lead: 14, coordinating: 13, monitoring: 12,
  output: 16, kpi: 12, deadline: 10, dueDate: 10, result: 9, rate: 8, verdict: 9, status: 10, completedOn: 10, flag: 10, note: 9,
};
const CENTERED: Role[] = ["number", "code", "unit", "target", "deadline", "dueDate", "result", "rate", "verdict", "status", "completedOn", "flag"];

export function layoutWordAppendix(sheet: SheetSnapshot, catalog: Catalog): WordLayoutResult {
  const read = readTable(sheet);
  if (!read.ok) return { ok: false, message: read.message };
  const table = read.table;
  const hiddenRows = new Set(sheet.hiddenRows ?? []);
  const hiddenCols = new Set(sheet.hiddenColumns ?? []);
  const merges = (sheet.merges ?? []).map(parseRange);
  const ownerOf = (row: number, col: number) => merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  const valueAt = (row: number, col: number): { value: CellValue; format?: string } => {
    const m = ownerOf(row, col);
    const [r, c] = m ? [m.top, m.left] : [row, col];
    return { value: sheet.values[r - 1]?.[c - 1] ?? null, format: sheet.numberFormats?.[r - 1]?.[c - 1] ?? undefined };
  };
  const textAt = (row: number, col: number) => {
    const v = valueAt(row, col);
    return shownText(v.value, v.format);
  };

  // Columns: as far right as the header says (a column the reader gives no role still prints), hidden ones left out.
  let width = table.lastCol;
  for (let r = table.headerRow; r <= table.headerEnd; r++) {
    const row = sheet.values[r - 1] ?? [];
    for (let c = row.length; c > width; c--) if (cellText(textAt(r, c))) width = c;
  }
  const cols = Array.from({ length: width }, (_, i) => i + 1).filter((c) => !hiddenCols.has(c));
  const roleOf = new Map(table.columns.map((c) => [c.col, c.role]));

  // Rows: the header rows, a column-numbering row under them, and every row the reader reads.
  const itemRows = new Set(table.rows.map((r) => r.row));
  const groupRows = new Set(table.rows.filter((r) => r.kind === "group").map((r) => r.row));
  const firstItem = table.rows[0]?.row ?? table.lastRow + 1;
  const rowNumbers: number[] = [];
  for (let r = table.headerRow; r <= table.lastRow; r++) {
    if (hiddenRows.has(r)) continue;
    const filled = cols.some((c) => cellText(textAt(r, c)) !== "");
    if (r <= table.headerEnd || itemRows.has(r) || (r < firstItem && filled)) rowNumbers.push(r);
  }
  const headerUntil = firstItem - 1;

  const rows: WordRow[] = [];
  const covered = new Set<string>();
  for (const r of rowNumbers) {
    const cells: WordRow["cells"] = [];
    for (const c of cols) {
      if (covered.has(`${r},${c}`)) continue;
      const m = ownerOf(r, c);
      let colSpan = 1;
      let rowSpan = 1;
      if (m && m.top <= r && m.left <= c) {
        const spanRows = rowNumbers.filter((x) => x >= r && x <= m.bottom);
        const spanCols = cols.filter((x) => x >= c && x <= m.right);
        colSpan = spanCols.length;
        rowSpan = spanRows.length;
        for (const x of spanRows) for (const y of spanCols) if (x !== r || y !== c) covered.add(`${x},${y}`);
      }
      const text = textAt(r, c);
      cells.push({ col: c, lines: text === "" ? [] : text.split("\n").map((l) => l.trim()), colSpan, rowSpan });
    }
    rows.push({ cells, header: r <= headerUntil, group: groupRows.has(r) });
  }

  const weights = cols.map((c) => {
    const role = roleOf.get(c);
    return role ? (WEIGHTS[role] ?? 10) : 10;
  });
  const total = weights.reduce((a, b) => a + b, 0);
  const columns: WordColumn[] = cols.map((c, i) => {
    const role = roleOf.get(c);
    return {
      col: c,
      label: cellText(textAt(table.headerEnd, c)) || cellText(textAt(table.headerRow, c)),
      width: weights[i] / total,
      align: role && CENTERED.includes(role) ? "center" : "left",
    };
  });

  return { ok: true, appendix: { ...headingOf(sheet, table, catalog), motto: MOTTO, columns, rows } };
}

/** The heading block, title and plan reference from the rows above the table. */
function headingOf(sheet: SheetSnapshot, table: Table, catalog: Catalog): Pick<WordAppendix, "issuingBody" | "title" | "subtitle" | "reference"> {
  const hidden = new Set(sheet.hiddenRows ?? []);
  const cells: { row: number; col: number; text: string }[] = [];
  for (let r = 1; r < table.headerRow; r++) {
    if (hidden.has(r)) continue;
    (sheet.values[r - 1] ?? []).forEach((v, i) => {
      const text = typeof v === "string" ? cellText(v) : "";
      if (text) cells.push({ row: r, col: i + 1, text });
    });
  }
  const key = (t: string) => foldKey(t);
  const isMotto = (t: string) => /^cong hoa xa hoi chu nghia|^doc lap\s*-?\s*tu do/.test(key(t));
  const body = cells.find((c) => /^(uy ban nhan dan|ubnd)\b/.test(key(c.text)));
  const appendix = cells.find((c) => /^phu luc\b/.test(key(c.text)));
  const reference = cells.find((c) => /kem theo/.test(key(c.text)));

  let issuingBody: string[];
  const used = new Set<unknown>([body, appendix, reference]);
  if (body) {
    const rest = body.text.replace(/^(ủy ban nhân dân|uỷ ban nhân dân|ubnd)\s*/iu, "").trim();
    if (rest) issuingBody = ["ỦY BAN NHÂN DÂN", rest.toLocaleUpperCase("vi")];
    else {
      const below = cells.find((c) => c.row === body.row + 1 && c.col === body.col);
      if (below) used.add(below);
      issuingBody = ["ỦY BAN NHÂN DÂN", (below?.text ?? "").toLocaleUpperCase("vi")].filter(Boolean);
    }
  } else {
    const found = findCommune(catalog, table.heading);
    issuingBody = ["ỦY BAN NHÂN DÂN", found ? `${found.writtenType === "phuong" ? "PHƯỜNG" : "XÃ"} ${found.writtenName.toLocaleUpperCase("vi")}` : "XÃ …"];
  }

  // Title lines: what stands in the first column between the appendix title (or the issuing body) and the reference.
  const from = appendix?.row ?? body?.row ?? 0;
  const to = reference?.row ?? table.headerRow;
  const subtitle = cells
    .filter((c) => !used.has(c) && c.row > from && c.row < to && c.col === 1 && !isMotto(c.text) && !c.text.endsWith(":"))
    .map((c) => c.text);

  const sheetTitle = /^phu luc\b/.test(key(sheet.name)) ? sheet.name : "Phụ lục";
  return {
    issuingBody,
    title: (appendix?.text ?? sheetTitle).toLocaleUpperCase("vi"),
    subtitle,
    reference: reference ? referenceInWords(reference.text) : defaultReference(table, catalog),
  };
}

/** The decree writes the plan's date in words: "ngày …/…/2026" → "ngày … tháng … năm 2026". */
export function referenceInWords(text: string): string {
  const t = text.trim().replace(/ngày\s*([^\s/]*)\s*\/\s*([^\s/]*)\s*\/\s*(\d{4})/u, (_, d: string, m: string, y: string) => `ngày ${d || "…"} tháng ${m || "…"} năm ${y}`);
  return t.startsWith("(") ? t : `(${t.replace(/\)$/, "")})`;
}

function defaultReference(table: Table, catalog: Catalog): string {
  const found = findCommune(catalog, table.heading);
  const year = planYearOf(table) ?? DEFAULT_PLAN_YEAR;
  const unit = found ? `${found.writtenType === "phuong" ? "phường" : "xã"} ${found.commune?.name ?? found.writtenName}` : "xã …";
  return `(Kèm theo Kế hoạch số …/KH-UBND ngày … tháng … năm ${year} của UBND ${unit})`;
}

/**
 * A cell as the sheet shows it: dates as dd/mm/yyyy, percentages with their format's
 * text ("≥ 60%" for 0.6 shown with `"≥ "0%`), numbers with a decimal comma.
 */
export function shownText(value: CellValue, format?: string): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (isDateFormat(format) && isPlausibleSerial(value)) return formatDateVi(fromExcelSerial(Math.floor(value)));
  const sections = (format ?? "General").split(";");
  const section = value < 0 && sections.length > 1 ? sections[1] : sections[0];
  if (/^general$/i.test(section.trim())) return formatNumberVi(value, 10);
  const bare = section.replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "").replace(/[_*\\]./g, "");
  const percent = bare.includes("%");
  const decimals = bare.match(/\.([0#]+)/)?.[1].length ?? 0;
  const firstDigit = section.search(/[0#?]/);
  const literal = (s: string) => [...s.matchAll(/"([^"]*)"/g)].map((m) => m[1]).join("");
  const prefix = firstDigit > 0 ? literal(section.slice(0, firstDigit)) : "";
  const suffix = firstDigit >= 0 ? literal(section.slice(firstDigit)) : "";
  const n = Math.abs(value) * (percent ? 100 : 1);
  const sign = value < 0 && sections.length === 1 ? "-" : "";
  return `${prefix}${sign}${formatNumberVi(n, decimals)}${percent ? "%" : ""}${suffix}`;
}
