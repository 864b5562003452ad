/**
 * The help page (src/help/help.html): each section of the task pane explained in two
 * sentences with a picture (committed, made by `npm run screenshots`), what "6 rõ"
 * means, and links to the sample workbooks the build makes (scripts/sample-workbook.ts).
 * That the pictures show and the samples download is checked in the browser
 * (test/e2e/web.test.ts).
 */
import * as fs from "fs";
import * as path from "path";
import { SECTIONS } from "../src/taskpane/sections";
import { SAMPLE_FILES } from "../scripts/sample-workbook";

const HELP = path.join(__dirname, "..", "src", "help");
const html = fs.readFileSync(path.join(HELP, "help.html"), "utf8");
const text = (fragment: string) =>
  fragment
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();

describe("the help page", () => {
  it.each(SECTIONS.map((s) => [s.title]))("explains “%s” in two sentences, with a picture that exists", (title) => {
    const at = html.indexOf(`>${title.replace(/&/g, "&amp;")}</h3>`);
    expect(at).toBeGreaterThan(0);
    const block = html.slice(at, html.indexOf("<h", at + 5));
    const paragraph = text(block.match(/<p>([\s\S]*?)<\/p>/)![1]);
    const sentences = paragraph.split(/(?<=[.!?])\s+(?=\p{Lu})/u).filter((s) => s.trim());
    expect(sentences).toHaveLength(2);
    const img = block.match(/<img src="help\/([^"]+\.png)" alt="([^"]+)"/);
    expect(img).not.toBeNull();
    expect(fs.existsSync(path.join(HELP, "img", img![1]))).toBe(true);
  });

  it("says what “6 rõ” means, all six of them", () => {
    const section = html.slice(html.indexOf('id="6-ro"'), html.indexOf('id="so-mau"'));
    for (const r of ["Rõ người", "Rõ việc", "Rõ thời gian", "Rõ trách nhiệm", "Rõ sản phẩm", "Rõ thẩm quyền"]) expect(section).toContain(`<dt>${r}</dt>`);
  });

  it("links to the sample workbooks insert makes at build time, and to the offline page", () => {
    for (const name of Object.values(SAMPLE_FILES)) expect(html).toContain(`href="mau/${name}"`);
    expect(html).toContain('href="web/index.html"');
  });

  it("mentions no section as unfinished", () => {
    expect(html).not.toMatch(/Đang phát triển/i);
  });
});
