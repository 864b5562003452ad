// `npm run web`: serve dist/ on 127.0.0.1 only, for the offline web page.
"use strict";
const http = require("node:http");
const fs = require("node:fs");
const path = require("node:path");

const DIST = path.resolve(__dirname, "..", "dist");
const PORT = Number(process.env.PORT || 8080);
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".png": "image/png", ".xml": "application/xml", ".map": "application/json" };

http
  .createServer((req, res) => {
    const url = new URL(req.url || "/", "http://x");
    let file = path.normalize(path.join(DIST, decodeURIComponent(url.pathname)));
    if (file.endsWith(path.sep)) file = path.join(file, "index.html");
    if (!file.startsWith(DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end("Không tìm thấy");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] || "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  })
  .listen(PORT, "127.0.0.1", () => console.log(`Trang web Phụ lục NQ57: http://127.0.0.1:${PORT}/web/`));
