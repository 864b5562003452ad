/**
 * Bad files in the offline web page, in Chromium under the page's CSP: each is refused
 * with its Vietnamese message (the zip guard's check of a lying directory runs on the
 * browser's own DecompressionStream), the page keeps working, and a good file opened
 * next to them is read. Uses the same build as web.test.ts (the harness builds once).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Browser } from "playwright-core";
import { build, serve, launch, openPage } from "./harness";
import { CASES, makeCorpus, type CorpusFile } from "../bad/make-corpus";
import { seedWorkbook } from "../xlsx";

jest.setTimeout(240_000);
const IDS = ["zip-bomb", "zip-bomb-lying", "truncated", "password-protected", "xls-renamed", "csv-renamed", "empty-file", "malformed-sheet-xml"];

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let files: CorpusFile[] = [];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-e2e-bad-"));

beforeAll(async () => {
  build();
  files = await makeCorpus(tmp, (c) => IDS.includes(c.id));
  server = await serve();
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

it("refuses each bad file with its own message and still opens the good one", async () => {
  const good = path.join(tmp, "Xã Nhơn Trạch.xlsx");
  fs.writeFileSync(good, await seedWorkbook("000"));
  const { page, foreign, errors } = await openPage(browser, server.url);
  await page.goto(`${server.url}/web/index.html`);
  await page.getByRole("button", { name: "Mở tệp .xlsx" }).waitFor();
  await page.locator("#file-input").setInputFiles([...files.map((f) => f.path), good]);
  await page.getByRole("tab", { name: "Chỉ tiêu", exact: true }).waitFor();
  const shown = await page.locator(".fui-MessageBarBody").innerText();
  for (const id of IDS) {
    const c = CASES.find((x) => x.id === id)!;
    if (c.read === "ok") throw new Error(`${id} is readable`);
    expect({ id, found: c.read.message.test(shown) && shown.includes(`"${c.file}"`) }).toEqual({ id, found: true });
  }
  expect(foreign).toEqual([]);
  expect(errors).toEqual([]);
});
