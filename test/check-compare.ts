/**
 * `phuluc check --json` of the same tables read from two files (an .xlsx and a .docx)
 * made comparable: the appendix tables in order, their row kinds and indicator codes,
 * and each finding's code, severity, message and fix, with addresses and the row
 * numbers messages cite left out ("apart from addresses").
 */
export interface CheckJson {
  sheets: {
    name: string;
    kind: string;
    commune: unknown;
    rows: { row: number; kind: string; indicatorCode: string | null }[];
    findings: { code: string; severity: string; cell: string; location?: string; message: string; fix: unknown }[];
    counts: Record<string, number>;
  }[];
}

const mask = (message: string) => message.replace(/dòng \d+/g, "dòng #");

/** Differences between the xlsx and the docx reports of the same tables, as readable lines (empty when they agree). */
export function differences(xlsx: CheckJson, docx: CheckJson): string[] {
  const out: string[] = [];
  const xs = xlsx.sheets.filter((s) => s.kind !== "unknown");
  const ds = docx.sheets.filter((s) => s.kind !== "unknown");
  if (xs.length !== ds.length) return [`tables: ${xs.map((s) => s.name).join(", ")} ≠ ${ds.map((s) => s.name).join(", ")}`];
  xs.forEach((x, i) => {
    const d = ds[i];
    const where = `${x.name}/${d.name}`;
    if (x.kind !== d.kind) out.push(`${where}: kind ${x.kind} ≠ ${d.kind}`);
    if (JSON.stringify(x.commune) !== JSON.stringify(d.commune)) out.push(`${where}: commune ${JSON.stringify(x.commune)} ≠ ${JSON.stringify(d.commune)}`);
    const rows = (s: typeof x) => s.rows.map((r) => `${r.kind}:${r.indicatorCode}`).join(" ");
    if (rows(x) !== rows(d)) out.push(`${where}: rows differ`);
    if (JSON.stringify(x.counts) !== JSON.stringify(d.counts)) out.push(`${where}: counts ${JSON.stringify(x.counts)} ≠ ${JSON.stringify(d.counts)}`);
    const n = Math.max(x.findings.length, d.findings.length);
    for (let k = 0; k < n; k++) {
      const a = x.findings[k];
      const b = d.findings[k];
      if (!a || !b) {
        out.push(`${where}: only in ${a ? "xlsx" : "docx"}: ${(a ?? b).code} ${(a ?? b).message}`);
        continue;
      }
      if (a.code !== b.code || a.severity !== b.severity || mask(a.message) !== mask(b.message)) out.push(`${where}: ${a.code} “${a.message}” ≠ ${b.code} “${b.message}”`);
      if (JSON.stringify(a.fix) !== JSON.stringify(b.fix)) out.push(`${where}: ${a.code} fix ${JSON.stringify(a.fix)} ≠ ${JSON.stringify(b.fix)}`);
    }
  });
  return out;
}
