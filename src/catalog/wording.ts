/**
 * How officials word the same indicator differently: abbreviations, near-synonyms and
 * the generic words a name may carry or drop. The indicator matcher (src/domain/match.ts)
 * rewrites both the name typed and the catalog's names with these before comparing, so
 * "Tỷ lệ hồ sơ TTHC xử lý trực tuyến" and "Hồ sơ thủ tục hành chính được xử lý trực
 * tuyến" compare as the same words.
 *
 * DATA, NOT CODE. Written from the administrative vocabulary of the plans (the four
 * seed plans' tables and texts, Resolution 57-NQ/TW, Resolution 03/NQ-CP) and from how
 * such names are abbreviated in the province's documents; none is tied to one plan's
 * row. Everything is in folded form (lower case, no diacritics, "đ" → "d", words
 * separated by one space), as `foldKey` gives it.
 */

/** Abbreviations → their words. Applied word by word (a whole folded word). */
export const ABBREVIATIONS: Record<string, string> = {
  tthc: "thu tuc hanh chinh",
  dvc: "dich vu cong",
  dvctt: "dich vu cong truc tuyen",
  cbccvc: "can bo cong chuc vien chuc",
  cbcc: "can bo cong chuc",
  csdl: "co so du lieu",
  khcn: "khoa hoc cong nghe",
  khkt: "khoa hoc ky thuat",
  dmst: "doi moi sang tao",
  cds: "chuyen doi so",
  httt: "he thong thong tin",
  attt: "an toan thong tin",
  cntt: "cong nghe thong tin",
  ns: "ngan sach",
  nsnn: "ngan sach nha nuoc",
  dn: "doanh nghiep",
  dnnvv: "doanh nghiep vua nho",
  hkd: "ho kinh doanh",
  htx: "hop tac xa",
  cks: "chu ky so",
  cqnn: "co quan nha nuoc",
  cqhcnn: "co quan hanh chinh nha nuoc",
  hcc: "hanh chinh cong",
  ubnd: "uy ban nhan dan",
  hdnd: "hoi dong nhan dan",
  gbps: "gb",
};

/**
 * Phrases that say the same thing, folded, longest first where one contains another.
 * Both sides of a comparison are rewritten, so the direction does not matter.
 */
export const SYNONYMS: [string, string][] = [
  ["cb cc vc", "can bo cong chuc vien chuc"],
  ["cb ccvc", "can bo cong chuc vien chuc"],
  ["khong phu thuoc vao dia gioi", "phi dia gioi"],
  ["khong phu thuoc dia gioi", "phi dia gioi"],
  ["doanh nghiep nho va vua", "doanh nghiep vua nho"],
  ["doanh nghiep vua va nho", "doanh nghiep vua nho"],
  ["nguoi dan", "dan so"],
  ["co ban", "can ban"],
  ["thiet yeu", "can ban"],
  ["ban dien tu", "dien tu"],
  ["dinh danh dien tu", "dinh danh so"],
  ["toan trinh", "toan trinh"],
  ["tri tue nhan tao", "ai"],
  ["moi truong mang", "moi truong dien tu"],
];

/**
 * Words and phrases that add nothing to which indicator a row is: "Tỷ lệ", "Số lượng",
 * function words, the place ("trên địa bàn xã"). Dropped wherever they stand (whole
 * words only). Written with their accents: without them many collide with words that
 * matter ("từ" and "tử" in "điện tử", "để" and "đề" in "đề tài", "cho" and "chợ").
 */
export const GENERIC_WORDS: string[] = [
  "tỷ lệ",
  "số lượng",
  "tổng số",
  "địa bàn",
  "địa phương",
  "so với",
  "của",
  "các",
  "những",
  "và",
  "với",
  "cho",
  "trong",
  "trên",
  "được",
  "là",
  "để",
  "theo",
  "tại",
  "về",
  "ở",
  "xã",
  "phường",
  "hoặc",
  "đã",
  "đến",
  "từ",
  "trở lên",
  "ấp",
  "khu phố",
  "mạng",
];

/**
 * The generic words a name typed without any accent may drop: those whose accent-free
 * form is not also a word that matters ("tu", "de", "tai", "cho", "da", "ve" stay).
 */
export const GENERIC_WORDS_UNACCENTED: string[] = [
  "ty le",
  "so luong",
  "tong so",
  "dia ban",
  "dia phuong",
  "so voi",
  "cua",
  "cac",
  "nhung",
  "va",
  "voi",
  "trong",
  "tren",
  "duoc",
  "la",
  "theo",
  "o",
  "xa",
  "phuong",
  "hoac",
  "den",
  "tro len",
  "ap",
  "khu pho",
  "mang",
];

/** Words dropped only at the start of a name ("Số sáng kiến …" is "Sáng kiến …"). */
export const LEADING_WORDS: string[] = ["so"];
