import { Caption1, Subtitle1, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  icon: { flexShrink: 0 },
  text: { display: "flex", flexDirection: "column", minWidth: 0 },
  title: { margin: 0 },
  subtitle: { color: tokens.colorNeutralForeground3 },
});

/** Title bar of the task pane. */
export function Header() {
  const styles = useStyles();
  return (
    <header className={styles.root}>
      <img className={styles.icon} src="assets/icon-32.png" alt="" width={32} height={32} />
      <div className={styles.text}>
        <Subtitle1 as="h1" className={styles.title}>Phụ lục NQ57</Subtitle1>
        <Caption1 className={styles.subtitle}>Kế hoạch thực hiện Nghị quyết 57-NQ/TW của xã, phường</Caption1>
      </div>
    </header>
  );
}
