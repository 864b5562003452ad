#!/usr/bin/env node
/**
 * `npm run screenshots`: regenerates the pictures in docs/ and src/help/img/ by running
 * every scripts/screenshots-*.ts in turn (each stream of work keeps its own file).
 * Tests never write them: a test run leaves the tree as it was.
 *
 *   npm run screenshots            all of them
 *   npm run screenshots -- web     only scripts/screenshots-web.ts
 */
"use strict";

const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const only = process.argv.slice(2);
const scripts = fs
  .readdirSync(__dirname)
  .filter((f) => /^screenshots-.+\.ts$/.test(f))
  .filter((f) => !only.length || only.some((o) => f === `screenshots-${o}.ts`))
  .sort();
if (!scripts.length) {
  process.stderr.write(`Không có tập lệnh chụp ảnh nào${only.length ? ` tên ${only.join(", ")}` : ""} trong scripts/.\n`);
  process.exit(2);
}
const tsx = path.join(__dirname, "..", "node_modules", "tsx", "dist", "cli.mjs");
for (const s of scripts) {
  process.stdout.write(`▶ ${s}\n`);
  execFileSync(process.execPath, [tsx, path.join(__dirname, s)], { stdio: "inherit" });
}
