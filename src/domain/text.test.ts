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
