import { parseDeadline } from "./deadline";

const ctx = { planYear: 2026 };
const due = (s: Parameters<typeof parseDeadline>[0], c: Parameters<typeof parseDeadline>[1] = ctx) => {
  const r = parseDeadline(s, c);
  return r.ok && r.deadline.kind === "date" ? r.deadline.due : r.ok ? r.deadline.kind : r.code;
};

describe("parseDeadline on the seeds' strings", () => {
  it.each([
    ["Năm 2026", "2026-12-31"],
    ["2026", "2026-12-31"],
    ["10/2026", "2026-10-31"],
    ["12/2027", "2027-12-31"],
    ["12/2025", "2025-12-31"],
    ["Quý I/2026", "2026-03-31"],
    ["Quý II/2026", "2026-06-30"],
    ["Tháng 3/2026", "2026-03-31"],
    ["Đến hết 11/2025", "2025-11-30"],
    ["31/12/2026", "2026-12-31"],
    ["Trước ngày 30/6/2026", "2026-06-30"],
    ["6 tháng đầu năm 2026", "2026-06-30"],
    ["6 tháng cuối năm 2026", "2026-12-31"],
    ["Quý 2/2026", "2026-06-30"],
    ["quý II năm 2026", "2026-06-30"],
    ["T3/2026", "2026-03-31"],
    ["Quý IV", "2026-12-31"],
    ["Tháng 9", "2026-09-30"],
    ["2026-2030", "2030-12-31"],
  ])("%j is due %s", (s, d) => expect(due(s)).toBe(d));

  it("takes the plan's year when the text has none", () => {
    const r = parseDeadline("Quý III", { planYear: 2027 });
    expect(r).toEqual({ ok: true, deadline: { kind: "date", due: "2027-09-30", period: "quarter", yearAssumed: true } });
  });

  it("reads recurring deadlines", () => {
    expect(parseDeadline("Thường xuyên", ctx)).toEqual({ ok: true, deadline: { kind: "recurring", every: "ongoing" } });
    expect(parseDeadline("Hằng năm", ctx)).toEqual({ ok: true, deadline: { kind: "recurring", every: "yearly" } });
    expect(parseDeadline("Hàng tháng", ctx)).toEqual({ ok: true, deadline: { kind: "recurring", every: "monthly" } });
    expect(parseDeadline("Trước ngày 20 hằng tháng", ctx)).toEqual({
      ok: true,
      deadline: { kind: "recurring", every: "monthly", dayOfMonth: 20 },
    });
    for (const text of ["Ngày 15 hằng tháng", "ngày 15 hàng tháng", "Chậm nhất ngày 15 mỗi tháng", "Báo cáo trước ngày 15 hằng tháng"]) {
      expect([text, parseDeadline(text, ctx)]).toEqual([text, { ok: true, deadline: { kind: "recurring", every: "monthly", dayOfMonth: 15 } }]);
    }
  });

  it.each(["Theo hướng dẫn của tỉnh", "Quy định của tỉnh"])("%j names no date", (s) => {
    expect(parseDeadline(s, ctx)).toEqual({ ok: true, deadline: { kind: "undated", text: s } });
  });

  it("reads real Excel dates and a typed year", () => {
    expect(due(46203, { planYear: 2026, numberFormat: "dd/mm/yyyy" })).toBe("2026-06-30");
    expect(due(2026)).toBe("2026-12-31");
  });

  it("returns a reason instead of throwing", () => {
    expect(parseDeadline(null, ctx)).toMatchObject({ ok: false, code: "empty" });
    expect(parseDeadline("không rõ", ctx)).toMatchObject({ ok: false, code: "unreadable" });
    expect(parseDeadline(12, ctx)).toMatchObject({ ok: false, code: "unreadable" });
  });
});

// Edges that mutation testing (npm run mutate) found unpinned; every expected deadline
// is the last day of the period the text names, worked out by hand.
describe("parseDeadline at its edges", () => {
  const date = (due: string, period: string, yearAssumed = false) => ({ ok: true, deadline: { kind: "date", due, period, yearAssumed } });

  it("says why a cell is not a deadline", () => {
    expect(parseDeadline(undefined as unknown as null, ctx)).toEqual({ ok: false, code: "empty", reason: "Chưa có thời hạn hoàn thành." });
    expect(parseDeadline(" \u00a0 ", ctx)).toEqual({ ok: false, code: "empty", reason: "Chưa có thời hạn hoàn thành." });
    expect(parseDeadline(true, ctx)).toEqual({ ok: false, code: "unreadable", reason: "Ô chứa giá trị đúng/sai, không phải thời hạn." });
    expect(parseDeadline(12, ctx)).toEqual({ ok: false, code: "unreadable", reason: 'Không hiểu thời hạn "12".' });
    expect(parseDeadline("sớm nhất có thể", ctx)).toEqual({ ok: false, code: "unreadable", reason: 'Không hiểu thời hạn "sớm nhất có thể".' });
  });

  it("reads a typed year from 1900 to 2200, and a date serial otherwise", () => {
    expect(parseDeadline(1900, ctx)).toEqual(date("1900-12-31", "year"));
    expect(parseDeadline(2200, ctx)).toEqual(date("2200-12-31", "year"));
    // 46203 is 30/06/2026 as Excel counts days; 30000 and 100000 bound the plausible serials.
    expect(parseDeadline(46203, ctx)).toEqual(date("2026-06-30", "day"));
    expect(parseDeadline(30000, ctx)).toEqual(date("1982-02-18", "day"));
    expect(parseDeadline(100000, ctx)).toEqual(date("2173-10-14", "day"));
    expect(parseDeadline(29999, ctx)).toMatchObject({ ok: false, code: "unreadable" });
    expect(parseDeadline(100001, ctx)).toMatchObject({ ok: false, code: "unreadable" });
    // Not a whole number, or in a date format: not a year.
    expect(parseDeadline(2026.5, ctx)).toMatchObject({ ok: false, code: "unreadable" });
    expect(parseDeadline(2026, { planYear: 2026, numberFormat: "dd/mm/yyyy" })).toMatchObject({ ok: false, code: "unreadable" });
  });

  it("reads a full date with slashes, dashes or dots, and only a real day", () => {
    expect(parseDeadline("30-6-2026", ctx)).toEqual(date("2026-06-30", "day"));
    expect(parseDeadline("Trước 30.06.2026", ctx)).toEqual(date("2026-06-30", "day"));
    expect(parseDeadline("ngày 5 / 7 / 2026", ctx)).toEqual(date("2026-07-05", "day"));
    // A full date makes its numbers part of it: "2026" is not read again as the year's end.
    expect(parseDeadline("15/3/2026, báo cáo năm 2026", ctx)).toEqual(date("2026-03-15", "day"));
    expect(parseDeadline("31/02/2026", ctx)).toMatchObject({ ok: false, code: "unreadable" });
  });

  it("reads each quarter, in Roman or Arabic numerals, with or without its year", () => {
    expect(parseDeadline("Quý III/2026", ctx)).toEqual(date("2026-09-30", "quarter"));
    expect(parseDeadline("quý iv năm 2025", ctx)).toEqual(date("2025-12-31", "quarter"));
    expect(parseDeadline("Quý 4", ctx)).toEqual(date("2026-12-31", "quarter", true));
    expect(parseDeadline("Quý I", { planYear: 2027 })).toEqual(date("2027-03-31", "quarter", true));
    // A range ends on its last day.
    expect(parseDeadline("Quý I - Quý III/2026", ctx)).toEqual(date("2026-09-30", "quarter"));
  });

  it("reads the halves of a year", () => {
    expect(parseDeadline("6 tháng đầu năm", ctx)).toEqual(date("2026-06-30", "half", true));
    expect(parseDeadline("6 tháng cuối năm", { planYear: 2027 })).toEqual(date("2027-12-31", "half", true));
    expect(parseDeadline("6 tháng đầu 2025", ctx)).toEqual(date("2025-06-30", "half"));
  });

  it("reads months with their year, or the plan's, and no month 13", () => {
    expect(parseDeadline("tháng 3 năm 2026", ctx)).toEqual(date("2026-03-31", "month"));
    expect(parseDeadline("Tháng 12", ctx)).toEqual(date("2026-12-31", "month", true));
    expect(parseDeadline("Tháng 2", { planYear: 2028 })).toEqual(date("2028-02-29", "month", true));
    expect(parseDeadline("1/2027", ctx)).toEqual(date("2027-01-31", "month"));
    // "13/2026" is no month, and its year is not read alone: a typo to ask about, not the year's end.
    expect(parseDeadline("Tháng 13/2026", ctx)).toEqual({ ok: false, code: "unreadable", reason: 'Không hiểu thời hạn "Tháng 13/2026".' });
    expect(parseDeadline("Tháng 0", ctx)).toMatchObject({ ok: false, code: "unreadable" });
  });

  it("reads years from 1900 to 2200 in text, and a range to its last year", () => {
    expect(parseDeadline("Giai đoạn 2026 - 2030", ctx)).toEqual(date("2030-12-31", "year"));
    expect(parseDeadline("Năm 1899", ctx)).toMatchObject({ ok: false, code: "unreadable" });
    expect(parseDeadline("Năm 2201", ctx)).toMatchObject({ ok: false, code: "unreadable" });
    expect(parseDeadline("Năm 1900", ctx)).toEqual(date("1900-12-31", "year"));
  });

  it("takes the latest of several dates, in whatever order the text names them", () => {
    expect(parseDeadline("Quý IV/2026; sơ kết tháng 6/2026", ctx)).toEqual(date("2026-12-31", "quarter"));
    expect(parseDeadline("Quý IV/2026, sơ kết tháng 6/2026, tháng 9/2026", ctx)).toEqual(date("2026-12-31", "quarter"));
    expect(parseDeadline("Tháng 3/2026, tháng 11/2026 và tháng 7/2026", ctx)).toEqual(date("2026-11-30", "month"));
    // A month named before a quarter is read too.
    expect(parseDeadline("Tháng 12/2026 (sơ kết Quý II/2026)", ctx)).toEqual(date("2026-12-31", "month"));
  });

  it("reads what officials type without a space, or with words after the date", () => {
    expect(parseDeadline("Quý4/2026", ctx)).toEqual(date("2026-12-31", "quarter"));
    expect(parseDeadline("Tháng9", ctx)).toEqual(date("2026-09-30", "month", true));
    expect(parseDeadline("Tháng 3/2026 hoàn thành", ctx)).toEqual(date("2026-03-31", "month"));
    expect(parseDeadline("Tháng 9, năm nay", ctx)).toEqual(date("2026-09-30", "month", true));
    expect(parseDeadline("Năm 2026 (cả năm)", ctx)).toEqual(date("2026-12-31", "year"));
    expect(parseDeadline("Quý II / 2026", ctx)).toEqual(date("2026-06-30", "quarter"));
    expect(parseDeadline("Trước ngày 20, hằng tháng", ctx)).toEqual({ ok: true, deadline: { kind: "recurring", every: "monthly", dayOfMonth: 20 } });
    expect(parseDeadline("Định kỳ/hằng quý", ctx)).toEqual({ ok: true, deadline: { kind: "recurring", every: "quarterly" } });
  });

  it("reads a list of quarters or months to its last, with the year written once at the end", () => {
    // Work over the third and fourth quarters of 2026 is due at the end of the fourth, in 2026.
    expect(parseDeadline("Quý III, IV/2026", ctx)).toEqual(date("2026-12-31", "quarter"));
    expect(parseDeadline("Quý III, IV/2025", ctx)).toEqual(date("2025-12-31", "quarter"));
    expect(parseDeadline("Quý I và Quý II/2027", ctx)).toEqual(date("2027-06-30", "quarter"));
    expect(parseDeadline("Quý 2, 3", ctx)).toEqual(date("2026-09-30", "quarter", true));
    expect(parseDeadline("QIV/2026", ctx)).toEqual(date("2026-12-31", "quarter"));
    expect(parseDeadline("Quí III/2026", ctx)).toEqual(date("2026-09-30", "quarter"));
    expect(parseDeadline("Quí I, Quí II", ctx)).toEqual(date("2026-06-30", "quarter", true));
    expect(parseDeadline("Q2", ctx)).toEqual(date("2026-06-30", "quarter", true));
    // Months 9 and 10 of 2026: due at the end of October, not on 9 October.
    expect(parseDeadline("Tháng 9-10/2026", ctx)).toEqual(date("2026-10-31", "month"));
    expect(parseDeadline("Tháng 11 - 12/2026", ctx)).toEqual(date("2026-12-31", "month"));
    // A full date keeps one separator throughout.
    expect(parseDeadline("09-10-2026", ctx)).toEqual(date("2026-10-09", "day"));
  });

  it("reads a day and month without a year in the plan's year", () => {
    expect(parseDeadline("30/6", ctx)).toEqual(date("2026-06-30", "day", true));
    expect(parseDeadline("Trước ngày 15/10", ctx)).toEqual(date("2026-10-15", "day", true));
    expect(parseDeadline("Trước ngày 29/2", { planYear: 2028 })).toEqual(date("2028-02-29", "day", true));
    // No such day that year; and after "tháng" the numbers are months, not a day.
    expect(parseDeadline("29/2", ctx)).toMatchObject({ ok: false, code: "unreadable" });
    expect(parseDeadline("Tháng 9/10", ctx)).toMatchObject({ ok: false, code: "unreadable" });
    expect(parseDeadline("32/1", ctx)).toMatchObject({ ok: false, code: "unreadable" });
  });

  it("reads the first and last months and years, and nothing beyond them", () => {
    expect(parseDeadline("Tháng 1", ctx)).toEqual(date("2026-01-31", "month", true));
    expect(parseDeadline("Tháng 13", ctx)).toMatchObject({ ok: false, code: "unreadable" });
    expect(parseDeadline("0/2026", ctx)).toMatchObject({ ok: false, code: "unreadable" });
    expect(parseDeadline("Năm 2200", ctx)).toEqual(date("2200-12-31", "year"));
  });

  it("reads ongoing, periodic and undated work", () => {
    const every = (e: string) => ({ ok: true, deadline: { kind: "recurring", every: e } });
    expect(parseDeadline("Liên tục", ctx)).toEqual(every("ongoing"));
    expect(parseDeadline("Mỗi tháng", ctx)).toEqual(every("monthly"));
    expect(parseDeadline("Hằng quý", ctx)).toEqual(every("quarterly"));
    expect(parseDeadline("Mỗi quý", ctx)).toEqual(every("quarterly"));
    expect(parseDeadline("Định kỳ", ctx)).toEqual(every("quarterly"));
    expect(parseDeadline("Mỗi năm", ctx)).toEqual(every("yearly"));
    expect(parseDeadline("Ngày 5 mỗi tháng", ctx)).toEqual({ ok: true, deadline: { kind: "recurring", every: "monthly", dayOfMonth: 5 } });
    for (const text of ["Khi có yêu cầu", "Theo kế hoạch của huyện", "Theo chỉ đạo của UBND tỉnh", "Theo quy định"]) {
      expect([text, parseDeadline(text, ctx)]).toEqual([text, { ok: true, deadline: { kind: "undated", text } }]);
    }
  });
});
