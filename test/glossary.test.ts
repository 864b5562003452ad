/**
 * One glossary for everything people read (docs/thuat-ngu.md): every string of the
 * task pane, the web page and the command line, the README and the help page use
 * its words, never the variants it lists, and place tone marks the one way it says.
 * Only what people read is scanned: string literals and JSX text in the code (not
 * identifiers, imports or comments), and the text of the two documents.
 */
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";

const ROOT = path.join(__dirname, "..");
const GLOSSARY = fs.readFileSync(path.join(ROOT, "docs", "thuat-ngu.md"), "utf8");

/** The glossary's rows: the word to use and the variants not to. */
function rows(): { use: string; avoid: string[] }[] {
  return GLOSSARY.split("\n")
    .filter((l) => /^\|[^-|]/.test(l) && !l.startsWith("| Dùng"))
    .map((l) => l.split("|").map((c) => c.trim()))
    .map(([, use, avoid]) => ({ use, avoid: [...avoid.matchAll(/`([^`]+)`/g)].map((m) => m[1]) }));
}

/** Source files (TypeScript, and the plain scripts and pages) under a folder, tests left out. */
function files(dir: string, ext: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return files(p, ext);
    return ext.test(e.name) && !/\.test\.\w+$/.test(e.name) ? [p] : [];
  });
}

/** The strings people may read in a TypeScript file, with their line numbers. */
function uiStrings(file: string): { line: number; text: string }[] {
  const kind = file.endsWith(".tsx") ? ts.ScriptKind.TSX : file.endsWith(".js") ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, kind);
  const out: { line: number; text: string }[] = [];
  const add = (node: ts.Node, text: string) => out.push({ line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text });
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) add(node, node.text);
    else if (ts.isTemplateExpression(node)) {
      add(node, node.head.text);
      for (const span of node.templateSpans) add(span, span.literal.text);
    } else if (ts.isJsxText(node)) add(node, node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** The texts to check: every UI string of the code, and the documents line by line. */
function corpus(): { where: string; text: string }[] {
  const dirs = ["src/taskpane", "src/web", "src/cli"].map((d) => path.join(ROOT, d));
  const code = dirs.flatMap((d) => files(d, /\.(tsx?|js)$/));
  const docs = ["README.md", "src/help/help.html", ...dirs.flatMap((d) => files(d, /\.html$/)).map((f) => path.relative(ROOT, f))];
  return [
    ...code.flatMap((f) => uiStrings(f).map((s) => ({ where: `${path.relative(ROOT, f)}:${s.line}`, text: s.text }))),
    ...docs.flatMap((f) =>
      fs
        .readFileSync(path.join(ROOT, f), "utf8")
        .split("\n")
        .map((text, i) => ({ where: `${f}:${i + 1}`, text })),
    ),
  ].map((c) => ({ ...c, text: c.text.normalize("NFC") }));
}

const wordRe = (w: string) => new RegExp(`(?<![\\p{L}\\p{M}])${w.normalize("NFC").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{M}])`, "iu");

// oa, oe, uy ending a syllable with the tone on the second vowel ("qu" is a consonant: "quý" is right).
const OLD_TONE = /(?<![qQ])(?:[oO][áàảãạÁÀẢÃẠ]|[oO][éèẻẽẹÉÈẺẼẸ]|[uU][ýỳỷỹỵÝỲỶỸỴ])(?![\p{L}\p{M}])/u;

describe("the glossary (docs/thuat-ngu.md)", () => {
  const texts = corpus();

  it("lists the words to use and the variants to avoid", () => {
    const r = rows();
    expect(r.map((x) => x.use)).toEqual(expect.arrayContaining(["sổ làm việc", "Trang chủ", "nhiệm vụ", "lưu ý"]));
    expect(r.every((x) => x.avoid.length > 0)).toBe(true);
    // The scan reads what people read: a few strings known to be there.
    expect(texts.some((t) => t.text.includes("Kiểm tra ngay"))).toBe(true);
    expect(texts.some((t) => t.where.startsWith("src/cli/") && t.text.includes("lưu ý"))).toBe(true);
  });

  it.each(rows().flatMap((r) => r.avoid.map((a) => [a, r.use])))("never “%s” (say “%s”)", (avoid) => {
    const re = wordRe(avoid);
    expect(texts.filter((t) => re.test(t.text)).map((t) => `${t.where}: ${t.text.trim().slice(0, 120)}`)).toEqual([]);
  });

  it("places tone marks on oa, oe, uy the one way (hòa, xóa, hủy)", () => {
    expect(texts.filter((t) => OLD_TONE.test(t.text)).map((t) => `${t.where}: ${t.text.trim().slice(0, 120)}`)).toEqual([]);
  });
});
