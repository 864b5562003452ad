/**
 * A plan none of the rules was written from: xã Long Phước's appendices as its officials
 * might type them (test/fixtures/unseen/long-phuoc-plan.json), in a layout the seeds do
 * not show: a title block, a header over two rows ("Đơn vị thực hiện" over "Chủ trì |
 * Phối hợp"), a row of column numbers, "A."/"B." groups over "1."/"2." groups over
 * "1.1" items, numbers as text, line breaks in cells, bodies outside the commune's
 * directory, a footer and a signature block. The .xlsx is the same grid written by
 * openpyxl (make-xlsx.py), read through the file host.
 *
 * Every expectation is written by hand from the plan's rows and the rules.
 */
import * as fs from "fs";
import * as path from "path";
import { loadGrid, UNSEEN_DIR } from "./seeds";
import { checkWorkbook, type WorkbookReport } from "../src/domain/validate";
import { defaultCatalog } from "../src/domain/catalog";
import { main } from "../src/cli/main";
import { fakeIO } from "./consolidate-fixtures";
import type { WorkbookSnapshot } from "../src/domain/snapshot";

const catalog = defaultCatalog();
const PLAN = "long-phuoc-plan.json";
const PL1 = "PL1 - Chỉ tiêu";
const PL2 = "PL2 - Nhiệm vụ";

const check = (wb: WorkbookSnapshot): WorkbookReport => checkWorkbook(wb, { catalog });
const codes = (r: WorkbookReport) => r.sheets.flatMap((s) => s.findings.map((f) => `${f.code}@${s.name}!${f.cell}`));

describe("a correct plan in a layout the seeds do not show", () => {
  const grid = loadGrid(PLAN);
  const report = check({ sheets: grid.sheets });

  it("reads both tables: groups, items, the end of the table before the footer", () => {
    const ind = report.sheets.find((s) => s.name === PL1)!;
    expect(ind.kind).toBe("indicators");
    expect(ind.commune).toEqual({ code: "26413", name: "Long Phước", type: "xa" });
    // Groups A, 1, 2, B, 1, 2 (rows 11, 12, 16, 22, 23, 27); items 13–15, 17–21, 24–26, 28–41.
    expect(ind.rows.filter((r) => r.kind === "group").map((r) => r.row)).toEqual([11, 12, 16, 22, 23, 27]);
    const items = ind.rows.filter((r) => r.kind === "indicator").map((r) => r.row);
    expect(items).toEqual([13, 14, 15, 17, 18, 19, 20, 21, 24, 25, 26, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41]);
    const tasks = report.sheets.find((s) => s.name === PL2)!;
    expect(tasks.kind).toBe("tasks");
    expect(tasks.rows.filter((r) => r.kind === "task").map((r) => r.row)).toEqual([11, 12, 13, 15, 16, 18, 19, 20]);
  });

  it("matches every reworded indicator to the entry a reader picks, and leaves the one outside the catalog unmatched", () => {
    // Written by hand from the row names and the catalog's names.
    const expected: Record<number, string | null> = {
      13: "HT-01", // phủ sóng mạng di động 5G
      14: "HT-02", // băng rộng cố định trên 1 Gb/s
      15: "HT-03", // nhà văn hóa ấp có wifi miễn phí
      17: "NL-02", // bồi dưỡng kỹ năng số cơ bản
      18: "NL-03", // CBCCVC làm chủ kỹ năng số
      19: "NL-04", // học sinh từ tiểu học, kỹ năng số, an toàn
      20: "NL-05", // người dân trưởng thành tiếp cận dịch vụ số
      21: null, // số người dân được tập huấn VNeID: not in the catalog
      24: "KH-05", // sáng kiến cải tiến trong khu vực công
      25: "KH-06", // mô hình ứng dụng công nghệ số trong sản xuất, kinh doanh
      26: "NL-07", // chi ngân sách xã cho KHCN, ĐMST, CĐS (% tổng chi NS xã)
      28: "CDS-01", // không phụ thuộc địa giới hành chính
      29: "CDS-05", // dịch vụ công trực tuyến toàn trình
      30: "CDS-04", // số hóa hồ sơ, kết quả giải quyết TTHC
      31: "CDS-06", // hồ sơ TTHC xử lý trực tuyến
      32: "CDS-07", // người dân, doanh nghiệp sử dụng dịch vụ công trực tuyến
      33: "CDS-10", // thanh toán trực tuyến trong giải quyết TTHC
      34: "CDS-11", // văn bản, hồ sơ công việc trên môi trường điện tử
      35: "CDS-14", // không dùng tiền mặt
      36: "CDS-17", // chữ ký số hoặc chữ ký điện tử cá nhân
      37: "CDS-20", // từ 15 tuổi có tài khoản tại ngân hàng
      38: "CDS-22", // Sổ sức khỏe điện tử
      39: "CDS-27", // phản ánh, kiến nghị xử lý đúng hạn
      40: "CDS-28", // mức độ hài lòng
      41: "CDS-30", // chỉ số chuyển đổi số (DTI)
    };
    const rows = report.sheets.find((s) => s.name === PL1)!.rows.filter((r) => r.kind === "indicator");
    expect(Object.fromEntries(rows.map((r) => [r.row, r.indicatorCode]))).toEqual(expected);
  });

  it("reports no error and at most a handful of warnings (here: none), only the unmatched row as a hint", () => {
    expect(report.counts.error).toBe(0);
    expect(report.counts.warning).toBeLessThanOrEqual(6);
    expect(codes(report)).toEqual([`indicator-unknown@${PL1}!B21`]);
    // The hint offers the closest entries for the official to confirm one.
    const hint = report.sheets[0].findings[0];
    expect(hint.candidates?.map((c) => c.code)).toContain("CDS-07");
  });

  it("still flags a doubled letter in a body, a % target next to a count unit on the unmatched row, and a missing lead", () => {
    const copy = loadGrid(PLAN);
    const s = copy.sheet(PL1);
    s.values[14][4] = "Phòng Văn hóa - Xã hộii"; // E15
    s.values[20][3] = "≥ 60%"; // D21, unit "Lượt người"
    s.values[30][4] = null; // E31
    const r = check({ sheets: copy.sheets });
    expect(codes(r).sort()).toEqual(
      [`body-typo@${PL1}!E15`, `indicator-unknown@${PL1}!B21`, `unit-target-mismatch@${PL1}!D21`, `lead-missing@${PL1}!E31`].sort(),
    );
    const typo = r.sheets[0].findings.find((f) => f.code === "body-typo")!;
    expect(typo.fix).toMatchObject({ cell: "E15", value: "Phòng Văn hóa - Xã hội" });
    expect(r.counts).toEqual({ error: 1, warning: 2, info: 1 });
  });

  it("gives the same report on the .xlsx another program wrote, through the command line", async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(UNSEEN_DIR, "long-phuoc-plan.xlsx")));
    const { io, out } = fakeIO({ "long-phuoc-plan.xlsx": bytes });
    const code = await main(["check", "long-phuoc-plan.xlsx", "--json"], io);
    expect(code).toBe(0);
    const json = JSON.parse(out.join("\n"));
    const all = json.sheets.flatMap((s: { name: string; findings: { code: string; cell: string }[] }) => s.findings.map((f) => `${f.code}@${s.name}!${f.cell}`));
    expect(all).toEqual([`indicator-unknown@${PL1}!B21`]);
  });
});
