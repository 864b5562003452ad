import { useMemo } from "react";
import { makeStyles } from "@fluentui/react-components";
import { Header } from "./components/Header";
import { SectionList } from "./components/SectionList";
import { SECTIONS, type SectionId } from "./sections";
import { EnvProvider, localToday, type TaskpaneEnv } from "./context";
import { ExcelHost } from "../hosts/excel/host";
import { defaultCatalog } from "../domain/catalog";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minWidth: 0 },
});

/**
 * The four sections over whichever host the environment provides (only some for a
 * read-only file). "Kiểm tra" opens first, or `defaultOpen` (a new, empty workbook
 * opens on "Chèn phụ lục": there is nothing to check yet).
 */
export function Sections({ only, defaultOpen = "check" }: { only?: readonly SectionId[]; defaultOpen?: SectionId }) {
  const sections = only ? SECTIONS.filter((s) => only.includes(s.id)) : SECTIONS;
  return <SectionList sections={sections} defaultOpen={defaultOpen} />;
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
