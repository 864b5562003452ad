/** What the commands use of the file host, in one module so that it loads in one step (files.ts). */
export { openWorkbook, readWorkbook, snapshotWorkbook } from "../hosts/file/read";
export { applyEdits, newWorkbook, workbookBytes } from "../hosts/file/apply";
