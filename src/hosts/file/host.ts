/**
 * The file host behind the same interface as Excel: a workbook held in memory
 * (ExcelJS), for the web page and for tests of the task pane. Reads and writes
 * are local; nothing leaves the machine.
 */
import type ExcelJS from "exceljs";
import type { Edit } from "../../domain/edits";
import type { SheetSnapshot } from "../../domain/snapshot";
import type { ApplyOutcome, WorkbookHost, WorkbookState } from "../excel/host";
import { snapshotSheet, snapshotWorkbook } from "./read";
import { applyEdits, workbookBytes } from "./apply";
import { HostError } from "./errors";

export class FileHost implements WorkbookHost {
  private active: string;

  constructor(
    readonly workbook: ExcelJS.Workbook,
    readonly fileName: string,
    /** Called when a command selects a cell (the page scrolls its grid to it). */
    private readonly onSelect: (sheet: string, range: string) => void = () => undefined,
    /** Called after edits are applied (the page redraws). */
    private readonly onChange: () => void = () => undefined,
  ) {
    this.active = workbook.worksheets[0]?.name ?? "";
  }

  setActive(name: string): void {
    this.active = name;
  }

  async sheets() {
    return { names: this.workbook.worksheets.map((w) => w.name), active: this.active };
  }

  private state(): WorkbookState {
    const snap = snapshotWorkbook(this.workbook);
    return {
      sheetNames: this.workbook.worksheets.map((w) => w.name),
      protectedSheets: snap.sheets.filter((s) => s.protected).map((s) => s.name),
      names: snap.names ?? {},
    };
  }

  private sheetSnapshot(name: string): SheetSnapshot {
    const ws = this.workbook.getWorksheet(name);
    if (!ws) throw new HostError("no-sheet", `Không có trang tính "${name}".`);
    return snapshotSheet(ws);
  }

  async readSheet(name: string) {
    return { sheet: this.sheetSnapshot(name), workbook: this.state() };
  }

  async readSheets(names: string[]) {
    return { sheets: names.map((n) => this.sheetSnapshot(n)), workbook: this.state() };
  }

  async apply(edits: Edit[]): Promise<ApplyOutcome> {
    applyEdits(this.workbook, edits);
    const select = [...edits].reverse().find((e) => e.op === "select");
    if (select && select.op === "select") await this.select(select.sheet, select.range);
    this.onChange();
    return { notDone: edits.some((e) => e.op === "chart") ? ["Tệp .xlsx ghi ở đây chưa có biểu đồ; hãy mở trong Excel để xem biểu đồ."] : [] };
  }

  async select(sheet: string, range: string): Promise<void> {
    this.active = sheet;
    this.onSelect(sheet, range);
  }

  async bytes(): Promise<Uint8Array> {
    return workbookBytes(this.workbook);
  }
}
