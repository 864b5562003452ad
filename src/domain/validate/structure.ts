/**
 * Checks of the table's shape: required columns, declared counts, numbering, group
 * rows that carry data, rows without a name, the same indicator or task twice.
 */
import { shownText, type Role, type TableRow } from "../reader";
import { a1 } from "../address";
import { foldKey } from "../text";
import { indicatorKey } from "../match";
import { add, column, lineOf, nameAddress, ownCell, q, rowName, type CheckEnv } from "./env";

const COLUMN_NAMES: Partial<Record<Role, string>> = {
  target: "Chỉ tiêu/Kết quả (giá trị phấn đấu)",
  lead: "Đơn vị chủ trì (rõ người)",
  output: "Sản phẩm đầu ra/Kết quả (rõ sản phẩm)",
  deadline: "Thời gian hoàn thành (rõ thời gian)",
};

/** Columns without which every row would be defective: reported once, at the header. */
export function checkColumns(env: CheckEnv): Set<Role> {
  const { table } = env;
  // A table mixing both is laid out as a task table (its indicators' targets sit in the output column).
  const required: Role[] = table.kind === "indicators" ? ["target", "lead"] : ["lead", "output", "deadline"];
  const missing = new Set<Role>();
  const headerCell = a1(table.headerRow, column(env, "name")?.col ?? 1);
  for (const role of required) {
    if (column(env, role)) continue;
    missing.add(role);
    const what = table.kind === "indicators" ? "chỉ tiêu" : "nhiệm vụ";
    add(env, "column-missing", headerCell, `Bảng ${what} không có cột ${COLUMN_NAMES[role]}; cần thêm cột này và ghi cho từng dòng.`);
  }
  return missing;
}

function items(env: CheckEnv): TableRow[] {
  return env.table.rows.filter((r) => r.kind !== "group");
}

export function checkCounts(env: CheckEnv): void {
  const { table } = env;
  const all = items(env);
  // "4 nhiệm vụ" in a table of tasks; in a table mixing both, no word after the header's
  // number (its word counts only some rows) and the rows of each kind.
  const noun = table.kind === "indicators" ? "chỉ tiêu" : table.kind === "tasks" ? "nhiệm vụ" : null;
  const what = noun ? ` ${noun}` : "";
  const counted = (rows: TableRow[]) => {
    if (noun) return `${rows.length} ${noun}`;
    const indicators = rows.filter((r) => r.kind === "indicator").length;
    return `${rows.length} dòng (${indicators} chỉ tiêu, ${rows.length - indicators} nhiệm vụ)`;
  };
  if (table.declaredCount !== undefined && table.declaredCount !== all.length) {
    const col = column(env, "name")?.col ?? 1;
    add(
      env,
      "count-mismatch",
      a1(table.headerRow, col),
      `Tiêu đề cột ghi ${table.declaredCount}${what} nhưng bảng có ${counted(all)}; cần sửa số trong tiêu đề hoặc bổ sung/bớt dòng cho khớp.`,
    );
  }
  for (const g of table.rows) {
    // Stryker disable next-line ConditionalExpression: only a group row has a declared count (the reader gives no other row one); the kind says what is meant
    if (g.kind !== "group" || g.declaredCount === undefined) continue;
    const inGroup = all.filter((r) => r.group === g.group);
    if (inGroup.length !== g.declaredCount) {
      add(
        env,
        "count-mismatch",
        nameAddress(g),
        `Nhóm ${g.number} ghi ${String(g.declaredCount).padStart(2, "0")}${what} nhưng có ${counted(inGroup)} trong nhóm; cần sửa cho khớp.`,
      );
    }
  }
}

function numberOf(row: TableRow): number | null {
  // Stryker disable next-line StringLiteral: a row without a number has none, whatever text stands in for it here
  const m = (row.number ?? "").match(/^(\d{1,4})\.?$/);
  return m ? Number(m[1]) : null;
}

/**
 * Numbering restarts at 1 in each group in some plans (001, 002) and runs on across
 * groups in others (000). The convention is read from the table itself (what most
 * groups do) and each group may follow either; within a group numbers go up by one.
 */
export function checkNumbering(env: CheckEnv): void {
  const numbered = items(env).filter((r) => numberOf(r) !== null);
  if (numbered.length < 2) return;
  const groups = [...new Set(numbered.map((r) => r.group))];
  let restartVotes = 0;
  let runOnVotes = 0;
  let prevLast: number | null = null;
  for (const g of groups) {
    const inGroup = numbered.filter((r) => r.group === g);
    const first = numberOf(inGroup[0])!;
    if (prevLast !== null) {
      if (first === 1) restartVotes++;
      else if (first === prevLast + 1) runOnVotes++;
    }
    prevLast = numberOf(inGroup[inGroup.length - 1]);
  }
  const restart = restartVotes >= runOnVotes;

  let expected = 1;
  let prev: number | null = null;
  let group = numbered[0].group;
  for (const r of numbered) {
    const n = numberOf(r)!;
    if (r.group !== group) {
      group = r.group;
      // Either convention is accepted at a group's start; the table's own decides what was expected.
      if (n === 1 || (prev !== null && n === prev + 1)) expected = n;
      else expected = restart ? 1 : (prev ?? 0) + 1;
    }
    const cell = r.cells.number?.address ?? r.cells.parentTask?.address ?? a1(r.row, 1);
    if (n > expected) {
      const gap = n - expected === 1 ? `số ${expected}` : `các số ${expected}–${n - 1}`;
      add(env, "numbering-gap", cell, `Số thứ tự ${r.number} nhảy cóc: thiếu ${gap}; số tiếp theo phải là ${expected}.`);
    } else if (n < expected) {
      add(env, "numbering-repeat", cell, `Số thứ tự ${r.number} trùng hoặc lùi lại (dòng trước là ${prev}); số tiếp theo phải là ${expected}.`);
    }
    prev = n;
    expected = n + 1;
  }
}

const GROUP_DATA_ROLES: Role[] = ["unit", "target", "lead", "coordinating", "monitoring", "output", "kpi", "deadline", "result"];
const ROLE_WORDS: Partial<Record<Role, string>> = {
  unit: "đơn vị tính",
  target: "chỉ tiêu",
  lead: "đơn vị chủ trì",
  coordinating: "đơn vị phối hợp",
  monitoring: "đơn vị theo dõi",
  output: "sản phẩm/kết quả",
  kpi: "KPI",
  deadline: "thời hạn",
  result: "kết quả thực hiện",
};

/** A group row ("II | Về phát triển nguồn lực") carrying data that belongs to no row (002, row 11). */
export function checkGroupRows(env: CheckEnv): void {
  for (const g of env.table.rows) {
    if (g.kind !== "group") continue;
    for (const role of GROUP_DATA_ROLES) {
      const cell = ownCell(g, role, env);
      if (!cell || !cell.text) continue;
      add(
        env,
        "group-row-content",
        cell.address,
        `Dòng nhóm ${g.number} ghi ${ROLE_WORDS[role]} ${q(shownText(cell))} nhưng dòng nhóm không phải là một ${env.table.kind === "tasks" ? "nhiệm vụ" : "chỉ tiêu"}; ` +
          `hãy chuyển nội dung này vào đúng dòng hoặc xóa đi.`,
      );
    }
  }
}

export function checkNames(env: CheckEnv): void {
  for (const r of items(env)) {
    if (r.cells.name?.text || r.cells.parentTask?.text) continue;
    const col = column(env, "name")?.col ?? 2;
    add(env, "name-missing", a1(r.row, col), `Dòng ${lineOf(env, r.row)} có nội dung nhưng chưa có tên ${r.kind === "task" ? "nhiệm vụ (rõ việc)" : "chỉ tiêu"}.`);
  }
}

export function checkDuplicates(env: CheckEnv): void {
  const seen = new Map<string, number>();
  for (const r of items(env)) {
    const name = r.cells.name?.text;
    if (!name) continue;
    const ind = env.indicatorOf.get(r.row);
    // Stryker disable next-line StringLiteral: any text stands for "no parent task" alike in every key
    const key = r.kind === "indicator" ? (ind ? `code:${ind.code}` : `name:${indicatorKey(name)}`) : `task:${foldKey(r.cells.parentTask?.text ?? "")}|${foldKey(name)}`;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, r.row);
      continue;
    }
    if (r.kind === "indicator") {
      add(env, "indicator-duplicate", nameAddress(r), `Chỉ tiêu ${q(name)} đã có ở ${rowName(env, first)}; mỗi chỉ tiêu chỉ ghi một lần.`);
    } else {
      add(env, "task-duplicate", nameAddress(r), `Nhiệm vụ ${q(name)} trùng với ${rowName(env, first)}.`);
    }
  }
}
