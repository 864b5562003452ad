import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Body1, makeStyles, tokens } from "@fluentui/react-components";
import type { SectionId, TaskpaneSection } from "../sections";

const useStyles = makeStyles({
  panel: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalM,
    minWidth: 0,
  },
  description: { color: tokens.colorNeutralForeground2 },
});

/** The task pane's sections as an accordion (fits a 320 px wide pane). */
export function SectionList({ sections, defaultOpen }: { readonly sections: readonly TaskpaneSection[]; readonly defaultOpen?: SectionId }) {
  const styles = useStyles();
  return (
    <Accordion collapsible multiple defaultOpenItems={defaultOpen ? [defaultOpen] : []}>
      {sections.map(({ id, title, description, Component }) => (
        <AccordionItem key={id} value={id}>
          <AccordionHeader as="h2" size="large">
            {title}
          </AccordionHeader>
          <AccordionPanel className={styles.panel}>
            <Body1 className={styles.description}>{description}</Body1>
            <Component />
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}
