// ESLint flat config: @eslint/js + typescript-eslint recommended rules.
"use strict";

const js = require("@eslint/js");
const tseslint = require("typescript-eslint");
const globals = require("globals");

module.exports = tseslint.config(
  {
    ignores: ["dist/**", "node_modules/**", "coverage/**"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Add-in code runs in the browser (task pane, function file); Office.js
    // declares the global `Office` and `Excel` namespaces.
    files: ["src/**/*.{ts,tsx}"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: { ...globals.browser, Office: "readonly", Excel: "readonly", OfficeExtension: "readonly" },
    },
  },
  {
    files: ["test/**/*.{ts,tsx}", "bench/**/*.ts", "scripts/**/*.ts"],
    languageOptions: {
      globals: { ...globals.node, ...globals.jest },
    },
  },
  {
    // Node tooling written as CommonJS: configs and scripts.
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { ...globals.node },
    },
    rules: {
      "@typescript-eslint/no-require-imports": "off",
    },
  },
);
