// Mutation testing of the sheet formulas the compute command writes (issue 18): the
// functions that build formula text in achieve.ts and status.ts, each mutant recalculated by
// LibreOffice (jest.stryker-formulas.config.js). About 40 s a mutant on two cores.
// `npm run mutate:formulas`; reports in reports/mutation-formulas/. The rest of
// achieve.ts and status.ts is measured by `npm run mutate` (stryker.config.mjs).
import base from "./stryker.config.mjs";

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  jest: { projectType: "custom", configFile: "jest.stryker-formulas.config.js", enableFindRelatedTests: false },
  // The formulas are built in each suite's beforeAll, which per-test coverage does not see.
  coverageAnalysis: "all",
  timeoutMS: 120000,
  // The formula builders: achieve's result and verdict formulas; status's date helpers,
  // flag and monthly due date. Narrow a run with `-- --mutate src/domain/status.ts:242-274`.
  mutate: ["src/domain/achieve.ts:191-206", "src/domain/achieve.ts:220-352", "src/domain/status.ts:110-138", "src/domain/status.ts:242-274"],
  htmlReporter: { fileName: "reports/mutation-formulas/index.html" },
  jsonReporter: { fileName: "reports/mutation-formulas/mutation.json" },
};
