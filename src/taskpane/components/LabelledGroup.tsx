import type { ReactNode } from "react";
import { Label, makeStyles, tokens, useId } from "@fluentui/react-components";

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", minWidth: 0, gap: tokens.spacingVerticalXXS },
});

/**
 * A labelled group of controls (a list of checkboxes). Not a Fluent `Field`: a Field
 * lends its label to the control inside it, so every checkbox of a list would be
 * named after the list.
 */
export function LabelledGroup({ label, children }: { label: string; children: ReactNode }) {
  const styles = useStyles();
  const id = useId("group");
  return (
    <div role="group" aria-labelledby={id} className={styles.group}>
      <Label id={id}>{label}</Label>
      {children}
    </div>
  );
}
