/**
 * Checks behind SECURITY.md's claims that need no browser: our code opens no
 * network connection and evaluates no strings; user text cannot reach prototype
 * properties; text we write never becomes a formula.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { defaultCatalog } from "../src/domain/catalog";
import { matchBody, matchCommune, matchIndicator, matchUnit, splitBodies } from "../src/domain/match";
import { readTable } from "../src/domain/reader";
import { applyEdits, workbookBytes } from "../src/hosts/file/apply";
import { openWorkbook, snapshotSheet } from "../src/hosts/file/read";

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx|js|html)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe("no network, no eval in our code", () => {
  const files = sourceFiles(path.join(__dirname, "..", "src"));
  it.each([
    ["fetch(", /\bfetch\s*\(/],
    ["XMLHttpRequest", /XMLHttpRequest/],
    ["WebSocket", /new\s+WebSocket/],
    ["sendBeacon", /sendBeacon/],
    ["EventSource", /EventSource/],
    ["eval(", /\beval\s*\(/],
    ["new Function", /new\s+Function\s*\(/],
  ])("src/ never uses %s", (_name, pattern) => {
    const offenders = files.filter((f) => pattern.test(fs.readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });

  it("the only remote script any page loads is Office.js from Microsoft's CDN", () => {
    const html = files.filter((f) => f.endsWith(".html")).map((f) => fs.readFileSync(f, "utf8"));
    const remote = html.flatMap((h) => [...h.matchAll(/<script[^>]+src="(https?:[^"]+)"/g)].map((m) => m[1]));
    expect(new Set(remote)).toEqual(new Set(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]));
  });
});

describe("lookups keyed by user text", () => {
  const catalog = defaultCatalog();
  it.each(["constructor", "toString", "__proto__", "hasOwnProperty", "prototype", "valueOf"])("%s matches nothing and throws nothing", (text) => {
    expect(matchIndicator(catalog, text).best).toBeNull();
    expect(matchBody(catalog, text).body).toBeNull();
    expect(matchCommune(catalog, text).best).toBeNull();
    expect(matchUnit(catalog, text)).toBeNull();
    expect(splitBodies(catalog, `${text}; ${text}`).every((b) => b.body === null)).toBe(true);
  });

  it("reads a table whose labels and cells are prototype names", () => {
    const r = readTable({
      name: "__proto__",
      values: [
        ["STT", "Nội dung chỉ tiêu", "Đơn vị tính", "Kết quả", "Đơn vị chủ trì", "constructor"],
        [1, "constructor", "__proto__", "toString", "hasOwnProperty", "x"],
      ],
    });
    expect(r.ok && r.table.rows[0].cells.name?.text).toBe("constructor");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("text we write stays text", () => {
  it.each(['=HYPERLINK("http://example.com","x")', "@SUM(A1:A2)", "+cmd|' /C calc'!A0", "-1+2"])("%s is written as a string, not a formula", async (text) => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S");
    applyEdits(wb, [{ op: "setValues", sheet: "S", range: "A1", values: [[text]] }]);
    // Through a real file and back, as Excel would open it.
    const back = await openWorkbook(await workbookBytes(wb), "s.xlsx");
    const snap = snapshotSheet(back.getWorksheet("S")!);
    expect(snap.values[0][0]).toBe(text);
    expect(snap.formulas?.[0]?.[0] ?? null).toBeNull();
  });
});
