/**
 * The file host behind the same interface as Excel: a workbook package held in
 * memory, for the web page and for tests of the task pane. Reads parse only the
 * sheets asked for; `apply` patches the package; `bytes` writes it with every part
 * no edit touched as it came. Nothing leaves the machine.
 */
import type { Edit } from "../../domain/edits";
import type { SheetSnapshot } from "../../domain/snapshot";
import type { ApplyOutcome, WorkbookHost, WorkbookState } from "../excel/host";
import { snapshotWorkbook } from "./read";
import { applyEdits, workbookBytes } from "./apply";
import { HostError } from "./errors";
import type { WorkbookPackage } from "./package/workbook";

export class FileHost implements WorkbookHost {
  private active: string;

  constructor(
    readonly workbook: WorkbookPackage,
    readonly fileName: string,
    /** Called when a command selects a cell (the page scrolls its grid to it). */
    private readonly onSelect: (sheet: string, range: string) => void = () => undefined,
    /** Called after edits are applied (the page redraws). */
    private readonly onChange: () => void = () => undefined,
  ) {
    this.active = workbook.sheetNames()[0] ?? "";
  }

  setActive(name: string): void {
    this.active = name;
  }

  /** Sheet names in tab order. */
  sheetNames(): string[] {
    return this.workbook.sheetNames();
  }

  /** A macro workbook (.xlsm) stays one: the page names its download accordingly. */
  get macroEnabled(): boolean {
    return this.workbook.macroEnabled;
  }

  async sheets() {
    return { names: this.sheetNames(), active: this.active };
  }

  private state(): WorkbookState {
    const names = this.sheetNames();
    return {
      sheetNames: names,
      protectedSheets: names.filter((n) => this.workbook.sheetProtected(n)),
      names: this.workbook.workbookNames(),
      customXml: this.workbook.ownCustomXml(),
      date1904: this.workbook.info().date1904,
    };
  }

  /** One sheet as the domain reads it (the page's grid shows the same). */
  snapshot(name: string): SheetSnapshot {
    if (!this.workbook.sheetInfo(name)) throw new HostError("no-sheet", `Không có trang tính "${name}".`);
    return snapshotWorkbook(this.workbook, this.fileName, { sheets: [name] }).sheets[0];
  }

  async readSheet(name: string) {
    return { sheet: this.snapshot(name), workbook: this.state() };
  }

  async readSheets(names: string[]) {
    return { sheets: names.map((n) => this.snapshot(n)), workbook: this.state() };
  }

  async apply(edits: Edit[]): Promise<ApplyOutcome> {
    const { notDone } = applyEdits(this.workbook, edits);
    const select = [...edits].reverse().find((e) => e.op === "select");
    if (select && select.op === "select") await this.select(select.sheet, select.range);
    this.onChange();
    return { notDone };
  }

  async select(sheet: string, range: string): Promise<void> {
    this.active = sheet;
    this.onSelect(sheet, range);
  }

  async bytes(): Promise<Uint8Array> {
    return workbookBytes(this.workbook);
  }
}
