#!/usr/bin/env node
/**
 * `npm run build:cli` (and `prepare`, so `npm install` / `npm ci` build it):
 * bundles the command line, src/cli/main.ts, with esbuild into dist/cli/ as ES
 * modules that bin/phuluc.js runs with plain Node (no TypeScript at run time).
 *
 * - Code splitting: each command is imported with import() in main.ts, so it lands
 *   in its own chunk and `phuluc --help` loads only main.mjs and what it needs.
 * - Packages stay external: ExcelJS, fflate, saxes, docx, ... are loaded from
 *   node_modules at run time (they are runtime dependencies in package.json), and
 *   only by the command that needs them.
 * - Only dist/cli/ is replaced; webpack's build keeps it (see `output.clean` in
 *   webpack.config.js), and this build never touches webpack's files.
 *
 * `--if-possible` (used by `prepare`): when esbuild is not installed (an install
 * with --omit=dev), say so and leave dist/cli/ as it is instead of failing the install.
 */
"use strict";

const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const OUT_DIR = path.join(ROOT, "dist", "cli");
const ENTRY = path.join(ROOT, "src", "cli", "main.ts");

/**
 * CommonJS packages the bundle imports, loaded with require() (through createRequire)
 * rather than import: Node imports a CommonJS package into an ES module only after
 * scanning its whole source for the names it exports (cjs-module-lexer), which costs
 * more than loading it (about 0.1 s of CPU for saxes, on every check). They stay
 * external, loaded from node_modules at run time.
 */
const COMMONJS_PACKAGES = ["saxes"];

const requireCommonJs = {
  name: "require-commonjs",
  setup(build) {
    const filter = new RegExp(`^(${COMMONJS_PACKAGES.join("|")})$`);
    build.onResolve({ filter }, (args) => ({ path: args.path, namespace: "require-commonjs" }));
    build.onLoad({ filter: /.*/, namespace: "require-commonjs" }, (args) => {
      // The names the package exports, read from the package itself at build time.
      const names = Object.keys(require(args.path)).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== "default");
      return {
        contents: [
          'import { createRequire } from "node:module";',
          `const m = createRequire(import.meta.url)(${JSON.stringify(args.path)});`,
          "export default m;",
          ...names.map((n) => `export const ${n} = m.${n};`),
        ].join("\n"),
        loader: "js",
      };
    });
  },
};

/** The esbuild options, also used by tests that inspect the chunk graph. */
function buildOptions(outdir = OUT_DIR) {
  return {
    entryPoints: { main: ENTRY },
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    outExtension: { ".js": ".mjs" },
    chunkNames: "chunks/[name]-[hash]",
    packages: "external",
    sourcemap: true,
    metafile: true,
    logLevel: "warning",
    legalComments: "none",
    charset: "utf8",
    plugins: [requireCommonJs],
  };
}

/** Builds dist/cli/ from scratch (stale chunks of an earlier build would otherwise stay). */
async function buildCli(outdir = OUT_DIR) {
  const esbuild = require("esbuild");
  fs.mkdirSync(path.dirname(outdir), { recursive: true });
  // Dot-named siblings: webpack's cleaning of dist/ never removes dot-files.
  const tmp = path.join(path.dirname(outdir), `.cli-new-${process.pid}`);
  fs.rmSync(tmp, { recursive: true, force: true });
  const result = await esbuild.build(buildOptions(tmp));
  fs.writeFileSync(path.join(tmp, "meta.json"), JSON.stringify(result.metafile));
  // Swap in the new build whole, so a command started meanwhile sees the old or the new one.
  const old = path.join(path.dirname(outdir), `.cli-old-${process.pid}`);
  if (fs.existsSync(outdir)) fs.renameSync(outdir, old);
  fs.renameSync(tmp, outdir);
  fs.rmSync(old, { recursive: true, force: true });
  return result;
}

function esbuildInstalled() {
  try {
    require.resolve("esbuild");
    return true;
  } catch {
    return false;
  }
}

if (require.main === module) {
  const ifPossible = process.argv.includes("--if-possible");
  if (ifPossible && !esbuildInstalled()) {
    const built = fs.existsSync(path.join(OUT_DIR, "main.mjs"));
    console.warn(
      `[phuluc-nq57] Không có esbuild (cài đặt bỏ qua gói phát triển?): ${built ? "giữ nguyên dòng lệnh đã dựng trong dist/cli/" : "chưa dựng được dòng lệnh phuluc; hãy chạy npm install đầy đủ rồi npm run build:cli"}.`,
    );
    process.exit(0);
  }
  const started = Date.now();
  buildCli().then(
    () => console.log(`[phuluc-nq57] Đã dựng dòng lệnh vào dist/cli/ (${Date.now() - started} ms).`),
    (e) => {
      console.error(`[phuluc-nq57] Dựng dòng lệnh thất bại: ${e && e.message ? e.message : e}`);
      process.exit(1);
    },
  );
}

module.exports = { buildCli, buildOptions, OUT_DIR };
