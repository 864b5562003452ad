import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import type { CliIO } from "../src/cli/io";
import { main } from "../src/cli/main";
import { seedWorkbook } from "./xlsx";

interface Run {
  code: number;
  out: string;
  err: string;
}

function fakeIO(files: Record<string, Uint8Array>): { io: CliIO; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      readFile: async (p) => {
        if (!(p in files)) throw new Error("ENOENT");
        return files[p];
      },
      writeFile: async () => {
        throw new Error("check must not write files");
      },
      exists: (p) => p in files,
      today: () => "2026-06-30",
    },
  };
}

async function check(args: string[], files: Record<string, Uint8Array>): Promise<Run> {
  const { io, out, err } = fakeIO(files);
  const code = await main(["check", ...args], io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const NO_STACK = /\n\s+at\s|Error:|\.ts:\d+/;

describe("phuluc check (in process)", () => {
  let seeds: Record<string, Uint8Array>;
  beforeAll(async () => {
    seeds = {};
    for (const id of ["000", "001", "002", "004"]) seeds[`${id}.xlsx`] = await seedWorkbook(id);
  });

  it("exits 0 and says “Sẵn sàng nộp” when no error is found (000)", async () => {
    const r = await check(["000.xlsx"], seeds);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Sẵn sàng nộp");
    expect(r.out).toMatch(/0 lỗi, \d+ cảnh báo, \d+ lưu ý/);
    expect(r.out).toContain("D22 [lưu ý]");
    expect(r.out).toContain("E25 [cảnh báo]");
    expect(r.err).toBe("");
  });

  it("exits 1 and lists the errors by row when there are errors (001)", async () => {
    const r = await check(["001.xlsx"], seeds);
    expect(r.code).toBe(1);
    expect(r.out).toContain("Dòng 15:");
    expect(r.out).toContain("C15 [lỗi]");
    expect(r.out).toContain("D15 [lỗi]");
    expect(r.out).not.toContain("Sẵn sàng nộp (");
    expect(r.out).toContain("Chưa sẵn sàng nộp");
  });

  it("prints exactly one JSON object of the documented shape with --json", async () => {
    const r = await check(["002.xlsx", "--json"], seeds);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    expect(Object.keys(doc)).toEqual(["file", "sheets"]);
    expect(doc.file).toBe("002.xlsx");
    expect(doc.sheets.map((s: { name: string }) => s.name)).toEqual(["Phụ lục I", "Phụ lục II"]);
    for (const s of doc.sheets) {
      expect(Object.keys(s)).toEqual(["name", "kind", "commune", "rows", "findings", "counts"]);
      expect(s.commune).toEqual({ code: "25441", name: "Minh Hưng", type: "phuong" });
      for (const row of s.rows) expect(Object.keys(row)).toEqual(["row", "kind", "indicatorCode"]);
      for (const f of s.findings) expect(Object.keys(f)).toEqual(["code", "severity", "cell", "message", "fix"]);
      const counted = { error: 0, warning: 0, info: 0 } as Record<string, number>;
      for (const f of s.findings) counted[f.severity]++;
      expect(s.counts).toEqual(counted);
    }
    const ind = doc.sheets[0];
    expect(ind.kind).toBe("indicators");
    expect(ind.rows.find((x: { row: number }) => x.row === 38).indicatorCode).toBe("CDS-17");
    expect(ind.findings.find((f: { cell: string; code: string }) => f.cell === "E37" && f.code === "body-type-word").fix).toBe("Công an phường");
    expect(ind.findings.find((f: { cell: string }) => f.cell === "E35").fix).toBeNull();
  });

  it("checks one sheet with --sheet, and refuses a sheet that does not exist", async () => {
    const one = JSON.parse((await check(["002.xlsx", "--sheet", "Phụ lục II", "--json"], seeds)).out);
    expect(one.sheets.map((s: { name: string }) => s.name)).toEqual(["Phụ lục II"]);
    expect((await check(["002.xlsx", "--sheet", "Phụ lục II"], seeds)).code).toBe(0);
    const missing = await check(["002.xlsx", "--sheet", "Phụ lục IX"], seeds);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("không có trang tính");
    expect(missing.err).toContain("Phụ lục I");
  });

  it("takes the plan year from --nam and the report date from --as-of", async () => {
    const cells = (r: Run, code: string) =>
      JSON.parse(r.out)
        .sheets[0].findings.filter((f: { code: string }) => f.code === code)
        .map((f: { cell: string }) => f.cell)
        .sort();
    expect(cells(await check(["004.xlsx", "--json"], seeds), "deadline-outside-year")).toEqual(["F31", "F37", "F43", "F9"]);
    // For a 2025 plan, "12/2026" and "12/2027" are outside the year and "11/2025" is not.
    const y2025 = cells(await check(["004.xlsx", "--json", "--nam", "2025"], seeds), "deadline-outside-year");
    expect(y2025).toContain("F43");
    expect(y2025).toContain("F26");
    expect(y2025).not.toContain("F9");
    // Nhơn Trạch is a phường from 30/4/2026: a report as of June must say "Công an phường"
    // (E28) and "Thường trực HĐ TĐKT phường" (E15), not "... xã".
    const june = await check(["000.xlsx", "--json", "--as-of", "2026-06-15"], seeds);
    expect(JSON.parse(june.out).sheets[0].commune.type).toBe("phuong");
    expect(cells(june, "body-type-word")).toEqual(["E15", "E28"]);
    expect(cells(await check(["000.xlsx", "--json"], seeds), "body-type-word")).toEqual([]);
  });

  it("exits 1 with a no-header error when the file has no appendix table at all", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").getCell("A1").value = "Danh sách cán bộ";
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const r = await check(["x.xlsx", "--json"], { "x.xlsx": bytes });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).sheets[0].findings.map((f: { code: string }) => f.code)).toEqual(["no-header"]);
  });

  it("exits 2 with a Vietnamese message and no stack trace for files it cannot read", async () => {
    const corrupt = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...Array.from({ length: 200 }, (_, i) => (i * 37) % 256)]);
    const csv = new TextEncoder().encode("STT,Nội dung chỉ tiêu,Đơn vị tính\n1,Tỷ lệ phủ sóng 5G,%\n");
    const cases: [string, Record<string, Uint8Array>, string][] = [
      ["hong.xlsx", { "hong.xlsx": corrupt }, "Không đọc được tệp"],
      ["bang.xlsx", { "bang.xlsx": csv }, "không phải là tệp Excel .xlsx"],
      ["khong-co.xlsx", {}, "Không tìm thấy tệp"],
    ];
    for (const [file, files, message] of cases) {
      const r = await check([file], files);
      expect([file, r.code]).toEqual([file, 2]);
      expect(r.err).toContain(message);
      expect(r.err).not.toMatch(NO_STACK);
      expect(r.out).toBe("");
    }
  });

  it("exits 2 on bad usage", async () => {
    for (const args of [[], ["a.xlsx", "b.xlsx"], ["000.xlsx", "--as-of", "30/06/2026"], ["000.xlsx", "--nam", "26"], ["000.xlsx", "--khong-co"]]) {
      const r = await check(args, seeds);
      expect([args, r.code]).toEqual([args, 2]);
      expect(r.err).not.toMatch(NO_STACK);
    }
  });
});

describe("phuluc check (the real command)", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-check-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const bin = path.join(__dirname, "..", "bin", "phuluc.js");
  const run = (...args: string[]) => spawnSync(process.execPath, [bin, "check", ...args], { encoding: "utf8", timeout: 60000 });

  it("runs through bin/phuluc.js with the documented exit codes", async () => {
    const bad = path.join(dir, "bang tinh.xlsx");
    fs.writeFileSync(bad, "STT,Nội dung\n1,abc\n");
    const good = path.join(dir, "000.xlsx");
    fs.writeFileSync(good, await seedWorkbook("000"));
    const withErrors = path.join(dir, "002.xlsx");
    fs.writeFileSync(withErrors, await seedWorkbook("002"));

    const ok = run(good);
    expect({ status: ok.status, stderr: ok.stderr }).toEqual({ status: 0, stderr: "" });
    expect(ok.stdout).toContain("Sẵn sàng nộp");

    const errors = run(withErrors, "--json");
    expect(errors.status).toBe(1);
    expect(JSON.parse(errors.stdout).sheets).toHaveLength(2);

    const unreadable = run(bad);
    expect(unreadable.status).toBe(2);
    expect(unreadable.stderr).toContain("không phải là tệp Excel .xlsx");
    expect(unreadable.stderr).not.toMatch(NO_STACK);
  });
});
