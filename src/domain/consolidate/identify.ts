/**
 * Whose file is this? A commune's or ward's (across the province), or a
 * department's (inside one commune). Evidence, strongest first:
 *  - what the sheets say: the heading ("ỦY BAN NHÂN DÂN XÃ TÂN LỢI") or a marker
 *    cell ("Đơn vị báo cáo: Phòng VH-XH");
 *  - the file name ("PL_TanLoi_2026.xlsx", "Phường Minh Hưng.xlsx", "PhongVHXH.xlsx"),
 *    because files are passed around by e-mail and named by hand.
 * Every answer is checked against the province's lists; nothing is guessed from
 * position or from the order of the files.
 */
import type { Body, Commune, UnitType } from "../../catalog/types";
import type { Catalog } from "../match";
import { bodyName, communeLabel, matchBody } from "../match";
import type { WorkbookSnapshot } from "../snapshot";
import type { Table } from "../reader";
import type { IsoDate } from "../dates";
import { cellText, clean, foldKey, normalize } from "../text";
import type { SourceProblem, UnitId } from "./types";

/** The file's name without folders and extension. */
export function baseName(file: string): string {
  const last = file.split(/[\\/]/).pop() ?? file;
  return last.replace(/\.(xlsx|xlsm|xls|xltx|ods|csv|docx|docm|doc)$/i, "");
}

/** Words of a file name: "PL_TanLoi_2026" → ["pl", "tan", "loi", "2026"] (accents dropped unless `fold` is false). */
export function fileNameWords(file: string, fold = true): string[] {
  const spaced = baseName(file)
    .normalize("NFC")
    .replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2") // camelCase: TanLoi → Tan Loi
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, "$1 $2") // TramYTe → Tram Y Te, keeping VHXH whole
    .replace(/(\p{L})(\p{N})/gu, "$1 $2")
    .replace(/(\p{N})(\p{L})/gu, "$1 $2");
  const text = fold ? foldKey(spaced) : normalize(spaced.replace(/[^\p{L}\p{N}]+/gu, " "));
  return text.split(" ").filter(Boolean);
}

interface CommuneKeys {
  /** Name as written, case and tone placement settled ("lộc thạnh"). */
  exact: Map<string, Commune[]>;
  /** Without accents ("loc thanh": Lộc Thạnh and Lộc Thành both). */
  folded: Map<string, Commune[]>;
  /** Without accents or spaces, as file names write them ("locthanh"). */
  compact: Map<string, Commune[]>;
  /** With accents, without spaces ("lộcthạnh"). */
  compactExact: Map<string, Commune[]>;
}

const communeKeys = new WeakMap<Catalog, CommuneKeys>();

function keysOf(catalog: Catalog): CommuneKeys {
  let keys = communeKeys.get(catalog);
  if (!keys) {
    keys = { exact: new Map(), folded: new Map(), compact: new Map(), compactExact: new Map() };
    const put = (m: Map<string, Commune[]>, k: string, c: Commune) => m.set(k, [...(m.get(k) ?? []), c]);
    for (const c of catalog.communes) {
      put(keys.exact, normalize(c.name), c);
      put(keys.folded, foldKey(c.name), c);
      put(keys.compact, foldKey(c.name).replace(/ /g, ""), c);
      put(keys.compactExact, normalize(c.name).replace(/ /g, ""), c);
    }
    communeKeys.set(catalog, keys);
  }
  return keys;
}

/**
 * The commune a written name means, strictly: the same words in the same order, with
 * accents when they are written ("Lộc Thạnh" and "Lộc Thành" are two communes, so are
 * "Phước An" and "An Phước"). Without accents a name that fits two communes is no
 * answer. (The fuzzy matcher in match.ts accepts reordered words and ignores accents,
 * which is right for suggestions but not for deciding whose file this is.)
 */
export function communeByName(catalog: Catalog, text: string): { commune: Commune | null; ambiguous: Commune[] } {
  const name = clean(text)
    .replace(/^(ủy ban nhân dân|uỷ ban nhân dân|ubnd)\s+/i, "")
    .replace(/^(xã|phường)\s+/i, "");
  const keys = keysOf(catalog);
  const exact = keys.exact.get(normalize(name)) ?? [];
  if (exact.length === 1) return { commune: exact[0], ambiguous: [] };
  const folded = keys.folded.get(foldKey(name)) ?? [];
  // Accents written and matching none of the look-alikes: not a commune of ours.
  if (folded.length > 1 && foldKey(name) !== normalize(name)) return { commune: null, ambiguous: folded };
  return folded.length === 1 ? { commune: folded[0], ambiguous: [] } : { commune: null, ambiguous: folded };
}

/**
 * The commune or ward lines of text name after "xã" / "phường": "ỦY BAN NHÂN DÂN XÃ
 * TÂN LỢI", "(Kèm theo Kế hoạch ... của UBND phường Minh Hưng)".
 */
export function communeInLines(
  catalog: Catalog,
  lines: string[],
): { commune: Commune | null; unmatched: string | null; ambiguous: Commune[] } {
  let unmatched: string | null = null;
  let ambiguous: Commune[] = [];
  for (const line of lines) {
    for (const m of clean(line).matchAll(/(?:^|[\s(])(xã|phường)\s+([^\s,.;:()]+(?:\s+[^\s,.;:()]+){0,3})/giu)) {
      const words = m[2].split(/\s+/);
      if (foldKey(words[0]) === "hoi") continue; // "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
      for (let k = Math.min(4, words.length); k >= 1; k--) {
        const hit = communeByName(catalog, words.slice(0, k).join(" "));
        if (hit.commune) return { commune: hit.commune, unmatched: null, ambiguous: [] };
        if (hit.ambiguous.length > 1 && ambiguous.length === 0) ambiguous = hit.ambiguous;
      }
      unmatched ??= `${/ph/i.test(m[1]) ? "phường" : "xã"} ${words.slice(0, 2).join(" ")}`;
    }
  }
  return { commune: null, unmatched, ambiguous };
}

/**
 * The commune a file name names. Runs of consecutive words are joined and compared
 * with the communes' names written without spaces or accents, so "TanLoi",
 * "Tan_Loi", "tanloi" and "Tân Lợi" all match; the longest match wins, and two
 * different communes matching equally long is no answer.
 */
export function communeFromFileName(catalog: Catalog, file: string): { commune: Commune | null; ambiguous: Commune[] } {
  // With accents first ("Xã Lộc Thạnh.xlsx" is not Lộc Thành), then without.
  const exact = longestRun(fileNameWords(file, false), keysOf(catalog).compactExact);
  if (exact.length === 1) return { commune: exact[0], ambiguous: [] };
  const folded = longestRun(fileNameWords(file), keysOf(catalog).compact);
  return folded.length === 1 ? { commune: folded[0], ambiguous: [] } : { commune: null, ambiguous: folded };
}

function longestRun(words: string[], names: Map<string, Commune[]>): Commune[] {
  let bestLen = 0;
  let found = new Map<string, Commune>();
  for (let i = 0; i < words.length; i++) {
    let joined = "";
    for (let j = i; j < Math.min(words.length, i + 6); j++) {
      joined += words[j];
      const hits = names.get(joined);
      if (!hits) continue;
      if (joined.length > bestLen) {
        bestLen = joined.length;
        found = new Map();
      }
      if (joined.length === bestLen) for (const c of hits) found.set(c.code, c);
    }
  }
  return [...found.values()];
}

/** Words in file names that name no body ("PL_VHXH_bao_cao_2026"). */
const FILE_NOISE = new Set(["pl", "phu", "luc", "bao", "cao", "bc", "nam", "thang", "quy", "kh", "ke", "hoach", "tong", "hop", "ban", "sao", "copy", "final", "moi", "nq57", "nq", "57"]);

/** The department a file name names: "PhongVHXH.xlsx", "PL_CongAn_2026.xlsx", "Phòng Kinh tế.xlsx". */
export function departmentFromFileName(catalog: Catalog, file: string): Body | null {
  const words = fileNameWords(file).filter((w) => !/^\d+$/.test(w));
  // Longest runs first: "phong kinh te" before "kinh te".
  for (let len = Math.min(words.length, 8); len >= 1; len--) {
    for (let i = 0; i + len <= words.length; i++) {
      const run = words.slice(i, i + len);
      if (run.every((w) => FILE_NOISE.has(w))) continue;
      const m = matchBody(catalog, run.join(" "));
      if (m.body && !m.body.collective && m.confidence >= 0.95) return m.body;
    }
  }
  return null;
}

const MARKER_LABELS = new Set(["don vi bao cao", "don vi", "co quan bao cao", "don vi thuc hien", "don vi gui", "phong ban", "don vi nop"]);

/**
 * Marker cells near the top of any sheet: "Đơn vị báo cáo: Phòng VH-XH", or the label
 * in one cell and the name in the next.
 */
export function markerTexts(wb: WorkbookSnapshot): string[] {
  const out: string[] = [];
  for (const sheet of wb.sheets) {
    for (let r = 0; r < Math.min(sheet.values.length, 15); r++) {
      const row = sheet.values[r] ?? [];
      for (let c = 0; c < Math.min(row.length, 15); c++) {
        const text = cellText(row[c]);
        const m = text.match(/^([^:]{2,40}):\s*(.*)$/);
        if (!m || !MARKER_LABELS.has(foldKey(m[1]))) continue;
        let value = clean(m[2]);
        for (let k = c + 1; !value && k < row.length; k++) value = cellText(row[k]);
        if (value) out.push(value);
      }
    }
  }
  return out;
}

/** The commune the workbook's own text names: its tables' headings, then marker cells. */
export function communeInWorkbook(
  catalog: Catalog,
  wb: WorkbookSnapshot,
  tables: Table[],
): { commune: Commune | null; via: "heading" | "marker" | null; unmatched: string | null; ambiguous: Commune[]; others: Commune[] } {
  let found: Commune | null = null;
  let via: "heading" | "marker" | null = null;
  let unmatched: string | null = null;
  let ambiguous: Commune[] = [];
  const others = new Map<string, Commune>();
  for (const t of tables) {
    const hit = communeInLines(catalog, t.heading);
    if (hit.commune) {
      if (!found) {
        found = hit.commune;
        via = "heading";
      } else if (hit.commune.code !== found.code) others.set(hit.commune.code, hit.commune);
    } else {
      unmatched ??= hit.unmatched;
      if (ambiguous.length === 0) ambiguous = hit.ambiguous;
    }
  }
  if (!found) {
    for (const text of markerTexts(wb)) {
      const hit = communeInLines(catalog, [text]).commune ?? communeByName(catalog, text).commune;
      if (hit) {
        found = hit;
        via = "marker";
        break;
      }
    }
  }
  return { commune: found, via, unmatched, ambiguous, others: [...others.values()] };
}

export function communeUnit(c: Commune, via: UnitId["via"], asOf: IsoDate): UnitId {
  return { kind: "commune", code: c.code, label: communeLabel(c, asOf), via, order: Number(c.code) || 0 };
}

/** Across the province: the commune or ward a source belongs to, and what got in the way. */
export function identifyCommune(
  catalog: Catalog,
  file: string,
  wb: WorkbookSnapshot,
  tables: Table[],
  asOf: IsoDate,
  found?: ReturnType<typeof communeInWorkbook>,
): { unit: UnitId | null; problems: SourceProblem[] } {
  const problems: SourceProblem[] = [];
  const inside = found ?? communeInWorkbook(catalog, wb, tables);
  const byName = communeFromFileName(catalog, file);
  if (inside.commune) {
    if (byName.commune && byName.commune.code !== inside.commune.code) {
      problems.push({
        code: "unit-mismatch",
        message: `Tên tệp gợi ý ${communeLabel(byName.commune, asOf)} nhưng tiêu đề trong tệp ghi ${communeLabel(inside.commune, asOf)}; lấy theo tiêu đề.`,
      });
    }
    if (inside.others.length > 0) {
      problems.push({
        code: "unit-mismatch",
        message: `Các bảng trong tệp ghi tên nhiều đơn vị (${[inside.commune, ...inside.others].map((c) => communeLabel(c, asOf)).join(", ")}); lấy theo bảng đầu tiên.`,
      });
    }
    return { unit: communeUnit(inside.commune, inside.via ?? "heading", asOf), problems };
  }
  if (byName.commune) {
    if (inside.unmatched) {
      problems.push({
        code: "unit-mismatch",
        message: `Tiêu đề ghi "${inside.unmatched}", không có trong danh sách xã, phường của tỉnh; lấy theo tên tệp: ${communeLabel(byName.commune, asOf)}.`,
      });
    }
    return { unit: communeUnit(byName.commune, "file-name", asOf), problems };
  }
  const why = inside.ambiguous.length > 1
    ? `Tiêu đề ghi tên có thể là ${inside.ambiguous.map((c) => communeLabel(c, asOf)).join(" hoặc ")} (hãy ghi đủ dấu)`
    : inside.unmatched
    ? `Tiêu đề ghi "${inside.unmatched}", không có trong danh sách ${catalog.communes.length} xã, phường của tỉnh`
    : byName.ambiguous.length > 1
      ? `Tên tệp có thể là ${byName.ambiguous.map((c) => communeLabel(c, asOf)).join(" hoặc ")}`
      : "Không thấy tên xã, phường trong tiêu đề bảng, trong ô \"Đơn vị báo cáo:\" hay trong tên tệp";
  problems.push({
    code: "unknown-unit",
    message: `${why}. Tệp không được đưa vào tổng hợp; hãy ghi tên xã, phường vào tiêu đề bảng hoặc đặt tên tệp theo tên xã, phường (ví dụ "PL_TanLoi_2026.xlsx").`,
  });
  return { unit: null, problems };
}

/** Names of the sheets a department copy may be named after ("VH-XH", "Phòng Kinh tế"). */
function departmentFromSheets(catalog: Catalog, wb: WorkbookSnapshot): Body | null {
  for (const s of wb.sheets) {
    const m = matchBody(catalog, s.name);
    if (m.body && !m.body.collective && m.confidence >= 0.95) return m.body;
  }
  return null;
}

export function departmentUnit(catalog: Catalog, body: Body, type: UnitType, via: UnitId["via"]): UnitId {
  const index = catalog.bodies.findIndex((b) => b.code === body.code);
  return { kind: "department", code: body.code, label: bodyName(body, type), via, order: index < 0 ? 9999 : index };
}

/** Inside one commune: the department a copy belongs to (marker cell, sheet name, file name). */
export function identifyDepartment(
  catalog: Catalog,
  file: string,
  wb: WorkbookSnapshot,
  type: UnitType,
): { unit: UnitId | null; problems: SourceProblem[] } {
  for (const text of markerTexts(wb)) {
    const bodies = text
      .split(/[;\n]/)
      .map((t) => matchBody(catalog, t))
      .filter((m) => m.body && !m.body.collective);
    if (bodies.length > 0) return { unit: departmentUnit(catalog, bodies[0].body!, type, "marker"), problems: [] };
  }
  const bySheet = departmentFromSheets(catalog, wb);
  if (bySheet) return { unit: departmentUnit(catalog, bySheet, type, "sheet-name"), problems: [] };
  const byName = departmentFromFileName(catalog, file);
  if (byName) return { unit: departmentUnit(catalog, byName, type, "file-name"), problems: [] };
  return {
    unit: null,
    problems: [
      {
        code: "unknown-unit",
        message:
          'Không xác định được phòng, ban của tệp (không có ô "Đơn vị báo cáo: ...", tên trang tính hay tên tệp không phải tên một phòng, ban). ' +
          'Tệp không được đưa vào tổng hợp; hãy ghi "Đơn vị báo cáo: <tên phòng, ban>" ở đầu trang tính hoặc đặt tên tệp theo phòng, ban (ví dụ "PL_PhongVHXH.xlsx").',
      },
    ],
  };
}

