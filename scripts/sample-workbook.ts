/**
 * The sample workbooks the help page links to: exactly what "Chèn phụ lục" inserts
 * into a new workbook (Phụ lục I and II for xã Tân Lợi, 2026), once in each form.
 * Built with the product's own code at build time (webpack.config.js bundles this
 * file with esbuild and emits the files into dist/mau/), so the samples always show
 * what the current version inserts; nothing of it is committed.
 *
 *   npx tsx scripts/sample-workbook.ts OUT_DIR     (writes the files, for a look)
 */
import * as fs from "fs";
import * as path from "path";
import { defaultCatalog } from "../src/domain/catalog";
import { planInsert, type InsertOptions } from "../src/domain/layout";
import { applyEdits, newWorkbook, workbookBytes } from "../src/hosts/file/apply";

/** The file names the help page and the web page link to. */
export const SAMPLE_FILES = { "ke-hoach": "phu-luc-mau-ke-hoach.xlsx", "bao-cao": "phu-luc-mau-bao-cao.xlsx" } as const;

// Fixed dates: the same version of the product gives the same bytes.
const CREATED = new Date("2026-03-12T08:00:00Z");
const PLAN_DATE = "2026-03-12";

export async function sampleWorkbooks(): Promise<{ name: string; bytes: Uint8Array }[]> {
  const catalog = defaultCatalog();
  const commune = catalog.communes.find((c) => c.name === "Tân Lợi");
  if (!commune) throw new Error("the catalog has no Tân Lợi");
  const out: { name: string; bytes: Uint8Array }[] = [];
  for (const form of Object.keys(SAMPLE_FILES) as NonNullable<InsertOptions["form"]>[]) {
    const name = SAMPLE_FILES[form];
    const wb = await newWorkbook({ fileName: name, created: CREATED });
    const plan = planInsert({
      commune,
      year: 2026,
      planDate: PLAN_DATE,
      asOf: PLAN_DATE,
      planNumber: null,
      appendices: ["I", "II"],
      existingSheets: [],
      catalog,
      form,
    });
    applyEdits(wb, plan.edits);
    out.push({ name, bytes: await workbookBytes(wb) });
  }
  return out;
}

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write("usage: npx tsx scripts/sample-workbook.ts OUT_DIR\n");
    process.exit(2);
  }
  sampleWorkbooks().then((files) => {
    fs.mkdirSync(dir, { recursive: true });
    for (const f of files) fs.writeFileSync(path.join(dir, f.name), f.bytes);
    process.stdout.write(files.map((f) => `${path.join(dir, f.name)}: ${f.bytes.byteLength} bytes`).join("\n") + "\n");
  });
}
