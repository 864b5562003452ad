/**
 * Pictures of the web page for docs/ and the help page (src/help/img/), taken in
 * Debian's Chromium over the production build: each section of the task pane at work
 * on real files (the seeds, generated communes). Run by `npm run screenshots` (never
 * by the tests); the build is the e2e harness's (reused when fresh).
 *
 *   npx tsx scripts/screenshots-web.ts
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { build, serve, launch, openPage } from "../test/e2e/harness";
import { seedWorkbook } from "../test/xlsx";
import { COMMUNES } from "../src/catalog";
import { generateCommuneWorkbook, communeFileName } from "../test/generate";

const ROOT = path.join(__dirname, "..");
const DOCS = path.join(ROOT, "docs");
const HELP = path.join(ROOT, "src", "help", "img");
const HELP_SIZE = { width: 1100, height: 760 };

async function start(browser: Browser, url: string, width: number, height = 900): Promise<Page> {
  const { page } = await openPage(browser, url, width);
  await page.setViewportSize({ width, height });
  await page.goto(`${url}/web/index.html`);
  await page.getByRole("button", { name: "Mở tệp .xlsx" }).waitFor();
  return page;
}

async function shot(page: Page, file: string, target?: "aside"): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.waitForTimeout(300); // let the smooth scroll to the result settle
  if (target) await page.locator(target).screenshot({ path: file });
  else await page.screenshot({ path: file });
  process.stdout.write(`${path.relative(ROOT, file)}: ${fs.statSync(file).size} bytes\n`);
}

async function main(): Promise<void> {
  build();
  const server = await serve();
  const browser = await launch();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-shots-"));
  const write = (name: string, bytes: Uint8Array) => {
    const f = path.join(work, name);
    fs.writeFileSync(f, bytes);
    return f;
  };
  try {
    // Chèn phụ lục: a new workbook, the form filled in, the appendices inserted.
    let page = await start(browser, server.url, HELP_SIZE.width, HELP_SIZE.height);
    await page.getByRole("button", { name: "Sổ làm việc mới" }).click();
    const combo = page.getByRole("combobox", { name: "Xã, phường" });
    await combo.click();
    await combo.pressSequentially("tan loi");
    await page.getByRole("option", { name: "Xã Tân Lợi" }).click();
    await page.getByRole("button", { name: "Chèn vào sổ làm việc" }).click();
    await page.getByText(/^Đã chèn:/).waitFor();
    await shot(page, path.join(HELP, "chen-phu-luc.png"));
    await page.close();

    // Kiểm tra: a ward's real plan, checked; a finding chosen.
    const seed = write("Phường Minh Hưng.xlsx", await seedWorkbook("002"));
    for (const [width, out] of [
      [HELP_SIZE.width, path.join(HELP, "kiem-tra.png")],
      [1280, path.join(DOCS, "web-page.png")],
      [320, path.join(DOCS, "taskpane-320.png")],
      [450, path.join(DOCS, "taskpane-450.png")],
    ] as const) {
      page = await start(browser, server.url, width, width === HELP_SIZE.width ? HELP_SIZE.height : 900);
      await page.locator("#file-input").setInputFiles(seed);
      await page.getByRole("tab", { name: "Phụ lục I", exact: true }).waitFor();
      await page.getByRole("button", { name: "Kiểm tra ngay" }).click();
      await page.getByText(/^Đã kiểm tra trang tính/).waitFor();
      await page.getByRole("button", { name: /tại ô E37/ }).first().click();
      await shot(page, out, width < 500 ? "aside" : undefined);
      await page.close();
    }

    // Tính toán & cảnh báo: a commune's report with results, computed.
    const c = COMMUNES[3];
    const report = write(communeFileName(c, 7), await generateCommuneWorkbook(c, { layout: "000", seed: 7, asOf: "2026-11-30" }));
    page = await start(browser, server.url, HELP_SIZE.width, HELP_SIZE.height);
    await page.locator("#file-input").setInputFiles(report);
    await page.locator('td[data-cell="A1"]').waitFor();
    await page.getByRole("button", { name: "Kiểm tra", exact: true }).click(); // fold the check away
    await page.getByRole("button", { name: "Tính toán & cảnh báo" }).click();
    await page.getByLabel("Ngày báo cáo").fill("2026-11-30");
    await page.getByRole("button", { name: "Tính toán ngay" }).click();
    await page.getByText(/^Đã thêm hoặc làm mới/).waitFor();
    // The computed columns, right of the table, from its header down.
    await page.evaluate(() => {
      const wrap = document.querySelector('[role="grid"]')!.parentElement!;
      wrap.scrollLeft = wrap.scrollWidth;
      wrap.scrollTop = 0;
      wrap.scrollIntoView({ block: "start" });
    });
    await shot(page, path.join(HELP, "tinh-toan.png"));
    await page.close();

    // Tổng hợp: three communes' files opened in the page, consolidated.
    const files: string[] = [];
    for (const [i, layout] of (["000", "001", "002"] as const).entries()) {
      const commune = COMMUNES[i * 10];
      files.push(write(communeFileName(commune, i), await generateCommuneWorkbook(commune, { layout, seed: i + 1, asOf: "2026-11-30" })));
    }
    page = await start(browser, server.url, HELP_SIZE.width, HELP_SIZE.height);
    await page.locator("#file-input").setInputFiles(files);
    await page.locator('td[data-cell="A1"]').waitFor();
    const pane = page.locator("aside > div:visible");
    await pane.getByRole("button", { name: "Kiểm tra", exact: true }).click();
    await pane.getByRole("button", { name: "Tổng hợp", exact: true }).click();
    await pane.getByLabel("Ngày báo cáo").fill("2026-11-30");
    await pane.getByRole("button", { name: /^Tổng hợp ngay/ }).click();
    await pane.getByText(/^Đã tổng hợp/).waitFor({ timeout: 120_000 });
    await shot(page, path.join(HELP, "tong-hop.png"));
    await page.close();
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  process.stderr.write(String(e instanceof Error ? e.stack : e) + "\n");
  process.exit(1);
});
