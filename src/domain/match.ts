/**
 * Matching what officials wrote against the province's lists: an indicator name →
 * a catalog entry, a lead-unit cell → the bodies it names, a commune name → the
 * province's entry. Every match carries a confidence; below the threshold there is
 * no match, only candidates to suggest.
 */
import type { Body, CatalogIndicator, Commune, IndicatorGroup, UnitOfMeasure, UnitType } from "../catalog/types";
import { clean, foldKey, normalize, profileOfKey, profileSimilarity, type Profile } from "./text";
import { roundTo } from "./numbers";
import { ABBREVIATIONS, GENERIC_WORDS, GENERIC_WORDS_UNACCENTED, LEADING_WORDS, SYNONYMS } from "../catalog/wording";
import { OUTSIDE_PARTIES } from "../catalog/bodies";
import type { IsoDate } from "./dates";

export interface Catalog {
  version: string;
  /** Where the indicator list came from: the built-in list or a workbook's "Danh mục" sheet. */
  source: string;
  /**
   * What the indicators' targets are: the province's own (a "Danh mục" sheet the
   * province published), or a reference rebuilt from sample plans (the built-in list;
   * the default when absent). Messages say which they compare with.
   */
  targetSource?: "province" | "reference";
  indicators: CatalogIndicator[];
  groups: IndicatorGroup[];
  units: UnitOfMeasure[];
  bodies: Body[];
  ambiguousBodies: { text: string; candidates: string[] }[];
  communes: Commune[];
}

export interface Match<T> {
  item: T;
  confidence: number;
}

export interface MatchResult<T> {
  best: Match<T> | null;
  /** The closest entries, best first (also when there is no match), for suggestions. */
  candidates: Match<T>[];
}

/** Below this an indicator name is "not in the list". */
export const INDICATOR_THRESHOLD = 0.72;
const BODY_THRESHOLD = 0.86;

// Keys are built once per catalog and kept beside it.
const indicatorIndexes = new WeakMap<Catalog, IndicatorIndex>();
const MEMO_LIMIT = 20_000;

/**
 * A matcher that remembers its answers per catalog (bounded: cleared when full).
 * Sheets repeat the same names on every row and in every commune's file; answers
 * depend only on the catalog, which is never changed, and the text. Callers must
 * not mutate what they get back.
 */
function remembered<T>(match: (catalog: Catalog, text: string) => T): (catalog: Catalog, text: string) => T {
  const memos = new WeakMap<Catalog, Map<string, T>>();
  return (catalog, text) => {
    let memo = memos.get(catalog);
    if (!memo) memos.set(catalog, (memo = new Map()));
    const known = memo.get(text);
    if (known !== undefined) return known;
    const result = match(catalog, text);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: forgetting answers sooner or later costs time only
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(text, result);
    return result;
  };
}

/**
 * The comparable core of an indicator name: without a target written into it
 * ("... 90%", "≥ 1% và tăng dần"), without "trên địa bàn xã/phường" and the like.
 * Stable: consolidation keys rows outside the catalog by it.
 */
export function indicatorKey(name: string): string {
  return foldKey(withoutPlace(name));
}

/** A name without a target written into it and without "trên địa bàn xã" at its end. */
function withoutPlace(name: string): string {
  return clean(name)
    .replace(/\s*(?:[≥≤><=]\s*)?\d+(?:[.,]\d+)?\s*%?\s*(?:và tăng dần.*)?$/u, "")
    .replace(/\s+(trên địa bàn|của)\s+(xã|phường)\s*$/iu, "")
    .replace(/\s+(xã|phường)\s*$/iu, "");
}

/** A target written at the end of a name ("... chính quyền 90%"), if any. */
export function targetInName(name: string): string | null {
  const m = clean(name).match(/(?:^|\s)((?:[≥≤]\s*)?\d+(?:[.,]\d+)?\s*%)\s*$/u);
  return m ? m[1] : null;
}

const wordsPattern = (words: string[]) => new RegExp(`(?<= )(?:${words.join("|")})(?= )`, "gu");
const GENERIC = wordsPattern(GENERIC_WORDS.map((w) => normalize(w)));
const GENERIC_UNACCENTED = wordsPattern(GENERIC_WORDS_UNACCENTED);

/**
 * An indicator name in its wording-free form: generic words ("Tỷ lệ", "của", "trên địa
 * bàn") dropped while the accents still tell them apart, then accents folded,
 * abbreviations written out and synonyms settled. "Tỷ lệ hồ sơ TTHC được giải quyết
 * trực tuyến" → "ho so thu tuc hanh chinh giai quyet truc tuyen".
 */
export function wordingKey(name: string): string {
  const plain = withoutPlace(name);
  const accented = foldKey(plain) !== normalize(plain).replace(/[^\p{L}\p{N}%]+/gu, " ").trim();
  // Words of the name with their accents, generic ones out (the pattern's look-arounds leave
  // the spaces, so "của các" goes in one pass; foldKey closes the gaps).
  const generic = accented ? GENERIC : GENERIC_UNACCENTED;
  // Stryker disable next-line MethodExpression: a space at an end is closed up by foldKey
  const k = ` ${normalize(plain).replace(/[^\p{L}\p{N}%]+/gu, " ").trim()} `.replace(generic, "");
  const words = foldKey(k)
    .replace(/(\d)(gb|mb)\b/g, "$1 $2")
    .split(" ")
    .filter(Boolean)
    // Stryker disable next-line Regex: one leading zero or many, Number() drops them all
    .map((w) => ABBREVIATIONS[w] ?? (/^0+\d/.test(w) ? String(Number(w)) : w));
  let out = ` ${words.join(" ")} `;
  for (const [from, to] of SYNONYMS) out = out.split(` ${from} `).join(` ${to} `);
  out = out.trim();
  for (const w of LEADING_WORDS) if (out.startsWith(w + " ")) out = out.slice(w.length + 1);
  return out;
}

interface IndicatorKeyEntry {
  item: CatalogIndicator;
  profile: Profile;
  words: Set<string>;
  weight: number;
}

interface IndicatorIndex {
  keys: IndicatorKeyEntry[];
  /** How telling a word is: rare words across the catalog weigh more (inverse document frequency). */
  weightOf: (word: string) => number;
  /**
   * Inverted lists, so a name is compared with the keys that share something with it
   * and not with every key: for each word, the keys (indexes, ascending) that have it;
   * for each bigram id, the keys that have it and how often.
   */
  byWord: Map<string, number[]>;
  byGram: Map<number, { keys: number[]; counts: number[] }>;
}

function indexOf(catalog: Catalog): IndicatorIndex {
  let index = indicatorIndexes.get(catalog);
  // Stryker disable next-line ConditionalExpression: built again on every call, the index is the same
  if (index) return index;
  const texts = catalog.indicators.flatMap((item) => [item.name, ...item.aliases].map((text) => ({ item, key: wordingKey(text) })));
  const df = new Map<string, number>();
  for (const item of catalog.indicators) {
    const seen = new Set(texts.filter((t) => t.item === item).flatMap((t) => t.key.split(" ")));
    for (const w of seen) df.set(w, (df.get(w) ?? 0) + 1);
  }
  const n = Math.max(1, catalog.indicators.length);
  const unseen = Math.log(1 + n);
  const weightOf = (w: string) => {
    const d = df.get(w);
    return d === undefined ? unseen : Math.log(1 + n / d);
  };
  const keys = texts.map(({ item, key }) => {
    // Stryker disable next-line MethodExpression: the only empty word is an empty key's, which no typed word meets
    const words = new Set(key.split(" ").filter(Boolean));
    let weight = 0;
    for (const w of words) weight += weightOf(w);
    return { item, profile: profileOfKey(key), words, weight };
  });
  const byWord = new Map<string, number[]>();
  const byGram = new Map<number, { keys: number[]; counts: number[] }>();
  keys.forEach((k, i) => {
    for (const w of k.words) {
      const list = byWord.get(w);
      if (list) list.push(i);
      else byWord.set(w, [i]);
    }
    // Stryker disable next-line EqualityOperator: one step past the end files an undefined bigram that no name has
    for (let g = 0; g < k.profile.ids.length; g++) {
      let post = byGram.get(k.profile.ids[g]);
      if (!post) byGram.set(k.profile.ids[g], (post = { keys: [], counts: [] }));
      post.keys.push(i);
      post.counts.push(k.profile.counts[g]);
    }
  });
  index = { keys, weightOf, byWord, byGram };
  indicatorIndexes.set(catalog, index);
  return index;
}

/**
 * What a row says besides its name, weighed into the match: the unit of measure it
 * writes and whether its target is a number or words. A "%" row is not a count of
 * models; a "% tổng chi NS xã" row is the budget share, not the share of GRDP.
 */
export interface IndicatorEvidence {
  unit?: string | null;
  qualitative?: boolean | null;
}

export function matchIndicator(catalog: Catalog, name: string, evidence: IndicatorEvidence = {}): MatchResult<CatalogIndicator> {
  // A unit the list does not know is no evidence.
  const unit = evidence.unit ? (matchUnit(catalog, evidence.unit)?.code ?? "") : "";
  const kind = evidence.qualitative === true ? "q" : evidence.qualitative === false ? "n" : "";
  return matchIndicatorMemo(catalog, `${unit}\u0000${kind}\u0000${name}`);
}

const matchIndicatorMemo = remembered((catalog: Catalog, keyed: string) => {
  const [unit, kind, name] = keyed.split("\u0000");
  return matchIndicatorUncached(catalog, name, unit, kind);
});

/**
 * How well a name's wording matches each catalog entry, before any evidence: what the
 * row's unit and target kind change is cheap, the wording is not, and the same name
 * comes with different evidence (a row's target read as words in one file, as a number
 * in another). Entries in the order they first scored above zero; null for a name with
 * no words to compare.
 */
const wordingScores = remembered((catalog: Catalog, name: string): [CatalogIndicator, number][] | null => {
  const key = wordingKey(name);
  // Stryker disable next-line ConditionalExpression: a name with no words scores 0 against every key, so it has no candidate either way
  if (!key) return null;
  const index = indexOf(catalog);
  const input = profileOfKey(key);
  const words = [...new Set(key.split(" "))];
  const weights = words.map(index.weightOf);
  let inputWeight = 0;
  for (const w of weights) inputWeight += w;
  // Per key: the weight of the words in common (added in the order of the words typed)
  // and the bigrams in common, from the inverted lists.
  const common = new Float64Array(index.keys.length);
  // Stryker disable next-line EqualityOperator: one step past the end looks up an undefined word, which no key has
  for (let i = 0; i < words.length; i++) {
    for (const k of index.byWord.get(words[i]) ?? []) common[k] += weights[i];
  }
  const overlap = new Int32Array(index.keys.length);
  // Stryker disable next-line EqualityOperator: one step past the end looks up an undefined bigram, which no key has
  for (let g = 0; g < input.ids.length; g++) {
    const post = index.byGram.get(input.ids[g]);
    if (!post) continue;
    const n = input.counts[g];
    // Stryker disable next-line EqualityOperator: one step past the end adds to an undefined index of the typed array, which ignores it
    for (let j = 0; j < post.keys.length; j++) overlap[post.keys[j]] += Math.min(n, post.counts[j]);
  }
  const scores = new Map<CatalogIndicator, number>();
  index.keys.forEach((k, i) => {
    const precision = inputWeight ? common[i] / inputWeight : 0;
    const recall = k.weight ? common[i] / k.weight : 0;
    const f = precision + recall ? (1.25 * precision * recall) / (0.25 * precision + recall) : 0;
    // The Dice coefficient of the bigrams, as profileSimilarity computes it.
    // Stryker disable next-line ConditionalExpression: the Dice coefficient of a key with itself is 1 anyway
    const dice = !k.profile.key ? 0 : k.profile.key === input.key ? 1 : (2 * overlap[i]) / (k.profile.size + input.size);
    const s = Math.max(dice, f);
    // Stryker disable next-line EqualityOperator: keeping an equal score again changes nothing
    if (s > (scores.get(k.item) ?? 0)) scores.set(k.item, s);
  });
  return [...scores];
});

/**
 * Two measures, the higher wins: character bigrams of the whole key (typos, missing
 * accents, words run together) and the share of telling words in common, weighted
 * towards the words typed (a name cut short, or with a word left out, still names its
 * indicator). Then the row's unit and target kind nudge the ranking.
 */
function matchIndicatorUncached(catalog: Catalog, name: string, unitCode: string, kind: string): MatchResult<CatalogIndicator> {
  const wording = wordingScores(catalog, name);
  if (!wording) return { best: null, candidates: [] };
  const rowUnit = unitCode ? unitByCode(catalog, unitCode) : null;
  const scores = new Map<CatalogIndicator, number>();
  for (const [item, s] of wording) {
    let adjusted = s;
    const own = item.unit ? unitByCode(catalog, item.unit) : null;
    if (rowUnit && own) {
      if (sameUnit(rowUnit.code, own.code)) adjusted += 0.04;
      else if (rowUnit.percent !== own.percent) adjusted -= 0.12;
      else adjusted -= 0.04;
    }
    if (kind) adjusted += (item.target.kind === "qualitative") === (kind === "q") ? 0.02 : -0.05;
    scores.set(item, Math.max(0, Math.min(1, roundTo(adjusted, 6))));
  }
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]).map(([item, confidence]) => ({ item, confidence }));
  const top = ranked[0];
  // A near-tie between two different indicators is not a match: ask a person.
  const tie = ranked[1] && top && top.confidence < 1 && top.confidence - ranked[1].confidence < 0.02;
  const best = top && top.confidence >= INDICATOR_THRESHOLD && !tie ? top : null;
  return { best, candidates: ranked.slice(0, 3) };
}

const nameTests = new WeakMap<Catalog, (name: string) => boolean>();

/**
 * Tells an indicator from a task by its name, for mixed tables: a confident catalog
 * match. One function per catalog, so readers can cache what they read with it.
 */
export function indicatorNameTest(catalog: Catalog): (name: string) => boolean {
  let test = nameTests.get(catalog);
  // Stryker disable next-line ConditionalExpression: made again on every call, the test is the same
  if (!test) {
    test = (name) => (matchIndicator(catalog, name).best?.confidence ?? 0) >= 0.9;
    nameTests.set(catalog, test);
  }
  return test;
}

// ---------- bodies ----------

interface BodyKey {
  body: Body;
  profile: Profile;
}

const bodyKeys = new WeakMap<Catalog, BodyKey[]>();

function bodyKeysOf(catalog: Catalog): BodyKey[] {
  let keys = bodyKeys.get(catalog);
  // Stryker disable next-line ConditionalExpression: built again on every call, the keys are the same
  if (!keys) {
    keys = catalog.bodies.flatMap((body) => spellingsOf(body).map((text) => ({ body, profile: profileOfKey(foldKey(text)) })));
    bodyKeys.set(catalog, keys);
  }
  return keys;
}

function typeWordOf(text: string): UnitType | null {
  const k = ` ${foldKey(text)} `;
  if (/ phuong /.test(k)) return "phuong";
  if (/ xa (?!hoi )/.test(k)) return "xa"; // "Văn hóa - Xã hội" is not the type word
  return null;
}

export interface BodyMatch {
  text: string;
  body: Body | null;
  confidence: number;
  /** "xã"/"phường" as written in this mention, when it says one. */
  typeWord: UnitType | null;
  /** Set when the text is a known ambiguous name ("Văn phòng"). */
  ambiguous?: string[];
  candidates: Match<Body>[];
  /**
   * A near miss of one of the body's spellings (a letter doubled or dropped, a missing
   * diacritic, "VH-XXH"): the spelling meant, with the type word as written.
   */
  typo?: string;
  /** A party outside the commune's bodies that plans legitimately name: its kind ("ngân hàng, tổ chức tín dụng"). */
  outside?: string;
}

export const matchBody: (catalog: Catalog, text: string) => BodyMatch = remembered(matchBodyUncached);

function matchBodyUncached(catalog: Catalog, text: string): BodyMatch {
  const cleaned = clean(text).replace(/[.;,:]+$/, "");
  const key = foldKey(cleaned);
  const typeWord = typeWordOf(cleaned);
  const amb = catalog.ambiguousBodies.find((a) => foldKey(a.text) === key);
  if (amb) return { text: cleaned, body: null, confidence: 0, typeWord, ambiguous: amb.candidates, candidates: [] };
  const scores = new Map<Body, number>();
  const input = profileOfKey(key);
  for (const k of bodyKeysOf(catalog)) {
    const s = profileSimilarity(k.profile, input);
    // Stryker disable next-line EqualityOperator: keeping an equal score again changes nothing
    if (s > (scores.get(k.body) ?? 0)) scores.set(k.body, s);
  }
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]).map(([item, confidence]) => ({ item, confidence }));
  const top = ranked[0];
  const candidates = ranked.slice(0, 3);
  const written = normalize(cleaned);
  // A near miss of a known spelling, matched or not: flagged with the spelling meant.
  // Stryker disable next-line MethodExpression: a text a letter or two from a spelling shares its bigrams and ranks in the top three
  for (const c of ranked.slice(0, 3)) {
    const spellings = spellingsOf(c.item);
    if (spellings.some((sp) => normalize(sp) === written)) break; // written as the catalog writes it
    const near = nearMiss(written, spellings);
    if (near) return { text: cleaned, body: c.item, confidence: c.confidence, typeWord, candidates, typo: near };
  }
  if (top && top.confidence >= BODY_THRESHOLD) return { text: cleaned, body: top.item, confidence: top.confidence, typeWord, candidates };
  const outside = outsideKind(key);
  return { text: cleaned, body: null, confidence: 0, typeWord, candidates, ...(outside ? { outside } : {}) };
}

/** Every way the catalog writes a body, with "{unit}" filled in both ways. */
function spellingsOf(body: Body): string[] {
  return [body.name, body.short, ...body.aliases].flatMap((t) =>
    // Stryker disable next-line Regex: the catalog writes one space before "{unit}", and keys and spellings are compared cleaned
    t.includes("{unit}") ? [t.replace("{unit}", "xã"), t.replace("{unit}", "phường"), t.replace(/\s*\{unit\}/, "")] : [t],
  );
}

/**
 * The spelling a text misses by a letter or two (edits within the words, the same
 * number of words): "Phòng Văn hoáa - Xã hội", "Phòng Văn hoa - Xã hội", "TTPVHC".
 * A text written wholly without accents is a way of typing, not a slip: not a near miss.
 */
function nearMiss(written: string, spellings: string[]): string | null {
  if (foldKey(written) === written.replace(/[^\p{L}\p{N}%]+/gu, " ").trim() && !/[đ]/.test(written)) {
    if (spellings.some((sp) => foldKey(sp) === foldKey(written))) return null;
  }
  const words = written.split(" ").length;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const sp of spellings) {
    const n = normalize(sp);
    if (n.split(" ").length !== words) continue;
    const limit = n.length >= 10 ? 2 : 1;
    const d = editDistance(written, n, limit);
    // Stryker disable next-line ConditionalExpression: d is never 0 here, a text written as a spelling of this body stopped the search before
    if (d >= 1 && d <= limit && d < bestDistance) [best, bestDistance] = [sp, d];
  }
  return best;
}

/** Damerau-Levenshtein distance (adjacent swaps count one), stopping early past `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      // Stryker disable next-line ConditionalExpression,EqualityOperator: at i or j = 1 the letter before is undefined, never equal to a letter
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i][j] = d;
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > limit) return limit + 1;
  }
  return rows[a.length][b.length];
}

const OUTSIDE_HEADS = OUTSIDE_PARTIES.flatMap((p) => p.heads.map((h) => ({ head: h, kind: p.kind }))).sort((a, b) => b.head.length - a.head.length);

/** The kind of outside party a mention names, by its first words ("Ngân hàng …", "Các …"). */
function outsideKind(key: string): string | null {
  for (const { head, kind } of OUTSIDE_HEADS) if (key === head || key.startsWith(head + " ")) return kind;
  return null;
}

/** A mention the catalog knows or can name (a body, a near miss, an outside party, an ambiguous name). */
function recognised(m: BodyMatch): boolean {
  return Boolean(m.body || m.outside || m.ambiguous);
}

/**
 * The bodies a lead or coordinating cell names. Splits on ";", line breaks, commas and
 * " và ", except where the separator belongs to a name: "Phòng Kinh tế, Hạ tầng và Đô
 * thị", "Văn phòng HĐND và UBND xã", "Trung tâm Văn hóa, Thông tin và Thể thao" (known
 * names, longest first); "Các cơ quan, đơn vị có liên quan", "Hội, Đoàn thể" (a
 * collective phrase runs on over generic words); "Ngân hàng Nông nghiệp và PTNT chi
 * nhánh …" (an outside party's own name runs on until the next party). Text in
 * parentheses is a remark about the body, not another body.
 */
export const splitBodies: (catalog: Catalog, cell: string) => BodyMatch[] = remembered(splitBodiesUncached);

function splitBodiesUncached(catalog: Catalog, cell: string): BodyMatch[] {
  const out: BodyMatch[] = [];
  const withoutRemarks = clean(cell.replace(/\n/g, ";")).replace(/\([^)]*\)/g, " ");
  // Stryker disable next-line Regex: the empty parts between ";;" are skipped below
  for (const part of withoutRemarks.split(/;+/)) {
    // Pieces and the separators between them, so a joined run reads as written.
    // A "và" left at either end ("Phòng VH-XH và") is a separator with nothing beyond it.
    const bits = part.split(/(\s*,\s*|\s+và\s+|^\s*và\s+|\s+và\s*$)/iu);
    const pieces: string[] = [];
    const seps: string[] = [];
    for (let k = 0; k < bits.length; k++) {
      if (k % 2 === 0) {
        const piece = clean(bits[k]);
        if (piece) pieces.push(piece);
        // Stryker disable next-line ConditionalExpression: before the first piece no separator is kept, and popping an empty list does nothing
        else if (pieces.length) seps.pop();
      } else if (pieces.length) seps.push(bits[k].includes(",") ? ", " : " và ");
    }
    const join = (i: number, j: number) => pieces.slice(i, j + 1).reduce((acc, p, k) => (k === 0 ? p : acc + seps[i + k - 1] + p), "");
    let i = 0;
    while (i < pieces.length) {
      let taken: BodyMatch | null = null;
      let end = i;
      // 1. The longest run of pieces that is one known name.
      for (let j = pieces.length - 1; j > i; j--) {
        const m = matchBody(catalog, join(i, j));
        if (m.body && !m.typo && m.confidence >= 0.95) {
          taken = m;
          end = j;
          break;
        }
      }
      if (!taken) {
        taken = matchBody(catalog, pieces[i]);
        // 2. A collective phrase, an outside party's name or a name not in the list
        // ("Phòng Tài nguyên và Môi trường", an office of before 2025) runs on over
        // what is not a party of its own.
        if (taken.outside || (taken.body?.collective && !taken.typo) || !recognised(taken)) {
          while (end + 1 < pieces.length && continues(catalog, pieces[end + 1], seps[end])) end++;
          // Stryker disable next-line ConditionalExpression,EqualityOperator: a run of one piece is matched again as itself
          if (end > i) {
            const m = matchBody(catalog, join(i, end));
            taken = recognised(m) ? m : { ...taken, text: join(i, end) };
          }
        }
      }
      out.push(taken);
      i = end + 1;
    }
  }
  return out;
}

/** Words that only say "and other such bodies" ("ban", "ngành", "đơn vị", "đoàn thể"). */
const GENERIC_BODY_WORDS = /^(cac )?(phong|ban|nganh|don vi|doan the|hoi|co quan|to chuc|doanh nghiep|truong|dia phuong|ap|khu pho|to dan pho|thon|ca nhan|ho gia dinh)( |$)/;

/** Whether a piece carries on the name before it rather than naming a party of its own. */
function continues(catalog: Catalog, piece: string, sep: string): boolean {
  const key = foldKey(piece);
  const own = matchBody(catalog, piece);
  // "Phòng Kinh tế" after "Các doanh nghiệp," starts with a generic word yet names one body.
  if (own.body && !own.body.collective && !own.typo && own.confidence >= 0.95) return false;
  if (GENERIC_BODY_WORDS.test(key) && (sep.includes(",") || /^[\p{Ll}]/u.test(piece))) return true;
  return !recognised(own) && !BODY_HEADS.test(key);
}

/** How the name of a body of the commune starts: such a piece is a body of its own, not the end of another's name. */
const BODY_HEADS = /^(phong|ban|trung tam|van phong|cong an|tram|dang uy|uy ban|ubnd|to|bo phan|doi|hdnd|hoi dong)( |$)/;

/** The name of a body as a commune or ward writes it ("Công an phường"). */
export function bodyName(body: Body, type: UnitType): string {
  return body.name.replace("{unit}", type === "phuong" ? "phường" : "xã");
}

// ---------- units of measure ----------

const unitKeys = new WeakMap<Catalog, Map<string, UnitOfMeasure>>();

/** A unit by what a row writes: its code or an alias, without accents; the first unit in the list wins. */
export function matchUnit(catalog: Catalog, text: string): UnitOfMeasure | null {
  const key = foldKey(text);
  // Stryker disable next-line ConditionalExpression: no unit has an empty spelling, so an empty key finds none either way
  if (!key) return null;
  let keys = unitKeys.get(catalog);
  // Stryker disable next-line ConditionalExpression: made again on every call, the keys are the same
  if (!keys) {
    keys = new Map();
    for (const u of catalog.units) {
      for (const t of [u.code, ...u.aliases]) {
        const k = foldKey(t);
        if (!keys.has(k)) keys.set(k, u);
      }
    }
    unitKeys.set(catalog, keys);
  }
  return keys.get(key) ?? null;
}

/**
 * Two unit codes that mean the same unit: "Số sáng kiến" and "Sáng kiến", "Số người"
 * and "Người" ("Số", "Số lượng" only say it is a count).
 */
export function sameUnit(a: string, b: string): boolean {
  return a === b || bareUnit(a) === bareUnit(b);
}

const bareUnits = new Map<string, string>();

function bareUnit(text: string): string {
  let bare = bareUnits.get(text);
  // Stryker disable next-line ConditionalExpression: worked out again, the bare unit is the same
  if (bare === undefined) {
    // "Số" with its accent or none at all: "Sổ hộ khẩu" (a register) is not a count of "hộ khẩu".
    bare = foldKey(normalize(text).replace(/^(số|so)( lượng| luong)? /u, ""));
    // Stryker disable next-line ConditionalExpression,EqualityOperator: forgetting answers sooner or later costs time only
    if (bareUnits.size >= MEMO_LIMIT) bareUnits.clear();
    bareUnits.set(text, bare);
  }
  return bare;
}

const unitCodes = new WeakMap<Catalog, Map<string, UnitOfMeasure>>();

export function unitByCode(catalog: Catalog, code: string | null): UnitOfMeasure | null {
  if (code === null) return null;
  let byCode = unitCodes.get(catalog);
  // Stryker disable next-line ConditionalExpression: made again on every call, the map is the same
  if (!byCode) {
    byCode = new Map();
    // The first unit with a code wins, as a search of the list would find it.
    for (const u of catalog.units) if (!byCode.has(u.code)) byCode.set(u.code, u);
    unitCodes.set(catalog, byCode);
  }
  return byCode.get(code) ?? null;
}

// ---------- communes ----------

/** The commune's type on a date: the ten xã that became phường on 30/4/2026 are xã before it. */
export function communeTypeOn(c: Commune, date: IsoDate | null): UnitType {
  if (c.change && date !== null && date >= c.change.from) return c.change.to;
  if (c.change && date === null) return c.change.to;
  return c.type;
}

export function communeLabel(c: Commune, date: IsoDate | null): string {
  return `${communeTypeOn(c, date) === "phuong" ? "Phường" : "Xã"} ${c.name}`;
}

/**
 * A commune by name. Names differ by accents and word order alone ("Lộc Thành" and
 * "Lộc Thạnh", "Phước Bình" and "Bình Phước" are four communes), so only an exact
 * match (case, spaces, "Hoà"/"Hòa" settled) counts as 1; an accent-free match counts
 * when it names one commune only; anything looser is a candidate, never a match.
 */
export const matchCommune: (catalog: Catalog, text: string) => MatchResult<Commune> = remembered(matchCommuneUncached);

interface CommuneKey {
  item: Commune;
  /** The name as written, case and tone placement settled. */
  exact: string;
  /** Without accents. */
  folded: string;
  profile: Profile;
}

const communeKeys = new WeakMap<Catalog, CommuneKey[]>();

/** The communes' matching forms, made once per catalog: every heading and file name is compared with all of them. */
function communeKeysOf(catalog: Catalog): CommuneKey[] {
  let keys = communeKeys.get(catalog);
  // Stryker disable next-line ConditionalExpression: made again on every call, the keys are the same
  if (!keys) {
    keys = catalog.communes.map((item) => {
      const folded = foldKey(item.name);
      return { item, exact: normalize(item.name), folded, profile: profileOfKey(folded) };
    });
    communeKeys.set(catalog, keys);
  }
  return keys;
}

function matchCommuneUncached(catalog: Catalog, text: string): MatchResult<Commune> {
  const bare = clean(text).replace(/^(ủy ban nhân dân|uỷ ban nhân dân|ubnd)\s+/i, "").replace(/^(xã|phường)\s+/i, "");
  const exact = normalize(bare);
  if (!exact) return { best: null, candidates: [] };
  const folded = foldKey(bare);
  const keys = communeKeysOf(catalog);
  const sameFold = keys.filter((k) => k.folded === folded);
  const input = profileOfKey(folded);
  const ranked = keys
    .map((k) => ({ item: k.item, confidence: k.exact === exact ? 1 : sameFold.length === 1 && sameFold[0] === k ? 0.95 : Math.min(0.9, profileSimilarity(k.profile, input)) }))
    .sort((a, b) => b.confidence - a.confidence);
  const best = ranked[0] && ranked[0].confidence >= 0.95 ? ranked[0] : null;
  return { best, candidates: ranked.slice(0, 3) };
}

export interface CommuneInText {
  commune: Commune | null;
  /** The type word the text uses ("xã" in "UBND xã Nhơn Trạch"). */
  writtenType: UnitType;
  writtenName: string;
  candidates: Match<Commune>[];
}

/**
 * The commune or ward a sheet's heading names: "ỦY BAN NHÂN DÂN XÃ TÂN LỢI",
 * "(Kèm theo Kế hoạch ... của UBND phường Minh Hưng)", "trên địa bàn xã Nhơn Trạch".
 */
export function findCommune(catalog: Catalog, lines: string[]): CommuneInText | null {
  let unmatched: CommuneInText | null = null;
  for (const line of lines) {
    for (const m of clean(line).matchAll(/(?:^|[\s(])(xã|phường)\s+([^\s,.;:()]+(?:\s+[^\s,.;:()]+){0,3})/giu)) {
      const writtenType: UnitType = /ph/i.test(m[1]) ? "phuong" : "xa";
      const words = m[2].split(/\s+/);
      if (foldKey(words[0]) === "hoi") continue; // "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
      // Names have one to four words; try the longest first ("Nhơn Trạch năm 2026" → "Nhơn Trạch").
      // Stryker disable next-line MethodExpression: the pattern takes four words at most, so the longer of 4 and their number is their number
      for (let k = Math.min(4, words.length); k >= 1; k--) {
        const writtenName = words.slice(0, k).join(" ");
        const r = matchCommune(catalog, writtenName);
        if (r.best) return { commune: r.best.item, writtenType, writtenName, candidates: r.candidates };
      }
      const guess = matchCommune(catalog, words.slice(0, 2).join(" "));
      unmatched ??= { commune: null, writtenType, writtenName: words.slice(0, 2).join(" "), candidates: guess.candidates };
    }
  }
  return unmatched;
}
