/**
 * The four sections of the task pane. Features are wired in later; until a
 * section has one, its status is "in-development" and the pane says so.
 */

export type SectionId = "insert" | "check" | "calculate" | "summary";

export type SectionStatus = "in-development" | "available";

export interface TaskpaneSection {
  readonly id: SectionId;
  /** Heading shown to the user (Vietnamese). */
  readonly title: string;
  /** What the section does, in one or two sentences (Vietnamese). */
  readonly description: string;
  readonly status: SectionStatus;
}

export const SECTIONS: readonly TaskpaneSection[] = [
  {
    id: "insert",
    title: "Chèn phụ lục",
    description:
      "Chèn vào sổ tính các biểu mẫu phụ lục kế hoạch thực hiện Nghị quyết 57-NQ/TW theo mẫu thống nhất, với tiêu đề, cột và định dạng sẵn.",
    status: "in-development",
  },
  {
    id: "check",
    title: "Kiểm tra",
    description:
      "Rà soát số liệu đã nhập trong các phụ lục: ô bắt buộc còn trống, giá trị sai kiểu hoặc sai đơn vị, chỉ tiêu không khớp danh mục; chỉ rõ ô cần sửa.",
    status: "in-development",
  },
  {
    id: "calculate",
    title: "Tính toán & cảnh báo",
    description:
      "Tính các dòng tổng, tỷ lệ và mức độ hoàn thành; cảnh báo chỉ tiêu chậm tiến độ hoặc số liệu bất thường.",
    status: "in-development",
  },
  {
    id: "summary",
    title: "Tổng hợp",
    description:
      "Tổng hợp số liệu từ các phụ lục thành bảng báo cáo chung của xã, phường để gửi cấp trên.",
    status: "in-development",
  },
];

/** Label shown on sections without a feature yet. */
export const IN_DEVELOPMENT_LABEL = "Đang phát triển";
