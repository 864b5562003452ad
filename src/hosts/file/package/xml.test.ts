/**
 * scanXml, our own tokenizer, against saxes, a standards-conformant parser: the same
 * events on every XML part of workbooks made by openpyxl, ExcelJS and hand-edited Excel
 * XML, and on the corners of the grammar those parts use; an error wherever saxes finds
 * one in those parts cut short or broken the ways files get broken.
 */
import * as fs from "fs";
import * as path from "path";
import { unzipSync, strFromU8 } from "fflate";
import { SaxesParser } from "saxes";
import { scanXml, XmlError } from "./xml";
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

const FIXTURES = path.resolve(__dirname, "../../../../../shared/fixtures/workbooks");
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
