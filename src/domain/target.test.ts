import { formatTarget, parseTarget, sameTarget, targetNumberFormat, type Target } from "./target";

function numeric(s: Parameters<typeof parseTarget>[0], ctx = {}) {
  const r = parseTarget(s, ctx);
  if (!r.ok || r.target.kind !== "numeric") throw new Error(`expected a numeric target for ${String(s)}`);
  return { ...r.target, notes: r.notes };
}

describe("parseTarget on the seeds' strings", () => {
  it.each([
    ["≥ 60%", ">=", 0.6, true],
    ["≥ 60", ">=", 60, false],
    ["100%", ">=", 1, true],
    ["≥10%", ">=", 0.1, true],
    ["≥ 01", ">=", 1, false],
    ["≥ 2", ">=", 2, false],
    ["90%", ">=", 0.9, true],
    [">= 60", ">=", 60, false],
    ["trên 60%", ">", 0.6, true],
    ["từ 60% trở lên", ">=", 0.6, true],
    ["tối thiểu 60%", ">=", 0.6, true],
    ["ít nhất 01", ">=", 1, false],
    ["≤ 5%", "<=", 0.05, true],
    ["không quá 5%", "<=", 0.05, true],
    ["dưới 5%", "<", 0.05, true],
    ["1,5%", ">=", 0.015, true],
    ["Đạt 60%", ">=", 0.6, true],
    // To keep a level already reached is to stay at it or above.
    ["Duy trì 100%", ">=", 1, true],
    ["Giữ vững 95%", ">=", 0.95, true],
    ["bằng 5", "=", 5, false],
  ])("%j → %s %d (percent %s)", (s, cmp, value, percent) => {
    const t = numeric(s);
    expect(t.comparator).toBe(cmp);
    expect(t.value).toBeCloseTo(value as number, 9);
    expect(t.percent).toBe(percent);
  });

  it("notes the seeds' defects", () => {
    expect(numeric("100%.").notes).toContain("stray-punctuation");
    expect(numeric("≥ 100%").notes).toContain("redundant-comparator");
    expect(numeric("≥  50%").notes).toContain("extra-spaces");
    expect(numeric("≥ 01").notes).toContain("leading-zero");
    expect(numeric("≥ 60%").notes).toEqual([]);
  });

  it("keeps words after the number: '≥ 1% và tăng dần'", () => {
    const r = parseTarget("≥ 1% và tăng dần theo yêu cầu phát triển");
    expect(r.ok && r.trailing).toBe("và tăng dần theo yêu cầu phát triển");
  });

  it("reads '≥ 60' in a % indicator as 60%", () => {
    const t = numeric("≥ 60", { percentUnit: true });
    expect(t.value).toBeCloseTo(0.6);
    expect(t.notes).toContain("percent-assumed");
  });

  it("reads real cell numbers: 0.6 formatted as a percentage, 100 typed in a % indicator", () => {
    expect(numeric(0.6, { numberFormat: "0%" }).value).toBe(0.6);
    expect(numeric(100, { percentUnit: true }).value).toBe(1);
    expect(numeric(0.6, { numberFormat: '"≥ "0%' }).comparator).toBe(">=");
    expect(numeric(0.05, { numberFormat: '"≤ "0%' }).comparator).toBe("<=");
    expect(numeric(80, {}).percent).toBe(false);
  });

  it.each(["Có triển khai", "Tiên tiến, hiện đại", "Xếp hạng ở nhóm dẫn đầu của tỉnh"])("keeps %j qualitative", (s) => {
    const r = parseTarget(s);
    expect(r.ok && r.target).toEqual({ kind: "qualitative", text: s });
  });

  it("returns a reason instead of throwing", () => {
    expect(parseTarget(null)).toMatchObject({ ok: false, code: "empty" });
    expect(parseTarget("   ")).toMatchObject({ ok: false, code: "empty" });
    expect(parseTarget("≥ abc")).toMatchObject({ ok: false, code: "unreadable" });
    expect(parseTarget(true)).toMatchObject({ ok: false, code: "unreadable" });
    expect(parseTarget(Number.NaN)).toMatchObject({ ok: false, code: "unreadable" });
  });
});

describe("formatTarget and targetNumberFormat", () => {
  const cases: [Target, string, string][] = [
    [{ kind: "numeric", comparator: ">=", value: 0.6, percent: true }, "≥ 60%", '"≥ "0%'],
    [{ kind: "numeric", comparator: ">=", value: 1, percent: true, bare: true }, "100%", "0%"],
    [{ kind: "numeric", comparator: ">=", value: 1, percent: true }, "100%", "0%"],
    [{ kind: "numeric", comparator: "<=", value: 0.05, percent: true }, "≤ 5%", '"≤ "0%'],
    [{ kind: "numeric", comparator: ">=", value: 0.015, percent: true }, "≥ 1,5%", '"≥ "0.0%'],
    [{ kind: "numeric", comparator: ">=", value: 1, percent: false }, "≥ 1", '"≥ "0'],
  ];
  it.each(cases)("%j → %s with format %s", (t, text, fmt) => {
    expect(formatTarget(t)).toBe(text);
    if (t.kind === "numeric") expect(targetNumberFormat(t)).toBe(fmt);
  });

  it("parses what it formats back to the same target", () => {
    for (const [t] of cases) {
      const r = parseTarget(formatTarget(t));
      expect(r.ok && r.target.kind === "numeric" && r.target.value).toBeCloseTo((t as { value: number }).value, 9);
    }
  });
});

// Edges that mutation testing (npm run mutate) found unpinned; each expected value is
// what an official reading the cell would say, written by hand.
describe("parseTarget at its edges", () => {
  it("says why a cell is not a target, in the official's words", () => {
    // A cell read by a library that gives undefined for nothing.
    expect(parseTarget(undefined as unknown as null)).toEqual({ ok: false, code: "empty", reason: "Chưa có chỉ tiêu." });
    expect(parseTarget("")).toEqual({ ok: false, code: "empty", reason: "Chưa có chỉ tiêu." });
    expect(parseTarget(" \u00a0 ")).toEqual({ ok: false, code: "empty", reason: "Chưa có chỉ tiêu." });
    expect(parseTarget(false)).toEqual({ ok: false, code: "unreadable", reason: "Ô chứa giá trị đúng/sai, không phải chỉ tiêu." });
    expect(parseTarget(Number.POSITIVE_INFINITY)).toEqual({ ok: false, code: "unreadable", reason: "Giá trị số không hợp lệ." });
    expect(parseTarget("≥ khoảng sáu mươi")).toEqual({ ok: false, code: "unreadable", reason: 'Không đọc được giá trị sau dấu so sánh trong "≥ khoảng sáu mươi".' });
    // A stuck key: more digits than a number holds.
    const stuck = "9".repeat(400);
    expect(parseTarget(`≥ ${stuck}`)).toEqual({ ok: false, code: "unreadable", reason: `Không đọc được số "${stuck}" trong chỉ tiêu.` });
  });

  it("reads a cell number by its format: a percentage format makes it a percentage, with nothing to note", () => {
    expect(parseTarget(0.6, { numberFormat: "0%" })).toEqual({ ok: true, target: { kind: "numeric", comparator: ">=", value: 0.6, percent: true, bare: true }, notes: [] });
    expect(parseTarget(60, { percentUnit: true })).toEqual({ ok: true, target: { kind: "numeric", comparator: ">=", value: 0.6, percent: true, bare: true }, notes: ["percent-assumed"] });
    expect(parseTarget(2, {})).toEqual({ ok: true, target: { kind: "numeric", comparator: ">=", value: 2, percent: false, bare: true }, notes: [] });
    // The comparator in the format's literal text, spaces around it or not.
    expect(parseTarget(0.6, { numberFormat: '" ≥ "0%' })).toEqual({ ok: true, target: { kind: "numeric", comparator: ">=", value: 0.6, percent: true }, notes: [] });
    expect(parseTarget(0.6, { numberFormat: '"> "0%' })).toEqual({ ok: true, target: { kind: "numeric", comparator: ">", value: 0.6, percent: true }, notes: [] });
  });

  it("reads '60' in a % indicator as 60%, and says so", () => {
    expect(parseTarget("60", { percentUnit: true })).toEqual({ ok: true, target: { kind: "numeric", comparator: ">=", value: 0.6, percent: true, bare: true }, notes: ["percent-assumed"] });
    expect(parseTarget("≥ 60", { percentUnit: false })).toEqual({ ok: true, target: { kind: "numeric", comparator: ">=", value: 60, percent: false }, notes: [] });
  });

  it("takes the comparator from words after the number", () => {
    // Texts no other test reads: the parser remembers texts, and a remembered one would hide this test's path.
    expect(parseTarget("65% trở lên")).toEqual({ ok: true, target: { kind: "numeric", comparator: ">=", value: 0.65, percent: true }, notes: [] });
    // "từ 10% trở xuống" is "10% or below".
    expect(parseTarget("từ 10% trở xuống")).toEqual({ ok: true, target: { kind: "numeric", comparator: "<=", value: 0.1, percent: true }, notes: [] });
    expect(parseTarget("5% trở xuống")).toEqual({ ok: true, target: { kind: "numeric", comparator: "<=", value: 0.05, percent: true }, notes: [] });
    expect(parseTarget("từ 60% trở lên.")).toEqual({ ok: true, target: { kind: "numeric", comparator: ">=", value: 0.6, percent: true }, notes: ["stray-punctuation"] });
    // A strict word before the number is kept: "dưới 5%" stays "< 5%".
    expect(parseTarget("dưới 5% trở xuống")).toEqual({ ok: true, target: { kind: "numeric", comparator: "<", value: 0.05, percent: true }, notes: [] });
    // Words that contradict each other: the last word ("trở lên") is the official's.
    expect(parseTarget("tối đa 5% trở lên")).toEqual({ ok: true, target: { kind: "numeric", comparator: ">=", value: 0.05, percent: true }, notes: [] });
  });

  it("strips every stray mark at the end, not just one", () => {
    expect(parseTarget("≥ 60%..")).toEqual({ ok: true, target: { kind: "numeric", comparator: ">=", value: 0.6, percent: true }, notes: ["stray-punctuation"] });
    expect(parseTarget("100%;")).toEqual({ ok: true, target: { kind: "numeric", comparator: ">=", value: 1, percent: true, bare: true }, notes: ["stray-punctuation"] });
  });

  it("reads the number at the start only, with its sign and its thousands", () => {
    expect(parseTarget("Có 2 mô hình")).toEqual({ ok: true, target: { kind: "qualitative", text: "Có 2 mô hình" }, notes: [] });
    expect(parseTarget("+5%")).toEqual({ ok: true, target: { kind: "numeric", comparator: ">=", value: 0.05, percent: true, bare: true }, notes: [] });
    expect(parseTarget("≥ 1 000")).toEqual({ ok: true, target: { kind: "numeric", comparator: ">=", value: 1000, percent: false }, notes: [] });
    expect(parseTarget("≥ 12 500 000")).toEqual({ ok: true, target: { kind: "numeric", comparator: ">=", value: 12_500_000, percent: false }, notes: [] });
    expect(parseTarget("60 %")).toEqual({ ok: true, target: { kind: "numeric", comparator: ">=", value: 0.6, percent: true, bare: true }, notes: [] });
    // A space before a group that is not three digits ends the number.
    expect(parseTarget("≥ 2 10 lớp")).toEqual({ ok: true, target: { kind: "numeric", comparator: ">=", value: 2, percent: false }, notes: ["trailing-text"], trailing: "10 lớp" });
    expect(parseTarget("≥ 1 0000")).toEqual({ ok: true, target: { kind: "numeric", comparator: ">=", value: 1, percent: false }, notes: ["trailing-text"], trailing: "0000" });
    expect(parseTarget("≥ 2 mô hình")).toEqual({ ok: true, target: { kind: "numeric", comparator: ">=", value: 2, percent: false }, notes: ["trailing-text"], trailing: "mô hình" });
  });

  it("notes a leading zero only at the start of the number", () => {
    expect(parseTarget("≥ 01")).toEqual({ ok: true, target: { kind: "numeric", comparator: ">=", value: 1, percent: false }, notes: ["leading-zero"] });
    expect(parseTarget("≥ 105")).toEqual({ ok: true, target: { kind: "numeric", comparator: ">=", value: 105, percent: false }, notes: [] });
    expect(parseTarget("≥ 0,5")).toEqual({ ok: true, target: { kind: "numeric", comparator: ">=", value: 0.5, percent: false }, notes: [] });
  });
});

describe("formatTarget and targetNumberFormat at their edges", () => {
  it.each<[Target, string, string]>([
    [{ kind: "numeric", comparator: "=", value: 5, percent: false }, "5", "0"],
    [{ kind: "numeric", comparator: "=", value: 0.5, percent: true }, "50%", "0%"],
    [{ kind: "numeric", comparator: ">", value: 0.6, percent: true }, "> 60%", '"> "0%'],
    [{ kind: "numeric", comparator: "<", value: 3, percent: false }, "< 3", '"< "0'],
    [{ kind: "numeric", comparator: ">=", value: 0.6, percent: true, bare: true }, "60%", "0%"],
    // 100 as a count is not 100%: the comparator stays.
    [{ kind: "numeric", comparator: ">=", value: 1, percent: false }, "≥ 1", '"≥ "0'],
    [{ kind: "numeric", comparator: "<=", value: 1, percent: true }, "≤ 100%", '"≤ "0%'],
    [{ kind: "numeric", comparator: ">=", value: 0.995, percent: true }, "≥ 99,5%", '"≥ "0.0%'],
    [{ kind: "numeric", comparator: ">=", value: 2.125, percent: false }, "≥ 2,13", '"≥ "0.000'],
  ])("%j → %s, format %s", (t, text, fmt) => {
    expect(formatTarget(t)).toBe(text);
    if (t.kind === "numeric") expect(targetNumberFormat(t)).toBe(fmt);
  });

  it("writes a qualitative target as it was written", () => {
    expect(formatTarget({ kind: "qualitative", text: "Có triển khai" })).toBe("Có triển khai");
  });
});

describe("sameTarget", () => {
  const t = (comparator: ">=" | "<=" | "=", value: number, percent: boolean): Extract<Target, { kind: "numeric" }> => ({ kind: "numeric", comparator, value, percent });
  it.each<[Target, Target, boolean]>([
    [t(">=", 0.6, true), t(">=", 0.6, true), true],
    [t(">=", 0.6, true), { ...t(">=", 0.6, true), bare: true }, true],
    [t(">=", 0.6, true), t(">=", 0.6000000001, true), true],
    [t(">=", 0.6, true), t("<=", 0.6, true), false],
    [t(">=", 0.6, true), t(">=", 0.7, true), false],
    [t(">=", 0.6, true), t(">=", 0.6, false), false],
    [t("=", 1, false), { kind: "qualitative", text: "1" }, false],
    [{ kind: "qualitative", text: "Có triển khai" }, { kind: "qualitative", text: "có  triển khai" }, true],
    [{ kind: "qualitative", text: "Có triển khai" }, { kind: "qualitative", text: "Chưa triển khai" }, false],
    [{ kind: "qualitative", text: "1" }, t("=", 1, false), false],
  ])("%j and %j: %s", (a, b, same) => {
    expect(sameTarget(a, b)).toBe(same);
  });
});
