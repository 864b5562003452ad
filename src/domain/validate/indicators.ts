/**
 * Checks of indicator rows: which catalog indicator a row is (its code, else its name),
 * its unit of measure, its target (present, a real target, of the unit's kind, not
 * below the reference, tidy) and, when the sheet has a result column, the result
 * typed so far. The checks that need no catalog (unit against target, a rate above
 * 100%, "Đạt" written as a target, missing cells) run on every row, matched or not.
 *
 * Targets are compared with the catalog's, which until the province's own list is
 * loaded (a "Danh mục" sheet) are a reference rebuilt from sample plans, and every
 * message says which it compares with.
 */
import type { CatalogIndicator } from "../../catalog/types";
import { shownText, type Cell, type TableRow } from "../reader";
import type { Fix } from "../finding";
import { sameUnit, targetInName, unitByCode } from "../match";
import { formatTarget, parseTarget, type Target, type TargetParse } from "../target";
import { readResult } from "../achieve";
import { rowIndicator, type RowIndicator } from "../rowIndicator";
import { unitKind, type UnitKind } from "../units";
import { formatNumberVi, roundTo } from "../numbers";
import { clean, foldKey } from "../text";
import { add, addressOf, column, q, type CheckEnv } from "./env";

/** Below this a name that matches no catalog entry gets no suggestion either. */
const SUGGEST_FROM = 0.45;

/** The catalog entry of an indicator row: its code column when one is filled in, else its name. */
export function identify(env: CheckEnv, row: TableRow): RowIndicator {
  return rowIndicator(env.catalog, row);
}

/** What the catalog's targets are, as a message names them. */
function referenceWords(env: CheckEnv): { noun: string; note: string } {
  return env.catalog.targetSource === "province"
    ? { noun: "chỉ tiêu của tỉnh", note: " (theo trang “Danh mục” của sổ làm việc)" }
    : { noun: "mức tham chiếu", note: " (mức tham chiếu, dựng từ các kế hoạch mẫu, không phải chỉ tiêu chính thức của tỉnh)" };
}

function catalogTarget(env: CheckEnv, ind: CatalogIndicator): Target | null {
  if (ind.target.kind === "qualitative") return ind.target.text ? { kind: "qualitative", text: ind.target.text } : null;
  const percent = unitByCode(env.catalog, ind.unit)?.percent ?? false;
  return { kind: "numeric", comparator: ind.target.comparator, value: ind.target.value, percent };
}

function describeTarget(t: Target): string {
  return q(formatTarget(t));
}

export function checkIndicatorRow(env: CheckEnv, row: TableRow, id: RowIndicator): void {
  const ind = id.item;
  const name = row.cells.name?.text ?? "";
  if (id.unknownCode && /^[A-Z]{1,5}-\d{1,3}$/i.test(id.unknownCode)) {
    add(
      env,
      "code-unknown",
      row.cells.code!.address,
      `Mã ${q(id.unknownCode)} không có trong danh mục chỉ tiêu; chỉ tiêu được nhận theo tên` + (ind ? ` (${ind.code}).` : "."),
    );
  }
  if (name && !ind) {
    const near = id.candidates.filter((c) => c.confidence >= SUGGEST_FROM).map((c) => c.item);
    add(
      env,
      "indicator-unknown",
      row.cells.name!.address,
      `Chỉ tiêu ${q(name)} không khớp chỉ tiêu nào trong danh mục` +
        (near.length ? `; gần nhất: ${near.map((c) => `${c.code} ${q(c.name, 90)}`).join("; ")}. Nếu đúng là một trong các chỉ tiêu này, hãy chọn để gán mã.` : "."),
      undefined,
      near.map((c) => ({ code: c.code, name: c.name })),
    );
  }
  const inName = targetInName(name);
  const kind = checkUnit(env, row, ind);
  checkTarget(env, row, ind, kind, inName);
  checkResult(env, row, ind, kind);
}

/** Checks the unit; returns the row's kind of quantity (from its unit or the catalog). */
function checkUnit(env: CheckEnv, row: TableRow, ind: CatalogIndicator | null): UnitKind {
  const catalogUnit = ind ? unitByCode(env.catalog, ind.unit) : null;
  const unitCell = row.cells.unit;
  // A row has a unit cell exactly when its table has a unit column.
  if (!unitCell) return unitKind(env.catalog, "", ind);
  const text = unitCell.text;
  const kind = unitKind(env.catalog, text, ind);
  if (!text) {
    const target = row.cells.target;
    // Stryker disable next-line ObjectLiteral: only whether the target reads, and as a number, counts here, which neither option changes
    const parsed = target ? parseTarget(target.value, { numberFormat: target.numberFormat, percentUnit: catalogUnit?.percent }) : null;
    // A qualitative target ("Có triển khai") of an indicator the catalog gives no unit needs none.
    const needsUnit = catalogUnit !== null || !parsed?.ok || parsed.target.kind === "numeric";
    if (needsUnit) {
      const address = unitCell.address;
      add(
        env,
        "unit-missing",
        address,
        `Chỉ tiêu chưa ghi đơn vị tính` + (catalogUnit ? `; theo danh mục chỉ tiêu là ${q(catalogUnit.code)}.` : "."),
        catalogUnit ? { label: `Ghi đơn vị tính ${q(catalogUnit.code)}`, cell: address, value: catalogUnit.code } : undefined,
      );
    }
    return kind;
  }
  const written = kind.unit;
  if (catalogUnit && !(written && sameUnit(written.code, catalogUnit.code))) {
    add(
      env,
      "unit-mismatch",
      unitCell.address,
      `Đơn vị tính ${q(text)} khác đơn vị của chỉ tiêu này trong danh mục (${q(catalogUnit.code)}).`,
      { label: `Sửa thành ${q(catalogUnit.code)}`, cell: unitCell.address, value: catalogUnit.code },
    );
  } else if (written && !sameSpelling(String(unitCell.value), written.code)) {
    add(env, "unit-spelling", unitCell.address, `Đơn vị tính ${q(text)} nên ghi theo cách viết chuẩn ${q(written.code)}.`, {
      label: `Sửa thành ${q(written.code)}`,
      cell: unitCell.address,
      value: written.code,
    });
  }
  return kind;
}

/**
 * A unit written as its code, or as a fuller form of it ("Số người", "Lượt người",
 * "Hộ gia đình" for "Người", "Lượt", "Hộ"): one unit, nothing to tidy. Case alone is
 * not reported either, as for bodies: Excel's filters and totals ignore it.
 */
function sameSpelling(written: string, code: string): boolean {
  // The same letters in another case fold alike, so sameUnit takes them too.
  if (sameUnit(clean(written), code)) return true;
  // The unit's word first, then what it counts; "tỷ lệ %" is not "%" written in full but a spelling to tidy.
  return foldKey(written).startsWith(foldKey(code) + " ");
}

/**
 * The target cell written tidily: spaces collapsed, trailing punctuation gone,
 * "≥ 100%" → "100%". One value for every finding about the cell, so applying any
 * or all of their fixes gives the same cell.
 */
function tidyTarget(raw: string, p: Extract<TargetParse, { ok: true }>): string {
  let t = raw.normalize("NFC").replace(/[\s\u00A0]+/g, " ").trim().replace(/\s*[.,;:]+$/, "");
  // Only a numeric target is read with a redundant comparator.
  if (p.notes.includes("redundant-comparator")) {
    t = formatTarget(p.target) + (p.trailing ? ` ${p.trailing}` : "");
  }
  return t;
}

/**
 * Words that are not a target: a verdict or a placeholder written where the commune's
 * commitment belongs ("Đạt", "Tốt", "Theo kế hoạch"). Folded.
 */
const NOT_A_TARGET = new Set([
  "dat",
  "tot",
  "kha",
  "hoan thanh",
  "co",
  "x",
  "ok",
  "dat yeu cau",
  "tang",
  "giam",
  "theo ke hoach",
  "theo chi tieu",
  "theo chi tieu giao",
  "theo chi tieu duoc giao",
  "theo chi tieu tinh giao",
  "theo chi tieu cap tren giao",
]);

/** Count nouns that may follow a target's number ("≥ 02 mô hình"). */
const COUNT_WORDS = /^(mo hinh|sang kien|doanh nghiep|dn|nguoi|luot|ho|lop|hoi nghi|buoi|cuoc|san pham|de tai|diem|tin|bai|van ban|ho so|chuong trinh|hoat dong|ung dung)( |$)/;

function checkTarget(env: CheckEnv, row: TableRow, ind: CatalogIndicator | null, kind: UnitKind, inName: string | null): void {
  // A mixed table has no target column: the reader gives indicator rows their "Kết quả" cell.
  if (!column(env, "target") && !row.cells.target) return; // reported once as column-missing
  const cell = row.cells.target;
  const address = addressOf(row, "target", env)!;
  const reference = ind ? catalogTarget(env, ind) : null;
  const words = referenceWords(env);
  const nameCell = row.cells.name;
  const p = parseTarget(cell?.value ?? null, { numberFormat: cell?.numberFormat, percentUnit: kind.percent ?? false });

  if (!p.ok) {
    if (p.code === "empty") {
      const suggestion = inName ?? (reference ? formatTarget(reference) : null);
      add(
        env,
        "target-missing",
        address,
        `Chỉ tiêu chưa có giá trị phấn đấu` +
          (inName
            ? `; tên chỉ tiêu có ghi ${q(inName)}, hãy ghi vào ô này.`
            : reference
              ? `; ${words.noun} là ${describeTarget(reference)}${words.note}.`
              : "."),
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

  if (t.kind === "qualitative" && NOT_A_TARGET.has(foldKey(t.text))) {
    add(
      env,
      "target-vague",
      address,
      `${q(shownText(cell!))} không phải là một chỉ tiêu: chỉ tiêu phải nói đạt bao nhiêu hoặc đạt điều gì (ví dụ “≥ 60%”, “≥ 02 mô hình”, “Có triển khai”).`,
    );
    return;
  }
  if (t.kind === "numeric") checkKindAgainstUnit(env, row, cell!, t, p.trailing, kind);

  // Only text is read with these notes (a number typed in the cell has no spaces, marks or
  // comparator to tidy), and each changes the text, so the tidy value is always a fix.
  if (typeof cell!.value === "string") {
    const raw = cell!.value;
    const tidy = tidyTarget(raw, p);
    const fix: Fix = { label: `Sửa thành ${q(tidy)}`, cell: address, value: tidy };
    if (p.notes.includes("extra-spaces")) {
      add(env, "target-spaces", address, `Giá trị chỉ tiêu ${q(raw)} có khoảng trắng thừa; nên ghi ${q(tidy)}.`, fix);
    }
    if (p.notes.includes("stray-punctuation")) {
      add(env, "target-punctuation", address, `Giá trị chỉ tiêu ${q(raw)} có dấu câu thừa ở cuối; nên ghi ${q(tidy)}.`, fix);
    }
    if (p.notes.includes("redundant-comparator")) {
      add(
        env,
        "target-redundant-comparator",
        address,
        `Chỉ tiêu ${q(shownText(cell!))}: không thể vượt 100% nên dấu “≥” là thừa; ghi ${q(tidy)}.`,
        fix,
      );
    }
  }
  if (t.kind !== "numeric") return;
  if (t.percent && roundTo(t.value) > 1) {
    add(env, "target-over-100", address, `Chỉ tiêu ${q(formatTarget(t))} là một tỷ lệ vượt quá 100%; hãy kiểm tra lại giá trị.`);
  }
  if (reference?.kind === "numeric" && reference.percent === t.percent) {
    const lowerIsBetter = ind!.direction === "lower";
    const below = lowerIsBetter ? roundTo(t.value) > roundTo(reference.value) : roundTo(t.value) < roundTo(reference.value);
    if (below) {
      add(
        env,
        "target-below-province",
        address,
        lowerIsBetter
          ? `Chỉ tiêu ${q(formatTarget(t))} cao hơn ${words.noun} ${describeTarget(reference)}${words.note}; với chỉ tiêu này càng thấp càng tốt: hãy kiểm tra lại.`
          : `Chỉ tiêu ${q(formatTarget(t))} thấp hơn ${words.noun} ${describeTarget(reference)}${words.note}; hãy kiểm tra lại: xã/phường có thể đặt cao hơn nhưng không nên thấp hơn.`,
      );
    }
  }
}

/**
 * A target of the wrong kind for its unit, which needs no catalog: a percentage next
 * to a count ("Người" — "≥ 60%"), or a count of things next to "%" ("≥ 02 mô hình").
 */
function checkKindAgainstUnit(env: CheckEnv, row: TableRow, cell: Cell, t: Extract<Target, { kind: "numeric" }>, trailing: string | undefined, kind: UnitKind): void {
  const unitText = row.cells.unit?.text;
  if (!unitText) return;
  // A unit that counts is never a rate (units.ts), so a percentage here was written, not
  // read into a bare number as in a % row ("percent-assumed").
  if (t.percent && kind.count) {
    add(
      env,
      "unit-target-mismatch",
      cell.address,
      `Chỉ tiêu ${q(shownText(cell))} là một tỷ lệ (%) nhưng đơn vị tính ${q(unitText)} là số đếm; hãy sửa đơn vị tính thành “%” hoặc ghi chỉ tiêu bằng số lượng.`,
    );
  } else if (kind.percent && trailing && COUNT_WORDS.test(foldKey(trailing))) {
    add(
      env,
      "unit-target-mismatch",
      cell.address,
      `Chỉ tiêu ${q(shownText(cell))} là một số lượng nhưng đơn vị tính là ${q(unitText)}; hãy sửa đơn vị tính cho khớp hoặc ghi chỉ tiêu dạng tỷ lệ.`,
    );
  }
}

function reportTargetInName(env: CheckEnv, nameCell: Cell, inName: string, target: Target | null): void {
  const raw = typeof nameCell.value === "string" ? nameCell.value : nameCell.text;
  const stripped = raw.replace(/\s*((?:[≥≤]\s*)?\d+(?:[.,]\d+)?\s*%)\s*$/u, "");
  // The same value however it is spaced ("≥70,5%", "70 %", "≤5%"); a bare value reads as "≥".
  const bare = (value: string) => value.replace(/[≥\s]/g, "");
  const same = target !== null && target.kind === "numeric" && bare(formatTarget(target)) === bare(clean(inName));
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
  const bare = typeof v === "number" ? !cell.numberFormat?.includes("%") : !/%/.test(v as string) && !p.trailing;
  if (!bare) return;
  const unit = ind ? unitByCode(env.catalog, ind.unit) : null;
  // Only a plain "%" is offered as a fix: a ratio of something else ("% tổng chi NS xã")
  // is the catalog's reading of the row, which the official should confirm by hand.
  const fixed = unit?.code === "%" && typeof v === "string" ? clean(v).replace(/[.,;:]+$/, "") + "%" : null;
  const fix: Fix | undefined = fixed ? { label: `Ghi rõ đơn vị: ${q(fixed)}`, cell: cell.address, value: fixed } : undefined;
  add(
    env,
    "unit-not-written",
    cell.address,
    `Chỉ tiêu ${q(shownText(cell))} chỉ ghi con số, không rõ đơn vị tính (bảng không có cột Đơn vị tính)` +
      (unit ? `; theo danh mục chỉ tiêu, đơn vị là ${q(unit.code)}.` : "; hãy ghi rõ đơn vị (%, mô hình, doanh nghiệp, ...)."),
    fix,
  );
}

function checkResult(env: CheckEnv, row: TableRow, ind: CatalogIndicator | null, kind: UnitKind): void {
  const cell = row.cells.result;
  if (!cell) return; // no result column
  // A blank cell, spaces included, reads as no result.
  // Stryker disable next-line ConditionalExpression: readResult reads null as no result too; this only saves the work
  if (cell.value === null) return;
  const percentUnit = kind.percent ?? false;
  const targetCell = row.cells.target;
  // Stryker disable next-line ObjectLiteral: only whether the target reads, and as qualitative, counts here, which neither option changes
  const target = targetCell ? parseTarget(targetCell.value, { numberFormat: targetCell.numberFormat, percentUnit }) : null;
  const qualitative = (target?.ok && target.target.kind === "qualitative") || (!target?.ok && ind?.target.kind === "qualitative");
  // A qualitative result is for a person to judge: nothing to check.
  if (qualitative) return;
  const r = readResult(cell.value, { percentUnit, countUnit: kind.count, numberFormat: cell.numberFormat });
  if (r.notes.includes("ambiguous-percent")) {
    add(
      env,
      "result-ambiguous-percent",
      cell.address,
      `Kết quả ${q(shownText(cell))} ở chỉ tiêu tỷ lệ: không rõ là 1% hay 100%, nên chưa được đánh giá; hãy ghi rõ “1%” hoặc “100%”.`,
    );
    return;
  }
  if (r.notes.includes("ambiguous-count")) {
    // A row counts only by a unit, written or else the catalog's (unitKind).
    const unit = row.cells.unit?.text || kind.unit!.code;
    add(
      env,
      "result-ambiguous-count",
      cell.address,
      `Kết quả ${q(shownText(cell))} ở chỉ tiêu đếm số lượng (${q(unit)}) không phải số nguyên, nên chưa được đánh giá; nếu là tỷ lệ, hãy ghi kèm dấu “%”.`,
    );
    return;
  }
  if (typeof r.value === "string" || r.notes.includes("unreadable")) {
    add(
      env,
      "result-text",
      cell.address,
      `Kết quả ${q(shownText(cell))} không đọc được thành số nên không tính được tỷ lệ đạt; hãy ghi một số, ví dụ “72%”, “0,72” hoặc “3”.`,
    );
    return;
  }
  if (percentUnit && typeof r.value === "number" && roundTo(r.value) > 1) {
    add(env, "result-over-100", cell.address, `Kết quả ${q(shownText(cell))} tương ứng ${formatNumberVi(r.value * 100, 2)}%, vượt quá 100%: một tỷ lệ không thể lớn hơn 100%.`);
  } else if (percentUnit && typeof cell.value === "number" && cell.numberFormat?.includes("%") && roundTo(cell.value) > 1) {
    // The cell shows more than 100% ("120%"); the sheet reads it as percentage points (1,2%).
    add(
      env,
      "result-over-100",
      cell.address,
      `Ô kết quả hiển thị ${formatNumberVi(cell.value * 100, 2)}%, vượt quá 100%; phần mềm đọc là ${formatNumberVi(cell.value, 2)}%. Hãy nhập lại đúng tỷ lệ.`,
    );
  }
}
