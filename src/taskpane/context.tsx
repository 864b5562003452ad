/**
 * What every section of the task pane shares: the workbook host (Excel or the web
 * page's in-memory file), the catalog, and today's date. Sections never talk to
 * Office.js directly.
 */
import { createContext, useContext } from "react";
import type { WorkbookHost } from "../hosts/excel/host";
import type { Catalog } from "../domain/match";
import type { IsoDate } from "../domain/dates";
import type { WorkbookSnapshot } from "../domain/snapshot";

export interface TaskpaneEnv {
  host: WorkbookHost;
  catalog: Catalog;
  today: () => IsoDate;
  /** Read workbook files picked from disk (the package layer loads on demand); the web page and Excel both offer it. */
  readFile: (file: File) => Promise<ArrayBuffer>;
  /** The open file cannot be written (a Word document in the web page): only checking is offered. */
  readOnly?: boolean;
  /** Where a cell is, when its file names places its own way ("Bảng 2, dòng 14, cột Đơn vị tính" in a Word document). */
  place?: (sheet: string, cell: string) => string | null;
  /** Counts the workbook's changes, where the host can tell (the web page): lists of sheets are read again when it moves. */
  revision?: number;
  /** The web page: name the download after what the workbook now holds ("phu-luc-xa-tan-loi-2026.xlsx"). */
  nameFile?: (fileName: string) => void;
  /** The web page: the files open in the page, offered as sources for consolidation. */
  openFiles?: OpenFile[];
  /** The web page: a new workbook to write a consolidation into, shown as a tab of its own. */
  newWorkbook?: (fileName: string) => Promise<NewWorkbook>;
}

/** A file open in the web page, as a source for consolidation. */
export interface OpenFile {
  id: number;
  name: string;
  /** The file whose pane this is. */
  current: boolean;
  /** Opened from disk (ticked by default), rather than made in the page (a new workbook, a consolidation). */
  fromDisk: boolean;
  read: () => Promise<WorkbookSnapshot>;
}

export interface NewWorkbook {
  host: WorkbookHost;
  fileName: string;
  /** Switch the page to it. */
  show: () => void;
  /** Download it. */
  download: () => Promise<void>;
}

const Env = createContext<TaskpaneEnv | null>(null);

export const EnvProvider = Env.Provider;

export function useEnv(): TaskpaneEnv {
  const env = useContext(Env);
  if (!env) throw new Error("TaskpaneEnv missing: wrap the pane in <EnvProvider>");
  return env;
}

/** Today in the user's time zone, as the report date defaults to. */
export function localToday(): IsoDate {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** A message for people from any error: ours are Vietnamese already; others get a generic line. */
export function messageOf(e: unknown): string {
  if (e && typeof e === "object" && "name" in e && (e as Error).name === "HostError") return (e as Error).message;
  return "Đã xảy ra lỗi không mong đợi. Hãy kiểm tra lại trang tính trước khi làm tiếp.";
}
