/** Office.js errors as messages a commune official can act on. */

interface OfficeLikeError {
  code?: string;
  message?: string;
  debugInfo?: { errorLocation?: string };
}

const MESSAGES: Record<string, string> = {
  ItemNotFound: "Không tìm thấy trang tính hoặc vùng ô cần dùng; có thể nó vừa bị đổi tên hoặc xoá.",
  InvalidOperation: "Excel không cho phép thao tác này (trang tính có thể đang được bảo vệ hoặc đang ở chế độ sửa ô).",
  AccessDenied: "Excel từ chối ghi: trang tính hoặc sổ làm việc đang được bảo vệ.",
  InvalidArgument: "Excel không chấp nhận dữ liệu được ghi; không có thay đổi nào được thực hiện.",
  ApiNotFound: "Phiên bản Excel này chưa hỗ trợ chức năng cần dùng; hãy cập nhật Excel hoặc dùng trang web Phụ lục NQ57.",
  InsertDeleteConflict: "Thao tác xung đột với một bảng hoặc vùng đã gộp ô trong trang tính.",
  RequestPayloadSizeLimitExceeded: "Dữ liệu cần ghi quá lớn cho Excel trên web trong một lần; hãy thử lại với ít dòng hơn.",
  GeneralException: "Excel gặp lỗi khi thực hiện thao tác; không có thay đổi nào được ghi.",
};

export function officeErrorMessage(e: unknown): string {
  const err = (e ?? {}) as OfficeLikeError;
  const known = err.code ? MESSAGES[err.code] : undefined;
  if (known) return known;
  return "Excel báo lỗi khi thực hiện thao tác; không có thay đổi nào được ghi. Hãy thoát chế độ sửa ô (nhấn Esc) rồi thử lại.";
}
