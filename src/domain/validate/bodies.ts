/**
 * Checks of the lead / coordinating / monitoring cells (rõ người): present, naming
 * bodies the commune actually has, with the right "xã"/"phường" word, and spelled
 * the canonical way.
 *
 * Spelling convention: the canonical FULL name (“Phòng Văn hóa - Xã hội”, “Văn phòng
 * HĐND và UBND xã”) is what a fix writes, because it reads unambiguously on paper
 * for people outside the commune (the province's consolidators). The catalog's short
 * form (“Phòng VH-XH”, “Trung tâm PVHCC”) is accepted as canonical too and raises
 * nothing: every plan uses it and it is unambiguous. Anything else (“Trung tâm PV
 * HCC”, “VP HĐND & UBND”, an en dash, old tone placement) gets an info finding, only
 * when the cell names exactly one body, so the fix never has to rewrite a list.
 * Differences of letter case alone are not reported (see checkSpelling).
 */
import type { Body, UnitType } from "../../catalog/types";
import type { Cell, Role, TableRow } from "../reader";
import type { Fix } from "../finding";
import { bodyName, splitBodies, type BodyMatch, type Catalog } from "../match";
import { clean, foldKey, similarity } from "../text";
import { add, addressOf, column, orList, q, typeWord, type CheckEnv } from "./env";

const ROLE_WORDS: Partial<Record<Role, string>> = { lead: "Đơn vị chủ trì", coordinating: "Đơn vị phối hợp", monitoring: "Đơn vị theo dõi" };

/** A table without a lead column is told so once (column-missing), not on every row. */
export function checkBodies(env: CheckEnv, row: TableRow): void {
  const lead = row.cells.lead;
  if (column(env, "lead") && !lead?.text) {
    const what = row.kind === "task" ? "nhiệm vụ" : "chỉ tiêu";
    add(env, "lead-missing", addressOf(row, "lead", env)!, `${what[0].toUpperCase()}${what.slice(1)} chưa có đơn vị chủ trì (rõ người); hãy ghi đơn vị chịu trách nhiệm chính.`);
  }
  for (const role of ["lead", "coordinating", "monitoring"] as const) {
    const cell = row.cells[role];
    // A cell merged down over several rows is checked once, at its own row (the report
    // would keep one finding per cell anyway: this only saves the work).
    // Stryker disable next-line ConditionalExpression: tidy() drops the repeats
    if (!cell?.text || cell.row !== row.row) continue;
    checkBodyCell(env, cell, role);
  }
}

function checkBodyCell(env: CheckEnv, cell: Cell, role: Role): void {
  const mentions = splitBodies(env.catalog, cell.text);
  const raw = typeof cell.value === "string" ? cell.value.normalize("NFC") : cell.text;
  const type = env.unitType;
  const pending: { code: "body-type-word" | "body-wrong-type"; message: string; mention: BodyMatch; by: string | null }[] = [];

  for (const m of mentions) {
    if (m.typo && m.body) {
      // The spelling meant when it is one the pane accepts (full name, short form), else the full name.
      const accepted = (type ? [type] : (["xa", "phuong"] as UnitType[])).flatMap((t) => [bodyName(m.body!, t), m.body!.short.replace("{unit}", typeWord(t))]);
      const by = accepted.includes(m.typo) ? m.typo : nameFor(m.body, type ?? m.typeWord);
      const fixed = replaceMentions(raw, mentions, (x) => (x === m ? by : undefined));
      add(
        env,
        "body-typo",
        cell.address,
        `${ROLE_WORDS[role]} ${q(m.text)} có vẻ viết sai chính tả; có phải là ${q(by)}?`,
        fixed !== null ? { label: `Sửa thành ${q(by)}`, cell: cell.address, value: fixed } : undefined,
      );
      continue;
    }
    if (m.outside) continue; // a hamlet, a bank, a school…: a party plans name, not a body of the commune
    if (m.ambiguous) {
      const names = m.ambiguous.map((code) => env.catalog.bodies.find((b) => b.code === code)).filter((b): b is Body => !!b);
      add(
        env,
        "body-ambiguous",
        cell.address,
        `${ROLE_WORDS[role]} ${q(m.text)} không rõ là đơn vị nào: có thể là ${orList(names.map((b) => q(nameFor(b, type))))}; hãy ghi tên đầy đủ.`,
      );
      continue;
    }
    if (!m.body) {
      // Near names the commune has: not a ward's own body on a commune's plan, nor the other way.
      const near = m.candidates
        .filter((c) => c.confidence >= 0.5 && !(type && c.item.only && c.item.only !== type) && sharesTellingWords(env.catalog, m.text, c.item))
        .map((c) => q(nameFor(c.item, type)));
      add(
        env,
        "body-unknown",
        cell.address,
        `${ROLE_WORDS[role]} ${q(m.text)} không có trong danh mục cơ quan, đơn vị của xã, phường` + (near.length ? `; tên gần nhất: ${near.join(", ")}.` : "."),
      );
      continue;
    }
    const body = m.body;
    if (type && body.only && body.only !== type) {
      const counterpart = counterpartOf(env, body, type);
      const by = counterpart ? nameFor(counterpart, type) : null;
      pending.push({
        code: "body-wrong-type",
        message:
          `${q(m.text)} chỉ có ở ${typeWord(body.only)}, không có ở ${typeWord(type)}` + (by ? `; ${typeWord(type)} có ${q(by)}.` : "."),
        mention: m,
        by,
      });
      continue;
    }
    if (type && m.typeWord && m.typeWord !== type) {
      // The standard name: with the right word where it has one ("Công an phường"), and without
      // the stray word where it has none ("Phòng Văn hóa - Xã hội xã" → "Phòng Văn hóa - Xã hội"),
      // as the spelling check writes it on a plan of the other type.
      const by = bodyName(body, type);
      pending.push({
        code: "body-type-word",
        message: `Kế hoạch của ${typeWord(type)} nhưng ghi ${q(m.text)}; phải là ${q(by)}.`,
        mention: m,
        by,
      });
      continue;
    }
    if (mentions.length === 1) checkSpelling(env, cell, raw, body, m);
  }

  // Stryker disable next-line ConditionalExpression: with nothing pending the loop below adds nothing; this saves the search
  if (pending.length === 0) return;
  // All replacements in one cell make one new value, so every fix on the cell agrees.
  const fixed = replaceMentions(raw, mentions, (x) => pending.find((p) => p.mention === x)?.by ?? undefined);
  for (const p of pending) {
    const fix: Fix | undefined = p.by && fixed !== null ? { label: `Sửa ${q(p.mention.text)} thành ${q(p.by)}`, cell: cell.address, value: fixed } : undefined;
    add(env, p.code, cell.address, p.message, fix);
  }
}

function nameFor(body: Body, type: UnitType | null): string {
  // Stryker disable next-line Regex: every name writes a space before "{unit}"
  return type ? bodyName(body, type) : body.name.replace(/\s*\{unit\}/, "");
}

/** The body of the other kind of commune that does the same job (Phòng Kinh tế ↔ Phòng Kinh tế, Hạ tầng và Đô thị). */
function counterpartOf(env: CheckEnv, body: Body, type: UnitType): Body | null {
  const options = env.catalog.bodies.filter((b) => b.only === type);
  let best: Body | null = null;
  let score = 0;
  for (const b of options) {
    const s = similarity(b.name, body.name);
    if (s > score) [best, score] = [b, s];
  }
  return score >= 0.5 ? best : null;
}

const DASH_CLASS = "[-\\u2010-\\u2015\\u2212\\uFE58\\uFE63\\uFF0D]";

// The same mentions recur on many rows and in every commune's file.
const mentionPatterns = new Map<string, RegExp>();

/** A pattern finding a mention (as splitBodies cleaned it) inside the raw cell text. */
function mentionPattern(text: string): RegExp {
  let pattern = mentionPatterns.get(text);
  // Stryker disable next-line ConditionalExpression: building the pattern again gives the same pattern
  if (!pattern) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: the bound only limits memory; every pattern is the same
    if (mentionPatterns.size >= 10_000) mentionPatterns.clear();
    mentionPatterns.set(text, (pattern = mentionPatternOf(text)));
  }
  return pattern;
}

function mentionPatternOf(text: string): RegExp {
  let src = "";
  for (const ch of clean(text)) {
    if (/\s/.test(ch)) src += "\\s+";
    else if (ch === "-") src += DASH_CLASS;
    else src += ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  // Stryker disable next-line StringLiteral: the mention is the cell's own text, cleaned: its case and letters are those of the cell
  return new RegExp(src, "iu");
}

/**
 * The raw text with some of its mentions replaced (`by` gives the new text, undefined
 * to keep one as typed) and everything else kept as typed; null when a mention to
 * replace is not found. `mentions` are all the cell's mentions in the order typed:
 * each is looked for after the one before, so a body named twice ("Phòng Kinh tế,
 * Phòng Kinh tế"), or inside a longer name typed before it, is replaced where it
 * stands and nowhere else.
 */
function replaceMentions(raw: string, mentions: readonly BodyMatch[], by: (m: BodyMatch) => string | undefined): string | null {
  let out = "";
  let rest = raw;
  for (const mention of mentions) {
    const replacement = by(mention);
    const found = rest.match(mentionPattern(mention.text));
    if (!found || found.index === undefined) {
      if (replacement === undefined) continue; // a mention kept as typed need not be found
      return null;
    }
    out += rest.slice(0, found.index) + (replacement ?? found[0]);
    rest = rest.slice(found.index + found[0].length);
  }
  return out + rest;
}

function checkSpelling(env: CheckEnv, cell: Cell, raw: string, body: Body, m: BodyMatch): void {
  if (body.collective || /[()]/.test(raw)) return;
  const type = env.unitType ?? m.typeWord;
  const types: UnitType[] = type ? [type] : ["xa", "phuong"];
  const accepted = new Set<string>();
  for (const t of types) {
    accepted.add(bodyName(body, t));
    accepted.add(body.short.replace("{unit}", typeWord(t)));
  }
  const written = raw.replace(/[\s\u00A0]+/g, " ").trim();
  // Case alone is not reported: Excel's filters, COUNTIF and pivot tables ignore it,
  // whereas an en dash or "hoá" for "hóa" makes the focal point's totals split a body in two.
  // Vietnamese has no special casing rules, so the plain lower case is the Vietnamese one.
  // Stryker disable next-line MethodExpression: upper case would compare alike
  const lower = (t: string) => t.toLowerCase();
  if ([...accepted].some((a) => lower(a) === lower(written))) return;
  if (!type && body.name.includes("{unit}")) return; // no way to say which full name is right
  const full = type ? bodyName(body, type) : body.name;
  add(env, "body-spelling", cell.address, `${q(written)} nên ghi theo tên chuẩn ${q(full)}.`, {
    label: `Sửa thành ${q(full)}`,
    cell: cell.address,
    value: full,
  });
}

/** Each body's telling word pairs (see sharesTellingWords), per catalog. */
const tellingPairs = new WeakMap<Catalog, Map<Body, Set<string>>>();

/** Adjacent syllables ("văn hóa", "dịch vụ"): a Vietnamese word is mostly two syllables. */
function pairsOf(text: string): string[] {
  // Stryker disable next-line StringLiteral,MethodExpression: what stands for "{unit}" is in every such body's pairs, so never telling; foldKey leaves no empty word
  const syllables = foldKey(text.replace("{unit}", "")).split(" ").filter(Boolean);
  return syllables.slice(1).map((s, i) => `${syllables[i]} ${s}`);
}

/**
 * Whether a body's names share a telling word with what was written, so that a "tên
 * gần nhất" is near in meaning and not only in letters: "Phòng Văn hóa Thông tin" and
 * "Phòng Văn hóa - Xã hội" share "văn hóa", while "Phòng Tài chính" and "Đoàn Thanh
 * niên Cộng sản Hồ Chí Minh", or "nông nghiệp" and "doanh nghiệp", share only letters.
 * Words are compared as pairs of syllables, and a pair most bodies' names have
 * ("trung tâm", "văn phòng") tells nothing: telling pairs are those of at most a tenth
 * of the catalog's bodies (at least two).
 */
function sharesTellingWords(catalog: Catalog, text: string, body: Body): boolean {
  let byBody = tellingPairs.get(catalog);
  // Stryker disable next-line ConditionalExpression: counting again gives the same pairs
  if (!byBody) {
    const all = new Map(catalog.bodies.map((b) => [b, new Set([b.name, b.short, ...b.aliases].flatMap(pairsOf))] as const));
    const count = new Map<string, number>();
    for (const pairs of all.values()) for (const p of pairs) count.set(p, (count.get(p) ?? 0) + 1);
    const most = Math.max(2, Math.floor(catalog.bodies.length / 10));
    byBody = new Map([...all].map(([b, pairs]) => [b, new Set([...pairs].filter((p) => count.get(p)! <= most))] as const));
    tellingPairs.set(catalog, byBody);
  }
  const telling = byBody.get(body)!;
  return pairsOf(text).some((p) => telling.has(p));
}
