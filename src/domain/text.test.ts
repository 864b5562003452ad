import { foldKey, normalize, similarity, clean } from "./text";

describe("normalize", () => {
  it.each([
    ["Phòng Văn hoá – Xã hội", "Phòng Văn hóa - Xã hội"], // old accent placement, en dash
    ["Tỉ lệ phủ sóng 5G", "Tỷ lệ phủ sóng 5G"],
    ["Trạm Y tế  xã", "trạm y tế xã"], // repeated space, case
    ["VP HĐND-UBND", "VP HĐND - UBND"],
    ["Phòng VH\u00A0-\u00A0XH", "phòng vh-xh"], // non-breaking spaces
    ["Tổ công nghệ\nsố cộng đồng", "Tổ công nghệ số cộng đồng"], // line break inside a cell
    ["thuỷ lợi, khoẻ mạnh", "thủy lợi, khỏe mạnh"],
    ["Phòng Văn hóa - Xã hội".normalize("NFD"), "Phòng Văn hóa - Xã hội"],
  ])("treats %j like %j", (a, b) => {
    expect(normalize(a)).toBe(normalize(b));
  });

  it("keeps words whose mark is not a placement variant", () => {
    expect(normalize("Hoàng")).toBe("hoàng");
    expect(normalize("quý")).toBe("quý");
    expect(normalize("hòa")).not.toBe(normalize("hoa"));
  });

  it("is idempotent on seed strings", () => {
    for (const s of ["Phòng Văn hoá – Xã hội", "Tỉ lệ", "VP HĐND & UBND", "≥  50%"]) {
      expect(normalize(normalize(s))).toBe(normalize(s));
    }
  });
});

describe("foldKey", () => {
  it("drops every diacritic and đ", () => {
    expect(foldKey("Đồng Nai")).toBe("dong nai");
    expect(foldKey("Tỷ lệ phủ sóng 5G")).toBe("ty le phu song 5g");
    expect(foldKey("Tỉ lệ phủ sóng 5G")).toBe("ty le phu song 5g");
  });
});

describe("similarity", () => {
  it("scores near-identical wordings above unrelated ones", () => {
    const a = "Tỷ lệ phủ sóng 5G trên địa bàn xã";
    expect(similarity(a, "Tỉ lệ phủ sóng 5G trên địa bàn")).toBeGreaterThan(0.85);
    expect(similarity(a, "Tỷ lệ người dân có Sổ sức khỏe điện tử")).toBeLessThan(0.6);
    expect(similarity("", a)).toBe(0);
  });
});

describe("clean", () => {
  it("trims and collapses spaces but keeps case", () => {
    expect(clean("  Phòng  VH-XH \n")).toBe("Phòng VH-XH");
  });
});

describe("foldKey on any text", () => {
  /** The folding as written: decomposed, marks and "đ" taken off, anything but letters, digits and "%" a single space. */
  const byRule = (text: string) =>
    normalize(text)
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .replace(/đ/g, "d")
      .replace(/[^\p{L}\p{N}%]+/gu, " ")
      .trim();

  it("folds symbols, other scripts' letters and marks, and numbers of every kind as the rule says", () => {
    const pieces = ["Tỷ lệ", " ≥ 60%", "…", "“trực tuyến”", "№ 5", "x²", "½", "Ⅳ", "ª", "µg", "Ω", "ℓ", "Привет", "日本", "ñ", "e\u0308", "a\u20dd", "\u00a0", "•", "→", "—", "€", "😀", "𝐀", "Đ", "đ"];
    for (const a of pieces) {
      for (const b of pieces) {
        const text = `${a}${b}`;
        expect([text, foldKey(text)]).toEqual([text, byRule(text)]);
      }
    }
  });
});
