import { classifyStartup, isOfficeLoaded, isOutsideExcel, type StartupState } from "../src/taskpane/startup";

// At run time Office.HostType.Excel is the string "Excel"; the guard only compares with the value it is given.
const EXCEL = "Excel";

describe("isOfficeLoaded", () => {
  test("false when office.js did not define Office (offline, blocked)", () => {
    expect(isOfficeLoaded({})).toBe(false);
    expect(isOfficeLoaded({ Office: undefined })).toBe(false);
  });

  test("true when the Office global exists", () => {
    expect(isOfficeLoaded({ Office: {} })).toBe(true);
  });
});

describe("classifyStartup: the 'not in Excel' guard", () => {
  test("office.js missing", () => {
    expect(classifyStartup({ officeLoaded: false })).toEqual({ kind: "office-unavailable" });
    // Even with a host value, no Office global means it cannot work.
    expect(classifyStartup({ officeLoaded: false, host: EXCEL, excelHost: EXCEL })).toEqual({ kind: "office-unavailable" });
  });

  test("plain browser tab: Office.onReady gives host null", () => {
    expect(classifyStartup({ officeLoaded: true, host: null, excelHost: EXCEL })).toEqual({ kind: "not-in-office" });
    expect(classifyStartup({ officeLoaded: true, host: undefined, excelHost: EXCEL })).toEqual({ kind: "not-in-office" });
    expect(classifyStartup({ officeLoaded: true, host: "", excelHost: EXCEL })).toEqual({ kind: "not-in-office" });
  });

  test("another Office application", () => {
    expect(classifyStartup({ officeLoaded: true, host: "Word", excelHost: EXCEL })).toEqual({ kind: "other-host", host: "Word" });
  });

  test("Excel", () => {
    expect(classifyStartup({ officeLoaded: true, host: EXCEL, excelHost: EXCEL })).toEqual({ kind: "excel" });
  });

  test("never 'excel' when the Excel host value is unknown", () => {
    expect(classifyStartup({ officeLoaded: true, host: EXCEL })).toEqual({ kind: "other-host", host: "Excel" });
  });

  test("isOutsideExcel", () => {
    const outside: StartupState[] = [{ kind: "office-unavailable" }, { kind: "not-in-office" }, { kind: "other-host", host: "Word" }];
    for (const state of outside) expect(isOutsideExcel(state)).toBe(true);
    expect(isOutsideExcel({ kind: "excel" })).toBe(false);
    expect(isOutsideExcel({ kind: "loading" })).toBe(false);
  });
});
