/**
 * Our own tokenizer against saxes, a standards-conformant parser: the same events
 * (scanXml) and the same tree (parseXml) on every XML part of workbooks made by
 * openpyxl, ExcelJS and hand-edited Excel XML (test/fixtures/workbooks), and on the corners of the grammar those
 * parts use; an error wherever saxes finds one in those parts cut short or broken the
 * ways files get broken.
 */
import * as fs from "fs";
import * as path from "path";
import { unzipSync, strFromU8 } from "fflate";
import { SaxesParser } from "saxes";
import { parseXml, scanXml, serializeXml, XmlError, type XmlDocument, type XmlElement, type XmlNode } from "./xml";
import { seedWorkbook } from "../../../../test/xlsx";

type Event = ["open", string, Record<string, string>, boolean] | ["close", string] | ["text", string];

/** Events as saxes reports them; text outside the root (white space) left out, adjacent texts joined. */
function saxesEvents(xml: string): Event[] | "error" {
  const out: Event[] = [];
  let depth = 0;
  const text = (t: string) => {
    if (depth === 0) return;
    const last = out[out.length - 1];
    if (last?.[0] === "text") last[1] += t;
    else out.push(["text", t]);
  };
  const p = new SaxesParser({ xmlns: false, position: false });
  p.on("opentag", (t) => {
    out.push(["open", t.name, { ...(t.attributes as Record<string, string>) }, t.isSelfClosing]);
    depth++;
  });
  p.on("closetag", (t) => {
    out.push(["close", t.name]);
    depth--;
  });
  p.on("text", text);
  p.on("cdata", text);
  try {
    p.write(xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml).close();
  } catch {
    return "error";
  }
  return out;
}

function scanEvents(xml: string): Event[] | "error" {
  const out: Event[] = [];
  try {
    scanXml(xml, {
      open: (name, attrs, selfClosing) => void out.push(["open", name, { ...attrs }, selfClosing]),
      close: (name) => void out.push(["close", name]),
      text(t) {
        const last = out[out.length - 1];
        if (last?.[0] === "text") last[1] += t;
        else out.push(["text", t]);
      },
    });
  } catch (e) {
    if (!(e instanceof XmlError)) throw e;
    return "error";
  }
  return out;
}

/** The tree as the package layer built it with saxes before it had its own tokenizer. */
function saxesTree(xml: string): XmlDocument | "error" {
  let declaration: XmlDocument["declaration"] = null;
  let before = "";
  let root: XmlElement | null = null;
  const stack: XmlElement[] = [];
  const add = (node: XmlNode) => stack[stack.length - 1].children.push(node);
  const p = new SaxesParser({ xmlns: false, position: false });
  p.on("xmldecl", (d) => (declaration = { version: d.version, encoding: d.encoding, standalone: d.standalone }));
  p.on("opentag", (t) => {
    const el: XmlElement = { name: t.name, attrs: Object.entries(t.attributes as Record<string, string>), children: [] };
    if (stack.length) add(el);
    else root = el;
    stack.push(el);
  });
  p.on("closetag", () => void stack.pop());
  p.on("text", (t) => void (stack.length && add(t)));
  p.on("cdata", (t) => void (stack.length && add({ raw: `<![CDATA[${t}]]>` })));
  const markup = (raw: string) => {
    if (stack.length) add({ raw });
    else if (!root) before += raw;
  };
  p.on("comment", (t) => markup(`<!--${t}-->`));
  p.on("processinginstruction", (pi) => markup(`<?${pi.target}${pi.body ? " " + pi.body : ""}?>`));
  try {
    p.write(xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml).close();
  } catch {
    return "error";
  }
  return root ? { declaration, before, root } : "error";
}

function ourTree(xml: string): XmlDocument | "error" {
  try {
    return parseXml(xml);
  } catch (e) {
    if (!(e instanceof XmlError)) throw e;
    return "error";
  }
}

/** A tree with adjacent texts joined (saxes may report one text in pieces). */
function joined(doc: XmlDocument | "error"): unknown {
  if (doc === "error") return doc;
  const el = (e: XmlElement): unknown => {
    const kids: unknown[] = [];
    for (const k of e.children) {
      if (typeof k === "string" && typeof kids[kids.length - 1] === "string") kids[kids.length - 1] += k;
      else kids.push(typeof k === "object" && "name" in k ? el(k) : k);
    }
    return { name: e.name, attrs: e.attrs, children: kids };
  };
  return { declaration: doc.declaration, before: doc.before, root: el(doc.root) };
}

const FIXTURES = path.resolve(__dirname, "../../../../test/fixtures/workbooks");
const UNSEEN = path.resolve(__dirname, "../../../../test/fixtures/unseen");

/** Every XML part of the given workbooks, named by file and part. */
function xmlParts(files: [string, Uint8Array][]): [string, string][] {
  const out: [string, string][] = [];
  for (const [file, bytes] of files) {
    for (const [part, data] of Object.entries(unzipSync(bytes))) {
      if (/\.(xml|rels|vml)$/i.test(part)) out.push([`${file}:${part}`, strFromU8(data)]);
    }
  }
  return out;
}

let parts: [string, string][] = [];

beforeAll(async () => {
  const files: [string, Uint8Array][] = [];
  for (const dir of [FIXTURES, UNSEEN]) {
    for (const f of fs.readdirSync(dir).filter((f) => /\.xls[xm]$/.test(f))) files.push([f, fs.readFileSync(path.join(dir, f))]);
  }
  files.push(["seed 002 (ExcelJS)", await seedWorkbook("002")]);
  parts = xmlParts(files);
});

describe("scanXml reads what saxes reads", () => {
  it("on every XML part of workbooks made by other programs", () => {
    expect(parts.length).toBeGreaterThan(100);
    for (const [name, xml] of parts) {
      const expected = saxesEvents(xml);
      expect(expected).not.toBe("error");
      expect([name, scanEvents(xml)]).toEqual([name, expected]);
    }
  });

  const corners: [string, string][] = [
    ["declaration, DOCTYPE, comments and processing instructions around the root", '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE a>\n<!-- c --><a><?pi x?><b/></a>\n<!-- end -->'],
    ["a DOCTYPE with an internal subset holding “>”", '<!DOCTYPE a [<!ELEMENT a (#PCDATA)>]><a>x</a>'],
    ["a byte-order mark", "\uFEFF<a>x</a>"],
    ["the five entities and character references in text", "<a>&amp;&lt;&gt;&quot;&apos; &#65;&#x1F600;&#xe1; Hà Nội</a>"],
    ["entities in attributes, single and double quotes, spaces around “=”", `<a x = "1&amp;2" y='"q"' z="&#10;&#9;&lt;"/>`],
    ["white space in attributes, CR LF counted once", '<a x="1\r\n2\t3\n4\r5"/>'],
    ["CR LF and lone CR in text", "<a>1\r\n2\r3\n</a>"],
    ["CDATA with markup inside, and CR LF", "<a>x<![CDATA[<b>&amp;</b>\r\n]]>y</a>"],
    ["prefixes, namespace declarations, white space before “>” and “/>”", '<x:a xmlns:x="urn:x" x:b="1" ><x:c /></x:a >'],
    ["names with dots, dashes and letters of other scripts", "<a.b-c><ễ x.y-z=\"1\"/></a.b-c>"],
    ["a comment holding markup inside an element", "<a><!-- <b> & --><c/></a>"],
    ["an attribute value with “>” in it", '<a f="x>1"/>'],
    ["an empty document element", "<a/>"],
  ];
  it.each(corners)("on %s", (_what, xml) => {
    const expected = saxesEvents(xml);
    expect(expected).not.toBe("error");
    expect(scanEvents(xml)).toEqual(expected);
    expect(joined(ourTree(xml))).toEqual(joined(saxesTree(xml)));
  });
});

describe("parseXml builds the tree saxes built", () => {
  it("on every XML part of workbooks made by other programs, and writes each back as saxes's tree does", () => {
    for (const [name, xml] of parts) {
      const ours = ourTree(xml);
      const theirs = saxesTree(xml);
      expect(theirs).not.toBe("error");
      expect([name, joined(ours)]).toEqual([name, joined(theirs)]);
      expect([name, serializeXml(ours as XmlDocument)]).toEqual([name, serializeXml(theirs as XmlDocument)]);
    }
  });

  it("keeps comments, processing instructions and CDATA as written, and the declaration's fields", () => {
    const doc = parseXml('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<!-- before --><a><?mso-application progid="Excel.Sheet"?><![CDATA[<b>]]><!-- in --></a>');
    expect(doc.declaration).toEqual({ version: "1.0", encoding: "UTF-8", standalone: "yes" });
    expect(doc.before).toBe("<!-- before -->");
    expect(doc.root.children).toEqual([{ raw: '<?mso-application progid="Excel.Sheet"?>' }, { raw: "<![CDATA[<b>]]>" }, { raw: "<!-- in -->" }]);
  });
});

describe("scanXml refuses what saxes refuses", () => {
  const broken: [string, string][] = [
    ["an end tag that does not match", "<a><b></a></b>"],
    ["an element left open", "<a><b></b>"],
    ["an end tag with no start", "<a></a></b>"],
    ["an attribute without quotes", "<a x=1/>"],
    ["“<” in an attribute", '<a x="<"/>'],
    ["an attribute twice", '<a x="1" x="2"/>'],
    ["an unknown entity", "<a>&nbsp;</a>"],
    ["a bare “&”", "<a>R&D</a>"],
    ["a character reference to nothing", "<a>&#0;</a>"],
    ["a character reference that is not a number", "<a>&#xZZ;</a>"],
    ["two roots", "<a/><b/>"],
    ["text after the root", "<a/>x"],
    ["text before the root", "x<a/>"],
    ["no root", "<?xml version=\"1.0\"?>"],
    ["an empty part", ""],
    ["a tag cut off", "<a><b x=\"1\""],
    ["a comment left open", "<a><!-- x</a>"],
    ["a CDATA section left open", "<a><![CDATA[x</a>"],
    ["an element name starting with a digit", "<1a/>"],
    ["a tag with garbage before “>”", '<a x="1"y="2"/>'],
  ];
  it.each(broken)("%s", (_what, xml) => {
    expect(saxesEvents(xml)).toBe("error");
    expect(scanEvents(xml)).toBe("error");
    expect(ourTree(xml)).toBe("error");
  });

  it("every part of the workbooks cut short anywhere inside its root", () => {
    let cuts = 0;
    for (const [name, xml] of parts) {
      const rootEnd = xml.trimEnd().length;
      for (let k = 1; k <= 7; k++) {
        const at = Math.floor((rootEnd * k) / 8);
        const cut = xml.slice(0, at);
        expect([name, at, scanEvents(cut)]).toEqual([name, at, saxesEvents(cut)]);
        cuts++;
      }
    }
    expect(cuts).toBeGreaterThan(700);
  });
});
