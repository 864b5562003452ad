/**
 * Checks of indicator rows against the province's list: which indicator a row is,
 * its unit of measure, its target (present, readable, not below the province's,
 * tidy) and, when the sheet has a result column, the result typed so far.
 */
import type { CatalogIndicator } from "../../catalog/types";
import type { Cell, TableRow } from "../reader";
import type { Fix } from "../finding";
import { matchIndicator, matchUnit, targetInName, unitByCode } from "../match";
import { formatTarget, parseTarget, type Target, type TargetParse } from "../target";
import { isPercentUnit, parseResult } from "../achieve";
import { formatNumberVi, roundTo } from "../numbers";
import { clean } from "../text";
import { add, addressOf, column, q, type CheckEnv } from "./env";

/** Below this a name that matches no catalog entry gets no suggestion either. */
const SUGGEST_FROM = 0.45;

/** The catalog entry of an indicator row: its code column when the add-in wrote one, else its name. */
export function identify(env: CheckEnv, row: TableRow): { item: CatalogIndicator | null; candidates: CatalogIndicator[] } {
  const code = row.cells.code?.text;
  if (code) {
    const byCode = env.catalog.indicators.find((i) => i.code.toLowerCase() === code.toLowerCase());
    if (byCode) return { item: byCode, candidates: [] };
  }
  const name = row.cells.name?.text;
  if (!name) return { item: null, candidates: [] };
  const m = matchIndicator(env.catalog, name);
  return {
    item: m.best?.item ?? null,
    candidates: m.candidates.filter((c) => c.confidence >= SUGGEST_FROM).map((c) => c.item),
  };
}

function catalogTarget(env: CheckEnv, ind: CatalogIndicator): Target | null {
  if (ind.target.kind === "qualitative") return ind.target.text ? { kind: "qualitative", text: ind.target.text } : null;
  const percent = unitByCode(env.catalog, ind.unit)?.percent ?? false;
  return { kind: "numeric", comparator: ind.target.comparator, value: ind.target.value, percent };
}

function describeTarget(t: Target): string {
  return q(formatTarget(t));
}

export function checkIndicatorRow(env: CheckEnv, row: TableRow, ind: CatalogIndicator | null, candidates: CatalogIndicator[]): void {
  const name = row.cells.name?.text ?? "";
  if (name && !ind) {
    const near = candidates.map((c) => q(c.name, 90));
    add(
      env,
      "indicator-unknown",
      row.cells.name!.address,
      `Chỉ tiêu ${q(name)} không có trong danh mục chỉ tiêu của tỉnh` + (near.length ? `; tên gần nhất: ${near.join("; ")}.` : "."),
    );
  }
  const inName = name ? targetInName(name) : null;
  const percentUnit = checkUnit(env, row, ind);
  checkTarget(env, row, ind, percentUnit, inName);
  if (column(env, "result")) checkResult(env, row, ind, percentUnit);
}

/** Checks the unit; returns whether the indicator is a percentage (from its unit or the catalog). */
function checkUnit(env: CheckEnv, row: TableRow, ind: CatalogIndicator | null): boolean {
  const catalogUnit = ind ? unitByCode(env.catalog, ind.unit) : null;
  const unitCell = row.cells.unit;
  if (!column(env, "unit")) return catalogUnit?.percent ?? false;
  const text = unitCell?.text ?? "";
  if (!text) {
    const target = row.cells.target;
    const parsed = target ? parseTarget(target.value, { numberFormat: target.numberFormat, percentUnit: catalogUnit?.percent }) : null;
    // A qualitative target ("Có triển khai") of an indicator the province gives no unit needs none.
    const needsUnit = catalogUnit !== null || !parsed?.ok || parsed.target.kind === "numeric";
    if (needsUnit) {
      const address = addressOf(row, "unit", env)!;
      add(
        env,
        "unit-missing",
        address,
        `Chỉ tiêu chưa ghi đơn vị tính` + (catalogUnit ? `; theo danh mục của tỉnh là ${q(catalogUnit.code)}.` : "."),
        catalogUnit ? { label: `Ghi đơn vị tính ${q(catalogUnit.code)}`, cell: address, value: catalogUnit.code } : undefined,
      );
    }
    return catalogUnit?.percent ?? false;
  }
  const written = matchUnit(env.catalog, text);
  const percent = written?.percent ?? isPercentUnit(text);
  if (catalogUnit && written?.code !== catalogUnit.code) {
    add(
      env,
      "unit-mismatch",
      unitCell!.address,
      `Đơn vị tính ${q(text)} khác danh mục của tỉnh (${q(catalogUnit.code)}) cho chỉ tiêu này.`,
      { label: `Sửa thành ${q(catalogUnit.code)}`, cell: unitCell!.address, value: catalogUnit.code },
    );
  } else if (written && clean(String(unitCell!.value)).toLocaleLowerCase("vi") !== written.code.toLocaleLowerCase("vi")) {
    // Case alone is not reported, as for bodies: Excel's filters and totals ignore it.
    add(env, "unit-spelling", unitCell!.address, `Đơn vị tính ${q(text)} nên ghi theo cách viết chuẩn ${q(written.code)}.`, {
      label: `Sửa thành ${q(written.code)}`,
      cell: unitCell!.address,
      value: written.code,
    });
  }
  return percent;
}

/**
 * The target cell written tidily: spaces collapsed, trailing punctuation gone,
 * "≥ 100%" → "100%". One value for every finding about the cell, so applying any
 * or all of their fixes gives the same cell.
 */
function tidyTarget(raw: string, p: Extract<TargetParse, { ok: true }>): string {
  let t = raw.normalize("NFC").replace(/[\s\u00A0]+/g, " ").trim().replace(/\s*[.,;:]+$/, "");
  if (p.notes.includes("redundant-comparator") && p.target.kind === "numeric") {
    t = formatTarget(p.target) + (p.trailing ? ` ${p.trailing}` : "");
  }
  return t;
}

function checkTarget(env: CheckEnv, row: TableRow, ind: CatalogIndicator | null, percentUnit: boolean, inName: string | null): void {
  // A mixed table has no target column: the reader gives indicator rows their "Kết quả" cell.
  if (!column(env, "target") && !row.cells.target) return; // reported once as column-missing
  const cell = row.cells.target;
  const address = addressOf(row, "target", env)!;
  const province = ind ? catalogTarget(env, ind) : null;
  const nameCell = row.cells.name;
  const p = parseTarget(cell?.value ?? null, { numberFormat: cell?.numberFormat, percentUnit });

  if (!p.ok) {
    if (p.code === "empty") {
      const suggestion = inName ?? (province ? formatTarget(province) : null);
      add(
        env,
        "target-missing",
        address,
        `Chỉ tiêu chưa có giá trị phấn đấu` +
          (inName ? `; tên chỉ tiêu có ghi ${q(inName)}, hãy ghi vào ô này.` : province ? `; chỉ tiêu của tỉnh là ${describeTarget(province)}.` : "."),
        suggestion ? { label: `Ghi ${q(suggestion)}`, cell: address, value: suggestion } : undefined,
      );
    } else {
      add(env, "target-unreadable", address, `${p.reason} Hãy ghi theo dạng “≥ 60%”, “100%”, “≥ 01” hoặc nội dung định tính.`);
    }
    if (inName && nameCell) reportTargetInName(env, nameCell, inName, null);
    return;
  }
  const t = p.target;
  if (inName && nameCell) reportTargetInName(env, nameCell, inName, t);
  if (!column(env, "unit")) checkUnitWritten(env, cell!, p, ind);

  const raw = typeof cell!.value === "string" ? cell!.value : null;
  const tidy = raw !== null ? tidyTarget(raw, p) : null;
  const fix = (label: string): Fix | undefined => (tidy !== null && tidy !== raw ? { label, cell: address, value: tidy } : undefined);
  if (p.notes.includes("extra-spaces")) {
    add(env, "target-spaces", address, `Giá trị chỉ tiêu ${q(raw ?? "")} có khoảng trắng thừa; nên ghi ${q(tidy ?? "")}.`, fix(`Sửa thành ${q(tidy ?? "")}`));
  }
  if (p.notes.includes("stray-punctuation")) {
    add(env, "target-punctuation", address, `Giá trị chỉ tiêu ${q(raw ?? "")} có dấu câu thừa ở cuối; nên ghi ${q(tidy ?? "")}.`, fix(`Sửa thành ${q(tidy ?? "")}`));
  }
  if (p.notes.includes("redundant-comparator")) {
    add(
      env,
      "target-redundant-comparator",
      address,
      `Chỉ tiêu ${q(cell!.text)}: không thể vượt 100% nên dấu “≥” là thừa; ghi ${q(tidy ?? "100%")}.`,
      fix(`Sửa thành ${q(tidy ?? "100%")}`),
    );
  }
  if (t.kind !== "numeric") return;
  if (t.percent && roundTo(t.value) > 1) {
    add(env, "target-over-100", address, `Chỉ tiêu ${q(formatTarget(t))} là một tỷ lệ vượt quá 100%; hãy kiểm tra lại giá trị.`);
  }
  if (province?.kind === "numeric" && province.percent === t.percent) {
    const lowerIsBetter = ind!.direction === "lower";
    const below = lowerIsBetter ? roundTo(t.value) > roundTo(province.value) : roundTo(t.value) < roundTo(province.value);
    if (below) {
      add(
        env,
        "target-below-province",
        address,
        lowerIsBetter
          ? `Chỉ tiêu ${q(formatTarget(t))} cao hơn mức tối đa của tỉnh (${describeTarget(province)}); với chỉ tiêu này càng thấp càng tốt, xã/phường không được đặt chỉ tiêu kém hơn của tỉnh.`
          : `Chỉ tiêu ${q(formatTarget(t))} thấp hơn chỉ tiêu của tỉnh (${describeTarget(province)}); xã/phường có thể đặt cao hơn nhưng không được thấp hơn.`,
      );
    }
  }
}

function reportTargetInName(env: CheckEnv, nameCell: Cell, inName: string, target: Target | null): void {
  const raw = typeof nameCell.value === "string" ? nameCell.value : nameCell.text;
  const stripped = raw.replace(/\s*((?:[≥≤]\s*)?\d+(?:[.,]\d+)?\s*%)\s*$/u, "").trimEnd();
  const same = target !== null && target.kind === "numeric" && formatTarget(target).replace(/^≥ /, "") === clean(inName).replace(/^≥\s*/, "");
  // Only offer to shorten the name when the target cell already carries the same value.
  const fix: Fix | undefined = same && stripped !== raw ? { label: `Bỏ ${q(inName)} khỏi tên chỉ tiêu`, cell: nameCell.address, value: stripped } : undefined;
  add(
    env,
    "target-in-name",
    nameCell.address,
    `Tên chỉ tiêu có ghi kèm giá trị ${q(inName)} ở cuối; giá trị chỉ tiêu chỉ ghi ở cột chỉ tiêu/kết quả, tên chỉ tiêu không ghi số.`,
    fix,
  );
}

/** In a table without a unit column (004), a bare number says nothing of its unit. */
function checkUnitWritten(env: CheckEnv, cell: Cell, p: Extract<TargetParse, { ok: true }>, ind: CatalogIndicator | null): void {
  if (p.target.kind !== "numeric") return;
  const v = cell.value;
  const bare = typeof v === "number" ? !(cell.numberFormat ?? "").includes("%") : !/%/.test(v as string) && !p.trailing;
  if (!bare) return;
  const unit = ind ? unitByCode(env.catalog, ind.unit) : null;
  // Only a plain "%" is offered as a fix: a ratio of something else ("% tổng chi NS xã")
  // is the province's reading of the row, which the official should confirm by hand.
  const fixed = unit?.code === "%" && typeof v === "string" ? clean(v).replace(/[.,;:]+$/, "") + "%" : null;
  const fix: Fix | undefined = fixed ? { label: `Ghi rõ đơn vị: ${q(fixed)}`, cell: cell.address, value: fixed } : undefined;
  add(
    env,
    "unit-not-written",
    cell.address,
    `Chỉ tiêu ${q(cell.text)} chỉ ghi con số, không rõ đơn vị tính (bảng không có cột Đơn vị tính)` +
      (unit ? `; theo danh mục của tỉnh, đơn vị là ${q(unit.code)}.` : "; hãy ghi rõ đơn vị (%, mô hình, doanh nghiệp, ...)."),
    fix,
  );
}

function checkResult(env: CheckEnv, row: TableRow, ind: CatalogIndicator | null, percentUnit: boolean): void {
  const cell = row.cells.result;
  if (!cell || cell.value === null || (typeof cell.value === "string" && !cell.text)) return;
  const targetCell = row.cells.target;
  const target = targetCell ? parseTarget(targetCell.value, { numberFormat: targetCell.numberFormat, percentUnit }) : null;
  const qualitative = (target?.ok && target.target.kind === "qualitative") || (!target?.ok && ind?.target.kind === "qualitative");
  if (qualitative) return;
  const formatPercent = (cell.numberFormat ?? "").includes("%");
  const r = parseResult(cell.value, { percentUnit, numberFormat: cell.numberFormat });
  if (typeof cell.value === "string") {
    const bareOne = percentUnit && /^\s*1([.,]0+)?\s*$/.test(cell.value);
    if (bareOne) {
      add(env, "result-ambiguous-percent", cell.address, `Kết quả ${q(cell.text)} ở chỉ tiêu tỷ lệ: không rõ là 1% hay 100%; hãy ghi rõ, ví dụ “100%”.`);
      return;
    }
    if (r.notes.includes("text-number") && typeof r.value === "number") {
      const fixValue = resultNumber(r.value, percentUnit, formatPercent);
      add(
        env,
        "result-text",
        cell.address,
        `Kết quả ${q(cell.text)} được nhập dạng chữ nên công thức tỷ lệ đạt không tính được; hãy nhập dạng số` +
          (fixValue !== null ? ` (${formatNumberVi(fixValue, 4)}).` : "."),
        fixValue !== null ? { label: `Nhập số ${formatNumberVi(fixValue, 4)}`, cell: cell.address, value: fixValue } : undefined,
      );
    } else {
      add(env, "result-text", cell.address, `Kết quả ${q(cell.text)} không phải là số nên không tính được tỷ lệ đạt; chỉ tiêu này cần kết quả dạng số.`);
    }
  } else if (r.notes.includes("ambiguous-percent")) {
    add(env, "result-ambiguous-percent", cell.address, `Kết quả 1 ở chỉ tiêu tỷ lệ: không rõ là 1% hay 100%; hãy nhập 100 (nếu là 100%) hoặc định dạng ô theo phần trăm.`);
    return;
  }
  if (percentUnit && typeof r.value === "number" && roundTo(r.value) > 1) {
    add(env, "result-over-100", cell.address, `Kết quả ${q(cell.text)} tương ứng ${formatNumberVi(r.value * 100, 2)}%, vượt quá 100%: một tỷ lệ không thể lớn hơn 100%.`);
  }
}

/**
 * The number a text result should become: in a % indicator, a cell formatted as a
 * percentage takes the fraction (0,72), any other takes percentage points (72), which
 * the sheet's formulas read as 72%. Points of 1 or less would read as a fraction, so
 * there is no unambiguous number to offer.
 */
function resultNumber(value: number, percentUnit: boolean, formatPercent: boolean): number | null {
  if (!percentUnit || formatPercent) return value;
  const points = roundTo(value * 100, 6);
  return points > 1 ? points : null;
}
