/**
 * Checks on the catalog's DATA: the kind of mistakes a person makes when transcribing
 * lists (a duplicated code, a 60 where 0.6 was meant, an alias that no longer matches
 * what the plans wrote, a body the lists forgot), checked against the seed fixtures.
 */
import {
  AMBIGUOUS_BODY_NAMES,
  BODIES,
  BODY_SOURCE,
  CATALOG_VERSION,
  COMMUNES,
  COMMUNE_SOURCE,
  INDICATORS,
  INDICATOR_GROUPS,
  INDICATOR_SOURCE,
  PROVINCE,
  UNITS_OF_MEASURE,
} from "./index";
import type { CatalogIndicator, Comparator } from "./index";
import { columnLetter } from "../domain/address";

// ───────────────────────────── fixtures ─────────────────────────────

type Cell = string | number | null;
interface FixtureSheet {
  name: string;
  values: Cell[][];
  numberFormats?: Record<string, string>;
  merges?: string[];
}
interface Fixture {
  seed: string;
  commune: string;
  sheets: FixtureSheet[];
}

/* eslint-disable @typescript-eslint/no-require-imports */
const F000: Fixture = require("../../test/fixtures/seeds/000-nhon-trach.json");
const F001: Fixture = require("../../test/fixtures/seeds/001-tan-loi.json");
const F002: Fixture = require("../../test/fixtures/seeds/002-minh-hung.json");
const F004: Fixture = require("../../test/fixtures/seeds/004-phu-trung.json");
/* eslint-enable @typescript-eslint/no-require-imports */
const FIXTURES = [F000, F001, F002, F004];

/** Where each seed's indicator table is, and how many indicators it holds. */
const INDICATOR_TABLES: { fixture: Fixture; sheet: string; count: number; rows?: [number, number] }[] = [
  { fixture: F000, sheet: "Chỉ tiêu", count: 24 },
  { fixture: F001, sheet: "Chỉ tiêu", count: 31 },
  { fixture: F002, sheet: "Phụ lục I", count: 32 },
  // 004 mixes tasks and indicators in one table: the indicators are sheet rows 11–17.
  { fixture: F004, sheet: "Phụ lục", count: 7, rows: [11, 17] },
];

// ──────────────────────────── helpers ────────────────────────────

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** One syllable with its tone mark moved to the end: "hoá" and "hóa" give the same key. */
function syllableKey(word: string): string {
  const d = word.normalize("NFD");
  const tones = d.match(TONE_MARKS) ?? [];
  return d.replace(TONE_MARKS, "").normalize("NFC") + tones.join("");
}

/**
 * Matching form used by these checks: NFC, lower case, tone-mark placement, tỉ/tỷ, dashes,
 * spaces around "-", "/" and "&", line breaks, a trailing full stop. (The product's own
 * matcher lives in src/domain; this is a self-contained equivalent for the data checks.)
 */
function norm(s: string): string {
  return s
    .normalize("NFC")
    .toLocaleLowerCase("vi")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/(^|[^\p{L}])tỉ(?![\p{L}])/gu, "$1tỷ")
    .replace(/[\p{L}\p{M}]+/gu, syllableKey)
    .replace(/\s*([-/&])\s*/g, " $1 ")
    .replace(/\s+/g, " ")
    .replace(/[.\s]+$/, "")
    .trim();
}

/** Column letter of a 0-based index. */
const colLetter = (index: number): string => columnLetter(index + 1);

function sheetOf(fixture: Fixture, name: string): FixtureSheet {
  const sheet = fixture.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`${fixture.seed}: no sheet "${name}"`);
  return sheet;
}

/** Index of the header row: the first row whose column A reads STT / Stt / TT or "(1) ...". */
function headerRow(sheet: FixtureSheet): number {
  const i = sheet.values.findIndex((row) => {
    const a = row[0];
    return typeof a === "string" && (/^(stt|tt)$/i.test(a.trim()) || a.trim().startsWith("(1)"));
  });
  if (i < 0) throw new Error(`sheet "${sheet.name}": no header row`);
  return i;
}

function columnWhere(sheet: FixtureSheet, header: number, test: (label: string) => boolean): number {
  return sheet.values[header].findIndex((c) => typeof c === "string" && test(norm(c)));
}

interface IndicatorRow {
  seed: string;
  rowNumber: number; // 1-based sheet row
  name: string;
  target: Cell;
  targetFormat?: string;
}

function indicatorRows(table: (typeof INDICATOR_TABLES)[number]): IndicatorRow[] {
  const sheet = sheetOf(table.fixture, table.sheet);
  const header = headerRow(sheet);
  const targetCol = columnWhere(sheet, header, (l) => l.includes(norm("kết quả")));
  expect(targetCol).toBeGreaterThan(0);
  const rows: IndicatorRow[] = [];
  sheet.values.forEach((row, i) => {
    if (i <= header) return;
    const rowNumber = i + 1;
    if (table.rows && (rowNumber < table.rows[0] || rowNumber > table.rows[1])) return;
    const [a, b] = row;
    const numbered = typeof a === "number" || (typeof a === "string" && /^\d+$/.test(a.trim()));
    if (!numbered || typeof b !== "string") return;
    rows.push({
      seed: table.fixture.seed,
      rowNumber,
      name: b,
      target: row[targetCol] ?? null,
      targetFormat: sheet.numberFormats?.[`${colLetter(targetCol)}${rowNumber}`],
    });
  });
  return rows;
}

const unitByCode = new Map(UNITS_OF_MEASURE.map((u) => [u.code, u]));
const isPercentUnit = (code: string | null) => (code ? unitByCode.get(code)?.percent === true : false);

type ParsedTarget = { kind: "numeric"; comparator: Comparator; value: number } | { kind: "qualitative"; text: string };

/**
 * Reads a target cell the way the catalog records targets: percentages as fractions, a
 * bare value as "at least". Only the forms the seeds use; anything else is qualitative.
 */
function parseTarget(cell: Cell, format: string | undefined, percent: boolean): ParsedTarget | null {
  if (cell === null || cell === "") return null;
  if (typeof cell === "number") {
    const value = format?.includes("%") ? cell : percent ? cell / 100 : cell;
    return { kind: "numeric", comparator: ">=", value: round(value) };
  }
  const s = cell.trim().replace(/\.$/, "");
  const m = /^(≥|>=)?\s*(\d+(?:[.,]\d+)?)\s*(%)?$/.exec(s);
  if (m) {
    const n = parseFloat(m[2].replace(",", "."));
    return { kind: "numeric", comparator: ">=", value: round(percent || m[3] ? n / 100 : n) };
  }
  return { kind: "qualitative", text: cell.trim() };
}

const round = (x: number) => Math.round(x * 1e9) / 1e9;
const targetKey = (t: ParsedTarget) => (t.kind === "numeric" ? `${t.comparator}${t.value}` : `text:${t.text}`);
const asWritten = (cell: Cell) => (typeof cell === "number" ? String(cell) : String(cell).trim());

/** Every string anywhere in a value, with a path for the failure message. */
function* strings(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === "string") yield [path, value];
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* strings(value[i], `${path}[${i}]`);
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) yield* strings(v, `${path}.${k}`);
}

// 002's IV.1 repeats its target at the end of the name. The checker's name matcher strips
// a trailing target (and reports it), so the catalog does not carry this wording; the
// test strips it the same way and requires the rest to match exactly.
const NAME_WITH_TRAILING_TARGET =
  "Tỷ lệ thủ tục hành chính được tiếp nhận, giải quyết phi địa giới hành chính giữa trung ương và địa phương, giữa các cấp chính quyền 90%";

/** The catalog indicators whose name or one alias is exactly `name`. */
function indicatorsNamed(name: string): CatalogIndicator[] {
  return INDICATORS.filter((ind) => ind.name === name || ind.aliases.includes(name));
}

/** Each seed's indicator rows with the one catalog indicator they name. */
function matchedRows(): { row: IndicatorRow; indicator: CatalogIndicator }[] {
  const out: { row: IndicatorRow; indicator: CatalogIndicator }[] = [];
  for (const table of INDICATOR_TABLES) {
    for (const row of indicatorRows(table)) {
      const name = row.name === NAME_WITH_TRAILING_TARGET ? row.name.replace(/\s+\d+\s*%$/, "") : row.name;
      const found = indicatorsNamed(name);
      if (found.length === 1) out.push({ row, indicator: found[0] });
    }
  }
  return out;
}

// ───────────────────────────── tests ─────────────────────────────

describe("catalog strings", () => {
  const all = [
    ...strings(INDICATOR_SOURCE, "INDICATOR_SOURCE"),
    ...strings(INDICATOR_GROUPS, "INDICATOR_GROUPS"),
    ...strings(INDICATORS, "INDICATORS"),
    ...strings(UNITS_OF_MEASURE, "UNITS_OF_MEASURE"),
    ...strings(BODIES, "BODIES"),
    ...strings(BODY_SOURCE, "BODY_SOURCE"),
    ...strings(AMBIGUOUS_BODY_NAMES, "AMBIGUOUS_BODY_NAMES"),
    ...strings(COMMUNES, "COMMUNES"),
    ...strings(COMMUNE_SOURCE, "COMMUNE_SOURCE"),
    ...strings(PROVINCE, "PROVINCE"),
  ];

  it("are NFC, non-empty, without stray or double spaces or line breaks", () => {
    const bad = all.filter(
      ([, s]) => s !== s.normalize("NFC") || s.trim() !== s || s === "" || s.includes("  ") || /[\n\r\t]/.test(s),
    );
    expect(bad).toEqual([]);
  });

  it("name the sources with ISO dates and a version", () => {
    for (const src of [INDICATOR_SOURCE, BODY_SOURCE, COMMUNE_SOURCE]) {
      expect(src.id).not.toBe("");
      expect(src.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(src.date))).toBe(false);
    }
    expect(INDICATOR_SOURCE).toMatchObject({ id: "KH-91-2026", date: "2026-02-12" });
    expect(BODY_SOURCE.date).toBe("2025-06-12");
    expect(COMMUNE_SOURCE.date).toBe("2025-06-16");
    expect(CATALOG_VERSION).toBe("2026.2");
  });
});

describe("indicator groups", () => {
  it("are HT, NL, KH, CDS numbered I–IV", () => {
    expect(INDICATOR_GROUPS.map((g) => [g.code, g.numeral])).toEqual([
      ["HT", "I"],
      ["NL", "II"],
      ["KH", "III"],
      ["CDS", "IV"],
    ]);
  });

  it("have names and aliases that tell them apart", () => {
    const seen = new Map<string, string>();
    for (const g of INDICATOR_GROUPS) {
      for (const n of [g.name, ...g.aliases]) {
        const k = norm(n);
        expect([n, seen.get(k) ?? g.code]).toEqual([n, g.code]);
        seen.set(k, g.code);
      }
    }
  });

  it("match every group row of the seeds' indicator tables (count taken off)", () => {
    for (const table of INDICATOR_TABLES.filter((t) => !t.rows)) {
      const sheet = sheetOf(table.fixture, table.sheet);
      const groupRows = sheet.values.filter((r) => typeof r[0] === "string" && /^[IVX]+$/.test(r[0].trim()));
      expect(groupRows.map((r) => r[0])).toEqual(["I", "II", "III", "IV"]);
      for (const r of groupRows) {
        const title = String(r[1]).replace(/\s*\([^)]*\)\s*$/, "");
        const group = INDICATOR_GROUPS.find((g) => [g.name, ...g.aliases].some((n) => norm(n) === norm(title)));
        expect([table.fixture.seed, r[1], group?.numeral]).toEqual([table.fixture.seed, r[1], r[0]]);
      }
    }
  });
});

describe("indicators", () => {
  it("have unique, well-formed codes in their group's order", () => {
    const codes = INDICATORS.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    const last = new Map<string, number>();
    for (const ind of INDICATORS) {
      const m = /^(HT|NL|KH|CDS)-(\d{2})$/.exec(ind.code);
      expect([ind.code, m?.[1]]).toEqual([ind.code, ind.group]);
      const n = Number(m?.[2]);
      expect(n).toBeGreaterThan(last.get(ind.group) ?? 0);
      last.set(ind.group, n);
    }
  });

  it("belong to existing groups and use existing units", () => {
    const groups = new Set(INDICATOR_GROUPS.map((g) => g.code));
    for (const ind of INDICATORS) {
      expect([ind.code, groups.has(ind.group)]).toEqual([ind.code, true]);
      if (ind.unit !== null) expect([ind.code, unitByCode.has(ind.unit)]).toEqual([ind.code, true]);
    }
  });

  it("number 40–50, every group used", () => {
    expect(INDICATORS.length).toBeGreaterThanOrEqual(40);
    expect(INDICATORS.length).toBeLessThanOrEqual(50);
    for (const g of INDICATOR_GROUPS) expect(INDICATORS.some((i) => i.group === g.code)).toBe(true);
  });

  it("have canonical names: Tỷ lệ not Tỉ lệ, no target, no trailing type word or full stop", () => {
    for (const ind of INDICATORS) {
      expect([ind.code, /^Tỉ lệ/.test(ind.name)]).toEqual([ind.code, false]);
      expect([ind.code, /\s(xã|phường)$/.test(ind.name)]).toEqual([ind.code, false]);
      expect([ind.code, /(\d\s*%|[≥≤]\s*\d+)\s*$/.test(ind.name)]).toEqual([ind.code, false]);
      expect([ind.code, /[.;,]$/.test(ind.name)]).toEqual([ind.code, false]);
      expect([ind.code, ind.aliases.includes(ind.name)]).toEqual([ind.code, false]);
      expect([ind.code, new Set(ind.aliases).size]).toEqual([ind.code, ind.aliases.length]);
    }
  });

  it("do not share a name or alias, even up to case, accents and tỉ/tỷ", () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const ind of INDICATORS) {
      for (const n of new Set([ind.name, ...ind.aliases].map(norm))) {
        const other = owner.get(n);
        if (other && other !== ind.code) clashes.push(`${other} / ${ind.code}: ${n}`);
        owner.set(n, ind.code);
      }
    }
    expect(clashes).toEqual([]);
  });

  it("have targets that fit their unit and direction", () => {
    for (const ind of INDICATORS) {
      const t = ind.target;
      if (t.kind === "qualitative") {
        expect([ind.code, ind.direction]).toEqual([ind.code, "qualitative"]);
        expect(t.text).not.toBe("");
        continue;
      }
      const expected = t.comparator === ">=" || t.comparator === ">" ? "higher" : t.comparator === "=" ? "exact" : "lower";
      expect([ind.code, ind.direction]).toEqual([ind.code, expected]);
      expect([ind.code, ind.unit !== null]).toEqual([ind.code, true]);
      const unit = unitByCode.get(ind.unit ?? "");
      if (unit?.percent) {
        // Percent targets are fractions: 0.6 is 60%. A 60 here is the classic slip.
        expect([ind.code, t.value > 0 && t.value <= 1]).toEqual([ind.code, true]);
      }
      if (unit?.count) expect([ind.code, Number.isInteger(t.value) && t.value >= 0]).toEqual([ind.code, true]);
    }
  });

  it("have otherTargets only from seeds that carry them", () => {
    for (const ind of INDICATORS) {
      for (const o of ind.otherTargets ?? []) {
        expect([ind.code, ind.seenIn.includes(o.source)]).toEqual([ind.code, true]);
      }
      expect([ind.code, ind.seenIn.length > 0]).toEqual([ind.code, true]);
    }
  });
});

describe("indicators against the seed plans", () => {
  it("finds the expected number of indicator rows in each seed", () => {
    expect(INDICATOR_TABLES.map((t) => indicatorRows(t).length)).toEqual(INDICATOR_TABLES.map((t) => t.count));
  });

  it("matches every indicator name cell, exactly as written, to exactly one indicator", () => {
    const failures: string[] = [];
    for (const table of INDICATOR_TABLES) {
      for (const row of indicatorRows(table)) {
        let name = row.name;
        if (name === NAME_WITH_TRAILING_TARGET) {
          // Skipped as written, on purpose (see NAME_WITH_TRAILING_TARGET): must match once
          // its trailing target is taken off, and must not match as written.
          expect(indicatorsNamed(name)).toEqual([]);
          name = name.replace(/\s+\d+\s*%$/, "");
        }
        const found = indicatorsNamed(name);
        if (found.length !== 1)
          failures.push(`${row.seed} row ${row.rowNumber}: ${found.length} matches for "${row.name}"`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("maps at most one row of a plan to one indicator (a merge of two indicators shows here)", () => {
    const seen = new Map<string, number>();
    const dupes: string[] = [];
    for (const { row, indicator } of matchedRows()) {
      const key = `${row.seed} ${indicator.code}`;
      if (seen.has(key)) dupes.push(`${key}: rows ${seen.get(key)} and ${row.rowNumber}`);
      seen.set(key, row.rowNumber);
    }
    expect(dupes).toEqual([]);
  });

  it("records in seenIn exactly the seeds that carry each indicator", () => {
    const carriers = new Map<string, Set<string>>();
    for (const { row, indicator } of matchedRows()) {
      const set = carriers.get(indicator.code) ?? new Set<string>();
      set.add(row.seed);
      carriers.set(indicator.code, set);
    }
    for (const ind of INDICATORS) {
      expect([ind.code, [...ind.seenIn].sort()]).toEqual([ind.code, [...(carriers.get(ind.code) ?? [])].sort()]);
    }
  });

  it("takes the most common target of the plans (ties: the higher) and lists the others", () => {
    // A slip of the pen the catalog corrects, since its text goes into every inserted appendix:
    // 004 writes "so với các xã/xã" for "so với các xã, phường".
    const SLIPS: Record<string, [string, string]> = { "KH-07": ["các xã/xã trong tỉnh", "các xã, phường trong tỉnh"] };
    const corrected = (code: string, t: ParsedTarget | null): ParsedTarget | null =>
      t && t.kind === "qualitative" && SLIPS[code] ? { ...t, text: t.text.replace(...SLIPS[code]) } : t;
    const bySeed = new Map<string, { seed: string; cell: Cell; parsed: ParsedTarget }[]>();
    for (const { row, indicator } of matchedRows()) {
      const parsed = corrected(indicator.code, parseTarget(row.target, row.targetFormat, isPercentUnit(indicator.unit)));
      if (!parsed) continue; // no target written: a defect of the plan, not a disagreement
      const list = bySeed.get(indicator.code) ?? [];
      list.push({ seed: row.seed, cell: row.target, parsed });
      bySeed.set(indicator.code, list);
    }
    for (const ind of INDICATORS) {
      const written = bySeed.get(ind.code) ?? [];
      if (written.length === 0) continue; // target inferred (commented in indicators.ts)
      const counts = new Map<string, { n: number; t: ParsedTarget }>();
      for (const w of written) {
        const k = targetKey(w.parsed);
        counts.set(k, { n: (counts.get(k)?.n ?? 0) + 1, t: w.parsed });
      }
      const best = [...counts.values()].sort(
        (a, b) =>
          b.n - a.n ||
          (b.t.kind === "numeric" ? b.t.value : 0) - (a.t.kind === "numeric" ? a.t.value : 0),
      )[0].t;
      expect([ind.code, ind.target]).toEqual([ind.code, best]);

      const expectedOthers = written
        .filter((w) => targetKey(w.parsed) !== targetKey(ind.target))
        .map((w) => ({ text: asWritten(w.cell), source: w.seed }));
      const sortKey = (o: { text: string; source: string }) => `${o.source}|${o.text}`;
      expect([ind.code, [...(ind.otherTargets ?? [])].sort((a, b) => sortKey(a).localeCompare(sortKey(b)))]).toEqual([
        ind.code,
        expectedOthers.sort((a, b) => sortKey(a).localeCompare(sortKey(b))),
      ]);
    }
  });

  it("records the adult digital-signature disagreement (000 ≥ 40%, 001 ≥ 50, 002 and 004 ≥ 80)", () => {
    const sig = indicatorsNamed("Tỷ lệ người dân trưởng thành có chữ ký số");
    expect(sig).toHaveLength(1);
    expect(sig[0].target).toEqual({ kind: "numeric", comparator: ">=", value: 0.8 });
    expect(sig[0].otherTargets?.map((o) => o.text).sort()).toEqual(["≥ 40%", "≥ 50"]);
  });
});

describe("units of measure", () => {
  it("have unique codes and spellings, none both a percentage and a count", () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const u of UNITS_OF_MEASURE) {
      expect([u.code, u.percent && u.count]).toEqual([u.code, false]);
      for (const n of new Set([u.code, ...u.aliases].map(norm))) {
        const other = owner.get(n);
        if (other && other !== u.code) clashes.push(`${other} / ${u.code}: ${n}`);
        owner.set(n, u.code);
      }
    }
    expect(clashes).toEqual([]);
  });

  it("cover every unit the seeds' indicator tables write", () => {
    const known = new Set(UNITS_OF_MEASURE.flatMap((u) => [u.code, ...u.aliases]).map(norm));
    const missing: string[] = [];
    for (const table of INDICATOR_TABLES) {
      const sheet = sheetOf(table.fixture, table.sheet);
      const col = columnWhere(sheet, headerRow(sheet), (l) => l.startsWith(norm("đơn vị tính")));
      if (col < 0) continue; // 004's table has no unit column
      for (const row of sheet.values.slice(headerRow(sheet) + 1)) {
        const u = row[col];
        if (typeof u === "string" && !known.has(norm(u))) missing.push(`${table.fixture.seed}: ${u}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("include the units domain.md names", () => {
    for (const code of ["%", "% GRDP", "% tổng chi NS xã", "Sáng kiến", "Số sáng kiến", "Mô hình", "DN", "Số đề tài", "Số hoạt động"]) {
      expect(unitByCode.has(code)).toBe(true);
    }
  });
});

// ───────────────────────────── bodies ─────────────────────────────

const expandUnit = (s: string) => (s.includes("{unit}") ? ["xã", "phường"].map((u) => s.replace("{unit}", u)) : [s]);
const bodySpellings = (b: (typeof BODIES)[number]) => [...expandUnit(b.name), ...expandUnit(b.short), ...b.aliases];

/** Normalised spelling → body code, or "?" for an ambiguous name. */
const BODY_INDEX = (() => {
  const index = new Map<string, string>();
  for (const b of BODIES) for (const s of bodySpellings(b)) index.set(norm(s), b.code);
  for (const a of AMBIGUOUS_BODY_NAMES) index.set(norm(a.text), "?");
  return index;
})();

/**
 * Splits a lead/coordinating cell into the bodies it names: on ";", then on "," except
 * where the comma belongs to a name ("Phòng Kinh tế, Hạ tầng và Đô thị", "Các phòng, ban,
 * đơn vị"): the longest run of comma-separated pieces that is a known spelling wins.
 * A parenthesis is read as a separate mention ("Văn phòng HĐND và UBND xã (các phòng,
 * đơn vị thuộc UBND xã phối hợp)": its closing "phối hợp" says these coordinate, and is
 * a role, not part of a name).
 */
function bodiesInCell(cell: string): { found: string[]; unknown: string[] } {
  const parts: string[] = [];
  const outer = cell.replace(/\(([^)]*)\)/g, (_, inner: string) => {
    parts.push(inner.replace(/\s+phối hợp\s*$/i, ""));
    return " ";
  });
  parts.unshift(outer);
  const found: string[] = [];
  const unknown: string[] = [];
  for (const part of parts) {
    for (const segment of part.split(";")) {
      const pieces = segment.split(",");
      let i = 0;
      while (i < pieces.length) {
        if (pieces[i].trim() === "") {
          i++;
          continue;
        }
        let matched = -1;
        for (let j = pieces.length - 1; j >= i; j--) {
          const code = BODY_INDEX.get(norm(pieces.slice(i, j + 1).join(",")));
          if (code) {
            found.push(code);
            matched = j;
            break;
          }
        }
        if (matched < 0) {
          unknown.push(pieces[i].trim());
          i++;
        } else i = matched + 1;
      }
    }
  }
  return { found, unknown };
}

const BODY_LABELS = ["chủ trì", "phối hợp", "theo dõi"].map(norm);

/** Every non-empty cell under a header labelled chủ trì / phối hợp / theo dõi. */
function bodyCells(): { seed: string; sheet: string; address: string; text: string }[] {
  const out: { seed: string; sheet: string; address: string; text: string }[] = [];
  for (const f of FIXTURES) {
    for (const sheet of f.sheets) {
      const header = headerRow(sheet);
      const cols = sheet.values[header]
        .map((c, i) => (typeof c === "string" && BODY_LABELS.some((l) => norm(c).includes(l)) ? i : -1))
        .filter((i) => i >= 0);
      expect([f.seed, sheet.name, cols.length > 0]).toEqual([f.seed, sheet.name, true]);
      sheet.values.slice(header + 1).forEach((row, k) => {
        for (const c of cols) {
          const v = row[c];
          if (typeof v === "string" && v.trim() !== "")
            out.push({ seed: f.seed, sheet: sheet.name, address: `${colLetter(c)}${header + 2 + k}`, text: v });
        }
      });
    }
  }
  return out;
}

describe("bodies", () => {
  it("have unique codes and spellings that tell them apart", () => {
    const codes = BODIES.map((b) => b.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^[A-Z][A-Z0-9-]*$/);
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const b of BODIES) {
      for (const s of new Set(bodySpellings(b).map(norm))) {
        const other = owner.get(s);
        if (other && other !== b.code) clashes.push(`${other} / ${b.code}: ${s}`);
        owner.set(s, b.code);
      }
    }
    expect(clashes).toEqual([]);
  });

  it("use {unit} only in name and short form", () => {
    for (const b of BODIES) for (const a of b.aliases) expect([b.code, a.includes("{")]).toEqual([b.code, false]);
  });

  it("follow Nghị định 150/2025: Phòng Kinh tế in xã, Phòng Kinh tế, Hạ tầng và Đô thị in phường", () => {
    const byName = (n: string) => BODIES.find((b) => b.name === n);
    expect(byName("Phòng Kinh tế")?.only).toBe("xa");
    expect(byName("Phòng Kinh tế, Hạ tầng và Đô thị")?.only).toBe("phuong");
    for (const n of ["Phòng Văn hóa - Xã hội", "Văn phòng HĐND và UBND {unit}"]) {
      expect(byName(n)).toBeDefined();
      expect(byName(n)?.only).toBeUndefined();
    }
  });

  it("model the police and health station once, with both type words among the aliases", () => {
    for (const [name, written] of [
      ["Công an {unit}", ["Công an xã", "Công an phường"]],
      ["Trạm Y tế {unit}", ["Trạm Y tế xã", "Trạm Y tế phường", "Trạm Y tế"]],
    ] as const) {
      const b = BODIES.find((x) => x.name === name);
      expect(b).toBeDefined();
      for (const w of written) expect(BODY_INDEX.get(norm(w))).toBe(b?.code);
    }
  });

  it("never take an ambiguous name as a spelling, and offer existing bodies for it", () => {
    const codes = new Set(BODIES.map((b) => b.code));
    expect(AMBIGUOUS_BODY_NAMES.some((a) => a.text === "Văn phòng")).toBe(true);
    for (const a of AMBIGUOUS_BODY_NAMES) {
      expect(a.candidates.length).toBeGreaterThan(1);
      for (const c of a.candidates) expect([a.text, codes.has(c)]).toEqual([a.text, true]);
      for (const b of BODIES)
        for (const s of bodySpellings(b)) expect([b.code, norm(s) === norm(a.text)]).toEqual([b.code, false]);
    }
  });

  it("cover every body named in the seeds' lead and coordinating cells", () => {
    const cells = bodyCells();
    expect(cells.length).toBeGreaterThan(150);
    const unknown: string[] = [];
    let ambiguous = 0;
    for (const cell of cells) {
      const r = bodiesInCell(cell.text);
      for (const u of r.unknown) unknown.push(`${cell.seed} ${cell.sheet}!${cell.address}: "${u}" in "${cell.text}"`);
      ambiguous += r.found.filter((c) => c === "?").length;
    }
    expect(unknown).toEqual([]);
    expect(ambiguous).toBe(1); // 000's "Văn phòng" (row 25)
  });

  it("read the tricky cells as the officials meant them", () => {
    expect(bodiesInCell("Phòng VH-XH, Trạm Y tế, Tổ CNSCĐ").found).toEqual(["VH-XH", "TYT", "TCNSCD"]);
    expect(bodiesInCell("Phòng Kinh tế, Hạ tầng và Đô thị").found).toEqual(["KT-HT-DT"]);
    expect(bodiesInCell("Phòng Văn hóa - Xã hội; các phòng, đơn vị").found).toEqual(["VH-XH", "CAC-DON-VI"]);
    expect(
      bodiesInCell("Phòng Văn hóa - Xã hội, Trung tâm Dịch vụ Tổng hợp; Trung tâm Phục vụ Hành chính công").found,
    ).toEqual(["VH-XH", "TTDVTH", "TTPVHCC"]);
    expect(bodiesInCell("Văn phòng HĐND và UBND xã (các phòng, đơn vị thuộc UBND xã phối hợp)").found).toEqual([
      "VP",
      "CAC-DON-VI",
    ]);
    expect(bodiesInCell("Phòng Văn hoá – Xã hội").found).toEqual(["VH-XH"]);
    expect(bodiesInCell("Trạm y tế xã").found).toEqual(["TYT"]);
    expect(bodiesInCell("Văn phòng").found).toEqual(["?"]);
  });
});

// ──────────────────────────── communes ────────────────────────────

describe("communes", () => {
  it("are the 95 of Đồng Nai: 72 xã, 23 phường, 10 becoming phường on 30/4/2026", () => {
    expect(COMMUNES).toHaveLength(95);
    expect(COMMUNES.filter((c) => c.type === "xa")).toHaveLength(72);
    expect(COMMUNES.filter((c) => c.type === "phuong")).toHaveLength(23);
    const changed = COMMUNES.filter((c) => c.change);
    expect(changed).toHaveLength(10);
    for (const c of changed) {
      expect([c.name, c.type]).toEqual([c.name, "xa"]);
      expect(c.change).toEqual({ to: "phuong", from: PROVINCE.cityFrom, by: "Nghị quyết 237/NQ-UBTVQH16" });
    }
    expect(PROVINCE).toEqual({ code: "75", name: "Đồng Nai", cityFrom: "2026-04-30" });
  });

  it("have unique 5-digit codes in order, and names without their type word", () => {
    const codes = COMMUNES.map((c) => c.code);
    expect(new Set(codes).size).toBe(95);
    for (const c of codes) expect(c).toMatch(/^\d{5}$/);
    expect([...codes].sort()).toEqual(codes);
    const names = COMMUNES.map((c) => c.name);
    expect(new Set(names).size).toBe(95);
    for (const n of names) expect([n, /^(xã|phường)\s/i.test(n)]).toEqual([n, false]);
  });

  it("include the seeds' communes with their types", () => {
    for (const f of FIXTURES) {
      const m = /^(Xã|Phường) (.+)$/.exec(f.commune);
      expect(m).not.toBeNull();
      const c = COMMUNES.find((x) => x.name === m?.[2]);
      expect([f.commune, c?.type]).toEqual([f.commune, m?.[1] === "Xã" ? "xa" : "phuong"]);
    }
    expect(COMMUNES.find((c) => c.name === "Nhơn Trạch")?.change?.to).toBe("phuong");
  });
});
