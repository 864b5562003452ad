/** The old-webview message: plain ES5 (a real ES5 parse), and before the bundle in the task pane's HTML. */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { parse } from "acorn";

const file = path.join(__dirname, "../src/taskpane/old-webview.js");
const source = fs.readFileSync(file, "utf8");

describe("old-webview.js", () => {
  it("parses as ECMAScript 5", () => {
    expect(() => parse(source, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
    // The check can fail: ES2015 syntax does not parse as ES5.
    expect(() => parse("const x = () => 1;", { ecmaVersion: 5 })).toThrow();
  });

  function runIn(userAgent: string, modern: boolean) {
    const container = { innerHTML: "Đang tải…" };
    const window: Record<string, unknown> = { navigator: { userAgent }, Promise: modern ? Promise : undefined };
    const sandbox = {
      window,
      document: { readyState: "complete", getElementById: () => container, addEventListener: () => undefined },
      Object: modern ? Object : { ...Object, fromEntries: undefined },
      Array: modern ? Array : Object.assign(function () {}, { prototype: {} }),
    };
    vm.runInNewContext(source, sandbox);
    return { container, window };
  }

  it("shows the Vietnamese message in Trident and EdgeHTML, and stays silent in a modern webview", () => {
    const ie = runIn("Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko", false);
    expect(ie.container.innerHTML).toContain("Phiên bản Excel này không chạy được phần bổ trợ");
    expect(ie.container.innerHTML).toContain("trang web ngoại tuyến");
    expect(ie.container.innerHTML).toContain("npx phuluc");
    expect(ie.window.PHULUC_OLD_WEBVIEW).toBe(true);
    const edge = runIn("Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0 Safari/537.36 Edge/18.17763", true);
    expect(edge.container.innerHTML).toContain("Phiên bản Excel này");
    const webview2 = runIn("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0", true);
    expect(webview2.container.innerHTML).toBe("Đang tải…");
    expect(source.normalize("NFC")).toBe(source);
  });

  it("comes before office.js and the bundle in taskpane.html", () => {
    const html = fs.readFileSync(path.join(__dirname, "../src/taskpane/taskpane.html"), "utf8");
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts[0]).toBe("old-webview.js");
    // The bundle is injected by HtmlWebpackPlugin at the end of <head> (defer), after these.
    expect(html.indexOf("old-webview.js")).toBeLessThan(html.indexOf("office.js"));
    const config = fs.readFileSync(path.join(__dirname, "../webpack.config.js"), "utf8");
    expect(config).toContain('from: "src/taskpane/old-webview.js"');
  });
});
