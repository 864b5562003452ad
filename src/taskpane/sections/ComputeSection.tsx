import { useState } from "react";
import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useEnv, messageOf } from "../context";
import { SheetPicker } from "../components/SheetPicker";
import { StatusLine, type Status } from "../components/Status";
import { SummaryPanel } from "../components/SummaryPanel";
import type { Summary } from "../../domain/summary";
import { runCompute, runExportWord, runOverview } from "../actions";
import { downloadBytes, DOCX_TYPE } from "../download";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end" },
});

/** "Tính toán & cảnh báo": live achievement and overdue columns on the official's own sheet. */
export function ComputeSection() {
  const { host, catalog, today } = useEnv();
  const styles = useStyles();
  const [sheet, setSheet] = useState("");
  const [asOf, setAsOf] = useState("");
  const [summary, setSummary] = useState<Summary | null>(null);
  const [status, setStatus] = useState<Status>({ kind: "idle" });

  async function compute() {
    setStatus({ kind: "busy", text: "Đang tính…" });
    try {
      const done = await runCompute({ host, catalog, today }, sheet, asOf || null);
      setSummary(done.summary);
      setStatus({ kind: "done", text: `Đã thêm hoặc làm mới các cột tính toán trên trang "${sheet}".`, notDone: done.notDone });
    } catch (e) {
      setStatus({ kind: "error", text: messageOf(e) });
    }
  }

  async function exportWord() {
    setStatus({ kind: "busy", text: "Đang tạo văn bản Word…" });
    try {
      const { fileName, bytes } = await runExportWord({ host, catalog, today }, sheet);
      downloadBytes(bytes, fileName, DOCX_TYPE);
      setStatus({ kind: "done", text: `Đã tạo văn bản Word “${fileName}” (khổ A4 ngang, thể thức Nghị định 30) và tải xuống.` });
    } catch (e) {
      setStatus({ kind: "error", text: messageOf(e) });
    }
  }

  async function overview() {
    if (!summary) return;
    try {
      const done = await runOverview({ host, catalog, today });
      setStatus({ kind: "done", text: `Đã tạo trang "${done.sheet}".`, notDone: done.notDone });
    } catch (e) {
      setStatus({ kind: "error", text: messageOf(e) });
    }
  }

  return (
    <>
      <SheetPicker value={sheet} onChange={setSheet} />
      <div className={styles.row}>
        <Field label="Ngày báo cáo" hint="Để trống: luôn lấy ngày hôm nay">
          <Input type="date" value={asOf} onChange={(_, d) => setAsOf(d.value)} />
        </Field>
      </div>
      <div className={styles.row}>
        <Button appearance="primary" onClick={compute} disabled={!sheet || status.kind === "busy"}>
          Tính toán ngay
        </Button>
        <Button onClick={overview} disabled={!summary}>
          Tạo trang Tổng quan
        </Button>
        <Button onClick={exportWord} disabled={!sheet || status.kind === "busy"} title="Tải phụ lục của trang đã chọn về dưới dạng văn bản Word để đính kèm kế hoạch">
          Xuất Word
        </Button>
      </div>
      <StatusLine status={status} />
      {summary && <SummaryPanel summary={summary} onSelect={(s, cell) => host.select(s, cell).catch(() => undefined)} />}
    </>
  );
}
