/**
 * Checks of task rows under the "6 rõ" rule: an output product (rõ sản phẩm), a
 * deadline with a date inside the plan year (rõ thời gian), and, once officials
 * report progress, a status and a completion date that agree.
 */
import { shownText, type TableRow } from "../reader";
import { parseDeadline } from "../deadline";
import { parseDateCell, parseStatus, STATUS_LABELS } from "../status";
import { formatDateVi } from "../dates";
import { foldKey } from "../text";
import { add, addressOf, column, q, rowName, type CheckEnv } from "./env";

export function checkOutput(env: CheckEnv, row: TableRow, prev: TableRow | null): void {
  if (!column(env, "output")) return;
  const out = row.cells.output;
  if (!out?.text) {
    add(
      env,
      "output-missing",
      addressOf(row, "output", env)!,
      `Nhiệm vụ chưa có sản phẩm đầu ra (rõ sản phẩm); hãy ghi kết quả cụ thể phải có khi hoàn thành (văn bản, kế hoạch, báo cáo, hệ thống, ...).`,
    );
    return;
  }
  // Identical output right under another task's: often a copy-down slip (004, rows 19–20).
  const prevOut = prev?.cells.output;
  if (prev && prevOut?.text && out.row === row.row && prevOut.row === prev.row && foldKey(prevOut.text) === foldKey(out.text)) {
    const sameTask = foldKey(prev.cells.name?.text ?? "") === foldKey(row.cells.name?.text ?? "");
    if (!sameTask) {
      add(
        env,
        "output-repeated",
        out.address,
        `Sản phẩm đầu ra ${q(out.text)} giống hệt ${rowName(env, prev.row)} trong khi nhiệm vụ khác nhau; hãy kiểm tra xem có bị chép nhầm từ dòng trên không.`,
      );
    }
  }
}

export function checkDeadline(env: CheckEnv, row: TableRow, required: boolean): void {
  if (!column(env, "deadline")) return;
  const cell = row.cells.deadline;
  const p = parseDeadline(cell?.value ?? null, { planYear: env.planYear, numberFormat: cell?.numberFormat });
  if (!p.ok) {
    if (p.code === "empty") {
      if (required) {
        add(env, "deadline-missing", addressOf(row, "deadline", env)!, `Nhiệm vụ chưa có thời hạn hoàn thành (rõ thời gian); hãy ghi ví dụ “Quý II/${env.planYear}” hoặc “30/06/${env.planYear}”.`);
      }
    } else {
      add(env, "deadline-unreadable", cell!.address, `Không hiểu thời hạn ${q(shownText(cell!))}; hãy ghi ví dụ “Quý II/${env.planYear}”, “10/${env.planYear}”, “30/06/${env.planYear}” hoặc “Thường xuyên”.`);
    }
    return;
  }
  const d = p.deadline;
  if (d.kind === "undated") {
    add(
      env,
      "deadline-undated",
      cell!.address,
      `Thời hạn ${q(shownText(cell!))} không nêu thời điểm cụ thể (rõ thời gian); hãy ghi mốc dự kiến, ví dụ “Quý IV/${env.planYear}”, và cập nhật khi tỉnh hướng dẫn.`,
    );
    return;
  }
  if (d.kind === "date" && Number(d.due.slice(0, 4)) !== env.planYear) {
    const year = Number(d.due.slice(0, 4));
    add(
      env,
      "deadline-outside-year",
      cell!.address,
      // Stryker disable next-line EqualityOperator: the year is not the plan's here, so never equal to it
      `Thời hạn ${q(shownText(cell!))} (${formatDateVi(d.due)}) nằm ${year < env.planYear ? "trước" : "sau"} năm ${env.planYear} của kế hoạch; ` +
        `nhiệm vụ của kế hoạch năm ${env.planYear} cần có thời hạn trong năm ${env.planYear}.`,
    );
  }
}

export function checkProgress(env: CheckEnv, row: TableRow): void {
  const statusCell = row.cells.status;
  const doneCell = row.cells.completedOn;
  if (!column(env, "status") && !column(env, "completedOn")) return;
  const status = statusCell ? parseStatus(statusCell.value) : null;
  const hasDate = doneCell !== undefined && doneCell.value !== null && doneCell.text !== "";
  const date = hasDate ? parseDateCell(doneCell!.value) : null;
  if (hasDate && date === null) {
    add(env, "completed-date-unreadable", doneCell!.address, `Ngày hoàn thành ${q(shownText(doneCell!))} không phải là ngày; hãy nhập theo dạng ngày/tháng/năm, ví dụ 30/06/${env.planYear}.`);
  }
  if (date !== null && column(env, "status") && status !== "done") {
    const address = addressOf(row, "status", env)!;
    add(
      env,
      "completed-not-done",
      address,
      `Đã ghi ngày hoàn thành ${formatDateVi(date)} nhưng tình trạng là ${q(statusCell?.text || "(trống)")}; nếu nhiệm vụ đã xong, ghi “${STATUS_LABELS.done}”, nếu chưa, xóa ngày hoàn thành.`,
      { label: `Ghi tình trạng “${STATUS_LABELS.done}”`, cell: address, value: STATUS_LABELS.done },
    );
  }
  if (status === "done" && column(env, "completedOn") && !hasDate) {
    add(env, "done-no-date", addressOf(row, "completedOn", env)!, `Nhiệm vụ đã “${STATUS_LABELS.done}” nhưng chưa ghi ngày hoàn thành; ghi ngày để biết hoàn thành đúng hạn hay quá hạn.`);
  }
}
