/**
 * The documents the print test and the screenshot script print: each inserted form,
 * the plan form turned into its report form by compute, the overview, and a
 * consolidation of three communes' files, all made by the real command line in memory.
 */
import { main } from "../src/cli/main";
import { defaultCatalog } from "../src/domain/catalog";
import { fakeIO, fillScenario, runInsert } from "./insert-scenario";
import { generateCommune } from "./generate";
import { openWorkbook, snapshotWorkbook } from "../src/hosts/file/read";
import { applyEdits, workbookBytes } from "../src/hosts/file/apply";
import { a1 } from "../src/domain/address";
import type { Edit } from "../src/domain/edits";

export const AS_OF = "2026-06-20";

export interface PrintDocument {
  /** File name, also LibreOffice's output name. */
  name: string;
  bytes: Uint8Array;
  /** The sheets that print, in tab order, and what each is. */
  sheets: { name: string; what: string }[];
}

async function cli(args: string[], files: Map<string, Uint8Array>): Promise<void> {
  const { io, err } = fakeIO(files, AS_OF);
  const code = await main(args, io);
  if (code !== 0) throw new Error(`phuluc ${args[0]} failed (${code}): ${err.join("\n")}`);
}

/** The three communes of the consolidation, and the seed layouts their files follow. */
export const COMMUNES_CONSOLIDATED = [
  { name: "Tân Lợi", layout: "001" },
  { name: "Minh Hưng", layout: "002" },
  { name: "Phú Trung", layout: "000" },
] as const;

/**
 * The cells an official typed (the scenario's, filled through ExcelJS), typed into the
 * inserted workbook itself, as Excel would keep it: only the values change. ExcelJS
 * rewrites the whole file, the workbook's default font included (its own Calibri), and
 * LibreOffice measures column widths in the default font's digits: without Calibri or
 * Carlito on the machine it takes DejaVu Sans, a quarter wider, and the page shrinks to
 * fit. That measures ExcelJS and the fonts of the machine, not the add-in's layout.
 */
async function typedAsInExcel(original: Uint8Array, filled: Uint8Array): Promise<Uint8Array> {
  const before = snapshotWorkbook(await openWorkbook(original, "truoc.xlsx"));
  const after = snapshotWorkbook(await openWorkbook(filled, "sau.xlsx"));
  const edits: Edit[] = [];
  for (const s of after.sheets) {
    const old = before.sheets.find((x) => x.name === s.name)!;
    s.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const f = s.formulas?.[r]?.[c] ?? null;
        const oldF = old.formulas?.[r]?.[c] ?? null;
        // A formula kept as it was is not typed (ExcelJS may have dropped its cached value).
        if (f ? f === oldF : !oldF && v === (old.values[r]?.[c] ?? null)) return;
        edits.push({ op: "setValues", sheet: s.name, range: a1(r + 1, c + 1), values: [[f ? { formula: f } : v]] });
      }),
    );
  }
  if (edits.length < 20) throw new Error(`only ${edits.length} cells typed: the scenario was not filled`);
  const wb = await openWorkbook(original, "bao-cao.xlsx");
  applyEdits(wb, edits);
  return workbookBytes(wb);
}

export async function printDocuments(): Promise<PrintDocument[]> {
  const files = new Map<string, Uint8Array>();
  const insert = async (out: string, extra: string[]) => {
    const r = await runInsert(["--xa", "Tân Lợi", "--nam", "2026", "--so-ke-hoach", "45", "--ngay-ke-hoach", "2026-03-05", ...extra, "-o", out], { today: "2026-03-05" });
    if (r.code !== 0 || !r.bytes) throw new Error(r.err);
    files.set(out, r.bytes);
    return r.bytes;
  };
  const plan = await insert("ke-hoach.xlsx", []);
  const report = await insert("bao-cao.xlsx", ["--mau", "bao-cao"]);

  // The plan, turned into its report form; the report form filled in, with the overview of both appendices.
  await cli(["compute", "ke-hoach.xlsx", "-o", "ke-hoach-tinh.xlsx", "--as-of", AS_OF], files);
  files.set("bao-cao-da-nhap.xlsx", await typedAsInExcel(report, await fillScenario(report)));
  await cli(["compute", "bao-cao-da-nhap.xlsx", "-o", "tong-quan.xlsx", "--as-of", AS_OF, "--tong-quan"], files);

  // Three communes' report files, in the seeds' layouts, consolidated.
  const catalog = defaultCatalog();
  const inputs: string[] = [];
  for (const [i, c] of COMMUNES_CONSOLIDATED.entries()) {
    const commune = catalog.communes.find((x) => x.name === c.name)!;
    const g = await generateCommune(commune, { layout: c.layout, seed: 5 + i, asOf: AS_OF });
    const file = `don-vi/${c.name}.xlsx`;
    files.set(file, g.bytes);
    inputs.push(file);
  }
  await cli(["consolidate", ...inputs, "-o", "tong-hop.xlsx", "--as-of", AS_OF], files);

  return [
    { name: "ke-hoach.xlsx", bytes: plan, sheets: [{ name: "Phụ lục I", what: "plan" }, { name: "Phụ lục II", what: "plan" }] },
    {
      name: "bao-cao.xlsx",
      bytes: files.get("bao-cao-da-nhap.xlsx")!,
      sheets: [{ name: "Phụ lục I", what: "report" }, { name: "Phụ lục II", what: "report" }],
    },
    {
      name: "ke-hoach-tinh.xlsx",
      bytes: files.get("ke-hoach-tinh.xlsx")!,
      sheets: [{ name: "Phụ lục I", what: "computed plan" }, { name: "Phụ lục II", what: "computed plan" }],
    },
    {
      name: "tong-quan.xlsx",
      bytes: files.get("tong-quan.xlsx")!,
      sheets: [{ name: "Phụ lục I", what: "report" }, { name: "Phụ lục II", what: "report" }, { name: "Tổng quan", what: "overview" }],
    },
    {
      name: "tong-hop.xlsx",
      bytes: files.get("tong-hop.xlsx")!,
      sheets: [
        { name: "Tổng hợp chỉ tiêu", what: "consolidated indicators" },
        { name: "Tổng hợp nhiệm vụ", what: "consolidated tasks" },
        { name: "Nguồn", what: "sources" },
      ],
    },
  ];
}
