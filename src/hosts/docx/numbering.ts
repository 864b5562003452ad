/**
 * Word's automatic numbering (numbering.xml): a paragraph says "list 3, level 0" and
 * Word draws "1.", "II", "a)" in front of it; the number is in no text node. To read a
 * number column as an official sees it, the counters are replayed in document order.
 *
 * What Word does, and this follows: every w:num points at a w:abstractNum, and the
 * w:num of one abstractNum continue each other's count (that is how "continue
 * numbering" works) unless a w:lvlOverride/w:startOverride restarts a level when that
 * w:num is first used. A level restarts whenever a higher level is used, unless its
 * w:lvlRestart says otherwise. Paragraph styles may carry the numbering too.
 */
import { child, children, elementTree, intAttr, isOn, wAttr, type Element } from "./xml";

interface Level {
  start: number;
  format: string;
  text: string;
  /** One-based level whose use restarts this one; 0 never; undefined: any higher level. */
  restart?: number;
  legal: boolean;
}

interface NumDefinition {
  abstractId: string;
  overrides: Map<number, { start?: number; level?: Level }>;
}

export interface ListLabel {
  /** What Word draws: "1.", "II", "a)", "•". */
  label: string;
  bullet: boolean;
}

export interface NumberingRef {
  numId: string;
  ilvl: number;
}

const MAX_LEVELS = 9;

export class Numbering {
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly started = new Set<string>();

  private constructor(
    private readonly abstracts: Map<string, Map<number, Level>>,
    private readonly nums: Map<string, NumDefinition>,
    private readonly styles: Map<string, { basedOn?: string; numbering?: NumberingRef | null }>,
  ) {}

  static parse(numberingXml: Uint8Array | null, stylesXml: Uint8Array | null): Numbering {
    const abstracts = new Map<string, Map<number, Level>>();
    const nums = new Map<string, NumDefinition>();
    if (numberingXml) {
      const root = elementTree(numberingXml);
      const numberingEl = child(root, "numbering");
      for (const a of numberingEl ? children(numberingEl, "abstractNum") : []) {
        const levels = new Map<number, Level>();
        for (const l of children(a, "lvl")) levels.set(intAttr(l.tag, "ilvl") ?? 0, levelOf(l));
        abstracts.set(wAttr(a.tag, "abstractNumId") ?? "", levels);
      }
      for (const n of numberingEl ? children(numberingEl, "num") : []) {
        const abstractId = child(n, "abstractNumId");
        const overrides = new Map<number, { start?: number; level?: Level }>();
        for (const o of children(n, "lvlOverride")) {
          const start = child(o, "startOverride");
          const lvl = child(o, "lvl");
          overrides.set(intAttr(o.tag, "ilvl") ?? 0, {
            ...(start ? { start: intAttr(start.tag, "val") ?? 0 } : {}),
            ...(lvl ? { level: levelOf(lvl) } : {}),
          });
        }
        nums.set(wAttr(n.tag, "numId") ?? "", { abstractId: abstractId ? (wAttr(abstractId.tag, "val") ?? "") : "", overrides });
      }
    }
    const styles = new Map<string, { basedOn?: string; numbering?: NumberingRef | null }>();
    if (stylesXml) {
      const root = elementTree(stylesXml);
      const stylesEl = child(root, "styles");
      for (const s of stylesEl ? children(stylesEl, "style") : []) {
        if ((wAttr(s.tag, "type") ?? "paragraph") !== "paragraph") continue;
        const basedOn = child(s, "basedOn");
        const numPr = child(s, "pPr") && child(child(s, "pPr")!, "numPr");
        styles.set(wAttr(s.tag, "styleId") ?? "", {
          ...(basedOn ? { basedOn: wAttr(basedOn.tag, "val") } : {}),
          ...(numPr ? { numbering: refOf(numPr) } : {}),
        });
      }
    }
    return new Numbering(abstracts, nums, styles);
  }

  /** The numbering a paragraph style gives (following basedOn), if any. */
  styleNumbering(styleId: string): NumberingRef | null {
    const seen = new Set<string>();
    let id: string | undefined = styleId;
    while (id !== undefined && !seen.has(id)) {
      seen.add(id);
      const s = this.styles.get(id);
      if (!s) return null;
      if (s.numbering !== undefined) return s.numbering;
      id = s.basedOn;
    }
    return null;
  }

  /**
   * Count one numbered paragraph and return what Word draws for it, or null when the
   * reference leads nowhere (numId 0 means "no numbering").
   */
  next(ref: NumberingRef): ListLabel | null {
    const num = this.nums.get(ref.numId);
    if (!num || ref.numId === "0") return null;
    const levels = this.abstracts.get(num.abstractId);
    if (!levels) return null;
    const levelAt = (i: number): Level | undefined => num.overrides.get(i)?.level ?? levels.get(i);
    const ilvl = Math.max(0, Math.min(MAX_LEVELS - 1, ref.ilvl));
    const level = levelAt(ilvl);
    if (!level) return null;

    let counts = this.counters.get(num.abstractId);
    if (!counts) this.counters.set(num.abstractId, (counts = []));
    if (!this.started.has(ref.numId)) {
      this.started.add(ref.numId);
      for (const [i, o] of num.overrides) if (o.start !== undefined && i < MAX_LEVELS) counts[i] = o.start - 1;
    }
    counts[ilvl] = counts[ilvl] === undefined ? level.start : counts[ilvl]! + 1;
    for (let deeper = ilvl + 1; deeper < MAX_LEVELS; deeper++) {
      const restart = levelAt(deeper)?.restart;
      if (restart === undefined || (restart > 0 && ilvl < restart)) counts[deeper] = undefined;
    }

    if (level.format === "bullet") return { label: symbolText(level.text), bullet: true };
    const label = level.text.replace(/%([1-9])/g, (_, k: string) => {
      const i = Number(k) - 1;
      const l = levelAt(i);
      if (!l) return "";
      const value = counts![i] ?? l.start;
      return formatNumber(value, level.legal && i < ilvl ? "decimal" : l.format);
    });
    return { label, bullet: false };
  }
}

function levelOf(l: Element): Level {
  const start = child(l, "start");
  const fmt = child(l, "numFmt");
  const text = child(l, "lvlText");
  const restart = child(l, "lvlRestart");
  const legal = child(l, "isLgl");
  return {
    // ECMA-376 §17.9.26: without w:start the count starts at 0 (Word always writes it).
    start: start ? (intAttr(start.tag, "val") ?? 0) : 0,
    format: fmt ? (wAttr(fmt.tag, "val") ?? "decimal") : "decimal",
    text: text ? (wAttr(text.tag, "val") ?? "") : "",
    ...(restart ? { restart: intAttr(restart.tag, "val") ?? 0 } : {}),
    legal: legal ? isOn(legal.tag) : false,
  };
}

function refOf(numPr: Element): NumberingRef | null {
  const numId = child(numPr, "numId");
  const ilvl = child(numPr, "ilvl");
  if (!numId) return null;
  return { numId: wAttr(numId.tag, "val") ?? "0", ilvl: ilvl ? (intAttr(ilvl.tag, "val") ?? 0) : 0 };
}

const ROMAN: [number, string][] = [
  [1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"],
  [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"],
];

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  let out = "";
  for (const [v, s] of ROMAN) while (n >= v) {
    out += s;
    n -= v;
  }
  return out;
}

/** Word's letters: A … Z, then AA, BB, … (the letter repeated, not AA, AB). */
function letters(n: number): string {
  if (n <= 0) return String(n);
  const letter = String.fromCharCode(65 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

/** A counter in one of Word's number formats (ST_NumberFormat); unknown formats as decimal. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case "decimalZero":
      return n >= 0 && n < 10 ? `0${n}` : String(n);
    case "upperRoman":
      return roman(n);
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "upperLetter":
      return letters(n);
    case "lowerLetter":
      return letters(n).toLowerCase();
    case "decimalEnclosedParen":
      return `(${n})`;
    case "decimalEnclosedFullstop":
      return `${n}.`;
    case "none":
      return "";
    default:
      return String(n);
  }
}

/**
 * Symbol-font characters as Unicode. Word stores a symbol picked from the Symbol or
 * Wingdings font as a private-use code point (U+F0xx); bullets and "≥" typed through
 * Insert → Symbol arrive that way.
 */
const SYMBOL_FONT: Record<number, string> = {
  0xa3: "≤", 0xb3: "≥", 0xb9: "≠", 0xb1: "±", 0xb4: "×", 0xb8: "÷", 0xae: "→", 0xb7: "•", 0xa7: "▪", 0x2d: "-", 0xd8: "➢", 0xfc: "✓",
};

export function symbolText(text: string): string {
  return [...text]
    .map((ch) => {
      const code = ch.codePointAt(0)!;
      if (code >= 0xf000 && code <= 0xf0ff) return SYMBOL_FONT[code - 0xf000] ?? "•";
      return ch;
    })
    .join("");
}
