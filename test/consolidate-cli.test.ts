/**
 * `phuluc consolidate` end to end over real .xlsx bytes (fake file system): unreadable
 * files are listed and the rest go on, the same sources give the same workbook, and
 * people get Vietnamese messages.
 */
import JSZip from "jszip";
import { main } from "../src/cli/main";
import { fakeIO } from "./consolidate-fixtures";
import { seedWorkbook, readBack } from "./xlsx";
import { generateCommune } from "./generate";
import { defaultCatalog } from "../src/domain/catalog";

let files: Record<string, Uint8Array>;

beforeAll(async () => {
  const communes = defaultCatalog().communes;
  const byCode = (code: string) => communes.find((c) => c.code === code)!;
  files = {
    "a/PL_TanLoi_2026.xlsx": (await generateCommune(byCode("25378"), { layout: "001", seed: 3, asOf: "2026-07-15" })).bytes,
    "a/Phường Minh Hưng.xlsx": (await generateCommune(byCode("25441"), { layout: "002", seed: 4, asOf: "2026-07-15" })).bytes,
    "a/nhon_trach.xlsx": await seedWorkbook("000"),
    "a/hong.xlsx": new TextEncoder().encode("đây không phải tệp Excel"),
    "a/cu.xlsx": new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]),
  };
});

async function run(args: string[], given = files) {
  const h = fakeIO({ ...given }, "2026-07-15");
  const code = await main(["consolidate", ...args], h.io);
  return { code, out: h.out.join("\n"), err: h.err.join("\n"), files: h.files };
}

/** Every part of an .xlsx (a zip), uncompressed: equal parts mean the same workbook whatever the zip's timestamps. */
async function parts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files).sort()) if (!zip.files[name].dir) out[name] = await zip.files[name].async("string");
  return out;
}

describe("phuluc consolidate", () => {
  it("lists unreadable files with their reason and consolidates the rest (exit 0)", async () => {
    const r = await run(["a/PL_TanLoi_2026.xlsx", "a/hong.xlsx", "a/khong-co.xlsx", "a/cu.xlsx", "a/nhon_trach.xlsx", "-o", "tong-hop.xlsx"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("✗ a/hong.xlsx");
    expect(r.out).toContain('Tệp "hong.xlsx" không phải là tệp Excel .xlsx hợp lệ');
    expect(r.out).toContain('Không tìm thấy tệp "a/khong-co.xlsx"');
    expect(r.out).toContain("tệp .xls cũ"); // the old binary format gets its own hint
    expect(r.out).toContain("2/5 tệp được tổng hợp");
    const wb = await readBack(r.files["tong-hop.xlsx"]);
    const src = wb.sheets.find((s) => s.name === "Nguồn")!;
    const rows = src.values.slice(4, 9).map((v) => [v[1], v[2], v[11]]);
    expect(rows).toEqual([
      ["a/PL_TanLoi_2026.xlsx", "Xã Tân Lợi", "Đã tổng hợp"],
      ["a/nhon_trach.xlsx", "Phường Nhơn Trạch", "Chưa có kết quả"], // the seed plan: no result typed in
      ["a/cu.xlsx", null, "Không đọc được tệp"],
      ["a/hong.xlsx", null, "Không đọc được tệp"],
      ["a/khong-co.xlsx", null, "Không đọc được tệp"],
    ]);
    expect(String(src.values[7][12])).toContain("không phải là tệp Excel");
    const sum = wb.sheets.find((s) => s.name === "Tổng hợp chỉ tiêu")!;
    expect(sum.values[sum.values.findIndex((r) => r[0] === "STT")].slice(13)).toContain("Xã Tân Lợi");
  });

  it("exits 2 and writes nothing when no file can be read", async () => {
    const r = await run(["a/hong.xlsx", "a/khong-co.xlsx", "-o", "tong-hop.xlsx"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("Không đọc được tệp nào");
    // Each file with its own reason.
    expect(r.err).toContain('a/khong-co.xlsx: Không tìm thấy tệp "a/khong-co.xlsx".');
    expect(r.err).toMatch(/a\/hong\.xlsx: .*không phải là tệp Excel/);
    expect(r.files["tong-hop.xlsx"]).toBeUndefined();
  });

  it("gives the same workbook for the same sources, in whatever order they are named", async () => {
    const names = ["a/PL_TanLoi_2026.xlsx", "a/Phường Minh Hưng.xlsx", "a/nhon_trach.xlsx", "a/hong.xlsx"];
    const one = await run([...names, "-o", "1.xlsx"]);
    const two = await run([...names].reverse().concat(["-o", "2.xlsx"]));
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    const [p1, p2] = [await parts(one.files["1.xlsx"]), await parts(two.files["2.xlsx"])];
    expect(Object.keys(p1)).toContain("xl/worksheets/sheet1.xml");
    expect(p2).toEqual(p1);
    expect(await readBack(two.files["2.xlsx"])).toEqual(await readBack(one.files["1.xlsx"]));
  });

  it("never overwrites: an existing output file or an input named as output is refused", async () => {
    const exists = await run(["a/nhon_trach.xlsx", "-o", "a/PL_TanLoi_2026.xlsx"]);
    expect(exists.code).toBe(2);
    expect(exists.err).toMatch(/phải khác các tệp đầu vào|đã có/);
    const taken = await run(["a/nhon_trach.xlsx", "-o", "cu.xlsx"], { ...files, "cu.xlsx": new Uint8Array([1]) });
    expect(taken.code).toBe(2);
    expect(taken.err).toContain('Tệp "cu.xlsx" đã có');
    expect(taken.files["cu.xlsx"]).toEqual(new Uint8Array([1]));
  });

  it("explains bad usage in Vietnamese (exit 2)", async () => {
    expect((await run(["-o", "x.xlsx"])).err).toContain("Cần ít nhất một tệp");
    expect((await run(["a/nhon_trach.xlsx"])).err).toContain("Thiếu tệp kết quả");
    const badDate = await run(["a/nhon_trach.xlsx", "-o", "x.xlsx", "--as-of", "30/06/2026"]);
    expect(badDate.code).toBe(2);
    expect(badDate.err).toContain("YYYY-MM-DD");
    const help = await run(["--help"]);
    expect(help.code).toBe(0);
    expect(help.out).toContain("Cách dùng: npx phuluc consolidate");
    expect(help.out).toContain("--trong-xa");
  });

  it("uses today as the report date by default", async () => {
    const r = await run(["a/nhon_trach.xlsx", "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.asOf).toBe("2026-07-15");
    // 15/7/2026 is after 30/4/2026: Nhơn Trạch is a phường.
    expect(json.sources[0].unit).toBe("Phường Nhơn Trạch");
    expect(json.tasks).toEqual([{ unit: "Phường Nhơn Trạch", total: 0, done: 0, inProgress: 0, notStarted: 0, overdue: 0, dueSoon: 0, noDate: 0 }]);
  });
});
