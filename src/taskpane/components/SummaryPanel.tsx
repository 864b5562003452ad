import { useState } from "react";
import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { Count, RowRef, Summary } from "../../domain/summary";

const useStyles = makeStyles({
  block: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalS },
  line: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  rows: { display: "flex", flexDirection: "column", paddingLeft: tokens.spacingHorizontalM },
  rowButton: { justifyContent: "flex-start", textAlign: "left", height: "auto", whiteSpace: "normal", overflowWrap: "anywhere", width: "100%" },
});

type Open = { key: string; rows: RowRef[] } | null;

/** The summary at a glance; each number opens the rows behind it, each row selects its cell. */
export function SummaryPanel({ summary, onSelect }: { summary: Summary; onSelect: (sheet: string, cell: string) => void }) {
  const styles = useStyles();
  const [open, setOpen] = useState<Open>(null);

  const count = (key: string, label: string, c: Count) => (
    <Button
      key={key}
      size="small"
      appearance={open?.key === key ? "primary" : "secondary"}
      disabled={c.count === 0}
      aria-expanded={open?.key === key}
      onClick={() => setOpen(open?.key === key ? null : { key, rows: c.rows })}
    >
      {label}: {c.count}
    </Button>
  );
  const rows = (key: string) =>
    open?.key === key && (
      <div className={styles.rows}>
        {open.rows.map((r) => (
          <Button key={`${r.sheet}!${r.cell}`} appearance="subtle" size="small" className={styles.rowButton} onClick={() => onSelect(r.sheet, r.cell)}>
            Dòng {r.row}: {r.name ?? r.cell}
          </Button>
        ))}
      </div>
    );

  return (
    <>
      {summary.indicators.total.total > 0 && (
        <section className={styles.block} aria-label="Chỉ tiêu theo nhóm">
          <Text weight="semibold">Chỉ tiêu theo nhóm</Text>
          {summary.indicators.groups.map((g, i) => (
            <div key={i}>
              <Text className={styles.name}>{g.name}</Text>
              <div className={styles.line}>
                {count(`g${i}m`, "Đạt", g.met)}
                {count(`g${i}b`, "Vượt", g.beyond)}
                {count(`g${i}n`, "Chưa đạt", g.notMet)}
                {count(`g${i}r`, "Chưa báo cáo", g.notReported)}
              </div>
              {rows(`g${i}m`)}
              {rows(`g${i}b`)}
              {rows(`g${i}n`)}
              {rows(`g${i}r`)}
            </div>
          ))}
        </section>
      )}
      {summary.tasks.total.total > 0 && (
        <section className={styles.block} aria-label="Nhiệm vụ theo đơn vị chủ trì">
          <Text weight="semibold">Nhiệm vụ theo đơn vị chủ trì</Text>
          {summary.tasks.leads.map((l, i) => (
            <div key={i}>
              <Text className={styles.name}>{l.lead}</Text>
              <div className={styles.line}>
                {count(`l${i}d`, "Hoàn thành", l.done)}
                {count(`l${i}p`, "Đang thực hiện", l.inProgress)}
                {count(`l${i}s`, "Chưa thực hiện", l.notStarted)}
                {count(`l${i}o`, "Quá hạn", l.overdue)}
                {count(`l${i}u`, "Sắp đến hạn", l.dueSoon)}
                {count(`l${i}x`, "Không có hạn", l.noDate)}
              </div>
              {["d", "p", "s", "o", "u", "x"].map((k) => rows(`l${i}${k}`))}
            </div>
          ))}
        </section>
      )}
    </>
  );
}
