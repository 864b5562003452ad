/**
 * How the add-in recognises the sheets it made: a workbook-level defined name per
 * sheet, whose NAME records what the sheet is and which catalog version laid it out,
 * and whose RANGE is the sheet's header row:
 *
 *   NQ57_indicators_v2026_1_1  ='Phụ lục I'!$A$9:$K$9
 *
 * Why the facts live in the name rather than in a constant name (="indicators|2026.1"):
 * ExcelJS reads and writes only names that refer to ranges and silently drops the
 * rest, so a constant would vanish the first time the command line touched the file.
 * A range name survives ExcelJS, LibreOffice and Excel, and Excel keeps it pointing at
 * the sheet when the sheet is renamed and at the header when rows are inserted above.
 */
import { columnLetter, parseRange } from "../address";

export type SheetKind = "indicators" | "tasks" | "lists";

export interface SheetMarker {
  /** The defined name itself. */
  name: string;
  kind: SheetKind;
  /** Catalog version the sheet was laid out from ("2026.1"). */
  version: string;
  sheet: string;
  /** The header row's range on that sheet ("A9:K9"), as the name now refers to it. */
  range: string;
  headerRow: number;
}

const PREFIX = "NQ57_";
const NAME = /^NQ57_(indicators|tasks|lists)_v(\d+(?:_\d+)*)_(\d+)$/i;

/** The marker name for a sheet: kind, catalog version ("2026.1" → "v2026_1") and a serial. */
export function markerName(kind: SheetKind, version: string, serial: number): string {
  return `${PREFIX}${kind}_v${version.replace(/[^0-9]+/g, "_")}_${serial}`;
}

/** The first marker name for this kind and version that the workbook does not use yet. */
export function freeMarkerName(kind: SheetKind, version: string, existingNames: Iterable<string>, alsoTaken: Iterable<string> = []): string {
  const taken = new Set([...existingNames, ...alsoTaken].map((n) => n.toLowerCase()));
  for (let n = 1; ; n++) {
    const name = markerName(kind, version, n);
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** A reference to a range on a sheet, as a defined name's formula: ='Phụ lục I'!$A$9:$K$9. */
export function sheetRangeFormula(sheet: string, range: string): string {
  const r = parseRange(range);
  const abs = (row: number, col: number) => `$${columnLetter(col)}$${row}`;
  const area = r.top === r.bottom && r.left === r.right ? abs(r.top, r.left) : `${abs(r.top, r.left)}:${abs(r.bottom, r.right)}`;
  return `=${quoteSheet(sheet)}!${area}`;
}

/** A sheet name as formulas write it: quoted unless it is plain letters, digits and _. */
export function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * Split a defined name's formula into its sheet and range. Accepts what each host
 * reports: "='Phụ lục I'!$A$9:$K$9" (Office.js), "'Phụ lục I'!$A$9:$K$9" (ExcelJS,
 * LibreOffice), "Sheet1!$A$9". Null for anything else (constants, #REF!, several areas).
 */
export function parseSheetRef(formula: string): { sheet: string; range: string } | null {
  const text = formula.trim().replace(/^=/, "");
  const m = text.match(/^(?:'((?:[^']|'')+)'|([^'!,]+))!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)$/);
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  if (sheet.includes("#REF")) return null;
  return { sheet, range: m[3].replace(/\$/g, "").toUpperCase() };
}

function sheetKey(name: string): string {
  return name.normalize("NFC").toLocaleLowerCase("vi");
}

/** Every add-in marker among a workbook's defined names. */
export function markersOf(names: Record<string, string> | undefined): SheetMarker[] {
  const out: SheetMarker[] = [];
  for (const [name, formula] of Object.entries(names ?? {})) {
    const m = name.match(NAME);
    if (!m) continue;
    const ref = parseSheetRef(formula);
    if (!ref) continue;
    out.push({
      name,
      kind: m[1].toLowerCase() as SheetKind,
      version: m[2].replace(/_/g, "."),
      sheet: ref.sheet,
      range: ref.range,
      headerRow: parseRange(ref.range).top,
    });
  }
  return out;
}

/**
 * What the add-in recorded about a sheet (WorkbookSnapshot.names), or null when the
 * sheet is not one of its own. Sheet names compare without case, as Excel does.
 */
export function markerOf(names: Record<string, string> | undefined, sheetName: string): SheetMarker | null {
  const key = sheetKey(sheetName);
  return markersOf(names).find((m) => sheetKey(m.sheet) === key) ?? null;
}
