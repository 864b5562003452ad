import { createRoot } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import { lightTheme } from "../taskpane/theme";
import { WebApp } from "./WebApp";

const container = document.getElementById("container");
if (!container) throw new Error("Phụ lục NQ57: #container is missing from index.html");
createRoot(container).render(
  <FluentProvider theme={lightTheme} lang="vi">
    <WebApp />
  </FluentProvider>,
);
