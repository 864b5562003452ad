/**
 * The province's list of indicators (chỉ tiêu) for 2026, as the communes' plans copy it.
 *
 * DATA, NOT CODE. The province's own list (Kế hoạch 91/KH-UBND ngày 12/02/2026, with
 * Kế hoạch 92/KH-UBND ngày 15/9/2025) was not available; this list was rebuilt from
 * the indicator tables of the four seed plans (/work/shared/seeds, transcribed in
 * test/fixtures/seeds):
 *   000 xã Nhơn Trạch (24 indicators), 001 xã Tân Lợi (31), 002 phường Minh Hưng (32),
 *   004 xã Phú Trung (the 7 indicator rows of its mixed table, sheet rows 11–17).
 * One entry per distinct indicator (decided by meaning, not by wording); 48 in all.
 *
 * - `name` is the clearest wording: "Tỷ lệ" (not "Tỉ lệ"), no target inside it, no
 *   trailing "xã"/"phường" where other plans omit it. `aliases` are every other wording
 *   seen, verbatim (NFC): a fixture cell equals the name or one alias of exactly one
 *   indicator (checked by catalog.test.ts). The one exception is 002's IV.1, which
 *   repeats its target at the end of its name ("... giữa các cấp chính quyền 90%"); the
 *   checker's name matcher strips a trailing target and reports it, so the wording with
 *   " 90%" is deliberately not an alias.
 * - `target` is the most common target across the plans (ties: the higher; the
 *   province's list is the floor). Percentages are fractions. A bare value ("100%",
 *   "100", "90%") means the commune commits to reach at least that value: ">=".
 *   Targets other plans carry are in `otherTargets`, as written, with their seed.
 * - Codes: group prefix + two digits, in the order of the standard appendix (001/002,
 *   which carry the fullest list), then indicators only 000 or 004 carry. Stable, never
 *   reused: retire a code rather than renumber.
 * - Where a unit or target is not written in any plan, it is inferred and says so in a
 *   comment on the entry.
 */
import type { CatalogIndicator, IndicatorGroup, SourceDocument } from "./types";

export const INDICATOR_SOURCE: SourceDocument = {
  id: "KH-91-2026",
  // Says what it is: a reference rebuilt from sample plans, not the province's own list.
  title:
    "Danh mục tham chiếu dựng lại từ phụ lục của 4 kế hoạch xã, phường (Nhơn Trạch, Tân Lợi, Minh Hưng, Phú Trung) theo Kế hoạch số 91/KH-UBND ngày 12/02/2026 của UBND tỉnh Đồng Nai; chưa phải danh mục chính thức của tỉnh",
  date: "2026-02-12",
};

/** The seed plans the list was built from (file names in /work/shared/seeds). */
export const INDICATOR_SEEDS = {
  nhonTrach: "000_ba792d655f7fc0c8.txt",
  tanLoi: "001_624e61ed64e861df.txt",
  minhHung: "002_ff8fd48ddaeb9310.txt",
  phuTrung: "004_0bd87c5b6b3c0c4f.txt",
} as const;

const S000 = INDICATOR_SEEDS.nhonTrach;
const S001 = INDICATOR_SEEDS.tanLoi;
const S002 = INDICATOR_SEEDS.minhHung;
const S004 = INDICATOR_SEEDS.phuTrung;

export const INDICATOR_GROUPS: IndicatorGroup[] = [
  {
    code: "HT",
    numeral: "I",
    name: "Phát triển hạ tầng số",
    // Group rows as written, without their declared count ("(02 chỉ tiêu)", "(02)"),
    // which the reader takes off before matching.
    aliases: ["Hạ tầng số", "Về phát triển hạ tầng", "Phát triển hạ tầng", "Về phát triển hạ tầng số"],
  },
  {
    code: "NL",
    numeral: "II",
    name: "Phát triển nguồn nhân lực",
    aliases: [
      "Về phát triển Nguồn lực",
      "Về Phát triển nguồn lực",
      "Về phát triển nguồn nhân lực",
      "Phát triển nguồn lực",
      "Nguồn nhân lực",
      "Nguồn lực",
    ],
  },
  {
    code: "KH",
    numeral: "III",
    name: "Phát triển khoa học, công nghệ và đổi mới sáng tạo",
    aliases: [
      "Về phát triển khoa học, công nghệ & Đổi mới sáng tạo",
      "Về phát triển khoa học, công nghệ và đổi mới sáng tạo",
      "Về phát triển khoa học, công nghệ, hệ sinh thái đổi mới sáng tạo",
      "Phát triển khoa học, công nghệ",
      "Khoa học, công nghệ và đổi mới sáng tạo",
    ],
  },
  {
    code: "CDS",
    numeral: "IV",
    name: "Phát triển chuyển đổi số",
    aliases: [
      "Về phát triển chuyển đổi số & Cải cách hành chính",
      "Về phát triển chuyển đổi số và cải cách hành chính",
      "Về phát triển chuyển đổi số",
      "Chuyển đổi số và cải cách hành chính",
      "Chuyển đổi số",
    ],
  },
];

const atLeast = (value: number) => ({ kind: "numeric" as const, comparator: ">=" as const, value });
const text = (t: string) => ({ kind: "qualitative" as const, text: t });

export const INDICATORS: CatalogIndicator[] = [
  // ───────────────────────── I. Hạ tầng số ─────────────────────────
  {
    code: "HT-01",
    group: "HT",
    name: "Tỷ lệ phủ sóng 5G trên địa bàn",
    aliases: [
      "Tỷ lệ phủ sóng 5G trên địa bàn xã",
      "Tỉ lệ phủ sóng 5G trên địa bàn xã",
      "Tỉ lệ phủ sóng 5G trên địa bàn",
      "Phủ sóng 5G cho người dân",
    ],
    unit: "%",
    target: atLeast(0.6),
    direction: "higher",
    otherTargets: [{ text: "80", source: S004 }],
    seenIn: [S000, S001, S002, S004],
  },
  {
    // 001 counts households, 002 users: the same fixed-broadband indicator (same place
    // in the list, same target); the name follows the national wording (users).
    code: "HT-02",
    group: "HT",
    name: "Tỷ lệ người sử dụng có khả năng truy cập băng rộng cố định với tốc độ trên 1 Gb/s",
    aliases: [
      "Tỉ lệ người sử dụng có khả năng truy cập băng rộng cố định với tốc độ trên 01 Gb/s",
      "Tỷ lệ hộ gia đình có khả năng truy cập băng rộng cố định với tốc độ 01 Gbps",
    ],
    unit: "%",
    target: atLeast(0.7),
    direction: "higher",
    seenIn: [S001, S002],
  },
  {
    code: "HT-03",
    group: "HT",
    name: "Tỷ lệ Trung tâm VHTT-HTCĐ xã, Nhà văn hóa ấp có wifi miễn phí phục vụ người dân",
    aliases: [],
    unit: "%",
    target: atLeast(1),
    direction: "higher",
    seenIn: [S000],
  },
  {
    // 004 row 5: the name is just "Hạ tầng số" (same words as group I's title; the
    // reader tells a group row by its Roman numeral). No unit written.
    code: "HT-04",
    group: "HT",
    name: "Hạ tầng số",
    aliases: [],
    unit: null,
    target: text("Tiên tiến, hiện đại"),
    direction: "qualitative",
    seenIn: [S004],
  },

  // ─────────────────────── II. Nguồn nhân lực ───────────────────────
  {
    // 002 writes the target into the name ("/ GRDP ≥ 1% và tăng dần ..."); kept verbatim
    // as an alias because that is how the row reads.
    code: "NL-01",
    group: "NL",
    name: "Tỷ lệ chi ngân sách địa phương cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số so với GRDP",
    aliases: [
      "Tỷ lệ chi ngân sách địa phương chi cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số/ GRDP ≥ 1% và tăng dần theo yêu cầu phát triển",
    ],
    unit: "% GRDP",
    target: atLeast(0.01),
    direction: "higher",
    seenIn: [S002],
  },
  {
    code: "NL-02",
    group: "NL",
    name: "Tỷ lệ cán bộ, công chức, viên chức được bồi dưỡng kỹ năng số căn bản",
    aliases: [
      "Tỷ lệ cán bộ, công chức xã được bồi dưỡng kỹ năng số căn bản",
      "Tỉ lệ cán bộ, công chức được bồi dưỡng kỹ năng số căn bản",
    ],
    unit: "%",
    target: atLeast(1),
    direction: "higher",
    seenIn: [S000, S001, S002],
  },
  {
    code: "NL-03",
    group: "NL",
    name: "Tỷ lệ cán bộ, công chức, viên chức làm chủ kỹ năng số, ứng dụng công nghệ trong quản lý, điều hành",
    aliases: [
      "Tỉ lệ cán bộ, công chức làm chủ kỹ năng số, ứng dụng công nghệ trong quản lý, điều hành",
      "Tỉ lệ cán bộ, công chức, viên chức làm chủ kỹ năng số, ứng dụng công nghệ trong quản lý, điều hành",
    ],
    unit: "%",
    target: atLeast(1),
    direction: "higher",
    seenIn: [S000, S001, S002],
  },
  {
    code: "NL-04",
    group: "NL",
    name: "Tỷ lệ học sinh từ cấp tiểu học được trang bị kiến thức, kỹ năng số để phục vụ học tập, nghiên cứu và sáng tạo, nhận biết được nguy cơ, có kỹ năng bảo đảm an toàn trong môi trường số",
    aliases: [
      "Tỷ lệ học sinh từ cấp tiểu học trên địa bàn được trang bị kiến thức, kỹ năng số để phục vụ học tập, nhận biết nguy cơ và an toàn môi trường số",
    ],
    unit: "%",
    target: atLeast(1),
    direction: "higher",
    seenIn: [S000, S001, S002],
  },
  {
    code: "NL-05",
    group: "NL",
    name: "Tỷ lệ dân số trưởng thành tiếp cận dịch vụ số trong y tế, giáo dục, bảo hiểm, giao thông",
    aliases: [
      "Tỉ lệ dân số trưởng thành trên địa bàn tiếp cận dịch vụ số trong y tế, giáo dục, bảo hiểm, giao thông",
      "Tỉ lệ dân số trưởng thành tiếp cận dịch vụ số trong y tế, giáo dục, bảo hiểm, giao thông",
    ],
    unit: "%",
    target: atLeast(0.9),
    direction: "higher",
    seenIn: [S000, S001, S002],
  },
  {
    // UNSURE: 000 (group II) counts trained members of the community digital technology
    // teams; 002 puts "Tổ chức tập huấn ... cho Tổ công nghệ số cộng đồng các khu phố"
    // (100%) in group III. Same measure (share of the teams trained, 100%), so one entry,
    // in group II where 000 has it.
    code: "NL-06",
    group: "NL",
    name: "Tỷ lệ thành viên Tổ công nghệ số cộng đồng được tập huấn",
    aliases: [
      "Tổ chức tập huấn, bồi dưỡng kiến thức, kỹ năng về khoa học, công nghệ, chuyển đổi số, AI cho Tổ công nghệ số cộng đồng các khu phố",
    ],
    unit: "%",
    target: atLeast(1),
    direction: "higher",
    seenIn: [S000, S002],
  },
  {
    // UNSURE: 004 row 12 ("Bố trí ngân sách ...", target "≥ 2", no unit) is Resolution
    // 57's budget-share target (a share of total budget spending, "tăng dần theo yêu cầu
    // phát triển"), kept apart from NL-01 (a share of GRDP). Unit inferred: no plan
    // writes one; "≥ 2" read as 2% of the commune's total budget spending.
    code: "NL-07",
    group: "NL",
    name: "Tỷ lệ chi ngân sách cho phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số trong tổng chi ngân sách",
    aliases: [
      "Bố trí ngân sách bảo đảm cho phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số, đáp ứng yêu cầu phát triển của xã và tăng dần theo yêu cầu phát triển của xã.",
    ],
    unit: "% tổng chi NS xã",
    target: atLeast(0.02),
    direction: "higher",
    seenIn: [S004],
  },

  // ──────────── III. Khoa học, công nghệ và đổi mới sáng tạo ────────────
  {
    // 002 III.1 gives neither unit nor target (a defect the checker reports). Target
    // inferred: taking part at all.
    code: "KH-01",
    group: "KH",
    name: "Tham gia các hội thi về khoa học, kỹ thuật do tỉnh tổ chức",
    aliases: [],
    unit: null,
    target: text("Có tham gia"),
    direction: "qualitative",
    seenIn: [S002],
  },
  {
    code: "KH-02",
    group: "KH",
    name: "Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo trong tổng số doanh nghiệp",
    aliases: ["Doanh nghiệp có hoạt động đổi mới sáng tạo trong tổng số doanh nghiệp"],
    unit: "%",
    target: atLeast(0.1),
    direction: "higher",
    seenIn: [S002],
  },
  {
    code: "KH-03",
    group: "KH",
    name: "Hỗ trợ hộ kinh doanh, hợp tác xã ứng dụng công nghệ số và tham gia vào các hoạt động đổi mới sáng tạo do tỉnh tổ chức",
    aliases: [],
    unit: "DN",
    target: atLeast(2),
    direction: "higher",
    seenIn: [S002],
  },
  {
    // UNSURE: 001 III.01 (AI, IoT, Big Data in environment management and quality of
    // life; no unit, no target) and 000's row 10 (IoT, automation in farming, environment
    // management and quality of life; "Mô hình", "Có triển khai") read as the same
    // province indicator; one entry.
    code: "KH-04",
    group: "KH",
    name: "Ứng dụng công nghệ (AI, IoT, Big Data, tự động hóa...) vào sản xuất nông nghiệp, quản lý môi trường, nâng cao chất lượng sống người dân",
    aliases: [
      "Tiếp nhận và triển khai Ứng dụng AI, IoT, Big Data... trong quản lý môi trường, nâng cao chất lượng sống người dân",
      "Hỗ trợ, khuyến khích ứng dụng công nghệ (IoT, tự động hóa...) vào sản xuất nông nghiệp, quản lý môi trường, nâng cao chất lượng sống người dân",
    ],
    unit: "Mô hình",
    target: text("Có triển khai"),
    direction: "qualitative",
    seenIn: [S000, S001],
  },
  {
    code: "KH-05",
    group: "KH",
    name: "Sáng kiến cải tiến trong khu vực công được công nhận",
    aliases: [],
    unit: "Sáng kiến",
    target: atLeast(1),
    direction: "higher",
    seenIn: [S000],
  },
  {
    // Not the same as KH-03 (models of digital technology in production and business,
    // not support to household businesses and cooperatives).
    code: "KH-06",
    group: "KH",
    name: "Mô hình ứng dụng công nghệ số trong sản xuất, kinh doanh",
    aliases: [],
    unit: "Mô hình",
    target: atLeast(1),
    direction: "higher",
    seenIn: [S000],
  },
  {
    // 004 row 3. The plan writes "so với các xã/xã" (a slip for "xã, phường"); the catalog says what it meant.
    code: "KH-07",
    group: "KH",
    name: "Nâng cao tiềm lực, trình độ khoa học, công nghệ và đổi mới sáng tạo",
    aliases: [],
    unit: null,
    target: text("Thuộc nhóm khá về phát triển khoa học, công nghệ và đổi mới sáng tạo so với các xã, phường trong tỉnh"),
    direction: "qualitative",
    seenIn: [S004],
  },

  // ──────────── IV. Chuyển đổi số (và cải cách hành chính) ────────────
  {
    // 002 IV.1 writes "... giữa các cấp chính quyền 90%": a target inside the name, which
    // the name matcher strips; that wording is not an alias (see the header).
    code: "CDS-01",
    group: "CDS",
    name: "Tỷ lệ thủ tục hành chính được tiếp nhận, giải quyết phi địa giới hành chính giữa trung ương và địa phương, giữa các cấp chính quyền",
    aliases: [],
    unit: "%",
    target: atLeast(0.9),
    direction: "higher",
    seenIn: [S001, S002],
  },
  {
    code: "CDS-02",
    group: "CDS",
    name: "Tỷ lệ thủ tục hành chính liên quan đến đào tạo, nghiên cứu, sản xuất, kinh doanh phải được thực hiện trực tuyến",
    aliases: [],
    unit: "%",
    target: atLeast(1),
    direction: "higher",
    seenIn: [S001, S002],
  },
  {
    code: "CDS-03",
    group: "CDS",
    name: "Tỷ lệ giao dịch hành chính thuộc diện “phi tiếp xúc”",
    aliases: [],
    unit: "%",
    target: atLeast(1),
    direction: "higher",
    seenIn: [S001, S002],
  },
  {
    code: "CDS-04",
    group: "CDS",
    name: "Tỷ lệ hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa",
    aliases: ["Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC"],
    unit: "%",
    target: atLeast(1),
    direction: "higher",
    otherTargets: [{ text: "≥ 95%", source: S000 }],
    seenIn: [S000, S001, S002],
  },
  {
    code: "CDS-05",
    group: "CDS",
    name: "Tỷ lệ dịch vụ công trực tuyến toàn trình trên tổng số thủ tục hành chính có đủ điều kiện",
    aliases: [],
    unit: "%",
    target: atLeast(1),
    direction: "higher",
    seenIn: [S001, S002],
  },
  {
    // UNSURE: 000's "hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận, giải quyết TTHC" and
    // 001/002's "hồ sơ TTHC xử lý trực tuyến" measure the same ratio (dossiers handled
    // online / all dossiers), so one entry. Not the same as CDS-07 (use of online public
    // services by people and businesses), which 001 and 002 carry beside it.
    code: "CDS-06",
    group: "CDS",
    name: "Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến",
    aliases: ["Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận, giải quyết thủ tục hành chính"],
    unit: "%",
    target: atLeast(0.95),
    direction: "higher",
    otherTargets: [{ text: "≥ 90%", source: S000 }],
    seenIn: [S000, S001, S002],
  },
  {
    code: "CDS-07",
    group: "CDS",
    name: "Tỷ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp",
    aliases: [],
    unit: "%",
    target: atLeast(0.8),
    direction: "higher",
    seenIn: [S001, S002],
  },
  {
    code: "CDS-08",
    group: "CDS",
    name: "Tỷ lệ cấp kết quả giải quyết thủ tục hành chính điện tử",
    aliases: [],
    unit: "%",
    target: atLeast(0.9),
    direction: "higher",
    otherTargets: [{ text: "≥ 100%", source: S000 }],
    seenIn: [S000, S001, S002],
  },
  {
    code: "CDS-09",
    group: "CDS",
    name: "Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu đã được số hóa trong giải quyết thủ tục hành chính, dịch vụ công",
    aliases: ["Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa"],
    unit: "%",
    target: atLeast(0.8),
    direction: "higher",
    otherTargets: [{ text: "≥ 90%", source: S000 }],
    seenIn: [S000, S001, S002],
  },
  {
    code: "CDS-10",
    group: "CDS",
    name: "Tỷ lệ thanh toán trực tuyến trong giải quyết thủ tục hành chính, dịch vụ công",
    aliases: ["Tỷ lệ thanh toán trực tuyến trong giải quyết TTHC"],
    unit: "%",
    target: atLeast(0.8),
    direction: "higher",
    seenIn: [S000, S001, S002],
  },
  {
    code: "CDS-11",
    group: "CDS",
    name: "Tỷ lệ xử lý văn bản, hồ sơ công việc toàn trình trên môi trường điện tử của các cơ quan hành chính nhà nước",
    aliases: [],
    unit: "%",
    target: atLeast(1),
    direction: "higher",
    seenIn: [S000, S001, S002],
  },
  {
    code: "CDS-12",
    group: "CDS",
    name: "Tỷ lệ nhiệm vụ được theo dõi, quản lý, giám sát của các cơ quan hành chính thực hiện trên môi trường điện tử",
    aliases: [],
    unit: "%",
    target: atLeast(1),
    direction: "higher",
    seenIn: [S001],
  },
  {
    code: "CDS-13",
    group: "CDS",
    name: "Tỷ lệ các cơ quan nhà nước thực hiện chỉ đạo, điều hành, quản trị nội bộ trên môi trường điện tử",
    aliases: [],
    unit: "%",
    target: atLeast(1),
    direction: "higher",
    seenIn: [S001, S002],
  },
  {
    code: "CDS-14",
    group: "CDS",
    name: "Tỷ lệ giao dịch không dùng tiền mặt",
    aliases: [],
    unit: "%",
    target: atLeast(0.8),
    direction: "higher",
    seenIn: [S001, S002],
  },
  {
    code: "CDS-15",
    group: "CDS",
    name: "Tỷ lệ doanh nghiệp vừa và nhỏ địa phương ứng dụng công nghệ số",
    aliases: [],
    unit: "%",
    target: atLeast(0.6),
    direction: "higher",
    seenIn: [S002],
  },
  {
    // Having a VNeID account; not CDS-23 ("được định danh số"), which 001 and 002 carry
    // as a separate row with a different target (100%).
    code: "CDS-16",
    group: "CDS",
    name: "Tỷ lệ người dân có tài khoản định danh điện tử (VNeID)",
    aliases: ["Tỷ lệ người dân có tài khoản định danh điện tử (VneID)"],
    unit: "%",
    target: atLeast(0.8),
    direction: "higher",
    seenIn: [S000, S001, S002],
  },
  {
    // Plans disagree: ≥ 40% (000), ≥ 50 (001), ≥ 80% (002), ≥ 80 (004). Most common: 80%.
    code: "CDS-17",
    group: "CDS",
    name: "Tỷ lệ dân số trưởng thành có chữ ký số hoặc chữ ký điện tử cá nhân",
    aliases: ["Tỷ lệ người dân trưởng thành có chữ ký số cá nhân", "Tỷ lệ người dân trưởng thành có chữ ký số"],
    unit: "%",
    target: atLeast(0.8),
    direction: "higher",
    otherTargets: [
      { text: "≥ 40%", source: S000 },
      { text: "≥ 50", source: S001 },
    ],
    seenIn: [S000, S001, S002, S004],
  },
  {
    code: "CDS-18",
    group: "CDS",
    name: "Quản lý nhà nước trên môi trường số, kết nối và vận hành thông suốt giữa các cơ quan trong hệ thống chính trị",
    aliases: [],
    unit: "%",
    target: atLeast(1),
    direction: "higher",
    seenIn: [S001, S002],
  },
  {
    code: "CDS-19",
    group: "CDS",
    name: "Triển khai kết nối, chia sẻ đồng bộ cơ sở dữ liệu quốc gia, cơ sở dữ liệu các ngành",
    aliases: ["Triển khai kết nối cơ sở dữ liệu quốc gia, cơ sở dữ liệu các ngành"],
    unit: "%",
    target: atLeast(0.8),
    direction: "higher",
    seenIn: [S001, S002],
  },
  {
    code: "CDS-20",
    group: "CDS",
    name: "Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản giao dịch tại ngân hàng hoặc các tổ chức được phép khác",
    aliases: ["Dân số từ 15 tuổi trở lên có tài khoản giao dịch tại ngân hàng hoặc các tổ chức được phép khác"],
    unit: "%",
    target: atLeast(0.95),
    direction: "higher",
    otherTargets: [{ text: "≥ 90%", source: S000 }],
    seenIn: [S000, S001, S002],
  },
  {
    // 001 types the target as the number 1 formatted "0%" (= 100%).
    code: "CDS-21",
    group: "CDS",
    name: "Tỷ lệ đảng ủy, chính quyền xã sử dụng phần mềm quản trị điều hành thống nhất",
    aliases: [],
    unit: "%",
    target: atLeast(1),
    direction: "higher",
    seenIn: [S001],
  },
  {
    code: "CDS-22",
    group: "CDS",
    name: "Tỷ lệ người dân có Sổ sức khỏe điện tử",
    aliases: [],
    unit: "%",
    target: atLeast(0.95),
    direction: "higher",
    seenIn: [S000, S001, S002],
  },
  {
    // Digital identity (định danh số) of every resident; distinct from CDS-16 (having
    // activated a VNeID account), see there.
    code: "CDS-23",
    group: "CDS",
    name: "Tỷ lệ người dân được định danh số",
    aliases: [],
    unit: "%",
    target: atLeast(1),
    direction: "higher",
    seenIn: [S001, S002],
  },
  {
    code: "CDS-24",
    group: "CDS",
    name: "Tỷ lệ cung cấp dữ liệu mở theo Kế hoạch",
    aliases: [],
    unit: "%",
    target: atLeast(1),
    direction: "higher",
    seenIn: [S001],
  },
  {
    code: "CDS-25",
    group: "CDS",
    name: "Tỷ lệ các hệ thống thông tin phê duyệt và triển khai đầy đủ phương án bảo đảm an toàn hệ thống thông tin theo cấp độ",
    aliases: [],
    unit: "%",
    target: atLeast(1),
    direction: "higher",
    seenIn: [S000, S001],
  },
  {
    code: "CDS-26",
    group: "CDS",
    name: "Tỷ lệ kết quả xử lý hồ sơ TTHC của địa phương được đồng bộ đầy đủ trên Cổng dịch vụ công quốc gia",
    aliases: [],
    unit: "%",
    target: atLeast(1),
    direction: "higher",
    seenIn: [S000],
  },
  {
    code: "CDS-27",
    group: "CDS",
    name: "Tỷ lệ xử lý phản ánh, kiến nghị đúng hạn",
    aliases: [],
    unit: "%",
    target: atLeast(1),
    direction: "higher",
    seenIn: [S000],
  },
  {
    code: "CDS-28",
    group: "CDS",
    name: "Mức độ hài lòng trong tiếp nhận, giải quyết thủ tục hành chính của người dân, doanh nghiệp",
    aliases: [],
    unit: "%",
    target: atLeast(0.95),
    direction: "higher",
    seenIn: [S000],
  },
  {
    // UNSURE: 004 row 8 (health information and telemedicine, "≥ 90") is narrower than
    // NL-05 (digital services in health, education, insurance, transport): kept apart.
    // Unit inferred ("%"): 004 writes none, "≥ 90" only reads as a rate.
    code: "CDS-29",
    group: "CDS",
    name: "Tỷ lệ người dân tiếp cận được thông tin y tế, sức khỏe và khám bệnh từ xa",
    aliases: ["Người dân tiếp cận được thông tin y tế, sức khỏe và khám bệnh từ xa."],
    unit: "%",
    target: atLeast(0.9),
    direction: "higher",
    seenIn: [S004],
  },
  {
    code: "CDS-30",
    group: "CDS",
    name: "Xếp hạng chỉ số đánh giá chuyển đổi số (DTI)",
    aliases: [],
    unit: null,
    target: text("Xếp hạng ở nhóm dẫn đầu trong các xã, phường trên địa bàn tỉnh"),
    direction: "qualitative",
    seenIn: [S004],
  },
];
