import { achieve, readResult, statedVerdict } from "./achieve";
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
});
