/**
 * Jest for the mutation run of the sheet formulas (`npm run mutate:formulas`): the
 * suites that recalculate the formulas we write in LibreOffice Calc and hold them to
 * hand-written values (boundaries-libreoffice, monthly-deadlines) and to the domain
 * (compute-formulas, insert-libreoffice: the inserted template's formulas).
 * A formula is text to Jest: only a spreadsheet engine can tell a mutant from the
 * original, so these mutants are tested here and not in jest.stryker.config.js.
 */
const base = require("./jest.config.js");

module.exports = {
  ...base,
  globalSetup: undefined,
  testMatch: [
    "<rootDir>/test/boundaries-libreoffice.test.ts",
    "<rootDir>/test/compute-formulas.test.ts",
    "<rootDir>/test/monthly-deadlines.test.ts",
    // The inserted template: its formulas read the comparator from the target cell.
    "<rootDir>/test/insert-libreoffice.test.ts",
  ],
};
