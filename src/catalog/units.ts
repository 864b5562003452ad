/**
 * Units of measure (Đơn vị tính) of the indicator tables.
 *
 * DATA, NOT CODE. Built from the units written in the four seed plans' appendices
 * (%, % GRDP, Sáng kiến, Mô hình, DN) and the ones domain.md lists as seen in other
 * communes' sheets (Số sáng kiến, Số đề tài, Số hoạt động, % tổng chi NS xã), plus a
 * few that plainly belong to the same kind of table (Hội thi, Văn bản, Người, Hộ, ...).
 *
 * `code` is the spelling the appendix writes. `aliases` hold abbreviations and genuinely
 * different spellings only: the matcher already settles case, tone-mark placement,
 * dashes and spaces, so "sáng kiến" or "%  " need no entry of their own.
 */
import type { UnitOfMeasure } from "./types";

export const UNITS_OF_MEASURE: UnitOfMeasure[] = [
  // Percentages: values are stored as fractions (0.6 = 60%).
  { code: "%", aliases: ["phần trăm", "tỷ lệ %", "tỷ lệ (%)", "(%)"], percent: true, count: false },
  {
    code: "% GRDP",
    aliases: ["%GRDP", "% so với GRDP", "%/GRDP", "phần trăm GRDP"],
    percent: true,
    count: false,
  },
  {
    code: "% tổng chi NS xã",
    aliases: [
      "% tổng chi ngân sách xã",
      "% tổng chi NS phường",
      "% tổng chi ngân sách phường",
      "% tổng chi NS",
      "% tổng chi ngân sách",
      "% tổng chi ngân sách hằng năm",
      "% chi ngân sách xã",
    ],
    percent: true,
    count: false,
  },

  // Counts of things (integers). "Sáng kiến" and "Số sáng kiến" are both written as
  // units in the wild; they are kept as two codes because a sheet shows the code.
  { code: "Sáng kiến", aliases: ["SK"], percent: false, count: true },
  { code: "Số sáng kiến", aliases: ["Số lượng sáng kiến"], percent: false, count: true },
  { code: "Mô hình", aliases: ["Số mô hình", "Số lượng mô hình"], percent: false, count: true },
  { code: "DN", aliases: ["Doanh nghiệp", "Số doanh nghiệp", "Số DN"], percent: false, count: true },
  { code: "Số đề tài", aliases: ["Đề tài", "Số lượng đề tài"], percent: false, count: true },
  { code: "Số hoạt động", aliases: ["Hoạt động", "Số lượng hoạt động"], percent: false, count: true },
  { code: "Hội thi", aliases: ["Cuộc thi", "Số hội thi", "Số cuộc thi"], percent: false, count: true },
  { code: "Văn bản", aliases: ["VB", "Số văn bản"], percent: false, count: true },
  { code: "Người", aliases: ["Số người"], percent: false, count: true },
  { code: "Lượt", aliases: ["Lượt người", "Số lượt"], percent: false, count: true },
  { code: "Hộ", aliases: ["Hộ gia đình", "Số hộ"], percent: false, count: true },
  { code: "Hộ kinh doanh", aliases: ["HKD", "Số hộ kinh doanh"], percent: false, count: true },
  { code: "Hợp tác xã", aliases: ["HTX", "Số hợp tác xã"], percent: false, count: true },
  { code: "Hồ sơ", aliases: ["Số hồ sơ"], percent: false, count: true },
  { code: "Thủ tục", aliases: ["TTHC", "Thủ tục hành chính", "Số thủ tục"], percent: false, count: true },
  { code: "Lớp", aliases: ["Lớp tập huấn", "Lớp bồi dưỡng", "Số lớp"], percent: false, count: true },
  { code: "Hệ thống", aliases: ["Hệ thống thông tin", "HTTT"], percent: false, count: true },
  { code: "CSDL", aliases: ["Cơ sở dữ liệu"], percent: false, count: true },
  { code: "Điểm", aliases: ["Điểm truy cập", "Điểm wifi"], percent: false, count: true },

  // Amounts of money.
  { code: "Triệu đồng", aliases: ["Tr.đồng", "Tr.đ", "Trđ", "Triệu"], percent: false, count: false },
];
