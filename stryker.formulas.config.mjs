// Mutation testing of the sheet formulas the compute command writes (issue 18):
// achieve-formulas.ts and status-formulas.ts, each mutant recalculated by LibreOffice
// (jest.stryker-formulas.config.js). Formula text is a string to Jest, so these two
// modules are measured here and not by `npm run mutate` (stryker.config.mjs).
// `npm run mutate:formulas`; reports in reports/mutation-formulas/.
import base from "./stryker.config.mjs";

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  jest: { projectType: "custom", configFile: "jest.stryker-formulas.config.js", enableFindRelatedTests: false },
  // The formulas are built in each suite's beforeAll, which per-test coverage does not see.
  coverageAnalysis: "all",
  timeoutMS: 120000,
  // Narrow a run with `-- --mutate src/domain/status-formulas.ts`.
  mutate: ["src/domain/achieve-formulas.ts", "src/domain/status-formulas.ts"],
  tempDirName: ".stryker-tmp-formulas", // so that it can run beside `npm run mutate`
  htmlReporter: { fileName: "reports/mutation-formulas/index.html" },
  jsonReporter: { fileName: "reports/mutation-formulas/mutation.json" },
};
