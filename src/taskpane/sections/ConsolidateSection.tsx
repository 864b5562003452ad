import { useEffect, useRef, useState } from "react";
import { Button, Checkbox, Field, Input, makeStyles, ProgressBar, Text, tokens } from "@fluentui/react-components";
import { useEnv, messageOf } from "../context";
import { StatusLine, type Status } from "../components/Status";
import { STATUS_TEXT, type ConsolidationResult } from "../../domain/consolidate";
import type { WorkbookSnapshot } from "../../domain/snapshot";
import { runConsolidate, type FileSource } from "../actions";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  list: { display: "flex", flexDirection: "column" },
  problem: { color: tokens.colorPaletteRedForeground1 },
});

/** "Tổng hợp": merge units' sheets, from this workbook and from files on disk, into new sheets. */
export function ConsolidateSection() {
  const { host, catalog, today, readFile } = useEnv();
  const styles = useStyles();
  const [names, setNames] = useState<string[]>([]);
  const [ticked, setTicked] = useState<string[]>([]);
  const [files, setFiles] = useState<File[]>([]);
  const [asOf, setAsOf] = useState("");
  const [withinCommune, setWithinCommune] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number; file: string } | null>(null);
  const [result, setResult] = useState<ConsolidationResult | null>(null);
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const cancelled = useRef(false);

  useEffect(() => {
    host.sheets().then((s) => setNames(s.names), () => setNames([]));
  }, [host, status]);

  async function run() {
    cancelled.current = false;
    setStatus({ kind: "busy", text: "Đang đọc các nguồn…" });
    setResult(null);
    try {
      const sources: FileSource[] = [];
      for (let i = 0; i < files.length; i++) {
        if (cancelled.current) {
          setStatus({ kind: "error", text: "Đã huỷ. Không có thay đổi nào được ghi." });
          setProgress(null);
          return;
        }
        const f = files[i];
        setProgress({ done: i, total: files.length, file: f.name });
        let workbook: WorkbookSnapshot | null = null;
        let error: string | undefined;
        try {
          // Workbooks and Word plans alike; the readers load only when files are read (never at the pane's start-up).
          const { readInput } = await import("../../hosts/input");
          workbook = (await readInput(await readFile(f), f.name)).snapshot();
        } catch (e) {
          error = messageOf(e);
        }
        sources.push({ file: f.name, workbook, ...(error ? { error } : {}) });
      }
      setProgress(null);
      const { result: r, notDone } = await runConsolidate({ host, catalog, today }, ticked, sources, { asOf: asOf || today(), withinCommune });
      setResult(r);
      setStatus({ kind: "done", text: `Đã tổng hợp ${r.sources.filter((s) => s.included).length} nguồn vào các trang mới.`, notDone });
    } catch (e) {
      setProgress(null);
      setStatus({ kind: "error", text: messageOf(e) });
    }
  }

  return (
    <>
      <Field label="Trang tính trong sổ này">
        <div className={styles.list}>
          {names.map((n) => (
            <Checkbox
              key={n}
              label={n}
              checked={ticked.includes(n)}
              onChange={(_, d) => setTicked((t) => (d.checked ? [...t, n] : t.filter((x) => x !== n)))}
            />
          ))}
        </div>
      </Field>
      <Field label="Tệp của các đơn vị (.xlsx, .docx)" hint="Tệp được đọc ngay trên máy này, không tải lên đâu.">
        <input
          type="file"
          multiple
          accept=".xlsx,.xlsm,.docx"
          aria-label="Chọn tệp của các đơn vị"
          onChange={(e) => setFiles(e.target.files ? Array.from(e.target.files) : [])}
        />
      </Field>
      <div className={styles.row}>
        <Field label="Ngày báo cáo">
          <Input type="date" value={asOf} onChange={(_, d) => setAsOf(d.value)} />
        </Field>
        <Checkbox checked={withinCommune} onChange={(_, d) => setWithinCommune(Boolean(d.checked))} label="Các phòng, ban trong một xã" />
      </div>
      <div className={styles.row}>
        <Button appearance="primary" onClick={run} disabled={status.kind === "busy" || (ticked.length === 0 && files.length === 0)}>
          Tổng hợp ngay
        </Button>
        {progress && <Button onClick={() => (cancelled.current = true)}>Huỷ</Button>}
      </div>
      {progress && (
        <Field label={`Đang đọc ${progress.file} (${progress.done + 1}/${progress.total})`}>
          <ProgressBar value={progress.done / progress.total} />
        </Field>
      )}
      <StatusLine status={status} />
      {result && (
        <div className={styles.list} aria-label="Các nguồn">
          {result.sources.map((s, i) => (
            <Text key={i} className={s.status === "ok" ? undefined : styles.problem}>
              {s.file}: {s.unit ?? "chưa rõ đơn vị"} — {s.status === "ok" ? "đã đọc" : STATUS_TEXT[s.status]}
              {s.problem ? `: ${s.problem}` : ""}
            </Text>
          ))}
        </div>
      )}
    </>
  );
}
