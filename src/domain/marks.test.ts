import { MARKS_NAMESPACE, parseMarks, serializeMarks, type MarkBook } from "./marks";

const book: MarkBook = {
  "Phụ lục I": [
    { cell: "D27", kind: "note", digest: "0badf00d-57", before: "Ghi chú của chị Lan\r\n<&> \"x\" 'y'" },
    { cell: "E12", kind: "note", digest: "12345678-12", before: null },
    { cell: "F3", kind: "fill", color: "#FFE699" },
  ],
  "Sheet 'B' & <C>": [{ cell: "A1", kind: "fill", color: "#FFE699" }],
};

describe("the mark record as a custom XML part", () => {
  it("round-trips every character a note may hold, sheet names included", () => {
    const xml = serializeMarks(book);
    expect(xml).toContain(`xmlns="${MARKS_NAMESPACE}"`);
    expect(parseMarks(xml)).toEqual(book);
  });

  it("reads the same record written by another XML writer (other quotes, prefix, CDATA, CRLF)", () => {
    const other = [
      `<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\r\n<m:marks xmlns:m='${MARKS_NAMESPACE}'>`,
      `  <m:sheet name='Phụ lục I'>\r\n    <m:note cell='D27' digest='abc-1'><m:before><![CDATA[a <b> & c]]></m:before></m:note>`,
      `    <m:fill color="#FFE699" cell="F3" />\r\n  </m:sheet>\r\n  <m:sheet name="Trống"/>\r\n</m:marks>`,
    ].join("\r\n");
    expect(parseMarks(other)).toEqual({
      "Phụ lục I": [
        { cell: "D27", kind: "note", digest: "abc-1", before: "a <b> & c" },
        { cell: "F3", kind: "fill", color: "#FFE699" },
      ],
      Trống: [],
    });
  });

  it("is not fooled by another namespace or damaged XML", () => {
    expect(parseMarks(`<marks xmlns="urn:other"><sheet name="S"/></marks>`)).toBeNull();
    expect(parseMarks(`<marks xmlns="${MARKS_NAMESPACE}"><sheet name="S"><note cell="ZZZZ0" digest="x"/></sheet></marks>`)).toBeNull();
    expect(parseMarks("không phải XML")).toBeNull();
    expect(parseMarks(serializeMarks({}))).toEqual({});
  });
});
