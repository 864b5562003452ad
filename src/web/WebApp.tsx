import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Button, Link, makeStyles, MessageBar, MessageBarBody, Spinner, Tab, TabList, Text, Title3, tokens } from "@fluentui/react-components";
import type { FileHost } from "../hosts/file/host";
import type { WorkbookPackage } from "../hosts/file/package/workbook";
import type { DocumentHost } from "../hosts/docx/host";
import type { Edit } from "../domain/edits";
import type { WorkbookSnapshot } from "../domain/snapshot";
import type { SectionId } from "../taskpane/sections";
import { documentKind } from "../hosts/docx/sniff";
import { EnvProvider, localToday, messageOf, type NewWorkbook, type OpenFile, type TaskpaneEnv } from "../taskpane/context";
import { Sections } from "../taskpane/App";
import { defaultCatalog } from "../domain/catalog";
import { MARKS_NAMESPACE, parseMarks } from "../domain/marks";
import { downloadBytes } from "../taskpane/download";
import { planCellEdit, sheetView, type EditableCell } from "./sheetView";

const useStyles = makeStyles({
  page: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalL,
    padding: tokens.spacingHorizontalS,
    alignItems: "flex-start",
    boxSizing: "border-box",
    maxWidth: "100vw",
  },
  sheet: { flex: "1 1 480px", minWidth: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  pane: { flex: "1 1 300px", minWidth: 0, maxWidth: "460px", "@media (max-width: 780px)": { maxWidth: "none" } },
  drop: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
  },
  dragging: { backgroundColor: tokens.colorBrandBackground2 },
  hidden: { display: "none" },
  // Tabs scroll sideways instead of being cut at a narrow width.
  tabs: { overflowX: "auto", overflowY: "hidden", maxWidth: "100%", "& [role=tablist]": { flexWrap: "nowrap" }, "& [role=tab]": { flexShrink: 0 } },
  tools: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  hint: { color: tokens.colorNeutralForeground3 },
});

/** The file host and the package layer, loaded with the first file opened or created. */
function loadFileHost() {
  return Promise.all([import("../hosts/file/host"), import("../hosts/file/read"), import("../hosts/file/apply")]).then(([host, read, apply]) => ({ ...host, ...read, ...apply }));
}

/** A change typed into the grid, and how to take it back. */
interface Change {
  sheet: string;
  cell: string;
  undo: Edit[];
  redo: Edit[];
}

interface Opened {
  id: number;
  /** A workbook, or a Word document (read only: its tables can be checked, not changed). */
  host: FileHost | DocumentHost;
  /** Opened from disk, or made in the page (a new workbook, a consolidation). */
  origin: "disk" | "new" | "consolidation";
  /** The name its download gets. */
  downloadName: string;
  /** Changed since it was opened or last downloaded. */
  dirty: boolean;
  /** Counts changes, so that the grid and the pane read the workbook again. */
  revision: number;
  undo: Change[];
  redo: Change[];
}

// The grid (and numfmt, which formats its cells) loads with the first file, not with the page.
const Grid = lazy(() => import("./Grid").then((m) => ({ default: m.Grid })));

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const XLSM_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.12";

// The Word host is the one without bytes to download (a class check would load the file host at start-up).
const isDocument = (host: FileHost | DocumentHost): host is DocumentHost => !("bytes" in host);

/** The download's name for a file opened from disk: its own name, marked as processed. */
function diskDownloadName(host: FileHost): string {
  return host.fileName.replace(/\.xls[xm]$/i, "") + (host.macroEnabled ? "-phuluc.xlsm" : "-phuluc.xlsx");
}

/**
 * The task pane in a plain page, over workbooks opened from disk. Everything
 * happens in the browser; the result is downloaded, nothing is uploaded.
 */
export function WebApp() {
  const styles = useStyles();
  const [files, setFiles] = useState<Opened[]>([]);
  const [currentId, setCurrentId] = useState<number | null>(null);
  const [selected, setSelected] = useState<{ sheet: string; range: string } | null>(null);
  const [activeSheet, setActiveSheet] = useState<string>("");
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [showHidden, setShowHidden] = useState(false);
  const fileInput = useRef<HTMLInputElement | null>(null);
  const nextId = useRef(1);
  const catalog = useMemo(() => defaultCatalog(), []);

  const update = useCallback((id: number, change: (f: Opened) => Opened) => setFiles((prev) => prev.map((f) => (f.id === id ? change(f) : f))), []);

  // Work not yet downloaded is not lost to a reload or a closed tab without a question.
  const unsaved = files.some((f) => f.dirty);
  useEffect(() => {
    if (!unsaved) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);

  const onSelect = useCallback((sheet: string, range: string) => {
    setActiveSheet(sheet);
    setSelected({ sheet, range });
  }, []);

  const makeHost = useCallback(
    async (wb: WorkbookPackage, name: string, id: number): Promise<FileHost> => {
      const { FileHost: Host } = await loadFileHost();
      return new Host(wb, name, onSelect, () => update(id, (f) => ({ ...f, dirty: true, revision: f.revision + 1 })));
    },
    [onSelect, update],
  );

  function add(file: Opened, show = true) {
    setFiles((prev) => [...prev, file]);
    if (show) {
      setCurrentId(file.id);
      setActiveSheet(isDocument(file.host) ? file.host.activeSheet : (file.host.sheetNames()[0] ?? ""));
      setSelected(null);
    }
  }

  async function open(list: FileList | File[]) {
    setError(null);
    const problems: string[] = [];
    let first = true;
    for (const f of Array.from(list)) {
      try {
        const bytes = new Uint8Array(await f.arrayBuffer());
        const id = nextId.current++;
        if (documentKind(bytes, f.name) !== "workbook") {
          // The Word reader loads only when a document is opened.
          const [{ readDocx }, { DocumentHost }] = await Promise.all([import("../hosts/docx/read"), import("../hosts/docx/host")]);
          const host = new DocumentHost(await readDocx(bytes, f.name), f.name, onSelect);
          add({ id, host, origin: "disk", downloadName: f.name, dirty: false, revision: 0, undo: [], redo: [] }, first);
        } else {
          const { openWorkbook, snapshotWorkbook } = await loadFileHost();
          const wb = await openWorkbook(bytes, f.name);
          snapshotWorkbook(wb); // every sheet read once now: a damaged or oversized file is refused on opening, not later
          const host = await makeHost(wb, f.name, id);
          add({ id, host, origin: "disk", downloadName: diskDownloadName(host), dirty: false, revision: 0, undo: [], redo: [] }, first);
        }
        first = false;
      } catch (e) {
        problems.push(messageOf(e));
      }
    }
    if (problems.length) setError(problems.join(" "));
  }

  async function blankWorkbook(fileName: string, origin: Opened["origin"], show: boolean): Promise<Opened> {
    const id = nextId.current++;
    const host = await makeHost(await (await loadFileHost()).newWorkbook({ fileName }), fileName, id);
    const file: Opened = { id, host, origin, downloadName: fileName, dirty: false, revision: 0, undo: [], redo: [] };
    add(file, show);
    return file;
  }

  async function download(f: Opened) {
    if (isDocument(f.host)) return;
    const bytes = await f.host.bytes();
    downloadBytes(bytes, f.downloadName, f.host.macroEnabled ? XLSM_TYPE : XLSX_TYPE);
    update(f.id, (x) => ({ ...x, dirty: false }));
  }

  const file = files.find((f) => f.id === currentId) ?? files[0];
  const host = file?.host;
  const allSheets = host ? host.sheetNames() : [];
  // As in Excel, hidden sheets (the list sheet "Danh mục" that feeds the drop-downs) have no tab unless asked for.
  const hiddenSheets = host && !isDocument(host) ? allSheets.filter((n) => host.workbook.sheetInfo(n)?.state !== "visible") : [];
  const sheetNames = showHidden ? allSheets : allSheets.filter((n) => !hiddenSheets.includes(n));
  const shown = host ? (sheetNames.includes(activeSheet) ? activeSheet : sheetNames[0]) : undefined;
  if (host && shown) host.setActive(shown);
  const wordDoc = host && isDocument(host) ? host : null;
  const workbookHost = host && !isDocument(host) ? host : null;
  const revision = file?.revision ?? 0;
  const snapshot = useMemo(
    () => (host && shown ? (isDocument(host) ? (host.sheet(shown) ?? null) : host.snapshot(shown)) : null),
    // The snapshot is cached by the package until the workbook changes: `revision` says when.
    [host, shown, revision],
  );
  const today = localToday();
  const view = useMemo(() => (snapshot ? sheetView(snapshot, catalog, today) : null), [snapshot, catalog, today]);
  const highlights = useMemo(() => {
    const out = new Map<string, string>();
    if (!workbookHost || !shown) return out;
    const xml = workbookHost.workbook.ownCustomXml()[MARKS_NAMESPACE];
    for (const c of (xml && parseMarks(xml)?.[shown]) || []) if (c.kind === "fill") out.set(c.cell, c.color);
    return out;
  }, [workbookHost, shown, revision]);

  async function edit(cell: EditableCell, text: string): Promise<string | null> {
    if (!file || !workbookHost || !snapshot) return null;
    const plan = planCellEdit(snapshot, cell, text, catalog, localToday());
    if (!plan.ok) return plan.message;
    try {
      await workbookHost.apply(plan.edits);
    } catch (e) {
      return messageOf(e);
    }
    const change: Change = { sheet: snapshot.name, cell: `${snapshot.name}!${cell.row}:${cell.col}`, undo: plan.undo, redo: plan.edits };
    update(file.id, (f) => ({ ...f, undo: [...f.undo, change], redo: [] }));
    return null;
  }

  async function undoRedo(which: "undo" | "redo") {
    if (!file || !workbookHost) return;
    const stack = which === "undo" ? file.undo : file.redo;
    const change = stack[stack.length - 1];
    if (!change) return;
    try {
      await workbookHost.apply(which === "undo" ? change.undo : change.redo);
    } catch (e) {
      setError(messageOf(e));
      return;
    }
    setActiveSheet(change.sheet);
    update(file.id, (f) =>
      which === "undo" ? { ...f, undo: f.undo.slice(0, -1), redo: [...f.redo, change] } : { ...f, redo: f.redo.slice(0, -1), undo: [...f.undo, change] },
    );
  }

  return (
    <div className={styles.page}>
      <section className={styles.sheet} aria-label="Sổ làm việc">
        <Title3 as="h1">Phụ lục NQ57 — làm việc trên tệp Excel, ngay trong trình duyệt</Title3>
        <div
          className={dragging ? `${styles.drop} ${styles.dragging}` : styles.drop}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            void open(e.dataTransfer.files);
          }}
        >
          <Button appearance="primary" onClick={() => fileInput.current?.click()}>
            Mở tệp .xlsx, .docx
          </Button>
          <input
            ref={fileInput}
            id="file-input"
            className={styles.hidden}
            type="file"
            accept=".xlsx,.xlsm,.docx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            multiple
            aria-label="Chọn tệp Excel hoặc Word"
            onChange={(e) => {
              if (e.target.files) void open(e.target.files);
              e.target.value = ""; // the same file can be opened again
            }}
          />
          <Button onClick={() => void blankWorkbook("so-lam-viec-moi.xlsx", "new", true)}>Sổ làm việc mới</Button>
          <Button onClick={() => file && void download(file)} disabled={!file || Boolean(wordDoc)} title={file && !wordDoc ? `Tải xuống “${file.downloadName}”` : undefined}>
            Tải xuống tệp kết quả
          </Button>
          <Text>
            hoặc kéo thả tệp vào đây. Tệp chỉ được xử lý trên máy này, không gửi đi đâu. <Link href="../help.html">Hướng dẫn</Link>
          </Text>
        </div>
        {error && (
          <MessageBar intent="error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        {files.length > 1 && (
          <div className={styles.tabs}>
            <TabList selectedValue={String(file?.id)} onTabSelect={(_, d) => setCurrentId(Number(d.value))} aria-label="Tệp đang mở">
              {files.map((f) => (
                <Tab key={f.id} value={String(f.id)}>
                  {f.host.fileName}
                  {f.dirty ? " •" : ""}
                </Tab>
              ))}
            </TabList>
          </div>
        )}
        {file && !wordDoc && (
          <Text className={styles.hint}>
            Tệp tải xuống: “{file.downloadName}”{file.dirty ? " — có thay đổi chưa tải xuống." : "."}
          </Text>
        )}
        {host && sheetNames.length > 0 && (
          <div className={styles.tabs}>
            <TabList selectedValue={shown} onTabSelect={(_, d) => setActiveSheet(String(d.value))} aria-label="Trang tính">
              {sheetNames.map((n) => (
                <Tab key={n} value={n}>
                  {n}
                  {hiddenSheets.includes(n) ? " (ẩn)" : ""}
                </Tab>
              ))}
            </TabList>
          </div>
        )}
        {hiddenSheets.length > 0 && (
          <div className={styles.tools}>
            <Text size={200} className={styles.hint}>
              {hiddenSheets.length} trang tính đang ẩn (không in, không hiện trong Excel).
            </Text>
            <Button size="small" appearance="subtle" onClick={() => setShowHidden(!showHidden)}>
              {showHidden ? "Ẩn lại" : "Hiện trang tính ẩn"}
            </Button>
          </div>
        )}
        {snapshot && view && view.editable.size > 0 && workbookHost && (
          <div className={styles.tools}>
            <Button size="small" onClick={() => void undoRedo("undo")} disabled={!file?.undo.length} title="Ctrl+Z">
              Hoàn tác
            </Button>
            <Button size="small" onClick={() => void undoRedo("redo")} disabled={!file?.redo.length} title="Ctrl+Y">
              Làm lại
            </Button>
            <Text size={200} className={styles.hint}>
              Ô nền vàng nhạt: gõ kết quả, tình trạng, ngày hoàn thành ngay tại đây (nhấp đúp hoặc Enter để sửa).
            </Text>
          </div>
        )}
        {snapshot && view && (
          <Suspense fallback={<Spinner size="small" label="Đang hiển thị trang tính…" />}>
            <Grid
              key={`${file?.id}:${snapshot.name}`}
              sheet={snapshot}
              view={view}
              selected={selected && selected.sheet === shown ? selected.range : null}
              highlights={highlights}
              {...(workbookHost ? { onEdit: edit, onUndo: () => void undoRedo("undo"), onRedo: () => void undoRedo("redo") } : {})}
            />
          </Suspense>
        )}
        {host && allSheets.length === 0 && <Text>Sổ làm việc này chưa có trang tính nào: hãy chèn phụ lục ở mục Chèn phụ lục.</Text>}
      </section>
      <aside className={styles.pane} aria-label="Ngăn tác vụ">
        {files.length === 0 && (
          <Text>
            Mở một tệp .xlsx, .docx có bảng phụ lục, hoặc bấm “Sổ làm việc mới” để chèn phụ lục mẫu của tỉnh. Có thể xem trước{" "}
            <Link href="../mau/phu-luc-mau-bao-cao.xlsx" download>
              sổ mẫu
            </Link>
            .
          </Text>
        )}
        {files.map((f) => (
          <div key={f.id} className={f.id === file?.id ? undefined : styles.hidden}>
            <FilePane
              file={f}
              files={files}
              catalog={catalog}
              onRename={(name) => update(f.id, (x) => (x.origin === "new" ? { ...x, downloadName: name } : x))}
              newWorkbook={async (fileName) => {
                const made = await blankWorkbook(fileName, "consolidation", false);
                return { host: made.host as FileHost, fileName, show: () => setCurrentId(made.id), download: () => download(made) };
              }}
              readAll={async (o) => (isDocument(o.host) ? o.host.document : (await loadFileHost()).snapshotWorkbook((o.host as FileHost).workbook, o.host.fileName))}
            />
          </div>
        ))}
      </aside>
    </div>
  );
}

/** One file's task pane; every open file keeps its own, so switching files loses no report. */
function FilePane({
  file,
  files,
  catalog,
  onRename,
  newWorkbook,
  readAll,
}: {
  file: Opened;
  files: Opened[];
  catalog: ReturnType<typeof defaultCatalog>;
  onRename: (name: string) => void;
  newWorkbook: (fileName: string) => Promise<NewWorkbook>;
  readAll: (f: Opened) => Promise<WorkbookSnapshot>;
}) {
  const { host } = file;
  const doc = isDocument(host) ? host : null;
  const openFiles: OpenFile[] = files.map((o) => ({ id: o.id, name: o.host.fileName, current: o.id === file.id, fromDisk: o.origin === "disk", read: () => readAll(o) }));
  const env: TaskpaneEnv = {
    host,
    catalog,
    today: localToday,
    readFile: (f: File) => f.arrayBuffer(),
    revision: file.revision,
    nameFile: onRename,
    openFiles,
    newWorkbook,
    ...(doc ? { readOnly: true, place: (sheet: string, cell: string) => doc.place(sheet, cell) } : {}),
  };
  const first: SectionId = file.origin === "new" ? "insert" : "check";
  return (
    <EnvProvider value={env}>
      {doc && (
        <MessageBar intent="info">
          <MessageBarBody>
            Văn bản Word chỉ được đọc: kiểm tra các bảng ngay tại đây (lỗi được chỉ theo bảng, dòng và cột). Mục Tổng hợp ghi kết quả vào
            một sổ làm việc mới.
          </MessageBarBody>
        </MessageBar>
      )}
      <Sections defaultOpen={first} {...(doc ? { only: ["check", "summary"] as const } : {})} />
    </EnvProvider>
  );
}
