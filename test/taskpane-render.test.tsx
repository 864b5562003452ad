/**
 * Server-side renders the task pane (no DOM needed) to check what the user
 * reads in each start-up state.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { Root } from "../src/taskpane/Root";
import { SECTIONS } from "../src/taskpane/sections";
import { lightTheme } from "../src/taskpane/theme";
import type { StartupState } from "../src/taskpane/startup";

const render = (state: StartupState): string => renderToStaticMarkup(<Root state={state} theme={lightTheme} />);

/** Text content only, entities decoded enough for the assertions below. */
const textOf = (html: string): string =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ");

describe("task pane", () => {
  test("inside Excel: the four sections, the check section open with its button", () => {
    const html = render({ kind: "excel" });
    const text = textOf(html);
    expect(SECTIONS.map((s) => s.title)).toEqual(["Chèn phụ lục", "Kiểm tra", "Tính toán & cảnh báo", "Tổng hợp"]);
    for (const section of SECTIONS) expect(text).toContain(section.title);
    expect(html).toMatch(/<button[^>]*>Kiểm tra ngay<\/button>/);
    expect(text).not.toMatch(/Trang này cần được mở trong Excel/);
  });

  test("every section says what it does", () => {
    for (const section of SECTIONS) expect(section.description.length).toBeGreaterThan(20);
  });

  test.each<StartupState>([{ kind: "office-unavailable" }, { kind: "not-in-office" }, { kind: "other-host", host: "Word" }])(
    "outside Excel (%o): explains how to open the add-in",
    (state) => {
      const text = textOf(render(state));
      expect(text).toContain("Trang này cần được mở trong Excel dưới dạng phần bổ trợ");
      expect(text).toContain("Tải lên phần bổ trợ của tôi");
      expect(text).toContain("manifest.xml");
      expect(text).not.toContain("Chèn phụ lục");
    },
  );

  test("other host is named", () => {
    expect(textOf(render({ kind: "other-host", host: "Word" }))).toContain("đang được mở trong Word");
  });

  test("loading state shows a spinner label, not a blank page", () => {
    expect(textOf(render({ kind: "loading" }))).toContain("Đang kết nối với Excel");
  });

  test("all user-visible Vietnamese text is NFC", () => {
    for (const state of [{ kind: "excel" }, { kind: "not-in-office" }] as StartupState[]) {
      const text = textOf(render(state));
      expect(text.normalize("NFC")).toBe(text);
    }
  });
});
