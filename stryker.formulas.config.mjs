// Mutation testing of the sheet formulas the compute command writes (issue 18): the
// functions that build formula text in achieve.ts, each mutant recalculated by
// LibreOffice (jest.stryker-formulas.config.js). About 40 s a mutant on two cores.
// `npm run mutate:formulas`; reports in reports/mutation-formulas/. The rest of
// achieve.ts is measured by `npm run mutate` (stryker.config.mjs).
import base from "./stryker.config.mjs";

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  jest: { projectType: "custom", configFile: "jest.stryker-formulas.config.js", enableFindRelatedTests: false },
  // The formulas are built in each suite's beforeAll, which per-test coverage does not see.
  coverageAnalysis: "all",
  timeoutMS: 120000,
  mutate: ["src/domain/achieve.ts:191-206", "src/domain/achieve.ts:220-352"],
  htmlReporter: { fileName: "reports/mutation-formulas/index.html" },
  jsonReporter: { fileName: "reports/mutation-formulas/mutation.json" },
};
