/**
 * What SECURITY.md says about the built bundle, checked on the built bundle (dist/,
 * built once by the e2e harness and shared with web.test.ts):
 *
 * - the pages load only their own scripts, with a Content-Security-Policy that has
 *   no 'unsafe-eval' and no 'unsafe-inline' for scripts, and no inline script;
 * - no chunk calls a network API (fetch, XMLHttpRequest, WebSocket, sendBeacon, EventSource);
 * - no chunk contains eval(); the Function constructor appears only in webpack's
 *   global-object shim of the start-up chunks, which a browser with `globalThis` never
 *   reaches (so the CSP without 'unsafe-eval' does not break reading files: web.test.ts
 *   reads .xlsx under it);
 * - the package layer (zip and XML) is not in any chunk loaded at start-up;
 * - the manifest asks for ReadWriteDocument and nothing more.
 */
import * as fs from "fs";
import * as path from "path";
import { build, DIST } from "./harness";

jest.setTimeout(240_000);

let pages: { file: string; html: string }[] = [];
let chunks: { file: string; code: string }[] = [];

beforeAll(() => {
  build();
  pages = ["taskpane.html", "commands.html", "web/index.html"].map((f) => ({ file: f, html: fs.readFileSync(path.join(DIST, f), "utf8") }));
  chunks = fs
    .readdirSync(DIST)
    .filter((f) => f.endsWith(".js"))
    .map((f) => ({ file: f, code: fs.readFileSync(path.join(DIST, f), "utf8") }));
});

/** The scripts a page loads by itself (<script src>), as dist file names. */
function startupScripts(html: string): string[] {
  // The built HTML is minified: attribute values may be unquoted.
  return [...html.matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|([^\s>]+))/g)]
    .map((m) => m[1] ?? m[2])
    .filter((src) => !/^https?:/.test(src))
    .map((src) => path.basename(src));
}

function csp(html: string): Record<string, string[]> {
  const content = html.match(/http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/)?.[1];
  if (!content) throw new Error("no Content-Security-Policy");
  return Object.fromEntries(
    content
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
}

/** Every call of eval or of the Function constructor, with the code around it. */
function dynamicCode(code: string): { at: number; text: string; before: string }[] {
  const out: { at: number; text: string; before: string }[] = [];
  for (const m of code.matchAll(/(?<![\w$.])(eval|Function)\s*\(/g)) {
    out.push({ at: m.index!, text: code.slice(m.index!, m.index! + 40), before: code.slice(Math.max(0, m.index! - 200), m.index!) });
  }
  return out;
}

describe("the built pages", () => {
  it.each(["taskpane.html", "commands.html", "web/index.html"])("%s: a CSP without eval or inline scripts, and no inline script", (file) => {
    const { html } = pages.find((p) => p.file === file)!;
    const policy = csp(html);
    const scripts = policy["script-src"] ?? policy["default-src"];
    expect(scripts).toContain("'self'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(policy["object-src"]).toEqual(["'none'"]);
    // No <script> with a body: every script is a file.
    expect([...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].filter((m) => m[1].trim() !== "")).toEqual([]);
    expect(html).not.toMatch(/\son[a-z]+=/i); // no inline event handlers
  });

  it("the web page may connect nowhere; the task pane only to Microsoft (Office.js)", () => {
    expect(csp(pages.find((p) => p.file === "web/index.html")!.html)["connect-src"]).toEqual(["'none'"]);
    const pane = csp(pages.find((p) => p.file === "taskpane.html")!.html);
    for (const origin of pane["connect-src"]) expect(origin).toMatch(/^('self'|https:\/\/([\w*-]+\.)*microsoft\.com)$/);
    for (const origin of pane["script-src"]) expect(origin).toMatch(/^('self'|https:\/\/appsforoffice\.microsoft\.com|https:\/\/ajax\.aspnetcdn\.com)$/);
  });

  it("the package layer (zip and XML) is loaded only on demand, never at start-up; ExcelJS is in no chunk", () => {
    const startup = new Set(pages.flatMap((p) => startupScripts(p.html)));
    expect(startup.size).toBeGreaterThan(0);
    const xlsx = chunks.filter((c) => c.code.includes("spreadsheetml.sheet.main+xml"));
    expect(xlsx.map((c) => c.file)).toEqual([expect.stringMatching(/^xlsx\.[0-9a-f]+\.js$/)]);
    for (const c of xlsx) expect(startup.has(c.file)).toBe(false);
    expect(chunks.filter((c) => c.code.includes("exceljs")).map((c) => c.file)).toEqual([]);
  });
});

describe("the built scripts", () => {
  it("call no network API", () => {
    for (const c of chunks) {
      expect({ file: c.file, hits: c.code.match(/\bfetch\s*\(|XMLHttpRequest|\bWebSocket\b|sendBeacon|\bEventSource\b/g) ?? [] }).toEqual({ file: c.file, hits: [] });
    }
  });

  it("contain no eval(), and the Function constructor only where it is never reached", () => {
    const startup = new Set(pages.flatMap((p) => startupScripts(p.html)));
    const unexplained: string[] = [];
    let explained = 0;
    for (const c of chunks) {
      for (const hit of dynamicCode(c.code)) {
        // webpack's runtime (__webpack_require__.g): returns globalThis before the try. Nothing
        // else: the lazy chunk (the package layer, fflate, saxes) has no dynamic code at all.
        const ok =
          startup.has(c.file) && /if\("object"==typeof globalThis\)return globalThis;try\{return this\|\|new $/.test(hit.before) && hit.text.startsWith('Function("return this")');
        if (ok) explained++;
        else unexplained.push(`${c.file}@${hit.at}: …${hit.before.slice(-80)}${hit.text}`);
      }
    }
    expect(unexplained).toEqual([]);
    // The bundle does contain that spot (the task pane's and the page's runtimes): this test is looking at the right code.
    expect(explained).toBeGreaterThanOrEqual(2);
  });
});

describe("the manifest", () => {
  it("asks for ReadWriteDocument and nothing more", () => {
    const xml = fs.readFileSync(path.join(DIST, "manifest.xml"), "utf8");
    expect([...xml.matchAll(/<Permissions>([^<]*)<\/Permissions>/g)].map((m) => m[1])).toEqual(["ReadWriteDocument"]);
  });
});
