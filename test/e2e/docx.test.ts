/**
 * Word documents in the offline page, end to end in Chromium: a plan opened as .docx
 * is checked (read only, findings placed by table, row and column), .docx and .xlsx
 * files are consolidated together, and "Xuất Word" downloads an appendix as .docx.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Browser } from "playwright-core";
import { build, serve, launch, openPage } from "./harness";
import { seedDocx } from "../docx";
import { seedWorkbook } from "../xlsx";
import { readDocx } from "../../src/hosts/docx/read";

jest.setTimeout(240_000);
let browser: Browser;
let server: { url: string; close: () => Promise<void> };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-e2e-docx-"));

beforeAll(async () => {
  build();
  server = await serve();
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function writeTmp(name: string, bytes: Uint8Array): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, bytes);
  return file;
}

async function pageWith() {
  const p = await openPage(browser, server.url);
  await p.page.goto(`${server.url}/web/index.html`);
  await p.page.getByRole("button", { name: /Mở tệp \.xlsx/ }).waitFor();
  return p;
}

describe("Word documents in the offline page", () => {
  it("opens a plan as .docx read only and checks its appendix, placing findings by table, row and column", async () => {
    const input = writeTmp("Phường Minh Hưng.docx", seedDocx("002", { rich: true }));
    const { page, foreign, errors } = await pageWith();
    await page.locator("#file-input").setInputFiles([input]);
    await page.getByText(/Văn bản Word chỉ được đọc/).waitFor();
    // It opens on the first appendix table; only checking is offered and nothing can be downloaded.
    await expect(page.getByRole("tab", { name: "Phụ lục I", exact: true }).getAttribute("aria-selected")).resolves.toBe("true");
    await expect(page.getByRole("button", { name: "Chèn phụ lục" }).count()).resolves.toBe(0);
    await expect(page.getByRole("button", { name: "Tải xuống tệp kết quả" }).isDisabled()).resolves.toBe(true);

    await page.getByRole("button", { name: "Kiểm tra ngay" }).click();
    await page.getByText(/Chưa sẵn sàng nộp/).waitFor();
    const unitMissing = page.getByRole("button", { name: /^Lỗi tại Bảng 4, dòng \d+, cột Đơn vị tính: Chỉ tiêu chưa ghi đơn vị tính/ });
    await expect(unitMissing.count()).resolves.toBe(1);
    await expect(page.getByRole("button", { name: /^Sửa \(/ }).count()).resolves.toBe(0);
    await unitMissing.click();
    await expect(page.locator('td[aria-selected="true"]').count()).resolves.toBe(1);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("says what to do with a .doc dropped on the page", async () => {
    const doc = new Uint8Array(2048);
    doc.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    for (const [i, ch] of [..."WordDocument"].entries()) doc[1024 + i * 2] = ch.charCodeAt(0);
    const { page } = await pageWith();
    await page.locator("#file-input").setInputFiles([writeTmp("ke-hoach.doc", doc)]);
    await page.getByText(/là văn bản Word cũ \(\.doc, Word 97-2003\)/).waitFor();
  });

  it("consolidates .docx and .xlsx files opened in the page together", async () => {
    const files = [writeTmp("000.docx", seedDocx("000")), writeTmp("001.xlsx", await seedWorkbook("001")), writeTmp("004.docx", seedDocx("004", { rich: true }))];
    const { page, foreign } = await pageWith();
    await page.locator("#file-input").setInputFiles(files);
    await page.getByRole("tab", { name: "004.docx" }).waitFor();
    const pane = page.locator("aside > div:visible");
    await pane.getByRole("button", { name: "Tổng hợp", exact: true }).click();
    await expect(pane.getByRole("group", { name: "Tệp đã mở trong trang này" }).getByRole("checkbox", { checked: true }).count()).resolves.toBe(3);
    await pane.getByRole("button", { name: /^Tổng hợp ngay/ }).click();
    await pane.getByText(/^Đã tổng hợp 3\/3 nguồn/).waitFor({ timeout: 60_000 });
    await pane.getByRole("button", { name: "Xem sổ tổng hợp" }).click();
    await page.getByRole("tab", { name: "Nguồn" }).click();
    for (const name of ["Nhơn Trạch", "Tân Lợi", "Phú Trung"]) await expect(page.locator("td", { hasText: name }).first().isVisible()).resolves.toBe(true);
    expect(foreign).toEqual([]);
  });

  it("“Xuất Word” downloads the chosen appendix as a Word document", async () => {
    const input = writeTmp("minh-hung.xlsx", await seedWorkbook("002"));
    const { page, foreign, errors } = await pageWith();
    await page.locator("#file-input").setInputFiles([input]);
    await page.getByRole("tab", { name: "Phụ lục I", exact: true }).waitFor();
    await page.getByRole("button", { name: "Tính toán & cảnh báo" }).click();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Xuất Word" }).click()]);
    expect(download.suggestedFilename()).toBe("Phụ lục I.docx");
    const file = path.join(tmp, "xuat.docx");
    await download.saveAs(file);
    await page.getByText(/Đã tạo văn bản Word “Phụ lục I\.docx”/).waitFor();
    const wb = await readDocx(new Uint8Array(fs.readFileSync(file)), "xuat.docx");
    const sheet = wb.sheets.find((s) => s.name === "Phụ lục I")!;
    expect(sheet.values.some((r) => r.includes("Tỉ lệ phủ sóng 5G trên địa bàn"))).toBe(true);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  });
});
