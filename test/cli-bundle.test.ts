/**
 * The command line people run: bin/phuluc.js over the bundle in dist/cli/ (built by
 * scripts/build-cli.js; jest's global setup builds it from the current sources).
 *
 * - `phuluc --help` loads no package at all (no zip, XML, workbook, React or docx
 *   code): every module Node loads is recorded by a module-loading hook.
 * - The bundle runs with only the runtime dependencies, as after
 *   `npm prune --omit=dev`: a copy of the project holding bin/, dist/cli/ and the
 *   packages package-lock.json does not mark as development-only (the set that prune
 *   keeps), hard-linked from node_modules.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { seedWorkbook } from "./xlsx";
import { seedDocx } from "./docx";

const ROOT = path.resolve(__dirname, "..");
const BIN = path.join(ROOT, "bin", "phuluc.js");
// Under the repository's own tmp/ (ignored by git): on the same file system as
// node_modules, so the pruned copy can hard-link instead of copying ~500 MB.
const WORK = path.join(ROOT, "tmp", `cli-bundle-${process.pid}`);

beforeAll(() => fs.mkdirSync(WORK, { recursive: true }));
afterAll(() => fs.rmSync(WORK, { recursive: true, force: true }));

/** Runs `node [--import recorder] bin args…` and returns what it printed and which modules it loaded. */
function runRecorded(bin: string, args: string[], cwd = WORK) {
  const hook = path.join(WORK, "record-loads.mjs");
  const register = path.join(WORK, "register.mjs");
  fs.writeFileSync(
    hook,
    [
      'import { appendFileSync } from "node:fs";',
      "export async function load(url, context, next) {",
      '  appendFileSync(process.env.PHULUC_LOAD_LOG, url + "\\n");',
      "  return next(url, context);",
      "}",
    ].join("\n"),
  );
  fs.writeFileSync(register, 'import { register } from "node:module";\nregister("./record-loads.mjs", import.meta.url);\n');
  const log = path.join(WORK, `loads-${Math.random().toString(36).slice(2)}.txt`);
  fs.writeFileSync(log, "");
  const r = spawnSync(process.execPath, ["--import", register, bin, ...args], {
    cwd,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, PHULUC_LOAD_LOG: log },
  });
  const loaded = fs.readFileSync(log, "utf8").split("\n").filter(Boolean);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, loaded };
}

const packagesIn = (urls: string[]) => urls.filter((u) => u.includes("/node_modules/"));

describe("bin/phuluc.js over the built bundle", () => {
  it("prints the help without loading any package", () => {
    const r = runRecorded(BIN, ["--help"]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("Cách dùng: npx phuluc <lệnh>");
    expect(r.loaded.some((u) => u.endsWith("/dist/cli/main.mjs"))).toBe(true);
    expect(packagesIn(r.loaded)).toEqual([]);
    // No command's chunk either: commands are loaded only when asked for.
    expect(r.loaded.filter((u) => /\/(insert|check|compute|consolidate)-[A-Z0-9]+\.mjs$/.test(u))).toEqual([]);
  });

  it("loads the packages a command needs when that command runs (the recorder sees them)", async () => {
    const file = path.join(WORK, "Nhơn Trạch.xlsx");
    fs.writeFileSync(file, await seedWorkbook("000"));
    const r = runRecorded(BIN, ["check", file]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.loaded.some((u) => /\/check-[A-Z0-9]+\.mjs$/.test(u))).toBe(true);
    expect(packagesIn(r.loaded).length).toBeGreaterThan(0);
  });

  it("loads the Word reader only for a Word document, not to check a workbook", async () => {
    // The chunk that holds the Word reader, as the build's metafile names it.
    const meta = JSON.parse(fs.readFileSync(path.join(ROOT, "dist", "cli", "meta.json"), "utf8")) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
    const chunk = Object.entries(meta.outputs).find(([out, o]) => out.endsWith(".mjs") && "src/hosts/docx/read.ts" in o.inputs)![0];
    const isWordReader = (u: string) => u.endsWith("/" + path.basename(chunk));
    const workbook = path.join(WORK, "Minh Hưng.xlsx");
    fs.writeFileSync(workbook, await seedWorkbook("002"));
    const document = path.join(WORK, "Minh Hưng.docx");
    fs.writeFileSync(document, seedDocx("002"));
    const fromWorkbook = runRecorded(BIN, ["check", workbook, "--as-of", "2026-11-30"]);
    const fromDocument = runRecorded(BIN, ["check", document, "--as-of", "2026-11-30"]);
    expect([fromWorkbook.stderr, fromDocument.stderr]).toEqual(["", ""]);
    expect([fromWorkbook.stdout, fromDocument.stdout].map((s) => s.includes("Phường Minh Hưng"))).toEqual([true, true]);
    expect(fromWorkbook.loaded.filter(isWordReader)).toEqual([]);
    expect(fromDocument.loaded.filter(isWordReader).length).toBe(1);
  });

  it("says how to build it when dist/cli/ is missing", () => {
    const copy = path.join(WORK, "unbuilt");
    fs.mkdirSync(path.join(copy, "bin"), { recursive: true });
    fs.copyFileSync(BIN, path.join(copy, "bin", "phuluc.js"));
    const r = spawnSync(process.execPath, [path.join(copy, "bin", "phuluc.js"), "--help"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("chưa được dựng");
    expect(r.stderr).toContain("npm run build:cli");
  });
});

/** Hard-links a package's files (not its nested node_modules: those are packages of their own). */
function linkPackage(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    if (e.name === "node_modules") continue;
    const s = path.join(from, e.name);
    const t = path.join(to, e.name);
    if (e.isDirectory()) linkPackage(s, t);
    else if (e.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(s), t);
    else {
      try {
        fs.linkSync(s, t);
      } catch {
        fs.copyFileSync(s, t); // another file system (EXDEV)
      }
    }
  }
}

describe("the built command line with runtime dependencies only (as after npm prune --omit=dev)", () => {
  const project = path.join(WORK, "pruned");

  beforeAll(() => {
    const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as {
      packages: Record<string, { dev?: boolean }>;
    };
    const modules = fs.realpathSync(path.join(ROOT, "node_modules"));
    for (const [key, entry] of Object.entries(lock.packages)) {
      if (!key || entry.dev) continue; // "" is the project itself; dev-only packages are what prune removes
      const from = path.join(modules, key.slice("node_modules/".length));
      if (fs.existsSync(from)) linkPackage(from, path.join(project, key)); // other platforms' optional binaries are absent
    }
    for (const dev of ["tsx", "esbuild", "typescript", "jest"]) expect(fs.existsSync(path.join(project, "node_modules", dev))).toBe(false);
    fs.cpSync(path.join(ROOT, "bin"), path.join(project, "bin"), { recursive: true });
    fs.cpSync(path.join(ROOT, "dist", "cli"), path.join(project, "dist", "cli"), { recursive: true });
    fs.copyFileSync(path.join(ROOT, "package.json"), path.join(project, "package.json"));
  });

  it("checks a workbook, inserts an appendix and consolidates two files", async () => {
    const bin = path.join(project, "bin", "phuluc.js");
    const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: project, encoding: "utf8", timeout: 60_000 });

    const help = run("--help");
    expect([help.status, help.stderr]).toEqual([0, ""]);

    const withErrors = path.join(WORK, "Minh Hưng.xlsx");
    fs.writeFileSync(withErrors, await seedWorkbook("002"));
    const checked = run("check", withErrors, "--json");
    expect(checked.stderr).toBe("");
    expect(checked.status).toBe(1);
    expect(JSON.parse(checked.stdout).sheets.map((s: { name: string }) => s.name)).toEqual(["Phụ lục I", "Phụ lục II"]);

    const inserted = path.join(WORK, "Tân Lợi.xlsx");
    const ins = run("insert", "--xa", "Tân Lợi", "--nam", "2026", "-o", inserted);
    expect([ins.status, ins.stderr]).toEqual([0, ""]);
    expect(fs.statSync(inserted).size).toBeGreaterThan(0);

    const merged = path.join(WORK, "tong-hop.xlsx");
    const cons = run("consolidate", withErrors, inserted, "-o", merged, "--as-of", "2026-11-30");
    expect(cons.stderr).toBe("");
    expect(cons.status).toBe(0);
    expect(fs.existsSync(merged)).toBe(true);
  });
});
