/**
 * Waits until the development server serves the task pane: webpack-dev-server
 * holds every request until webpack has finished the bundle, so the first 200
 * answer for taskpane.html means the add-in can be loaded. Until the server
 * listens the connection is refused; then we ask again, every `intervalMs`.
 */
"use strict";

const http = require("node:http");
const https = require("node:https");

/** One GET; resolves with the status code, or null when the server did not answer. */
function probe(url) {
  const client = url.startsWith("https:") ? https : http;
  return new Promise((resolve) => {
    // The certificate may not be trusted yet (see scripts/dev-certs.js); this only
    // asks our own local server whether the bundle is ready.
    const req = client.get(url, { rejectUnauthorized: false }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? null));
      res.on("error", () => resolve(null));
    });
    req.on("error", () => resolve(null));
  });
}

/**
 * Resolves once `url` answers 200. `shouldStop()` ends the wait early (the server
 * exited): then it resolves false.
 */
async function waitForBundle(url, { intervalMs = 500, shouldStop = () => false } = {}) {
  for (;;) {
    if (shouldStop()) return false;
    if ((await probe(url)) === 200) return true;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

module.exports = { waitForBundle };
