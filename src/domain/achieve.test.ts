import { achieve, parseResult, sheetResult } from "./achieve";
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
  it("qualitative targets are met or not", () => {
    expect(achieve(qualitative, "Đã triển khai")).toMatchObject({ rate: null, verdict: "Đạt" });
    expect(achieve(qualitative, "Chưa triển khai")).toMatchObject({ verdict: "Chưa đạt" });
  });
  it("says nothing while no result is entered, and never divides by zero", () => {
    expect(achieve(atLeast60, null)).toEqual({ result: null, rate: null, verdict: null });
    expect(achieve({ kind: "numeric", comparator: ">=", value: 0, percent: false }, 2)).toMatchObject({ rate: null, verdict: "Vượt" });
    expect(achieve(atLeast60, "chưa có số liệu")).toMatchObject({ rate: null, verdict: null });
  });
});

describe("reading results", () => {
  it("sheetResult reads like the formulas: numbers only, 72 in a % indicator is 72%", () => {
    expect(sheetResult(72, true)).toBe(0.72);
    expect(sheetResult(0.72, true)).toBe(0.72);
    expect(sheetResult(1, true)).toBe(1);
    expect(sheetResult(3, false)).toBe(3);
    expect(sheetResult("72%", true)).toBe("72%");
    expect(sheetResult(null, true)).toBeNull();
  });
  it("parseResult reads the ways results are typed, noting assumptions", () => {
    expect(parseResult(0.72, { percentUnit: true, numberFormat: "0%" })).toEqual({ value: 0.72, notes: [] });
    expect(parseResult("72%", { percentUnit: true })).toEqual({ value: 0.72, notes: ["text-number"] });
    expect(parseResult("0,72", { percentUnit: true })).toEqual({ value: 0.72, notes: ["text-number"] });
    expect(parseResult("72", { percentUnit: true })).toEqual({ value: 0.72, notes: ["text-number", "percent-points"] });
    expect(parseResult("1", { percentUnit: true })).toEqual({ value: 1, notes: ["text-number", "ambiguous-percent"] });
    expect(parseResult(72, { percentUnit: true })).toEqual({ value: 0.72, notes: ["percent-points"] });
    expect(parseResult(1, { percentUnit: true })).toEqual({ value: 1, notes: ["ambiguous-percent"] });
    expect(parseResult("0,72", { percentUnit: false })).toEqual({ value: 0.72, notes: ["text-number"] });
    expect(parseResult("Đã triển khai", { percentUnit: false })).toEqual({ value: "Đã triển khai", notes: [] });
  });
});
