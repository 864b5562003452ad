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
  RequestPayloadSizeLimitExceeded: "Dữ liệu cần ghi quá lớn cho Excel trên web trong một lần; hãy thử lại với ít dòng hơn.",
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
