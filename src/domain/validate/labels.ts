/**
 * A short Vietnamese name for each kind of finding, for headings that group findings
 * by kind ("Theo loại" in the task pane): people read these, never the stable codes.
 * Typed by FindingCode, so a new check does not compile until it has a name here.
 */
import type { FindingCode } from "./codes";

export const FINDING_LABELS: Record<FindingCode, string> = {
  // ── structure ──
  "no-header": "Không tìm thấy dòng tiêu đề của bảng",
  "column-missing": "Bảng thiếu cột bắt buộc",
  "count-mismatch": "Số dòng khác số ghi trong tiêu đề",
  "numbering-gap": "Số thứ tự bị nhảy cóc",
  "numbering-repeat": "Số thứ tự bị trùng hoặc lùi lại",
  "group-row-content": "Dòng nhóm ghi nội dung thừa",
  "name-missing": "Dòng thiếu tên chỉ tiêu, nhiệm vụ",
  "indicator-duplicate": "Chỉ tiêu bị lặp",
  "task-duplicate": "Nhiệm vụ bị lặp",
  // ── the commune or ward ──
  "commune-not-found": "Chưa xác định được xã, phường",
  "commune-unknown": "Xã, phường không có trong danh sách của tỉnh",
  "commune-type-mismatch": "Ghi nhầm “xã” và “phường” trong tiêu đề",
  // ── indicators ──
  "indicator-unknown": "Chỉ tiêu chưa khớp danh mục",
  "code-unknown": "Mã chỉ tiêu không có trong danh mục",
  "unit-missing": "Thiếu đơn vị tính",
  "unit-not-written": "Chỉ tiêu không rõ đơn vị tính",
  "unit-mismatch": "Đơn vị tính khác danh mục",
  "unit-target-mismatch": "Chỉ tiêu không hợp với đơn vị tính",
  "unit-spelling": "Cách viết đơn vị tính",
  "target-missing": "Thiếu giá trị chỉ tiêu",
  "target-unreadable": "Không đọc được giá trị chỉ tiêu",
  "target-vague": "Chỉ tiêu ghi lời đánh giá",
  "target-below-province": "Chỉ tiêu thấp hơn mức tham chiếu",
  "target-over-100": "Chỉ tiêu tỷ lệ vượt 100%",
  "target-redundant-comparator": "Thừa dấu ≥ trước 100%",
  "target-in-name": "Giá trị chỉ tiêu ghi trong tên",
  "target-punctuation": "Dấu câu thừa trong chỉ tiêu",
  "target-spaces": "Khoảng trắng thừa trong chỉ tiêu",
  // ── bodies (rõ người) ──
  "lead-missing": "Thiếu đơn vị chủ trì",
  "body-unknown": "Đơn vị không có trong danh mục",
  "body-ambiguous": "Tên đơn vị chưa rõ",
  "body-wrong-type": "Đơn vị không có ở loại xã, phường này",
  "body-type-word": "Tên đơn vị ghi nhầm “xã”, “phường”",
  "body-typo": "Tên đơn vị sai chính tả",
  "body-spelling": "Tên đơn vị viết chưa chuẩn",
  // ── tasks (6 rõ) ──
  "output-missing": "Thiếu sản phẩm đầu ra",
  "output-repeated": "Sản phẩm đầu ra chép lặp dòng trên",
  "deadline-missing": "Thiếu thời hạn hoàn thành",
  "deadline-undated": "Thời hạn không có ngày cụ thể",
  "deadline-unreadable": "Không đọc được thời hạn",
  "deadline-outside-year": "Thời hạn ngoài năm kế hoạch",
  "completed-not-done": "Có ngày hoàn thành nhưng chưa ghi “Hoàn thành”",
  "done-no-date": "Hoàn thành nhưng chưa ghi ngày",
  "completed-date-unreadable": "Ngày hoàn thành không đọc được",
  // ── results ──
  "result-text": "Kết quả không đọc được thành số",
  "result-ambiguous-percent": "Kết quả tỷ lệ chưa rõ (1% hay 100%)",
  "result-ambiguous-count": "Kết quả số lượng không phải số nguyên",
  "result-over-100": "Kết quả tỷ lệ vượt 100%",
};

/** The name of a finding's kind; an unknown code (a newer file's) is shown as "Phát hiện khác". */
export function findingLabel(code: string): string {
  return (FINDING_LABELS as Record<string, string>)[code] ?? "Phát hiện khác";
}
