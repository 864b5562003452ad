/**
 * The domain stays pure (docs: one core, three hosts): no Office.js, React, ExcelJS,
 * Node's fs or the DOM, and no clock — the as-of date is always a parameter.
 */
import * as fs from "fs";
import * as path from "path";

const DOMAIN = path.join(__dirname, "..", "src", "domain");

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return files(p);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [p] : [];
  });
}

const sources = files(DOMAIN).map((f) => ({ file: path.relative(DOMAIN, f), text: fs.readFileSync(f, "utf8") }));

describe("src/domain", () => {
  it("has modules to check", () => expect(sources.length).toBeGreaterThan(20));

  it.each([
    ["Office.js", /\b(Office|Excel)\.(run|context|onReady)\b/],
    ["React", /from\s+["']react(-dom)?["']/],
    ["ExcelJS", /from\s+["']exceljs["']|import\(["']exceljs["']\)/],
    ["Node's fs, path or child_process", /from\s+["'](node:)?(fs|path|child_process|os)["']|require\(["'](fs|path)["']\)/],
    // (Local variables may be called "window" or "document"; the DOM's members may not appear.)
    ["the DOM", /\bdocument\.(getElementById|querySelector|createElement|body)|window\.(location|addEventListener|open|fetch)|\blocalStorage\.|\bnavigator\./],
    ["hosts or the UI", /from\s+["']\.\.\/(hosts|taskpane|web|cli)\//],
  ])("never uses %s", (_what, pattern) => {
    expect(sources.filter((s) => pattern.test(s.text)).map((s) => s.file)).toEqual([]);
  });

  it("never reads the clock", () => {
    const clock = /Date\.now\(|new Date\(\s*\)|performance\.now\(/;
    expect(sources.filter((s) => clock.test(s.text)).map((s) => s.file)).toEqual([]);
  });
});
