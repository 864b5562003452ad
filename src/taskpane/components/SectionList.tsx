import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Body1,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { IN_DEVELOPMENT_LABEL, type SectionId, type TaskpaneSection } from "../sections";

const useStyles = makeStyles({
  headerContent: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
  },
  panel: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalM,
  },
  status: { color: tokens.colorNeutralForeground3 },
});

export interface SectionListProps {
  readonly sections: readonly TaskpaneSection[];
  readonly defaultOpen?: SectionId;
}

/** The task pane's sections as an accordion (fits a 320 px wide pane). */
export function SectionList({ sections, defaultOpen }: SectionListProps) {
  const styles = useStyles();
  return (
    <Accordion collapsible multiple defaultOpenItems={defaultOpen ? [defaultOpen] : []}>
      {sections.map((section) => {
        const inDevelopment = section.status === "in-development";
        return (
          <AccordionItem key={section.id} value={section.id}>
            <AccordionHeader as="h2" size="large">
              <span className={styles.headerContent}>
                <span>{section.title}</span>
                {inDevelopment && (
                  <Badge appearance="tint" color="warning" size="small">
                    {IN_DEVELOPMENT_LABEL}
                  </Badge>
                )}
              </span>
            </AccordionHeader>
            <AccordionPanel className={styles.panel}>
              <Body1>{section.description}</Body1>
              {inDevelopment && (
                <Body1 className={styles.status}>
                  {IN_DEVELOPMENT_LABEL}: chức năng này chưa dùng được trong phiên bản hiện tại.
                </Body1>
              )}
            </AccordionPanel>
          </AccordionItem>
        );
      })}
    </Accordion>
  );
}
