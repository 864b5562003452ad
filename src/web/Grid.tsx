import { useEffect, useRef } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { SheetSnapshot } from "../domain/snapshot";
import { columnLetter, parseRange, type Range } from "../domain/address";
import { cellText } from "../domain/text";

const MAX_ROWS = 2000;
const MAX_COLS = 40;

const useStyles = makeStyles({
  wrap: { overflow: "auto", maxHeight: "70vh", border: `1px solid ${tokens.colorNeutralStroke1}` },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  head: { position: "sticky", top: 0, backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold },
  rowHead: { backgroundColor: tokens.colorNeutralBackground3, textAlign: "right", paddingRight: "4px" },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 4px",
    maxWidth: "24em",
    verticalAlign: "top",
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
  },
  selected: { outline: `3px solid ${tokens.colorPaletteRedBorder2}`, backgroundColor: tokens.colorPaletteYellowBackground2 },
});

/** A read-only view of a sheet; the selected cell is highlighted and scrolled into view. */
export function Grid({ sheet, selected }: { sheet: SheetSnapshot; selected: string | null }) {
  const styles = useStyles();
  const ref = useRef<HTMLTableCellElement | null>(null);
  const sel: Range | null = selected ? parseRange(selected) : null;
  useEffect(() => {
    ref.current?.scrollIntoView({ block: "center", inline: "center" });
  }, [selected, sheet]);

  const rows = Math.min(sheet.values.length, MAX_ROWS);
  const cols = Math.min(Math.max(0, ...sheet.values.slice(0, rows).map((r) => r.length)), MAX_COLS);
  const isSel = (r: number, c: number) => sel !== null && r >= sel.top && r <= sel.bottom && c >= sel.left && c <= sel.right;
  return (
    <div className={styles.wrap} role="region" aria-label={`Nội dung trang tính ${sheet.name}`} tabIndex={0}>
      <table className={styles.table}>
        <thead>
          <tr>
            <th className={styles.head} />
            {Array.from({ length: cols }, (_, c) => (
              <th key={c} className={styles.head} scope="col">
                {columnLetter(c + 1)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, r) => (
            <tr key={r}>
              <th className={styles.rowHead} scope="row">
                {r + 1}
              </th>
              {Array.from({ length: cols }, (_, c) => {
                const on = isSel(r + 1, c + 1);
                const formula = sheet.formulas?.[r]?.[c];
                return (
                  <td
                    key={c}
                    ref={on && sel && r + 1 === sel.top && c + 1 === sel.left ? ref : undefined}
                    className={on ? `${styles.cell} ${styles.selected}` : styles.cell}
                    data-cell={`${columnLetter(c + 1)}${r + 1}`}
                    aria-selected={on || undefined}
                    title={formula ?? undefined}
                  >
                    {cellText(sheet.values[r]?.[c] ?? null)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {sheet.values.length > MAX_ROWS && <p>Chỉ hiển thị {MAX_ROWS} dòng đầu.</p>}
    </div>
  );
}
