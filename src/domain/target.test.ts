import { formatTarget, parseTarget, targetNumberFormat, type Target } from "./target";

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
