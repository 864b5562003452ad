import { useState } from "react";
import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import { useEnv } from "../context";
import { SheetPicker } from "../components/SheetPicker";
import { StatusLine, useCommand } from "../components/Status";
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
  const [names, setNames] = useState<string[] | null>(null);
  const [asOf, setAsOf] = useState("");
  const [summary, setSummary] = useState<Summary | null>(null);
  const { status, run, busy } = useCommand();

  const compute = () =>
    run("Đang tính…", async () => {
      const done = await runCompute({ host, catalog, today }, sheet, asOf || null);
      setSummary(done.summary);
      // Show the columns just computed.
      if (done.focus) await host.select(sheet, done.focus).catch(() => undefined);
      return { kind: "done", text: `Đã thêm hoặc làm mới các cột tính toán trên trang tính “${sheet}”.`, notDone: done.notDone };
    });

  const exportWord = () =>
    run("Đang tạo văn bản Word…", async () => {
      const { fileName, bytes } = await runExportWord({ host, catalog, today }, sheet);
      downloadBytes(bytes, fileName, DOCX_TYPE);
      return { kind: "done", text: `Đã tạo văn bản Word “${fileName}” (khổ A4 ngang, thể thức Nghị định 30) và tải xuống.` };
    });

  // Over every computed appendix of the workbook, not only the sheet computed last.
  const overview = () =>
    summary &&
    run("Đang tạo trang Tổng quan…", async () => {
      const done = await runOverview({ host, catalog, today });
      return { kind: "done", text: `Đã tạo trang tính “${done.sheet}”.`, notDone: done.notDone };
    });

  return (
    <>
      <SheetPicker value={sheet} onChange={setSheet} onNames={setNames} />
      {names !== null && names.length === 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>Sổ làm việc chưa có trang tính nào. Hãy chèn phụ lục mẫu (mẫu Báo cáo kết quả) hoặc mở tệp có bảng phụ lục.</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Field label="Ngày báo cáo" hint="Để trống: luôn lấy ngày hôm nay">
          <Input type="date" value={asOf} onChange={(_, d) => setAsOf(d.value)} />
        </Field>
      </div>
      <div className={styles.row}>
        <Button appearance="primary" onClick={compute} disabled={!sheet || busy}>
          Tính toán ngay
        </Button>
        <Button onClick={overview} disabled={!summary || busy}>
          Tạo trang Tổng quan
        </Button>
        <Button onClick={exportWord} disabled={!sheet || busy} title="Tải phụ lục của trang đã chọn về dưới dạng văn bản Word để đính kèm kế hoạch">
          Xuất Word
        </Button>
      </div>
      <StatusLine status={status} />
      {summary && <SummaryPanel summary={summary} onSelect={(s, cell) => host.select(s, cell).catch(() => undefined)} />}
    </>
  );
}
