import { makeStyles } from "@fluentui/react-components";
import { Header } from "./components/Header";
import { SectionList } from "./components/SectionList";
import { SECTIONS } from "./sections";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minWidth: 0 },
});

/** The add-in as shown inside Excel. */
export function App() {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Header />
      <main>
        <SectionList sections={SECTIONS} defaultOpen="insert" />
      </main>
    </div>
  );
}
