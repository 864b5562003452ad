/**
 * What LibreOffice (a spreadsheet program other than ours) makes of the files the
 * package layer writes: a new workbook's sheets and values, a print area, notes, and
 * a workbook carrying the add-in's custom XML. The same edits are checked part by
 * part, quickly, in file-edits.test.ts; one LibreOffice start converts all four here.
 */
import * as fs from "fs";
import * as path from "path";
import { applyEdits, newWorkbook, workbookBytes } from "../src/hosts/file/apply";
import { openWorkbook } from "../src/hosts/file/read";
import { FileHost } from "../src/hosts/file/host";
import type { Edit } from "../src/domain/edits";
import { convertWithLibreOffice } from "./libreoffice";
import { xlsxValues } from "./recalc";
import { definedNames, zipParts } from "./ooxml";

jest.setTimeout(180_000);

const FIXTURES = path.join(__dirname, "fixtures", "workbooks");
const S = "Phụ lục I";

async function written(edits: Edit[]): Promise<Uint8Array> {
  const wb = await newWorkbook();
  applyEdits(wb, edits);
  return workbookBytes(wb);
}

let converted: Map<string, Uint8Array>;

beforeAll(async () => {
  const files = [
    {
      name: "moi.xlsx",
      bytes: await written([
        { op: "addSheet", sheet: S },
        { op: "addSheet", sheet: "Danh mục" },
        { op: "setValues", sheet: S, range: "A1:B2", values: [["STT", "Nội dung"], [1, "Tỷ lệ phủ sóng 5G"]] },
      ]),
    },
    {
      name: "in.xlsx",
      bytes: await written([
        { op: "addSheet", sheet: S },
        { op: "setValues", sheet: S, range: "A1:C2", values: [["STT", "Nội dung", "Đánh giá"], [1, "a", "Đạt"]] },
        { op: "pageSetup", sheet: S, orientation: "landscape", fitToWidth: true, printTitleRows: "1:1", printArea: "A1:C40", pageNumber: { skipFirst: true } },
      ]),
    },
  ];
  const notes = await openWorkbook(await written([{ op: "addSheet", sheet: S }, { op: "setValues", sheet: S, range: "A1", values: [["x"]] }]), "a.xlsx");
  applyEdits(notes, [
    { op: "setNote", sheet: S, cell: "B2", text: "Phụ lục NQ57 – kết quả kiểm tra:\nThiếu đơn vị" },
    { op: "setNote", sheet: S, cell: "A1", text: "  ghi chú  " },
  ]);
  files.push({ name: "notes.xlsx", bytes: await workbookBytes(notes) });
  const host = new FileHost(await openWorkbook(new Uint8Array(fs.readFileSync(path.join(FIXTURES, "libreoffice.xlsx"))), "lo.xlsx"), "lo.xlsx");
  const NS = "urn:phuluc-nq57:marks:1";
  await host.apply([{ op: "setCustomXml", namespace: NS, xml: `<marks xmlns="${NS}"><sheet name="Phụ lục I" count="1"/></marks>` }]);
  files.push({ name: "cx.xlsx", bytes: await host.bytes() });
  const out = await convertWithLibreOffice(files, "xlsx");
  converted = new Map(files.map((f, i) => [f.name, out[i]]));
});

describe("files the package layer writes, opened by LibreOffice", () => {
  it("a new workbook: its sheets in order and its text", () => {
    const values = xlsxValues(converted.get("moi.xlsx")!);
    expect([...values.keys()]).toEqual([S, "Danh mục"]);
    expect(values.get(S)!.get("B2")).toBe("Tỷ lệ phủ sóng 5G");
  });

  it("the print area and print titles", () => {
    const names = definedNames(zipParts(converted.get("in.xlsx")!).get("xl/workbook.xml")!.toString("utf8"));
    expect(names.find((n) => n.name === "_xlnm.Print_Area")?.text.replace(/\$/g, "")).toBe(`'${S}'!A1:C40`);
    expect(names.find((n) => n.name === "_xlnm.Print_Titles")?.text.replace(/\$/g, "")).toBe(`'${S}'!1:1`);
  });

  it("both notes", () => {
    const parts = [...zipParts(converted.get("notes.xlsx")!).entries()].filter(([n]) => /comments/.test(n));
    expect(parts.reduce((s, [, b]) => s + (b.toString("utf8").match(/<comment\b/g) ?? []).length, 0)).toBe(2);
  });

  it("a workbook with the add-in's custom XML part still opens with its sheets", () => {
    expect(xlsxValues(converted.get("cx.xlsx")!).size).toBeGreaterThan(0);
  });
});
