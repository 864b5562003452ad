/**
 * The consolidation written out as new sheets (an Edit[] plan, pure): "Tổng hợp chỉ
 * tiêu", "Tổng hợp nhiệm vụ", "Nguồn", and inside one commune the merged appendices
 * ("Hợp nhất ..."). New sheets only, each under a free name: nothing existing is
 * touched.
 */
import type { CellInput, Edit } from "../edits";
import type { Target } from "../target";
import { targetNumberFormat } from "../target";
import { dateInWords, formatDateVi, parseIso, toExcelSerial } from "../dates";
import { a1 } from "../address";
import { PROVINCE } from "../../catalog/communes";
import { writeDocumentHeading, writeSignature, HEADING_SIZE, TITLE_SIZE, type HeadingSpec } from "../layout/document";
import { fitWidths, pageSetupFor } from "../layout/print";
import { roundTo } from "../numbers";
import type { Role } from "../reader";
import { freeSheetName } from "../sheetName";
import { GROUP_FILL, HEADER_FILL, SheetBuilder, TABLE_SIZE } from "./sheetBuilder";
import { rowHeightFor } from "../layout/metrics";
import type { ConsolidationResult, IndicatorSummary, MergedAppendix, SourceReport, SourceStatus, UnitId } from "./types";

import { MERGED_SHEET_PREFIX, SHEET_INDICATORS, SHEET_SOURCES, SHEET_TASKS } from "./names";

export { MERGED_SHEET_PREFIX, SHEET_INDICATORS, SHEET_SOURCES, SHEET_TASKS };

export const STATUS_TEXT: Record<SourceStatus, string> = {
  ok: "Đã tổng hợp",
  "no-result": "Chưa có kết quả",
  unreadable: "Không đọc được tệp",
  "no-table": "Không có bảng phụ lục",
  "unknown-unit": "Không rõ đơn vị",
  "duplicate-unit": "Trùng đơn vị",
  "other-commune": "Tệp của xã, phường khác",
};

const VIA_TEXT: Record<UnitId["via"], string> = {
  heading: "Tiêu đề bảng",
  marker: "Ô “Đơn vị báo cáo”",
  "file-name": "Tên tệp",
  "sheet-name": "Tên trang tính",
};

const HEADER = { bold: true, horizontal: "center", vertical: "middle", wrap: true, border: true, fill: HEADER_FILL } as const;
const BODY = { border: true, wrap: true, vertical: "middle" } as const;

/** "0%" for whole percentages, more digits only where the value needs them. */
function percentFormat(v: number): string {
  return Number.isInteger(roundTo(v * 100, 6)) ? "0%" : "0.0#%";
}

function numberFormat(v: number, percent: boolean): string {
  if (percent) return percentFormat(v);
  return Number.isInteger(roundTo(v, 6)) ? "0" : "0.0#";
}

/** A target as a cell: the number with a format showing "≥ 60%", or the text of a qualitative one. */
function targetCell(t: Target | null): { value: CellInput; format: string | null } {
  if (!t) return { value: null, format: null };
  if (t.kind === "qualitative") return { value: t.text, format: null };
  return { value: t.value, format: targetNumberFormat(t) };
}

function valueCell(v: number | string | null, percent: boolean): { value: CellInput; format: string | null } {
  if (v === null) return { value: null, format: null };
  if (typeof v === "string") return { value: v, format: "@" };
  return { value: v, format: numberFormat(v, percent) };
}

function yearOf(result: ConsolidationResult): number {
  return parseIso(result.asOf).year;
}

/**
 * Who issues the consolidated report: inside one commune its People's Committee; across
 * communes the province's Department of Science and Technology, which consolidates the
 * communes' reports (the province is a centrally-run city from 30/4/2026).
 */
function issuer(result: ConsolidationResult): { body: [string, string]; parentLine: boolean; place: string } {
  if (result.withinCommune) {
    const label = result.commune?.label ?? "Xã, phường ……";
    const name = label.replace(/^(xã|phường)\s+/iu, "");
    return { body: ["ỦY BAN NHÂN DÂN", label.normalize("NFC").toLocaleUpperCase("vi")], parentLine: false, place: result.commune ? name : "……" };
  }
  const province = result.asOf >= PROVINCE.cityFrom ? `THÀNH PHỐ ${PROVINCE.name}` : `TỈNH ${PROVINCE.name}`;
  // The parent body's line is abbreviated as the decree's forms write it ("UBND TỈNH …").
  return { body: [`UBND ${province.toLocaleUpperCase("vi")}`, "SỞ KHOA HỌC VÀ CÔNG NGHỆ"], parentLine: true, place: PROVINCE.name };
}

/** The heading block and the title with the period; returns the first free row. */
function heading(b: SheetBuilder, result: ConsolidationResult, title: string, widths: number[], leftEnd: number): number {
  const who = issuer(result);
  const spec: HeadingSpec = {
    body: who.body,
    parentLine: who.parentLine,
    left: [1, leftEnd],
    right: [leftEnd + 1, widths.length],
    lastCol: widths.length,
    widths,
    lines: [
      { text: title, size: TITLE_SIZE, bold: true },
      { text: `(Tính đến ${dateInWords(result.asOf)}; ${scopeText(result)})`, size: HEADING_SIZE, italic: true },
    ],
  };
  return writeDocumentHeading(b.grid(), spec);
}

/** Notes under a table, across its printed width, each wrapped on its own row; returns the next free row. */
function notes(b: SheetBuilder, row: number, lastCol: number, lines: string[]): number {
  lines.forEach((text, i) => {
    b.set(row + i, 1, text);
    b.merge(row + i, 1, row + i, lastCol);
    b.style(row + i, 1, row + i, 1, { italic: true, wrap: true, vertical: "top" });
    b.fitRows(row + i, row + i);
  });
  return row + lines.length;
}

/** The signature block two rows under `row`, over the printed columns; returns its last row. */
function signature(b: SheetBuilder, result: ConsolidationResult, row: number, lastCol: number, leftEnd: number): number {
  const right = Math.max(leftEnd + 1, lastCol - 4);
  return writeSignature(b.grid(), { row: row + 1, left: [1, leftEnd], right: [right, lastCol], place: issuer(result).place, year: yearOf(result) });
}

function scopeText(result: ConsolidationResult): string {
  const n = result.units.length;
  return result.withinCommune
    ? `${n} phòng, ban, đơn vị${result.commune ? ` của ${result.commune.label}` : ""}`
    : `${n} xã, phường`;
}

// ---------------------------------------------------------------- indicators

/**
 * The fixed columns, the part of the sheet that prints (A4 landscape at 12 pt): the
 * catalog code is kept, hidden (it ties rows to the catalog, and is not for print). The
 * catalog's targets are the province's only when a workbook's "Danh mục" sheet supplied
 * them; otherwise they are a reference rebuilt from sample plans, and the headings say so.
 */
function fixedColumns(reference: boolean) {
  return [
    { label: "STT", width: 4.5 },
    { label: "Mã chỉ tiêu", width: 0 },
    { label: "Chỉ tiêu", width: 45.5 },
    { label: "Đơn vị tính", width: 7 },
    { label: reference ? "Mức tham chiếu (*)" : "Chỉ tiêu của tỉnh", width: 9 },
    { label: "Số đơn vị", sub: "có chỉ tiêu", width: 6.5 },
    { label: "Số đơn vị", sub: "báo cáo", width: 6.5 },
    { label: "Số đơn vị", sub: "đạt (**)", width: 6.5 },
    { label: "Tỷ lệ đơn vị đạt", width: 8.5 },
    { label: "Kết quả", sub: "thấp nhất", width: 7.5 },
    { label: "Kết quả", sub: "trung vị", width: 7.5 },
    { label: "Kết quả", sub: "cao nhất", width: 7.5 },
    { label: reference ? "Số đơn vị đặt thấp hơn mức tham chiếu" : "Số đơn vị đặt thấp hơn tỉnh", width: 11 },
  ];
}
const CODE_COLUMN_WIDTH = 9;

/** What a unit's cells say when its own target or result could not be read. */
const TARGET_PROBLEM = { missing: "chưa có chỉ tiêu", unreadable: "không đọc được chỉ tiêu" } as const;
const RESULT_PROBLEM = {
  unreadable: "không đọc được kết quả",
  ambiguous: "chưa rõ (1% hay 100%?)",
  "free-text": "chưa đánh giá (ghi Đạt/Chưa đạt)",
} as const;

export function indicatorSheet(result: ConsolidationResult, name: string): Edit[] {
  const b = new SheetBuilder(name);
  const FIXED = fixedColumns(result.referenceTargets);
  const widths = FIXED.map((c) => c.width);
  const printed = FIXED.length;
  const unitStart = printed + 1;
  const lastCol = printed + 3 * result.units.length;
  const H1 = heading(b, result, `TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM ${yearOf(result)}`, widths, 3) + 1;
  const H2 = H1 + 1;
  // Two header rows: a label over its column(s), the sub-labels of grouped columns under it.
  let c = 1;
  while (c <= printed) {
    const col = FIXED[c - 1];
    let end = c;
    while (end < printed && col.sub && FIXED[end].label === col.label) end++;
    b.set(H1, c, col.label);
    if (col.sub) {
      b.merge(H1, c, H1, end);
      for (let k = c; k <= end; k++) b.set(H2, k, FIXED[k - 1].sub ?? null);
    } else b.merge(H1, c, H2, c);
    c = end + 1;
  }
  result.units.forEach((u, i) => {
    const col = unitStart + 3 * i;
    b.set(H1, col, u.label);
    b.merge(H1, col, H1, col + 2);
    b.row(H2, col, ["Chỉ tiêu", "Kết quả", "Tỷ lệ đạt"]);
  });
  b.style(H1, 1, H2, Math.max(lastCol, printed), HEADER);
  // The header's heights: a label over both rows shares them; a group's label takes H1, its sub-labels H2.
  const bold = (text: string, width: number) => ({ text, width, bold: true });
  const h2 = rowHeightFor(FIXED.filter((c) => c.sub).map((c) => bold(c.sub!, c.width)), TABLE_SIZE);
  const tall = rowHeightFor(FIXED.filter((c) => !c.sub && c.width > 0).map((c) => bold(c.label, c.width)), TABLE_SIZE);
  const groupLabels = FIXED.filter((c, i) => c.sub && FIXED[i - 1]?.label !== c.label).map((c) => bold(c.label, FIXED.filter((x) => x.label === c.label).reduce((w, x) => w + x.width, 0)));
  b.height(H1, Math.max(rowHeightFor([...groupLabels, ...result.units.map((u) => bold(u.label, 30))], TABLE_SIZE), tall - h2));
  b.height(H2, h2);

  let r = H2 + 1;
  let stt = 0;
  const unitIndex = new Map(result.units.map((u, i) => [u.key, i]));
  const writeIndicator = (ind: IndicatorSummary) => {
    stt++;
    const prov = targetCell(ind.provinceTarget);
    b.row(r, 1, [stt, ind.indicatorCode, ind.name, ind.unitText || null]);
    b.set(r, 5, prov.value, prov.format);
    b.row(r, 6, [ind.unitsWithRow, ind.unitsReporting, ind.unitsMet]);
    const share = valueCell(ind.shareMet, true);
    b.set(r, 9, share.value, share.format);
    [ind.min, ind.median, ind.max].forEach((v, k) => {
      const c = valueCell(v, ind.percent);
      b.set(r, 10 + k, c.value, c.format);
    });
    b.set(r, 13, ind.unitsBelowProvince);
    for (const p of ind.perUnit) {
      const col = unitStart + 3 * unitIndex.get(p.unitKey)!;
      if (p.targetProblem) b.set(r, col, TARGET_PROBLEM[p.targetProblem]);
      else {
        const t = targetCell(p.targetValue);
        b.set(r, col, t.value, t.format);
      }
      if (p.resultProblem && p.resultProblem !== "no-target") b.set(r, col + 1, RESULT_PROBLEM[p.resultProblem]);
      else {
        const v = valueCell(p.result, ind.percent);
        b.set(r, col + 1, v.value, v.format);
      }
      const rate = valueCell(p.rate, true);
      b.set(r, col + 2, rate.value, rate.format);
    }
    r++;
  };

  const groups = new Map(result.groups.map((g) => [g.code, g]));
  const inCatalog = result.indicators.filter((i) => i.indicatorCode !== null);
  const outside = result.indicators.filter((i) => i.indicatorCode === null);
  let group: string | null = null;
  const groupRow = (title: string, numeral: string | null) => {
    b.row(r, 1, [numeral, null, title]);
    // The group's title runs across the printed table.
    b.merge(r, 3, r, printed);
    b.style(r, 1, r, Math.max(lastCol, printed), { bold: true, fill: GROUP_FILL });
    r++;
  };
  for (const ind of inCatalog) {
    if (ind.group !== group) {
      group = ind.group;
      const g = groups.get(group ?? "");
      groupRow(g?.name ?? group ?? "", g?.numeral ?? null);
    }
    writeIndicator(ind);
  }
  if (outside.length) {
    groupRow("Ngoài danh mục (chỉ tiêu không khớp chỉ tiêu nào trong danh mục, giữ nguyên cách ghi của đơn vị)", null);
    for (const ind of outside) writeIndicator(ind);
  }
  if (result.indicators.length === 0) {
    b.set(r, 3, "Không có chỉ tiêu nào trong các tệp đã đọc.");
    r++;
  }
  b.style(H2 + 1, 1, r - 1, Math.max(lastCol, printed), BODY);
  b.style(H2 + 1, 1, r - 1, 2, { horizontal: "center" });
  b.style(H2 + 1, 4, r - 1, Math.max(lastCol, printed), { horizontal: "center" });
  b.fitRows(H2 + 1, r - 1);

  // What the figures mean, under the table (never cut at the page's edge), then the signatures.
  const after = notes(b, r + 1, printed, [
    `Ghi chú: chỉ tiêu đối chiếu theo danh mục: ${result.catalogSource} (phiên bản ${result.catalogVersion}).`,
    "(**) Đạt hoặc vượt chỉ tiêu của chính đơn vị, ghi trong tệp của đơn vị; đơn vị không đọc được chỉ tiêu hoặc kết quả thì không tính là đã báo cáo.",
    ...(result.referenceTargets ? ["(*) Mức tham chiếu dựng từ các kế hoạch mẫu, không phải chỉ tiêu chính thức của tỉnh."] : []),
    ...(result.units.length ? ["Chỉ tiêu, kết quả và tỷ lệ đạt của từng đơn vị ở các cột bên phải bảng (xem trên máy, không in)."] : []),
  ]);
  const last = signature(b, result, after, printed, 3);
  b.setWidths([
    ...FIXED.map((c, i) => (c.width > 0 ? { col: i + 1, width: c.width } : { col: i + 1, width: CODE_COLUMN_WIDTH, hidden: true })),
    ...result.units.flatMap((_, i) => [
      { col: unitStart + 3 * i, width: 11 },
      { col: unitStart + 3 * i + 1, width: 10 },
      { col: unitStart + 3 * i + 2, width: 9 },
    ]),
  ]);
  b.add({ op: "freeze", sheet: name, rows: H2, cols: 3 });
  b.add(pageSetupFor(name, { widths, tableSize: TABLE_SIZE, titleRows: `${H1}:${H2}`, printArea: `A1:${a1(last, printed)}` }));
  return b.edits();
}

// ---------------------------------------------------------------- tasks

/**
 * Widths of the task sheet: the figures per unit (A–I), and under them the overdue
 * tasks, whose name runs over C–E (128 units: A4 landscape at 12 pt; dates need 11.2).
 */
const TASK_SHEET_WIDTHS = [4.5, 24, 11.2, 11.2, 11.2, 13, 11.2, 11.2, 11.2, 19.3];

export function taskSheet(result: ConsolidationResult, name: string): Edit[] {
  const b = new SheetBuilder(name);
  const cols = [
    "STT",
    "Đơn vị",
    "Tổng số nhiệm vụ",
    "Hoàn thành",
    "Đang thực hiện",
    "Chưa thực hiện",
    "Quá hạn",
    `Sắp đến hạn (trong ${result.dueSoonDays} ngày)`,
    "Không có thời hạn cụ thể",
  ];
  const printed = TASK_SHEET_WIDTHS.length;
  const H = heading(b, result, `TỔNG HỢP TÌNH HÌNH THỰC HIỆN NHIỆM VỤ NĂM ${yearOf(result)}`, TASK_SHEET_WIDTHS, 3) + 1;
  b.row(H, 1, cols);
  b.style(H, 1, H, cols.length, HEADER);
  let r = H + 1;
  const total = { total: 0, done: 0, inProgress: 0, notStarted: 0, overdue: 0, dueSoon: 0, noDate: 0 };
  result.tasks.forEach((t, i) => {
    b.row(r, 1, [i + 1, t.unit, t.total, t.done, t.inProgress, t.notStarted, t.overdue, t.dueSoon, t.noDate]);
    for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += t[k];
    r++;
  });
  b.row(r, 1, [null, "Tổng cộng", total.total, total.done, total.inProgress, total.notStarted, total.overdue, total.dueSoon, total.noDate]);
  b.style(r, 1, r, cols.length, { bold: true });
  b.style(H + 1, 1, r, cols.length, BODY);
  b.style(H + 1, 3, r, cols.length, { horizontal: "center" });
  b.style(H + 1, 1, r, 1, { horizontal: "center" });
  b.fitRows(H, r);
  r = notes(b, r + 1, printed, [
    "Ghi chú: “Chưa thực hiện” gồm cả nhiệm vụ chưa ghi tình trạng; “Không có thời hạn cụ thể”: thời hạn trống hoặc không ghi ngày (ví dụ “Theo hướng dẫn của tỉnh”).",
  ]);
  r += 1;

  const L = r;
  b.set(L, 1, `DANH SÁCH NHIỆM VỤ QUÁ HẠN (tính đến ngày ${formatDateVi(result.asOf)})`);
  b.style(L, 1, L, 1, { bold: true, fontSize: HEADING_SIZE });
  b.merge(L, 1, L, printed);
  b.fitRows(L, L);
  // Columns: STT, unit, the task over C–E, its lead, the deadline as planned, the due date, days overdue, where it is.
  const listRow = (row: number, v: CellInput[]) => {
    b.row(row, 1, [v[0], v[1], v[2]]);
    b.merge(row, 3, row, 5);
    b.row(row, 6, v.slice(3));
  };
  listRow(L + 1, ["STT", "Đơn vị", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn (theo kế hoạch)", "Hạn hoàn thành", "Số ngày quá hạn", "Vị trí trong tệp"]);
  b.style(L + 1, 1, L + 1, printed, HEADER);
  r = L + 2;
  if (result.overdue.length === 0) {
    b.set(r, 3, "Không có nhiệm vụ quá hạn.");
    b.merge(r, 3, r, 5);
    r++;
  }
  result.overdue.forEach((t, i) => {
    listRow(r, [i + 1, t.unit, t.name, t.lead, t.deadlineText, null, t.days, `${t.sheet}, dòng ${t.row}`]);
    b.set(r, 8, toExcelSerial(t.due), "dd/mm/yyyy");
    r++;
  });
  b.style(L + 2, 1, r - 1, printed, BODY);
  b.style(L + 2, 1, r - 1, 1, { horizontal: "center" });
  b.style(L + 2, 7, r - 1, 9, { horizontal: "center" });
  b.fitRows(L + 1, r - 1);
  const last = signature(b, result, r, printed, 3);
  b.setWidths(TASK_SHEET_WIDTHS.map((width, i) => ({ col: i + 1, width })));
  b.add({ op: "freeze", sheet: name, rows: H });
  b.add(pageSetupFor(name, { widths: TASK_SHEET_WIDTHS, tableSize: TABLE_SIZE, printArea: `A1:${a1(last, printed)}` }));
  return b.edits();
}

// ---------------------------------------------------------------- sources

function tablesText(s: SourceReport): string {
  return s.tables
    .map((t) => {
      const parts = [t.indicators ? `${t.indicators} chỉ tiêu` : "", t.tasks ? `${t.tasks} nhiệm vụ` : ""].filter(Boolean);
      return `${t.sheet}: ${parts.join(", ")}`;
    })
    .join("; ");
}

export function sourceSheet(result: ConsolidationResult, name: string): Edit[] {
  const b = new SheetBuilder(name);
  const cols = [
    { label: "STT", width: 6 },
    { label: "Tệp", width: 30 },
    { label: "Đơn vị", width: 26 },
    { label: "Mã đơn vị", width: 10 },
    { label: "Loại", width: 12 },
    { label: "Xác định đơn vị theo", width: 14 },
    { label: "Các bảng đã đọc", width: 34 },
    { label: "Số dòng đọc được", width: 10 },
    { label: "Lỗi", width: 8 },
    { label: "Cảnh báo", width: 9 },
    { label: "Gợi ý", width: 8 },
    { label: "Tình trạng", width: 16 },
    { label: "Vấn đề", width: 60 },
  ];
  const counted = result.sources.filter((s) => s.included).length;
  b.set(1, 1, "CÁC TỆP ĐÃ ĐƯA VÀO TỔNG HỢP");
  b.style(1, 1, 1, 1, { horizontal: "center" });
  b.set(
    2,
    1,
    `Tính đến ngày ${formatDateVi(result.asOf)}; ${result.sources.length} tệp, ${counted} tệp được tổng hợp, ${result.sources.length - counted} tệp không được tổng hợp (xem cột “Vấn đề”). ` +
      (result.checked ? "Lỗi, cảnh báo, gợi ý: kết quả kiểm tra từng tệp." : "Các cột Lỗi, Cảnh báo, Gợi ý để trống: các tệp chưa được kiểm tra."),
  );
  b.style(1, 1, 1, 1, { bold: true, fontSize: 14 });
  b.style(2, 1, 2, 1, { italic: true, wrap: true, vertical: "top" });
  b.merge(1, 1, 1, cols.length);
  b.merge(2, 1, 2, cols.length);
  const H = 4;
  b.row(H, 1, cols.map((c) => c.label));
  b.style(H, 1, H, cols.length, HEADER);
  let r = H + 1;
  result.sources.forEach((s, i) => {
    b.row(r, 1, [
      i + 1,
      s.file,
      s.unit,
      s.unitCode,
      s.kind,
      s.via ? VIA_TEXT[s.via] : null,
      tablesText(s) || null,
      s.rowsRead,
      s.findings?.error ?? null,
      s.findings?.warning ?? null,
      s.findings?.info ?? null,
      STATUS_TEXT[s.status],
      s.problems.map((p) => p.message).join("\n") || null,
    ]);
    if (s.unitCode) b.format(r, 4, "@");
    r++;
  });
  b.style(H + 1, 1, r - 1, cols.length, BODY);
  b.style(H + 1, 8, r - 1, 11, { horizontal: "center" });
  b.style(H + 1, 1, r - 1, 1, { horizontal: "center" });

  if (result.merge) {
    r += 2;
    const L = r;
    b.set(L, 1, "CÁC DÒNG CÓ SỐ LIỆU KHÁC NHAU GIỮA CÁC PHÒNG, BAN (cần người phụ trách quyết định)");
    b.style(L, 1, L, 1, { bold: true, fontSize: 13 });
    b.merge(L, 1, L, cols.length);
    const head = ["STT", "Bảng", "Nội dung", "Đơn vị chủ trì", "Số liệu từng đơn vị", "Cách xử lý"];
    b.row(L + 1, 1, [head[0], head[1], head[2], head[3], null, null, head[4], null, null, null, null, null, head[5]]);
    b.merge(L + 1, 4, L + 1, 6);
    b.merge(L + 1, 7, L + 1, 12);
    b.style(L + 1, 1, L + 1, cols.length, HEADER);
    r = L + 2;
    if (result.merge.conflicts.length === 0) {
      b.set(r, 3, "Không có dòng nào có số liệu khác nhau.");
      r++;
    }
    result.merge.conflicts.forEach((c, i) => {
      b.row(r, 1, [i + 1, c.appendix, c.name, c.lead, null, null, c.values.map((v) => `${v.unit}: ${v.text}`).join("\n"), null, null, null, null, null, c.message]);
      b.merge(r, 4, r, 6);
      b.merge(r, 7, r, 12);
      r++;
    });
    b.style(L + 2, 1, r - 1, cols.length, BODY);
  }
  // A working list rather than a report: no heading block, but it prints on A4 as the rest, its columns
  // narrowed to the page (their text wraps) rather than its text shrunk.
  const widths = fitWidths(cols.map((c) => c.width));
  b.setWidths(widths.map((width, i) => ({ col: i + 1, width })));
  b.fitRows(1, r - 1);
  b.add({ op: "freeze", sheet: name, rows: H });
  b.add(pageSetupFor(name, { widths, tableSize: TABLE_SIZE, titleRows: `${H}:${H}` }));
  return b.edits();
}

// ---------------------------------------------------------------- merged appendices

const ROLE_WIDTH: Partial<Record<Role, number>> = {
  number: 6,
  name: 50,
  parentTask: 32,
  output: 22,
  kpi: 18,
  unit: 10,
  target: 12,
  lead: 18,
  coordinating: 16,
  deadline: 14,
  result: 14,
  status: 14,
  completedOn: 13,
  note: 20,
};

const WHY_TEXT = { lead: "đơn vị chủ trì", "only-report": "đơn vị duy nhất có số liệu", base: "", undecided: "", group: "" } as const;

export function mergedSheet(result: ConsolidationResult, app: MergedAppendix, name: string): Edit[] {
  const b = new SheetBuilder(name);
  const cols = app.columns;
  const fromCol = cols.length + 1;
  const conflictCol = cols.length + 2;
  const widths = fitWidths([...cols.map((c) => ROLE_WIDTH[c.role] ?? 16), 20, 24]);
  const who = issuer(result);
  const nameCol = cols.findIndex((c) => c.role === "name") + 1;
  const leftEnd = Math.max(1, Math.min(nameCol || 2, conflictCol - 1));
  const next = writeDocumentHeading(b.grid(), {
    body: who.body,
    parentLine: who.parentLine,
    left: [1, leftEnd],
    right: [leftEnd + 1, conflictCol],
    lastCol: conflictCol,
    widths,
    lines: [
      { text: `BẢNG HỢP NHẤT: ${app.name.toLocaleUpperCase("vi")}`, size: TITLE_SIZE, bold: true },
      {
        text:
          `(Hợp nhất ${dateInWords(result.asOf)} từ ${result.units.filter((u) => u.file).length} tệp của các phòng, ban; mỗi dòng lấy theo đơn vị chủ trì. ` +
          `Dòng có số liệu khác nhau được ghi ở cột “Số liệu khác nhau” và trong trang “Nguồn”.)`,
        size: HEADING_SIZE,
        italic: true,
      },
    ],
  });
  const H = next + 1;
  b.row(H, 1, [...cols.map((c) => c.label), "Lấy từ", "Số liệu khác nhau"]);
  b.style(H, 1, H, conflictCol, HEADER);
  const hasNumber = cols.some((c) => c.role === "number");
  let r = H + 1;
  for (const row of app.rows) {
    if (row.kind === "group") {
      if (hasNumber) {
        cols.forEach((c, i) => b.set(r, i + 1, row.values[c.role] ?? null));
        if (nameCol > 0 && !row.values.name) b.set(r, nameCol, row.name);
      } else {
        // "I. Title" across the row, as the seed layouts without a number column write groups.
        b.set(r, 1, `${row.number}. ${row.name}`);
        b.merge(r, 1, r, cols.length);
      }
      b.style(r, 1, r, conflictCol, { bold: true });
      r++;
      continue;
    }
    cols.forEach((c, i) => b.set(r, i + 1, (row.values[c.role] ?? null) as CellInput, row.numberFormats[c.role as Role] ?? null));
    const why = WHY_TEXT[row.why];
    b.set(r, fromCol, row.from ? `${row.from.unit}${why ? ` (${why})` : ""}` : row.why === "undecided" ? "Chưa chọn" : null);
    if (row.conflict !== null) {
      const c = result.merge!.conflicts[row.conflict];
      b.set(r, conflictCol, c.values.map((v) => `${v.unit}: ${v.text}`).join("; "));
      b.style(r, fromCol, r, conflictCol, { fill: "#FFF2CC" });
    }
    r++;
  }
  b.style(H + 1, 1, r - 1, conflictCol, BODY);
  b.setWidths(widths.map((width, i) => ({ col: i + 1, width })));
  b.fitRows(H, r - 1);
  b.add({ op: "freeze", sheet: name, rows: H });
  b.add(pageSetupFor(name, { widths, tableSize: TABLE_SIZE, titleRows: `${H}:${H}` }));
  return b.edits();
}

// ---------------------------------------------------------------- plans

function namer(existingSheets: string[]): (wanted: string) => string {
  const taken = [...existingSheets];
  return (wanted) => {
    const n = freeSheetName(wanted, taken);
    taken.push(n);
    return n;
  };
}

function mergedPlans(result: ConsolidationResult, take: (wanted: string) => string): Edit[] {
  return (result.merge?.appendices ?? []).flatMap((app) => mergedSheet(result, app, take(`${MERGED_SHEET_PREFIX} ${app.name}`)));
}

/**
 * The consolidation as one plan: "Tổng hợp chỉ tiêu", "Tổng hợp nhiệm vụ", "Nguồn",
 * and inside one commune the merged appendices. `existingSheets` are the names already
 * in the workbook the plan goes into; every new sheet gets a free name
 * (`sheetsAdded(plan)` gives them back).
 */
export function planConsolidation(result: ConsolidationResult, existingSheets: string[]): Edit[] {
  const take = namer(existingSheets);
  const first = take(SHEET_INDICATORS);
  return [
    ...indicatorSheet(result, first),
    ...taskSheet(result, take(SHEET_TASKS)),
    ...sourceSheet(result, take(SHEET_SOURCES)),
    ...mergedPlans(result, take),
    { op: "select", sheet: first, range: "A1" },
  ];
}

/** Only the merged appendices (inside one commune), one sheet per appendix. */
export function planMergedSheets(result: ConsolidationResult, existingSheets: string[]): Edit[] {
  return mergedPlans(result, namer(existingSheets));
}
