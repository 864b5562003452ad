/**
 * End-to-end harness: build the page once, serve dist/ on 127.0.0.1, drive Debian's
 * Chromium with playwright-core, and record every request that leaves the page's
 * own origin (the tests fail on any).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import type { AddressInfo } from "net";
import { chromium, type Browser, type Page } from "playwright-core";

export const ROOT = path.resolve(__dirname, "..", "..");
export const DIST = path.join(ROOT, "dist");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
};

/** What the bundle is built from: a change to any of these makes dist/ stale. */
const INPUTS = ["src", "assets", "manifest.xml", "webpack.config.js", "package.json", "package-lock.json", "scripts/manifest-urls.js"];
const STAMP = path.join(DIST, ".e2e-build");
const PUBLIC_URL = "https://phuluc.example.vn/";

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(p).reduce((m, e) => Math.max(m, newestMtime(path.join(p, e))), st.mtimeMs);
}

/** dist/ was built by this harness after the last change to its inputs. */
function fresh(): boolean {
  if (!fs.existsSync(STAMP) || fs.readFileSync(STAMP, "utf8") !== PUBLIC_URL) return false;
  const built = fs.statSync(STAMP).mtimeMs;
  return INPUTS.every((i) => newestMtime(path.join(ROOT, i)) < built);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Build the production bundle, once: several e2e files call this from parallel jest
 * workers, and two webpack runs into one dist/ (which webpack cleans first) would
 * break each other. A lock file makes them take turns; whoever comes second finds
 * dist/ fresh and reuses it. PHULUC_E2E_NO_BUILD skips the build when dist/ exists.
 */
export function build(): void {
  if (process.env.PHULUC_E2E_NO_BUILD && fs.existsSync(path.join(DIST, "web", "index.html"))) return;
  const lock = path.join(ROOT, "tmp", "e2e-build.lock");
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      fs.closeSync(fs.openSync(lock, "wx"));
      break;
    } catch {
      // A lock left by a killed run is older than any build takes.
      if (fs.existsSync(lock) && Date.now() - fs.statSync(lock).mtimeMs > 10 * 60_000) fs.rmSync(lock, { force: true });
      sleep(500);
    }
  }
  try {
    if (fresh()) return;
    execFileSync(process.execPath, [path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production"], {
      cwd: ROOT,
      stdio: "pipe",
      env: { ...process.env, ADDIN_PUBLIC_URL: PUBLIC_URL },
    });
    fs.writeFileSync(STAMP, PUBLIC_URL);
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

export async function serve(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const file = path.normalize(path.join(DIST, decodeURIComponent(url.pathname)));
    if (!file.startsWith(DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_FLAGS, headless: true });
}

/** A page that records requests to any origin other than `origin`. */
export async function openPage(browser: Browser, origin: string, width = 1280): Promise<{ page: Page; foreign: string[]; errors: string[] }> {
  // Reduced motion, as a person who asks their system for it gets: Fluent's accordion then
  // opens a section in 1 ms instead of sliding it open for ~250 ms. While it slides, the
  // section's buttons move under the pointer; on a loaded machine Playwright's "stable"
  // check (two equal frames) can pass mid-slide, its mousedown lands on the button and its
  // mouseup 10–20 ms later on the label the slide has moved there, and the browser sends
  // the click to their common parent: the command never runs and the test waits forever
  // for its outcome (seen as "compute / consolidation / Xuất Word never answered").
  const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true, locale: "vi-VN", reducedMotion: "reduce" });
  const page = await context.newPage();
  const foreign: string[] = [];
  const errors: string[] = [];
  page.on("request", (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith("blob:") && !u.startsWith("data:")) foreign.push(u);
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  return { page, foreign, errors };
}
