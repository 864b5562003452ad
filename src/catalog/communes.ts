/**
 * Communes (xã) and wards (phường) of Đồng Nai after the 2025 merger.
 *
 * DATA, NOT CODE. Transcribed from /work/shared/docs/communes-dong-nai.md:
 * Nghị quyết 1662/NQ-UBTVQH15 (16/6/2025) — 95 đơn vị hành chính cấp xã, 72 xã
 * and 23 phường, in force with the new local governments from 01/7/2025; codes
 * per Quyết định 19/2025/QĐ-TTg (two independent public datasets agree).
 *
 * `type` is the type as of 01/7/2025. From 30/4/2026 (Nghị quyết 30/2026/QH16:
 * Đồng Nai becomes "Thành phố Đồng Nai"; Nghị quyết 237/NQ-UBTVQH16) ten xã
 * became phường with unchanged codes; they carry `change`. A plan dated before
 * 30/4/2026 rightly says "xã Nhơn Trạch", a report dated after it "phường Nhơn
 * Trạch": resolve the type for a date, never treat it as a constant.
 *
 * Names are as officially written ("Hòa", not "Hoà"); matching must accept both
 * tone placements (Biên Hoà, Phú Hoà, Xuân Hoà).
 */
import type { Commune, SourceDocument } from "./types";

export const COMMUNE_SOURCE: SourceDocument = {
  id: "NQ-1662-2025",
  title:
    "Nghị quyết số 1662/NQ-UBTVQH15 ngày 16/6/2025 của Ủy ban Thường vụ Quốc hội về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Đồng Nai năm 2025 (mã đơn vị hành chính theo Quyết định số 19/2025/QĐ-TTg)",
  date: "2025-06-16",
};

/** The province; a centrally-run city ("Thành phố Đồng Nai") from `cityFrom`. */
export const PROVINCE = { code: "75", name: "Đồng Nai", cityFrom: "2026-04-30" } as const;

/** The ten xã that became phường on 30/4/2026 share this change. */
const CITY_2026 = { to: "phuong", from: "2026-04-30", by: "Nghị quyết 237/NQ-UBTVQH16" } as const;

export const COMMUNES: Commune[] = [
  { code: "25195", name: "Bình Phước", type: "phuong" },
  { code: "25210", name: "Đồng Xoài", type: "phuong" },
  { code: "25217", name: "Phước Long", type: "phuong" },
  { code: "25220", name: "Phước Bình", type: "phuong" },
  { code: "25222", name: "Bù Gia Mập", type: "xa" },
  { code: "25225", name: "Đăk Ơ", type: "xa" },
  { code: "25231", name: "Đa Kia", type: "xa" },
  { code: "25246", name: "Bình Tân", type: "xa" },
  { code: "25252", name: "Phú Riềng", type: "xa" },
  { code: "25255", name: "Long Hà", type: "xa" },
  { code: "25261", name: "Phú Trung", type: "xa" },
  { code: "25267", name: "Phú Nghĩa", type: "xa" },
  { code: "25270", name: "Lộc Ninh", type: "xa", change: { ...CITY_2026 } },
  { code: "25279", name: "Lộc Tấn", type: "xa" },
  { code: "25280", name: "Lộc Thạnh", type: "xa" },
  { code: "25292", name: "Lộc Quang", type: "xa" },
  { code: "25294", name: "Lộc Thành", type: "xa" },
  { code: "25303", name: "Lộc Hưng", type: "xa" },
  { code: "25308", name: "Thiện Hưng", type: "xa" },
  { code: "25309", name: "Hưng Phước", type: "xa" },
  { code: "25318", name: "Tân Tiến", type: "xa" },
  { code: "25326", name: "Bình Long", type: "phuong" },
  { code: "25333", name: "An Lộc", type: "phuong" },
  { code: "25345", name: "Tân Hưng", type: "xa" },
  { code: "25349", name: "Minh Đức", type: "xa" },
  { code: "25351", name: "Tân Quan", type: "xa" },
  { code: "25357", name: "Tân Khai", type: "xa", change: { ...CITY_2026 } },
  { code: "25363", name: "Đồng Phú", type: "xa", change: { ...CITY_2026 } },
  { code: "25378", name: "Tân Lợi", type: "xa" },
  { code: "25387", name: "Thuận Lợi", type: "xa" },
  { code: "25390", name: "Đồng Tâm", type: "xa" },
  { code: "25396", name: "Bù Đăng", type: "xa" },
  { code: "25399", name: "Đak Nhau", type: "xa" },
  { code: "25402", name: "Thọ Sơn", type: "xa" },
  { code: "25405", name: "Bom Bo", type: "xa" },
  { code: "25417", name: "Nghĩa Trung", type: "xa" },
  { code: "25420", name: "Phước Sơn", type: "xa" },
  { code: "25432", name: "Chơn Thành", type: "phuong" },
  { code: "25441", name: "Minh Hưng", type: "phuong" },
  { code: "25450", name: "Nha Bích", type: "xa" },
  { code: "25993", name: "Trảng Dài", type: "phuong" },
  { code: "26005", name: "Hố Nai", type: "phuong" },
  { code: "26017", name: "Tam Hiệp", type: "phuong" },
  { code: "26020", name: "Long Bình", type: "phuong" },
  { code: "26041", name: "Trấn Biên", type: "phuong" },
  { code: "26068", name: "Biên Hòa", type: "phuong" },
  { code: "26080", name: "Long Khánh", type: "phuong" },
  { code: "26089", name: "Bình Lộc", type: "phuong" },
  { code: "26098", name: "Bảo Vinh", type: "phuong" },
  { code: "26104", name: "Xuân Lập", type: "phuong" },
  { code: "26113", name: "Hàng Gòn", type: "phuong" },
  { code: "26116", name: "Tân Phú", type: "xa", change: { ...CITY_2026 } },
  { code: "26119", name: "Đak Lua", type: "xa" },
  { code: "26122", name: "Nam Cát Tiên", type: "xa" },
  { code: "26134", name: "Tà Lài", type: "xa" },
  { code: "26158", name: "Phú Lâm", type: "xa" },
  { code: "26170", name: "Trị An", type: "xa", change: { ...CITY_2026 } },
  { code: "26173", name: "Phú Lý", type: "xa" },
  { code: "26179", name: "Tân An", type: "xa" },
  { code: "26188", name: "Tân Triều", type: "phuong" },
  { code: "26206", name: "Định Quán", type: "xa" },
  { code: "26209", name: "Thanh Sơn", type: "xa" },
  { code: "26215", name: "Phú Vinh", type: "xa" },
  { code: "26221", name: "Phú Hòa", type: "xa" },
  { code: "26227", name: "La Ngà", type: "xa" },
  { code: "26248", name: "Trảng Bom", type: "xa", change: { ...CITY_2026 } },
  { code: "26254", name: "Bàu Hàm", type: "xa" },
  { code: "26278", name: "Bình Minh", type: "xa" },
  { code: "26281", name: "Hưng Thịnh", type: "xa" },
  { code: "26296", name: "An Viễn", type: "xa" },
  { code: "26299", name: "Thống Nhất", type: "xa" },
  { code: "26311", name: "Gia Kiệm", type: "xa" },
  { code: "26326", name: "Dầu Giây", type: "xa", change: { ...CITY_2026 } },
  { code: "26332", name: "Xuân Quế", type: "xa" },
  { code: "26341", name: "Cẩm Mỹ", type: "xa" },
  { code: "26347", name: "Xuân Đường", type: "xa" },
  { code: "26359", name: "Xuân Đông", type: "xa" },
  { code: "26362", name: "Sông Ray", type: "xa" },
  { code: "26368", name: "Long Thành", type: "xa", change: { ...CITY_2026 } },
  { code: "26374", name: "Tam Phước", type: "phuong" },
  { code: "26377", name: "Phước Tân", type: "phuong" },
  { code: "26380", name: "Long Hưng", type: "phuong" },
  { code: "26383", name: "An Phước", type: "xa" },
  { code: "26389", name: "Bình An", type: "xa" },
  { code: "26413", name: "Long Phước", type: "xa" },
  { code: "26422", name: "Phước Thái", type: "xa" },
  { code: "26425", name: "Xuân Lộc", type: "xa", change: { ...CITY_2026 } },
  { code: "26428", name: "Xuân Bắc", type: "xa" },
  { code: "26434", name: "Xuân Thành", type: "xa" },
  { code: "26446", name: "Xuân Hòa", type: "xa" },
  { code: "26458", name: "Xuân Phú", type: "xa" },
  { code: "26461", name: "Xuân Định", type: "xa" },
  { code: "26485", name: "Nhơn Trạch", type: "xa", change: { ...CITY_2026 } },
  { code: "26491", name: "Đại Phước", type: "xa" },
  { code: "26503", name: "Phước An", type: "xa" },
];
