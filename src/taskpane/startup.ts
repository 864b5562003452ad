/**
 * Decides what the task pane shows at start-up: the add-in itself (inside
 * Excel) or an explanation when the page is opened somewhere else.
 * Pure functions, no access to the Office global, so they can be unit tested.
 */

export type StartupState =
  /** Waiting for Office.onReady. */
  | { readonly kind: "loading" }
  /** Running inside Excel: show the add-in. */
  | { readonly kind: "excel" }
  /** office.js did not load (offline, blocked by a proxy, ...). */
  | { readonly kind: "office-unavailable" }
  /** office.js loaded but no Office application hosts the page (plain browser tab). */
  | { readonly kind: "not-in-office" }
  /** Hosted by another Office application (Word, PowerPoint, ...). */
  | { readonly kind: "other-host"; readonly host: string };

/** True when office.js has defined the global `Office` object. */
export function isOfficeLoaded(scope: object): boolean {
  return typeof (scope as { Office?: unknown }).Office !== "undefined";
}

export interface HostInfo {
  /** Whether office.js loaded (see isOfficeLoaded). */
  readonly officeLoaded: boolean;
  /** `info.host` from Office.onReady; null or undefined outside Office. */
  readonly host?: unknown;
  /** The value of Office.HostType.Excel. */
  readonly excelHost?: unknown;
}

/** Classifies where the task pane runs. Only an Excel host gives "excel". */
export function classifyStartup(info: HostInfo): StartupState {
  if (!info.officeLoaded) return { kind: "office-unavailable" };
  if (info.host === null || info.host === undefined || info.host === "") return { kind: "not-in-office" };
  if (info.excelHost !== undefined && info.host === info.excelHost) return { kind: "excel" };
  return { kind: "other-host", host: String(info.host) };
}

/** True when the page should show the "open this in Excel" message instead of the add-in. */
export function isOutsideExcel(state: StartupState): boolean {
  return state.kind === "office-unavailable" || state.kind === "not-in-office" || state.kind === "other-host";
}
