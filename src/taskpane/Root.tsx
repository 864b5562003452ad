import { FluentProvider, Spinner, makeStaticStyles, makeStyles, tokens, type Theme } from "@fluentui/react-components";
import { App } from "./App";
import { ErrorBoundary } from "./components/ErrorBoundary";
import { NotInExcel } from "./components/NotInExcel";
import type { StartupState } from "./startup";

const useGlobalStyles = makeStaticStyles({
  "html, body": { margin: 0, padding: 0 },
});

const useStyles = makeStyles({
  provider: { minHeight: "100vh", boxSizing: "border-box" },
  loading: { padding: tokens.spacingHorizontalXL },
});

export interface RootProps {
  readonly state: StartupState;
  readonly theme: Theme;
}

/** Chooses between the loading spinner, the add-in and the "not in Excel" message. */
export function Root({ state, theme }: RootProps) {
  useGlobalStyles();
  const styles = useStyles();
  return (
    <FluentProvider theme={theme} className={styles.provider} lang="vi">
      <ErrorBoundary>
        {state.kind === "loading" ? (
          <Spinner className={styles.loading} label="Đang kết nối với Excel…" />
        ) : state.kind === "excel" ? (
          <App />
        ) : (
          <NotInExcel state={state} />
        )}
      </ErrorBoundary>
    </FluentProvider>
  );
}
