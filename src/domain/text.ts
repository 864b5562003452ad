/**
 * Text normalisation for matching what officials type against the province's lists.
 *
 * Two levels:
 * - `normalize` keeps the Vietnamese letters but settles the ways the same word is
 *   typed (NFC, case, old/new tone-mark placement, tỉ/tỷ, dashes, spaces, line breaks);
 * - `foldKey` drops every diacritic on top of that, for fuzzy matching and for
 *   search-as-you-type without accents.
 */

const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const SPACES = /[\s\u00A0\u2000-\u200B\u202F\u205F\u3000]+/g;
const ZERO_WIDTH = /[\u200B-\u200D\uFEFF]/g;
const QUOTES = /[\u2018\u2019\u201A\u201B\u2032]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033]/g;

/**
 * Old-style tone placement (hoá, thuỷ, khoẻ) → new style (hóa, thủy, khỏe).
 * Vietnamese has two conventions for the diphthongs oa, oe, uy at the end of a
 * syllable; both are correct and both occur in one document, so matching treats
 * them as one. Runs on lower-case text.
 */
const MARKS = ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]; // huyền, sắc, ngã, hỏi, nặng

function buildTonePlacement(): [RegExp, Record<string, string>] {
  const map: Record<string, string> = {};
  for (const [first, second] of [["o", "a"], ["o", "e"], ["u", "y"]]) {
    for (const mark of MARKS) {
      map[(first + second + mark).normalize("NFC")] = (first + mark + second).normalize("NFC");
    }
  }
  // Only where the diphthong ends the syllable ("hoàng" keeps its mark), and not
  // after q, where u belongs to the consonant ("quý" is right in both styles).
  const pattern = new RegExp(`(?<!q)(${Object.keys(map).join("|")})(?![\\p{L}])`, "gu");
  return [pattern, map];
}

const [TONE_PATTERN, TONE_MAP] = buildTonePlacement();

// Sheets repeat the same names, units and bodies on every row and in every commune's
// file; the regular expressions below cost more than the whole rest of reading, so
// each text's forms are remembered (bounded: cleared when full).
const CACHE_LIMIT = 50_000;
const normalized = new Map<string, string>();
const folded = new Map<string, string>();
const cleaned = new Map<string, string>();

function remembered(cache: Map<string, string>, text: string, f: (t: string) => string): string {
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const value = f(text);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, value);
  return value;
}

/** NFC, tidy whitespace and punctuation variants; keeps case and diacritics. */
export function clean(text: string): string {
  return remembered(cleaned, text, cleanUncached);
}

function cleanUncached(text: string): string {
  return text
    .normalize("NFC")
    .replace(ZERO_WIDTH, "")
    .replace(DASHES, "-")
    .replace(QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(SPACES, " ")
    .trim();
}

/**
 * The matching form of a text: clean, lower case, one tone placement, "tỉ" → "tỷ",
 * spaces around dashes and slashes settled. Idempotent.
 */
export function normalize(text: string): string {
  return remembered(normalized, text, normalizeUncached);
}

function normalizeUncached(text: string): string {
  // Vietnamese has no special casing rules (only Lithuanian, Turkish and Azeri do), so
  // the plain lower case is the Vietnamese one, without a locale look-up per call.
  const lower = clean(text).toLowerCase();
  return lower
    .replace(TONE_PATTERN, (m) => TONE_MAP[m] ?? m)
    .replace(/(^|[^\p{L}])tỉ(?![\p{L}])/gu, "$1tỷ")
    .replace(/\s*([-/&])\s*/g, " $1 ")
    .replace(/ {2,}/g, " ")
    .trim();
}

/** A key without any diacritics (đ → d), for fuzzy matching and accent-free search. */
export function foldKey(text: string): string {
  return remembered(folded, text, foldKeyUncached);
}

function foldKeyUncached(text: string): string {
  const decomposed = normalize(text).normalize("NFD");
  return foldAscii(decomposed) ?? foldAny(decomposed);
}

/** The folding below, for any text. */
function foldAny(decomposed: string): string {
  return decomposed
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/[^\p{L}\p{N}%]+/gu, " ")
    .trim();
}

const MARK = /^\p{M}$/u;
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;

/**
 * The same folding in one pass over the characters, for the texts it can decide alone:
 * Vietnamese decomposed is ASCII, "đ" and the combining marks U+0300–U+036F; other
 * characters of the basic plane ("≥", "…", "№") are asked one by one what they are.
 * A character outside it (a surrogate pair) leaves the text to `foldAny` (null).
 */
function foldAscii(decomposed: string): string | null {
  let out = "";
  let gap = false;
  for (let i = 0; i < decomposed.length; i++) {
    const c = decomposed.charCodeAt(i);
    let keep: string | null;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 37) keep = decomposed[i];
    else if (c === 0x111) keep = "d";
    else if (c >= 0x300 && c <= 0x36f) continue; // a combining mark: dropped, joining what it sat between
    else if (c < 128) keep = null;
    else if (c >= 0xd800 && c <= 0xdfff) return null;
    else if (MARK.test(decomposed[i])) continue;
    else keep = LETTER_OR_NUMBER.test(decomposed[i]) ? decomposed[i] : null;
    if (keep === null) gap = out !== "";
    else {
      if (gap) out += " ";
      gap = false;
      out += keep;
    }
  }
  return out;
}

/** Words of the folded key, for token-based similarity. */
export function tokens(text: string): string[] {
  const key = foldKey(text);
  return key ? key.split(" ") : [];
}

/**
 * A folded key's character bigrams, counted, as sorted integer ids: computed once
 * per text, compared with many (a merge of two sorted arrays, no hashing). A bigram's
 * id is its two UTF-16 code units packed into one integer, so no table of bigrams
 * is kept and no substring is made.
 */
export interface Profile {
  key: string;
  ids: Int32Array;
  counts: Int32Array;
  size: number;
}

const SPACE = 32;

export function profileOfKey(key: string): Profile {
  // The bigrams of each word padded with a space on both sides (" ab " → " a", "ab", "b ").
  const grams: number[] = [];
  let start = 0;
  for (let i = 0; i <= key.length; i++) {
    if (i < key.length && key.charCodeAt(i) !== SPACE) continue;
    if (i > start) {
      let prev = SPACE;
      for (let j = start; j < i; j++) {
        const c = key.charCodeAt(j);
        grams.push((prev << 16) | c);
        prev = c;
      }
      grams.push((prev << 16) | SPACE);
    }
    start = i + 1;
  }
  const sorted = Int32Array.from(grams).sort();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
  const ids = new Int32Array(distinct);
  const counts = new Int32Array(distinct);
  let k = -1;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) ids[++k] = sorted[i];
    counts[k]++;
  }
  return { key, ids, counts, size: sorted.length };
}

/** Dice coefficient of two profiles' bigrams, in [0, 1]. */
export function profileSimilarity(a: Profile, b: Profile): number {
  if (!a.key || !b.key) return 0;
  if (a.key === b.key) return 1;
  let overlap = 0;
  let i = 0;
  let j = 0;
  const ai = a.ids;
  const bi = b.ids;
  while (i < ai.length && j < bi.length) {
    if (ai[i] === bi[j]) {
      overlap += Math.min(a.counts[i++], b.counts[j++]);
    } else if (ai[i] < bi[j]) i++;
    else j++;
  }
  return (2 * overlap) / (a.size + b.size);
}

// The same names are compared again and again (communes, bodies, catalog entries).
const profiles = new Map<string, Profile>();

/** The bigram profile of a text's folded key, remembered (bounded: cleared when full). */
export function profileOf(text: string): Profile {
  const hit = profiles.get(text);
  if (hit) return hit;
  const profile = profileOfKey(foldKey(text));
  if (profiles.size >= CACHE_LIMIT) profiles.clear();
  profiles.set(text, profile);
  return profile;
}

/**
 * Similarity of two texts in [0, 1]: Dice coefficient over the folded words' bigrams
 * of characters, which tolerates re-ordered words, missing "xã"/"phường" and typos.
 */
export function similarity(a: string, b: string): number {
  return profileSimilarity(profileOf(a), profileOf(b));
}

/** True when a cell holds nothing a person would call content. */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && clean(value) === "");
}

/** A cell value as display text (numbers in plain form). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return clean(value);
  return String(value);
}
