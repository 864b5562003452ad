/*
 * Runs before the bundle, in ES5 only: the task pane's bundle (ES2019, React 18,
 * Fluent UI 9) cannot even be parsed by the Internet Explorer (Trident) or old Edge
 * (EdgeHTML) webviews of Office 2016/2019 without WebView2, and the pane would stay on
 * "Đang tải…" for ever. Here we test for what the bundle needs and, when it is missing,
 * say so in Vietnamese and point to what works instead.
 */
/* global window, document */
(function () {
  var ua = window.navigator.userAgent || "";
  var old = /Trident\/|MSIE |Edge\/\d/.test(ua);
  try {
    // Features of ES2019 the bundle uses; a parse error here is caught by eval's try.
    old = old || typeof Object.fromEntries !== "function" || typeof Array.prototype.flat !== "function" || !window.Promise;
  } catch (ignored) { // eslint-disable-line @typescript-eslint/no-unused-vars
    old = true;
  }
  if (!old) return;
  window.PHULUC_OLD_WEBVIEW = true;
  function show() {
    var box = document.getElementById("container");
    if (!box) return;
    box.innerHTML =
      '<div style="font-family: Segoe UI, Arial, sans-serif; margin: 16px; line-height: 1.4">' +
      "<p><b>Phiên bản Excel này không chạy được phần bổ trợ Phụ lục NQ57.</b></p>" +
      "<p>Excel đang dùng trình duyệt nhúng cũ (Internet Explorer hoặc Edge đời cũ). Phần bổ trợ cần Excel 2021, " +
      "Excel 2024, Microsoft 365 hoặc Excel trên web (có WebView2).</p>" +
      "<p>Cách làm thay:</p><ul>" +
      "<li>Mở <b>trang web ngoại tuyến</b> Phụ lục NQ57 (tệp <code>web/index.html</code> trong thư mục cài đặt) bằng Chrome, Edge hoặc Firefox, " +
      "chọn tệp Excel của đơn vị, làm việc rồi tải tệp kết quả xuống;</li>" +
      "<li>hoặc dùng <b>dòng lệnh</b>: <code>npx phuluc check ten-tep.xlsx</code>.</li></ul></div>";
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
  else show();
})();
