/**
 * The consolidation written out as new sheets (an Edit[] plan, pure): "Tổng hợp chỉ
 * tiêu", "Tổng hợp nhiệm vụ", "Nguồn", and inside one commune the merged appendices
 * ("Hợp nhất ..."). New sheets only, each under a free name: nothing existing is
 * touched.
 */
import type { CellInput, Edit } from "../edits";
import type { Target } from "../target";
import { targetNumberFormat } from "../target";
import { formatDateVi, parseIso, toExcelSerial } from "../dates";
import { roundTo } from "../numbers";
import type { Role } from "../reader";
import { freeSheetName } from "../sheetName";
import { FLAG_LABELS } from "../status";
import { GROUP_FILL, HEADER_FILL, SheetBuilder } from "./sheetBuilder";
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

function scopeText(result: ConsolidationResult): string {
  const n = result.units.length;
  return result.withinCommune
    ? `${n} phòng, ban, đơn vị${result.commune ? ` của ${result.commune.label}` : ""}`
    : `${n} xã, phường`;
}

// ---------------------------------------------------------------- indicators

/**
 * The fixed columns. The catalog's targets are the province's only when a workbook's
 * "Danh mục" sheet supplied them; otherwise they are a reference rebuilt from sample
 * plans, and the headings say so.
 */
function fixedColumns(reference: boolean) {
  return [
    { label: "STT", width: 6 },
    { label: "Mã chỉ tiêu", width: 9 },
    { label: "Chỉ tiêu", width: 48 },
    { label: "Đơn vị tính", width: 9 },
    { label: reference ? "Mức tham chiếu (dựng từ các kế hoạch mẫu)" : "Chỉ tiêu của tỉnh", width: 12 },
    { label: "Số đơn vị có chỉ tiêu", width: 10 },
    { label: "Số đơn vị báo cáo kết quả", width: 10 },
    { label: "Số đơn vị đạt chỉ tiêu của mình", width: 11 },
    { label: "Tỷ lệ đơn vị đạt", width: 10 },
    { label: "Kết quả thấp nhất", width: 10 },
    { label: "Kết quả trung vị", width: 10 },
    { label: "Kết quả cao nhất", width: 10 },
    { label: reference ? "Số đơn vị đặt chỉ tiêu thấp hơn mức tham chiếu" : "Số đơn vị đặt chỉ tiêu thấp hơn tỉnh", width: 12 },
  ];
}

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
  const unitStart = FIXED.length + 1;
  const lastCol = FIXED.length + 3 * result.units.length;
  b.set(1, 1, `TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM ${yearOf(result)}`);
  b.set(
    2,
    1,
    `Tính đến ngày ${formatDateVi(result.asOf)}; ${scopeText(result)}. Chỉ tiêu được đối chiếu theo danh mục: ${result.catalogSource} (phiên bản ${result.catalogVersion}). ` +
      `“Đạt” là đạt hoặc vượt chỉ tiêu của chính đơn vị, ghi trong tệp của đơn vị; đơn vị không đọc được chỉ tiêu hoặc kết quả thì không tính là đã báo cáo.` +
      (result.referenceTargets ? ` Mức tham chiếu dựng từ các kế hoạch mẫu, không phải chỉ tiêu chính thức của tỉnh.` : ""),
  );
  b.style(1, 1, 1, 1, { bold: true, fontSize: 14 });
  b.style(2, 1, 2, 1, { italic: true, wrap: true, vertical: "top" });
  b.merge(1, 1, 1, FIXED.length);
  b.merge(2, 1, 2, FIXED.length);

  const H1 = 4;
  const H2 = 5;
  FIXED.forEach((c, i) => {
    b.set(H1, i + 1, c.label);
    b.merge(H1, i + 1, H2, i + 1);
  });
  result.units.forEach((u, i) => {
    const col = unitStart + 3 * i;
    b.set(H1, col, u.label);
    b.merge(H1, col, H1, col + 2);
    b.row(H2, col, ["Chỉ tiêu", "Kết quả", "Tỷ lệ đạt"]);
  });
  b.style(H1, 1, H2, Math.max(lastCol, FIXED.length), HEADER);

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
    b.style(r, 1, r, Math.max(lastCol, FIXED.length), { bold: true, fill: GROUP_FILL });
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
  b.style(H2 + 1, 1, r - 1, Math.max(lastCol, FIXED.length), BODY);
  b.style(H2 + 1, 1, r - 1, 2, { horizontal: "center" });
  b.style(H2 + 1, 4, r - 1, Math.max(lastCol, FIXED.length), { horizontal: "center" });
  b.setWidths([
    ...FIXED.map((c, i) => ({ col: i + 1, width: c.width })),
    ...result.units.flatMap((_, i) => [
      { col: unitStart + 3 * i, width: 11 },
      { col: unitStart + 3 * i + 1, width: 10 },
      { col: unitStart + 3 * i + 2, width: 9 },
    ]),
  ]);
  b.fitRows(2, r - 1);
  b.add({ op: "freeze", sheet: name, rows: H2, cols: 3 });
  b.add({ op: "pageSetup", sheet: name, orientation: "landscape", fitToWidth: false, printTitleRows: `${H1}:${H2}` });
  return b.edits();
}


// ---------------------------------------------------------------- tasks

export function taskSheet(result: ConsolidationResult, name: string): Edit[] {
  const b = new SheetBuilder(name);
  const cols = [
    { label: "STT", width: 6 },
    { label: "Đơn vị", width: 30 },
    { label: "Tổng số nhiệm vụ", width: 11 },
    { label: "Hoàn thành", width: 11 },
    { label: "Đang thực hiện", width: 11 },
    { label: "Chưa thực hiện", width: 11 },
    { label: "Quá hạn", width: 10 },
    { label: `Sắp đến hạn (trong ${result.dueSoonDays} ngày)`, width: 12 },
    { label: "Không có thời hạn cụ thể", width: 12 },
  ];
  b.set(1, 1, `TỔNG HỢP TÌNH HÌNH THỰC HIỆN NHIỆM VỤ NĂM ${yearOf(result)}`);
  b.set(
    2,
    1,
    `Tính đến ngày ${formatDateVi(result.asOf)}; ${scopeText(result)}. “Chưa thực hiện” gồm cả nhiệm vụ chưa ghi tình trạng; ` +
      `“Không có thời hạn cụ thể”: thời hạn trống hoặc không ghi ngày (ví dụ “Theo hướng dẫn của tỉnh”).`,
  );
  b.style(1, 1, 1, 1, { bold: true, fontSize: 14 });
  b.style(2, 1, 2, 1, { italic: true, wrap: true, vertical: "top" });
  b.merge(1, 1, 1, cols.length);
  b.merge(2, 1, 2, cols.length);
  const H = 4;
  b.row(H, 1, cols.map((c) => c.label));
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
  r += 3;

  const L = r;
  b.set(L, 1, `DANH SÁCH NHIỆM VỤ QUÁ HẠN (tính đến ngày ${formatDateVi(result.asOf)})`);
  b.style(L, 1, L, 1, { bold: true, fontSize: 13 });
  b.merge(L, 1, L, cols.length);
  const listCols = ["STT", "Đơn vị", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn (theo kế hoạch)", "Hạn hoàn thành", "Số ngày quá hạn", "Tình trạng", "Vị trí trong tệp"];
  b.row(L + 1, 1, listCols);
  b.style(L + 1, 1, L + 1, listCols.length, HEADER);
  r = L + 2;
  if (result.overdue.length === 0) {
    b.set(r, 3, "Không có nhiệm vụ quá hạn.");
    r++;
  }
  result.overdue.forEach((t, i) => {
    b.row(r, 1, [i + 1, t.unit, t.name, t.lead, t.deadlineText]);
    b.set(r, 6, toExcelSerial(t.due), "dd/mm/yyyy");
    b.row(r, 7, [t.days, FLAG_LABELS.overdue, `${t.sheet}, dòng ${t.row}`]);
    r++;
  });
  b.style(L + 2, 1, r - 1, listCols.length, BODY);
  b.style(L + 2, 6, r - 1, 7, { horizontal: "center" });
  // The second table shares the columns: widen the name column for task titles.
  b.setWidths([
    { col: 1, width: 6 },
    { col: 2, width: 30 },
    { col: 3, width: 50 },
    { col: 4, width: 24 },
    { col: 5, width: 16 },
    { col: 6, width: 14 },
    { col: 7, width: 11 },
    { col: 8, width: 12 },
    { col: 9, width: 18 },
  ]);
  b.fitRows(2, r - 1);
  b.add({ op: "freeze", sheet: name, rows: H });
  b.add({ op: "pageSetup", sheet: name, orientation: "landscape", fitToWidth: true });
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
  b.setWidths(cols.map((c, i) => ({ col: i + 1, width: c.width })));
  b.fitRows(2, r - 1);
  b.add({ op: "freeze", sheet: name, rows: H });
  b.add({ op: "pageSetup", sheet: name, orientation: "landscape", fitToWidth: true });
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
  const heading = result.commune ? `ỦY BAN NHÂN DÂN ${result.commune.label.toLocaleUpperCase("vi")}` : "BẢNG HỢP NHẤT";
  b.set(1, 1, heading);
  b.set(2, 1, `BẢNG HỢP NHẤT: ${app.name.toLocaleUpperCase("vi")}`);
  b.set(
    3,
    1,
    `(Hợp nhất ngày ${formatDateVi(result.asOf)} từ ${result.units.filter((u) => u.file).length} tệp của các phòng, ban; mỗi dòng lấy theo đơn vị chủ trì. ` +
      `Dòng có số liệu khác nhau được ghi ở cột “Số liệu khác nhau” và trong trang “Nguồn”.)`,
  );
  b.style(1, 1, 2, 1, { bold: true });
  b.style(3, 1, 3, 1, { italic: true, wrap: true });
  for (const row of [1, 2, 3]) b.merge(row, 1, row, conflictCol);
  const H = 5;
  b.row(H, 1, [...cols.map((c) => c.label), "Lấy từ", "Số liệu khác nhau"]);
  b.style(H, 1, H, conflictCol, HEADER);
  const hasNumber = cols.some((c) => c.role === "number");
  const nameCol = cols.findIndex((c) => c.role === "name") + 1;
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
  b.setWidths([...cols.map((c, i) => ({ col: i + 1, width: ROLE_WIDTH[c.role] ?? 16 })), { col: fromCol, width: 24 }, { col: conflictCol, width: 30 }]);
  b.fitRows(3, r - 1);
  b.add({ op: "freeze", sheet: name, rows: H });
  b.add({ op: "pageSetup", sheet: name, orientation: "landscape", fitToWidth: true, printTitleRows: `${H}:${H}` });
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
