/**
 * Jest for Stryker (`npm run mutate`): the fast tests of the modules that decide
 * verdicts, flags and edits, so each mutant runs in seconds. Left out: the suites that
 * start LibreOffice, Chromium or the built command (they hold formulas and the
 * bundle to the same hand-written values, and `npm test` runs them), and the slow
 * end-to-end suites, and security.test.ts (it scans the source, which Stryker
 * instruments); no global setup, since nothing here runs dist/cli. The edit
 * application is held here by test/file-edits.test.ts (every edit, read back by ExcelJS
 * and the raw XML; what LibreOffice sees of the same files is file-edits-libreoffice,
 * outside this set) and by applyEdits in validate.test.ts and fixes.test.ts.
 */
const base = require("./jest.config.js");

module.exports = {
  ...base,
  globalSetup: undefined,
  testMatch: [
    "<rootDir>/src/**/*.test.ts",
    "<rootDir>/test/boundaries.test.ts",
    "<rootDir>/test/file-edits.test.ts",
    // Tables typed the way officials type them (the matcher, the reader and the counting on unseen input).
    "<rootDir>/test/unseen-matching.test.ts",
    "<rootDir>/test/unseen-bodies.test.ts",
    "<rootDir>/test/unseen-plan.test.ts",
    "<rootDir>/test/unseen-consolidate.test.ts",
    "<rootDir>/test/consolidate-identify.test.ts",
    "<rootDir>/test/consolidate-merge.test.ts",
    "<rootDir>/test/consolidate-layouts.test.ts",
  ],
};
