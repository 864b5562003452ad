import { STATED_WORDS, achieve, isPercentUnit, readResult, resultTextOf, statedVerdict } from "./achieve";
import type { Target } from "./target";

const atLeast60: Target = { kind: "numeric", comparator: ">=", value: 0.6, percent: true };
const atMost5: Target = { kind: "numeric", comparator: "<=", value: 0.05, percent: true };
const atLeast1: Target = { kind: "numeric", comparator: ">=", value: 1, percent: false };
const qualitative: Target = { kind: "qualitative", text: "Có triển khai" };

describe("achieve", () => {
  it("higher is better for ≥", () => {
    expect(achieve(atLeast60, 0.72)).toEqual({ result: 0.72, rate: 1.2, verdict: "Vượt" });
    expect(achieve(atLeast60, 0.6)).toMatchObject({ rate: 1, verdict: "Đạt" });
    expect(achieve(atLeast60, 0.3)).toMatchObject({ rate: 0.5, verdict: "Chưa đạt" });
    expect(achieve(atLeast60, 0)).toMatchObject({ rate: 0, verdict: "Chưa đạt" });
    expect(achieve(atLeast1, 3)).toMatchObject({ rate: 3, verdict: "Vượt" });
  });
  it("lower is better for ≤", () => {
    expect(achieve(atMost5, 0.025)).toMatchObject({ rate: 2, verdict: "Vượt" });
    expect(achieve(atMost5, 0.05)).toMatchObject({ rate: 1, verdict: "Đạt" });
    expect(achieve(atMost5, 0.1)).toMatchObject({ rate: 0.5, verdict: "Chưa đạt" });
    expect(achieve(atMost5, 0)).toMatchObject({ rate: 1, verdict: "Vượt" });
  });
  it("judges a qualitative target only from a result that states the verdict", () => {
    expect(achieve(qualitative, "Đạt")).toMatchObject({ rate: null, verdict: "Đạt" });
    expect(achieve(qualitative, "chưa đạt.")).toMatchObject({ verdict: "Chưa đạt" });
    expect(achieve(qualitative, "KHONG DAT")).toMatchObject({ verdict: "Chưa đạt" });
    expect(achieve(qualitative, "Có")).toMatchObject({ verdict: "Đạt" });
    // Free text is for a person to judge, whatever words it contains.
    expect(achieve(qualitative, "Đã triển khai")).toMatchObject({ verdict: null });
    expect(achieve(qualitative, "Chưa triển khai")).toMatchObject({ verdict: null });
    expect(achieve(qualitative, "Đạt 3 mô hình")).toMatchObject({ verdict: null });
  });
  it("does not judge a result whose scale is ambiguous", () => {
    expect(achieve(atLeast60, readResult(1, { percentUnit: true }))).toMatchObject({ result: 1, rate: null, verdict: null });
    expect(achieve(atLeast1, readResult(0.5, { percentUnit: false, countUnit: true }))).toMatchObject({ verdict: null });
    expect(achieve(atLeast60, readResult(1, { percentUnit: true, numberFormat: "0%" }))).toMatchObject({ verdict: "Vượt" });
  });
  it("says nothing while no result is entered, and never divides by zero", () => {
    expect(achieve(atLeast60, null)).toEqual({ result: null, rate: null, verdict: null });
    expect(achieve({ kind: "numeric", comparator: ">=", value: 0, percent: false }, 2)).toMatchObject({ rate: null, verdict: "Vượt" });
    expect(achieve(atLeast60, "chưa có số liệu")).toMatchObject({ rate: null, verdict: null });
  });
});

describe("reading results", () => {
  it("reads numbers and numbers typed as text alike, noting what it assumed", () => {
    expect(readResult(0.72, { percentUnit: true, numberFormat: "0%" })).toEqual({ value: 0.72, notes: [] });
    expect(readResult("72%", { percentUnit: true })).toEqual({ value: 0.72, notes: ["text-number"] });
    expect(readResult("96,5 %", { percentUnit: true })).toEqual({ value: 0.965, notes: ["text-number"] });
    expect(readResult("0,72", { percentUnit: true })).toEqual({ value: 0.72, notes: ["text-number"] });
    expect(readResult("72", { percentUnit: true })).toEqual({ value: 0.72, notes: ["text-number", "percent-points"] });
    expect(readResult(72, { percentUnit: true })).toEqual({ value: 0.72, notes: ["percent-points"] });
    expect(readResult("0,72", { percentUnit: false })).toEqual({ value: 0.72, notes: ["text-number"] });
    expect(readResult("3", { percentUnit: false, countUnit: true })).toEqual({ value: 3, notes: ["text-number"] });
  });
  it("flags what cannot be told apart instead of guessing", () => {
    expect(readResult(1, { percentUnit: true })).toEqual({ value: 1, notes: ["ambiguous-percent"] });
    expect(readResult("1", { percentUnit: true })).toEqual({ value: 1, notes: ["text-number", "ambiguous-percent"] });
    expect(readResult("1%", { percentUnit: true })).toEqual({ value: 0.01, notes: ["text-number"] });
    expect(readResult(0.5, { percentUnit: false, countUnit: true })).toEqual({ value: 0.5, notes: ["ambiguous-count"] });
    expect(readResult("1.500", { percentUnit: false, countUnit: true })).toEqual({ value: "1.500", notes: ["unreadable"] });
    expect(readResult("Đã triển khai", { percentUnit: false })).toEqual({ value: "Đã triển khai", notes: [] });
  });
  it("reads a stated verdict with or without accents, and nothing else", () => {
    expect(["Đạt", "đã đạt", "DA DAT", "Hoàn thành.", "Vượt", "không đạt", "Chưa"].map(statedVerdict)).toEqual(["Đạt", "Đạt", "Đạt", "Đạt", "Vượt", "Chưa đạt", "Chưa đạt"]);
    expect(["Đã triển khai", "đat", "Chưa xong", ""].map(statedVerdict)).toEqual([null, null, null, null]);
  });
  it("states each verdict in words of its own: no word says two (the sheet's verdict formula looks a word up once)", () => {
    const all = Object.values(STATED_WORDS).flat();
    expect(new Set(all).size).toBe(all.length);
    expect(STATED_WORDS["Vượt"]).toEqual(["vượt", "vuot", "vượt chỉ tiêu", "vuot chi tieu"]);
    for (const [verdict, words] of Object.entries(STATED_WORDS)) for (const w of words) expect(statedVerdict(w)).toBe(verdict);
  });
});

// Edges the mutation run of 02/12/2026 found unpinned (issue 18); expected values written by hand.
describe("results and verdicts at their edges", () => {
  const pct = { percentUnit: true };

  it("a unit is a percentage when it starts with %", () => {
    expect(["%", "% GRDP", " % tổng chi NS xã", "Tỷ lệ %", "người", "", null].map(isPercentUnit)).toEqual([true, true, true, false, false, false, false]);
  });

  it("reads nothing from a blank, a true/false or a number that is not finite", () => {
    expect(readResult("   ", pct)).toEqual({ value: null, notes: [] });
    expect(readResult(null, pct)).toEqual({ value: null, notes: [] });
    expect(readResult(undefined as never, pct)).toEqual({ value: null, notes: [] });
    expect(readResult(true, pct)).toEqual({ value: null, notes: ["unreadable"] });
    expect(readResult(Number.NaN, pct)).toEqual({ value: null, notes: ["unreadable"] });
    expect(readResult(Number.POSITIVE_INFINITY, pct)).toEqual({ value: null, notes: ["unreadable"] });
  });

  it("reads 1 in a percent-formatted cell as 100%, and in a plain one as ambiguous", () => {
    expect(readResult(1, { ...pct, numberFormat: "0%" })).toEqual({ value: 1, notes: [] });
    expect(readResult(1, { ...pct, numberFormat: "General" })).toEqual({ value: 1, notes: ["ambiguous-percent"] });
    expect(readResult(1, pct)).toEqual({ value: 1, notes: ["ambiguous-percent"] });
    // Told how the cell is formatted: plain is ambiguous, percent or not yet known (the template) is 100%.
    expect(readResult(1, { ...pct, numberFormat: "0%", resultFormat: "plain" })).toEqual({ value: 1, notes: ["ambiguous-percent"] });
    expect(readResult(1, { ...pct, resultFormat: "percent" })).toEqual({ value: 1, notes: [] });
    expect(readResult(1, { ...pct, resultFormat: "unknown" })).toEqual({ value: 1, notes: [] });
  });

  it("keeps words as words, and calls digits it cannot read unreadable", () => {
    expect(readResult("Đã triển khai", pct)).toEqual({ value: "Đã triển khai", notes: [] });
    expect(readResult("1.2.3", pct)).toEqual({ value: "1.2.3", notes: ["unreadable"] });
    // Digits with words around them are words to a person, not a number misread.
    expect(readResult("khoảng 12", pct)).toEqual({ value: "khoảng 12", notes: [] });
    expect(readResult("12 hồ sơ", pct)).toEqual({ value: "12 hồ sơ", notes: [] });
    // "10.500" may be ten thousand five hundred: unread; "0.500" can only be a half.
    expect(readResult("10.500", pct)).toEqual({ value: "10.500", notes: ["unreadable"] });
    expect(readResult("0.500", pct)).toEqual({ value: 0.5, notes: ["text-number"] });
  });

  it("states a verdict through trailing full stops and marks, not through one inside a word", () => {
    expect(statedVerdict("Chưa đạt.")).toBe("Chưa đạt");
    expect(statedVerdict("Đạt!.")).toBe("Đạt");
    expect(statedVerdict("Đạt .")).toBe("Đạt");
    expect(statedVerdict("Đ.ạt")).toBeNull();
  });

  it("judges nothing without a target, without a result or with an ambiguous result", () => {
    expect(achieve(qualitative, null)).toEqual({ result: null, rate: null, verdict: null });
    expect(achieve(atLeast60, null)).toEqual({ result: null, rate: null, verdict: null });
    expect(achieve(null, 0.5)).toEqual({ result: 0.5, rate: null, verdict: null });
    expect(achieve(atLeast60, { value: 1, notes: ["ambiguous-percent"] })).toEqual({ result: 1, rate: null, verdict: null });
    expect(achieve(atLeast60, { value: null, notes: [] })).toEqual({ result: null, rate: null, verdict: null });
  });

  it("gives no rate against a target of 0 for > and =, but still a verdict", () => {
    expect(achieve({ kind: "numeric", comparator: ">", value: 0, percent: false }, 3)).toEqual({ result: 3, rate: null, verdict: "Đạt" });
    expect(achieve({ kind: "numeric", comparator: "=", value: 0, percent: false }, 0)).toEqual({ result: 0, rate: null, verdict: "Đạt" });
    expect(achieve({ kind: "numeric", comparator: "=", value: 0, percent: false }, 1)).toEqual({ result: 1, rate: null, verdict: "Chưa đạt" });
  });

  it("tidies a typed result for the helper column as the formula does", () => {
    expect([null, undefined, true, false, 72].map((v) => resultTextOf(v as never))).toEqual(["", "", "TRUE", "FALSE", 72]);
    expect(resultTextOf("96,5 %")).toBe("96.5%");
    expect(resultTextOf("1\u00A0000\n")).toBe("1000");
  });
});

