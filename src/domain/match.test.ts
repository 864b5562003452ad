/**
 * The matcher's small parts, with values worked out by hand. How it matches whole tables
 * typed in unseen layouts is in test/unseen-matching.test.ts and test/unseen-bodies.test.ts.
 */
import type { CatalogIndicator, Commune, UnitOfMeasure } from "../catalog/types";
import type { Catalog } from "./match";
import {
  bodyName,
  communeLabel,
  communeTypeOn,
  editDistance,
  findCommune,
  indicatorKey,
  indicatorNameTest,
  INDICATOR_THRESHOLD,
  matchBody,
  matchCommune,
  matchIndicator,
  matchUnit,
  sameUnit,
  splitBodies,
  targetInName,
  unitByCode,
  wordingKey,
} from "./match";
import { defaultCatalog } from "./catalog";

const catalog = defaultCatalog();
/** The spelling a body name misses by a slip, if any. */
const typo = (t: string) => matchBody(catalog, t).typo ?? null;

describe("editDistance", () => {
  it.each([
    ["", "", 0],
    ["", "abc", 3],
    ["abc", "abc", 0],
    ["hoa", "hoá", 1], // one letter replaced
    ["hoa", "hoaa", 1], // one added
    ["ab", "ba", 1], // two letters swapped count one
    ["ab", "xa", 2], // not a swap: only the first letter of "ab" is the second of "xa"
    ["ab", "bx", 2], // nor here: only the second is the first
    ["hoáa", "hoá", 1],
    ["kitten", "sitting", 3],
  ])("%j → %j is %d", (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it("stops past its limit and says limit + 1, but gives a distance at the limit itself", () => {
    expect(editDistance("ab", "abc", 1)).toBe(1); // lengths differ by the limit
    expect(editDistance("ab", "abcd", 1)).toBe(2); // by more
    expect(editDistance("a", "abcd", 1)).toBe(2); // by far more: still limit + 1, not the distance (3)
    expect(editDistance("ab", "ax", 1)).toBe(1); // every row's least is the limit
    expect(editDistance("abcdef", "ghijkl", 2)).toBe(3);
    expect(editDistance("kitten", "sitting", 3)).toBe(3);
    expect(editDistance("kitten", "sitting", 2)).toBe(3);
  });
});

describe("communes that changed type", () => {
  const c: Commune = { code: "1", name: "Lộc Ninh", type: "xa", change: { to: "phuong", from: "2026-04-30", by: "Nghị quyết 237/NQ-UBTVQH16" } };
  const plain: Commune = { code: "2", name: "Tân Lợi", type: "xa" };

  it("are xã the day before the change, phường from its day on, and phường when no date is known", () => {
    expect(communeTypeOn(c, "2026-04-29")).toBe("xa");
    expect(communeTypeOn(c, "2026-04-30")).toBe("phuong");
    expect(communeTypeOn(c, "2026-12-31")).toBe("phuong");
    expect(communeTypeOn(c, null)).toBe("phuong");
    expect(communeTypeOn(plain, null)).toBe("xa");
    expect(communeTypeOn(plain, "2026-05-01")).toBe("xa");
  });

  it("are labelled with the type word of the date", () => {
    expect(communeLabel(c, "2026-04-29")).toBe("Xã Lộc Ninh");
    expect(communeLabel(c, "2026-04-30")).toBe("Phường Lộc Ninh");
    expect(communeLabel(plain, null)).toBe("Xã Tân Lợi");
  });
});

describe("units of measure", () => {
  it("are found by code or alias, with or without accents and case", () => {
    expect(matchUnit(catalog, "%")?.code).toBe("%");
    expect(matchUnit(catalog, "Tỷ lệ (%)")?.code).toBe("%");
    expect(matchUnit(catalog, "so luong sang kien")?.code).toBe("Số sáng kiến");
    expect(matchUnit(catalog, "HTX")?.code).toBe("Hợp tác xã");
    expect(matchUnit(catalog, "  ")).toBeNull();
    expect(matchUnit(catalog, "Kilômét")).toBeNull();
  });

  it("a spelling two units share, and a code two units share, find the first unit of the list", () => {
    const unit = (code: string, aliases: string[]): UnitOfMeasure => ({ code, aliases, percent: false, count: true });
    const c: Catalog = { ...catalog, units: [unit("Người", ["ng"]), unit("Người dân", ["ng", "người"]), unit("Người", ["người học"])] };
    expect(matchUnit(c, "NG")).toBe(c.units[0]);
    expect(matchUnit(c, "người")).toBe(c.units[0]);
    expect(matchUnit(c, "nguoi hoc")).toBe(c.units[2]);
    expect(unitByCode(c, "Người")).toBe(c.units[0]);
  });

  it("a unit that only starts with “Số” is not a count of the rest", () => {
    expect(sameUnit("Người số", "Người")).toBe(false);
    expect(sameUnit("Hồ sơ số hóa", "Hồ sơ hóa")).toBe(false); // "số" inside the unit is part of it
  });

  it("by code: exactly, and nothing for no code or one not in the list", () => {
    expect(unitByCode(catalog, "Người")?.aliases).toContain("Số người");
    expect(unitByCode(catalog, null)).toBeNull();
    expect(unitByCode(catalog, "người")).toBeNull();
  });

  it("are the same when one only adds that it is a count (Số, Số lượng)", () => {
    expect(sameUnit("Số sáng kiến", "Sáng kiến")).toBe(true);
    expect(sameUnit("Số lượng người", "Người")).toBe(true);
    expect(sameUnit("Người", "Người")).toBe(true);
    expect(sameUnit("Người", "Lượt")).toBe(false);
    expect(sameUnit("so luong nguoi", "Người")).toBe(true); // typed without accents
    expect(sameUnit("Sổ hộ khẩu", "Hộ khẩu")).toBe(false); // a register, not a count
    expect(sameUnit("Số", "Người")).toBe(false);
  });
});

describe("indicator names", () => {
  it("a target written at the end of a name is read off it", () => {
    expect(targetInName("Tỷ lệ người dân có chữ ký số 90%")).toBe("90%");
    expect(targetInName("Tỷ lệ hồ sơ trực tuyến toàn trình ≥ 1,5 %")).toBe("≥ 1,5 %");
    expect(targetInName("80%")).toBe("80%");
    expect(targetInName("Tỷ lệ phủ sóng 5G")).toBeNull();
    expect(targetInName("Số trạm BTS 12")).toBeNull(); // a number without % is no target
    expect(targetInName("Tỷ lệ hộ dân100%")).toBeNull(); // glued to a word
    expect(targetInName("Đạt 90% trở lên")).toBeNull(); // not at the end
  });

  it("their key drops the target, “và tăng dần”, and the place at the end, then folds accents and case", () => {
    expect(indicatorKey("Tỷ lệ phủ sóng 5G trên địa bàn xã ≥ 60%")).toBe("ty le phu song 5g");
    expect(indicatorKey("Tỷ lệ phủ sóng 5G")).toBe("ty le phu song 5g");
    expect(indicatorKey("Số doanh nghiệp công nghệ số của phường")).toBe("so doanh nghiep cong nghe so");
    expect(indicatorKey("Tỷ lệ chi cho khoa học, công nghệ ≥ 1% và tăng dần qua các năm")).toBe("ty le chi cho khoa hoc cong nghe");
    expect(indicatorKey("Tỷ lệ dân số trưởng thành có điện thoại thông minh phường")).toBe("ty le dan so truong thanh co dien thoai thong minh");
    // "xã" inside a name stays: only the place at the end goes.
    expect(indicatorKey("Tỷ lệ xã có điểm wifi công cộng")).toBe("ty le xa co diem wifi cong cong");
  });

  it("their key drops a target glued to the name or to its sign, with decimals, and a bare count; a place only at the very end", () => {
    expect(indicatorKey("Tỷ lệ hộ dân100%")).toBe("ty le ho dan");
    expect(indicatorKey("Tỷ lệ phủ sóng 5G ≥60%")).toBe("ty le phu song 5g");
    expect(indicatorKey("Tỷ lệ chi cho khoa học ≥ 1,55%")).toBe("ty le chi cho khoa hoc");
    expect(indicatorKey("Số mô hình chuyển đổi số 3")).toBe("so mo hinh chuyen doi so");
    expect(indicatorKey("Tỷ lệ hộ của xã có cáp quang")).toBe("ty le ho cua xa co cap quang");
    expect(indicatorKey("Tỷ lệ hộ dân (toàn xã)")).toBe("ty le ho dan toan xa");
  });

  it("their wording key leaves out generic words in a run, splits a size from its number, drops leading zeros and a leading “Số”", () => {
    expect(wordingKey("Tỷ lệ hộ của các ấp có cáp quang")).toBe("ho co cap quang");
    expect(wordingKey("Ty le ho cua cac ap co cap quang")).toBe("ho co cap quang");
    expect(wordingKey("Tốc độ truy cập internet 100Mb")).toBe("toc do truy cap internet 100 mb");
    expect(wordingKey("Có 05 mô hình")).toBe("co 5 mo hinh");
    expect(wordingKey("Số sáng kiến được công nhận")).toBe("sang kien cong nhan");
    expect(wordingKey("Sóng 5G phủ")).toBe("song 5g phu"); // "Sóng" is not "Số"
    // Typed without accents, with a dash or digits: still the accent-free way of typing.
    expect(wordingKey("Ty le ho so TTHC - duoc giai quyet truc tuyen")).toBe("ho so thu tuc hanh chinh giai quyet truc tuyen");
    expect(wordingKey("Ty le phu song 5G")).toBe(wordingKey("Tỷ lệ phủ sóng 5G"));
  });

  it("their wording key leaves out generic words and settles abbreviations, typed with accents or without", () => {
    const key = "ho so thu tuc hanh chinh giai quyet truc tuyen";
    expect(wordingKey("Tỷ lệ hồ sơ TTHC được giải quyết trực tuyến")).toBe(key);
    expect(wordingKey("Ty le ho so TTHC duoc giai quyet truc tuyen")).toBe(key);
    // Punctuation or a bracket in accent-free typing: still accent-free typing ("Ty le", "duoc" are generic).
    expect(wordingKey("Ty le ho so TTHC duoc giai quyet truc tuyen.")).toBe(key);
    expect(wordingKey("Ty le ho so TTHC (duoc giai quyet) truc tuyen")).toBe(key);
    // Synonyms settle to one wording, between the words around them.
    expect(wordingKey("Số CB CC VC được tập huấn kỹ năng số")).toBe(wordingKey("Số cán bộ công chức viên chức được tập huấn kỹ năng số"));
    expect(wordingKey("Dịch vụ thiết yếu trực tuyến")).toBe("dich vu can ban truc tuyen");
    // A number with leading zeros is the number; a code with a zero inside stays as typed.
    expect(wordingKey("Số hồ sơ mẫu HS05 được số hóa")).toBe("ho so mau hs05 so hoa");
    expect(wordingKey("Số hồ sơ mẫu 05 được số hóa")).toBe("ho so mau 5 so hoa");
    expect(wordingKey("Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến trên địa bàn xã 80%")).toBe(key);
  });
});

describe("matchIndicator on a list of two made-up indicators, its measures worked out by hand", () => {
  // Every word is in one indicator of two: each weighs ln(1 + 2/1) = ln 3, as does a word in neither.
  // The two names share no letter pair, so B scores nothing against A's words.
  const indicator = (code: string, name: string, kind: "numeric" | "qualitative" = "numeric"): CatalogIndicator => ({
    code,
    group: "HT",
    name,
    aliases: [],
    unit: null,
    target: kind === "numeric" ? { kind, comparator: ">=", value: 1 } : { kind, text: "Hoàn thành" },
    direction: kind === "numeric" ? "higher" : "qualitative",
    seenIn: [],
  });
  const two = (): Catalog => ({ ...catalog, indicators: [indicator("A", "kho lua gao nep"), indicator("B", "tim sey riz", "qualitative")] });
  const scores = (c: Catalog, name: string, evidence = {}) => matchIndicator(c, name, evidence).candidates.map((m) => [m.item.code, m.confidence]);

  it("a name cut short: the telling words typed over those of the name, weighted towards the words typed (F0.5)", () => {
    // Typed: 2 words of A's 4. Precision 1, recall 1/2: 1.25 · 1 · 0.5 / (0.25 · 1 + 0.5) = 5/6.
    // Bigrams of the words: 8 typed, 16 in A, 8 shared: Dice 16/24 = 2/3, lower.
    const c = two();
    expect(scores(c, "kho lua")).toEqual([["A", 0.833333]]);
    expect(matchIndicator(c, "kho lua").best?.item.code).toBe("A");
  });

  it("words A does not have lower the precision: 3 of 5 typed words are A's", () => {
    // Precision 3/5, recall 3/4: 1.25 · 0.6 · 0.75 / (0.25 · 0.6 + 0.75) = 0.625, under the threshold.
    // Bigrams: 32 typed, 16 in A, 12 shared: Dice 24/48 = 0.5, lower.
    const c = two();
    expect(scores(c, "kho lua gao dwdwdwdwd fjfjfjfjf")).toEqual([["A", 0.625]]);
    expect(matchIndicator(c, "kho lua gao dwdwdwdwd fjfjfjfjf").best).toBeNull();
  });

  it("the words of the name in another order name it fully", () => {
    expect(scores(two(), "nep gao lua kho")).toEqual([["A", 1]]);
  });

  it("as many words left out as added: precision and recall 3/4 give 3/4", () => {
    // Bigrams: 22 typed, 16 in A, 12 shared: Dice 24/38, lower.
    expect(scores(two(), "kho lua gao dwdwdwdwd")).toEqual([["A", 0.75]]);
  });

  it("a name that scores exactly 0.9 counts as an indicator's", () => {
    // 9 of a name's 14 words, each in that name only: recall 9/14, F0.5 = 1.25 · 9/14 / (0.25 + 9/14) = 0.9.
    const words = ["bav", "bev", "biv", "bov", "buv", "cav", "cev", "civ", "cov", "cuv", "dav", "dev", "div", "dov"];
    const c: Catalog = { ...catalog, indicators: [indicator("A", words.join(" ")), indicator("B", "tim sey riz")] };
    const typed = words.slice(0, 9).join(" ");
    expect(scores(c, typed)).toEqual([["A", 0.9]]);
    expect(indicatorNameTest(c)(typed)).toBe(true);
    expect(indicatorNameTest(c)(words.slice(0, 8).join(" "))).toBe(false);
  });

  it("a target written as a number adds 0.02 to a numeric indicator and takes 0.05 from a qualitative one; a target in words the other way", () => {
    const c = two();
    // A alone: 5/6. B alone: 1 (its own name).
    expect(scores(c, "kho lua", { qualitative: false })).toEqual([["A", 0.853333]]);
    expect(scores(c, "kho lua", { qualitative: true })).toEqual([["A", 0.783333]]);
    expect(scores(c, "tim sey riz", { qualitative: true })).toEqual([["B", 1]]);
    expect(scores(c, "tim sey riz", { qualitative: false })).toEqual([["B", 0.95]]);
    expect(scores(c, "tim sey riz", { qualitative: null })).toEqual([["B", 1]]);
  });

  it("a unit the list does not know changes nothing", () => {
    expect(scores(two(), "kho lua", { unit: "Kilômét" })).toEqual([["A", 0.833333]]);
  });

  it("the row's unit: its own +0.04, another of the same kind −0.04, a percent against a count −0.12", () => {
    const c: Catalog = { ...two(), indicators: [{ ...indicator("A", "kho lua gao nep"), unit: "Người" }] };
    // 5/6 from the words, as above.
    expect(scores(c, "kho lua", { unit: "Người" })).toEqual([["A", 0.873333]]);
    expect(scores(c, "kho lua", { unit: "Số người" })).toEqual([["A", 0.873333]]); // "Số" + the unit is the unit
    expect(scores(c, "kho lua", { unit: "Hộ" })).toEqual([["A", 0.793333]]);
    expect(scores(c, "kho lua", { unit: "%" })).toEqual([["A", 0.713333]]);
    expect(scores(c, "kho lua", { unit: "Triệu đồng" })).toEqual([["A", 0.793333]]); // neither a percent
    const pct: Catalog = { ...two(), indicators: [{ ...indicator("A", "kho lua gao nep"), unit: "%" }] };
    expect(scores(pct, "kho lua", { unit: "% GRDP" })).toEqual([["A", 0.793333]]);
    expect(scores(pct, "kho lua", { unit: "Hộ" })).toEqual([["A", 0.713333]]);
  });

  it("two indicators scored within 0.02 of each other is a tie: no match, both offered; the same name twice matches the first", () => {
    const c: Catalog = { ...catalog, indicators: [indicator("A", "kho lua gao nep"), indicator("B", "kho lua gao ghe")] };
    // 3 of 4 words of either. The shared words weigh ln(1 + 2/2) = ln 2, the others ln 3:
    // precision 1, recall r = 3 ln 2 / (3 ln 2 + ln 3), F0.5 = 1.25 r / (0.25 + r).
    const r = (3 * Math.log(2)) / (3 * Math.log(2) + Math.log(3));
    const f = Math.round(((1.25 * r) / (0.25 + r)) * 1e6) / 1e6;
    expect(f).toBeCloseTo(0.9044, 4);
    expect(scores(c, "kho lua gao")).toEqual([["A", f], ["B", f]]);
    expect(matchIndicator(c, "kho lua gao").best).toBeNull();
    const same: Catalog = { ...catalog, indicators: [indicator("A", "kho lua gao nep"), indicator("B", "kho lua gao nep xã")] };
    expect(scores(same, "kho lua gao nep")).toEqual([["A", 1], ["B", 1]]);
    expect(matchIndicator(same, "kho lua gao nep").best?.item.code).toBe("A");
  });

  it("a name with no telling word has no candidate", () => {
    expect(matchIndicator(catalog, "Tỷ lệ").candidates).toEqual([]);
    expect(matchIndicator(catalog, "  ").candidates).toEqual([]);
  });
});

describe("matchIndicator on the province's list", () => {
  it("offers at most three candidates", () => {
    expect(matchIndicator(catalog, "Tỷ lệ hộ gia đình").candidates).toHaveLength(3);
  });

  it("a name cut short just over the threshold stays matched with a number target and is left to a person with a target in words", () => {
    const plain = matchIndicator(catalog, "Tỷ lệ phủ").candidates[0];
    expect(plain.item.code).toBe("HT-01");
    expect(plain.confidence).toBeGreaterThanOrEqual(INDICATOR_THRESHOLD);
    expect(plain.confidence).toBeLessThan(INDICATOR_THRESHOLD + 0.05);
    expect(matchIndicator(catalog, "Tỷ lệ phủ", { qualitative: false }).best?.confidence).toBeCloseTo(plain.confidence + 0.02, 6);
    expect(matchIndicator(catalog, "Tỷ lệ phủ", { qualitative: true }).best).toBeNull();
  });

  it("tells an indicator from a task by a confident match (0.9 or more)", () => {
    const isIndicator = indicatorNameTest(catalog);
    expect(isIndicator("Tỷ lệ phủ sóng 5G")).toBe(true);
    expect(isIndicator("Tỷ lệ phủ")).toBe(false); // matched, but not confidently
    expect(isIndicator("Kiện toàn Tổ công nghệ số cộng đồng")).toBe(false);
  });
});

describe("splitBodies on cells typed carelessly", () => {
  const parts = (cell: string) => splitBodies(catalog, cell).map((m) => m.text);

  it("skips empty pieces between, before and after separators, and still joins a known name across them", () => {
    expect(parts("Phòng Văn hóa - Xã hội, , Công an xã")).toEqual(["Phòng Văn hóa - Xã hội", "Công an xã"]);
    expect(parts(", Phòng Văn hóa - Xã hội và")).toEqual(["Phòng Văn hóa - Xã hội"]);
    expect(parts("Phòng Kinh tế,, Hạ tầng và Đô thị")).toEqual(["Phòng Kinh tế, Hạ tầng và Đô thị"]);
    expect(parts(";;Công an xã;\n;Trạm Y tế xã;")).toEqual(["Công an xã", "Trạm Y tế xã"]);
  });

  it("leaves out remarks in parentheses, also one typed against the words around it", () => {
    expect(parts("Phòng Văn hóa - Xã hội (chủ trì); Công an xã (phối hợp, báo cáo)")).toEqual(["Phòng Văn hóa - Xã hội", "Công an xã"]);
    expect(parts("Công an xã(chủ trì)và Trạm Y tế xã")).toEqual(["Công an xã", "Trạm Y tế xã"]);
  });

  it("splits at a comma typed without a space, and at a “và” that opens a line", () => {
    expect(parts("Công an xã,Trạm Y tế xã")).toEqual(["Công an xã", "Trạm Y tế xã"]);
    expect(parts("Phòng Văn hóa - Xã hội\nvà Công an xã")).toEqual(["Phòng Văn hóa - Xã hội", "Công an xã"]);
  });

  it("keeps the separators of a known name in their places after a separator typed first", () => {
    // Not "Phòng Kinh tế, Hạ tầng, Đô thị" (another spelling of the same body): the name as typed.
    expect(parts(", Phòng Kinh tế, Hạ tầng và Đô thị")).toEqual(["Phòng Kinh tế, Hạ tầng và Đô thị"]);
  });

  it("runs a collective phrase on over generic words after a comma or in lower case, but not over a body named in full", () => {
    const named = (cell: string) => splitBodies(catalog, cell).map((m) => [m.text, m.body?.code ?? null]);
    expect(named("Các cơ quan, đơn vị có liên quan")).toEqual([["Các cơ quan, đơn vị có liên quan", "CAC-DON-VI"]]);
    expect(named("Các cơ quan và đơn vị có liên quan")).toEqual([["Các cơ quan và đơn vị có liên quan", "CAC-DON-VI"]]);
    expect(named("Các cơ quan và Đơn vị có liên quan")).toEqual([["Các cơ quan", null], ["Đơn vị có liên quan", "CAC-DON-VI"]]);
    expect(named("Các hội, đoàn thể, Phòng Văn hóa - Xã hội")).toEqual([["Các hội, đoàn thể", "DOAN-THE"], ["Phòng Văn hóa - Xã hội", "VH-XH"]]);
    // "Phòng" is a generic word, but "Phòng Kinh tế" names a body: the phrase before stops there.
    expect(named("Các doanh nghiệp, Phòng Kinh tế")).toEqual([["Các doanh nghiệp", null], ["Phòng Kinh tế", "KT"]]);
    expect(named("Các ngành, Công an xã")).toEqual([["Các ngành", null], ["Công an xã", "CA"]]);
    // A name not in the list runs on over what is not a party of its own.
    expect(named("Phòng Tài nguyên và Môi trường, Công an xã")).toEqual([["Phòng Tài nguyên và Môi trường", null], ["Công an xã", "CA"]]);
  });

  it("does not split a word that begins with “và” (vàng)", () => {
    expect(parts("Các cửa hàng kinh doanh vàng")).toEqual(["Các cửa hàng kinh doanh vàng"]);
    expect(parts("Các cửa hàng vàng bạc; Công an xã")).toEqual(["Các cửa hàng vàng bạc", "Công an xã"]);
  });
});

describe("matchBody's spellings with the type word", () => {
  it("are the catalog's “{unit}” names filled in as xã, as phường, and left without: each is a spelling meant", () => {
    // "ĐU {unit}" is written only with "{unit}": its three spellings come from filling it in.
    expect(typo("ĐU xá")).toBe("ĐU xã");
    expect(typo("ĐU phưòng")).toBe("ĐU phường");
    expect(typo("ĐƯ")).toBe("ĐU");
    expect(typo("Trung tâm Dịch vụ tổng hợp phưòng")).toBe("Trung tâm Dịch vụ tổng hợp phường");
    expect(typo("Trung tâm Dịch vụ tổng hớp")).toBe("Trung tâm Dịch vụ tổng hợp");
  });

  it("match as written, with either type word or none, at confidence 1", () => {
    for (const t of ["Công an xã", "Công an phường", "Công an", "ĐU xã", "ĐU phường", "Trung tâm Dịch vụ tổng hợp phường"]) {
      expect([t, matchBody(catalog, t).confidence, matchBody(catalog, t).typo ?? null]).toEqual([t, 1, null]);
    }
  });
});

describe("matchBody, what it gives back", () => {
  it("the type word the text was written with: phường, xã (not the “Xã hội” of a name), or none", () => {
    expect(matchBody(catalog, "Công an phường").typeWord).toBe("phuong");
    expect(matchBody(catalog, "Cong an Phuong").typeWord).toBe("phuong");
    expect(matchBody(catalog, "Công an xã").typeWord).toBe("xa");
    expect(matchBody(catalog, "Phòng Văn hóa - Xã hội").typeWord).toBeNull();
    expect(matchBody(catalog, "Phòng Văn hóa - Xã hội xã").typeWord).toBe("xa");
    expect(matchBody(catalog, "Công an").typeWord).toBeNull();
  });

  it("a name two bodies share is no match: the bodies it may mean are offered, in any case and without accents", () => {
    for (const text of ["Văn phòng", "VĂN PHÒNG", "van phong"]) {
      expect([text, matchBody(catalog, text)]).toEqual([text, expect.objectContaining({ body: null, confidence: 0, ambiguous: ["VP", "VPDU"], candidates: [] })]);
    }
    expect(matchBody(catalog, "Văn phòng Đảng ủy").ambiguous).toBeUndefined();
  });

  it("bodyName writes the catalog's name for a commune or a ward", () => {
    const body = catalog.bodies.find((b) => b.name === "Công an {unit}")!;
    expect(bodyName(body, "phuong")).toBe("Công an phường");
    expect(bodyName(body, "xa")).toBe("Công an xã");
    const plain = catalog.bodies.find((b) => !b.name.includes("{unit}"))!;
    expect(bodyName(plain, "phuong")).toBe(plain.name);
  });

  it("the text without the punctuation typed after it, and at most three candidates", () => {
    expect(matchBody(catalog, "Công an xã;;").text).toBe("Công an xã");
    expect(matchBody(catalog, "Công an xã.,").text).toBe("Công an xã");
    expect(matchBody(catalog, "Phòng").candidates).toHaveLength(3);
  });

  it("an outside party named by its first words alone", () => {
    expect(matchBody(catalog, "Ngân hàng").outside).toBe("ngân hàng, tổ chức tín dụng");
    expect(matchBody(catalog, "Ngân hàng").body).toBeNull();
    expect(matchBody(catalog, "Ngân hàng Chính sách xã hội huyện").outside).toBe("ngân hàng, tổ chức tín dụng");
    expect(matchBody(catalog, "Ban nhân dân ấp Tân Lợi").outside).toBe("ấp, khu phố, tổ dân phố");
    // A head inside a longer word, or at the end, is not one.
    expect(matchBody(catalog, "Ngân hàngx").outside).toBeUndefined();
    expect(matchBody(catalog, "Cán bộ phụ trách ấp").outside).toBeUndefined();
  });

  it("an accent-free spelling of the catalog missed by a letter is a slip; an accent-free name spelled right is not", () => {
    expect(matchBody(catalog, "TTPVHC").typo).toBe("TTPVHCC");
    expect(matchBody(catalog, "ttpvhc").typo).toBe("TTPVHCC");
    // Typed without accents, with one hyphen, two, one left at the end, or a bracket left open before: the way of typing, not a slip.
    for (const t of ["Phong VH-XH", "Phong VH--XH", "Phong VH-XH-", "(Phong VH-XH"]) expect([t, matchBody(catalog, t).typo ?? null]).toEqual([t, null]);
  });
});

describe("matchBody", () => {
  it("takes a name typed without accents as that name, not as a slip", () => {
    for (const t of ["Phong Van hoa - Xa hoi", "phong van hoa xa hoi", "Phòng Văn hoá - Xã hội"]) {
      const m = matchBody(catalog, t);
      expect([t, m.body?.name, m.typo ?? null, m.confidence]).toEqual([t, "Phòng Văn hóa - Xã hội", null, 1]);
    }
  });

  it("names the spelling meant when one mark is missing from an accented name", () => {
    expect(matchBody(catalog, "Phòng Văn hóa - Xã hôi").typo).toBe("Phòng Văn hóa - Xã hội");
  });

  it("takes a slip of two letters in a name of 10 letters or more, one in a shorter name, within the words", () => {
    // Wholly without accents, two letters away from "Công an xã": a way of typing, not a slip.
    expect(typo("Cong an xa")).toBeNull();
    // Accented, two letters away from a 10-letter name.
    expect(typo("Cong an xá")).toBe("Công an xã");
    // "Trạm Y tế" has 9: one letter away is a slip, two are not.
    expect(typo("Trạm Y tê")).toBe("Trạm Y tế");
    expect(typo("Trâm Y tê")).toBeNull();
    // Words run together are not a slip within the words.
    expect(typo("Côngan xã")).toBeNull();
  });
});

describe("matchCommune", () => {
  const best = (t: string) => {
    const m = matchCommune(catalog, t);
    return m.best ? [m.best.item.name, m.best.confidence] : null;
  };

  it("matches a name written exactly, in any case, as 1", () => {
    expect(best("Lộc Thành")).toEqual(["Lộc Thành", 1]);
    expect(best("LỘC THÀNH")).toEqual(["Lộc Thành", 1]);
    expect(best("Bình Phước")).toEqual(["Bình Phước", 1]);
    expect(best("Phước Bình")).toEqual(["Phước Bình", 1]);
  });

  it("matches a name without accents only when it names one commune, and offers both when it names two", () => {
    expect(best("Nhon Trach")).toEqual(["Nhơn Trạch", 0.95]);
    expect(best("Loc Thanh")).toBeNull(); // Lộc Thành or Lộc Thạnh
    const two = matchCommune(catalog, "Loc Thanh").candidates.slice(0, 2).map((c) => [c.item.name, c.confidence]);
    // The same letters, so alike in full, yet never above 0.9: a candidate, not a match.
    expect(two.sort()).toEqual([["Lộc Thành", 0.9], ["Lộc Thạnh", 0.9]]);
  });

  it("reads the name after “UBND”, “Ủy ban nhân dân” (either tone placement) and the type word", () => {
    for (const t of ["UBND xã Nhơn Trạch", "Ủy ban nhân dân xã Nhơn Trạch", "Uỷ ban nhân dân xã Nhơn Trạch", "Xã Nhơn Trạch", "PHƯỜNG Nhơn Trạch"]) expect([t, best(t)]).toEqual([t, ["Nhơn Trạch", 1]]);
  });

  it("offers a name a letter short as the first of three candidates, below a match", () => {
    const m = matchCommune(catalog, "Nhơn Trạc");
    expect(m.best).toBeNull();
    expect(m.candidates).toHaveLength(3);
    expect(m.candidates[0].item.name).toBe("Nhơn Trạch");
    expect(m.candidates[0].confidence).toBeLessThan(0.95);
  });

  it("has nothing for a blank text", () => {
    expect(matchCommune(catalog, " \u00a0 ")).toEqual({ best: null, candidates: [] });
  });
});

describe("findCommune in a sheet's heading lines", () => {
  const found = (...lines: string[]) => {
    const r = findCommune(catalog, lines);
    return r && [r.commune?.name ?? null, r.writtenType, r.writtenName];
  };

  it("passes over “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM” and “Phòng Văn hóa - Xã hội” to the commune", () => {
    expect(found("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ỦY BAN NHÂN DÂN XÃ TÂN LỢI")).toEqual(["Tân Lợi", "xa", "TÂN LỢI"]);
    expect(found("Phòng Văn hóa - Xã hội")).toBeNull();
  });

  it("finds it after a bracket or inside a sentence, and leaves the words after the name", () => {
    expect(found("(Kèm theo Kế hoạch số 12/KH-UBND của UBND phường Minh Hưng)")).toEqual(["Minh Hưng", "phuong", "Minh Hưng"]);
    expect(found("Kế hoạch(xã Tân Lợi)")).toEqual(["Tân Lợi", "xa", "Tân Lợi"]);
    expect(found("trên địa bàn xã Nhơn Trạch năm 2026")).toEqual(["Nhơn Trạch", "xa", "Nhơn Trạch"]);
    expect(found("Xã Bàu Hàm, huyện cũ")).toEqual(["Bàu Hàm", "xa", "Bàu Hàm"]);
  });

  it("keeps the first name it cannot match, with its type word, when no line names a known commune", () => {
    expect(found("UBND xã Xyz Abc", "UBND phường Qwe")).toEqual([null, "xa", "Xyz Abc"]);
    expect(found("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "UBND xã Xyz Abc Def")).toEqual([null, "xa", "Xyz Abc"]); // two words kept
    expect(found("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")).toBeNull();
    expect(found("UBND phường Qwe", "UBND xã Xyz Abc")).toEqual([null, "phuong", "Qwe"]);
    // A known commune on a later line wins over an unknown one before it.
    expect(found("UBND xã Xyz Abc", "xã Long Phước")).toEqual(["Long Phước", "xa", "Long Phước"]);
  });
});
