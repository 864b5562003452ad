// Yardstick for `npm run bench`: a fresh Node process that loads the given .xlsx files
// with ExcelJS and does nothing else, the bare cost the check and consolidate
// commands are compared with, process to process.
"use strict";
const fs = require("node:fs");
const ExcelJS = require("exceljs");

(async () => {
  for (const file of process.argv.slice(2)) await new ExcelJS.Workbook().xlsx.load(await fs.promises.readFile(file));
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
