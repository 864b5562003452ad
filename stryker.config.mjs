// Mutation testing of the rules that decide verdicts, flags and edits (issue 18).
// `npm run mutate` runs it all (hours on two shared cores: outside CI);
// `npm run mutate -- --mutate src/domain/status.ts` runs one module while you work, and
// `--ignoreStatic` leaves out the mutants of module-level tables, which rerun every test
// (about 80% of a run's time for 17% of the mutants).
// Equivalent mutants are marked in the source with `// Stryker disable next-line <mutator>: why`.
// Reports: reports/mutation/index.html and reports/mutation/mutation.json.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: "npm",
  testRunner: "jest",
  jest: { projectType: "custom", configFile: "jest.stryker.config.js", enableFindRelatedTests: true },
  checkers: ["typescript"],
  tsconfigFile: "tsconfig.json",
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: "perTest",
  concurrency: 1, // two cores, shared with other work
  timeoutMS: 10000,
  mutate: [
    "src/domain/target.ts",
    "src/domain/deadline.ts",
    "src/domain/status.ts",
    "src/domain/achieve.ts",
    "src/domain/reader.ts",
    "src/domain/match.ts",
    "src/domain/validate.ts",
    "src/domain/validate/indicators.ts",
    "src/domain/validate/tasks.ts",
    "src/domain/validate/structure.ts",
    "src/domain/validate/bodies.ts",
    "src/domain/consolidate/summary.ts",
    "src/hosts/file/package/workbook-write.ts",
    "src/hosts/file/package/sheet-write.ts",
  ],
  ignorePatterns: ["dist", "reports", "coverage", ".stryker-tmp*"],
  reporters: ["html", "json", "clear-text", "progress"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
};
