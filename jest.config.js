/** Jest runs TypeScript through SWC (type checking is `npm run typecheck`). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/src", "<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  // Stryker's sandboxes (`npm run mutate`) are copies of the project: never tests of ours.
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/.stryker-tmp/", "<rootDir>/reports/"],
  modulePathIgnorePatterns: ["<rootDir>/.stryker-tmp/"],
  transform: {
    "^.+\\.(t|j)sx?$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript", tsx: true }, transform: { react: { runtime: "automatic" } }, target: "es2020" } },
    ],
  },
  testTimeout: 60000,
  // numfmt 4.0.1's "require" entry names dist/index.cjs, which the package does not ship;
  // its CommonJS build is dist/index.js (webpack takes that one through "default").
  moduleNameMapper: { "^numfmt$": "<rootDir>/node_modules/numfmt/dist/index.js" },
  // The tests of the real command run the built bundle (dist/cli/): build it first.
  globalSetup: "<rootDir>/test/global-setup.js",
};
