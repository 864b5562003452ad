import { dateHelperValues, dueDateOf, parseDateCell, parseStatus, taskState } from "./status";
import { flagFormula } from "./status-formulas";
import type { Deadline } from "./deadline";

const q2: Deadline = { kind: "date", due: "2026-06-30", period: "quarter", yearAssumed: false };
const ongoing: Deadline = { kind: "recurring", every: "ongoing" };
const monthly20: Deadline = { kind: "recurring", every: "monthly", dayOfMonth: 20 };

describe("taskState", () => {
  const state = (deadline: Deadline | null, status: ReturnType<typeof parseStatus>, asOf: string, completedOn: string | null = null) =>
    taskState({ deadline, status, completedOn, asOf });

  it("flags a task not done after its due date as overdue, with the days", () => {
    expect(state(q2, "in-progress", "2026-07-15")).toMatchObject({ flag: "overdue", days: 15, dueDate: "2026-06-30" });
    expect(state(q2, null, "2026-07-01")).toMatchObject({ flag: "overdue", days: 1 });
  });
  it("flags due soon within the window, nothing before it", () => {
    expect(state(q2, "in-progress", "2026-06-20")).toMatchObject({ flag: "due-soon", days: 10 });
    expect(state(q2, "in-progress", "2026-06-30")).toMatchObject({ flag: "due-soon", days: 0 });
    expect(state(q2, "not-started", "2026-05-01")).toMatchObject({ flag: "none" });
  });
  it("tells done from done late", () => {
    expect(state(q2, "done", "2026-11-30", "2026-06-15")).toMatchObject({ flag: "done" });
    expect(state(q2, "done", "2026-11-30", "2026-07-10")).toMatchObject({ flag: "done-late", days: 10 });
    expect(state(q2, "done", "2026-11-30", null)).toMatchObject({ flag: "done" });
  });
  it("never flags recurring work as overdue when nothing says it was missed: a monthly deadline's next day comes round again", () => {
    expect(state(ongoing, "in-progress", "2026-11-30")).toMatchObject({ flag: "recurring", dueDate: null });
    // Past the 20th of November the next due day is the 20th of December (30 days away).
    expect(state(monthly20, "in-progress", "2026-11-22")).toMatchObject({ flag: "none", dueDate: "2026-12-20" });
    expect(state(monthly20, "in-progress", "2026-12-10")).toMatchObject({ flag: "due-soon", dueDate: "2026-12-20", days: 10 });
    expect(state(monthly20, "in-progress", "2026-11-20")).toMatchObject({ flag: "due-soon", dueDate: "2026-11-20", days: 0 });
    // December rolls into January of the next year; the 31st means a short month's last day.
    expect(state(monthly20, null, "2026-12-21")).toMatchObject({ dueDate: "2027-01-20" });
    expect(state({ kind: "recurring", every: "monthly", dayOfMonth: 31 }, null, "2026-04-05")).toMatchObject({ dueDate: "2026-04-30" });
  });
  describe("a monthly report (ngày 20 hằng tháng), from the last time it was done", () => {
    // Worked out by hand on a calendar; June 2026 is the report month unless said otherwise.
    it("on its due day, last done in May: due today, not yet overdue", () => {
      expect(state(monthly20, "in-progress", "2026-06-20", "2026-05-18")).toMatchObject({ dueDate: "2026-06-20", flag: "due-soon", days: 0 });
    });
    it("the day after, still last done in May: June's report is overdue, whatever the status says", () => {
      expect(state(monthly20, "in-progress", "2026-06-21", "2026-05-18")).toMatchObject({ dueDate: "2026-06-20", flag: "overdue", days: 1 });
      expect(state(monthly20, "done", "2026-06-21", "2026-05-18")).toMatchObject({ dueDate: "2026-06-20", flag: "overdue", days: 1 });
      expect(state(monthly20, null, "2026-06-30", "2026-05-20")).toMatchObject({ dueDate: "2026-06-20", flag: "overdue", days: 10 });
    });
    it("done on the due day: June's is done, the next is July's", () => {
      expect(state(monthly20, "done", "2026-06-21", "2026-06-20")).toMatchObject({ dueDate: "2026-07-20", flag: "done" });
      expect(state(monthly20, "in-progress", "2026-06-21", "2026-06-20")).toMatchObject({ dueDate: "2026-07-20", flag: "none" });
      // Done early in the month, before the report date's day: the same.
      expect(state(monthly20, "in-progress", "2026-06-15", "2026-06-03")).toMatchObject({ dueDate: "2026-07-20", flag: "none" });
      // In July, June's completion is last month's: July's report is coming (14 days).
      expect(state(monthly20, "in-progress", "2026-07-06", "2026-06-20")).toMatchObject({ dueDate: "2026-07-20", flag: "due-soon", days: 14 });
    });
    it("done last month, this month's day not reached: this month's is coming", () => {
      expect(state(monthly20, "in-progress", "2026-06-10", "2026-05-25")).toMatchObject({ dueDate: "2026-06-20", flag: "due-soon", days: 10 });
      expect(state(monthly20, "in-progress", "2026-06-01", "2026-05-02")).toMatchObject({ dueDate: "2026-06-20", flag: "none" });
    });
    it("last done two months ago: last month's report was missed", () => {
      expect(state(monthly20, "in-progress", "2026-06-10", "2026-04-15")).toMatchObject({ dueDate: "2026-05-20", flag: "overdue", days: 21 });
    });
    it("no completion date: no guess, the coming day and never overdue", () => {
      expect(state(monthly20, "in-progress", "2026-06-21")).toMatchObject({ dueDate: "2026-07-20", flag: "none" });
      expect(state(monthly20, "done", "2026-06-21")).toMatchObject({ dueDate: "2026-07-20", flag: "done" });
      expect(state(monthly20, null, "2026-06-08")).toMatchObject({ dueDate: "2026-06-20", flag: "due-soon", days: 12 });
    });
    it("across the new year, and on the 31st of short months", () => {
      expect(state(monthly20, null, "2027-01-25", "2026-12-05")).toMatchObject({ dueDate: "2027-01-20", flag: "overdue", days: 5 });
      expect(state(monthly20, null, "2027-01-10", "2026-11-30")).toMatchObject({ dueDate: "2026-12-20", flag: "overdue", days: 21 });
      expect(state(monthly20, null, "2026-12-22", "2026-12-01")).toMatchObject({ dueDate: "2027-01-20" });
      const monthly31: Deadline = { kind: "recurring", every: "monthly", dayOfMonth: 31 };
      expect(state(monthly31, null, "2026-06-30", "2026-05-31")).toMatchObject({ dueDate: "2026-06-30", flag: "due-soon", days: 0 });
      expect(state(monthly31, null, "2026-07-01", "2026-05-31")).toMatchObject({ dueDate: "2026-06-30", flag: "overdue", days: 1 });
      expect(state(monthly31, null, "2026-07-01", "2026-06-30")).toMatchObject({ dueDate: "2026-07-31", flag: "none" });
      expect(state(monthly31, null, "2026-03-02", "2026-01-31")).toMatchObject({ dueDate: "2026-02-28", flag: "overdue", days: 2 });
    });
  });

  it("has no date for undated or missing deadlines", () => {
    expect(state({ kind: "undated", text: "Theo hướng dẫn của tỉnh" }, null, "2026-11-30")).toMatchObject({ flag: "no-date" });
    expect(state(null, null, "2026-11-30")).toMatchObject({ flag: "no-date" });
  });
});

describe("parseStatus and parseDateCell", () => {
  it.each([
    ["Hoàn thành", "done"],
    ["Đã hoàn thành", "done"],
    ["Chưa hoàn thành", "not-started"],
    ["Đang thực hiện", "in-progress"],
    ["Chưa thực hiện", "not-started"],
    ["", null],
  ])("%j → %s", (s, v) => expect(parseStatus(s)).toBe(v));
  it("reads serials and dates typed as text in the ways officials write them", () => {
    expect(parseDateCell(46203)).toBe("2026-06-30");
    expect(parseDateCell("15/07/2026")).toBe("2026-07-15");
    expect(parseDateCell("8/3/2026")).toBe("2026-03-08");
    expect(parseDateCell("28-03-2026")).toBe("2026-03-28");
    expect(parseDateCell("28.03.2026")).toBe("2026-03-28");
    expect(parseDateCell("ngày 28 tháng 3 năm 2026")).toBe("2026-03-28");
    expect(parseDateCell("Ngày 05 tháng 03 năm 2026")).toBe("2026-03-05");
    // Without accents the words are not read, by the domain or by the formulas.
    expect(parseDateCell("ngay 5 thang 3 nam 2026")).toBeNull();
    expect(parseDateCell("31/02/2026")).toBeNull();
    expect(parseDateCell("3/2026")).toBeNull();
    expect(parseDateCell("sớm")).toBeNull();
  });
});

// Edges mutation testing found unpinned (issue 18); expected values written by hand.
describe("status and dates at their edges", () => {
  it.each([
    ["Hoan thanh", "done"],
    ["HOÀN THÀNH", "done"],
    ["Không hoàn thành", "not-started"],
    ["Khong hoan thanh", "not-started"],
    ["Chua hoan thanh", "not-started"],
    ["Đang triển khai", "in-progress"],
    ["Đang làm", "in-progress"],
    // "Xong" and "Đã thực hiện" say done as plainly as "Hoàn thành"; a part is not the whole.
    ["Xong", "done"],
    ["Đã xong", "done"],
    ["Chưa xong", "not-started"],
    ["Đã thực hiện", "done"],
    ["Da thuc hien", "done"],
    ["Hoàn thành một phần", "in-progress"],
    ["Đã hoàn thành, đang vận hành", "done"],
    ["   ", null],
    [null, null],
  ] as const)("%j → %s", (s, v) => expect(parseStatus(s)).toBe(v));

  it("a done task with no due date, or no completion date, is simply done", () => {
    const undated: Deadline = { kind: "undated", text: "Theo hướng dẫn của tỉnh" };
    expect(taskState({ deadline: undated, status: "done", completedOn: "2026-07-01", asOf: "2026-07-15" })).toMatchObject({ flag: "done", days: null });
    expect(taskState({ deadline: null, status: "done", completedOn: "2026-07-01", asOf: "2026-07-15" })).toMatchObject({ flag: "done", days: null });
  });

  it("the window defaults to 15 days", () => {
    const state = (asOf: string) => taskState({ deadline: q2, status: "in-progress", completedOn: null, asOf });
    expect(state("2026-06-15")).toMatchObject({ flag: "due-soon", days: 15 });
    expect(state("2026-06-14")).toMatchObject({ flag: "none", days: null });
  });

  it("reads a date typed as text only with three numeric parts and a year from 1900", () => {
    expect(parseDateCell("01/01/1900")).toBe("1900-01-01");
    expect(parseDateCell("31/12/1899")).toBeNull();
    expect(parseDateCell(" 5 / 3 / 2026 ")).toBe("2026-03-05");
    expect(parseDateCell("a/3/2026")).toBeNull();
    expect(parseDateCell("5/3/2026/1")).toBeNull();
    expect(parseDateCell(true)).toBeNull();
    expect(parseDateCell(null)).toBeNull();
  });
});

describe("the monthly due date at the edges of a month (ngày 20 hằng tháng)", () => {
  // By hand on a calendar: the report owed is this month's once its day has passed; before
  // that, last month's when it was not done either.
  it("a report done on the first day of last month counts for last month", () => {
    expect(dueDateOf(monthly20, "2026-06-10", "2026-05-01")).toBe("2026-06-20");
    expect(dueDateOf(monthly20, "2026-06-10", "2026-04-30")).toBe("2026-05-20");
  });
  it("on this month's day itself, with last month's missed, last month's is still the one owed", () => {
    expect(dueDateOf(monthly20, "2026-06-20", "2026-04-15")).toBe("2026-05-20");
  });
  it("past this month's day, this month's report is the one owed, even when earlier ones were missed", () => {
    expect(dueDateOf(monthly20, "2026-06-25", "2026-04-15")).toBe("2026-06-20");
  });
  it("with no completion date, this month's day until it passes, then next month's", () => {
    expect(dueDateOf(monthly20, "2026-06-10", null)).toBe("2026-06-20");
    expect(dueDateOf(monthly20, "2026-06-20", null)).toBe("2026-06-20");
    expect(dueDateOf(monthly20, "2026-06-21", null)).toBe("2026-07-20");
  });
});

describe("statuses and dates officials type that look like others", () => {
  it("'Chưa đăng tải' is not 'đang' (in progress): only a status that begins with 'Đang' is", () => {
    expect(parseStatus("Chưa đăng tải lên cổng")).toBe("not-started");
    expect(parseStatus("Đang chờ phê duyệt")).toBe("in-progress");
  });
  it("a date typed as text has digits only between its separators, as the sheet's formula requires", () => {
    expect(parseDateCell("28/1e1/2026")).toBeNull();
    expect(parseDateCell("28/+3/2026")).toBeNull();
    expect(parseDateCell("28/3x/2026")).toBeNull();
  });
});

describe("dateHelperValues: what the two hidden date columns show", () => {
  // 28/03/2026 is serial 46109 (31/03/2026 is 46112). Parts are spread 40 spaces apart.
  const gap = " ".repeat(40);
  it("spreads a date typed as text into fixed windows, with its serial", () => {
    expect(dateHelperValues("28/3/2026")).toEqual({ text: `28${gap}3${gap}2026`, value: 46109 });
    expect(dateHelperValues("Ngày 28 tháng 3 năm 2026")).toEqual({ text: ` 28 ${gap} 3 ${gap} 2026`, value: 46109 });
  });
  it("keeps a number as it is, a serial only when it is a plausible date", () => {
    expect(dateHelperValues(46112)).toEqual({ text: 46112, value: 46112 });
    expect(dateHelperValues(5)).toEqual({ text: 5, value: "" });
  });
  it("shows nothing for an empty cell, and text that is no date as LOWER would", () => {
    expect(dateHelperValues(null)).toEqual({ text: "", value: "" });
    // A cell past the end of a short row comes as undefined from some hosts' grids.
    expect(dateHelperValues(undefined as never)).toEqual({ text: "", value: "" });
    expect(dateHelperValues(true)).toEqual({ text: "true", value: "" });
    expect(dateHelperValues("Sớm")).toEqual({ text: "sớm", value: "" });
  });
});

describe("flagFormula", () => {
  // What the formula computes is held by LibreOffice (test/boundaries-libreoffice.test.ts);
  // here only which formula a row gets.
  const refs = { due: "H5", status: "I5", completed: "L5", asOf: "$C$2", window: "$C$3" };
  it("gives a task with a dated deadline the plain flag, not the monthly report's", () => {
    expect(flagFormula(refs)).toBe(flagFormula(refs, false));
    expect(flagFormula(refs)).not.toBe(flagFormula(refs, true));
  });
});
