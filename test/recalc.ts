/**
 * Recalculate an .xlsx with LibreOffice Calc headless, so tests can read what the
 * sheet's own formulas compute (ExcelJS writes formulas but never evaluates them).
 *
 * The conversion itself is test/libreoffice.ts's (a fresh profile set to always
 * recalculate on load); this module adds reading the values back from the XML.
 */
import { unescapeXml, zipParts } from "./ooxml";
import { recalculate } from "./libreoffice";

/** The workbook as LibreOffice saves it after recalculating every formula (test/libreoffice.ts). */
export const recalcXlsx = recalculate;

// ───────────── reading the recalculated values back ─────────────
// ExcelJS drops a cached result of 0 when it reads a formula cell, so the values
// LibreOffice computed are read straight from the file's XML (a zip of XML parts).

export type RecalcValue = string | number | boolean | null;

/** Every sheet's cell values as LibreOffice saved them: sheet name → A1 → value ("" as null). */
export function xlsxValues(bytes: Uint8Array): Map<string, Map<string, RecalcValue>> {
  const zip = zipParts(bytes);
  const text = (name: string) => {
    const entry = zip.get(name);
    if (!entry) throw new Error(`no ${name} in the workbook`);
    return entry.toString("utf8");
  };
  const shared: string[] = [];
  if (zip.has("xl/sharedStrings.xml")) {
    for (const si of text("xl/sharedStrings.xml").matchAll(/<si>([\s\S]*?)<\/si>/g)) {
      shared.push([...si[1].matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((t) => unescapeXml(t[1])).join(""));
    }
  }
  const rels = new Map<string, string>();
  for (const m of text("xl/_rels/workbook.xml.rels").matchAll(/<Relationship\s([^>]*)\/?>/g)) {
    const id = m[1].match(/Id="([^"]+)"/)?.[1];
    const target = m[1].match(/Target="([^"]+)"/)?.[1];
    if (id && target) rels.set(id, target.replace(/^\/?(xl\/)?/, "xl/"));
  }
  const out = new Map<string, Map<string, RecalcValue>>();
  for (const m of text("xl/workbook.xml").matchAll(/<sheet\s([^>]*)\/>/g)) {
    const name = unescapeXml(m[1].match(/name="([^"]*)"/)![1]);
    const rid = m[1].match(/r:id="([^"]+)"/)![1];
    const cells = new Map<string, RecalcValue>();
    for (const c of text(rels.get(rid)!).matchAll(/<c\s([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const ref = c[1].match(/r="([A-Z]+\d+)"/)![1];
      const type = c[1].match(/t="([^"]+)"/)?.[1] ?? "n";
      const body = c[2] ?? "";
      const v = body.match(/<v>([\s\S]*?)<\/v>/)?.[1];
      let value: RecalcValue = null;
      if (type === "s" && v !== undefined) value = shared[Number(v)];
      else if (type === "inlineStr") value = [...body.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((t) => unescapeXml(t[1])).join("");
      else if (type === "str" || type === "e") value = v === undefined ? null : unescapeXml(v);
      else if (type === "b") value = v === "1";
      else if (v !== undefined && v !== "") value = Number(v);
      cells.set(ref, value === "" ? null : value);
    }
    out.set(name, cells);
  }
  return out;
}
