/**
 * Bodies of a commune/ward government that lead or coordinate rows of the appendices
 * (Đơn vị chủ trì / phối hợp / theo dõi).
 *
 * DATA, NOT CODE. Built from every lead and coordinating cell of the four seed plans'
 * appendices (test/fixtures/seeds), the "Tổ chức thực hiện" sections and recipient
 * lists of the same plans, and domain.md. Every body named in those cells (after
 * splitting on ";" and on the commas that are not part of a name) is covered by a
 * name, short form or alias below, modulo case and tone-mark placement — the catalog
 * test checks this.
 *
 * "{unit}" in `name` / `short` stands for "xã" or "phường" as the commune's type (on
 * the document's date) requires. Aliases keep the type word as written, so the checker
 * can compare it with the commune's type: "Công an xã" in a ward's plan is a defect
 * (seen in 002), not a different body.
 *
 * Per Nghị định 150/2025/NĐ-CP the specialised bodies (cơ quan chuyên môn) of a xã's
 * People's Committee are Văn phòng HĐND và UBND, Phòng Kinh tế, Phòng Văn hóa - Xã
 * hội; of a phường's: Văn phòng HĐND và UBND, Phòng Kinh tế, Hạ tầng và Đô thị,
 * Phòng Văn hóa - Xã hội. Hence `only` on the two economic offices. The other entries
 * are public-service units (Trung tâm ...), units of other branches that sit in the
 * commune (Công an, Trạm Y tế, schools), the Party and Front, and collective names.
 */
import type { Body, SourceDocument } from "./types";

export const BODY_SOURCE: SourceDocument = {
  id: "ND-150-2025",
  title:
    "Nghị định số 150/2025/NĐ-CP ngày 12/6/2025 của Chính phủ quy định tổ chức các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương và Ủy ban nhân dân xã, phường, đặc khu thuộc tỉnh, thành phố trực thuộc trung ương",
  date: "2025-06-12",
};

export const BODIES: Body[] = [
  // ── Cơ quan chuyên môn thuộc UBND (Nghị định 150/2025/NĐ-CP) ──
  {
    code: "VH-XH",
    name: "Phòng Văn hóa - Xã hội",
    short: "Phòng VH-XH",
    aliases: [
      "Phòng Văn hóa – Xã hội",
      "Phòng Văn hóa Xã hội",
      "Phòng Văn hóa và Xã hội",
      "Phòng Văn hóa - Xã hội xã",
      "Phòng Văn hóa - Xã hội phường",
      "Phòng VHXH",
      "P. VH-XH",
      "P.VHXH",
      "VH-XH",
      "VHXH",
    ],
  },
  {
    code: "VP",
    name: "Văn phòng HĐND và UBND {unit}",
    short: "VP HĐND-UBND",
    aliases: [
      "Văn phòng HĐND và UBND",
      "Văn phòng HĐND và UBND xã",
      "Văn phòng HĐND và UBND phường",
      "Văn phòng HĐND - UBND",
      "Văn phòng HĐND-UBND xã",
      "Văn phòng HĐND-UBND phường",
      "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân",
      "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã",
      "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường",
      "VP HĐND-UBND",
      "VP HĐND & UBND",
      "VP HĐND và UBND",
      "VP. HĐND-UBND",
      "VP HĐND-UBND xã",
      "VP HĐND-UBND phường",
      "VP HĐND&UBND",
      "VP UBND",
    ],
  },
  {
    code: "KT",
    name: "Phòng Kinh tế",
    short: "Phòng KT",
    aliases: ["Phòng Kinh tế xã", "P. Kinh tế"],
    only: "xa",
  },
  {
    code: "KT-HT-DT",
    name: "Phòng Kinh tế, Hạ tầng và Đô thị",
    short: "Phòng KT-HT-ĐT",
    aliases: [
      "Phòng Kinh tế, Hạ tầng và Đô thị phường",
      "Phòng Kinh tế - Hạ tầng và Đô thị",
      "Phòng Kinh tế, Hạ tầng, Đô thị",
      "Phòng KT, HT&ĐT",
      "Phòng KTHTĐT",
    ],
    only: "phuong",
  },

  // ── Đơn vị sự nghiệp / đơn vị thuộc UBND ──
  {
    code: "TTPVHCC",
    name: "Trung tâm Phục vụ hành chính công",
    short: "Trung tâm PVHCC",
    aliases: [
      "Trung tâm PV HCC",
      "Trung tâm Phục vụ hành chính công xã",
      "Trung tâm Phục vụ hành chính công phường",
      "TT PVHCC",
      "TT. PVHCC",
      "TTPVHCC",
      "Bộ phận Một cửa",
    ],
  },
  {
    // Seen as a lead in 004 ("Phòng Văn hóa - Xã hội, Trung tâm Dịch vụ Tổng hợp").
    code: "TTDVTH",
    name: "Trung tâm Dịch vụ tổng hợp {unit}",
    short: "Trung tâm DVTH",
    aliases: [
      "Trung tâm Dịch vụ tổng hợp",
      "Trung tâm Dịch vụ tổng hợp xã",
      "Trung tâm Dịch vụ tổng hợp phường",
      "TT DVTH",
      "TTDVTH",
    ],
  },
  {
    // Named in 000's "Tổ chức thực hiện"; the name itself contains a comma.
    code: "TTVHTT",
    name: "Trung tâm Văn hóa, Thông tin và Thể thao {unit}",
    short: "Trung tâm VH-TT-TT",
    aliases: [
      "Trung tâm Văn hóa, Thông tin và Thể thao",
      "Trung tâm Văn hóa, Thông tin và Thể thao xã",
      "Trung tâm Văn hóa, Thông tin và Thể thao phường",
      "Trung tâm VHTT&TT",
    ],
  },
  {
    code: "TCNSCD",
    name: "Tổ công nghệ số cộng đồng",
    short: "Tổ CNSCĐ",
    aliases: [
      "Tổ Công nghệ số cộng đồng các ấp",
      "Tổ công nghệ số cộng đồng các khu phố",
      "Các Tổ công nghệ số cộng đồng",
      "Tổ CNSCĐ các ấp",
      "Tổ CNSCĐ các khu phố",
      "Tổ CNS cộng đồng",
    ],
  },
  {
    code: "HDTDKT",
    name: "Thường trực Hội đồng Thi đua - Khen thưởng {unit}",
    short: "Thường trực HĐ TĐKT {unit}",
    aliases: [
      "Thường trực HĐ TĐKT xã",
      "Thường trực HĐ TĐKT phường",
      "Thường trực Hội đồng Thi đua - Khen thưởng xã",
      "Thường trực Hội đồng Thi đua - Khen thưởng phường",
      "Thường trực Hội đồng Thi đua, Khen thưởng",
      "Hội đồng Thi đua - Khen thưởng",
      "HĐ TĐKT xã",
      "HĐ TĐKT phường",
      "HĐTĐKT",
    ],
  },

  // ── Đơn vị của ngành khác đóng trên địa bàn ──
  {
    // ONE body for both types: "Công an xã" written in a ward's plan is a defect the
    // checker finds by comparing the written type word with the commune's type.
    code: "CA",
    name: "Công an {unit}",
    short: "CA {unit}",
    aliases: ["Công an xã", "Công an phường", "CA xã", "CA phường"],
  },
  {
    // Same approach as Công an; "Trạm Y tế" without a type word is also written (000).
    code: "TYT",
    name: "Trạm Y tế {unit}",
    short: "TYT {unit}",
    aliases: ["Trạm Y tế", "Trạm Y tế xã", "Trạm Y tế phường", "TYT xã", "TYT phường"],
  },
  {
    code: "TRUONG",
    name: "Các trường học trên địa bàn",
    short: "Các trường học",
    aliases: [
      "Các trường học trực thuộc",
      "Các trường học trên địa bàn xã",
      "Các trường học trên địa bàn phường",
      "Các trường trên địa bàn",
      "Các cơ sở giáo dục trên địa bàn",
    ],
    collective: true,
  },

  // ── Hệ thống chính trị ──
  {
    code: "DU",
    name: "Đảng ủy {unit}",
    short: "ĐU {unit}",
    aliases: ["Đảng ủy xã", "Đảng ủy phường", "Thường trực Đảng ủy", "TT. Đảng ủy xã", "TTĐU"],
  },
  {
    // Not written in the seeds' tables, but the other reading of a bare "Văn phòng".
    code: "VPDU",
    name: "Văn phòng Đảng ủy {unit}",
    short: "VP Đảng ủy",
    aliases: ["Văn phòng Đảng ủy", "Văn phòng Đảng ủy xã", "Văn phòng Đảng ủy phường", "VPĐU"],
  },
  {
    code: "MTTQ",
    name: "Ủy ban Mặt trận Tổ quốc Việt Nam {unit}",
    short: "UBMTTQ {unit}",
    aliases: [
      "Ủy ban Mặt trận Tổ quốc Việt Nam xã",
      "Ủy ban Mặt trận Tổ quốc Việt Nam phường",
      "Ủy ban MTTQ Việt Nam xã",
      "Ủy ban MTTQ Việt Nam phường",
      "UBMTTQ Việt Nam xã",
      "UBMTTQ Việt Nam phường",
      "Ủy ban MTTQ xã",
      "Ủy ban MTTQ phường",
      "Mặt trận Tổ quốc Việt Nam xã",
      "Mặt trận Tổ quốc Việt Nam phường",
      "Mặt trận Tổ quốc",
      "UBMTTQ",
      "UBMTTQ xã",
      "UBMTTQ phường",
      "UBMTTQVN xã",
      "UBMTTQVN phường",
    ],
  },
  {
    // Mass organisations as a group (001, 004: "UBMTTQ và các đoàn thể xã").
    code: "DOAN-THE",
    name: "Các đoàn thể {unit}",
    short: "Các đoàn thể",
    aliases: [
      "Các đoàn thể xã",
      "Các đoàn thể phường",
      "Các tổ chức chính trị - xã hội",
      "Các hội, đoàn thể",
      "Các ban, ngành, đoàn thể",
    ],
    collective: true,
  },
  {
    // Named in 001 ("nhất là Đoàn Thanh niên tham gia hỗ trợ chuyển đổi số").
    code: "DTN",
    name: "Đoàn Thanh niên Cộng sản Hồ Chí Minh {unit}",
    short: "Đoàn Thanh niên",
    aliases: [
      "Đoàn Thanh niên xã",
      "Đoàn Thanh niên phường",
      "Đoàn TNCS Hồ Chí Minh xã",
      "Đoàn TNCS Hồ Chí Minh phường",
      "Đoàn TN",
    ],
  },

  // ── Cơ sở và bên ngoài ──
  {
    // 000 "Các ấp và Tổ công nghệ số cộng đồng", 002 "Ban điều hành các khu phố",
    // 004 "ban điều hành các thôn".
    code: "BDH",
    name: "Ban điều hành các ấp, khu phố",
    short: "Ban điều hành ấp, khu phố",
    aliases: [
      "Ban điều hành các ấp",
      "Ban điều hành các khu phố",
      "Ban điều hành các thôn",
      "Ban Điều hành ấp",
      "Ban Điều hành khu phố",
      "Các ấp",
      "Các khu phố",
    ],
    collective: true,
  },
  {
    // 002 "Các doanh nghiệp cung cấp dịch vụ viễn thông".
    code: "DNVT",
    name: "Các doanh nghiệp viễn thông trên địa bàn",
    short: "Các doanh nghiệp viễn thông",
    aliases: [
      "Các doanh nghiệp cung cấp dịch vụ viễn thông",
      "Các doanh nghiệp cung cấp DVVT",
      "Doanh nghiệp viễn thông",
      "Các nhà mạng",
    ],
    collective: true,
  },
  {
    // Every unit of the commune, as a group.
    code: "CAC-DON-VI",
    name: "Các phòng, ban, đơn vị",
    short: "Các phòng, ban, đơn vị",
    aliases: [
      "Các phòng, đơn vị",
      "Các phòng, ban, đơn vị trên địa bàn",
      "Các phòng, ban, đơn vị trên địa bàn xã",
      "Các phòng, ban, đơn vị trên địa bàn phường",
      "Các phòng, ban, đơn vị liên quan",
      "Các phòng, ban, Trung tâm, đơn vị xã",
      "Các phòng, đơn vị thuộc UBND xã",
      "Các phòng, đơn vị thuộc UBND phường",
      "Các phòng chuyên môn, đơn vị thuộc xã",
      "Các phòng chuyên môn, đơn vị thuộc phường",
      "Các phòng chuyên môn",
      "Các cơ quan, đơn vị",
      "Các cơ quan, đơn vị trực thuộc",
      "Các cơ quan, đơn vị trực thuộc xã",
      "Các cơ quan, đơn vị trực thuộc phường",
      "Các cơ quan, đơn vị liên quan",
      "Các đơn vị liên quan",
      "Cơ quan, đơn vị",
    ],
    collective: true,
  },
];

/**
 * Names that do not tell which body is meant. The checker flags them and offers the
 * candidates (body codes above). "Văn phòng" alone is written in 000 (row 17, "Tỷ lệ
 * xử lý phản ánh, kiến nghị đúng hạn"): it may be the Văn phòng HĐND và UBND or the
 * Văn phòng Đảng ủy, so no body carries it as an alias.
 */
/**
 * Parties outside the commune's own bodies that a plan legitimately names, mostly as
 * coordinating parties: hamlets and neighbourhoods, banks and their branches,
 * telecommunications and digital-signature enterprises, schools and health
 * facilities, mass organisations, province-level offices, and collective phrases
 * ("các cơ quan giải quyết thủ tục hành chính"). A mention is one of these when its
 * folded text starts with one of the `heads` (whole words); the checker accepts it
 * without a finding. Checked after the bodies above, so "Hội đồng Thi đua - Khen
 * thưởng" is still a body, and a misspelt body is still flagged.
 *
 * DATA: the kinds of parties the four seed plans name in their tables and their
 * "Tổ chức thực hiện" sections, and the public-service network of a commune
 * (Decree 150/2025 names the bodies above; everything else here is outside it).
 */
export const OUTSIDE_PARTIES: { kind: string; heads: string[] }[] = [
  {
    kind: "ấp, khu phố, tổ dân phố",
    heads: ["ap", "khu pho", "to dan pho", "thon", "ban dieu hanh", "ban nhan dan", "truong ap", "truong khu pho", "to truong"],
  },
  {
    kind: "ngân hàng, tổ chức tín dụng",
    heads: [
      "ngan hang",
      "chi nhanh ngan hang",
      "phong giao dich",
      "nhcsxh",
      "agribank",
      "vietcombank",
      "vietinbank",
      "bidv",
      "sacombank",
      "techcombank",
      "quy tin dung",
      "to chuc tin dung",
      "kho bac",
    ],
  },
  {
    kind: "doanh nghiệp viễn thông, bưu chính, chữ ký số",
    heads: ["viettel", "vnpt", "mobifone", "fpt", "buu dien", "buu chinh", "nha mang", "cong ty", "doanh nghiep", "don vi cung cap", "to chuc cung cap", "nha cung cap"],
  },
  { kind: "trường học", heads: ["truong", "co so giao duc"] },
  { kind: "cơ sở y tế", heads: ["trung tam y te", "benh vien", "phong kham", "co so y te"] },
  {
    kind: "tổ chức chính trị - xã hội, đoàn thể",
    heads: ["hoi", "doan thanh nien", "doan the", "cong doan", "lien doan lao dong", "mat tran", "chi hoi", "cau lac bo"],
  },
  {
    kind: "cơ quan cấp trên, ngành dọc",
    heads: ["so", "ubnd tinh", "uy ban nhan dan tinh", "ubnd thanh pho", "cong an tinh", "cong an thanh pho", "bao hiem xa hoi", "thue", "chi cuc", "ban chi dao", "ban chi huy quan su", "ban chqs"],
  },
  {
    kind: "các cơ quan, đơn vị, người dân",
    heads: ["cac", "nhung", "co quan", "don vi", "to chuc", "nguoi dan", "ho gia dinh", "ho kinh doanh", "hop tac xa", "htx", "ca nhan", "cong dong", "nhan dan"],
  },
];

export const AMBIGUOUS_BODY_NAMES: { text: string; candidates: string[] }[] = [
  { text: "Văn phòng", candidates: ["VP", "VPDU"] },
  { text: "VP", candidates: ["VP", "VPDU"] },
  { text: "Trung tâm", candidates: ["TTPVHCC", "TTDVTH", "TTVHTT"] },
];
