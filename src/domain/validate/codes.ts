/**
 * Every finding the checker can raise: a stable code (people search for it, tests
 * assert on it), its severity and one line of Vietnamese saying what it means.
 * The README's table of findings is generated from this list, so adding a check
 * means adding its code here first.
 *
 * Severity: "error" only for what blocks submitting the plan (no header, a row
 * without lead unit / output / deadline / unit / target, an unreadable target);
 * "warning" for what is probably wrong; "info" for tidying that changes no meaning.
 */
import type { Severity } from "../finding";

export type FindingArea = "cấu trúc" | "xã, phường" | "chỉ tiêu" | "đơn vị" | "nhiệm vụ" | "kết quả";

export interface FindingCodeInfo {
  code: string;
  severity: Severity;
  area: FindingArea;
  description: string;
}

export const FINDING_CODES = [
  // ── structure ──
  { code: "no-header", severity: "error", area: "cấu trúc", description: "Không tìm thấy dòng tiêu đề của bảng phụ lục (STT, Nội dung, Đơn vị tính, ...)." },
  { code: "column-missing", severity: "error", area: "cấu trúc", description: "Bảng thiếu một cột bắt buộc (chỉ tiêu, đơn vị chủ trì, sản phẩm đầu ra hoặc thời hạn)." },
  { code: "count-mismatch", severity: "warning", area: "cấu trúc", description: "Số chỉ tiêu/nhiệm vụ ghi trong tiêu đề, ví dụ “(31 chỉ tiêu)”, khác số dòng thực có." },
  { code: "numbering-gap", severity: "warning", area: "cấu trúc", description: "Số thứ tự bị nhảy cóc (thiếu số)." },
  { code: "numbering-repeat", severity: "warning", area: "cấu trúc", description: "Số thứ tự bị trùng hoặc lùi lại." },
  { code: "group-row-content", severity: "warning", area: "cấu trúc", description: "Dòng nhóm (I, II, ...) có ghi đơn vị tính, chỉ tiêu, đơn vị hoặc thời hạn không thuộc chỉ tiêu nào." },
  { code: "name-missing", severity: "warning", area: "cấu trúc", description: "Dòng có số thứ tự hoặc nội dung khác nhưng không có tên chỉ tiêu/nhiệm vụ." },
  { code: "indicator-duplicate", severity: "warning", area: "cấu trúc", description: "Cùng một chỉ tiêu xuất hiện hai lần trong bảng." },
  { code: "task-duplicate", severity: "warning", area: "cấu trúc", description: "Cùng một nhiệm vụ xuất hiện hai lần trong bảng." },
  // ── the commune or ward ──
  { code: "commune-not-found", severity: "info", area: "xã, phường", description: "Không xác định được xã/phường từ tiêu đề; bỏ qua các kiểm tra theo loại xã/phường." },
  { code: "commune-unknown", severity: "warning", area: "xã, phường", description: "Tên xã/phường trong tiêu đề không có trong danh sách đơn vị hành chính của tỉnh." },
  { code: "commune-type-mismatch", severity: "warning", area: "xã, phường", description: "Tiêu đề ghi “xã” cho một phường (hoặc ngược lại) vào ngày của văn bản." },
  // ── indicators ──
  { code: "indicator-unknown", severity: "info", area: "chỉ tiêu", description: "Chỉ tiêu không khớp chỉ tiêu nào trong danh mục (kèm các chỉ tiêu gần nhất để chọn gán mã)." },
  { code: "code-unknown", severity: "warning", area: "chỉ tiêu", description: "Cột “Mã” ghi một mã chỉ tiêu không có trong danh mục (“HT-99”)." },
  { code: "unit-missing", severity: "error", area: "chỉ tiêu", description: "Chỉ tiêu chưa ghi đơn vị tính." },
  { code: "unit-not-written", severity: "warning", area: "chỉ tiêu", description: "Bảng không có cột đơn vị tính và chỉ tiêu chỉ ghi con số, không rõ đơn vị (“≥ 2”, “80”)." },
  { code: "unit-mismatch", severity: "warning", area: "chỉ tiêu", description: "Đơn vị tính khác đơn vị của chỉ tiêu trong danh mục (“Số người” và “Người” là một)." },
  { code: "unit-target-mismatch", severity: "warning", area: "chỉ tiêu", description: "Chỉ tiêu không hợp với đơn vị tính: tỷ lệ “≥ 60%” với đơn vị đếm (“Người”, “Hồ sơ”), hoặc số lượng với đơn vị “%”." },
  { code: "unit-spelling", severity: "info", area: "chỉ tiêu", description: "Đơn vị tính viết khác cách viết chuẩn (“phần trăm” → “%”)." },
  { code: "target-missing", severity: "error", area: "chỉ tiêu", description: "Chỉ tiêu chưa có giá trị phấn đấu." },
  { code: "target-unreadable", severity: "error", area: "chỉ tiêu", description: "Không đọc được giá trị chỉ tiêu (ví dụ “≥ abc”)." },
  { code: "target-vague", severity: "error", area: "chỉ tiêu", description: "Ô chỉ tiêu ghi một lời đánh giá, không phải chỉ tiêu (“Đạt”, “Tốt”, “Theo kế hoạch”)." },
  { code: "target-below-province", severity: "warning", area: "chỉ tiêu", description: "Chỉ tiêu thấp hơn mức tham chiếu (dựng từ các kế hoạch mẫu; là chỉ tiêu của tỉnh khi sổ có trang “Danh mục” của tỉnh); với chỉ tiêu “≤”: cao hơn." },
  { code: "target-over-100", severity: "warning", area: "chỉ tiêu", description: "Chỉ tiêu tỷ lệ vượt quá 100%." },
  { code: "target-redundant-comparator", severity: "info", area: "chỉ tiêu", description: "“≥ 100%” thừa dấu ≥ (không thể vượt 100%); ghi “100%”." },
  { code: "target-in-name", severity: "warning", area: "chỉ tiêu", description: "Tên chỉ tiêu có ghi kèm giá trị chỉ tiêu ở cuối (“... chính quyền 90%”)." },
  { code: "target-punctuation", severity: "info", area: "chỉ tiêu", description: "Giá trị chỉ tiêu có dấu câu thừa ở cuối (“100%.”)." },
  { code: "target-spaces", severity: "info", area: "chỉ tiêu", description: "Giá trị chỉ tiêu có khoảng trắng thừa (“≥  50%”)." },
  // ── bodies (rõ người) ──
  { code: "lead-missing", severity: "error", area: "đơn vị", description: "Chưa ghi đơn vị chủ trì (rõ người)." },
  { code: "body-unknown", severity: "warning", area: "đơn vị", description: "Tên đơn vị không có trong danh mục cơ quan, đơn vị của xã, phường (kèm các tên gần nhất)." },
  { code: "body-ambiguous", severity: "warning", area: "đơn vị", description: "Tên đơn vị không rõ là đơn vị nào (“Văn phòng”)." },
  { code: "body-wrong-type", severity: "warning", area: "đơn vị", description: "Đơn vị chỉ có ở phường được ghi trong kế hoạch của xã, hoặc ngược lại." },
  { code: "body-type-word", severity: "warning", area: "đơn vị", description: "Phường ghi “Công an xã”, “Trạm y tế xã” (hoặc xã ghi “... phường”)." },
  { code: "body-typo", severity: "warning", area: "đơn vị", description: "Tên đơn vị gần giống một đơn vị trong danh mục nhưng sai chính tả (thừa, thiếu chữ, thiếu dấu); kèm tên đúng." },
  { code: "body-spelling", severity: "info", area: "đơn vị", description: "Tên đơn vị viết khác tên chuẩn; đề nghị ghi tên đầy đủ." },
  // ── tasks (6 rõ) ──
  { code: "output-missing", severity: "error", area: "nhiệm vụ", description: "Nhiệm vụ chưa có sản phẩm đầu ra (rõ sản phẩm)." },
  { code: "output-repeated", severity: "info", area: "nhiệm vụ", description: "Sản phẩm đầu ra giống hệt dòng ngay trên trong khi tên nhiệm vụ khác: có thể bị chép nhầm." },
  { code: "deadline-missing", severity: "error", area: "nhiệm vụ", description: "Nhiệm vụ chưa có thời hạn hoàn thành (rõ thời gian)." },
  { code: "deadline-undated", severity: "warning", area: "nhiệm vụ", description: "Thời hạn không nêu ngày cụ thể (“Theo hướng dẫn của tỉnh”)." },
  { code: "deadline-unreadable", severity: "warning", area: "nhiệm vụ", description: "Không đọc được thời hạn hoàn thành." },
  { code: "deadline-outside-year", severity: "warning", area: "nhiệm vụ", description: "Thời hạn nằm ngoài năm của kế hoạch." },
  { code: "completed-not-done", severity: "warning", area: "nhiệm vụ", description: "Có ngày hoàn thành nhưng tình trạng chưa ghi “Hoàn thành”." },
  { code: "done-no-date", severity: "info", area: "nhiệm vụ", description: "Tình trạng “Hoàn thành” nhưng chưa ghi ngày hoàn thành." },
  { code: "completed-date-unreadable", severity: "warning", area: "nhiệm vụ", description: "Ngày hoàn thành không phải là ngày (dd/mm/yyyy, d/m/yyyy, “ngày … tháng … năm …” đều đọc được)." },
  // ── results ──
  { code: "result-text", severity: "warning", area: "kết quả", description: "Kết quả của chỉ tiêu định lượng không đọc được thành số (“đang cập nhật”); “72%”, “0,72” gõ dạng chữ vẫn được đọc." },
  { code: "result-ambiguous-percent", severity: "warning", area: "kết quả", description: "Kết quả “1” ở chỉ tiêu tỷ lệ: không rõ là 1% hay 100%; chưa được đánh giá." },
  { code: "result-ambiguous-count", severity: "warning", area: "kết quả", description: "Kết quả không phải số nguyên (“0,5”) ở chỉ tiêu đếm số lượng; chưa được đánh giá." },
  { code: "result-over-100", severity: "warning", area: "kết quả", description: "Kết quả tỷ lệ vượt quá 100%." },
] as const satisfies readonly FindingCodeInfo[];

export type FindingCode = (typeof FINDING_CODES)[number]["code"];

const BY_CODE = new Map<string, FindingCodeInfo>(FINDING_CODES.map((c) => [c.code, c]));

export function severityOf(code: FindingCode): Severity {
  return BY_CODE.get(code)!.severity;
}

export function findingCodeInfo(code: string): FindingCodeInfo | undefined {
  return BY_CODE.get(code);
}

/** Vietnamese labels of the severities, as the command line and the task pane print them. */
export const SEVERITY_LABELS: Record<Severity, string> = { error: "lỗi", warning: "cảnh báo", info: "lưu ý" };
