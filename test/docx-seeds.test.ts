/**
 * The seed plans as Word documents (hand-built in Word's own style, test/docx.ts)
 * through the command line: `check`, `compute --json` and `consolidate` read them as
 * they read the seeds' .xlsx transcriptions.
 */
import type { CliIO } from "../src/cli/io";
import { main } from "../src/cli/main";
import type { SheetSnapshot } from "../src/domain/snapshot";
import { loadSeed, SEED_IDS } from "./seeds";
import { planDocx, seedDocx } from "./docx";
import { seedWorkbook, workbookOf } from "./xlsx";
import { differences, type CheckJson } from "./check-compare";

function fakeIO(files: Record<string, Uint8Array>) {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, Uint8Array> = {};
  const io: CliIO = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readFile: async (p) => {
      if (!(p in files)) throw new Error("ENOENT");
      return files[p];
    },
    writeFile: async (p, d) => {
      written[p] = d;
    },
    exists: (p) => p in files || p in written,
    today: () => "2026-06-30",
  };
  return { io, out, err, written };
}

async function cli(args: string[], files: Record<string, Uint8Array>) {
  const { io, out, err, written } = fakeIO(files);
  const code = await main(args, io);
  return { code, out: out.join("\n"), err: err.join("\n"), written };
}

/** The index (0-based) of a seed sheet's header row: the first row starting with STT/TT/(1). */
function headerIndex(s: SheetSnapshot): number {
  return s.values.findIndex((row) => {
    const first = row.find((v) => v !== null);
    return typeof first === "string" && /^(stt|tt|\(1\))/i.test(first.trim());
  });
}

const files: Record<string, Uint8Array> = {};
beforeAll(async () => {
  for (const id of SEED_IDS) {
    files[`${id}.xlsx`] = await seedWorkbook(id);
    files[`${id}.docx`] = seedDocx(id);
    files[`${id}-word.docx`] = seedDocx(id, { rich: true });
  }
});

describe("phuluc check on the seed plans as .docx", () => {
  it.each(SEED_IDS)("seed %s: the same findings as on its .xlsx transcription, placed by table, row and column", async (id) => {
    const seed = loadSeed(id);
    const xlsx = await cli(["check", `${id}.xlsx`, "--json"], files);
    const plain = await cli(["check", `${id}.docx`, "--json"], files);
    const rich = await cli(["check", `${id}-word.docx`, "--json"], files);
    const x = JSON.parse(xlsx.out) as CheckJson;
    const d = JSON.parse(plain.out) as CheckJson;
    expect(x.sheets.filter((s) => s.kind !== "unknown").length).toBe(seed.sheets.length);
    expect(differences(x, d)).toEqual([]);
    expect(differences(x, JSON.parse(rich.out) as CheckJson)).toEqual([]);
    expect([plain.code, rich.code]).toEqual([xlsx.code, xlsx.code]);

    // Every finding of a table cell is placed where the official finds it in Word: the
    // Word row is the sheet row counted from the table's header row.
    const xs = x.sheets.filter((s) => s.kind !== "unknown");
    const ds = d.sheets.filter((s) => s.kind !== "unknown");
    xs.forEach((xsheet, i) => {
      const header = headerIndex(seed.sheets.find((s) => s.name === xsheet.name)!) + 1;
      xsheet.findings.forEach((f, k) => {
        const location = ds[i].findings[k].location!;
        const row = Number(f.cell.replace(/^[A-Z]+/, ""));
        if (row < header) expect(location).toMatch(/^phần tiêu đề phía trên Bảng \d+$/);
        else expect(location).toMatch(new RegExp(`^Bảng \\d+, dòng ${row - header + 1}, cột \\S`));
      });
    });
    // The JSON keeps the A1 address.
    expect(ds.flatMap((s) => s.findings).every((f) => /^[A-Z]+\d+$/.test(f.cell))).toBe(true);
  });

  it("prints “Bảng N, dòng M, cột …” in the report for people (002: III.1 has no unit)", async () => {
    const seed = loadSeed("002").sheet("Phụ lục I");
    const group = seed.values.findIndex((r) => r[0] === "III");
    const wordRow = group + 1 - headerIndex(seed) + 1; // the item right under group III
    const r = await cli(["check", "002.docx"], files);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(new RegExp(`Bảng \\d+ — Phụ lục I \\(bảng chỉ tiêu\\) — Phường Minh Hưng`));
    expect(r.out).toMatch(new RegExp(`Bảng \\d+, dòng ${wordRow}, cột Đơn vị tính \\[lỗi\\] Chỉ tiêu chưa ghi đơn vị tính`));
    expect(r.out).toMatch(/Bỏ qua \d+ bảng không phải bảng phụ lục/);
    expect(r.out).toContain("Chưa sẵn sàng nộp");
  });

  it("checks one table chosen by its name or its number", async () => {
    const byName = JSON.parse((await cli(["check", "002.docx", "--json", "--sheet", "phụ lục ii"], files)).out) as CheckJson;
    expect(byName.sheets.map((s) => s.name)).toEqual(["Phụ lục II"]);
    const list = await cli(["check", "002.docx", "--sheet", "Bảng 99"], files);
    expect(list.code).toBe(2);
    expect(list.err).toMatch(/Văn bản không có bảng "Bảng 99"\. Các bảng: .*"Phụ lục I"/);
  });
});

describe("phuluc compute on a .docx", () => {
  // Seed 002's indicators with results in a "Kết quả thực hiện" column, as a unit reports them: in Excel
  // "70%" typed is the number 0.7 shown as "0%"; in Word it is the text "70%" (planDocx writes what Excel shows).
  function withResults(): SheetSnapshot {
    const s = loadSeed("002").sheet("Phụ lục I");
    const h = headerIndex(s);
    const results = [0.7, 0.65, null, 0.01, 1, 0.9, "Có tham gia"];
    const result = (i: number) => (i === h ? "Kết quả thực hiện" : i > h ? (results[(i - h) % results.length] ?? null) : null);
    const values = s.values.map((row, i) => [...row, result(i)]);
    const numberFormats = s.values.map((row, i) => [...row.map(() => null), typeof result(i) === "number" ? "0%" : null]);
    return { ...s, values, numberFormats };
  }

  it("prints the rates and flags it computes for the .xlsx of the same table, and writes nothing", async () => {
    const sheet = withResults();
    const docx = planDocx("Phường Minh Hưng", [sheet], { rich: true });
    const xlsx = await workbookOf([sheet]);
    const fromXlsx = await cli(["compute", "pl.xlsx", "-o", "out.xlsx", "--json", "--as-of", "2026-06-30"], { "pl.xlsx": xlsx });
    const fromDocx = await cli(["compute", "pl.docx", "--json", "--as-of", "2026-06-30"], { "pl.docx": docx });
    expect(fromDocx.code).toBe(0);
    expect(Object.keys(fromDocx.written)).toEqual([]);
    type Rep = { sheets: { indicators: { indicatorCode: string | null; target: string | null; result: unknown; rate: number | null; verdict: string | null; tableRow?: number }[] }[] };
    const a = (JSON.parse(fromXlsx.out) as Rep).sheets[0].indicators;
    const b = (JSON.parse(fromDocx.out) as Rep).sheets[0].indicators;
    const strip = (i: Rep["sheets"][0]["indicators"][0]) => ({ code: i.indicatorCode, target: i.target, result: i.result, rate: i.rate, verdict: i.verdict });
    expect(b.map(strip)).toEqual(a.map(strip));
    expect(b.some((i) => i.verdict === "Đạt" || i.verdict === "Vượt")).toBe(true);
    expect(b.some((i) => i.verdict === "Chưa đạt")).toBe(true);
    // Rows also as the official counts them in the Word table (header row = 1).
    expect(b[0].tableRow).toBe(3);
  });

  it("refuses -o for a Word document with a message saying what to do", async () => {
    const r = await cli(["compute", "002.docx", "-o", "ket-qua.xlsx"], files);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/là văn bản Word: lệnh compute không ghi cột tính toán vào văn bản Word nên không dùng -o/);
    expect(Object.keys(r.written)).toEqual([]);
  });

  it("prints a short summary for people without --json", async () => {
    const r = await cli(["compute", "002.docx", "--as-of", "2026-06-30"], files);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/— Phụ lục I \(ngày báo cáo 30\/06\/2026\):\n {2}\d+ chỉ tiêu: /);
    expect(r.out).toContain("không ghi tệp nào");
  });
});

describe("phuluc consolidate with .docx", () => {
  it("gives the same counts for a mix of .docx and .xlsx as for all-.xlsx", async () => {
    const all = await cli(["consolidate", "000.xlsx", "001.xlsx", "002.xlsx", "004.xlsx", "--json", "--as-of", "2026-06-30"], files);
    const mix = await cli(["consolidate", "000.docx", "001-word.docx", "002.xlsx", "004-word.docx", "--json", "--as-of", "2026-06-30"], files);
    expect(all.code).toBe(0);
    expect(mix.code).toBe(0);
    const a = JSON.parse(all.out);
    const b = JSON.parse(mix.out);
    // Everything but the file name, which differs by its extension.
    const sources = (j: { sources: Record<string, unknown>[] }) => j.sources.map((x) => Object.fromEntries(Object.entries(x).filter(([k]) => k !== "file")));
    expect(sources(b)).toEqual(sources(a));
    // Every plan is read and counted; plans carry targets, and those without any result yet say so.
    expect(a.sources.every((s: { status: string }) => s.status === "ok" || s.status === "no-result")).toBe(true);
    expect(b.indicators).toEqual(a.indicators);
    expect(b.tasks).toEqual(a.tasks);
    // Where each overdue task is: the Word table's row, counted from the header (the sheet's
    // title rows are paragraphs above the table). The rich variants split a table across a
    // page with its header repeated, which Word rows count, so plain Word files are compared.
    type Overdue = { unit: string; sheet: string; row: number };
    const withoutRow = (list: Overdue[]) => list.map((o) => ({ ...o, row: undefined }));
    expect(withoutRow(b.overdue)).toEqual(withoutRow(a.overdue));
    const plain = JSON.parse((await cli(["consolidate", "000.docx", "001.docx", "002.xlsx", "004.docx", "--json", "--as-of", "2026-06-30"], files)).out);
    const seedOf: Record<string, string> = { "Xã Nhơn Trạch": "000", "Xã Tân Lợi": "001", "Xã Phú Trung": "004" };
    expect(a.overdue.filter((o: Overdue) => seedOf[o.unit]).length).toBeGreaterThan(0);
    expect(plain.overdue).toEqual(
      a.overdue.map((o: Overdue) => (seedOf[o.unit] ? { ...o, row: o.row - headerIndex(loadSeed(seedOf[o.unit]).sheet(o.sheet)) } : o)),
    );
  });
});

describe("phuluc export", () => {
  it("writes a seed's appendix as a Word file that reads back with the same findings", async () => {
    const r = await cli(["export", "002.xlsx", "--sheet", "phụ lục i", "-o", "pl1.docx"], files);
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toBe('Đã xuất trang "Phụ lục I" sang văn bản Word "pl1.docx".');
    const docx = { ...files, "pl1.docx": r.written["pl1.docx"] };
    const x = JSON.parse((await cli(["check", "002.xlsx", "--json", "--sheet", "Phụ lục I"], files)).out) as CheckJson;
    const d = JSON.parse((await cli(["check", "pl1.docx", "--json", "--sheet", "Phụ lục I"], docx)).out) as CheckJson;
    expect(differences(x, d)).toEqual([]);
  });

  it("refuses what it cannot do, saying why", async () => {
    const usage = async (args: string[], expected: RegExp) => {
      const r = await cli(["export", ...args], files);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(expected);
      expect(Object.keys(r.written)).toEqual([]);
    };
    await usage(["002.xlsx"], /Thiếu tệp kết quả: thêm -o PHỤ-LỤC\.docx/);
    await usage(["002.xlsx", "-o", "pl.xlsx"], /phải có đuôi \.docx/);
    await usage(["002.xlsx", "-o", "001.docx"], /Tệp "001\.docx" đã có/);
    await usage(["khong-co.xlsx", "-o", "x.docx"], /Không tìm thấy tệp "khong-co\.xlsx"/);
    await usage(["002.xlsx", "-o", "x.docx"], /Tệp có 2 phụ lục; hãy chọn một bằng --sheet: "Phụ lục I", "Phụ lục II"/);
    await usage(["002.xlsx", "--sheet", "Phụ lục III", "-o", "x.docx"], /Không có trang tính "Phụ lục III"/);
  });
});
