/**
 * The command line loads the file host (fflate, saxes, the package layer) only when a
 * command reads or writes a file: `phuluc --help` and bad usage start without it.
 * Checked in a real process, as bin/phuluc.js runs the sources.
 */
import { execFileSync } from "child_process";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");

/** The modules loaded after `main(args)`, from a fresh node process. */
function loadedAfter(args: string[]): string[] {
  const script = `
    require("tsx/cjs");
    const { main } = require(${JSON.stringify(path.join(ROOT, "src", "cli", "main.ts"))});
    const io = { out() {}, err() {}, readFile: async (p) => new Uint8Array(require("fs").readFileSync(p)), writeFile: async () => {}, exists: (p) => require("fs").existsSync(p), today: () => "2026-06-30" };
    main(${JSON.stringify(args)}, io).then(() => process.stdout.write(JSON.stringify(Object.keys(require.cache))));
  `;
  return JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" })) as string[];
}

const heavy = (mods: string[]) => mods.filter((m) => /[\\/]node_modules[\\/](fflate|saxes|exceljs)[\\/]|[\\/]hosts[\\/]file[\\/](package|read|apply)/.test(m));

describe("the command line's start", () => {
  it("--help and a mistyped command load no zip or XML code", () => {
    expect(heavy(loadedAfter(["--help"]))).toEqual([]);
    expect(heavy(loadedAfter(["compute", "--help"]))).toEqual([]);
    expect(heavy(loadedAfter(["check"]))).toEqual([]); // no file given: usage error
  });

  it("reading a file loads them (so the check above looks at the right modules)", () => {
    const mods = heavy(loadedAfter(["check", path.join(ROOT, "test", "fixtures", "workbooks", "openpyxl.xlsx")]));
    expect(mods.some((m) => /fflate/.test(m))).toBe(true);
    expect(mods.some((m) => /saxes/.test(m))).toBe(true);
    expect(mods.some((m) => /exceljs/.test(m))).toBe(false); // ExcelJS is in no read or write path
  });
});
