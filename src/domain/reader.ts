/**
 * The table reader: from a sheet snapshot to one model of an appendix table,
 * whatever its layout. The header row is found by its labels, never by position;
 * every cell keeps its A1 address so findings and edits can point back to it.
 */
import type { CellValue, SheetSnapshot } from "./snapshot";
import { a1, columnLetter, parseRange, type Range } from "./address";
import { cellText, foldKey } from "./text";
import { parseTarget } from "./target";

export type Role =
  | "number"
  | "code"
  | "parentTask"
  | "name"
  | "unit"
  | "target"
  | "lead"
  | "coordinating"
  | "monitoring"
  | "output"
  | "kpi"
  | "deadline"
  | "dueDate"
  | "result"
  | "rate"
  | "verdict"
  | "status"
  | "completedOn"
  | "flag"
  | "note";

export type TableKind = "indicators" | "tasks" | "mixed";
export type RowKind = "group" | "indicator" | "task";

export interface Cell {
  address: string;
  row: number;
  col: number;
  value: CellValue;
  /** Cleaned display text ("" when blank). */
  text: string;
  numberFormat?: string;
  formula?: string;
}

export interface Column {
  role: Role;
  col: number;
  letter: string;
  label: string;
}

export interface TableRow {
  row: number;
  kind: RowKind;
  /** What the number column says: "I", "01", "3" (null when blank). */
  number: string | null;
  /** For groups: the title and the count it declares, if any. */
  title?: string;
  declaredCount?: number;
  /** Index into `groups` of the group this row belongs to (-1 before any group). */
  group: number;
  cells: Partial<Record<Role, Cell>>;
}

export interface Table {
  sheet: string;
  kind: TableKind;
  headerRow: number;
  /** Last header row when the header spans two rows. */
  headerEnd: number;
  columns: Column[];
  rows: TableRow[];
  /** Cell texts above the header (titles, issuing body, "Kèm theo Kế hoạch ..."), in reading order. */
  heading: string[];
  /** A total the header declares: "(31 chỉ tiêu)". */
  declaredCount?: number;
  /** Last column used by the table (1-based). */
  lastCol: number;
  lastRow: number;
}

export type ReadResult =
  | { ok: true; table: Table }
  | { ok: false; code: "no-header" | "empty-sheet"; message: string; looked: string[] };

export interface ReadOptions {
  /** Tells an indicator from a task by its name (the catalog matcher), for mixed tables. */
  isIndicatorName?: (name: string) => boolean;
}

interface LabelRule {
  role: Role | "ketQua" | "chiTieu";
  test: RegExp;
}

// Tried in order on the folded label ("(3) Sản phẩm Đầu ra" → "san pham dau ra").
const LABEL_RULES: LabelRule[] = [
  { role: "dueDate", test: /^han hoan thanh ngay/ },
  { role: "completedOn", test: /^ngay hoan thanh/ },
  { role: "rate", test: /^ty le dat/ },
  { role: "verdict", test: /^danh gia/ },
  { role: "flag", test: /^canh bao/ },
  { role: "status", test: /^(tinh trang|trang thai)/ },
  { role: "note", test: /^ghi chu/ },
  { role: "number", test: /^(stt|tt|so tt|so thu tu)$/ },
  { role: "parentTask", test: /^(ma nhiem vu|nhiem vu tong quat|nhiem vu chinh)/ },
  { role: "code", test: /^ma( chi tieu| so)?$/ },
  { role: "kpi", test: /(^|\s)kpi(\s|$)|^chi so do luong/ },
  { role: "output", test: /^san pham|ket qua dau ra/ },
  { role: "result", test: /^(ket qua thuc hien|ket qua dat duoc|thuc hien|luy ke|uoc thuc hien)/ },
  { role: "unit", test: /^(don vi tinh|dvt|don vi do)/ },
  { role: "lead", test: /chu tri/ },
  { role: "coordinating", test: /phoi hop/ },
  { role: "monitoring", test: /theo doi|bao cao/ },
  { role: "deadline", test: /^(thoi gian|thoi han|tien do)/ },
  { role: "target", test: /^(chi tieu|muc tieu) (nam|\d|ke hoach)|^gia tri|^chi tieu giao/ },
  { role: "ketQua", test: /^ket qua( nam \d{4})?$/ },
  { role: "chiTieu", test: /^chi tieu$/ },
  {
    role: "name",
    test: /^(noi dung|ten nhiem vu|ten chi tieu|nhiem vu|tieu nhiem vu|muc tieu|chi tieu cu the|danh muc|cac chi tieu)/,
  },
];

/** The labels a header row is recognised by, for the "no header" message. */
export const EXPECTED_LABELS = ["STT/TT", "Nội dung chỉ tiêu / Nhiệm vụ", "Đơn vị tính", "Chỉ tiêu / Kết quả", "Đơn vị chủ trì", "Thời gian hoàn thành"];

// Every cell of the first rows is tried as a label; the same texts recur in every file.
const roles = new Map<string, LabelRule["role"] | null>();

function labelRole(label: string): LabelRule["role"] | null {
  const known = roles.get(label);
  if (known !== undefined) return known;
  const key = foldKey(label.replace(/^\s*\(\d+\)\s*/, ""));
  const role = key ? (LABEL_RULES.find((rule) => rule.test.test(key))?.role ?? null) : null;
  if (roles.size > 20_000) roles.clear();
  roles.set(label, role);
  return role;
}

/** Grid access that sees through merged areas (a merged cell's value is its top-left's). */
class Grid {
  private readonly owner = new Map<string, Range>();
  readonly rowCount: number;
  readonly colCount: number;

  constructor(private readonly s: SheetSnapshot) {
    this.rowCount = s.values.length;
    this.colCount = s.values.reduce((m, r) => Math.max(m, r.length), 0);
    for (const m of s.merges ?? []) {
      const r = parseRange(m);
      // Guard against absurd merges in hostile files: cap the cells we index.
      if ((r.bottom - r.top + 1) * (r.right - r.left + 1) > 200_000) continue;
      for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) this.owner.set(`${row},${col}`, r);
    }
  }

  raw(row: number, col: number): CellValue {
    return this.s.values[row - 1]?.[col - 1] ?? null;
  }

  merge(row: number, col: number): Range | undefined {
    return this.owner.get(`${row},${col}`);
  }

  cell(row: number, col: number): Cell {
    const m = this.merge(row, col);
    const [r, c] = m ? [m.top, m.left] : [row, col];
    const value = this.raw(r, c);
    const numberFormat = this.s.numberFormats?.[r - 1]?.[c - 1] ?? undefined;
    const formula = this.s.formulas?.[r - 1]?.[c - 1] ?? undefined;
    return {
      address: a1(r, c),
      row: r,
      col: c,
      value,
      text: cellText(value),
      ...(numberFormat && numberFormat !== "General" ? { numberFormat } : {}),
      ...(formula ? { formula } : {}),
    };
  }

  /** The row's texts up to its own last cell (callers only look at order and emptiness). */
  rowTexts(row: number): string[] {
    const out: string[] = [];
    // Not up to the sheet's widest row: one stray cell in column XFD would make every
    // row 16,384 cells long and reading a sheet take minutes.
    const last = Math.min(this.colCount, this.s.values[row - 1]?.length ?? 0);
    for (let c = 1; c <= last; c++) out.push(cellText(this.raw(row, c)));
    return out;
  }
}

const HEADER_SCAN_ROWS = 120;

// The checker, the consolidator and the compute planner all read the same sheet;
// a snapshot is never changed once taken, so each reading is kept beside it.
const readings = new WeakMap<SheetSnapshot, Map<unknown, ReadResult>>();

/** Read the appendix table of a sheet. Never throws on odd content. Callers must not mutate the result. */
export function readTable(sheet: SheetSnapshot, options: ReadOptions = {}): ReadResult {
  let bySheet = readings.get(sheet);
  if (!bySheet) readings.set(sheet, (bySheet = new Map()));
  const key = options.isIndicatorName ?? null;
  const known = bySheet.get(key);
  if (known) return known;
  const result = readTableUncached(sheet, options);
  bySheet.set(key, result);
  return result;
}

function readTableUncached(sheet: SheetSnapshot, options: ReadOptions): ReadResult {
  const grid = new Grid(sheet);
  if (grid.rowCount === 0 || grid.colCount === 0) {
    return { ok: false, code: "empty-sheet", message: `Trang tính "${sheet.name}" không có dữ liệu.`, looked: EXPECTED_LABELS };
  }
  const header = findHeader(grid);
  if (!header) {
    return {
      ok: false,
      code: "no-header",
      message:
        `Không tìm thấy dòng tiêu đề bảng trong trang tính "${sheet.name}" ` +
        `(đã tìm các cột: ${EXPECTED_LABELS.join(", ")}).`,
      looked: EXPECTED_LABELS,
    };
  }
  const columns = resolveColumns(header.labels);
  const has = (role: Role) => columns.some((c) => c.role === role);
  const heading: string[] = [];
  for (let r = 1; r < header.row; r++) heading.push(...grid.rowTexts(r).filter(Boolean));
  const nameLabel = columns.find((c) => c.role === "name")?.label ?? "";
  const declared = declaredCountOf(nameLabel);

  // The table is as wide as its header: a note typed to the right of it, past the
  // last header cell, does not make an empty row an item of the table.
  let width = Math.max(...columns.map((c) => c.col));
  for (let r = header.row; r <= header.end; r++) {
    const texts = grid.rowTexts(r);
    for (let c = texts.length; c > width; c--) if (texts[c - 1] !== "") width = c;
  }
  const rows = readRows(grid, header.end + 1, columns, width);
  let kind: TableKind = has("unit") || (has("target") && !has("deadline")) ? "indicators" : "tasks";
  if (kind === "tasks") {
    for (const r of rows) {
      if (r.kind === "group") continue;
      const out = r.cells.output ?? r.cells.target;
      if (looksLikeIndicator(r, out, options)) {
        r.kind = "indicator";
        if (!r.cells.target && out) r.cells.target = out;
      }
    }
    if (rows.some((r) => r.kind === "indicator")) {
      kind = rows.some((r) => r.kind === "task") ? "mixed" : "indicators";
    }
  } else {
    for (const r of rows) if (r.kind === "task") r.kind = "indicator";
  }

  const lastRow = rows.length ? rows[rows.length - 1].row : header.end;
  const table: Table = {
    sheet: sheet.name,
    kind,
    headerRow: header.row,
    headerEnd: header.end,
    columns,
    rows,
    heading,
    ...(declared !== undefined ? { declaredCount: declared } : {}),
    lastCol: Math.max(...columns.map((c) => c.col)),
    lastRow,
  };
  return { ok: true, table };
}

function looksLikeIndicator(r: TableRow, out: Cell | undefined, options: ReadOptions): boolean {
  if (r.cells.unit && r.cells.unit.text) return true;
  if (out && out.value !== null) {
    const p = parseTarget(out.value, { numberFormat: out.numberFormat });
    if (p.ok && p.target.kind === "numeric" && !p.trailing && out.text.length <= 12) return true;
  }
  const name = r.cells.name?.text;
  return Boolean(name && options.isIndicatorName?.(name));
}

interface HeaderFound {
  row: number;
  end: number;
  labels: { col: number; label: string; role: LabelRule["role"] }[];
}

function findHeader(grid: Grid): HeaderFound | null {
  let best: HeaderFound | null = null;
  let bestScore = 0;
  const last = Math.min(grid.rowCount, HEADER_SCAN_ROWS);
  for (let r = 1; r <= last; r++) {
    const labels = labelsOf(grid, r);
    const roles = new Set(labels.map((l) => l.role));
    const hasName = roles.has("name") || roles.has("chiTieu");
    if (!hasName || roles.size < 3) continue;
    if (roles.size > bestScore) {
      bestScore = roles.size;
      best = { row: r, end: r, labels };
    }
  }
  if (!best) return null;
  // A header merged over two rows, or with sub-labels under a merged parent.
  const below = labelsOf(grid, best.row + 1);
  if (below.length >= 2 && !isItemStart(grid, best.row + 1)) {
    const byCol = new Map(best.labels.map((l) => [l.col, l]));
    for (const l of below) {
      const above = byCol.get(l.col);
      if (!above || grid.merge(best.row, l.col)) byCol.set(l.col, l);
    }
    best = { row: best.row, end: best.row + 1, labels: [...byCol.values()].sort((a, b) => a.col - b.col) };
  }
  return best;
}

function labelsOf(grid: Grid, row: number): HeaderFound["labels"] {
  const out: HeaderFound["labels"] = [];
  for (let c = 1; c <= grid.colCount; c++) {
    const raw = grid.raw(row, c);
    if (typeof raw !== "string") continue;
    const role = labelRole(raw);
    if (role) out.push({ col: c, label: cellText(raw), role });
  }
  return out;
}

function isItemStart(grid: Grid, row: number): boolean {
  const first = cellText(grid.raw(row, 1));
  return /^(\d+|[IVX]+)\.?$/.test(first);
}

function resolveColumns(labels: HeaderFound["labels"]): Column[] {
  const roles = new Set(labels.map((l) => l.role));
  const out: Column[] = [];
  for (const l of labels) {
    let role: Role;
    if (l.role === "chiTieu") role = roles.has("name") ? "target" : "name";
    else if (l.role === "ketQua") role = roles.has("unit") || !roles.has("deadline") ? "target" : "output";
    else role = l.role;
    if (out.some((c) => c.role === role)) continue; // the first column of a role wins
    out.push({ role, col: l.col, letter: columnLetter(l.col), label: l.label });
  }
  // A table whose only body column is "Đơn vị theo dõi, báo cáo" names its lead there.
  if (!out.some((c) => c.role === "lead")) {
    const m = out.find((c) => c.role === "monitoring");
    if (m) m.role = "lead";
  }
  return out.sort((a, b) => a.col - b.col);
}

const ROMAN = /^(?=[IVXLC])(M{0,3})(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$/;

export function isRomanNumeral(text: string): boolean {
  return ROMAN.test(text.replace(/[.)]$/, "").trim());
}

function declaredCountOf(text: string): number | undefined {
  const m = text.replace(/^\s*\(\d+\)/, "").match(/\(\s*(\d{1,4})\s*(?:chỉ tiêu|nhiệm vụ|chi tieu|nhiem vu|nội dung)?\s*\)/i);
  return m ? Number(m[1]) : undefined;
}

const FOOTER = /^(noi nhan|tm |t m |kt |chu tich|pho chu tich|nguoi lap|thu truong)/;

function readRows(grid: Grid, start: number, columns: Column[], width: number): TableRow[] {
  const rows: TableRow[] = [];
  const byRole = new Map(columns.map((c) => [c.role, c]));
  const numberCol = byRole.get("number");
  let group = -1;
  let groups = 0;
  let skippedNumbering = false;

  for (let r = start; r <= grid.rowCount; r++) {
    const texts = grid.rowTexts(r).slice(0, width);
    if (texts.every((t) => t === "")) continue;
    const firstText = texts.find((t) => t !== "") ?? "";
    const numberText = numberCol ? cellText(grid.raw(r, numberCol.col)) : "";
    const nameCol = byRole.get("name");
    const hasName = nameCol ? cellText(grid.raw(r, nameCol.col)) !== "" : false;
    // The signature block ("Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH") ends the table.
    if (!hasName && texts.some((t) => t && FOOTER.test(foldKey(t)))) break;
    if (!skippedNumbering && rows.length === 0 && isColumnNumbering(texts)) {
      skippedNumbering = true;
      continue;
    }

    const cells: Partial<Record<Role, Cell>> = {};
    for (const c of columns) {
      const cell = grid.cell(r, c.col);
      // A cell merged down from an earlier row belongs to that row's group of rows;
      // keep it (a lead unit merged over several tasks applies to each).
      cells[c.role] = cell;
    }
    const nameText = cells.name?.text ?? "";

    // Group rows: a Roman numeral in the number column, or "I. Title" spread across the row.
    const lead = numberText || firstText;
    const spread = lead.match(/^([IVXLC]+)[.)]?\s+(\S.*)$/);
    if (isRomanNumeral(numberText) || (!numberText && spread && isRomanNumeral(spread[1]))) {
      const title = isRomanNumeral(numberText) ? nameText || texts.filter(Boolean).slice(1).join(" ") : spread![2];
      groups++;
      group = groups - 1;
      const count = declaredCountOf(title);
      rows.push({
        row: r,
        kind: "group",
        number: isRomanNumeral(numberText) ? numberText.replace(/[.)]$/, "") : spread![1],
        title,
        ...(count !== undefined ? { declaredCount: count } : {}),
        group,
        cells,
      });
      continue;
    }

    // The number may sit in front of a parent task ("1. Triển khai ...").
    let number: string | null = numberText || null;
    if (!number && cells.parentTask?.text) {
      const m = cells.parentTask.text.match(/^(\d+(?:\.\d+)*)[.)]?\s/);
      if (m) number = m[1];
    }
    if (!nameText && !number) {
      // Stray text in other columns with no name: keep as an item so checks can flag it.
      if (texts.filter(Boolean).length === 0) continue;
    }
    rows.push({ row: r, kind: "task", number, group, cells });
  }
  return rows;
}

/** A row of column numbers under the header: "(1) (2) (3)" or "1 2 3 4". */
function isColumnNumbering(texts: string[]): boolean {
  const filled = texts.filter(Boolean);
  if (filled.length < 3) return false;
  const nums = filled.map((t) => t.match(/^\(?(\d{1,2})\)?$/)?.[1]);
  if (nums.some((n) => n === undefined)) return false;
  return nums.every((n, i) => i === 0 || Number(n) === Number(nums[i - 1]) + 1);
}

/** The cell of a role in a row, if the table has that column. */
export function cellOf(row: TableRow, role: Role): Cell | undefined {
  return row.cells[role];
}

/** Items (indicator or task rows) of a table. */
export function items(table: Table): TableRow[] {
  return table.rows.filter((r) => r.kind !== "group");
}
