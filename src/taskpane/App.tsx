import { useMemo } from "react";
import { makeStyles } from "@fluentui/react-components";
import { Header } from "./components/Header";
import { SectionList } from "./components/SectionList";
import { SECTIONS } from "./sections";
import { EnvProvider, localToday, type TaskpaneEnv } from "./context";
import { ExcelHost } from "../hosts/excel/host";
import { defaultCatalog } from "../domain/catalog";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minWidth: 0 },
});

/** The four sections over whichever host the environment provides. */
export function Sections() {
  return <SectionList sections={SECTIONS} defaultOpen="check" />;
}

/** The add-in as shown inside Excel. */
export function App() {
  const styles = useStyles();
  const env: TaskpaneEnv = useMemo(
    () => ({ host: new ExcelHost(), catalog: defaultCatalog(), today: localToday, readFile: (f: File) => f.arrayBuffer() }),
    [],
  );
  return (
    <EnvProvider value={env}>
      <div className={styles.root}>
        <Header />
        <main>
          <Sections />
        </main>
      </div>
    </EnvProvider>
  );
}
