import type { CellValue, SheetSnapshot } from "./snapshot";
import type { Finding } from "./finding";
import type { CatalogIndicator } from "../catalog/types";
import { checkSheet, checkWorkbook, FINDING_CODES, planYearOf, documentDate, tidy, type SheetReport } from "./validate";
import { defaultCatalog } from "./catalog";
import { loadGrid, loadSeed } from "../../test/seeds";

const catalog = defaultCatalog();

function sheetOf(name: string, rows: CellValue[][], numberFormats?: Record<string, string>): SheetSnapshot {
  const width = Math.max(...rows.map((r) => r.length));
  const values = rows.map((r) => [...r, ...Array(width - r.length).fill(null)]);
  const fmts = values.map((r) => r.map(() => null as string | null));
  for (const [addr, f] of Object.entries(numberFormats ?? {})) {
    const m = addr.match(/^([A-Z])(\d+)$/)!;
    fmts[Number(m[2]) - 1][m[1].charCodeAt(0) - 65] = f;
  }
  return { name, values, numberFormats: fmts, merges: [] };
}

const at = (r: SheetReport, code: string) => r.findings.filter((f) => f.code === code).map((f) => f.cell);
const one = (r: SheetReport, code: string, cell: string): Finding => {
  const f = r.findings.filter((x) => x.code === code && x.cell === cell);
  expect(f.map((x) => `${x.code}@${x.cell}`)).toEqual([`${code}@${cell}`]);
  return f[0];
};
const errorCells = (r: SheetReport) => r.findings.filter((f) => f.severity === "error").map((f) => f.cell).sort();
const seedReport = (id: string, sheet: string) => checkSheet(loadSeed(id).sheet(sheet), { catalog });

// ───────────── the seeds: every defect domain.md lists, at its cell ─────────────

describe("seed 000 (xã Nhơn Trạch)", () => {
  let r: SheetReport;
  beforeEach(() => {
    r = seedReport("000", "Chỉ tiêu");
  });

  it("reads the commune as a xã (the plan is undated; the heading says xã)", () => {
    expect(r.commune).toEqual({ code: "26485", name: "Nhơn Trạch", type: "xa" });
  });

  it("flags every redundant “≥ 100%” with a fix to “100%”", () => {
    for (const cell of ["D22", "D23", "D27", "D32"]) {
      const f = one(r, "target-redundant-comparator", cell);
      expect(f.severity).toBe("info");
      expect(f.fix).toMatchObject({ cell, value: "100%" });
    }
  });

  it("flags the digital-signature target ≥ 40% as below the province's ≥ 80%", () => {
    const f = one(r, "target-below-province", "D29");
    expect(f.severity).toBe("warning");
    expect(f.message).toContain("≥ 40%");
    expect(f.message).toContain("≥ 80%");
  });

  it("flags “Văn phòng” as ambiguous, naming the candidates", () => {
    const f = one(r, "body-ambiguous", "E25");
    expect(f.severity).toBe("warning");
    expect(f.message).toContain("Văn phòng HĐND và UBND xã");
    expect(f.message).toContain("Văn phòng Đảng ủy xã");
  });

  it("has no error anywhere (no row of 000 blocks submission)", () => {
    expect(errorCells(r)).toEqual([]);
  });

  it("accepts numbering that runs on across groups (1…24)", () => {
    expect(at(r, "numbering-gap")).toEqual([]);
    expect(at(r, "numbering-repeat")).toEqual([]);
  });
});

describe("seed 001 (xã Tân Lợi)", () => {
  let ind: SheetReport;
  beforeEach(() => {
    ind = seedReport("001", "Chỉ tiêu");
  });
  let tasks: SheetReport;
  beforeEach(() => {
    tasks = seedReport("001", "Phụ lục nhiệm vụ");
  });

  it("flags III.01 for having neither unit nor target, and nothing else as an error", () => {
    expect(one(ind, "unit-missing", "C15").severity).toBe("error");
    expect(one(ind, "target-missing", "D15").severity).toBe("error");
    expect(errorCells(ind)).toEqual(["C15", "D15"]);
    expect(errorCells(tasks)).toEqual([]);
  });

  it("reads “≥ 60” in a % indicator as 60% without any finding", () => {
    expect(ind.findings.filter((f) => f.cell === "D6")).toEqual([]);
  });

  it("checks the declared counts “(31 chỉ tiêu)” and “(02 chỉ tiêu)”, which add up", () => {
    expect(at(ind, "count-mismatch")).toEqual([]);
  });

  it("accepts numbering that restarts in each group (01, 02 | 01, …)", () => {
    expect(at(ind, "numbering-gap")).toEqual([]);
    expect(at(ind, "numbering-repeat")).toEqual([]);
    expect(at(tasks, "numbering-gap")).toEqual([]);
    expect(at(tasks, "numbering-repeat")).toEqual([]);
  });

  it("matches all 31 indicator rows to the catalog entries a reader picks from their names", () => {
    // Written by hand from the row names and the catalog's names, not from the matcher.
    const expected: Record<number, string> = {
      6: "HT-01", // phủ sóng 5G
      7: "HT-02", // băng rộng cố định 1 Gb/s
      9: "NL-02", // bồi dưỡng kỹ năng số căn bản
      10: "NL-03", // làm chủ kỹ năng số
      11: "NL-04", // học sinh từ cấp tiểu học
      12: "NL-05", // dân số trưởng thành tiếp cận dịch vụ số
      15: "KH-04", // AI, IoT, Big Data
      17: "CDS-01", // phi địa giới hành chính
      18: "CDS-02", // TTHC đào tạo, nghiên cứu, sản xuất, kinh doanh trực tuyến
      19: "CDS-03", // phi tiếp xúc
      20: "CDS-04", // hồ sơ, kết quả TTHC được số hóa
      21: "CDS-05", // DVC trực tuyến toàn trình
      22: "CDS-06", // hồ sơ TTHC xử lý trực tuyến
      23: "CDS-07", // sử dụng DVC trực tuyến của người dân, doanh nghiệp
      24: "CDS-08", // cấp kết quả giải quyết TTHC điện tử
      25: "CDS-09", // khai thác, sử dụng lại dữ liệu
      26: "CDS-10", // thanh toán trực tuyến
      27: "CDS-11", // xử lý văn bản, hồ sơ công việc toàn trình
      28: "CDS-12", // nhiệm vụ được theo dõi trên môi trường điện tử
      29: "CDS-13", // chỉ đạo, điều hành, quản trị nội bộ
      30: "CDS-14", // không dùng tiền mặt
      32: "CDS-16", // tài khoản định danh điện tử VNeID
      33: "CDS-17", // chữ ký số
      34: "CDS-18", // quản lý nhà nước trên môi trường số
      35: "CDS-19", // kết nối, chia sẻ CSDL quốc gia
      36: "CDS-20", // từ 15 tuổi có tài khoản ngân hàng
      37: "CDS-21", // phần mềm quản trị điều hành thống nhất
      38: "CDS-22", // Sổ sức khỏe điện tử
      39: "CDS-23", // được định danh số
      40: "CDS-24", // dữ liệu mở
      41: "CDS-25", // an toàn hệ thống thông tin theo cấp độ
    };
    const got = ind.rows.filter((x) => x.kind === "indicator");
    expect(got.map((x) => x.row)).toEqual(Object.keys(expected).map(Number));
    const right = got.filter((x) => x.indicatorCode === expected[x.row]).length;
    expect(right / got.length).toBeGreaterThanOrEqual(0.9);
    expect(at(ind, "indicator-unknown")).toEqual([]);
  });

  it("still matches ≥ 90% of 001's names typed without accents, in capitals, or cut short", () => {
    const sheet = loadSeed("001").sheet("Chỉ tiêu");
    const names = ind.rows.filter((x) => x.kind === "indicator").map((x) => ({ row: x.row, code: x.indicatorCode, name: String(sheet.values[x.row - 1][1]) }));
    const variants = (n: string) => [
      n.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D"),
      n.toLocaleUpperCase("vi"),
      n.split(" ").slice(0, -2).join(" "),
    ];
    let right = 0;
    let total = 0;
    for (const { code, name } of names) {
      for (const v of variants(name)) {
        const s = sheetOf("Chỉ tiêu", [
          ["UBND xã Tân Lợi"],
          ["STT", "Nội dung chỉ tiêu", "Đơn vị tính", "Kết quả", "Đơn vị chủ trì"],
          [1, v, "%", "≥ 60%", "Phòng VH-XH"],
        ]);
        total++;
        if (checkSheet(s, { catalog }).rows[0].indicatorCode === code) right++;
      }
    }
    expect(right / total).toBeGreaterThanOrEqual(0.9);
  });
});

describe("seed 002 (phường Minh Hưng)", () => {
  let ind: SheetReport;
  beforeEach(() => {
    ind = seedReport("002", "Phụ lục I");
  });
  let tasks: SheetReport;
  beforeEach(() => {
    tasks = seedReport("002", "Phụ lục II");
  });

  it("is a phường", () => {
    expect(ind.commune).toEqual({ code: "25441", name: "Minh Hưng", type: "phuong" });
  });

  it("flags group row II for carrying a unit, a target and a lead unit", () => {
    for (const cell of ["C11", "D11", "E11"]) expect(one(ind, "group-row-content", cell).severity).toBe("warning");
  });

  it("flags IV.1's target repeated in its name, offering to drop it from the name", () => {
    const f = one(ind, "target-in-name", "B23");
    expect(f.message).toContain("90%");
    expect(f.fix?.value).toBe(
      "Tỷ lệ thủ tục hành chính được tiếp nhận, giải quyết phi địa giới hành chính giữa trung ương và địa phương, giữa các cấp chính quyền",
    );
  });

  it("flags IV.5's “100%.” with a fix to “100%”", () => {
    expect(one(ind, "target-punctuation", "D27").fix).toMatchObject({ cell: "D27", value: "100%" });
  });

  it("flags IV.13 without a lead unit as an error", () => {
    expect(one(ind, "lead-missing", "E35").severity).toBe("error");
  });

  it("flags “Công an xã” and “Trạm y tế xã” in a ward, fixing just that mention", () => {
    expect(one(ind, "body-type-word", "E37").fix).toMatchObject({ cell: "E37", value: "Công an phường" });
    expect(one(ind, "body-type-word", "E42").fix).toMatchObject({ cell: "E42", value: "Trạm Y tế phường" });
    // "Công an phường" (E43) is right for a ward.
    expect(ind.findings.filter((f) => f.cell === "E43")).toEqual([]);
  });

  it("flags III.1 for having neither unit nor target", () => {
    expect(one(ind, "unit-missing", "C18").severity).toBe("error");
    expect(one(ind, "target-missing", "D18").severity).toBe("error");
  });

  it("raises errors only on the defective rows", () => {
    expect(errorCells(ind)).toEqual(["C18", "D18", "E35"]);
    expect(errorCells(tasks)).toEqual([]);
  });

  it("flags the extra space in “≥  1%” with a fix", () => {
    expect(one(ind, "target-spaces", "D12").fix?.value).toBe("≥ 1%");
  });

  it("warns about deadlines that name no date (rõ thời gian)", () => {
    expect(at(tasks, "deadline-undated").sort()).toEqual(["G11", "G19", "G20"]);
  });

  it("does not take “Phòng Kinh tế, Hạ tầng và Đô thị” for a wrong body in a ward", () => {
    expect(at(ind, "body-wrong-type")).toEqual([]);
    expect(at(tasks, "body-wrong-type")).toEqual([]);
  });
});

describe("seed 004 (xã Phú Trung, mixed table)", () => {
  let r: SheetReport;
  beforeEach(() => {
    r = seedReport("004", "Phụ lục");
  });

  it("reads a mixed table and the plan year 2026 from a plan dated 11/2025", () => {
    expect(r.kind).toBe("mixed");
    expect(r.rows.filter((x) => x.kind === "indicator").map((x) => x.row)).toEqual([11, 12, 13, 14, 15, 16, 17]);
  });

  it("flags the rows whose target is a bare number without a unit (≥ 2, 80, ≥ 80, ≥ 90)", () => {
    expect(at(r, "unit-not-written").sort()).toEqual(["E12", "E14", "E15", "E16"]);
    expect(one(r, "unit-not-written", "E15").fix?.value).toBe("≥ 80%");
  });

  it("flags every task without an output product (rõ sản phẩm) as an error, and nothing else", () => {
    const expected = ["E22", "E26", "E28", "E30", "E31", "E32", "E34", "E35", "E38", "E39", "E40", "E41", "E44"];
    expect(at(r, "output-missing").sort()).toEqual([...expected].sort());
    expect(errorCells(r)).toEqual([...expected].sort());
  });

  it("flags deadlines in 2025 and 2027 in a plan for 2026", () => {
    expect(at(r, "deadline-outside-year").sort()).toEqual(["F31", "F37", "F43", "F9"]);
  });

  it("points at an output copied from the row above (info only)", () => {
    expect(one(r, "output-repeated", "E20").severity).toBe("info");
  });

  it("does not flag qualitative indicators for lacking a unit", () => {
    for (const cell of ["E11", "E13", "E17"]) expect(r.findings.filter((f) => f.cell === cell)).toEqual([]);
  });
});

describe("fixes the checker offers", () => {
  it("agree on every cell: all fixes naming one cell write the same value", () => {
    for (const [id, sheets] of [
      ["000", ["Chỉ tiêu"]],
      ["001", ["Chỉ tiêu", "Phụ lục nhiệm vụ"]],
      ["002", ["Phụ lục I", "Phụ lục II"]],
      ["004", ["Phụ lục"]],
    ] as const) {
      for (const s of sheets) {
        const byCell = new Map<string, unknown>();
        for (const f of seedReport(id, s).findings) {
          if (!f.fix) continue;
          if (byCell.has(f.fix.cell)) expect([id, s, f.fix.cell, f.fix.value]).toEqual([id, s, f.fix.cell, byCell.get(f.fix.cell)]);
          byCell.set(f.fix.cell, f.fix.value);
        }
      }
    }
  });
});

// ───────────── synthetic sheets: one behaviour each ─────────────

const HEAD = ["STT", "Nội dung chỉ tiêu", "Đơn vị tính", "Kết quả", "Đơn vị chủ trì"];
const indicators = (rows: CellValue[][], heading: CellValue[][] = [["ỦY BAN NHÂN DÂN XÃ TÂN LỢI"], ["MỤC TIÊU CỤ THỂ NĂM 2026"]], head = HEAD) =>
  sheetOf("Chỉ tiêu", [...heading, head, ...rows]);

describe("structure", () => {
  it("raises nothing on a clean table", () => {
    const r = checkSheet(
      indicators([
        ["I", "Hạ tầng số (02 chỉ tiêu)"],
        [1, "Tỷ lệ phủ sóng 5G trên địa bàn xã", "%", "≥ 60%", "Phòng Văn hóa - Xã hội"],
        [2, "Tỷ lệ người sử dụng có khả năng truy cập băng rộng cố định với tốc độ trên 1 Gb/s", "%", "≥ 70%", "Phòng VH-XH"],
      ]),
      { catalog },
    );
    expect(r.findings).toEqual([]);
    expect(r.counts).toEqual({ error: 0, warning: 0, info: 0 });
  });

  it("reports a missing header with the reader's message (which labels were looked for)", () => {
    const r = checkSheet(sheetOf("Ghi chép", [["Danh sách cán bộ"], ["Nguyễn Văn A", "0909"]]), { catalog });
    expect(r.kind).toBe("unknown");
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ code: "no-header", severity: "error", cell: "A1" });
    expect(r.findings[0].message).toContain("STT/TT");
    expect(r.findings[0].message).toContain("Đơn vị tính");
  });

  it("checks the declared total and each group's declared count", () => {
    const r = checkSheet(
      indicators(
        [
          ["I", "Hạ tầng số (02)"],
          [1, "Tỷ lệ phủ sóng 5G trên địa bàn xã", "%", "≥ 60%", "Phòng VH-XH"],
        ],
        undefined,
        ["STT", "Nội dung chỉ tiêu (03 chỉ tiêu)", "Đơn vị tính", "Kết quả", "Đơn vị chủ trì"],
      ),
      { catalog },
    );
    expect(at(r, "count-mismatch").sort()).toEqual(["B3", "B4"]);
  });

  it("finds gaps and repeats under either numbering convention", () => {
    const runOn = checkSheet(
      indicators([
        ["I", "Hạ tầng số"],
        [1, "Tỷ lệ phủ sóng 5G trên địa bàn xã", "%", "≥ 60%", "Phòng VH-XH"],
        [2, "Tỷ lệ người dân có Sổ sức khỏe điện tử", "%", "≥ 95%", "Trạm Y tế xã"],
        ["II", "Chuyển đổi số"],
        [3, "Tỷ lệ giao dịch không dùng tiền mặt", "%", "≥ 80%", "Phòng VH-XH"],
        [5, "Tỷ lệ người dân được định danh số", "%", "100%", "Công an xã"],
        [5, "Tỷ lệ cung cấp dữ liệu mở theo Kế hoạch", "%", "100%", "Phòng VH-XH"],
      ]),
      { catalog },
    );
    expect(at(runOn, "numbering-gap")).toEqual(["A9"]);
    expect(at(runOn, "numbering-repeat")).toEqual(["A10"]);

    const restart = checkSheet(
      indicators([
        ["I", "Hạ tầng số"],
        ["01", "Tỷ lệ phủ sóng 5G trên địa bàn xã", "%", "≥ 60%", "Phòng VH-XH"],
        ["02", "Tỷ lệ người dân có Sổ sức khỏe điện tử", "%", "≥ 95%", "Trạm Y tế xã"],
        ["II", "Chuyển đổi số"],
        ["01", "Tỷ lệ giao dịch không dùng tiền mặt", "%", "≥ 80%", "Phòng VH-XH"],
        ["03", "Tỷ lệ người dân được định danh số", "%", "100%", "Công an xã"],
      ]),
      { catalog },
    );
    expect(at(restart, "numbering-gap")).toEqual(["A9"]);
    expect(at(restart, "numbering-repeat")).toEqual([]);
  });

  it("flags the same indicator twice", () => {
    const r = checkSheet(
      indicators([
        [1, "Tỷ lệ phủ sóng 5G trên địa bàn xã", "%", "≥ 60%", "Phòng VH-XH"],
        [2, "Tỉ lệ phủ sóng 5G", "%", "≥ 60%", "Phòng VH-XH"],
      ]),
      { catalog },
    );
    expect(at(r, "indicator-duplicate")).toEqual(["B5"]);
  });

  it("reports a task table without a lead column once, at the header, not on every row", () => {
    const r = checkSheet(
      sheetOf("NV", [
        ["UBND xã Tân Lợi"],
        ["TT", "Tên nhiệm vụ", "Sản phẩm", "Thời gian hoàn thành"],
        [1, "Xây dựng kế hoạch chuyển đổi số", "Kế hoạch", "Quý II/2026"],
        [2, "Tập huấn kỹ năng số", "Lớp tập huấn", "Quý III/2026"],
      ]),
      { catalog },
    );
    expect(r.findings.map((f) => `${f.code}@${f.cell}`)).toEqual(["column-missing@B2"]);
    expect(r.findings[0].message).toContain("Đơn vị chủ trì");
  });
});

describe("indicator checks", () => {
  const row = (cells: CellValue[]) => checkSheet(indicators([cells]), { catalog });

  it("flags a unit that differs from the province's list, and a non-standard spelling", () => {
    const r = row([1, "Tỷ lệ phủ sóng 5G trên địa bàn xã", "Mô hình", "≥ 60%", "Phòng VH-XH"]);
    expect(one(r, "unit-mismatch", "C4").fix?.value).toBe("%");
    const s = row([1, "Tỷ lệ phủ sóng 5G trên địa bàn xã", "phần trăm", "≥ 60%", "Phòng VH-XH"]);
    expect(one(s, "unit-spelling", "C4").fix?.value).toBe("%");
  });

  it("reports an unreadable target as an error and a rate above 100% as a warning", () => {
    expect(one(row([1, "Tỷ lệ phủ sóng 5G trên địa bàn xã", "%", "≥ khoảng", "Phòng VH-XH"]), "target-unreadable", "D4").severity).toBe("error");
    expect(one(row([1, "Tỷ lệ phủ sóng 5G trên địa bàn xã", "%", "120%", "Phòng VH-XH"]), "target-over-100", "D4").severity).toBe("warning");
  });

  it("compares with the province's target in the indicator's direction", () => {
    const lower: CatalogIndicator = {
      code: "T-01",
      group: "CDS",
      name: "Tỷ lệ hồ sơ giải quyết trễ hạn",
      aliases: [],
      unit: "%",
      target: { kind: "numeric", comparator: "<=", value: 0.05 },
      direction: "lower",
      seenIn: [],
    };
    const cat = { ...catalog, indicators: [...catalog.indicators, lower] };
    const check = (t: string) => checkSheet(indicators([[1, "Tỷ lệ hồ sơ giải quyết trễ hạn", "%", t, "Trung tâm PVHCC"]]), { catalog: cat });
    expect(one(check("≤ 10%"), "target-below-province", "D4").message).toContain("≤ 5%");
    expect(at(check("≤ 3%"), "target-below-province")).toEqual([]);
    // Higher is better: above the province's is fine, below is not.
    expect(at(row([1, "Tỷ lệ phủ sóng 5G trên địa bàn xã", "%", "≥ 70%", "Phòng VH-XH"]), "target-below-province")).toEqual([]);
    expect(one(row([1, "Tỷ lệ phủ sóng 5G trên địa bàn xã", "%", "≥ 50%", "Phòng VH-XH"]), "target-below-province", "D4").message).toContain("≥ 60%");
  });

  it("reads a target typed as a real percentage cell", () => {
    const s = sheetOf("Chỉ tiêu", [["UBND xã Tân Lợi"], HEAD, [1, "Tỷ lệ phủ sóng 5G trên địa bàn xã", "%", 0.5, "Phòng VH-XH"]], { D3: "0%" });
    expect(at(checkSheet(s, { catalog }), "target-below-province")).toEqual(["D3"]);
  });

  it("suggests the closest names for an indicator that is not in the list", () => {
    const r = row([1, "Tỷ lệ phủ sóng 6G toàn xã đến các ấp vùng sâu", "%", "≥ 60%", "Phòng VH-XH"]);
    const f = one(r, "indicator-unknown", "B4");
    expect(f.severity).toBe("info");
    expect(f.message).toContain("Tỷ lệ phủ sóng 5G trên địa bàn");
  });

  it("uses the add-in's code column when there is one", () => {
    const s = sheetOf("Chỉ tiêu", [
      ["UBND xã Tân Lợi"],
      ["STT", "Mã chỉ tiêu", "Nội dung chỉ tiêu", "Đơn vị tính", "Chỉ tiêu năm 2026", "Đơn vị chủ trì"],
      [1, "CDS-17", "Chữ ký số cá nhân của người trưởng thành", "%", "≥ 80%", "Phòng VH-XH"],
    ]);
    expect(checkSheet(s, { catalog }).rows[0].indicatorCode).toBe("CDS-17");
  });
});

describe("results", () => {
  const head = ["STT", "Nội dung chỉ tiêu", "Đơn vị tính", "Chỉ tiêu năm 2026", "Kết quả thực hiện", "Đơn vị chủ trì"];
  const sheet = (result: CellValue, fmt?: string, target: CellValue = "≥ 60%") =>
    sheetOf("Chỉ tiêu", [["UBND xã Tân Lợi"], head, [1, "Tỷ lệ phủ sóng 5G trên địa bàn xã", "%", target, result, "Phòng VH-XH"]], fmt ? { E3: fmt } : {});

  it("reads a number typed as text as every command does, and flags only what is not a number", () => {
    expect(checkSheet(sheet("72%"), { catalog }).findings).toEqual([]);
    expect(checkSheet(sheet("0,72"), { catalog }).findings).toEqual([]);
    const words = one(checkSheet(sheet("đang tổng hợp"), { catalog }), "result-text", "E3");
    expect(words.fix).toBeUndefined();
    // "1.500" could be 1,5 or 1500: a person must say.
    expect(at(checkSheet(sheet("1.500", undefined, "≥ 1000"), { catalog }), "result-text")).toEqual(["E3"]);
  });

  it("flags a bare 1 in a % indicator as ambiguous, and a rate above 100%", () => {
    expect(one(checkSheet(sheet(1), { catalog }), "result-ambiguous-percent", "E3").severity).toBe("warning");
    expect(one(checkSheet(sheet("1"), { catalog }), "result-ambiguous-percent", "E3").fix).toBeUndefined();
    expect(at(checkSheet(sheet(150), { catalog }), "result-over-100")).toEqual(["E3"]);
    expect(at(checkSheet(sheet(1.2, "0%"), { catalog }), "result-over-100")).toEqual(["E3"]);
  });

  it("accepts numbers and leaves qualitative results alone", () => {
    expect(checkSheet(sheet(72), { catalog }).findings).toEqual([]);
    expect(checkSheet(sheet(0.72, "0%"), { catalog }).findings).toEqual([]);
    const q = sheetOf("Chỉ tiêu", [
      ["UBND xã Tân Lợi"],
      head,
      [1, "Hỗ trợ, khuyến khích ứng dụng công nghệ (IoT, tự động hóa...) vào sản xuất nông nghiệp, quản lý môi trường, nâng cao chất lượng sống người dân", "Mô hình", "Có triển khai", "Đã triển khai 2 mô hình", "Phòng Kinh tế"],
    ]);
    expect(checkSheet(q, { catalog }).findings).toEqual([]);
  });
});

describe("tasks (6 rõ)", () => {
  const head = ["TT", "Tên nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Sản phẩm đầu ra", "Thời gian hoàn thành", "Tình trạng", "Ngày hoàn thành"];
  const tasks = (rows: CellValue[][], heading: CellValue[][] = [["ỦY BAN NHÂN DÂN XÃ TÂN LỢI"], ["NHIỆM VỤ NĂM 2026"]]) =>
    checkSheet(sheetOf("Nhiệm vụ", [...heading, head, ...rows]), { catalog });

  it("requires a lead unit, an output and a deadline", () => {
    const r = tasks([[1, "Xây dựng kế hoạch chuyển đổi số", "", "", "", ""]]);
    expect(errorCells(r)).toEqual(["C4", "E4", "F4"]);
    expect(at(r, "lead-missing")).toEqual(["C4"]);
    expect(at(r, "output-missing")).toEqual(["E4"]);
    expect(at(r, "deadline-missing")).toEqual(["F4"]);
  });

  it("asks a deadline of a task but not of an indicator written in the task table", () => {
    const r = tasks([
      [1, "Tỷ lệ phủ sóng 5G trên địa bàn xã", "Phòng VH-XH", "", "≥ 60%", ""],
      [2, "Xây dựng kế hoạch chuyển đổi số", "Phòng VH-XH", "", "Kế hoạch", ""],
    ]);
    expect(r.rows.map((x) => x.kind)).toEqual(["indicator", "task"]);
    expect(at(r, "deadline-missing")).toEqual(["F5"]);
  });

  it("warns about undated, unreadable and out-of-year deadlines", () => {
    const r = tasks([
      [1, "Việc một", "Phòng VH-XH", "", "Kế hoạch", "Theo hướng dẫn của tỉnh"],
      [2, "Việc hai", "Phòng VH-XH", "", "Báo cáo", "khi nào xong"],
      [3, "Việc ba", "Phòng VH-XH", "", "Đề án", "Quý II/2027"],
      [4, "Việc bốn", "Phòng VH-XH", "", "Quyết định", "Quý II/2026"],
    ]);
    expect(at(r, "deadline-undated")).toEqual(["F4"]);
    expect(at(r, "deadline-unreadable")).toEqual(["F5"]);
    expect(at(r, "deadline-outside-year")).toEqual(["F6"]);
    expect(r.findings.filter((f) => f.row === 7)).toEqual([]);
  });

  it("takes the plan year from the option over the heading", () => {
    const s = sheetOf("Nhiệm vụ", [["UBND xã Tân Lợi"], ["NHIỆM VỤ NĂM 2026"], head, [1, "Việc", "Phòng VH-XH", "", "Kế hoạch", "Quý II/2027"]]);
    expect(at(checkSheet(s, { catalog, planYear: 2027 }), "deadline-outside-year")).toEqual([]);
    expect(at(checkSheet(s, { catalog }), "deadline-outside-year")).toEqual(["F4"]);
  });

  it("checks that status and completion date agree", () => {
    const done = 46203; // 30/06/2026
    const r = tasks([
      [1, "Việc một", "Phòng VH-XH", "", "Kế hoạch", "Quý II/2026", "Đang thực hiện", done],
      [2, "Việc hai", "Phòng VH-XH", "", "Báo cáo", "Quý II/2026", "Hoàn thành", null],
      [3, "Việc ba", "Phòng VH-XH", "", "Đề án", "Quý II/2026", "Hoàn thành", "sớm"],
      [4, "Việc bốn", "Phòng VH-XH", "", "Quyết định", "Quý II/2026", "Hoàn thành", "30/06/2026"],
    ]);
    expect(one(r, "completed-not-done", "G4").fix?.value).toBe("Hoàn thành");
    expect(one(r, "done-no-date", "H5").severity).toBe("info");
    expect(at(r, "completed-date-unreadable")).toEqual(["H6"]);
    expect(r.findings.filter((f) => f.row === 7)).toEqual([]);
  });
});

describe("bodies", () => {
  const xa = [["ỦY BAN NHÂN DÂN XÃ TÂN LỢI"], ["MỤC TIÊU CỤ THỂ NĂM 2026"]];
  const phuong = [["ỦY BAN NHÂN DÂN PHƯỜNG MINH HƯNG"], ["MỤC TIÊU CỤ THỂ NĂM 2026"]];
  const lead = (text: string, heading = xa) =>
    checkSheet(indicators([[1, "Tỷ lệ phủ sóng 5G trên địa bàn xã", "%", "≥ 60%", text]], heading), { catalog });

  it("flags a ward-only body in a commune and the reverse, with the counterpart as fix", () => {
    expect(one(lead("Phòng Kinh tế, Hạ tầng và Đô thị"), "body-wrong-type", "E4").fix?.value).toBe("Phòng Kinh tế");
    expect(one(lead("Phòng Kinh tế", phuong), "body-wrong-type", "E4").fix?.value).toBe("Phòng Kinh tế, Hạ tầng và Đô thị");
  });

  it("replaces only the wrong mentions in a cell naming several bodies", () => {
    const r = lead("Công an xã (chủ trì); Trạm y tế xã; Phòng VH-XH", phuong);
    const fs = r.findings.filter((f) => f.code === "body-type-word");
    expect(fs).toHaveLength(2);
    for (const f of fs) expect(f.fix?.value).toBe("Công an phường (chủ trì); Trạm Y tế phường; Phòng VH-XH");
  });

  it("flags unknown bodies with suggestions, and ambiguous ones", () => {
    expect(one(lead("Ban Quản lý chợ"), "body-unknown", "E4").severity).toBe("warning");
    expect(one(lead("Phòng Tài chính - Kế hoạch"), "body-unknown", "E4").message).toContain("không có trong danh mục");
    // A letter too many in a known name: a slip, flagged with the full name.
    expect(one(lead("Phòng Văn hóa Xã hộii"), "body-typo", "E4").fix?.value).toBe("Phòng Văn hóa - Xã hội");
    expect(one(lead("Văn phòng"), "body-ambiguous", "E4").message).toContain("Văn phòng HĐND và UBND xã");
  });

  it("suggests the full name for a non-canonical spelling, but not for case alone or the short form", () => {
    expect(one(lead("Phòng Văn hoá – Xã hội"), "body-spelling", "E4").fix?.value).toBe("Phòng Văn hóa - Xã hội");
    expect(one(lead("Trung tâm PV HCC"), "body-spelling", "E4").fix?.value).toBe("Trung tâm Phục vụ hành chính công");
    expect(lead("PHÒNG VĂN HÓA - XÃ HỘI").findings).toEqual([]);
    expect(lead("Phòng VH-XH").findings).toEqual([]);
    expect(lead("Công an xã").findings).toEqual([]);
    // Several bodies in one cell: no spelling advice (the fix would rewrite a list).
    expect(at(lead("Trung tâm PV HCC; Phòng VH-XH"), "body-spelling")).toEqual([]);
  });
});

describe("the commune", () => {
  const with5G = [[1, "Tỷ lệ phủ sóng 5G trên địa bàn xã", "%", "≥ 60%", "Công an xã"]];

  it("flags a heading that names a ward as a xã", () => {
    const r = checkSheet(indicators(with5G, [["ỦY BAN NHÂN DÂN XÃ MINH HƯNG"]]), { catalog });
    expect(r.commune?.type).toBe("phuong");
    expect(one(r, "commune-type-mismatch", "A1").message).toContain("phường Minh Hưng");
    expect(at(r, "body-type-word")).toEqual(["E3"]);
  });

  it("takes a xã that became a phường on 30/4/2026 as the document dates it", () => {
    const heading = [["ỦY BAN NHÂN DÂN XÃ NHƠN TRẠCH"]];
    const before = checkSheet(indicators(with5G, heading), { catalog });
    expect(before.commune?.type).toBe("xa");
    expect(before.findings).toEqual([]);
    const after = checkSheet(indicators(with5G, heading), { catalog, asOf: "2026-05-15" });
    expect(after.commune?.type).toBe("phuong");
    expect(at(after, "commune-type-mismatch")).toEqual(["A1"]);
    expect(one(after, "body-type-word", "E3").fix?.value).toBe("Công an phường");
    const dated = checkSheet(indicators(with5G, [["ỦY BAN NHÂN DÂN XÃ NHƠN TRẠCH"], ["Kèm theo Kế hoạch số 12/KH-UBND ngày 10/3/2026"]]), { catalog });
    expect(dated.commune?.type).toBe("xa");
  });

  it("flags a commune that is not in the province's list, and says when none is named", () => {
    const r = checkSheet(indicators(with5G, [["ỦY BAN NHÂN DÂN XÃ HÒA BÌNH XANH"]]), { catalog });
    expect(r.commune).toBeNull();
    expect(one(r, "commune-unknown", "A1").severity).toBe("warning");
    const none = checkSheet(indicators(with5G, [["PHỤ LỤC"]]), { catalog });
    expect(at(none, "commune-not-found")).toEqual(["A1"]);
    expect(at(checkSheet(indicators(with5G, [["PHỤ LỤC"]]), { catalog, unitType: "xa" }), "commune-not-found")).toEqual([]);
  });

  it("points at the heading cell that names the commune, and says what to write", () => {
    const r = checkSheet(indicators(with5G, [[null, null], [null, "ỦY BAN NHÂN DÂN XÃ MINH HƯNG"]]), { catalog });
    expect(one(r, "commune-type-mismatch", "B2").message).toBe("Tiêu đề ghi “xã Minh Hưng” nhưng Minh Hưng là phường; hãy ghi “phường Minh Hưng”.");
    const dated = checkSheet(indicators(with5G, [["ỦY BAN NHÂN DÂN XÃ NHƠN TRẠCH"]]), { catalog, asOf: "2026-05-15" });
    expect(one(dated, "commune-type-mismatch", "A1").message).toBe(
      "Tiêu đề ghi “xã Nhơn Trạch” nhưng Nhơn Trạch là phường vào ngày 15/05/2026; hãy ghi “phường Nhơn Trạch”.",
    );
    const none = checkSheet(indicators(with5G, [["PHỤ LỤC"]]), { catalog });
    expect(one(none, "commune-not-found", "A1").message).toBe(
      "Không thấy tên xã/phường trong tiêu đề trang tính; bỏ qua kiểm tra tên đơn vị theo loại xã/phường (có thể chỉ định bằng tùy chọn).",
    );
  });

  it("names the closest communes of the list for one it does not know", () => {
    const r = checkSheet(indicators(with5G, [["ỦY BAN NHÂN DÂN XÃ HÒA BÌNH XANH"]]), { catalog });
    const m = one(r, "commune-unknown", "A1").message;
    expect(m.startsWith("“xã HÒA BÌNH” không có trong danh sách 95 xã, phường của tỉnh Đồng Nai; tên gần nhất: “")).toBe(true);
    // Each suggestion is a commune of the province with its own type word, separated by ", ".
    const named = m.slice(m.indexOf("tên gần nhất: ") + 14, -1).split(", ");
    expect(named.length).toBeGreaterThan(0);
    for (const n of named) expect(n).toMatch(/^“(xã|phường) [^”]+”$/u);
    expect(named).toContain("“xã Bình An”");
  });

  it("finds the commune's cell at the end of a heading row shorter than the table", () => {
    const sheet = indicators(with5G, [[null, "ỦY BAN NHÂN DÂN XÃ MINH HƯNG"]]);
    sheet.values[0] = [null, "ỦY BAN NHÂN DÂN XÃ MINH HƯNG"]; // as a reader gives a row that ends early
    expect(at(checkSheet(sheet, { catalog }), "commune-type-mismatch")).toEqual(["B1"]);
  });

  it("takes the commune named on another sheet as a hint only: no finding about its name or type on this sheet", () => {
    const bare = sheetOf("Chỉ tiêu 2", [HEAD, ...with5G]);
    const unknown = checkWorkbook({ sheets: [sheetOf("Bìa", [["ỦY BAN NHÂN DÂN XÃ QWXYZ KJHG"]]), bare] }, { catalog }).sheets[1];
    expect(unknown.commune).toBeNull();
    expect(unknown.findings.filter((f) => f.code.startsWith("commune"))).toEqual([]);
    const wrongType = checkWorkbook({ sheets: [sheetOf("Bìa", [["ỦY BAN NHÂN DÂN XÃ MINH HƯNG"]]), bare] }, { catalog }).sheets[1];
    expect(wrongType.commune).toEqual({ code: expect.any(String), name: "Minh Hưng", type: "phuong" });
    expect(at(wrongType, "commune-type-mismatch")).toEqual([]);
  });

  it("does not dispute the heading's type word when the official chose the type", () => {
    const r = checkSheet(indicators(with5G, [["ỦY BAN NHÂN DÂN XÃ MINH HƯNG"]]), { catalog, unitType: "phuong" });
    expect(r.commune?.type).toBe("phuong");
    expect(at(r, "commune-type-mismatch")).toEqual([]);
  });

  it("suggests no commune when none of the list is close, and ends the message there", () => {
    const r = checkSheet(indicators(with5G, [["ỦY BAN NHÂN DÂN XÃ QWXYZ KJHG"]]), { catalog });
    expect(one(r, "commune-unknown", "A1").message).toBe("“xã QWXYZ KJHG” không có trong danh sách 95 xã, phường của tỉnh Đồng Nai.");
  });

  it("takes an undated heading's word for a commune that changed type, and the list's for one that did not", () => {
    const ward = checkSheet(indicators(with5G, [["ỦY BAN NHÂN DÂN PHƯỜNG NHƠN TRẠCH"]]), { catalog });
    expect(ward.commune?.type).toBe("phuong");
    expect(at(ward, "commune-type-mismatch")).toEqual([]);
    const wrong = checkSheet(indicators(with5G, [["ỦY BAN NHÂN DÂN PHƯỜNG TÂN LỢI"]]), { catalog });
    expect(wrong.commune?.type).toBe("xa");
    expect(at(wrong, "commune-type-mismatch")).toEqual(["A1"]);
  });

  it("lets the option decide the type", () => {
    const r = checkSheet(indicators(with5G, [["ỦY BAN NHÂN DÂN XÃ TÂN LỢI"]]), { catalog, unitType: "phuong" });
    expect(at(r, "body-type-word")).toEqual(["E3"]);
  });
});

describe("plan year and document date", () => {
  it("reads the year from the title, else from the document's date", () => {
    expect(planYearOf({ heading: ["MỤC TIÊU CỤ THỂ NĂM 2027"], columns: [] })).toBe(2027);
    expect(planYearOf({ heading: ["Kế hoạch giai đoạn 2026-2030, tầm nhìn đến năm 2045", "NHIỆM VỤ NĂM 2026"], columns: [] })).toBe(2026);
    expect(planYearOf({ heading: ["(Kèm theo Kế hoạch số: /KH-UBND ngày /11/2025 của UBND xã Phú Trung)"], columns: [] })).toBe(2026);
    expect(planYearOf({ heading: ["(Kèm theo Kế hoạch số 12/KH-UBND ngày 10/3/2026)"], columns: [] })).toBe(2026);
    expect(planYearOf({ heading: ["PHỤ LỤC"], columns: [] })).toBeNull();
    expect(documentDate(["ngày 12 tháng 02 năm 2026"])).toBe("2026-02-12");
    expect(documentDate(["ngày / /2026"])).toBeNull();
  });

  it("takes a year of the plan, never a horizon, a range's start or another document's date", () => {
    const year = (heading: string[], labels: string[] = []) => planYearOf({ heading, columns: labels.map((label) => ({ label })) as never });
    expect(year(["Phấn đấu tới năm 2030", "KẾ HOẠCH NĂM 2026"])).toBe(2026);
    expect(year(["Tầm nhìn năm 2045", "Nhiệm vụ năm 2027"])).toBe(2027);
    expect(year(["Giai đoạn năm 2026", "năm 2028"])).toBe(2028);
    expect(year(["CHỈ TIÊU NĂM 2026 - 2030", "NĂM 2029"])).toBe(2029);
    expect(year(["CHỈ TIÊU NĂM 2026–2030"])).toBeNull();
    expect(year(["PHỤ LỤC"], ["Kết quả thực hiện năm 2028"])).toBe(2028);
    // The document's date: a plan signed in the last quarter is for the next year.
    expect(year(["Kèm theo Kế hoạch ngày /9/2025"])).toBe(2025);
    expect(year(["Kèm theo Kế hoạch ngày 1/10/2025"])).toBe(2026);
    expect(year(["Kèm theo Kế hoạch ngày 31/12/2025"])).toBe(2026);
    expect(year(["ban hành ngày /2025"])).toBe(2025);
    expect(year(["Ban hành theo Quyết định 15/2025"])).toBe(2025);
    // A number over a year without "ngày", "kèm theo" or "ban hành" is not a date.
    expect(year(["Số hiệu 10/2025"])).toBeNull();
  });

  it("reads the document's date in the ways it is written, skipping a day that does not exist", () => {
    expect(documentDate(["ngày 12/02/2026"])).toBe("2026-02-12");
    expect(documentDate(["Ngày 5-3-2026"])).toBe("2026-03-05");
    expect(documentDate(["ngày 05.03.2026"])).toBe("2026-03-05");
    expect(documentDate(["ngày 5 / 3 / 2026"])).toBe("2026-03-05");
    expect(documentDate(["NGÀY  7  THÁNG  4  NĂM  2026"])).toBe("2026-04-07");
    expect(documentDate(["ngày 31/02/2026", "ngày 1/3/2026"])).toBe("2026-03-01");
    expect(documentDate(["Đồng Nai, 12/02/2026"])).toBeNull();
    expect(documentDate(["ngày  12/02/2026"])).toBe("2026-02-12"); // two spaces typed after "ngày"
    expect(planYearOf({ heading: ["KẾ HOẠCH NĂM  2027"], columns: [] })).toBe(2027);
  });
});

describe("checkWorkbook", () => {
  const plan = indicators([[1, "Tỷ lệ phủ sóng 5G trên địa bàn xã", "%", "≥ 65%", "Phòng VH-XH"]]);

  it("uses a “Danh mục” sheet as the indicator list and does not report it", () => {
    const list = sheetOf("Danh mục", [
      ["Mã", "Tên chỉ tiêu", "Đơn vị tính", "Chỉ tiêu"],
      ["HT-01", "Tỷ lệ phủ sóng 5G trên địa bàn", "%", "≥ 70%"],
    ]);
    const withList = checkWorkbook({ sheets: [plan, list] }, { catalog });
    expect(withList.sheets.map((s) => s.name)).toEqual(["Chỉ tiêu"]);
    expect(withList.catalogSource).toContain("Danh mục");
    expect(one(withList.sheets[0], "target-below-province", "D4").message).toContain("≥ 70%");
    expect(at(checkWorkbook({ sheets: [plan] }, { catalog }).sheets[0], "target-below-province")).toEqual([]);
  });

  it("reports sheets without a table as unknown, and an error only when no sheet has one", () => {
    const notes = sheetOf("Ghi chú", [["Gửi Phòng VH-XH trước ngày 15"]]);
    const empty: SheetSnapshot = { name: "Sheet3", values: [] };
    const r = checkWorkbook({ sheets: [plan, notes, empty] }, { catalog });
    expect(r.sheets.map((s) => [s.name, s.kind, s.findings.length])).toEqual([
      ["Chỉ tiêu", "indicators", 0],
      ["Ghi chú", "unknown", 0],
      ["Sheet3", "unknown", 0],
    ]);
    const bad = checkWorkbook({ sheets: [notes, empty] }, { catalog });
    expect(bad.counts.error).toBe(1);
    expect(bad.sheets[0].findings.map((f) => f.code)).toEqual(["no-header"]);
  });

  it("keeps the reader's message on the sheet that has content, else on the first sheet", () => {
    const notes = sheetOf("Ghi chú", [["Gửi Phòng VH-XH trước ngày 15"]]);
    const empty = (name: string): SheetSnapshot => ({ name, values: [[null, "  "]] });
    const afterEmpty = checkWorkbook({ sheets: [empty("Sheet1"), notes] }, { catalog });
    expect(afterEmpty.sheets.map((s) => s.findings.map((f) => f.code))).toEqual([[], ["no-header"]]);
    const allEmpty = checkWorkbook({ sheets: [empty("Sheet1"), empty("Sheet2")] }, { catalog });
    expect(allEmpty.sheets.map((s) => s.findings.map((f) => f.code))).toEqual([["no-header"], []]);
    expect(allEmpty.counts.error).toBe(1);
    const alone = checkSheet(notes, { catalog });
    expect(alone.findings.map((f) => [f.code, f.cell])).toEqual([["no-header", "A1"]]);
    expect(alone.counts.error).toBe(1);
    // A row with content is one with any cell filled, not every cell.
    const sparse = sheetOf("Ghi chú", [["Gửi Phòng VH-XH trước ngày 15", null, null]]);
    expect(checkWorkbook({ sheets: [empty("Sheet1"), sparse] }, { catalog }).sheets.map((s) => s.findings.map((f) => f.code))).toEqual([[], ["no-header"]]);
  });

  it("finds the commune in the file's name when no sheet names it, and reports the file's name", () => {
    const bare = sheetOf("Chỉ tiêu", [HEAD, [1, "Tỷ lệ phủ sóng 5G trên địa bàn xã", "%", "≥ 60%", "Công an phường"]]);
    const r = checkWorkbook({ fileName: "Xã_Tân-Lợi.xlsx", sheets: [bare] }, { catalog });
    expect(r.fileName).toBe("Xã_Tân-Lợi.xlsx");
    expect(r.sheets[0].commune?.name).toBe("Tân Lợi");
    expect(at(r.sheets[0], "body-type-word")).toEqual(["E2"]);
    expect(checkWorkbook({ sheets: [bare] }, { catalog }).sheets[0].commune).toBeNull();
  });

  it("looks for the commune in the first 12 rows of the other sheets only, not in their body text", () => {
    const bare = sheetOf("Chỉ tiêu 2", [HEAD, [1, "Tỷ lệ phủ sóng 5G trên địa bàn xã", "%", "≥ 60%", "Công an xã"]]);
    const cover = (row: number) => sheetOf("Bìa", [...Array.from({ length: row - 1 }, () => ["  "]), ["ỦY BAN NHÂN DÂN PHƯỜNG MINH HƯNG"]]);
    expect(checkWorkbook({ sheets: [cover(12), bare] }, { catalog }).sheets[1].commune?.name).toBe("Minh Hưng");
    const deep = checkWorkbook({ sheets: [cover(13), bare] }, { catalog }).sheets[1];
    expect(deep.commune).toBeNull();
    expect(at(deep, "commune-not-found")).toEqual(["A1"]);
  });

  it("finds the commune in another sheet of the workbook when a sheet has no heading", () => {
    const bare = sheetOf("Chỉ tiêu 2", [HEAD, [1, "Tỷ lệ phủ sóng 5G trên địa bàn xã", "%", "≥ 60%", "Công an xã"]]);
    const named = sheetOf("Bìa", [["ỦY BAN NHÂN DÂN PHƯỜNG MINH HƯNG"]]);
    const r = checkWorkbook({ sheets: [named, bare] }, { catalog });
    expect(r.sheets[1].commune?.name).toBe("Minh Hưng");
    expect(at(r.sheets[1], "body-type-word")).toEqual(["E2"]);
  });
});

describe("tidy", () => {
  const finding = (code: string, cell: string, message = "m"): Finding => ({
    code,
    severity: "warning",
    sheet: "S",
    cell,
    row: Number(cell.replace(/^[A-Z]+/, "")),
    message,
  });

  it("keeps one finding per code, cell and message", () => {
    const out = tidy([finding("a", "B2"), finding("a", "B2"), finding("a", "B2", "other"), finding("b", "B2")]);
    expect(out.map((f) => `${f.code}@${f.cell}:${f.message}`)).toEqual(["a@B2:m", "a@B2:other", "b@B2:m"]);
  });

  it("orders by row, then by column as Excel counts them (Z before AA, AB before BA), then as raised", () => {
    const raised = ["BA3", "AB3", "AA3", "Z3", "B3", "A4", "C2", "B3"].map((cell, i) => finding(`c${i}`, cell));
    expect(tidy(raised).map((f) => `${f.cell}:${f.code}`)).toEqual(["C2:c6", "B3:c4", "B3:c7", "Z3:c3", "AA3:c2", "AB3:c1", "BA3:c0", "A4:c5"]);
  });
});

describe("FINDING_CODES", () => {
  it("lists each code once, with a severity and a Vietnamese description", () => {
    const codes = FINDING_CODES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of FINDING_CODES) {
      expect(["error", "warning", "info"]).toContain(c.severity);
      expect(c.description.normalize("NFC")).toBe(c.description);
      expect(c.description).toMatch(/[ăâđêôơưáàảãạ]/i);
    }
  });

  it("covers every code the checker raised on the seeds, with the listed severity", () => {
    const listed = new Map<string, string>(FINDING_CODES.map((c) => [c.code, c.severity]));
    for (const [id, sheets] of [
      ["000", ["Chỉ tiêu"]],
      ["001", ["Chỉ tiêu", "Phụ lục nhiệm vụ"]],
      ["002", ["Phụ lục I", "Phụ lục II"]],
      ["004", ["Phụ lục"]],
    ] as const) {
      for (const s of sheets) {
        for (const f of seedReport(id, s).findings) {
          expect([f.code, listed.get(f.code)]).toEqual([f.code, f.severity]);
          expect(f.message.normalize("NFC")).toBe(f.message);
        }
      }
    }
  });
});

describe("an appendix the add-in inserted", () => {
  it("checks clean as inserted, and the checker finds what an official then types wrong", async () => {
    const { planInsert } = await import("./layout");
    const { applyEdits, workbookBytes, newWorkbook } = await import("../hosts/file/apply");
    const { readWorkbook } = await import("../hosts/file/read");
    const { typedInto } = await import("../../test/xlsx");
    const commune = catalog.communes.find((c) => c.name === "Tân Lợi")!;
    // The plan form checks clean too.
    const planForm = planInsert({ commune, year: 2026, appendices: ["I", "II"], existingSheets: [], catalog, asOf: "2026-03-01" });
    const planWb = await newWorkbook();
    applyEdits(planWb, planForm.edits);
    const planChecked = checkWorkbook(await readWorkbook(await workbookBytes(planWb), "k.xlsx"), { catalog });
    expect(planChecked.sheets.filter((s) => s.kind !== "unknown").length).toBeGreaterThanOrEqual(2);
    expect(planChecked.sheets.flatMap((s) => s.findings)).toEqual([]);

    const plan = planInsert({ commune, year: 2026, appendices: ["I", "II"], existingSheets: [], catalog, asOf: "2026-03-01", form: "bao-cao" });
    const wb = await newWorkbook();
    applyEdits(wb, plan.edits);
    const inserted = await workbookBytes(wb);
    const fresh = await readWorkbook(inserted, "x.xlsx");
    const clean = checkWorkbook(fresh, { catalog });
    expect(clean.sheets.filter((s) => s.kind !== "unknown").length).toBeGreaterThanOrEqual(2);
    expect(clean.sheets.flatMap((s) => s.findings)).toEqual([]);

    // The 5G row: a result that is not a number, and the lead unit deleted.
    const sheet = plan.planned.find((p) => p.kind === "indicators")?.name ?? "Phụ lục I";
    const snap = fresh.sheets.find((s) => s.name === sheet)!;
    const r5g = snap.values.findIndex((row) => row.includes("HT-01")) + 1;
    const header = snap.values.find((row) => row.includes("Kết quả thực hiện"))!;
    const col = (label: string) => header.indexOf(label) + 1;
    const typedBytes = await typedInto(inserted, (book) => {
      const ws = book.getWorksheet(sheet)!;
      ws.getCell(r5g, col("Kết quả thực hiện")).value = "đang cập nhật";
      ws.getCell(r5g, col("Đơn vị chủ trì")).value = null;
    });
    const typed = await readWorkbook(typedBytes, "x.xlsx");
    const report = checkWorkbook(typed, { catalog }).sheets.find((s) => s.name === sheet)!;
    const letter = (c: number) => String.fromCharCode(64 + c);
    expect(report.findings.map((f) => `${f.code}@${f.cell}`).sort()).toEqual(
      [`lead-missing@${letter(col("Đơn vị chủ trì"))}${r5g}`, `result-text@${letter(col("Kết quả thực hiện"))}${r5g}`].sort(),
    );
  });
});

describe("checks that need no catalog (test/fixtures/unseen/own-indicators.json)", () => {
  it("flag, on rows the catalog does not know, what is wrong on its face", () => {
    const r = checkSheet(loadGrid("own-indicators.json").sheet("Chỉ tiêu riêng"), { catalog });
    // Every row is the commune's own indicator: each gets the hint, and its one defect.
    expect(at(r, "indicator-unknown")).toEqual(["B4", "B5", "B6", "B7", "B8", "B9", "B10", "B11", "B12"]);
    expect(r.findings.filter((f) => f.code !== "indicator-unknown").map((f) => `${f.code}@${f.cell}:${f.severity}`)).toEqual([
      "unit-target-mismatch@D4:warning", // "≥ 60%" counted in "Hộ"
      "unit-target-mismatch@D5:warning", // "≥ 02 mô hình" in a "%" row
      "target-vague@D6:error", // "Đạt" is no target
      "target-over-100@D7:warning", // "120%"
      "numbering-repeat@A8:warning", // 4 twice
      "target-missing@D9:error",
      "lead-missing@E10:error",
      "target-vague@D11:error", // "Tốt"
      "unit-missing@C12:error", // "≥ 4" without a unit
    ]);
  });
});
