import { noteDigest } from "./marks";
import type { Finding } from "./finding";
import type { SheetSnapshot, WorkbookSnapshot } from "./snapshot";
import { planFixes, planFixesReport, planMarks, planUnmarks, notesAfterUnmark, withSeenValues, MARK_TITLE, MARK_FILL, TIDY_FIX_CODES } from "./fixes";
import { checkSheet } from "./validate";
import { defaultCatalog } from "./catalog";
import { parseA1 } from "./address";
import { seedWorkbook, readBack, typedInto } from "../../test/xlsx";
import { openWorkbook } from "../hosts/file/read";
import { applyEdits, workbookBytes } from "../hosts/file/apply";

const catalog = defaultCatalog();

function finding(cell: string, value: string | number | null, sheet = "S"): Finding {
  return { code: "target-punctuation", severity: "info", sheet, cell, row: parseA1(cell).row, message: "m", fix: { label: "l", cell, value } };
}

describe("planFixes", () => {
  it("leaves alone a cell changed since the check, and says which", () => {
    const checked: SheetSnapshot = { name: "S", values: [["100%.", "≥  50%"]] };
    const fixes = withSeenValues([{ ...finding("A1", "100%"), sheet: "S" }, { ...finding("B1", "≥ 50%"), sheet: "S" }], checked);
    const now: SheetSnapshot = { name: "S", values: [["95%", "≥  50%"]] };
    expect(planFixesReport(fixes, now)).toEqual({ edits: [{ op: "setValues", sheet: "S", range: "B1", values: [["≥ 50%"]] }], changedSince: ["A1"] });
  });

  it("writes exactly the fix cells, one single-cell setValues each", () => {
    const edits = planFixes([finding("D27", "100%"), finding("E37", "Công an phường"), { ...finding("B2", null), fix: undefined }]);
    expect(edits).toEqual([
      { op: "setValues", sheet: "S", range: "D27", values: [["100%"]] },
      { op: "setValues", sheet: "S", range: "E37", values: [["Công an phường"]] },
    ]);
  });

  it("never overwrites a formula, skips cells already right, and writes a cell once", () => {
    const sheet: SheetSnapshot = {
      name: "S",
      values: [["100%", 5, "x."]],
      formulas: [[null, "=2+3", null]],
    };
    const edits = planFixes([finding("A1", "100%"), finding("B1", 6), finding("C1", "x"), finding("C1", "y")], sheet);
    expect(edits).toEqual([{ op: "setValues", sheet: "S", range: "C1", values: [["x"]] }]);
  });

  it("fixes only the findings picked", () => {
    const fs = [finding("D27", "100%"), { ...finding("D18", "Có tham gia"), code: "target-missing" }];
    expect(planFixes(fs, undefined, (f) => TIDY_FIX_CODES.includes(f.code)).map((e) => (e.op === "setValues" ? e.range : ""))).toEqual(["D27"]);
  });

  it("ignores findings of other sheets when given the sheet", () => {
    expect(planFixes([finding("A1", "1", "Khác")], { name: "S", values: [["0"]] })).toEqual([]);
  });
});

describe("planMarks / planUnmarks", () => {
  const sheet: SheetSnapshot = { name: "S", values: [["a", "b"]] };
  const fs: Finding[] = [
    { code: "lead-missing", severity: "error", sheet: "S", cell: "B1", row: 1, message: "Chưa có đơn vị chủ trì." },
    { code: "body-spelling", severity: "info", sheet: "S", cell: "B1", row: 1, message: "Nên ghi tên chuẩn." },
    { code: "target-spaces", severity: "info", sheet: "S", cell: "A1", row: 1, message: "Khoảng trắng thừa." },
  ];

  it("puts one note per cell with every finding of that cell, and records what was there", () => {
    const { edits, record } = planMarks(fs, sheet, { existingNotes: { A1: "Ghi chú của chị Lan" } });
    expect(edits.map((e) => e.op)).toEqual(["setNote", "setNote"]);
    const b1 = record.cells.find((c) => c.cell === "B1")!;
    if (b1.kind !== "note") throw new Error("a note mark");
    expect(b1.before).toBeNull();
    expect(b1.digest).toBe(noteDigest(`${MARK_TITLE}\n• [lỗi] Chưa có đơn vị chủ trì.\n• [lưu ý] Nên ghi tên chuẩn.`));
    expect((edits[0] as { text: string }).text).toBe(`${MARK_TITLE}\n• [lỗi] Chưa có đơn vị chủ trì.\n• [lưu ý] Nên ghi tên chuẩn.`);
    const a1 = record.cells.find((c) => c.cell === "A1")!;
    if (a1.kind !== "note") throw new Error("a note mark");
    expect((edits[1] as { text: string }).text.startsWith("Ghi chú của chị Lan\n\n")).toBe(true);
    expect(a1.before).toBe("Ghi chú của chị Lan");
  });

  it("marks only findings at least as severe as asked", () => {
    expect(planMarks(fs, sheet, { minSeverity: "error" }).record.cells.map((c) => c.cell)).toEqual(["B1"]);
  });

  it("unmarks back to exactly the earlier notes, leaving notes edited since alone", () => {
    const { record } = planMarks(fs, sheet, { existingNotes: { A1: "Ghi chú của chị Lan" } });
    expect(planUnmarks(record, sheet)).toEqual([
      { op: "setNote", sheet: "S", cell: "B1", text: "" },
      { op: "setNote", sheet: "S", cell: "A1", text: "Ghi chú của chị Lan" },
    ]);
    const { edits } = planMarks(fs, sheet, { existingNotes: { A1: "Ghi chú của chị Lan" } });
    const edited = { B1: "Tôi đã sửa ghi chú này", A1: (edits[1] as { text: string }).text };
    expect(planUnmarks(record, sheet, edited)).toEqual([{ op: "setNote", sheet: "S", cell: "A1", text: "Ghi chú của chị Lan" }]);
    expect(planUnmarks(record, { name: "Khác", values: [] })).toEqual([]);
  });

  it("marks with highlights where the host cannot write notes, and takes exactly those off", () => {
    const { edits, record } = planMarks(fs, sheet, { method: "fill", existingNotes: { A1: "Ghi chú của chị Lan" } });
    expect(edits).toEqual([
      { op: "markFill", sheet: "S", cell: "B1", color: MARK_FILL, on: true },
      { op: "markFill", sheet: "S", cell: "A1", color: MARK_FILL, on: true },
    ]);
    expect(planUnmarks(record, sheet, { A1: "Ghi chú của chị Lan" })).toEqual([
      { op: "markFill", sheet: "S", cell: "B1", color: MARK_FILL, on: false },
      { op: "markFill", sheet: "S", cell: "A1", color: MARK_FILL, on: false },
    ]);
  });

  it("knows the notes a cell will have once the marks come off", () => {
    const { record, edits } = planMarks(fs, sheet, { existingNotes: { A1: "Ghi chú của chị Lan" } });
    const now = Object.fromEntries(edits.map((e) => [(e as { cell: string }).cell, (e as { text: string }).text]));
    expect(notesAfterUnmark(record, { ...now, C1: "khác" })).toEqual({ A1: "Ghi chú của chị Lan", C1: "khác" });
    expect(notesAfterUnmark(record, { B1: "sửa tay" })).toEqual({ B1: "sửa tay" });
  });
});

// ───────────── through real .xlsx files ─────────────

type Grid = Map<string, { value: unknown; format: string | null }>;

function grid(s: SheetSnapshot): Grid {
  const g: Grid = new Map();
  s.values.forEach((row, r) =>
    row.forEach((v, c) => {
      const format = s.numberFormats?.[r]?.[c] ?? null;
      if (v !== null || (format && format !== "General")) g.set(`${r + 1},${c + 1}`, { value: v, format: format === "General" ? null : format });
    }),
  );
  return g;
}

function sheetByName(wb: WorkbookSnapshot, name: string): SheetSnapshot {
  return wb.sheets.find((s) => s.name === name)!;
}


describe("quick fixes on the seeds' real .xlsx files", () => {
  it.each(["000", "001", "002", "004"])("seed %s: only the fix cells change, and their findings are gone", async (id) => {
    const bytes = await seedWorkbook(id);
    const before = await readBack(bytes);
    const edits = [];
    const fixedCells = new Map<string, unknown>();
    const fixedFindings: Finding[] = [];
    for (const s of before.sheets) {
      const report = checkSheet(s, { catalog });
      const e = planFixes(report.findings, s);
      edits.push(...e);
      for (const f of report.findings) {
        if (!f.fix) continue;
        fixedFindings.push(f);
        fixedCells.set(`${s.name}!${f.fix.cell}`, f.fix.value);
      }
    }
    expect(edits.every((e) => e.op === "setValues" && !e.range.includes(":"))).toBe(true);
    const wb = await openWorkbook(bytes, "seed.xlsx");
    applyEdits(wb, edits);
    const after = await readBack(await workbookBytes(wb));

    for (const s of before.sheets) {
      const g0 = grid(s);
      const g1 = grid(sheetByName(after, s.name));
      const keys = new Set([...g0.keys(), ...g1.keys()]);
      for (const k of keys) {
        const [r, c] = k.split(",").map(Number);
        const addr = `${String.fromCharCode(64 + c)}${r}`;
        const fix = fixedCells.get(`${s.name}!${addr}`);
        if (fix !== undefined) {
          expect([s.name, addr, g1.get(k)?.value]).toEqual([s.name, addr, fix]);
          expect([s.name, addr, g1.get(k)?.format ?? null]).toEqual([s.name, addr, g0.get(k)?.format ?? null]);
        } else {
          expect([s.name, addr, g1.get(k)]).toEqual([s.name, addr, g0.get(k)]);
        }
      }
      expect([...(sheetByName(after, s.name).merges ?? [])].sort()).toEqual([...(s.merges ?? [])].sort());
    }

    // Checked again, the fixed findings are gone and nothing new is an error.
    for (const s of after.sheets) {
      const again = checkSheet(s, { catalog });
      for (const f of fixedFindings.filter((x) => x.sheet === s.name)) {
        expect(again.findings.filter((g) => g.code === f.code && g.cell === f.cell).map((g) => `${g.code}@${g.cell}`)).toEqual([]);
      }
      const beforeErrors = checkSheet(sheetByName(before, s.name), { catalog }).findings.filter((x) => x.severity === "error").length;
      expect(again.counts.error).toBeLessThanOrEqual(beforeErrors);
    }
  });
});

/**
 * The notes as the file stores them (xl/commentsN.xml), read without ExcelJS: ExcelJS
 * writes a note on an empty cell but does not read it back, and missing cells are
 * exactly where "lead-missing" and "output-missing" marks go.
 */
async function notesInFile(bytes: Uint8Array): Promise<Map<string, string>> {
  const JSZip = (await import("jszip")).default;
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/comments\d*\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async("string");
    for (const m of xml.matchAll(/<comment ref="([A-Z]+\d+)"[^>]*>([\s\S]*?)<\/comment>/g)) {
      const text = [...m[2].matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join("");
      out.set(m[1], text.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"'));
    }
  }
  return out;
}

describe("marks on a real .xlsx file", () => {
  it("adds notes only, and taking them off restores the earlier notes exactly", async () => {
    const bytes = await seedWorkbook("002");
    const snap = sheetByName(await readBack(bytes), "Phụ lục I");
    const report = checkSheet(snap, { catalog });
    const own = "Chờ ý kiến của lãnh đạo";

    // An official's own note on a cell that also gets a mark ("Công an xã" in a ward).
    const withNote = await typedInto(bytes, (wb0) => {
      for (const ws of wb0.worksheets.filter((w) => w.name !== "Phụ lục I")) wb0.removeWorksheet(ws.id);
      wb0.getWorksheet("Phụ lục I")!.getCell("E37").note = own;
    });

    const { edits, record } = planMarks(report.findings, snap, { existingNotes: { E37: own } });
    expect(new Set(record.cells.map((c) => c.cell))).toEqual(new Set(report.findings.map((f) => f.cell)));
    const wb1 = await openWorkbook(withNote, "seed.xlsx");
    applyEdits(wb1, edits);
    const marked = await workbookBytes(wb1);
    const notes1 = await notesInFile(marked);
    for (const c of record.cells) expect([c.cell, noteDigest(notes1.get(c.cell) ?? "")]).toEqual([c.cell, c.kind === "note" ? c.digest : null]);
    expect(notes1.get("E35")).toContain("đơn vị chủ trì");
    expect(notes1.get("E37")!.startsWith(`${own}\n\n${MARK_TITLE}`)).toBe(true);
    expect(grid(sheetByName(await readBack(marked), "Phụ lục I"))).toEqual(grid(snap));

    const wb2 = await openWorkbook(marked, "seed.xlsx");
    applyEdits(wb2, planUnmarks(record, snap));
    const unmarked = await workbookBytes(wb2);
    const notes2 = await notesInFile(unmarked);
    expect(notes2.get("E37")).toBe(own);
    for (const [cell, text] of notes2) if (cell !== "E37") expect([cell, text]).toEqual([cell, ""]);
    expect(grid(sheetByName(await readBack(unmarked), "Phụ lục I"))).toEqual(grid(snap));
  });
});
