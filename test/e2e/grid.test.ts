/**
 * The web page's grid and its flow, in Debian's Chromium: cells shown as Excel shows
 * them (number formats, dates, hidden rows, columns and sheets, notes), the add-in's
 * columns computed and compared with LibreOffice's recalculation of the download,
 * results typed in place with undo, a warning before unsaved work is lost, progress
 * while each command runs, and a usable page 350 px wide.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { build, serve, launch, openPage } from "./harness";
import { readBack } from "../xlsx";
import { recalculate } from "../libreoffice";
import { COMMUNES } from "../../src/catalog";
import { generateCommuneWorkbook, communeFileName } from "../generate";

jest.setTimeout(300_000);
let browser: Browser;
let server: { url: string; close: () => Promise<void> };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-grid-"));
const FIXTURES = path.join(__dirname, "..", "fixtures", "workbooks");

beforeAll(async () => {
  build();
  server = await serve();
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/**
 * The page, with a recorder of every "busy" line drawn (the spinner a command shows
 * while it runs), kept from the first frame on, so that no assertion depends on timing.
 */
async function pageWith(width = 1280) {
  const p = await openPage(browser, server.url, width);
  await p.page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __busy: string[] }).__busy = seen;
    new MutationObserver(() => {
      for (const el of document.querySelectorAll('[role="status"][aria-busy="true"]')) {
        const text = (el.textContent ?? "").trim();
        if (el.querySelector('[role="progressbar"]') && !seen.includes(text)) seen.push(text);
      }
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  await p.page.goto(`${server.url}/web/index.html`);
  await p.page.getByRole("button", { name: "Mở tệp .xlsx" }).waitFor();
  return p;
}

const busySeen = (page: Page) => page.evaluate(() => (window as unknown as { __busy: string[] }).__busy.slice());

/** What the grid shows now: A1 → text, colours. */
async function grid(page: Page): Promise<Record<string, { text: string; color: string; background: string }>> {
  return page.evaluate(() => {
    const out: Record<string, { text: string; color: string; background: string }> = {};
    for (const td of document.querySelectorAll<HTMLElement>("td[data-cell]")) {
      if (!td.offsetParent) continue; // a hidden file's grid
      const s = getComputedStyle(td);
      out[td.dataset.cell!] = { text: td.innerText.trim(), color: s.color, background: s.backgroundColor };
    }
    return out;
  });
}

/** The column letter whose cell in some row reads `label`. */
function columnOf(cells: Record<string, { text: string }>, label: string): { col: string; row: number } {
  const hit = Object.entries(cells).find(([, c]) => c.text.replace(/\s+/g, " ") === label);
  if (!hit) throw new Error(`no cell reads "${label}"`);
  const [, col, row] = hit[0].match(/^([A-Z]+)(\d+)$/)!;
  return { col, row: Number(row) };
}

async function download(page: Page): Promise<{ name: string; bytes: Uint8Array }> {
  const [d] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Tải xuống tệp kết quả" }).click()]);
  const file = path.join(tmp, `dl-${Date.now()}.xlsx`);
  await d.saveAs(file);
  return { name: d.suggestedFilename(), bytes: new Uint8Array(fs.readFileSync(file)) };
}

/** Would leaving the page now ask first? (the page's beforeunload handler cancels the event) */
const asksBeforeLeaving = (page: Page) =>
  page.evaluate(() => {
    const e = new Event("beforeunload", { cancelable: true });
    window.dispatchEvent(e);
    return e.defaultPrevented;
  });

/** A workbook as openpyxl writes it: built-in and custom formats, a hidden row and column, a note. */
function openpyxlWorkbook(file: string): void {
  const script = `
import datetime, sys, openpyxl
from openpyxl.comments import Comment
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Số liệu"
ws["A1"] = "Ngày báo cáo"; ws["B1"] = datetime.datetime(2026, 11, 30); ws["B1"].number_format = "mm-dd-yy"
ws["A2"] = "Tỷ lệ phủ sóng"; ws["B2"] = 0.6; ws["B2"].number_format = "0%"
ws["A3"] = "Dòng ẩn"; ws.row_dimensions[3].hidden = True
ws["A4"] = "Kinh phí"; ws["B4"] = 1234.5; ws["B4"].number_format = "#,##0.00"
ws["A5"] = "Hệ số"; ws["B5"] = 0.6
ws["A5"].comment = Comment("Số liệu tạm tính, chờ Phòng VH-XH xác nhận.", "Phòng VH-XH")
ws["C1"] = "Cột ẩn"; ws.column_dimensions["C"].hidden = True
ws["D1"] = "Hạn"; ws["D2"] = datetime.datetime(2026, 6, 30); ws["D2"].number_format = "dd/mm/yyyy"
ws["D4"] = 0.125; ws["D4"].number_format = "0.0%"
ws.column_dimensions["A"].width = 24
wb.save(sys.argv[1])
`;
  execFileSync("/usr/bin/python3", ["-c", script, file]);
}

describe("the page's grid", () => {
  it("shows cells as Excel does: Vietnamese number formats, dates, percentages; hidden rows, columns and sheets left out; notes on hover", async () => {
    const made = path.join(tmp, "so-lieu.xlsx");
    openpyxlWorkbook(made);
    const { page, errors } = await pageWith();
    await page.locator("#file-input").setInputFiles([made, path.join(FIXTURES, "full-openpyxl.xlsx")]);
    await page.getByRole("tab", { name: "full-openpyxl.xlsx" }).waitFor();
    await page.getByRole("tab", { name: "so-lieu.xlsx" }).click();
    await page.locator('td[data-cell="B1"]').waitFor();
    const cells = await grid(page);
    expect(cells.B1.text).toBe("30/11/2026"); // built-in format 14: the system's short date, dd/mm/yyyy in Vietnam
    expect(cells.B2.text).toBe("60%");
    expect(cells.B4.text).toBe("1.234,50");
    expect(cells.B5.text).toBe("0,6");
    expect(cells.D2.text).toBe("30/06/2026");
    expect(cells.D4.text).toBe("12,5%");
    expect(cells.A3).toBeUndefined(); // hidden row
    expect(cells.C1).toBeUndefined(); // hidden column
    // A note: a corner mark; its text on hover.
    const a5 = page.locator('td[data-cell="A5"]');
    await a5.hover();
    await expect(a5.getByRole("tooltip").textContent()).resolves.toBe("Số liệu tạm tính, chờ Phòng VH-XH xác nhận.");
    // No column is narrower than the few characters a number needs.
    const widths = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('thead th[scope="col"]')].filter((t) => t.offsetParent).map((t) => t.getBoundingClientRect().width));
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(40);

    await page.getByRole("tab", { name: "full-openpyxl.xlsx" }).click();
    const sheetTabs = page.getByRole("tablist", { name: "Trang tính" });
    await sheetTabs.getByRole("tab", { name: "Tổng hợp" }).click();
    await page.locator('td[data-cell="B11"]').waitFor();
    const summary = await grid(page);
    expect(summary.B11.text).toBe("1.250.000.000 đồng");
    expect(summary.B12.text).toBe("-35.000.000");
    expect(summary.B12.color).toBe("rgb(255, 0, 0)"); // the format's [Red]
    expect(summary.B13.text).toBe("22/11/2026");
    // The hidden and the very hidden sheet have no tab until asked for.
    await expect(sheetTabs.getByRole("tab", { name: /Danh mục đơn vị|Cấu hình/ }).count()).resolves.toBe(0);
    await page.getByText("2 trang tính đang ẩn", { exact: false }).waitFor();
    await page.getByRole("button", { name: "Hiện trang tính ẩn" }).click();
    await expect(sheetTabs.getByRole("tab", { name: "Danh mục đơn vị (ẩn)" }).isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
  });

  it("computes rates and verdicts as LibreOffice does; a result typed in place updates its verdict, with undo; unsaved work is not lost without a question", async () => {
    const c = COMMUNES[3];
    const input = path.join(tmp, communeFileName(c, 7));
    fs.writeFileSync(input, await generateCommuneWorkbook(c, { layout: "000", seed: 7, asOf: "2026-11-30" }));
    const { page, errors } = await pageWith();
    await page.locator("#file-input").setInputFiles(input);
    await page.locator('td[data-cell="A1"]').waitFor();
    await expect(asksBeforeLeaving(page)).resolves.toBe(false);

    await page.getByRole("button", { name: "Tính toán & cảnh báo" }).click();
    await page.getByLabel("Ngày báo cáo").fill("2026-11-30");
    await page.getByRole("button", { name: "Tính toán ngay" }).click();
    await page.getByText(/^Đã thêm hoặc làm mới các cột tính toán/).waitFor();
    expect(await busySeen(page)).toContain("Đang tính…");
    const cells = await grid(page);
    const rate = columnOf(cells, "Tỷ lệ đạt (%)");
    const verdict = columnOf(cells, "Đánh giá");
    const result = columnOf(cells, "Kết quả thực hiện");
    const rows = Object.keys(cells)
      .filter((a) => a.startsWith(verdict.col) && /^\d+$/.test(a.slice(verdict.col.length)))
      .map((a) => Number(a.slice(verdict.col.length)))
      .filter((r) => r > verdict.row && cells[`${verdict.col}${r}`].text !== "");
    expect(rows.length).toBeGreaterThan(10);

    // The same figures as LibreOffice computes from the downloaded file's formulas.
    const first = await download(page);
    const lo = (await readBack(await recalculate(first.bytes))).sheets.find((s) => s.name === "Chỉ tiêu")!;
    const colIndex = (letter: string) => letter.charCodeAt(0) - 64;
    const mismatches: string[] = [];
    for (const r of rows) {
      const loVerdict = lo.values[r - 1][colIndex(verdict.col) - 1];
      const loRate = lo.values[r - 1][colIndex(rate.col) - 1];
      if (cells[`${verdict.col}${r}`].text !== loVerdict) mismatches.push(`${verdict.col}${r}: ${cells[`${verdict.col}${r}`].text} vs ${loVerdict}`);
      if (typeof loRate !== "number" || cells[`${rate.col}${r}`].text !== `${Math.round(loRate * 100)}%`) mismatches.push(`${rate.col}${r}: ${cells[`${rate.col}${r}`].text} vs ${loRate}`);
    }
    expect(mismatches).toEqual([]);
    // Verdicts are coloured as Excel's conditional formats colour them.
    const met = rows.find((r) => cells[`${verdict.col}${r}`].text === "Đạt")!;
    expect(cells[`${verdict.col}${met}`].background).toBe("rgb(198, 239, 206)");

    // Type results into the row whose target is "≥ 60%".
    const target = Object.entries(cells).find(([a, v]) => v.text === "≥ 60%" && Number(a.replace(/^[A-Z]+/, "")) > verdict.row)!;
    const row = Number(target[0].replace(/^[A-Z]+/, ""));
    const resultCell = page.locator(`td[data-cell="${result.col}${row}"]`);
    const shown = async () => {
      const now = await grid(page);
      return [now[`${result.col}${row}`].text, now[`${rate.col}${row}`].text, now[`${verdict.col}${row}`].text];
    };
    await resultCell.dblclick();
    const editor = page.getByRole("textbox", { name: `Kết quả thực hiện, dòng ${row}` });
    await editor.fill("50%");
    await editor.press("Enter");
    await page.locator(`td[data-cell="${verdict.col}${row}"]`, { hasText: "Chưa đạt" }).waitFor();
    expect(await shown()).toEqual(["50%", "83%", "Chưa đạt"]);
    await expect(asksBeforeLeaving(page)).resolves.toBe(true);
    // Typing on a selected cell starts editing, as in Excel; 70 typed into a percentage cell is 70%.
    await resultCell.click();
    await page.keyboard.type("70");
    await page.keyboard.press("Enter");
    await page.locator(`td[data-cell="${verdict.col}${row}"]`, { hasText: "Vượt" }).waitFor();
    expect(await shown()).toEqual(["70%", "117%", "Vượt"]);
    await page.keyboard.press("Control+z");
    await page.locator(`td[data-cell="${verdict.col}${row}"]`, { hasText: "Chưa đạt" }).waitFor();
    expect(await shown()).toEqual(["50%", "83%", "Chưa đạt"]);
    await page.getByRole("button", { name: "Làm lại" }).click();
    await page.locator(`td[data-cell="${verdict.col}${row}"]`, { hasText: "Vượt" }).waitFor();
    await page.getByRole("button", { name: "Hoàn tác" }).click();
    await page.locator(`td[data-cell="${verdict.col}${row}"]`, { hasText: "Chưa đạt" }).waitFor();

    // The download carries the typed result and its verdict, and LibreOffice agrees.
    const second = await download(page);
    expect(second.name).toBe(first.name);
    await expect(asksBeforeLeaving(page)).resolves.toBe(false);
    const stored = (await readBack(second.bytes)).sheets.find((s) => s.name === "Chỉ tiêu")!;
    expect(stored.values[row - 1][colIndex(result.col) - 1]).toBe(0.5);
    expect(stored.values[row - 1][colIndex(verdict.col) - 1]).toBe("Chưa đạt");
    const again = (await readBack(await recalculate(second.bytes))).sheets.find((s) => s.name === "Chỉ tiêu")!;
    expect(again.values[row - 1][colIndex(verdict.col) - 1]).toBe("Chưa đạt");
    expect(again.values[row - 1][colIndex(rate.col) - 1]).toBeCloseTo(0.8333, 4);

    // A change not downloaded: closing the page asks first.
    await resultCell.dblclick();
    await editor.fill("");
    await editor.press("Enter");
    await page.locator(`td[data-cell="${verdict.col}${row}"]`, { hasText: "Chưa đạt" }).waitFor({ state: "detached" });
    const dialog = page.waitForEvent("dialog");
    await page.close({ runBeforeUnload: true });
    const d = await dialog;
    expect(d.type()).toBe("beforeunload");
    await d.accept();
    expect(errors).toEqual([]);
  });

  it("shows progress while each command runs, and says what to do in an empty workbook", async () => {
    const { page, errors } = await pageWith();
    await page.getByRole("button", { name: "Sổ làm việc mới" }).click();
    // Nothing to check yet: the check says so instead of answering `Không có trang tính "".`
    await page.getByRole("button", { name: "Kiểm tra", exact: true }).click();
    await page.getByText(/Sổ làm việc chưa có trang tính nào để kiểm tra/).first().waitFor();
    await expect(page.getByRole("button", { name: "Kiểm tra ngay" }).isDisabled()).resolves.toBe(true);

    const combo = page.getByRole("combobox", { name: "Xã, phường" });
    await combo.click();
    await combo.pressSequentially("tan loi");
    await page.getByRole("option", { name: "Xã Tân Lợi" }).click();
    await page.getByRole("radio", { name: "Báo cáo kết quả" }).check();
    await page.getByRole("button", { name: "Chèn vào sổ làm việc" }).click();
    await page.getByText(/^Đã chèn:/).waitFor();
    // The result is where the eye is: the grid shows the first new sheet.
    await page.getByRole("tab", { name: "Phụ lục I", exact: true, selected: true }).waitFor();

    await page.getByRole("button", { name: "Kiểm tra ngay" }).click();
    await page.getByText(/^Đã kiểm tra trang tính/).waitFor();
    await page.getByRole("button", { name: "Tính toán & cảnh báo" }).click();
    await page.getByRole("button", { name: "Tính toán ngay" }).click();
    await page.getByText(/^Đã thêm hoặc làm mới/).waitFor();
    await page.getByRole("button", { name: "Tạo trang Tổng quan" }).click();
    await page.getByText(/^Đã tạo trang tính “/).waitFor();
    await page.getByRole("button", { name: "Tổng hợp", exact: true }).click();
    await page.getByRole("checkbox", { name: "Phụ lục I", exact: true }).check();
    await page.getByRole("button", { name: /^Tổng hợp ngay/ }).click();
    // Any outcome of the consolidation ends the wait (the earlier commands' lines are left out), so a
    // failure shows what the page said, and the console's errors, rather than a bare timeout.
    const outcome = page.locator("[data-intent]").filter({ hasNotText: /^(Đã chèn|Đã kiểm tra|Đã thêm hoặc làm mới|Đã tạo trang tính)/ }).first();
    await outcome.waitFor();
    expect([await outcome.innerText(), errors]).toEqual([expect.stringMatching(/nguồn vào sổ làm việc mới|Chưa tổng hợp được nguồn nào/), []]);
    expect(await busySeen(page)).toEqual(
      expect.arrayContaining(["Đang chèn phụ lục…", "Đang kiểm tra…", "Đang tính…", "Đang tạo trang Tổng quan…", "Đang đọc các nguồn…"]),
    );
    expect(errors).toEqual([]);
  });

  it("is usable 350 px wide: grid above the pane, tabs that scroll, no one-character columns", async () => {
    const { page, errors } = await pageWith(350);
    await page.getByRole("button", { name: "Sổ làm việc mới" }).click();
    const combo = page.getByRole("combobox", { name: "Xã, phường" });
    await combo.click();
    await combo.pressSequentially("minh hung");
    await page.getByRole("option", { name: "Phường Minh Hưng" }).click();
    await page.getByRole("radio", { name: "Báo cáo kết quả" }).check();
    await page.getByRole("button", { name: "Chèn vào sổ làm việc" }).click();
    await page.getByText(/^Đã chèn:/).waitFor();
    await page.getByRole("button", { name: "Hiện trang tính ẩn" }).click().catch(() => undefined); // the list sheet, where it is hidden
    await page.locator("td[data-cell]").first().waitFor();

    const layout = await page.evaluate(() => {
      const gridBox = document.querySelector('[role="grid"]')!.closest("div")!.getBoundingClientRect();
      const paneBox = document.querySelector("aside")!.getBoundingClientRect();
      const tabs = document.querySelector('[role="tablist"][aria-label="Trang tính"]')!.parentElement!;
      const cols = [...document.querySelectorAll<HTMLElement>('thead th[scope="col"]')].map((t) => t.getBoundingClientRect().width);
      // Characters per rendered line of every cell with some text in it (lines counted on the text itself, not the row's height).
      const perLine = [...document.querySelectorAll<HTMLElement>("td[data-cell]")]
        .filter((td) => td.innerText.trim().length >= 8)
        .map((td) => {
          const range = document.createRange();
          range.selectNodeContents(td);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size || 1;
          return { cell: td.dataset.cell, chars: td.innerText.trim().length / lines };
        });
      return {
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        gridAbovePane: gridBox.bottom <= paneBox.top + 1,
        gridWidth: gridBox.width,
        tabsScroll: getComputedStyle(tabs).overflowX,
        narrowest: Math.min(...cols),
        worst: perLine.sort((a, b) => a.chars - b.chars)[0],
      };
    });
    expect(layout.overflow).toBeLessThanOrEqual(0);
    expect(layout.gridAbovePane).toBe(true);
    expect(layout.gridWidth).toBeLessThanOrEqual(350);
    expect(layout.tabsScroll).toBe("auto");
    expect(layout.narrowest).toBeGreaterThanOrEqual(20);
    expect(layout.worst.chars).toBeGreaterThanOrEqual(4);
    // Every sheet tab can be reached: the last one scrolls into view and opens its sheet.
    const last = page.getByRole("tablist", { name: "Trang tính" }).getByRole("tab").last();
    await last.scrollIntoViewIfNeeded();
    await last.click();
    await expect(last.getAttribute("aria-selected")).resolves.toBe("true");
    expect(errors).toEqual([]);
  });
});
