#!/usr/bin/env node
/**
 * `npm start`
 *
 * - Windows / macOS: `office-addin-debugging start manifest.xml`, as in
 *   Microsoft's template: starts the dev server and sideloads the add-in into
 *   desktop Excel (`npm stop` unloads it).
 * - Linux (no desktop Excel): starts the dev server (`webpack serve`) and
 *   explains, in Vietnamese, how to sideload manifest.xml in Excel on the web.
 *
 * Extra arguments are passed on, e.g. `npm start -- --app excel` on Windows.
 */
"use strict";

const path = require("node:path");
const { spawn } = require("node:child_process");

const root = path.resolve(__dirname, "..");
const port = Number(process.env.npm_package_config_dev_server_port || 3000);
const bin = (name) => path.join(root, "node_modules", ".bin", process.platform === "win32" ? `${name}.cmd` : name);

function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
  const forward = (signal) => {
    if (!child.killed) child.kill(signal);
  };
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  child.on("exit", (code, signal) => {
    process.exit(signal ? 1 : (code ?? 0));
  });
  child.on("error", (err) => {
    console.error(`Không chạy được ${command}: ${err.message}`);
    process.exit(1);
  });
}

function printWebSideloadHelp() {
  const lines = [
    "",
    "Phụ lục NQ57: máy chủ phát triển đang chạy tại https://localhost:" + port + "/",
    "",
    "Trên Linux không có Excel cho máy tính, hãy thử phần bổ trợ trong Excel trên web:",
    "  1. Tin cậy chứng chỉ phát triển của localhost (chỉ cần làm một lần):",
    "       npx office-addin-dev-certs install",
    "     rồi khởi động lại trình duyệt. Kiểm tra bằng cách mở https://localhost:" + port + "/taskpane.html:",
    "     trình duyệt không được báo lỗi chứng chỉ.",
    "  2. Mở https://www.office.com, tạo hoặc mở một sổ tính Excel.",
    "  3. Chọn Trang chủ → Phần bổ trợ → Thêm phần bổ trợ → Tải lên phần bổ trợ của tôi",
    "     → chọn tệp " + path.join(root, "manifest.xml") + " → Tải lên.",
    "  4. Bấm nút “Phụ lục NQ57” trên thẻ Trang chủ để mở ngăn làm việc.",
    "",
    "Nhấn Ctrl+C để dừng máy chủ.",
    "",
  ];
  console.log(lines.join("\n"));
}

const extraArgs = process.argv.slice(2);

if (process.platform === "win32" || process.platform === "darwin") {
  run(bin("office-addin-debugging"), ["start", "manifest.xml", ...extraArgs]);
} else {
  printWebSideloadHelp();
  run(bin("webpack"), ["serve", "--mode", "development", ...extraArgs]);
}
