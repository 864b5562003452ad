// Preloaded by `npm run bench` (node --require) into one run of the command line:
// writes the process's peak resident memory, in bytes, to $PHULUC_BENCH_RSS on exit.
"use strict";
process.on("exit", () => {
  require("node:fs").writeFileSync(process.env.PHULUC_BENCH_RSS, String(process.resourceUsage().maxRSS * 1024));
});
