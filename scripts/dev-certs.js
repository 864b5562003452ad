/**
 * HTTPS options for the development server (`npm start`, `npm run dev-server`).
 *
 * office-addin-dev-certs creates a certificate authority and a localhost
 * certificate in ~/.office-addin-dev-certs (valid 30 days) and adds the authority
 * to the system's trusted roots. That last step needs administrator rights: a
 * confirmation dialog on Windows, the password on macOS, `sudo` on Linux. When it
 * fails (no sudo, refused) the certificates it generated still serve https, but
 * nothing trusts them, and Excel on the desktop will not load the task pane from
 * such a server (it offers no way to click through), so we say so and how to fix it.
 */
"use strict";

const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const CERT_DIR = path.join(os.homedir(), ".office-addin-dev-certs");

/** What to tell the developer when the certificate authority could not be trusted. */
function untrustedCertificateWarning(reason, dir = CERT_DIR, port = 3000) {
  const ca = path.join(dir, "ca.crt");
  return [
    `[phuluc-nq57] Chưa tin cậy được chứng chỉ phát triển (${reason}).`,
    `Máy chủ vẫn chạy, bằng chứng chỉ tự ký trong ${dir}, nhưng chưa máy nào tin chứng chỉ đó:`,
    "  - Excel trên máy tính (Windows, macOS) sẽ KHÔNG nạp ngăn tác vụ từ máy chủ này: Excel không có nút bỏ qua cảnh báo chứng chỉ.",
    `  - Excel trên web và trình duyệt báo lỗi chứng chỉ khi mở https://localhost:${port}/taskpane.html.`,
    "Cách tin cậy chứng chỉ (một lần; cần quyền quản trị vì thêm một chứng chỉ gốc vào kho tin cậy của máy):",
    "  npx office-addin-dev-certs install",
    "  (Windows hỏi xác nhận cài chứng chỉ, macOS hỏi mật khẩu, Linux chạy sudo), hoặc tự thêm",
    `  ${ca} vào kho chứng chỉ gốc tin cậy. Trên Linux, Chrome/Chromium đọc kho riêng của người dùng:`,
    `  certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "Office Add-in Dev CA" -i ${ca}   (gói libnss3-tools)`,
    "Sau đó khởi động lại trình duyệt và chạy lại npm start.",
  ].join("\n");
}

/**
 * Key, certificate and authority for webpack-dev-server's https. Falls back to the
 * generated but untrusted files, with the warning above, when trusting them failed.
 */
async function httpsOptions({ devCerts = require("office-addin-dev-certs"), dir = CERT_DIR, port = 3000, warn = console.warn } = {}) {
  try {
    const o = await devCerts.getHttpsServerOptions();
    return { ca: o.ca, key: o.key, cert: o.cert };
  } catch (error) {
    const read = (name) => fs.readFileSync(path.join(dir, name));
    if (!fs.existsSync(path.join(dir, "localhost.key"))) throw error;
    warn(untrustedCertificateWarning(String(error && error.message ? error.message : error).split("\n")[0], dir, port));
    return { ca: read("ca.crt"), key: read("localhost.key"), cert: read("localhost.crt") };
  }
}

module.exports = { CERT_DIR, httpsOptions, untrustedCertificateWarning };
