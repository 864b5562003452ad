import { useCallback, useMemo, useRef, useState } from "react";
import { Button, makeStyles, MessageBar, MessageBarBody, Tab, TabList, Text, Title3, tokens } from "@fluentui/react-components";
import type { FileHost } from "../hosts/file/host";
import type { WorkbookPackage } from "../hosts/file/package/workbook";
import type { DocumentHost } from "../hosts/docx/host";
import { documentKind } from "../hosts/docx/sniff";
import { EnvProvider, localToday, messageOf, type TaskpaneEnv } from "../taskpane/context";
import { Sections } from "../taskpane/App";
import { defaultCatalog } from "../domain/catalog";
import { Grid } from "./Grid";

const useStyles = makeStyles({
  page: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL, padding: tokens.spacingHorizontalS, alignItems: "flex-start" },
  sheet: { flex: "1 1 480px", minWidth: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  pane: { flex: "1 1 300px", minWidth: 0, maxWidth: "460px" },
  drop: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
  },
  dragging: { backgroundColor: tokens.colorBrandBackground2 },
  hidden: { display: "none" },
});

/** The file host and the package layer, loaded with the first file opened or created. */
function loadFileHost() {
  return Promise.all([import("../hosts/file/host"), import("../hosts/file/read"), import("../hosts/file/apply")]).then(([host, read, apply]) => ({ ...host, ...read, ...apply }));
}

interface Opened {
  /** A workbook, or a Word document (read only: its tables can be checked, not changed). */
  host: FileHost | DocumentHost;
  version: number;
}

// The Word host is the one without bytes to download (a class check would load the file host at start-up).
const isDocument = (host: FileHost | DocumentHost): host is DocumentHost => !("bytes" in host);

/**
 * The task pane in a plain page, over workbooks opened from disk. Everything
 * happens in the browser; the result is downloaded, nothing is uploaded.
 */
export function WebApp() {
  const styles = useStyles();
  const [files, setFiles] = useState<Opened[]>([]);
  const [current, setCurrent] = useState(0);
  const [selected, setSelected] = useState<{ sheet: string; range: string } | null>(null);
  const [activeSheet, setActiveSheet] = useState<string>("");
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [, setTick] = useState(0);
  const fileInput = useRef<HTMLInputElement | null>(null);

  const bump = useCallback(() => setTick((t) => t + 1), []);

  const makeHost = useCallback(
    async (wb: WorkbookPackage, name: string): Promise<FileHost> => {
      const { FileHost: Host } = await loadFileHost();
      return new Host(
        wb,
        name,
        (sheet, range) => {
          setActiveSheet(sheet);
          setSelected({ sheet, range });
        },
        bump,
      );
    },
    [bump],
  );

  async function open(list: FileList | File[]) {
    setError(null);
    const opened: Opened[] = [];
    const problems: string[] = [];
    for (const f of Array.from(list)) {
      try {
        const bytes = new Uint8Array(await f.arrayBuffer());
        if (documentKind(bytes, f.name) !== "workbook") {
          // The Word reader loads only when a document is opened.
          const [{ readDocx }, { DocumentHost }] = await Promise.all([import("../hosts/docx/read"), import("../hosts/docx/host")]);
          const doc = await readDocx(bytes, f.name);
          const host = new DocumentHost(doc, f.name, (sheet, range) => {
            setActiveSheet(sheet);
            setSelected({ sheet, range });
          });
          opened.push({ host, version: 0 });
        } else {
          const { openWorkbook, snapshotWorkbook } = await loadFileHost();
          const wb = await openWorkbook(bytes, f.name);
          snapshotWorkbook(wb); // every sheet read once now: a damaged or oversized file is refused on opening, not later
          opened.push({ host: await makeHost(wb, f.name), version: 0 });
        }
      } catch (e) {
        problems.push(messageOf(e));
      }
    }
    if (problems.length) setError(problems.join(" "));
    if (opened.length) {
      setFiles((prev) => [...prev, ...opened]);
      setCurrent(files.length);
      const first = opened[0].host;
      setActiveSheet(isDocument(first) ? first.activeSheet : (first.sheetNames()[0] ?? ""));
      setSelected(null);
    }
  }

  async function newWorkbook() {
    const host = await makeHost(await (await loadFileHost()).newWorkbook({ fileName: "so-moi.xlsx" }), "so-moi.xlsx");
    setFiles((prev) => [...prev, { host, version: 0 }]);
    setCurrent(files.length);
    setActiveSheet("");
  }

  async function download() {
    const f = files[current];
    if (!f || isDocument(f.host)) return;
    const bytes = await f.host.bytes();
    // A macro workbook stays an .xlsm (its macros and content type are kept).
    const macro = f.host.macroEnabled;
    const blob = new Blob([bytes as BlobPart], { type: macro ? "application/vnd.ms-excel.sheet.macroEnabled.12" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = f.host.fileName.replace(/\.xls[xm]$/i, "") + (macro ? "-phuluc.xlsm" : "-phuluc.xlsx");
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  const file = files[current];
  const host = file?.host;
  const sheetNames = host ? host.sheetNames() : [];
  const shown = host ? (sheetNames.includes(activeSheet) ? activeSheet : sheetNames[0]) : undefined;
  if (host && shown) host.setActive(shown);
  const wordDoc = host && isDocument(host) ? host : null;
  const snapshot = host && shown ? (isDocument(host) ? (host.sheet(shown) ?? null) : host.snapshot(shown)) : null;

  const env: TaskpaneEnv | null = useMemo(
    () =>
      host
        ? {
            host,
            catalog: defaultCatalog(),
            today: localToday,
            readFile: (f: File) => f.arrayBuffer(),
            ...(isDocument(host) ? { readOnly: true, place: (sheet: string, cell: string) => host.place(sheet, cell) } : {}),
          }
        : null,
    [host],
  );

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
            onChange={(e) => e.target.files && void open(e.target.files)}
          />
          <Button onClick={newWorkbook}>Sổ làm việc mới</Button>
          <Button onClick={download} disabled={!file || Boolean(wordDoc)}>
            Tải xuống tệp kết quả
          </Button>
          <Text>hoặc kéo thả tệp vào đây. Tệp chỉ được xử lý trên máy này, không gửi đi đâu.</Text>
        </div>
        {error && (
          <MessageBar intent="error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        {files.length > 1 && (
          <TabList selectedValue={String(current)} onTabSelect={(_, d) => setCurrent(Number(d.value))} aria-label="Tệp đang mở">
            {files.map((f, i) => (
              <Tab key={i} value={String(i)}>
                {f.host.fileName}
              </Tab>
            ))}
          </TabList>
        )}
        {host && sheetNames.length > 0 && (
          <TabList selectedValue={shown} onTabSelect={(_, d) => setActiveSheet(String(d.value))} aria-label="Trang tính">
            {sheetNames.map((n) => (
              <Tab key={n} value={n}>
                {n}
              </Tab>
            ))}
          </TabList>
        )}
        {snapshot && <Grid sheet={snapshot} selected={selected && selected.sheet === shown ? selected.range : null} />}
      </section>
      <aside className={styles.pane} aria-label="Ngăn tác vụ">
        {env ? (
          <EnvProvider value={env}>
            {wordDoc && (
              <MessageBar intent="info">
                <MessageBarBody>
                  Văn bản Word chỉ được đọc: kiểm tra các bảng ngay tại đây (lỗi được chỉ theo bảng, dòng và cột). Để tổng hợp, bấm “Sổ
                  làm việc mới” rồi chọn các tệp .docx, .xlsx ở mục Tổng hợp.
                </MessageBarBody>
              </MessageBar>
            )}
            <Sections key={current} {...(wordDoc ? { only: ["check"] as const } : {})} />
          </EnvProvider>
        ) : (
          <Text>Mở một tệp .xlsx, .docx hoặc tạo sổ làm việc mới để bắt đầu.</Text>
        )}
      </aside>
    </div>
  );
}
