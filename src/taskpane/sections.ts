/** The four sections of the task pane, in the order officials use them. */
import type { ComponentType } from "react";
import { InsertSection } from "./sections/InsertSection";
import { CheckSection } from "./sections/CheckSection";
import { ComputeSection } from "./sections/ComputeSection";
import { ConsolidateSection } from "./sections/ConsolidateSection";

export type SectionId = "insert" | "check" | "calculate" | "summary";

export interface TaskpaneSection {
  readonly id: SectionId;
  /** Heading shown to the user (Vietnamese). */
  readonly title: string;
  /** What the section does, in one sentence (Vietnamese). */
  readonly description: string;
  readonly Component: ComponentType;
}

export const SECTIONS: readonly TaskpaneSection[] = [
  {
    id: "insert",
    title: "Chèn phụ lục",
    description: "Chèn phụ lục chỉ tiêu và nhiệm vụ theo mẫu của tỉnh, có sẵn công thức và định dạng in.",
    Component: InsertSection,
  },
  {
    id: "check",
    title: "Kiểm tra",
    description: "Rà soát trang tính trước khi nộp: đơn vị tính, chỉ tiêu, đơn vị chủ trì, cấu trúc bảng và “6 rõ”.",
    Component: CheckSection,
  },
  {
    id: "calculate",
    title: "Tính toán & cảnh báo",
    description: "Thêm cột tỷ lệ đạt, đánh giá, hạn hoàn thành và cảnh báo quá hạn bằng công thức Excel.",
    Component: ComputeSection,
  },
  {
    id: "summary",
    title: "Tổng hợp",
    description: "Tổng hợp phụ lục của nhiều phòng, ban hoặc nhiều xã, phường vào các trang mới.",
    Component: ConsolidateSection,
  },
];
