/**
 * The web page end to end in Debian's Chromium: open real files, run the task
 * pane's commands, download, and re-read what was downloaded. Any request to a
 * host other than the page's own fails the test.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { build, serve, launch, openPage, DIST } from "./harness";
import { seedWorkbook, readBack, workbookOf } from "../xlsx";
import { recalculate } from "../libreoffice";
import ExcelJS from "exceljs";
import { COMMUNES } from "../../src/catalog";
import { generateCommuneWorkbook, communeFileName } from "../generate";

jest.setTimeout(240_000);
let browser: Browser;
let server: { url: string; close: () => Promise<void> };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-e2e-"));

beforeAll(async () => {
  build();
  server = await serve();
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function pageWith(width = 1280) {
  const p = await openPage(browser, server.url, width);
  await p.page.goto(`${server.url}/web/index.html`);
  await p.page.getByRole("button", { name: "Mở tệp .xlsx" }).waitFor();
  return p;
}

async function openFiles(page: Page, files: string[]) {
  await page.locator("#file-input").setInputFiles(files);
}

/** Download the current file, checking the name the page gives it. */
async function download(page: Page, name: string): Promise<Uint8Array> {
  const [d] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Tải xuống tệp kết quả" }).click()]);
  expect(d.suggestedFilename()).toBe(name);
  const file = path.join(tmp, `dl-${Date.now()}.xlsx`);
  await d.saveAs(file);
  return new Uint8Array(fs.readFileSync(file));
}

function writeTmp(name: string, bytes: Uint8Array): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, bytes);
  return file;
}

describe("the offline web page", () => {
  it("is built with a Content-Security-Policy that forbids connections and remote scripts", () => {
    const html = fs.readFileSync(path.join(DIST, "web", "index.html"), "utf8");
    const csp = html.match(/Content-Security-Policy"?\s+content="([^"]+)"/)?.[1] ?? "";
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(html).not.toMatch(/<script>(?!\s*<\/script>)/); // no inline script
    expect(html).not.toMatch(/https?:\/\//);
  });

  it("checks a seed, selects a finding's cell, applies the fixes and downloads a file with only those cells changed", async () => {
    const before = await seedWorkbook("002");
    const input = writeTmp("Phường Minh Hưng.xlsx", before);
    const { page, foreign, errors } = await pageWith();
    await openFiles(page, [input]);
    await page.getByRole("tab", { name: "Phụ lục I", exact: true }).waitFor();

    await page.getByRole("button", { name: "Kiểm tra ngay" }).click();
    await page.getByText(/lỗi$/).first().waitFor();
    // The ward's "Công an xã" (E37) and IV.5's "100%." (D27) are among the findings.
    await expect(page.getByRole("button", { name: /tại ô E37/ }).first().isVisible()).resolves.toBe(true);
    const d27 = page.getByRole("button", { name: /tại ô D27/ }).first();
    await d27.click();
    await expect(page.locator('td[data-cell="D27"][aria-selected="true"]').count()).resolves.toBe(1);

    // Grouped by kind, the groups have Vietnamese names, never the findings' codes.
    await page.getByRole("tab", { name: "Theo loại" }).click();
    const headings = await page.locator("aside section[aria-label] > span").allTextContents();
    expect(headings.length).toBeGreaterThan(3);
    expect(headings.filter((h) => /[a-z]+-[a-z]/.test(h))).toEqual([]);
    expect(headings).toContainEqual(expect.stringMatching(/^Thiếu đơn vị chủ trì \(\d+\)$/));

    const fix = page.getByRole("button", { name: /^Sửa \(\d+\)$/ });
    const fixCount = Number((await fix.textContent())?.match(/\d+/)?.[0]);
    expect(fixCount).toBeGreaterThan(0);
    await fix.click();
    await page.getByText(/Đã sửa \d+ ô/).waitFor();

    const after = await readBack(await download(page, "Phường Minh Hưng-phuluc.xlsx"));
    const orig = await readBack(before);
    const sheetBefore = orig.sheets.find((s) => s.name === "Phụ lục I")!;
    const sheetAfter = after.sheets.find((s) => s.name === "Phụ lục I")!;
    expect(sheetAfter.values[26][3]).toBe("100%");
    const changed: string[] = [];
    sheetBefore.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if ((sheetAfter.values[r]?.[c] ?? null) !== v) changed.push(`${String.fromCharCode(65 + c)}${r + 1}`);
      }),
    );
    expect(changed.length).toBe(fixCount);
    expect(changed).toContain("D27");
    // Every other sheet is untouched.
    const ii = (x: typeof orig) => x.sheets.find((s) => s.name === "Phụ lục II")!.values;
    expect(ii(after)).toEqual(ii(orig));
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("inserts both appendices for a ward; LibreOffice computes the formulas in the download", async () => {
    const { page, foreign } = await pageWith();
    await page.getByRole("button", { name: "Sổ làm việc mới" }).click();
    // A new workbook opens on "Chèn phụ lục": there is nothing to check yet.
    const combo = page.getByRole("combobox", { name: "Xã, phường" });
    await combo.click();
    await combo.pressSequentially("minh hung");
    await page.getByRole("option", { name: "Phường Minh Hưng" }).click();
    await page.getByRole("radio", { name: "Báo cáo kết quả" }).check();
    await page.getByText(/Phụ lục I/).first().waitFor();
    await page.getByRole("button", { name: "Chèn vào sổ làm việc" }).click();
    await page.getByText(/^Đã chèn:/).waitFor();
    // Inserting again asks first, and its preview knows the "Danh mục" just made is the add-in's own.
    const sheets = await page.evaluate(() => document.querySelectorAll('[role="tablist"][aria-label="Trang tính"] [role="tab"]').length);
    await page.getByRole("button", { name: "Chèn thêm phụ lục…" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText(/đã có phụ lục do Phụ lục NQ57 chèn/).waitFor();
    expect(await dialog.textContent()).toContain('Dùng trang "Danh mục" đã có trong sổ làm việc');
    expect(await dialog.textContent()).not.toContain("không do Phụ lục NQ57 tạo");
    await page.getByRole("button", { name: "Không chèn" }).click();
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await expect(page.evaluate(() => document.querySelectorAll('[role="tablist"][aria-label="Trang tính"] [role="tab"]').length)).resolves.toBe(sheets);
    const bytes = await download(page, "phu-luc-phuong-minh-hung-2026.xlsx");

    // Type results into the download as an official would, then let LibreOffice compute.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const ws = wb.getWorksheet("Phụ lục I")!;
    let header = 0;
    ws.eachRow((row, r) => {
      if (row.getCell(1).value === "STT" && !header) header = r;
    });
    const col = (label: string) => {
      let c = 0;
      ws.getRow(header).eachCell((cell, i) => {
        if (cell.value === label) c = i;
      });
      return c;
    };
    let first = header + 1;
    while (typeof ws.getRow(first).getCell(col("Mã")).value !== "string" || !ws.getRow(first).getCell(col("Chỉ tiêu năm 2026")).value) first++;
    ws.getRow(first).getCell(col("Kết quả thực hiện")).value = 0.99;
    const recalced = await readBack(await recalculate(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer)));
    const sheet = recalced.sheets.find((s) => s.name === "Phụ lục I")!;
    const verdict = sheet.values[first - 1][col("Đánh giá") - 1];
    expect(["Đạt", "Vượt", "Chưa đạt"]).toContain(verdict);
    expect(typeof sheet.values[first - 1][col("Tỷ lệ đạt (%)") - 1]).toBe("number");
    // A row with no result stays blank.
    expect(sheet.values[first][col("Đánh giá") - 1] ?? "").toBe("");
    // The ward's police is "Công an phường".
    expect(JSON.stringify(sheet.values)).not.toContain("Công an xã");
    expect(recalced.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Phụ lục I", "Phụ lục II", "Danh mục"]));
    expect(foreign).toEqual([]);
  });

  it("inserts the plan form by default, and compute turns its Phụ lục I into the report form on the sheet itself", async () => {
    const { page, foreign, errors } = await pageWith();
    await page.getByRole("button", { name: "Sổ làm việc mới" }).click();
    const combo = page.getByRole("combobox", { name: "Xã, phường" });
    await combo.click();
    await combo.pressSequentially("tan loi");
    await page.getByRole("option", { name: "Xã Tân Lợi" }).click();
    await expect(page.getByRole("radio", { name: "Kế hoạch" }).isChecked()).resolves.toBe(true);
    await page.getByRole("button", { name: "Chèn vào sổ làm việc" }).click();
    await page.getByText(/^Đã chèn:/).waitFor();
    // The plan form has no result column: compute adds it (and the rate and verdict) on the sheet itself.
    await page.getByRole("button", { name: "Tính toán & cảnh báo" }).click();
    await page.getByRole("button", { name: "Tính toán ngay" }).click();
    // Any outcome ends the wait, so a failure shows what the page said rather than a timeout.
    const outcome = page.locator("[data-intent]").filter({ hasNotText: /^Đã chèn/ }).first();
    await outcome.waitFor();
    expect([await outcome.innerText(), errors]).toEqual([expect.stringContaining("Đã thêm hoặc làm mới các cột tính toán trên trang tính “Phụ lục I”."), []]);
    const bytes = await download(page, "phu-luc-xa-tan-loi-2026.xlsx");

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const ws = wb.getWorksheet("Phụ lục I")!;
    let header = 0;
    ws.eachRow((row, r) => {
      if (row.getCell(1).value === "STT" && !header) header = r;
    });
    const shown: string[] = [];
    ws.getRow(header).eachCell((cell, c) => {
      if (!ws.getColumn(c).hidden && typeof cell.value === "string") shown.push(cell.value);
    });
    // Printed as a report: the report columns shown before "Ghi chú"'s neighbours, the internal code still hidden.
    expect(shown).toEqual(expect.arrayContaining(["STT", "Nội dung chỉ tiêu", "Kết quả thực hiện", "Tỷ lệ đạt (%)", "Đánh giá", "Ghi chú"]));
    expect(shown).not.toContain("Mã");
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape" });
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("consolidates the files opened in the page, says honestly how many of them, and names the download tong-hop-<ngày>", async () => {
    const files: string[] = [];
    for (const [i, layout] of (["000", "001", "002"] as const).entries()) {
      const c = COMMUNES[i * 10];
      files.push(writeTmp(communeFileName(c, i), await generateCommuneWorkbook(c, { layout, seed: i + 1, asOf: "2026-11-30" })));
    }
    // A workbook with no appendix in it.
    files.push(writeTmp("ghi-chep.xlsx", await workbookOf([{ name: "Ghi chép", values: [["Họp giao ban"], ["Thứ hai, 8 giờ"]] }])));
    const { page, foreign } = await pageWith();
    await openFiles(page, files);
    await page.getByRole("tab", { name: "ghi-chep.xlsx" }).waitFor();
    const pane = page.locator("aside > div:visible");
    await pane.getByRole("button", { name: "Tổng hợp", exact: true }).click(); // open the section
    const opened = pane.getByRole("checkbox", { name: /\.xlsx/ });
    await expect(opened.count()).resolves.toBe(4);
    for (let i = 0; i < 4; i++) await expect(opened.nth(i).isChecked()).resolves.toBe(true);
    await pane.getByLabel("Ngày báo cáo").fill("2026-11-30");

    await pane.getByRole("button", { name: /^Tổng hợp ngay/ }).click();
    const partial = pane.locator("[data-intent]").filter({ hasText: /nguồn/ });
    await partial.waitFor({ timeout: 60_000 }); // four workbooks read and merged in the page
    expect(await partial.textContent()).toMatch(/Đã tổng hợp 3\/4 nguồn .*1 nguồn không đưa vào tổng hợp/);
    await expect(partial.getAttribute("data-intent")).resolves.toBe("warning");
    await expect(pane.getByRole("list", { name: "Các nguồn" }).getByText(/ghi-chep\.xlsx/).isVisible()).resolves.toBe(true);

    // Without the stray file: 3 of 3, a success; the new workbook opens on request and downloads by the report date.
    await pane.getByRole("checkbox", { name: /^ghi-chep\.xlsx/ }).uncheck();
    await pane.getByRole("button", { name: /^Tổng hợp ngay/ }).click();
    const done = pane.locator('[data-intent="success"]').filter({ hasText: /Đã tổng hợp 3\/3 nguồn/ });
    await done.waitFor({ timeout: 60_000 });
    const [d] = await Promise.all([page.waitForEvent("download"), pane.getByRole("button", { name: "Tải xuống tong-hop-2026-11-30.xlsx" }).click()]);
    expect(d.suggestedFilename()).toBe("tong-hop-2026-11-30.xlsx");
    await pane.getByRole("button", { name: "Xem sổ tổng hợp" }).click();
    await expect(page.getByRole("tab", { name: "Tổng hợp chỉ tiêu" }).isVisible()).resolves.toBe(true);
    await page.getByRole("tab", { name: "Nguồn" }).click();
    for (let i = 0; i < 3; i++) await expect(page.locator("td", { hasText: COMMUNES[i * 10].name }).first().isVisible()).resolves.toBe(true);
    expect(foreign).toEqual([]);
  });

  it("has a help page that shows its pictures and links to sample workbooks made by insert", async () => {
    const { page, foreign, errors } = await openPage(browser, server.url);
    await page.goto(`${server.url}/help.html`);
    const images = await page.evaluate(() => [...document.images].map((i) => ({ src: i.getAttribute("src"), width: i.naturalWidth })));
    expect(images.filter((i) => i.src?.startsWith("help/")).length).toBe(4);
    expect(images.filter((i) => i.width === 0)).toEqual([]);
    const samples = await page.locator('a[href^="mau/"]').evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    expect(samples.length).toBe(2);
    for (const href of samples) {
      const res = await page.request.get(`${server.url}/${href}`);
      expect(res.ok()).toBe(true);
      const wb = await readBack(new Uint8Array(await res.body()));
      expect(wb.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Phụ lục I", "Phụ lục II", "Danh mục"]));
    }
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  });

  it.each([320, 450])("fits the task pane in %i px: no horizontal scroll, every control named and focusable", async (width) => {
    const before = await seedWorkbook("001");
    const input = writeTmp(`tan-loi-${width}.xlsx`, before);
    const { page } = await pageWith(width);
    await openFiles(page, [input]);
    await page.getByRole("button", { name: "Kiểm tra ngay" }).click();
    await page.getByText(/lỗi$/).first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // Text is wrapped, not clipped: no element's content is wider than its box.
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll("aside *")]
        .filter((el) => el.children.length === 0 && (el.textContent ?? "").trim() && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow === "hidden")
        .map((el) => el.textContent),
    );
    expect(clipped).toEqual([]);
    // Keyboard: tab through the pane; every stop has an accessible name and a visible focus.
    const problems: string[] = [];
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press("Tab");
      const info = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const name = el.getAttribute("aria-label") || el.getAttribute("aria-labelledby") || (el as HTMLInputElement).labels?.[0]?.textContent || el.textContent || el.getAttribute("title");
        const s = getComputedStyle(el);
        const visible = s.outlineStyle !== "none" || s.boxShadow !== "none" || !!el.closest("[data-fui-focus-visible]") || el.hasAttribute("data-fui-focus-visible");
        return { tag: el.tagName, name: (name ?? "").trim(), visible };
      });
      if (!info) continue;
      if (!info.name) problems.push(`${info.tag} without a name`);
      if (!info.visible) problems.push(`${info.tag} "${info.name}" without a visible focus`);
    }
    expect(problems).toEqual([]);
  });
});
