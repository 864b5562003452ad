import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { CellValue, SheetSnapshot } from "../domain/snapshot";
import { a1, columnLetter, parseRange, type Range } from "../domain/address";
import { displayCell } from "./cellFormat";
import { STATUS_CHOICES, type EditableCell, type SheetView } from "./sheetView";

const MAX_ROWS = 2000;
const MAX_COLS = 40;
/** The row numbers' column. */
const ROW_HEAD_PX = 40;
/** Excel's default column width (characters) when the file sets none. */
const DEFAULT_WIDTH = 8.43;

const useStyles = makeStyles({
  wrap: {
    overflow: "auto",
    maxHeight: "70vh",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    "@media (max-width: 600px)": { maxHeight: "55vh" },
  },
  table: { borderCollapse: "separate", borderSpacing: 0, tableLayout: "fixed", fontSize: tokens.fontSizeBase200 },
  head: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground3,
    fontWeight: tokens.fontWeightSemibold,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  corner: { left: 0, zIndex: 3 },
  rowHead: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    textAlign: "right",
    paddingRight: "4px",
    fontWeight: tokens.fontWeightRegular,
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  cell: {
    position: "relative",
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 4px",
    verticalAlign: "top",
    whiteSpace: "pre-wrap",
    // Break long words only where they do not fit: never one character per line.
    overflowWrap: "break-word",
    ":focus": { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  },
  editable: { backgroundColor: "#FFFBE6", cursor: "cell" },
  // The cell a finding or a command points at: Excel's selection, drawn a little stronger.
  selected: { outline: `3px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-3px", backgroundColor: tokens.colorBrandBackground2 },
  note: {
    position: "absolute",
    top: 0,
    right: 0,
    width: 0,
    height: 0,
    borderTop: `7px solid ${tokens.colorPaletteRedBorder2}`,
    borderLeft: "7px solid transparent",
  },
  tip: {
    position: "absolute",
    top: "100%",
    left: "60%",
    zIndex: 4,
    width: "16em",
    maxWidth: "70vw",
    padding: "4px 6px",
    whiteSpace: "pre-wrap",
    textAlign: "left",
    color: tokens.colorNeutralForeground1,
    backgroundColor: "#FFFFE1",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    boxShadow: tokens.shadow8,
  },
  editor: { width: "100%", boxSizing: "border-box", font: "inherit", minWidth: "6em" },
});

export interface GridProps {
  sheet: SheetSnapshot;
  /** The domain's view: current results of the add-in's formulas, editable cells, colours. */
  view: SheetView;
  /** A range to show (a finding's cell): highlighted and scrolled into view. */
  selected: string | null;
  /** The add-in's highlights (marks where notes could not be written): A1 → colour. */
  highlights?: Map<string, string>;
  /** Commit a typed value; resolves with a message when it was refused. */
  onEdit?: (cell: EditableCell, text: string) => Promise<string | null>;
  onUndo?: () => void;
  onRedo?: () => void;
}

interface Layout {
  rows: number[];
  cols: number[];
  widths: Map<number, number>;
  /** Top-left cells of merged areas → their spans over visible rows and columns. */
  spans: Map<string, { rowSpan: number; colSpan: number }>;
  /** Cells covered by a merged area (not drawn). */
  covered: Set<string>;
}

/**
 * The sheet as Excel shows it: values through their number formats, the add-in's
 * formula columns with what they compute now, hidden rows and columns left out,
 * merged areas drawn as one cell, notes as a red corner (the note shows on hover and
 * on focus), highlights and verdict colours. Results, statuses and completion dates
 * are typed in place: Enter, F2, a double click or just typing starts; Enter or
 * leaving the cell commits; Escape cancels; Ctrl+Z and Ctrl+Y undo and redo. One
 * cell is in the tab order; arrow keys move within the grid.
 */
export function Grid({ sheet, view, selected, highlights, onEdit, onUndo, onRedo }: GridProps) {
  const styles = useStyles();
  const wrapRef = useRef<HTMLDivElement | null>(null);
  const sel: Range | null = selected ? parseRange(selected) : null;
  const layout = useMemo(() => layoutOf(sheet), [sheet]);
  const [active, setActive] = useState<{ row: number; col: number }>(() => ({ row: layout.rows[0] ?? 1, col: layout.cols[0] ?? 1 }));
  const [editing, setEditing] = useState<{ address: string; initial: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [tip, setTip] = useState<string | null>(null);

  useEffect(() => {
    if (!sel) return;
    setActive({ row: sel.top, col: sel.left });
    wrapRef.current?.querySelector(`[data-cell="${a1(sel.top, sel.left)}"]`)?.scrollIntoView({ block: "center", inline: "center" });
  }, [selected, sheet.name]);

  const focusCell = (row: number, col: number) => {
    setActive({ row, col });
    requestAnimationFrame(() => (wrapRef.current?.querySelector(`[data-cell="${a1(row, col)}"]`) as HTMLElement | null)?.focus());
  };

  async function commit(cell: EditableCell, text: string) {
    if (!onEdit) return;
    const refused = await onEdit(cell, text);
    setProblem(refused);
    if (!refused) {
      setEditing(null);
      focusCell(cell.row, cell.col);
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLTableElement>) {
    if (editing) return;
    const mod = e.ctrlKey || e.metaKey;
    if (mod && e.key.toLowerCase() === "z" && onUndo) {
      e.preventDefault();
      onUndo();
      return;
    }
    if (mod && e.key.toLowerCase() === "y" && onRedo) {
      e.preventDefault();
      onRedo();
      return;
    }
    const r = layout.rows.indexOf(active.row);
    const c = layout.cols.indexOf(active.col);
    const move: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    if (move[e.key]) {
      e.preventDefault();
      const nr = layout.rows[Math.max(0, Math.min(layout.rows.length - 1, r + move[e.key][0]))];
      const nc = layout.cols[Math.max(0, Math.min(layout.cols.length - 1, c + move[e.key][1]))];
      if (nr !== undefined && nc !== undefined) focusCell(nr, nc);
      return;
    }
    const address = a1(active.row, active.col);
    const cell = view.editable.get(address);
    if (!cell || !onEdit) return;
    if (e.key === "Enter" || e.key === "F2") {
      e.preventDefault();
      setEditing({ address, initial: editText(sheet, cell) });
    } else if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      void commit(cell, "");
    } else if (e.key.length === 1 && !mod && !e.altKey) {
      e.preventDefault();
      setEditing({ address, initial: e.key });
    }
  }

  // Stable handlers (rows are memoised): they read the latest state through a ref.
  const latest = useRef({ sheet, onEdit, active, commit, focusCell });
  latest.current = { sheet, onEdit, active, commit, focusCell };
  const handlers = useMemo<RowHandlers>(
    () => ({
      activate: (row, col) => setActive({ row, col }),
      startEdit: (address, cell) => {
        if (latest.current.onEdit) setEditing({ address, initial: editText(latest.current.sheet, cell) });
      },
      commit: (cell, text) => latest.current.commit(cell, text),
      cancel: () => {
        setEditing(null);
        setProblem(null);
        latest.current.focusCell(latest.current.active.row, latest.current.active.col);
      },
      tip: setTip,
    }),
    [],
  );

  const visibleCols = layout.cols;
  return (
    <div className={styles.wrap} ref={wrapRef}>
      {problem && (
        <p role="alert" style={{ margin: 4, color: tokens.colorPaletteRedForeground1 }}>
          {problem}
        </p>
      )}
      <table className={styles.table} style={{ width: `${ROW_HEAD_PX + visibleCols.reduce((t, c) => t + layout.widths.get(c)!, 0)}px` }} role="grid" aria-label={`Trang tính ${sheet.name}`} aria-rowcount={sheet.values.length} onKeyDown={onKeyDown}>
        <colgroup>
          <col style={{ width: `${ROW_HEAD_PX}px` }} />
          {visibleCols.map((c) => (
            <col key={c} style={{ width: `${layout.widths.get(c)}px` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th className={`${styles.head} ${styles.corner}`} aria-label="Dòng / cột" />
            {visibleCols.map((c) => (
              <th key={c} className={styles.head} scope="col">
                {columnLetter(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {layout.rows.map((r) => (
            <Row
              key={r}
              row={r}
              sheet={sheet}
              view={view}
              layout={layout}
              styles={styles}
              activeCol={active.row === r ? active.col : null}
              selLeft={sel && r >= sel.top && r <= sel.bottom ? sel.left : null}
              selRight={sel && r >= sel.top && r <= sel.bottom ? sel.right : null}
              highlights={highlights}
              editing={editing && rowOf(editing.address) === r ? editing : null}
              tip={tip && rowOf(tip) === r ? tip : null}
              on={handlers}
            />
          ))}
        </tbody>
      </table>
      {sheet.values.length > MAX_ROWS && <p>Chỉ hiển thị {MAX_ROWS} dòng đầu.</p>}
    </div>
  );
}

interface RowHandlers {
  activate: (row: number, col: number) => void;
  startEdit: (address: string, cell: EditableCell) => void;
  commit: (cell: EditableCell, text: string) => Promise<void>;
  cancel: () => void;
  tip: (address: string | null) => void;
}

interface RowProps {
  row: number;
  sheet: SheetSnapshot;
  view: SheetView;
  layout: Layout;
  styles: ReturnType<typeof useStyles>;
  activeCol: number | null;
  /** The selected columns on this row (null: none selected here). */
  selLeft: number | null;
  selRight: number | null;
  highlights: Map<string, string> | undefined;
  editing: { address: string; initial: string } | null;
  tip: string | null;
  on: RowHandlers;
}

/** One row; redrawn only when its own cells, focus or selection change. */
const Row = memo(function Row(p: RowProps) {
  const { row, sheet, view, layout, styles } = p;
  return (
    <tr aria-rowindex={row}>
      <th className={styles.rowHead} scope="row">
        {row}
      </th>
      {layout.cols.map((col) => {
        const address = a1(row, col);
        if (layout.covered.has(address)) return null;
        const span = layout.spans.get(address);
        const value: CellValue = view.computed.has(address) ? view.computed.get(address)! : (sheet.values[row - 1]?.[col - 1] ?? null);
        const shown = displayCell(value, sheet.numberFormats?.[row - 1]?.[col - 1]);
        const editable = view.editable.get(address);
        const note = sheet.notes?.[address];
        const tone = view.tones.get(address);
        const fill = p.highlights?.get(address);
        const isSel = p.selLeft !== null && p.selRight !== null && col >= p.selLeft && col <= p.selRight;
        const isActive = p.activeCol === col;
        const className = [styles.cell, editable && styles.editable, isSel && styles.selected].filter(Boolean).join(" ");
        const formula = sheet.formulas?.[row - 1]?.[col - 1];
        return (
          <td
            key={col}
            role="gridcell"
            className={className}
            colSpan={span?.colSpan}
            rowSpan={span?.rowSpan}
            data-cell={address}
            aria-selected={isSel || undefined}
            aria-readonly={editable ? undefined : true}
            aria-label={isActive ? `${address}${editable ? ` (${editable.label}, sửa được)` : ""}: ${shown.text || "trống"}${note ? `. Ghi chú: ${note}` : ""}` : undefined}
            tabIndex={isActive ? 0 : -1}
            title={formula ?? undefined}
            style={{
              textAlign: shown.align,
              ...(shown.color ? { color: shown.color } : {}),
              ...(tone ? { backgroundColor: tone.fill, color: tone.color } : {}),
              ...(fill ? { backgroundColor: fill } : {}),
            }}
            onClick={() => p.on.activate(row, col)}
            onDoubleClick={() => editable && p.on.startEdit(address, editable)}
            onFocus={() => {
              if (!isActive) p.on.activate(row, col);
              if (note) p.on.tip(address);
            }}
            onBlur={() => note && p.on.tip(null)}
            onMouseEnter={() => note && p.on.tip(address)}
            onMouseLeave={() => note && p.on.tip(null)}
          >
            {p.editing?.address === address && editable ? (
              <Editor cell={editable} initial={p.editing.initial} className={styles.editor} onCommit={p.on.commit} onCancel={p.on.cancel} />
            ) : (
              shown.text
            )}
            {note && <span className={styles.note} aria-hidden />}
            {note && p.tip === address && (
              <span className={styles.tip} role="tooltip">
                {note}
              </span>
            )}
          </td>
        );
      })}
    </tr>
  );
});

function Editor({
  cell,
  initial,
  className,
  onCommit,
  onCancel,
}: {
  cell: EditableCell;
  initial: string;
  className: string;
  onCommit: (cell: EditableCell, text: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [text, setText] = useState(initial);
  const done = useRef(false);
  const label = `${cell.label}, dòng ${cell.row}`;
  const finish = (value: string) => {
    if (done.current) return;
    done.current = true;
    void onCommit(cell, value).finally(() => (done.current = false));
  };
  const keys = (e: KeyboardEvent<HTMLElement>) => {
    e.stopPropagation();
    if (e.key === "Enter") {
      e.preventDefault();
      finish(text);
    } else if (e.key === "Escape") {
      e.preventDefault();
      done.current = true;
      onCancel();
    }
  };
  if (cell.kind === "status") {
    return (
      <select
        className={className}
        aria-label={label}
        autoFocus
        value={STATUS_CHOICES.includes(text) ? text : ""}
        onChange={(e) => {
          setText(e.target.value);
          finish(e.target.value);
        }}
        onKeyDown={keys}
        onBlur={() => !done.current && onCancel()}
      >
        <option value="">(để trống)</option>
        {STATUS_CHOICES.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input
      className={className}
      aria-label={label}
      autoFocus
      value={text}
      placeholder={cell.kind === "completedOn" ? "dd/mm/yyyy" : undefined}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={keys}
      onBlur={() => finish(text)}
    />
  );
}

/** What the editor starts with: the cell as shown (a date as dd/mm/yyyy, 60% as "60%"). */
function editText(sheet: SheetSnapshot, cell: EditableCell): string {
  const v = sheet.values[cell.row - 1]?.[cell.col - 1] ?? null;
  return displayCell(v, sheet.numberFormats?.[cell.row - 1]?.[cell.col - 1]).text;
}

function rowOf(address: string): number {
  return Number(address.replace(/^[A-Z]+/, ""));
}

/** Excel's pixel width of a column of `chars` characters (Calibri 11: 7 px a digit, 5 px padding). */
export function columnPixels(chars: number): number {
  return Math.round(chars * 7 + 5);
}

function layoutOf(sheet: SheetSnapshot): Layout {
  const hiddenRows = new Set(sheet.hiddenRows ?? []);
  const hiddenCols = new Set(sheet.hiddenColumns ?? []);
  const rowCount = Math.min(sheet.values.length, MAX_ROWS);
  const colCount = Math.min(Math.max(0, ...sheet.values.slice(0, rowCount).map((r) => r.length)), MAX_COLS);
  const rows = Array.from({ length: rowCount }, (_, i) => i + 1).filter((r) => !hiddenRows.has(r));
  const cols = Array.from({ length: colCount }, (_, i) => i + 1).filter((c) => !hiddenCols.has(c));
  const known = sheet.columnWidths;
  const widths = new Map<number, number>();
  for (const c of cols) {
    const w = known?.[c - 1];
    // A file that sets no widths at all (a Word table, a generated file): wide enough for its words.
    widths.set(c, columnPixels(typeof w === "number" ? Math.max(w, 2) : known?.length ? DEFAULT_WIDTH : contentWidth(sheet, c, rowCount)));
  }
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  const covered = new Set<string>();
  for (const m of sheet.merges ?? []) {
    const r = parseRange(m);
    const rs = rows.filter((x) => x >= r.top && x <= r.bottom);
    const cs = cols.filter((x) => x >= r.left && x <= r.right);
    if (!rs.length || !cs.length) continue;
    spans.set(a1(rs[0], cs[0]), { rowSpan: rs.length, colSpan: cs.length });
    for (const rr of rs) for (const cc of cs) if (rr !== rs[0] || cc !== cs[0]) covered.add(a1(rr, cc));
  }
  return { rows, cols, widths, spans, covered };
}

/** Characters for a column without a width: its longest short text, within 8–40. */
function contentWidth(sheet: SheetSnapshot, col: number, rows: number): number {
  let longest = 0;
  for (let r = 0; r < rows; r++) {
    const v = sheet.values[r]?.[col - 1];
    if (v === null || v === undefined) continue;
    longest = Math.max(longest, Math.min(String(v).length, 40));
  }
  return Math.max(8, Math.min(40, longest * 0.9));
}
