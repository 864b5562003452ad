import { useCallback, useMemo, useRef, useState } from "react";
import { Button, makeStyles, MessageBar, MessageBarBody, Tab, TabList, Text, Title3, tokens } from "@fluentui/react-components";
import { FileHost } from "../hosts/file/host";
import type { DocumentHost } from "../hosts/docx/host";
import { documentKind } from "../hosts/docx/sniff";
import { loadExcelJS, openWorkbook, snapshotSheet } from "../hosts/file/read";
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

interface Opened {
  /** A workbook, or a Word document (read only: its tables can be checked, not changed). */
  host: FileHost | DocumentHost;
  version: number;
}

const isDocument = (host: FileHost | DocumentHost): host is DocumentHost => !(host instanceof FileHost);
const sheetNamesOf = (host: FileHost | DocumentHost) => (isDocument(host) ? host.sheetNames() : host.workbook.worksheets.map((w) => w.name));

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
    (wb: import("exceljs").Workbook, name: string) =>
      new FileHost(
        wb,
        name,
        (sheet, range) => {
          setActiveSheet(sheet);
          setSelected({ sheet, range });
        },
        bump,
      ),
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
          const wb = await openWorkbook(bytes, f.name);
          opened.push({ host: makeHost(wb, f.name), version: 0 });
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
      setActiveSheet(isDocument(first) ? first.activeSheet : (sheetNamesOf(first)[0] ?? ""));
      setSelected(null);
    }
  }

  async function newWorkbook() {
    const ExcelJS = await loadExcelJS();
    const wb = new ExcelJS.Workbook();
    const host = makeHost(wb, "so-moi.xlsx");
    setFiles((prev) => [...prev, { host, version: 0 }]);
    setCurrent(files.length);
    setActiveSheet("");
  }

  async function download() {
    const f = files[current];
    if (!f || isDocument(f.host)) return;
    const bytes = await f.host.bytes();
    const blob = new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = f.host.fileName.replace(/\.xlsx$/i, "") + "-phuluc.xlsx";
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  const file = files[current];
  const host = file?.host;
  const sheetNames = host ? sheetNamesOf(host) : [];
  const shown = host ? (sheetNames.includes(activeSheet) ? activeSheet : sheetNames[0]) : undefined;
  if (host && shown) host.setActive(shown);
  const wordDoc = host && isDocument(host) ? host : null;
  const ws = host && !isDocument(host) && shown ? host.workbook.getWorksheet(shown) : undefined;
  const snapshot = wordDoc ? (shown ? (wordDoc.sheet(shown) ?? null) : null) : ws ? snapshotSheet(ws) : null;

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
            accept=".xlsx,.docx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
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
