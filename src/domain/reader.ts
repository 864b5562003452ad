/**
 * The table reader: from a sheet snapshot to one model of an appendix table,
 * whatever its layout. The header row is found by its labels, never by position;
 * every cell keeps its A1 address so findings and edits can point back to it.
 */
import type { CellValue, SheetSnapshot } from "./snapshot";
import { a1, columnLetter, parseRange, type Range } from "./address";
import { cellText, foldKey } from "./text";
import { parseTarget } from "./target";
import { formatDateVi, fromExcelSerial, isDateFormat, isPlausibleSerial } from "./dates";
import { formatNumberVi } from "./numbers";

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
  | "note"
  /** The add-in's hidden helper columns (compute, the appendix template): a typed result and completion date read once. */
  | "resultText"
  | "resultValue"
  | "completedText"
  | "completedValue";

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

/**
 * A cell as the sheet shows it, for quoting in messages: a date cell as its date
 * ("31/03/2026", not the serial 46112) and a percent cell as a percent ("60%", not
 * 0.6); anything else as its text.
 */
export function shownText(cell: Pick<Cell, "value" | "text" | "numberFormat">): string {
  const { value, numberFormat } = cell;
  if (typeof value !== "number" || !numberFormat) return cell.text;
  if (isDateFormat(numberFormat) && isPlausibleSerial(value)) return formatDateVi(fromExcelSerial(value));
  if (numberFormat.replace(/"[^"]*"/g, "").includes("%")) return `${formatNumberVi(value * 100, 2)}%`;
  return cell.text;
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
  /** Index into `groups` of the group this row belongs to (-1 before any group); a group row's own index. */
  group: number;
  /** For groups: the index of the enclosing group ("1. Hạ tầng số" inside "A. …"), -1 for a top group. */
  parent?: number;
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

/** Labels whose role depends on the other columns: "Kết quả", "Chỉ tiêu", "Mục tiêu". */
type Provisional = "ketQua" | "chiTieu" | "mucTieu";

interface LabelRule {
  role: Role | Provisional;
  test: RegExp;
}

// Tried in order on the folded label ("(3) Sản phẩm Đầu ra" → "san pham dau ra").
// Roles by meaning: a target is what the plan commits to ("Chỉ tiêu năm 2026", "Kế
// hoạch", "Mục tiêu phấn đấu"), a result is what was done ("Thực hiện", "Ước thực
// hiện", "Lũy kế"), whichever words a commune's template uses.
const LABEL_RULES: LabelRule[] = [
  { role: "resultText", test: /^dang chuan cua ket qua tu dong$/ },
  { role: "resultValue", test: /^dang so cua ket qua tu dong$/ },
  { role: "completedText", test: /^dang chuan cua ngay hoan thanh tu dong$/ },
  { role: "completedValue", test: /^dang so cua ngay hoan thanh tu dong$/ },
  { role: "dueDate", test: /^han hoan thanh ngay/ },
  { role: "completedOn", test: /^ngay hoan thanh/ },
  { role: "rate", test: /^(ty le dat|ty le hoan thanh|muc do dat|ty le thuc hien so voi)/ },
  { role: "verdict", test: /^(danh gia|xep loai)/ },
  { role: "flag", test: /^canh bao/ },
  { role: "status", test: /^(tinh trang|trang thai)/ },
  { role: "note", test: /^ghi chu/ },
  { role: "number", test: /^(stt|tt|so tt|so thu tu)$/ },
  { role: "parentTask", test: /^(ma nhiem vu|nhiem vu tong quat|nhiem vu chinh)/ },
  { role: "code", test: /^ma( chi tieu| so| danh muc)?$/ },
  { role: "kpi", test: /(^|\s)kpi(\s|$)|^chi so do luong/ },
  { role: "output", test: /^san pham|ket qua dau ra/ },
  {
    role: "result",
    test: /^(ket qua thuc hien|ket qua dat duoc|thuc hien|th( |$)|luy ke|uoc thuc hien|uoc th( |$)|uoc dat|so lieu thuc hien|kq thuc hien|kqth)/,
  },
  { role: "unit", test: /^(don vi tinh|dvt|don vi do)/ },
  { role: "lead", test: /chu tri|^(don vi|co quan|bo phan) (thuc hien|phu trach|chiu trach nhiem|dau moi)|^trach nhiem thuc hien/ },
  { role: "coordinating", test: /phoi hop/ },
  { role: "monitoring", test: /theo doi|bao cao/ },
  { role: "deadline", test: /^(thoi gian|thoi han|tien do)/ },
  {
    role: "target",
    test: /^(chi tieu|muc tieu) (nam|den|\d{4}|ke hoach|giao|phan dau|dat duoc|can dat)|^gia tri|^(ke hoach|kh)( nam)?( \d{4})?$|^ke hoach (giao|nam|\d)|^ket qua (can dat|phan dau)|^muc phan dau/,
  },
  { role: "ketQua", test: /^ket qua( nam \d{4}| \d{4})?$/ },
  { role: "chiTieu", test: /^chi tieu$/ },
  { role: "mucTieu", test: /^muc tieu$/ },
  {
    role: "name",
    test: /^(noi dung|ten nhiem vu|ten chi tieu|nhiem vu|tieu nhiem vu|muc tieu|chi tieu cu the|danh muc|cac chi tieu|chi tieu)/,
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
  /** The merged area each covered cell belongs to, by row, then column. */
  private readonly owner = new Map<number, Map<number, Range>>();
  readonly rowCount: number;
  readonly colCount: number;

  constructor(private readonly s: SheetSnapshot) {
    this.rowCount = s.values.length;
    this.colCount = s.values.reduce((m, r) => Math.max(m, r.length), 0);
    for (const m of s.merges ?? []) {
      const r = parseRange(m);
      // Guard against absurd merges in hostile files: cap the cells we index.
      if ((r.bottom - r.top + 1) * (r.right - r.left + 1) > 200_000) continue;
      for (let row = r.top; row <= r.bottom; row++) {
        let cols = this.owner.get(row);
        if (!cols) this.owner.set(row, (cols = new Map()));
        for (let col = r.left; col <= r.right; col++) cols.set(col, r);
      }
    }
  }

  raw(row: number, col: number): CellValue {
    return this.s.values[row - 1]?.[col - 1] ?? null;
  }

  merge(row: number, col: number): Range | undefined {
    return this.owner.get(row)?.get(col);
  }

  cell(row: number, col: number): Cell {
    const m = this.merge(row, col);
    const r = m ? m.top : row;
    const c = m ? m.left : col;
    const value = this.raw(r, c);
    const numberFormat = this.s.numberFormats?.[r - 1]?.[c - 1] ?? undefined;
    const formula = this.s.formulas?.[r - 1]?.[c - 1] ?? undefined;
    const cell: Cell = { address: a1(r, c), row: r, col: c, value, text: cellText(value) };
    if (numberFormat && numberFormat !== "General") cell.numberFormat = numberFormat;
    if (formula) cell.formula = formula;
    return cell;
  }

  /** Whether the row holds a formula in its first `width` cells. */
  hasFormula(row: number, width: number): boolean {
    const f = this.s.formulas?.[row - 1];
    if (!f) return false;
    for (let c = 0; c < Math.min(width, f.length); c++) if (f[c]) return true;
    return false;
  }

  /** The row's texts up to its own last cell, or `limit` cells (callers only look at order and emptiness). */
  rowTexts(row: number, limit = Infinity): string[] {
    const out: string[] = [];
    // Not up to the sheet's widest row: one stray cell in column XFD would make every
    // row 16,384 cells long and reading a sheet take minutes.
    const last = Math.min(this.colCount, this.s.values[row - 1]?.length ?? 0, limit);
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
  const headerKeys = new Set<string>();
  for (let r = header.row; r <= header.end; r++) for (const t of grid.rowTexts(r)) if (t) headerKeys.add(foldKey(t));
  const rows = readRows(grid, header.end + 1, columns, width, headerKeys);
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

/**
 * The header: the row (or pair of rows) whose labels name the most roles. A header
 * over two rows puts a parent label ("Năm 2026", "Đơn vị thực hiện") merged across
 * the columns whose own labels ("Kế hoạch | Thực hiện", "Chủ trì | Phối hợp") sit in
 * the row under it; the sub-label wins under a merged parent, the parent elsewhere.
 */
function findHeader(grid: Grid): HeaderFound | null {
  let best: HeaderFound | null = null;
  let bestScore = 0;
  const last = Math.min(grid.rowCount, HEADER_SCAN_ROWS);
  // Each row's labels, read once: a row is looked at on its own and as the row under another.
  const labels = new Map<number, HeaderFound["labels"]>();
  const labelsAt = (row: number) => {
    let found = labels.get(row);
    if (!found) labels.set(row, (found = labelsOf(grid, row)));
    return found;
  };
  for (let r = 1; r <= last; r++) {
    const own = labelsAt(r);
    if (own.length === 0) continue;
    const pair = withSubLabels(grid, r, own, labelsAt(r + 1));
    const roles = new Set(pair.labels.map((l) => l.role));
    const hasName = roles.has("name") || roles.has("chiTieu") || roles.has("mucTieu");
    if (!hasName || roles.size < 3) continue;
    if (roles.size > bestScore) {
      bestScore = roles.size;
      best = pair;
    }
  }
  return best;
}

function withSubLabels(grid: Grid, row: number, own: HeaderFound["labels"], below: HeaderFound["labels"]): HeaderFound {
  if (below.length === 0 || isItemStart(grid, row + 1)) return { row, end: row, labels: own };
  const byCol = new Map(own.map((l) => [l.col, l]));
  // A second header row only fills columns the first leaves open or spans with a
  // merged parent; labels under other labels are a different row (a data row, a
  // "Ngày báo cáo" line above the header, a header repeated under itself).
  const conflict = below.some((l) => byCol.has(l.col) && !grid.merge(row, l.col));
  if (conflict || !below.some((l) => !byCol.has(l.col) || grid.merge(row, l.col))) return { row, end: row, labels: own };
  for (const l of below) byCol.set(l.col, l);
  return { row, end: row + 1, labels: [...byCol.values()].sort((a, b) => a.col - b.col) };
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

/**
 * Roles from the labels. "Chỉ tiêu" and "Mục tiêu" name the indicator unless another
 * column does ("Nội dung"), then they hold the target. "Kết quả" is the target of a
 * plan (000, 001, 002 write it so) unless the table has a target column too, then it
 * is the result; beside a deadline and without a unit it is a task's output (001).
 */
function resolveColumns(labels: HeaderFound["labels"]): Column[] {
  const roles = new Set(labels.map((l) => l.role));
  const hasTarget = roles.has("target") || (roles.has("name") && (roles.has("chiTieu") || roles.has("mucTieu")));
  const out: Column[] = [];
  for (const l of labels) {
    let role: Role;
    if (l.role === "chiTieu" || l.role === "mucTieu") role = roles.has("name") ? "target" : "name";
    else if (l.role === "ketQua") role = hasTarget && !roles.has("result") ? "result" : roles.has("unit") || !roles.has("deadline") ? "target" : "output";
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

function isRomanNumeral(text: string): boolean {
  // Stryker disable next-line Regex,MethodExpression: what reaches here is trimmed and has no "." or ")" but at its end
  return ROMAN.test(text.replace(/[.)]$/, "").trim());
}

function declaredCountOf(text: string): number | undefined {
  const m = text.replace(/^\s*\(\d+\)/, "").match(/\(\s*(\d{1,4})\s*(?:chỉ tiêu|nhiệm vụ|chi tieu|nhiem vu|nội dung)?\s*\)/i);
  return m ? Number(m[1]) : undefined;
}

// ───────────── rows: where the table ends, which rows are groups ─────────────

/**
 * Empty rows in a row after which the table ends, unless what follows is numbered
 * like a row of the table (a template's blank rows between groups).
 */
const EMPTY_RUN = 3;

/**
 * A line of the signature or recipients block under a table: "Nơi nhận:", "TM. ỦY
 * BAN NHÂN DÂN", "KT. CHỦ TỊCH", "NGƯỜI LẬP BIỂU", "Long Phước, ngày 10 tháng 3 năm
 * 2026", "(Ký, ghi rõ họ tên)", "Ghi chú: …". Short or written in capitals, as such
 * lines are: a task named "Chủ tịch UBND xã chỉ đạo …" is not one.
 */
const FOOTER_WORDS =
  /^(noi nhan|(tm|kt|tl|tuq|q) |nguoi (lap bieu|lap|tong hop|ky|bao cao|duyet)|(pho )?chu tich|thu truong|lanh dao|truong phong|pho truong phong|xac nhan|ky ten|ky ghi ro|ky va ghi ro)/;

function isFooterText(text: string): boolean {
  const key = foldKey(text);
  if (!key) return false;
  if (/^(noi nhan|ghi chu)\b/.test(key) && text.includes(":")) return true;
  if (/^\(?\s*ky,? (va )?(ghi ro )?ho (va )?ten/.test(key)) return true;
  if (/^[\p{L}\s.]{2,40},\s*ngày\s/iu.test(text) && /thang|\//.test(key + text)) return true;
  if (!FOOTER_WORDS.test(key)) return false;
  const capitals = text === text.toLocaleUpperCase("vi");
  return capitals || text.length <= 40 || /:\s*$/.test(text);
}

/** A row of column numbers under the header: "(1) (2) (3)" or "1 2 3 4", "A B 1 2 3". */
function isColumnNumbering(texts: string[]): boolean {
  let filled = 0;
  const digits: number[] = [];
  for (const t of texts) {
    if (!t) continue;
    filled++;
    const n = t.match(/^\(?(\d{1,2})\)?$/)?.[1];
    if (n !== undefined) digits.push(Number(n));
    else if (!/^\(?[A-H]\)?$/.test(t)) return false; // a cell that is no column number
  }
  if (filled < 3) return false;
  return digits.length >= 2 && digits.every((n, i) => i === 0 || n === digits[i - 1] + 1);
}

/** A row that repeats the header's labels (a header copied under itself, or onto the next page). */
function isHeaderAgain(texts: string[], headerKeys: Set<string>): boolean {
  const filled = texts.filter(Boolean);
  if (filled.length < 2) return false;
  return filled.every((t) => headerKeys.has(foldKey(t)) || labelRole(t) !== null);
}

type GroupKind = "roman" | "letter" | "integer" | "title";

interface RawRow {
  row: number;
  texts: string[];
  numberText: string;
  cells: Partial<Record<Role, Cell>>;
}

const LETTER = /^([A-H])[.)]?$/;
const SPREAD = /^([IVXLC]+|[A-H]|\d{1,2})[.)]\s*(\S.*)$|^([IVXLC]+)\s+(\S.*)$/;

function readRows(grid: Grid, start: number, columns: Column[], width: number, headerKeys: Set<string>): TableRow[] {
  const byRole = new Map(columns.map((c) => [c.role, c]));
  const numberCol = byRole.get("number");

  // Pass 1: the rows of the table, up to its footer or a run of empty rows.
  const raw: RawRow[] = [];
  let empty = 0;
  for (let r = start; r <= grid.rowCount; r++) {
    const texts = grid.rowTexts(r, width);
    if (texts.every((t) => t === "")) {
      // A prepared row (the template's formulas wait in it) is part of the table.
      if (!grid.hasFormula(r, width)) empty++;
      continue;
    }
    const numberText = numberCol ? cellText(grid.raw(r, numberCol.col)) : "";
    // Past a run of empty rows the table goes on only with another numbered row or group.
    const gap = raw.length > 0 && empty >= EMPTY_RUN;
    empty = 0;
    if (gap && !looksNumbered(numberText) && !SPREAD.test(texts.find(Boolean) ?? "")) break;
    if (!looksNumbered(numberText) && texts.some((t) => t && isFooterText(t))) break;
    if (isColumnNumbering(texts) || isHeaderAgain(texts, headerKeys)) continue;
    const cells: Partial<Record<Role, Cell>> = {};
    // A cell merged down from an earlier row belongs to that row's group of rows;
    // keep it (a lead unit merged over several tasks applies to each).
    for (const c of columns) cells[c.role] = grid.cell(r, c.col);
    raw.push({ row: r, texts, numberText, cells });
  }

  // A number whose next numbered row is its first child ("1." over "1.1") is a group.
  const dotted = new Set<number>();
  raw.forEach((x, i) => {
    if (!/^\d{1,3}\.?$/.test(x.numberText)) return;
    const next = nextNumbered(raw, i);
    const m = next?.numberText.match(/^(\d{1,3})\.\d{1,3}\.?$/);
    if (m && Number(m[1]) === Number(x.numberText.replace(/\.$/, ""))) dotted.add(x.row);
  });
  const numbered = raw.filter((x) => looksNumbered(x.numberText)).length;

  // Pass 2: groups and items. Group levels follow the order their kinds first appear
  // ("A." then "1." then items "1.1"; or "I" then items).
  const levels: GroupKind[] = [];
  const open: { index: number; level: number }[] = [];
  const rows: TableRow[] = [];
  let groups = 0;
  for (const x of raw) {
    const g = groupOf(x, grid, byRole, width, dotted, numbered >= 2, raw);
    if (!g) {
      const nameText = x.cells.name?.text ?? "";
      // The number may sit in front of a parent task ("1. Triển khai ...").
      let number: string | null = x.numberText || null;
      if (!number && x.cells.parentTask?.text) {
        const m = x.cells.parentTask.text.match(/^(\d+(?:\.\d+)*)[.)]?\s/);
        if (m) number = m[1];
      }
      if (!nameText && !number && x.texts.filter(Boolean).length === 0) continue;
      rows.push({ row: x.row, kind: "task", number, group: open.length ? open[open.length - 1].index : -1, cells: x.cells });
      continue;
    }
    let level = levels.indexOf(g.kind);
    if (level < 0) level = levels.push(g.kind) - 1;
    while (open.length && open[open.length - 1].level >= level) open.pop();
    const index = groups++;
    const count = declaredCountOf(g.title);
    rows.push({
      row: x.row,
      kind: "group",
      number: g.number,
      title: g.title,
      ...(count !== undefined ? { declaredCount: count } : {}),
      group: index,
      parent: open.length ? open[open.length - 1].index : -1,
      cells: x.cells,
    });
    open.push({ index, level });
  }
  return rows;
}

/** An item number as officials write it: "1", "01", "1.", "1.2", "I", "IV)", "a)". */
function looksNumbered(text: string): boolean {
  return /^(\d{1,3}(\.\d{1,3})*\.?|[IVXLC]+[.)]?|[A-Ha-h][.)]?)$/.test(text);
}

/** The first numbered row after `raw[i]`. */
function nextNumbered(raw: RawRow[], i: number): RawRow | undefined {
  for (let j = i + 1; j < raw.length; j++) if (looksNumbered(raw[j].numberText)) return raw[j];
  return undefined;
}

/** "1. Title" spread across a row, followed by its "1.1" items. */
function startsDotted(raw: RawRow[], x: RawRow, num: string): boolean {
  const next = nextNumbered(raw, raw.indexOf(x));
  const m = next?.numberText.match(/^(\d{1,3})\.\d{1,3}\.?$/);
  return Boolean(m && Number(m[1]) === Number(num));
}

function groupOf(
  x: RawRow,
  grid: Grid,
  byRole: Map<Role, Column>,
  width: number,
  dotted: Set<number>,
  tableIsNumbered: boolean,
  raw: RawRow[],
): { kind: GroupKind; number: string | null; title: string } | null {
  const nameText = x.cells.name?.text ?? "";
  const filled: { t: string; col: number }[] = [];
  // Stryker disable next-line EqualityOperator: one step past the end reads an empty text, which is skipped
  for (let i = 0; i < x.texts.length; i++) if (x.texts[i]) filled.push({ t: x.texts[i], col: i + 1 });
  const rest = () => nameText || filled.filter((c) => c.t !== x.numberText).map((c) => c.t).join(" ");
  // Stryker disable next-line Regex: a number that makes a group has no "." or ")" but at its end
  const n = x.numberText.replace(/[.)]$/, "");
  // Text in the number column that is no number ("Hạ tầng số" merged across the row) is a title, below.
  if (x.numberText && looksNumbered(x.numberText)) {
    // Letters first: "C." and "D." after "A.", "B." are letters, not the numerals 100 and 500.
    if (LETTER.test(x.numberText)) return { kind: "letter", number: n, title: rest() };
    if (isRomanNumeral(x.numberText)) return { kind: "roman", number: n, title: rest() };
    if (dotted.has(x.row)) {
      return { kind: "integer", number: n, title: rest() };
    }
    return null;
  }
  // "I. Title", "A. Title", "1. Title" (over "1.1" items) written across the row.
  const first = filled[0].t; // a row of the table has some text
  const spread = first.match(SPREAD);
  if (spread) {
    const num = spread[1] ?? spread[3];
    const title = spread[2] ?? spread[4];
    if (LETTER.test(num)) return { kind: "letter", number: num, title };
    if (isRomanNumeral(num)) return { kind: "roman", number: num, title };
    if (/^\d+$/.test(num) && startsDotted(raw, x, num)) return { kind: "integer", number: num, title };
  }
  // A title merged across the table, or a lone title in a numbered table: no unit,
  // no target, no body, no number.
  if (filled.length === 1 && tableIsNumbered) {
    const m = grid.merge(x.row, filled[0].col);
    const wide = m !== undefined && m.right - m.left + 1 >= Math.max(2, Math.ceil(width / 2));
    const nameCol = byRole.get("name")?.col;
    if (wide || filled[0].col === nameCol) return { kind: "title", number: null, title: filled[0].t };
  }
  return null;
}
