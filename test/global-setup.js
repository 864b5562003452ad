// Jest global setup: builds the command line into dist/cli/ (scripts/build-cli.js, as
// `npm install` does) from the current sources, so the tests that run bin/phuluc.js
// run the bundle people get, never a stale one.
"use strict";

module.exports = async () => {
  await require("../scripts/build-cli").buildCli();
};
