/**
 * Office.js errors as messages a commune official can act on.
 *
 * Excel runs a batch of queued operations in order and stops at the first that
 * fails; the ones before it stay done (there is no rollback). So a failure while
 * reading has changed nothing, but a failure while writing may have left part of the
 * command's changes in the workbook, and the message must say so rather than promise
 * that nothing was written.
 */

interface OfficeLikeError {
  code?: string;
  message?: string;
  debugInfo?: { errorLocation?: string };
}

const MESSAGES: Record<string, string> = {
  ItemNotFound: "Không tìm thấy trang tính hoặc vùng ô cần dùng; có thể nó vừa bị đổi tên hoặc xoá.",
  ItemAlreadyExists: "Đã có một trang tính hoặc tên trùng với tên cần tạo (có thể vừa được thêm); hãy chạy lại lệnh.",
  InvalidOperation: "Excel không cho phép thao tác này (trang tính có thể đang được bảo vệ hoặc đang ở chế độ sửa ô).",
  AccessDenied: "Excel từ chối ghi: trang tính hoặc sổ làm việc đang được bảo vệ.",
  InvalidArgument: "Excel không chấp nhận dữ liệu được ghi.",
  InvalidReference: "Vùng ô cần dùng không hợp lệ trong trang tính này.",
  ApiNotFound: "Phiên bản Excel này chưa hỗ trợ chức năng cần dùng; hãy cập nhật Excel hoặc dùng trang web Phụ lục NQ57.",
  NotImplemented: "Phiên bản Excel này chưa hỗ trợ chức năng cần dùng; hãy cập nhật Excel hoặc dùng trang web Phụ lục NQ57.",
  InsertDeleteConflict: "Thao tác xung đột với một bảng hoặc vùng đã gộp ô trong trang tính.",
  RequestPayloadSizeLimitExceeded: "Dữ liệu gửi tới Excel trên web trong một lần vượt giới hạn 5 MB.",
  ResponsePayloadSizeLimitExceeded: "Dữ liệu Excel trên web trả về trong một lần vượt giới hạn 5 MB (trang tính quá lớn).",
  RangeExceedsLimit: "Vùng ô cần đọc vượt giới hạn 5 triệu ô của Excel; có thể có một giá trị lạc ở ô rất xa (nhấn Ctrl+End để tìm và xoá).",
  InvalidOperationInCellEditMode: "Excel đang ở chế độ sửa ô (có người đang gõ trong một ô); hãy nhấn Enter hoặc Esc rồi bấm lại.",
  MergedRangeConflict: "Vùng cần ghi chồng lên các ô đã gộp trong trang tính; hãy bỏ gộp các ô đó (Trang đầu → Gộp và Căn giữa) rồi thử lại.",
  PropertyNotLoaded: "Phần bổ trợ đọc dữ liệu của Excel chưa đúng cách (lỗi của phần bổ trợ).",
  ActivityLimitReached: "Excel đang bận xử lý quá nhiều yêu cầu; hãy đợi một lát rồi thử lại.",
  ServiceNotAvailable: "Dịch vụ Excel trên web tạm thời không phản hồi; hãy thử lại sau.",
  InactiveWorkbook: "Sổ làm việc này không còn là sổ đang mở trước mặt; hãy bấm vào sổ làm việc rồi thử lại.",
  FormulaLengthExceedsLimit: "Một công thức cần ghi dài quá giới hạn của Excel.",
  GeneralException: "Excel gặp lỗi khi thực hiện thao tác.",
};

const GENERIC = "Excel báo lỗi khi thực hiện thao tác. Hãy thoát chế độ sửa ô (nhấn Esc) rồi thử lại.";

/** While reading, or while writing (when part of the changes may already be in the workbook). */
export type OfficePhase = "read" | "write";

export function officeErrorMessage(e: unknown, phase: OfficePhase = "read"): string {
  const err = (e ?? {}) as OfficeLikeError;
  // A property or method an older Excel does not have surfaces as a TypeError, not an Office error.
  const unsupported = e instanceof TypeError && !err.code;
  const known = typeof err.code === "string" && Object.prototype.hasOwnProperty.call(MESSAGES, err.code) ? MESSAGES[err.code] : undefined;
  const base = known ?? (unsupported ? MESSAGES.ApiNotFound : GENERIC);
  return phase === "read"
    ? `${base} Chưa có thay đổi nào được ghi.`
    : `${base} Việc ghi đã dừng giữa chừng: một phần thay đổi có thể đã được ghi vào sổ làm việc, hãy kiểm tra lại trang tính (xoá các trang vừa thêm nếu cần) rồi chạy lại lệnh.`;
}
