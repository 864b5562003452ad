/**
 * Realistic commune workbooks for tests and the benchmark: one of the four seed
 * layouts (000, 001, 002, 004), re-headed for any commune of the province, with the
 * columns departments add when they report ("Kết quả thực hiện", "Tình trạng",
 * "Ngày hoàn thành") filled in the ways officials actually type them: 0.72 formatted
 * as a percentage, the text "72%", the number 72 in a % indicator, counts, "Đã triển
 * khai". Deterministic: the same commune, layout and seed give the same bytes' content.
 *
 * The generator decides what each row is from the seed layouts as printed (item rows
 * carry a number in column A; 004's indicator rows are its rows 11–17), not through
 * the product's reader or matcher, and it returns what it wrote (`truth`), so tests
 * can compare the product's reading with an answer it did not compute.
 */
import type { Commune } from "../src/catalog/types";
import type { CellValue, SheetSnapshot } from "../src/domain/snapshot";
import type { IsoDate } from "../src/domain/dates";
import { loadSeed } from "./seeds";
import { workbookOf } from "./xlsx";

export type Layout = "000" | "001" | "002" | "004";
export const LAYOUTS: Layout[] = ["000", "001", "002", "004"];

export interface GenerateOptions {
  layout: Layout;
  seed: number;
  asOf: IsoDate;
  /** Share of indicator rows and tasks with something reported (default 0.85). */
  fill?: number;
  /** Leave the commune's name out of the headings (the file name must identify it). */
  anonymous?: boolean;
  /**
   * A department's copy: only the rows it leads are filled, and "Đơn vị báo cáo: <label>"
   * is written above the table. `leads` are folded (accent-free, lower-case) fragments of
   * the lead cell that mean this department, e.g. ["van hoa", "vh-xh"].
   */
  department?: { label: string; leads: string[] };
  /** Cells to set last, "Sheet!A1" → value (e.g. to plant a conflict or an odd value). */
  overrides?: Record<string, CellValue>;
}

export type ResultStyle = "fraction" | "text" | "points" | "count" | "qualitative";

export interface GeneratedIndicator {
  sheet: string;
  row: number;
  name: string;
  /** What was typed into "Kết quả thực hiện" (null: left blank). */
  typed: CellValue;
  style: ResultStyle | null;
  /** The result meant: a fraction for percentages, a count, or the text. */
  meant: number | string | null;
}

export interface GeneratedTask {
  sheet: string;
  row: number;
  name: string;
  status: "Hoàn thành" | "Đang thực hiện" | "Chưa thực hiện" | null;
  completedOn: IsoDate | null;
}

export interface GeneratedTruth {
  layout: Layout;
  commune: Commune;
  sheets: { name: string; indicators: number; tasks: number }[];
  indicators: GeneratedIndicator[];
  tasks: GeneratedTask[];
}

export interface Generated {
  bytes: Uint8Array;
  fileName: string;
  sheets: SheetSnapshot[];
  truth: GeneratedTruth;
}

// ---------------------------------------------------------------- randomness

/** mulberry32: small, fast, and the same on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  return h >>> 0;
}

// ---------------------------------------------------------------- text helpers

function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();
}

function typeWord(c: Commune, upper: boolean): string {
  const w = c.type === "phuong" ? "phường" : "xã";
  return upper ? w.toLocaleUpperCase("vi") : w;
}

/** "Tân Lợi" → "TanLoi" (file names are typed without accents). */
function camel(name: string): string {
  return fold(name)
    .split(" ")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");
}

/** A file name as officials name them, in one of several styles chosen by the seed. */
export function communeFileName(c: Commune, seed: number): string {
  const style = seed % 4;
  const type = c.type === "phuong" ? "Phường" : "Xã";
  switch (style) {
    case 0:
      return `PL_${camel(c.name)}_2026.xlsx`;
    case 1:
      return `${type} ${c.name}.xlsx`;
    case 2:
      return `${fold(c.name).replace(/ /g, "_")}_bao_cao_NQ57.xlsx`;
    default:
      return `BC NQ57 - ${type} ${c.name}.xlsx`;
  }
}

// ---------------------------------------------------------------- layout knowledge

interface SheetPlan {
  name: string;
  kind: "indicators" | "tasks" | "mixed";
}

const SHEETS: Record<Layout, SheetPlan[]> = {
  "000": [{ name: "Chỉ tiêu", kind: "indicators" }],
  "001": [
    { name: "Chỉ tiêu", kind: "indicators" },
    { name: "Phụ lục nhiệm vụ", kind: "tasks" },
  ],
  "002": [
    { name: "Phụ lục I", kind: "indicators" },
    { name: "Phụ lục II", kind: "tasks" },
  ],
  "004": [{ name: "Phụ lục", kind: "mixed" }],
};

/** 004 mixes tasks and indicators in one table; its indicator rows, as printed, and what they measure. */
const MIXED_INDICATORS: Record<number, "percent" | "qualitative"> = {
  11: "qualitative",
  12: "percent", // "≥ 2": % of the budget
  13: "qualitative",
  14: "percent",
  15: "percent",
  16: "percent",
  17: "qualitative",
};

function headerRowOf(values: CellValue[][]): number {
  for (let r = 0; r < values.length; r++) {
    const a = String(values[r][0] ?? "").trim();
    if (/^(stt|tt)$/i.test(a) || a.startsWith("(1)")) return r + 1;
  }
  throw new Error("no header row in seed");
}

function isItemRow(row: CellValue[]): boolean {
  const a = row[0];
  if (typeof a === "number") return true;
  if (typeof a !== "string") return false;
  return /^\d+$/.test(a.trim()) || /^\d+\.\s/.test(a.trim());
}

function nameOf(row: CellValue[]): string {
  return String(row[1] ?? row[0] ?? "");
}

/** A target as printed, read just enough to aim a result near it (fraction for percentages). */
function targetNumber(value: CellValue, format: string | null, percent: boolean): number | null {
  if (typeof value === "number") return percent && value > 1 && !(format ?? "").includes("%") ? value / 100 : value;
  if (typeof value !== "string") return null;
  const m = value.match(/(\d+(?:[.,]\d+)?)/);
  if (!m) return null;
  const n = Number(m[1].replace(",", "."));
  return percent ? n / 100 : n;
}

// ---------------------------------------------------------------- the generator

const DAY_MS = 86_400_000;
function serialOf(iso: IsoDate): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / DAY_MS);
}
function isoOfSerial(serial: number): IsoDate {
  return new Date(Date.UTC(1899, 11, 30) + serial * DAY_MS).toISOString().slice(0, 10);
}

/** Put the commune's name (and type word, in the same case) where the seed's commune was named. */
function reHead(text: string, seedName: string, c: Commune): string {
  const upperSeed = seedName.toLocaleUpperCase("vi");
  const re = new RegExp(`(xã|phường|XÃ|PHƯỜNG|Xã|Phường)\\s+(${seedName}|${upperSeed})`, "g");
  return text.replace(re, (_m, type: string, name: string) => {
    const word = typeWord(c, false);
    const shown =
      type === type.toLocaleUpperCase("vi")
        ? word.toLocaleUpperCase("vi")
        : type[0] === type[0].toLocaleUpperCase("vi")
          ? word[0].toLocaleUpperCase("vi") + word.slice(1)
          : word;
    return `${shown} ${name === upperSeed ? c.name.toLocaleUpperCase("vi") : c.name}`;
  });
}

export function generateCommuneSheets(c: Commune, opts: GenerateOptions): { sheets: SheetSnapshot[]; truth: GeneratedTruth } {
  const seed = loadSeed(opts.layout);
  const seedName = seed.commune.replace(/^(Xã|Phường)\s+/, "");
  const random = rng(hash(`${opts.layout}|${c.code}|${opts.seed}|${opts.department?.label ?? ""}`));
  const fill = opts.fill ?? 0.85;
  const truth: GeneratedTruth = { layout: opts.layout, commune: c, sheets: [], indicators: [], tasks: [] };
  const sheets: SheetSnapshot[] = [];

  for (const plan of SHEETS[opts.layout]) {
    const src = seed.sheet(plan.name);
    const header = headerRowOf(src.values);
    const named = (v: CellValue) => typeof v === "string" && fold(v).includes(fold(seedName));
    const values = src.values.map((r, i) =>
      r.map((v) => {
        // Anonymous: the heading lines that name the commune are left out altogether.
        if (opts.anonymous && i < header - 1 && named(v)) return null;
        return typeof v === "string" ? reHead(v, seedName, c) : v;
      }),
    );
    const formats = (src.numberFormats ?? []).map((r) => [...r]);
    const width = values[header - 1].length;
    const added =
      plan.kind === "indicators"
        ? ["Kết quả thực hiện"]
        : plan.kind === "tasks"
          ? ["Tình trạng", "Ngày hoàn thành"]
          : ["Kết quả thực hiện", "Tình trạng", "Ngày hoàn thành"];
    const col = (label: string) => width + added.indexOf(label); // 0-based
    const set = (r: number, c0: number, v: CellValue, fmt?: string) => {
      while (values[r].length <= c0) values[r].push(null);
      values[r][c0] = v;
      if (fmt) {
        while (formats.length <= r) formats.push([]);
        while (formats[r].length <= c0) formats[r].push(null);
        formats[r][c0] = fmt;
      }
    };
    added.forEach((label) => set(header - 1, col(label), label));

    if (opts.department) {
      // The blank line just above the header carries the marker.
      set(header - 2, 0, `Đơn vị báo cáo: ${opts.department.label}`);
    }

    let nInd = 0;
    let nTask = 0;
    for (let r = header; r < values.length; r++) {
      const row = values[r];
      if (!isItemRow(row)) continue;
      const sheetRow = r + 1;
      const isIndicator = plan.kind === "indicators" || (plan.kind === "mixed" && sheetRow in MIXED_INDICATORS);
      const leadCol = plan.kind === "indicators" ? 4 : opts.layout === "002" ? 4 : 2;
      const lead = fold(String(row[leadCol] ?? ""));
      const mine = !opts.department || opts.department.leads.some((l) => lead.includes(l));
      if (isIndicator) {
        nInd++;
        const g = indicatorResult(random, plan, row, formats[r] ?? [], sheetRow, fill, mine);
        if (g.typed !== null) set(r, col("Kết quả thực hiện"), g.typed, g.format ?? undefined);
        truth.indicators.push({ sheet: plan.name, row: sheetRow, name: nameOf(row), typed: g.typed, style: g.style, meant: g.meant });
      } else {
        nTask++;
        let status: GeneratedTask["status"] = null;
        let completedOn: IsoDate | null = null;
        if (mine && random() < fill) {
          const p = random();
          status = p < 0.4 ? "Hoàn thành" : p < 0.75 ? "Đang thực hiện" : "Chưa thực hiện";
          if (status === "Hoàn thành") {
            const from = serialOf("2026-01-05");
            const to = Math.max(from, serialOf(opts.asOf));
            completedOn = isoOfSerial(from + Math.floor(random() * (to - from + 1)));
          }
        }
        if (status) set(r, col("Tình trạng"), status);
        if (completedOn) set(r, col("Ngày hoàn thành"), serialOf(completedOn), "dd/mm/yyyy");
        truth.tasks.push({ sheet: plan.name, row: sheetRow, name: nameOf(row), status, completedOn });
      }
    }
    truth.sheets.push({ name: plan.name, indicators: nInd, tasks: nTask });
    const width2 = values.reduce((m, r) => Math.max(m, r.length), 0);
    sheets.push({
      name: plan.name,
      values: values.map((r) => [...r, ...Array(width2 - r.length).fill(null)]),
      numberFormats: values.map((r, i) => Array.from({ length: width2 }, (_, k) => formats[i]?.[k] ?? null)),
      merges: src.merges ?? [],
    });
  }

  for (const [ref, value] of Object.entries(opts.overrides ?? {})) {
    const [sheetName, addr] = ref.split("!");
    const s = sheets.find((x) => x.name === sheetName);
    const m = addr?.match(/^([A-Z]+)(\d+)$/);
    if (!s || !m) throw new Error(`bad override ${ref}`);
    const c0 = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const r0 = Number(m[2]) - 1;
    while (s.values.length <= r0) s.values.push([]);
    while (s.values[r0].length <= c0) s.values[r0].push(null);
    s.values[r0][c0] = value;
  }
  return { sheets, truth };
}

function indicatorResult(
  random: () => number,
  plan: SheetPlan,
  row: CellValue[],
  rowFormats: (string | null)[],
  sheetRow: number,
  fill: number,
  mine: boolean,
): { typed: CellValue; format: string | null; style: ResultStyle | null; meant: number | string | null } {
  const blank = { typed: null, format: null, style: null, meant: null };
  if (!mine || random() >= fill) return blank;
  let measure: "percent" | "count" | "qualitative";
  let target: number | null;
  if (plan.kind === "mixed") {
    measure = MIXED_INDICATORS[sheetRow];
    target = measure === "percent" ? targetNumber(row[4], null, true) : null;
  } else {
    const unit = String(row[2] ?? "").trim();
    const tv = row[3];
    const numeric = typeof tv === "number" || (typeof tv === "string" && /\d/.test(tv));
    measure = !numeric ? "qualitative" : unit.startsWith("%") ? "percent" : "count";
    target = numeric ? targetNumber(tv, rowFormats[3] ?? null, measure === "percent") : null;
  }
  if (measure === "qualitative") {
    const text = random() < 0.75 ? "Đã triển khai" : "Chưa triển khai";
    return { typed: text, format: null, style: "qualitative", meant: text };
  }
  if (measure === "count") {
    const n = Math.max(0, Math.round((target ?? 1) * (0.5 + random())));
    return { typed: n, format: null, style: "count", meant: n };
  }
  const t = target ?? 0.8;
  const points = Math.min(100, Math.max(0, Math.round(t * 100 * (0.8 + random() * 0.35))));
  const meant = points / 100;
  const p = random();
  // A number 1 in a % indicator is ambiguous (1% or 100%): officials who mean 1% type "1%".
  if (p < 0.34 || (p >= 0.67 && points <= 1)) return { typed: meant, format: "0%", style: "fraction", meant };
  if (p < 0.67) return { typed: `${points}%`, format: null, style: "text", meant };
  return { typed: points, format: null, style: "points", meant };
}

/** A commune's workbook in one of the seed layouts, with results typed in varied ways, as .xlsx bytes. */
export async function generateCommuneWorkbook(c: Commune, opts: GenerateOptions): Promise<Uint8Array> {
  return (await generateCommune(c, opts)).bytes;
}

/** The same, with the file name officials would give it and what was written (for tests). */
export async function generateCommune(c: Commune, opts: GenerateOptions): Promise<Generated> {
  const { sheets, truth } = generateCommuneSheets(c, opts);
  return { bytes: await workbookOf(sheets), fileName: communeFileName(c, opts.seed), sheets, truth };
}
