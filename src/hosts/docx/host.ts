/**
 * A Word document opened in the web page: its tables behind the same interface as a
 * workbook, read only. Checking works as on a workbook; anything that would write is
 * refused with a message saying where the change can be made instead.
 */
import type { SheetSnapshot, WorkbookSnapshot } from "../../domain/snapshot";
import type { ApplyOutcome, WorkbookHost, WorkbookState } from "../excel/host";
import { placeOf } from "../../domain/location";
import { readTable } from "../../domain/reader";
import { HostError } from "../file/errors";

export class DocumentHost implements WorkbookHost {
  private active: string;

  constructor(
    readonly document: WorkbookSnapshot,
    readonly fileName: string,
    /** Called when a command selects a cell (the page scrolls its grid to it). */
    private readonly onSelect: (sheet: string, range: string) => void = () => undefined,
  ) {
    // Open on the first appendix table, not on the heading block or the plan's own text.
    this.active = (document.sheets.find((s) => readTable(s).ok) ?? document.sheets[0])?.name ?? "";
  }

  /** The table shown first. */
  get activeSheet(): string {
    return this.active;
  }

  setActive(name: string): void {
    this.active = name;
  }

  sheetNames(): string[] {
    return this.document.sheets.map((s) => s.name);
  }

  sheet(name: string): SheetSnapshot | undefined {
    return this.document.sheets.find((s) => s.name === name);
  }

  /** Where a cell is in the Word document ("Bảng 2, dòng 14, cột Đơn vị tính"). */
  place(sheet: string, cell: string): string | null {
    const s = this.sheet(sheet);
    return s ? placeOf(s, cell) : null;
  }

  async sheets() {
    return { names: this.sheetNames(), active: this.active };
  }

  private state(): WorkbookState {
    return { sheetNames: this.sheetNames(), protectedSheets: [], names: {} };
  }

  private snapshot(name: string): SheetSnapshot {
    const s = this.sheet(name);
    if (!s) throw new HostError("no-sheet", `Văn bản "${this.fileName}" không có bảng "${name}".`);
    return s;
  }

  async readSheet(name: string) {
    return { sheet: this.snapshot(name), workbook: this.state() };
  }

  async readSheets(names: string[]) {
    return { sheets: names.map((n) => this.snapshot(n)), workbook: this.state() };
  }

  async apply(): Promise<ApplyOutcome> {
    throw new HostError(
      "read-only",
      `"${this.fileName}" là văn bản Word nên chỉ được đọc để kiểm tra: không ghi được thay đổi vào văn bản. ` +
        "Hãy sửa trực tiếp trong Word; để tổng hợp, bấm “Sổ làm việc mới” rồi chọn các tệp .docx, .xlsx ở mục Tổng hợp.",
    );
  }

  async select(sheet: string, range: string): Promise<void> {
    this.active = sheet;
    this.onSelect(sheet, range);
  }
}
