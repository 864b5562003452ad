import { useEffect, useRef, useState } from "react";
import { Button, Checkbox, Field, Input, makeStyles, ProgressBar, Text, tokens } from "@fluentui/react-components";
import { useEnv, messageOf, type NewWorkbook } from "../context";
import { StatusLine, useCommand } from "../components/Status";
import { LabelledGroup } from "../components/LabelledGroup";
import { STATUS_TEXT, type ConsolidationResult } from "../../domain/consolidate";
import type { WorkbookSnapshot } from "../../domain/snapshot";
import { runConsolidate, type FileSource } from "../actions";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  list: { display: "flex", flexDirection: "column", minWidth: 0 },
  problem: { color: tokens.colorPaletteRedForeground1 },
  hidden: { display: "none" },
  name: { overflowWrap: "anywhere" },
});

/**
 * "Tổng hợp": merge units' appendices into new sheets. Sources: the files open in the
 * web page (ticked), sheets of this workbook, and files picked from disk. In Excel the
 * new sheets go into this workbook; in the web page into a new workbook of their own,
 * "tong-hop-<ngày báo cáo>.xlsx".
 */
export function ConsolidateSection() {
  const env = useEnv();
  const { host, catalog, today, readFile, revision, openFiles, newWorkbook } = env;
  const styles = useStyles();
  const [names, setNames] = useState<string[]>([]);
  const [ticked, setTicked] = useState<string[]>([]);
  // Files open in the page: ticked unless the person unticks them (those made in the page start unticked).
  const [fileTicks, setFileTicks] = useState<Record<number, boolean>>({});
  const [files, setFiles] = useState<File[]>([]);
  const [asOf, setAsOf] = useState("");
  const [withinCommune, setWithinCommune] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number; file: string } | null>(null);
  const [result, setResult] = useState<ConsolidationResult | null>(null);
  const [target, setTarget] = useState<NewWorkbook | null>(null);
  const { status, setStatus, run, busy } = useCommand();
  const cancelled = useRef(false);
  const picker = useRef<HTMLInputElement | null>(null);

  useEffect(() => {
    host.sheets().then(
      (s) => setNames(s.names),
      () => setNames([]),
    );
  }, [host, status, revision]);

  const isTicked = (f: { id: number; fromDisk: boolean }) => fileTicks[f.id] ?? f.fromDisk;
  // Sheets of this workbook picked one by one stand for it: the whole file is not read as well.
  const chosenOpen = (openFiles ?? []).filter((f) => isTicked(f) && !(f.current && ticked.length > 0));
  const count = chosenOpen.length + files.length + ticked.length;

  const consolidate = () =>
    run("Đang đọc các nguồn…", async () => {
      cancelled.current = false;
      setResult(null);
      setTarget(null);
      const date = asOf || today();
      const jobs: { name: string; read: () => Promise<WorkbookSnapshot> }[] = [
        ...chosenOpen.map((f) => ({ name: f.name, read: f.read })),
        ...files.map((f) => ({
          name: f.name,
          // Workbooks and Word plans alike; the readers load only when files are read (never at the pane's start-up).
          read: async () => (await (await import("../../hosts/input")).readInput(await readFile(f), f.name)).snapshot(),
        })),
      ];
      const sources: FileSource[] = [];
      for (let i = 0; i < jobs.length; i++) {
        if (cancelled.current) {
          setProgress(null);
          return { kind: "error", text: "Đã hủy. Không có thay đổi nào được ghi." };
        }
        setProgress({ done: i, total: jobs.length, file: jobs[i].name });
        try {
          sources.push({ file: jobs[i].name, workbook: await jobs[i].read() });
        } catch (e) {
          sources.push({ file: jobs[i].name, workbook: null, error: messageOf(e) });
        }
      }
      setProgress(null);
      const options = { asOf: date, withinCommune };
      let r: ConsolidationResult;
      let notDone: string[];
      let into: NewWorkbook | null = null;
      if (newWorkbook) {
        // The web page: this workbook's sheets are read here, the result goes into a workbook of its own.
        const own = ticked.length ? (await host.readSheets(ticked)).sheets.map((s) => ({ file: s.name, workbook: { sheets: [s] } })) : [];
        into = await newWorkbook(`tong-hop-${date}.xlsx`);
        ({ result: r, notDone } = await runConsolidate({ host: into.host, catalog, today }, [], [...own, ...sources], options));
      } else {
        ({ result: r, notDone } = await runConsolidate({ host, catalog, today }, ticked, sources, options));
      }
      setResult(r);
      setTarget(into);
      const included = r.sources.filter((s) => s.included).length;
      const total = r.sources.length;
      const where = into ? `vào sổ làm việc mới “${into.fileName}”` : "vào các trang tính mới";
      const left = total - included;
      const text =
        included === total
          ? `Đã tổng hợp ${included}/${total} nguồn ${where}.`
          : included === 0
            ? `Chưa tổng hợp được nguồn nào (0/${total}): không nguồn nào đọc được bảng phụ lục. Lý do của từng nguồn ở danh sách dưới đây và ở trang “Nguồn”.`
            : `Đã tổng hợp ${included}/${total} nguồn ${where}; ${left} nguồn không đưa vào tổng hợp, lý do ở danh sách dưới đây.`;
      return { kind: "done", text, notDone, partial: included < total };
    });

  return (
    <>
      {openFiles && openFiles.length > 0 && (
        <LabelledGroup label="Tệp đã mở trong trang này">
          {openFiles.map((f) => (
            <Checkbox
              key={f.id}
              label={`${f.name}${f.current ? " (đang xem)" : ""}${f.current && ticked.length ? " — dùng các trang tính chọn bên dưới" : ""}`}
              checked={isTicked(f)}
              onChange={(_, d) => setFileTicks((t) => ({ ...t, [f.id]: Boolean(d.checked) }))}
            />
          ))}
        </LabelledGroup>
      )}
      <LabelledGroup label={openFiles ? "Hoặc từng trang tính của sổ đang xem" : "Trang tính trong sổ này"}>
        {names.map((n) => (
          <Checkbox
            key={n}
            label={n}
            checked={ticked.includes(n)}
            onChange={(_, d) => setTicked((t) => (d.checked ? [...t, n] : t.filter((x) => x !== n)))}
          />
        ))}
      </LabelledGroup>
      <LabelledGroup label="Tệp khác trên máy (.xlsx, .docx)">
        <div className={styles.row}>
          <Button onClick={() => picker.current?.click()}>Chọn tệp…</Button>
          <Text>{files.length ? `${files.length} tệp đã chọn` : "Chưa chọn tệp nào"}</Text>
        </div>
        <input
          ref={picker}
          className={styles.hidden}
          type="file"
          multiple
          accept=".xlsx,.xlsm,.docx"
          aria-label="Chọn tệp của các đơn vị"
          onChange={(e) => setFiles(e.target.files ? Array.from(e.target.files) : [])}
        />
        {files.length > 0 && (
          <ul className={styles.list} aria-label="Tệp đã chọn">
            {files.map((f) => (
              <li key={f.name} className={styles.name}>
                {f.name}
              </li>
            ))}
          </ul>
        )}
        <Text size={200}>Tệp được đọc ngay trên máy này, không tải lên đâu.</Text>
      </LabelledGroup>
      <div className={styles.row}>
        <Field label="Ngày báo cáo" hint="Để trống: ngày hôm nay">
          <Input type="date" value={asOf} onChange={(_, d) => setAsOf(d.value)} />
        </Field>
        <Checkbox checked={withinCommune} onChange={(_, d) => setWithinCommune(Boolean(d.checked))} label="Các phòng, ban trong một xã" />
      </div>
      <div className={styles.row}>
        <Button appearance="primary" onClick={consolidate} disabled={busy || count === 0}>
          Tổng hợp ngay{count ? ` (${count} nguồn)` : ""}
        </Button>
        {progress && (
          <Button
            onClick={() => {
              cancelled.current = true;
              setStatus({ kind: "busy", text: "Đang hủy…" });
            }}
          >
            Hủy
          </Button>
        )}
      </div>
      {count === 0 && <Text>Chọn ít nhất một tệp hoặc trang tính để tổng hợp.</Text>}
      {progress && (
        <Field label={`Đang đọc ${progress.file} (${progress.done + 1}/${progress.total})`}>
          <ProgressBar value={progress.done / progress.total} />
        </Field>
      )}
      <StatusLine status={status}>
        {target && (
          <div className={styles.row}>
            <Button appearance="primary" size="small" onClick={target.show}>
              Xem sổ tổng hợp
            </Button>
            <Button size="small" onClick={() => void target.download()}>
              Tải xuống {target.fileName}
            </Button>
          </div>
        )}
      </StatusLine>
      {result && (
        <ul className={styles.list} aria-label="Các nguồn">
          {result.sources.map((s, i) => (
            <li key={i} className={s.included ? styles.name : `${styles.name} ${styles.problem}`}>
              {s.file}: {s.unit ?? "chưa rõ đơn vị"} — {s.status === "ok" ? "đã đọc" : STATUS_TEXT[s.status]}
              {s.problem ? `: ${s.problem}` : ""}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
