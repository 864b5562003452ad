import { FINDING_CODES } from "./codes";
import { FINDING_LABELS, findingLabel } from "./labels";

describe("FINDING_LABELS: a Vietnamese name for every kind of finding", () => {
  it("names every code, and only codes that exist", () => {
    expect(Object.keys(FINDING_LABELS).sort()).toEqual(FINDING_CODES.map((c) => c.code).sort());
  });

  it("names them in Vietnamese (NFC), distinctly, never by the code itself", () => {
    const labels = Object.entries(FINDING_LABELS);
    for (const [code, label] of labels) {
      expect(label.normalize("NFC")).toBe(label);
      expect(label).not.toMatch(/[a-z]+-[a-z]+/);
      expect(label).not.toContain(code);
      expect(label.length).toBeLessThanOrEqual(60);
    }
    expect(new Set(labels.map(([, l]) => l)).size).toBe(labels.length);
  });

  it("gives a code from a newer version a plain name rather than the code", () => {
    expect(findingLabel("lead-missing")).toBe("Thiếu đơn vị chủ trì");
    expect(findingLabel("some-new-check")).toBe("Phát hiện khác");
  });
});
