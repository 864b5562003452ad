import { createRoot } from "react-dom/client";
import { Root } from "./Root";
import { classifyStartup, isOfficeLoaded, type StartupState } from "./startup";
import { lightTheme, themeFromOffice } from "./theme";

// old-webview.js has already explained why this Excel cannot run the pane.
const oldWebview = (globalThis as { PHULUC_OLD_WEBVIEW?: boolean }).PHULUC_OLD_WEBVIEW === true;
const container = oldWebview ? null : document.getElementById("container");
if (!container && !oldWebview) throw new Error("Phụ lục NQ57: #container element is missing from taskpane.html");
const root = container ? createRoot(container) : null;

function render(state: StartupState, theme = lightTheme): void {
  root?.render(<Root state={state} theme={theme} />);
}

/** Office.context.officeTheme is not available on every platform (e.g. some web hosts). */
function readOfficeTheme(): Office.OfficeTheme | undefined {
  try {
    return Office.context?.officeTheme ?? undefined;
  } catch {
    return undefined;
  }
}

if (!isOfficeLoaded(globalThis)) {
  // office.js failed to load (offline, blocked): explain instead of a blank page.
  render(classifyStartup({ officeLoaded: false }));
} else {
  render({ kind: "loading" });
  Office.onReady((info) => {
    const state = classifyStartup({ officeLoaded: true, host: info.host, excelHost: Office.HostType.Excel });
    render(state, state.kind === "excel" ? themeFromOffice(readOfficeTheme()) : lightTheme);
  });
}
