/**
 * Deployment hygiene: a production build refuses to run without ADDIN_PUBLIC_URL
 * (it would ship a manifest pointing at a placeholder), webpack's cleaning of dist/
 * keeps the command line's build, the development server's fallback to an untrusted
 * certificate says what that breaks and how to fix it, and `npm start` announces the
 * server only once the bundle is served.
 */
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import type { AddressInfo } from "net";

/** What these tests read of the webpack configuration. */
interface Config {
  output: { clean: { keep: RegExp } };
  plugins: object[];
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig: (env: Record<string, unknown>, argv: { mode: string }) => Promise<Config> = require("../webpack.config.js");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { httpsOptions } = require("../scripts/dev-certs");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { waitForBundle } = require("../scripts/wait-for-bundle");

describe("webpack.config.js", () => {
  const saved = process.env.ADDIN_PUBLIC_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.ADDIN_PUBLIC_URL;
    else process.env.ADDIN_PUBLIC_URL = saved;
  });

  it("refuses a production build without ADDIN_PUBLIC_URL, saying what to set", async () => {
    delete process.env.ADDIN_PUBLIC_URL;
    await expect(webpackConfig({}, { mode: "production" })).rejects.toThrow(/ADDIN_PUBLIC_URL.*npm run build:web/s);
    process.env.ADDIN_PUBLIC_URL = "   ";
    await expect(webpackConfig({}, { mode: "production" })).rejects.toThrow(/ADDIN_PUBLIC_URL/);
  });

  it("builds for production with ADDIN_PUBLIC_URL, and the offline page alone without a manifest", async () => {
    process.env.ADDIN_PUBLIC_URL = "https://phuluc.example.vn/";
    const withUrl = await webpackConfig({}, { mode: "production" });
    const copies = (c: Config) =>
      c.plugins.filter((p) => p.constructor.name === "CopyPlugin").flatMap((p) => (p as { patterns: { from: string }[] }).patterns.map((x) => x.from));
    expect(copies(withUrl)).toContain("manifest*.xml");

    delete process.env.ADDIN_PUBLIC_URL;
    const offline = await webpackConfig({ offline: true }, { mode: "production" });
    expect(copies(offline)).not.toContain("manifest*.xml");
    // Development builds need no public URL.
    await expect(webpackConfig({}, { mode: "development" })).resolves.toBeDefined();
  });

  it("cleans dist/ but keeps dist/cli/, the command line's build", async () => {
    const { keep } = (await webpackConfig({}, { mode: "development" })).output.clean;
    for (const kept of ["cli", "cli/main.mjs", "cli/chunks/check-ABC.mjs"]) expect([kept, keep.test(kept)]).toEqual([kept, true]);
    for (const cleaned of ["taskpane.js", "client.js", "clinic/x.js", "web/index.html"]) expect([cleaned, keep.test(cleaned)]).toEqual([cleaned, false]);
  });
});

describe("development certificate (scripts/dev-certs.js)", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-certs-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const failing = { getHttpsServerOptions: () => Promise.reject(new Error("Unable to install the CA certificate. sudo: not found\nmore")) };

  it("serves the generated certificate when trusting it failed, and says Excel on the desktop will refuse it and how to trust it", async () => {
    fs.writeFileSync(path.join(dir, "ca.crt"), "CA");
    fs.writeFileSync(path.join(dir, "localhost.crt"), "CRT");
    fs.writeFileSync(path.join(dir, "localhost.key"), "KEY");
    const warnings: string[] = [];
    const o = await httpsOptions({ devCerts: failing, dir, port: 3000, warn: (m: string) => warnings.push(m) });
    expect([String(o.ca), String(o.cert), String(o.key)]).toEqual(["CA", "CRT", "KEY"]);
    expect(warnings).toHaveLength(1);
    const w = warnings[0];
    expect(w).toContain("sudo: not found");
    expect(w).not.toContain("more");
    expect(w).toMatch(/Excel trên máy tính .* sẽ KHÔNG nạp ngăn tác vụ/);
    expect(w).toContain("npx office-addin-dev-certs install");
    expect(w).toContain(path.join(dir, "ca.crt"));
    expect(w).toContain("quyền quản trị");
    expect(w.normalize("NFC")).toBe(w);
  });

  it("passes the failure on when no certificate was generated", async () => {
    await expect(httpsOptions({ devCerts: failing, dir, warn: () => undefined })).rejects.toThrow(/sudo: not found/);
  });

  it("uses the trusted certificate without a word when there is one", async () => {
    const warnings: string[] = [];
    const o = await httpsOptions({ devCerts: { getHttpsServerOptions: async () => ({ ca: "a", key: "k", cert: "c", extra: 1 }) }, dir, warn: (m: string) => warnings.push(m) });
    expect(o).toEqual({ ca: "a", key: "k", cert: "c" });
    expect(warnings).toEqual([]);
  });
});

describe("waitForBundle (npm start announces the server only when the bundle is served)", () => {
  it("keeps asking while the port is closed and while the page is not served, and resolves on the first 200", async () => {
    // Find a free port, then start polling it before anything listens there.
    const probe = http.createServer();
    await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
    const { port } = probe.address() as AddressInfo;
    await new Promise((r) => probe.close(r));

    const answers: number[] = [];
    let ready = false;
    const server = http.createServer((req, res) => {
      const status = answers.length < 3 ? 503 : 200; // webpack still compiling, then done
      answers.push(status);
      if (status === 200) expect(req.url).toBe("/taskpane.html");
      res.writeHead(status).end();
    });
    const waiting = waitForBundle(`http://127.0.0.1:${port}/taskpane.html`, { intervalMs: 20 }).then((r: boolean) => {
      ready = r;
      return r;
    });
    await new Promise((r) => setTimeout(r, 100)); // a few refused connections first
    expect(ready).toBe(false);
    await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
    try {
      expect(await waiting).toBe(true);
      expect(answers).toEqual([503, 503, 503, 200]);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it("gives up without announcing anything when the server process has exited", async () => {
    let calls = 0;
    const r = await waitForBundle("http://127.0.0.1:9/taskpane.html", { intervalMs: 1, shouldStop: () => ++calls > 3 });
    expect(r).toBe(false);
  });
});
