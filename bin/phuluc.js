#!/usr/bin/env node
// Runs the command line built into dist/cli/ (scripts/build-cli.js, run by `npm install`
// and `npm run build:cli`) with plain Node: no TypeScript compiler at run time.
// During development, `npm run phuluc:dev -- …` runs the sources in src/ through tsx.
"use strict";
const path = require("node:path");
const { pathToFileURL } = require("node:url");

const fail = (message) => {
  process.stderr.write(`${message}\n`);
  process.exit(2);
};

const entry = path.join(__dirname, "..", "dist", "cli", "main.mjs");
import(pathToFileURL(entry).href).then(
  ({ main }) =>
    main(process.argv.slice(2)).then(
      (code) => process.exit(code),
      (e) => fail(`Lỗi không mong đợi: ${e && e.message ? e.message : e}`),
    ),
  (e) =>
    fail(
      e && e.code === "ERR_MODULE_NOT_FOUND" && String(e.message).includes(entry)
        ? `Dòng lệnh phuluc chưa được dựng (thiếu ${entry}).\nHãy chạy "npm install" hoặc "npm run build:cli" trong thư mục dự án.`
        : `Không nạp được dòng lệnh phuluc: ${e && e.message ? e.message : e}`,
    ),
);
