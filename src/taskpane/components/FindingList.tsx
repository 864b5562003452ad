import { useMemo, useState } from "react";
import { Button, makeStyles, Tab, TabList, Text, tokens } from "@fluentui/react-components";
import type { Finding, Severity } from "../../domain/finding";
import { findingLabel } from "../../domain/validate/labels";

const SEVERITY_LABEL: Record<Severity, string> = { error: "Lỗi", warning: "Cảnh báo", info: "Lưu ý" };
const SEVERITY_COLOR: Record<Severity, string> = {
  error: tokens.colorPaletteRedForeground1,
  warning: tokens.colorPaletteDarkOrangeForeground1,
  info: tokens.colorNeutralForeground3,
};

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, marginTop: tokens.spacingVerticalS },
  item: {
    justifyContent: "flex-start",
    textAlign: "left",
    height: "auto",
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    whiteSpace: "normal",
    overflowWrap: "anywhere",
    minWidth: 0,
    width: "100%",
    fontWeight: tokens.fontWeightRegular,
  },
  heading: { fontWeight: tokens.fontWeightSemibold },
  picks: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, paddingLeft: tokens.spacingHorizontalM },
  pick: { minWidth: 0, height: "auto", whiteSpace: "normal", textAlign: "left", fontWeight: tokens.fontWeightRegular },
});

/**
 * Findings grouped by row or by kind; choosing one selects its cell. `place` words a
 * finding's location where the file has no A1 addresses (a Word table). A row the
 * catalog could not place lists its closest indicators: with `onAssign` (a workbook)
 * each is a button that writes its code into the row's "Mã" cell; without it (a Word
 * plan, which is read-only) they are only shown.
 */
export function FindingList({
  findings,
  onSelect,
  onAssign,
  place,
}: {
  findings: Finding[];
  onSelect: (f: Finding) => void;
  onAssign?: (f: Finding, code: string) => void;
  place?: (f: Finding) => string | null;
}) {
  const styles = useStyles();
  const [by, setBy] = useState<"row" | "code">("row");
  const where = (f: Finding) => place?.(f) ?? f.cell;
  const groups = useMemo(() => {
    const map = new Map<string, Finding[]>();
    for (const f of findings) {
      const placed = place?.(f);
      // "Bảng 2, dòng 14, cột …" groups under "Bảng 2, dòng 14".
      const key = by === "row" ? (placed ? placed.replace(/, cột .*$/, "") : `Dòng ${f.row}`) : f.code;
      map.set(key, [...(map.get(key) ?? []), f]);
    }
    return [...map.entries()];
  }, [findings, by, place]);

  if (findings.length === 0) return <Text>Không có phát hiện nào.</Text>;
  return (
    <>
      <TabList selectedValue={by} onTabSelect={(_, d) => setBy(d.value as "row" | "code")} size="small" aria-label="Nhóm phát hiện">
        <Tab value="row">Theo dòng</Tab>
        <Tab value="code">Theo loại</Tab>
      </TabList>
      {groups.map(([key, list]) => {
        const heading = by === "code" ? `${findingLabel(key)} (${list.length})` : key;
        return (
          <section key={key} className={styles.group} aria-label={heading}>
            <Text className={styles.heading}>{heading}</Text>
            {list.map((f, i) => (
              <div key={i}>
                <Button appearance="subtle" className={styles.item} onClick={() => onSelect(f)} aria-label={`${SEVERITY_LABEL[f.severity]} tại ${place?.(f) ?? `ô ${f.cell}`}: ${f.message}`}>
                  <span>
                    <strong style={{ color: SEVERITY_COLOR[f.severity] }}>
                      {SEVERITY_LABEL[f.severity]} · {where(f)}
                    </strong>{" "}
                    {f.message}
                  </span>
                </Button>
                {f.candidates && f.candidates.length > 0 && (
                  <div className={styles.picks} role="group" aria-label={`Chọn chỉ tiêu cho dòng ${f.row}`}>
                    {onAssign ? (
                      f.candidates.map((c) => (
                        <Button key={c.code} size="small" className={styles.pick} title={c.name} onClick={() => onAssign(f, c.code)} aria-label={`Gán mã ${c.code} (${c.name}) cho dòng ${f.row}`}>
                          Gán {c.code}
                        </Button>
                      ))
                    ) : (
                      <Text size={200}>Có thể là: {f.candidates.map((c) => `${c.code} ${c.name}`).join("; ")} (tệp Word chỉ đọc: hãy gán mã trong sổ Excel).</Text>
                    )}
                  </div>
                )}
              </div>
            ))}
          </section>
        );
      })}
    </>
  );
}
