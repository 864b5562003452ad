#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so the command line is always
// the code in src/: no build step to forget.
require("tsx/cjs");
const { main } = require("../src/cli/main.ts");
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`Lỗi không mong đợi: ${e && e.message ? e.message : e}\n`);
    process.exit(2);
  },
);
