#!/usr/bin/env node
/**
 * `npm start`
 *
 * - Windows / macOS: `office-addin-debugging start manifest.xml`, as in
 *   Microsoft's template: starts the dev server and sideloads the add-in into
 *   desktop Excel (`npm stop` unloads it).
 * - Linux (no desktop Excel): starts the dev server (`webpack serve`), waits until
 *   webpack has finished the bundle, then explains, in Vietnamese, how to sideload
 *   manifest.xml in Excel on the web.
 *
 * Either way the dev server needs a trusted https certificate for localhost
 * (scripts/dev-certs.js); when there is none yet we say beforehand what will be
 * created where, and why the system may ask for administrator rights.
 *
 * Extra arguments are passed on, e.g. `npm start -- --app excel` on Windows.
 */
"use strict";

const path = require("node:path");
const { spawn } = require("node:child_process");
const { CERT_DIR } = require("./dev-certs");
const { waitForBundle } = require("./wait-for-bundle");

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
  return child;
}

/** True when office-addin-dev-certs finds a valid certificate whose authority the system trusts. */
function certificatesTrusted() {
  try {
    return require("office-addin-dev-certs").verifyCertificates();
  } catch {
    return false;
  }
}

const ADMIN_STEP = {
  win32: "Windows sẽ hỏi có cài chứng chỉ “Developer CA for Microsoft Office Add-ins” không: chọn Yes.",
  darwin: "macOS sẽ hỏi mật khẩu để thêm chứng chỉ vào Keychain.",
  linux: "việc này chạy lệnh sudo (sao chép vào /usr/local/share/ca-certificates rồi update-ca-certificates): nhập mật khẩu nếu được hỏi.",
};

function printCertificateNote() {
  const lines = [
    "",
    "Phụ lục NQ57: máy chủ phát triển cần chứng chỉ https cho localhost, mà máy này chưa có chứng chỉ còn hạn được tin cậy.",
    `office-addin-dev-certs sẽ tạo chứng chỉ mới (hạn 30 ngày) trong ${CERT_DIR}`,
    "và thêm chứng chỉ gốc của nó vào kho chứng chỉ tin cậy của máy. Kho đó dùng chung cho cả máy nên cần quyền quản trị:",
    `  ${ADMIN_STEP[process.platform] ?? ADMIN_STEP.linux}`,
    "Nếu không cấp quyền (hoặc máy không có sudo), máy chủ vẫn chạy với chứng chỉ chưa tin cậy, và thông báo bên dưới nói cách tin cậy nó sau.",
    "",
  ];
  console.log(lines.join("\n"));
}

function printWebSideloadHelp() {
  const lines = [
    "",
    "Phụ lục NQ57: máy chủ phát triển đã dựng xong và đang chạy tại https://localhost:" + port + "/",
    "",
    "Trên Linux không có Excel cho máy tính, hãy thử phần bổ trợ trong Excel trên web:",
    "  1. Trình duyệt phải tin chứng chỉ của localhost: mở https://localhost:" + port + "/taskpane.html,",
    "     trình duyệt không được báo lỗi chứng chỉ (nếu có, xem cách tin cậy ở cảnh báo phía trên, hoặc README).",
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

if (!certificatesTrusted()) printCertificateNote();

if (process.platform === "win32" || process.platform === "darwin") {
  run(bin("office-addin-debugging"), ["start", "manifest.xml", ...extraArgs]);
} else {
  const server = run(bin("webpack"), ["serve", "--mode", "development", ...extraArgs]);
  // Only once webpack has finished: the server answers taskpane.html when the bundle is ready.
  waitForBundle(`https://localhost:${port}/taskpane.html`, { shouldStop: () => server.exitCode !== null }).then((ready) => {
    if (ready) printWebSideloadHelp();
  });
}
