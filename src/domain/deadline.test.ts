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
