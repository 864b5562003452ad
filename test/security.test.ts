/**
 * Checks behind SECURITY.md's claims that need no browser: our code opens no
 * network connection and evaluates no strings; user text cannot reach prototype
 * properties; text we write never becomes a formula.
 */
import * as fs from "fs";
import * as path from "path";
import { defaultCatalog } from "../src/domain/catalog";
import { matchBody, matchCommune, matchIndicator, matchUnit, splitBodies } from "../src/domain/match";
import { readTable } from "../src/domain/reader";
import { applyEdits, newWorkbook, workbookBytes } from "../src/hosts/file/apply";
import { readWorkbook } from "../src/hosts/file/read";

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
    const wb = await newWorkbook();
    applyEdits(wb, [
      { op: "addSheet", sheet: "S" },
      { op: "setValues", sheet: "S", range: "A1", values: [[text]] },
    ]);
    // Through a real file and back, as Excel would open it.
    const snap = (await readWorkbook(await workbookBytes(wb), "s.xlsx")).sheets[0];
    expect(snap.values[0][0]).toBe(text);
    expect(snap.formulas?.[0]?.[0] ?? null).toBeNull();
  });
});

describe("every address our code names", () => {
  it("is Microsoft's (Office.js and its telemetry, allowed in the task pane's CSP); no other host appears anywhere in src/", () => {
    const files = sourceFiles(path.join(__dirname, "..", "src"));
    const found = files.flatMap((f) => [...fs.readFileSync(f, "utf8").matchAll(/https?:\/\/[^\s"'`)<>;]+/g)].map((m) => ({ file: f, url: m[0] })));
    // XML namespace names (Office Open XML, Dublin Core, XML Schema) are identifiers written into
    // files, never fetched; they belong to the hosts' package code only.
    const namespace = /^http:\/\/(schemas\.openxmlformats\.org\/|purl\.oclc\.org\/ooxml\/|schemas\.microsoft\.com\/office\/|purl\.org\/dc\/|www\.w3\.org\/(2001\/XMLSchema-instance|XML\/1998\/namespace)$)/;
    const hosts = path.join(__dirname, "..", "src", "hosts") + path.sep;
    for (const { file, url } of found.filter((x) => namespace.test(x.url))) expect({ url, inHosts: file.startsWith(hosts) }).toEqual({ url, inHosts: true });
    const urls = new Set(found.filter((x) => !namespace.test(x.url)).map((x) => x.url));
    for (const u of urls) expect(u).toMatch(/^https:\/\/(appsforoffice\.microsoft\.com(\/lib\/1\/hosted\/office\.js)?|ajax\.aspnetcdn\.com|\*\.(aria|events\.data)\.microsoft\.com)$/);
    expect(urls.size).toBeGreaterThan(0);
  });
});

describe("more lookups keyed by user text", () => {
  it.each(["constructor", "toString", "__proto__", "hasOwnProperty"])("`phuluc %s` is an unknown command, not a crash", async (name) => {
    const { main } = await import("../src/cli/main");
    const err: string[] = [];
    const io = { out: () => undefined, err: (t: string) => void err.push(t), readFile: async () => new Uint8Array(), writeFile: async () => undefined, exists: () => false, today: () => "2026-06-30" };
    expect(await main([name], io)).toBe(2);
    expect(err.join("\n")).toMatch(new RegExp(`^Không có lệnh "${name}"\\.`));
  });

  it("defined names called __proto__ or constructor stay ordinary entries of the workbook's names", async () => {
    const { ExcelHost } = await import("../src/hosts/excel/host");
    const { SimWorkbook: FakeWorkbook, installExcelGlobals } = await import("./sim/excel");
    installExcelGlobals();
    const wb = new FakeWorkbook([{ name: "S", values: [["x"]] }]);
    wb.names.push({ name: "__proto__", formula: "=S!$A$1" }, { name: "constructor", formula: "=S!$A$2" });
    const { workbook } = await new ExcelHost(wb.run, wb.supports).readSheet("S");
    expect(Object.keys(workbook.names)).toEqual(["__proto__", "constructor"]);
    expect(workbook.names["__proto__"]).toBe("=S!$A$1");
    expect(Object.getPrototypeOf(workbook.names)).toBe(Object.prototype);
  });

  it("an Office.js error code named like a prototype property gets the generic message", async () => {
    const { officeErrorMessage } = await import("../src/hosts/excel/errors");
    for (const code of ["constructor", "toString", "__proto__"]) expect(officeErrorMessage({ code })).toMatch(/^Excel báo lỗi khi thực hiện thao tác\./);
  });
});

describe("what the add-in reads", () => {
  it("in Excel, only the sheets a command asks for (and every sheet's name and protection, to check the plan)", async () => {
    const { ExcelHost } = await import("../src/hosts/excel/host");
    const { SimWorkbook: FakeWorkbook, installExcelGlobals } = await import("./sim/excel");
    installExcelGlobals();
    const wb = new FakeWorkbook([
      { name: "Chỉ tiêu", values: [["STT", "Nội dung"]] },
      { name: "Riêng tư", values: [["Lương", 12_000_000]] },
    ]);
    const asked: string[] = [];
    const run = <T,>(options: { delayForCellEdit?: boolean }, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
      wb.run(options, (context: Excel.RequestContext) => {
        const sheets = context.workbook.worksheets;
        const getItem = sheets.getItem.bind(sheets);
        (sheets as unknown as { getItem: (n: string) => unknown }).getItem = (n: string) => (asked.push(n), getItem(n));
        return batch(context);
      });
    const { sheet } = await new ExcelHost(run, wb.supports).readSheet("Chỉ tiêu");
    expect(asked).toEqual(["Chỉ tiêu"]);
    expect(JSON.stringify(sheet)).not.toContain("Lương");
  });
});
