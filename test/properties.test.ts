/**
 * Property tests (fast-check) for everything that reads what people typed: the
 * parsers never throw on any input, a formatted target reads back as the same
 * target, a later period never gets an earlier due date, normalisation is
 * idempotent, and what we write into a file comes back exactly, as text.
 * Every run is seeded, so a failure can be replayed (fast-check prints the seed).
 */
import fc from "fast-check";
import { parseTarget, formatTarget, sameTarget, type Target } from "../src/domain/target";
import { parseDeadline } from "../src/domain/deadline";
import { formatNumberVi, parseLocaleNumber, roundTo } from "../src/domain/numbers";
import { clean, foldKey, normalize } from "../src/domain/text";
import { readTable } from "../src/domain/reader";
import { defaultCatalog } from "../src/domain/catalog";
import { matchBody, matchCommune, matchIndicator, matchUnit, splitBodies } from "../src/domain/match";
import { checkSheet } from "../src/domain/validate";
import { planCompute } from "../src/domain/compute";
import { isValidDate, parseIso, toExcelSerial, isoDate } from "../src/domain/dates";
import { applyEdits, newWorkbook, workbookBytes } from "../src/hosts/file/apply";
import { readWorkbook } from "../src/hosts/file/read";
import { HostError } from "../src/hosts/file/errors";
import { guardZip, listZipEntries, ZipFormatError } from "../src/hosts/file/zipGuard";
import type { CellValue, SheetSnapshot } from "../src/domain/snapshot";
import { seedWorkbook } from "./xlsx";

jest.setTimeout(120_000);

const catalog = defaultCatalog();
const SEED = 20260630;
const runs = (n: number) => ({ numRuns: n, seed: SEED });

/** Pieces officials type into these cells, so random strings hit the parsers' real paths. */
const TOKENS = [
  "≥", ">=", "=>", "≤", "<", ">", "=", "%", "‰", " ", "  ", "\u00a0", "\n", "\t", ".", ",", ";", ":", "/", "-", "–", "(", ")",
  "0", "00", "01", "1", "5", "10", "12", "13", "31", "60", "95", "100", "1.000", "1,5", "2025", "2026", "2030", "99999999999999999999999",
  "Quý", "quý", "I", "II", "III", "IV", "V", "tháng", "Tháng", "T", "năm", "Năm", "6 tháng đầu", "6 tháng cuối", "đầu", "cuối",
  "trước ngày", "hằng tháng", "hàng quý", "mỗi năm", "Thường xuyên", "liên tục", "theo kế hoạch", "từ", "trở lên", "trở xuống",
  "tối thiểu", "không quá", "đạt", "trên", "dưới", "Có", "triển khai", "Hoàn thành", "Đang thực hiện", "Chưa",
  "Tỷ lệ", "Tỉ lệ", "phủ sóng 5G", "hộ gia đình", "Phòng", "VH-XH", "Văn hóa - Xã hội", "Công an", "xã", "phường", "UBND",
  "Trung tâm", "Phục vụ hành chính công", "và", "các", "đơn vị", "__proto__", "constructor", "toString", "hasOwnProperty",
  "@", "+", "=SUM(A1)", "ㅤ", "\u200b", "\ufeff", "ß", "İ", "ǅ", "\u0301", "\u0323", "e\u0302\u0301", "Ω", "😀", "\u202e",
];
const typed = fc.array(fc.constantFrom(...TOKENS), { maxLength: 8 }).map((parts) => parts.join(""));
const anyText = fc.oneof(typed, fc.string({ unit: "binary", maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 20 }));
const anyNumber = fc.oneof(fc.double(), fc.integer({ min: -1e6, max: 3e6 }), fc.constantFrom(0, -0, 1, 0.6, 60, 2026, 46203, 2958466, 1e308, -1e-300));
const anyCell: fc.Arbitrary<CellValue> = fc.oneof(anyText, anyNumber, fc.boolean(), fc.constant(null));
const anyFormat = fc.oneof(fc.constant(null), fc.constantFrom("General", "0%", '"≥ "0%', "dd/mm/yyyy", "d/m/yyyy h:mm", "@", "0.00", '"≤ "0.0%', "[$-42A]dd mmmm yyyy"), anyText);

describe("the parsers never throw, whatever is in the cell", () => {
  it("parseTarget: a result or a reason; numeric targets are finite numbers", () => {
    fc.assert(
      fc.property(anyCell, anyFormat, fc.boolean(), (v, numberFormat, percentUnit) => {
        const p = parseTarget(v, { numberFormat, percentUnit });
        if (!p.ok) return typeof p.reason === "string" && p.reason.length > 0;
        if (p.target.kind === "qualitative") return typeof p.target.text === "string";
        return Number.isFinite(p.target.value);
      }),
      runs(3000),
    );
  });

  it("parseDeadline: a real calendar date when it names one", () => {
    fc.assert(
      fc.property(anyCell, anyFormat, fc.integer({ min: 1990, max: 2100 }), (v, numberFormat, planYear) => {
        const p = parseDeadline(v, { planYear, numberFormat });
        if (!p.ok) return p.reason.length > 0;
        if (p.deadline.kind !== "date") return true;
        const { year, month, day } = parseIso(p.deadline.due);
        return /^\d{4}-\d{2}-\d{2}$/.test(p.deadline.due) && isValidDate(year, month, day);
      }),
      runs(3000),
    );
  });

  it("parseLocaleNumber: a number or NaN, never an exception", () => {
    fc.assert(
      fc.property(anyText, (s) => typeof parseLocaleNumber(s) === "number"),
      runs(3000),
    );
  });

  it("matchIndicator, matchBody, splitBodies, matchUnit, matchCommune: confidences in [0, 1]", () => {
    const proto = Object.getOwnPropertyNames(Object.prototype);
    fc.assert(
      fc.property(anyText, (s) => {
        const m = matchIndicator(catalog, s);
        const inRange = (x: number) => x >= 0 && x <= 1;
        if (m.best && !inRange(m.best.confidence)) return false;
        if (!m.candidates.every((c) => inRange(c.confidence))) return false;
        if (!inRange(matchBody(catalog, s).confidence)) return false;
        if (!splitBodies(catalog, s).every((b) => inRange(b.confidence) && typeof b.text === "string")) return false;
        matchUnit(catalog, s);
        matchCommune(catalog, s);
        return true;
      }),
      runs(1500),
    );
    // And nothing on the way wrote onto Object.prototype.
    expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(proto);
  });
});

describe("normalisation", () => {
  it("clean, normalize and foldKey are idempotent; NFD and NFC fold alike", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(clean(clean(s))).toBe(clean(s));
        expect(normalize(normalize(s))).toBe(normalize(s));
        expect(foldKey(foldKey(s))).toBe(foldKey(s));
        expect(normalize(s.normalize("NFD"))).toBe(normalize(s));
        expect(foldKey(s.normalize("NFD"))).toBe(foldKey(s));
      }),
      runs(3000),
    );
  });

  it("foldKey leaves no combining marks and no upper case", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const k = foldKey(s);
        return !/\p{M}/u.test(k) && k === k.toLocaleLowerCase("vi");
      }),
      runs(3000),
    );
  });
});

describe("round trips", () => {
  // Not "=": formatTarget writes an "=" target bare ("5"), which reads back as "≥ 5":
  // officials write a bare value to mean "at least", and nobody writes "= 5".
  const comparator = fc.constantFrom(">=", "<=", ">", "<") as fc.Arbitrary<">=" | "<=" | ">" | "<">;
  // Values as officials write them: at most two decimals in the shown unit (60%, 1,5; 12,25%).
  const numericTarget: fc.Arbitrary<Target & { kind: "numeric" }> = fc
    .record({ comparator, hundredths: fc.integer({ min: -100_000, max: 10_000_000 }), percent: fc.boolean(), bare: fc.boolean() })
    .map(({ comparator, hundredths, percent, bare }) => ({
      kind: "numeric" as const,
      comparator: bare ? (">=" as const) : comparator,
      value: roundTo(percent ? hundredths / 10_000 : hundredths / 100),
      percent,
      ...(bare ? { bare: true } : {}),
    }));

  it("formatTarget → parseTarget gives the same target", () => {
    fc.assert(
      fc.property(numericTarget, (t) => {
        const text = formatTarget(t);
        const back = parseTarget(text, { percentUnit: t.percent });
        expect(back.ok).toBe(true);
        if (back.ok) expect({ text, same: sameTarget(back.target, t) }).toEqual({ text, same: true });
      }),
      runs(3000),
    );
  });

  it("formatNumberVi → parseLocaleNumber gives the number back (to its two shown decimals)", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), (x) => {
        const back = parseLocaleNumber(formatNumberVi(x, 2));
        return back === Number(x.toFixed(2)) || (back === 0 && Number(x.toFixed(2)) === 0);
      }),
      runs(3000),
    );
  });

  it("text written into a file comes back exactly, as text, never as a formula", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.string({ unit: "binary", maxLength: 30 }), typed), { minLength: 1, maxLength: 40 }), async (texts) => {
        const wb = await newWorkbook();
        applyEdits(wb, [
          { op: "addSheet", sheet: "S" },
          { op: "setValues", sheet: "S", range: `A1:A${texts.length}`, values: texts.map((t) => [t]) },
        ]);
        const back = (await readWorkbook(await workbookBytes(wb), "t.xlsx")).sheets[0];
        texts.forEach((t, i) => {
          expect(back.values[i]?.[0] ?? null).toEqual(t);
          expect(back.formulas?.[i]?.[0] ?? null).toBeNull();
        });
      }),
      runs(25),
    );
  });
});

describe("a later period never gets an earlier due date", () => {
  const year = fc.integer({ min: 2000, max: 2099 });
  const due = (text: CellValue, planYear = 2026, numberFormat: string | null = null) => {
    const p = parseDeadline(text, { planYear, numberFormat });
    if (!p.ok || p.deadline.kind !== "date") throw new Error(`no date for ${JSON.stringify(text)}`);
    return p.deadline.due;
  };
  const MONTH_FORMS = [(m: number, y: number) => `tháng ${m}/${y}`, (m: number, y: number) => `${m}/${y}`, (m: number, y: number) => `T${m}/${y}`, (m: number, y: number) => `Tháng ${String(m).padStart(2, "0")} năm ${y}`];
  const ROMAN = ["I", "II", "III", "IV"];

  it("months: m < m' in a year ⇒ due(m) < due(m'), whichever way each is written", () => {
    fc.assert(
      fc.property(year, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), fc.nat(3), fc.nat(3), (y, a, b, fa, fb) => {
        fc.pre(a !== b);
        const [m, m2] = a < b ? [a, b] : [b, a];
        expect(due(MONTH_FORMS[fa](m, y)) < due(MONTH_FORMS[fb](m2, y))).toBe(true);
      }),
      runs(1000),
    );
  });

  it("quarters: q < q' ⇒ due(q) < due(q'); a month of a quarter is due no later than the quarter", () => {
    fc.assert(
      fc.property(year, fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 2 }), (y, a, b, k) => {
        const q = (n: number) => due(`Quý ${ROMAN[n - 1]}/${y}`);
        if (a < b) expect(q(a) < q(b)).toBe(true);
        expect(q(a)).toBe(due(`Quý ${a}/${y}`)); // Roman or Arabic, the same quarter
        expect(due(`${(a - 1) * 3 + 1 + k}/${y}`) <= q(a)).toBe(true);
        expect(due(`${a * 3}/${y}`)).toBe(q(a)); // the quarter ends with its last month
      }),
      runs(1000),
    );
  });

  it("years and halves: y < y' ⇒ due(y) < due(y'); the first half ends before the second", () => {
    fc.assert(
      fc.property(year, year, (a, b) => {
        fc.pre(a !== b);
        const [y, y2] = a < b ? [a, b] : [b, a];
        expect(due(`Năm ${y}`) < due(`Năm ${y2}`)).toBe(true);
        expect(due(`Quý IV/${y}`)).toBe(due(`Năm ${y}`));
        expect(due(`6 tháng đầu năm ${y}`) < due(`6 tháng cuối năm ${y}`)).toBe(true);
        expect(due(`12/${y}`) < due(`1/${y2}`)).toBe(true);
      }),
      runs(1000),
    );
  });

  it("dates: a later day (typed, or a real date cell) is never due earlier", () => {
    const day = fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true });
    fc.assert(
      fc.property(day, day, (d1, d2) => {
        const iso = (d: Date) => isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
        const [a, b] = [iso(d1), iso(d2)].sort();
        const typedDue = (x: string) => due(`${x.slice(8, 10)}/${x.slice(5, 7)}/${x.slice(0, 4)}`);
        expect(typedDue(a) <= typedDue(b)).toBe(true);
        expect(due(toExcelSerial(a), 2026, "dd/mm/yyyy") <= due(toExcelSerial(b), 2026, "dd/mm/yyyy")).toBe(true);
        expect(due(toExcelSerial(a), 2026, "dd/mm/yyyy")).toBe(a);
      }),
      runs(1000),
    );
  });
});

describe("reading random grids", () => {
  const LABELS = ["STT", "TT", "Nội dung chỉ tiêu", "Tên nhiệm vụ", "Đơn vị tính", "Kết quả", "Chỉ tiêu", "Đơn vị chủ trì", "Thời gian hoàn thành", "Tình trạng", "Ngày hoàn thành", "Tỷ lệ đạt (%)", "Đánh giá"];
  const headerish: fc.Arbitrary<CellValue> = fc.oneof(fc.constantFrom(...LABELS), anyCell);
  const row = (cell: fc.Arbitrary<CellValue>) => fc.array(cell, { maxLength: 9 });
  const grid = fc.tuple(fc.array(row(anyCell), { maxLength: 6 }), row(headerish), fc.array(row(anyCell), { maxLength: 25 })).map(([top, header, body]) => [...top, header, ...body]);
  const range = fc
    .tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }))
    .map(([r, c, h, w]) => `${String.fromCharCode(64 + c)}${r}:${String.fromCharCode(64 + Math.min(26, c + w))}${r + h}`);
  const sheet: fc.Arbitrary<SheetSnapshot> = fc
    .record({ name: fc.oneof(fc.constantFrom("Phụ lục I", "__proto__", "constructor"), fc.string({ maxLength: 31 })), values: grid, merges: fc.array(range, { maxLength: 4 }), protected: fc.boolean() })
    .map((s) => ({ ...s, numberFormats: s.values.map((r) => r.map((v) => (typeof v === "number" ? "dd/mm/yyyy" : null))) }));

  it("readTable, the checker and the compute planner never throw; the table's rows are inside the grid", () => {
    fc.assert(
      fc.property(sheet, (s) => {
        const r = readTable(s);
        if (r.ok) {
          for (const item of r.table.rows) expect(item.row).toBeGreaterThan(r.table.headerEnd);
          expect(r.table.lastRow).toBeLessThanOrEqual(Math.max(s.values.length, r.table.headerEnd));
        } else {
          expect(r.message).toMatch(/[à-ỹ]/);
        }
        const report = checkSheet(s, { catalog, asOf: "2026-06-30" });
        for (const f of report.findings) expect(f.message.length).toBeGreaterThan(0);
        const plan = planCompute(s, { catalog, asOf: "2026-06-30", today: "2026-06-30" });
        if (!plan.ok) expect(plan.message.length).toBeGreaterThan(0);
      }),
      runs(400),
    );
  });
});

describe("hostile bytes", () => {
  it("the zip guard reads any bytes into a list of parts or a format error, nothing else", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), fc.boolean(), async (raw, withEnd) => {
        // Often with an end-of-directory record at the end, so the parser goes past its first check.
        const bytes = withEnd ? new Uint8Array([...raw, 0x50, 0x4b, 0x05, 0x06, ...raw.slice(0, 18)]) : raw;
        try {
          listZipEntries(bytes);
        } catch (e) {
          expect(e).toBeInstanceOf(ZipFormatError);
        }
        await guardZip(bytes, "x.xlsx").catch((e: unknown) => expect(e).toBeInstanceOf(HostError));
      }),
      runs(1500),
    );
  });

  it("a real workbook with bytes flipped opens or fails with a Vietnamese HostError, never another error", async () => {
    const good = await seedWorkbook("000");
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 6 }), async (flips) => {
        const bytes = new Uint8Array(good);
        for (const [at, x] of flips) bytes[at] ^= x;
        try {
          await readWorkbook(bytes, "hong.xlsx");
        } catch (e) {
          expect(e).toBeInstanceOf(HostError);
          expect((e as HostError).message).toContain('"hong.xlsx"');
        }
      }),
      runs(150),
    );
  });
});
