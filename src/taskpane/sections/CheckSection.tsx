import { useState } from "react";
import { Badge, Button, Field, makeStyles, Radio, RadioGroup, Text, tokens } from "@fluentui/react-components";
import { useEnv, messageOf } from "../context";
import { SheetPicker } from "../components/SheetPicker";
import { StatusLine, type Status } from "../components/Status";
import { FindingList } from "../components/FindingList";
import type { Finding } from "../../domain/finding";
import type { SheetReport } from "../../domain/validate";
import { isTidyFix, markedSheets, runAssignCode, runCheck, runFixes, runMarks, runUnmarks } from "../actions";
import type { UnitType } from "../../catalog/types";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  verdict: { fontWeight: tokens.fontWeightSemibold },
});

/** "Kiểm tra": check a sheet before submission, list findings, fix and mark. */
export function CheckSection() {
  const env = useEnv();
  const styles = useStyles();
  const [sheet, setSheet] = useState<string>("");
  const [unitType, setUnitType] = useState<"auto" | UnitType>("auto");
  const [report, setReport] = useState<SheetReport | null>(null);
  // Whether the checked sheet carries marks: read from the record kept in the workbook, so it survives closing the pane.
  const [marked, setMarked] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: "idle" });

  async function run() {
    setStatus({ kind: "busy", text: "Đang kiểm tra…" });
    try {
      const { names, active } = await env.host.sheets();
      const r = await runCheck(env, sheet || active, names, unitType === "auto" ? undefined : unitType);
      setReport(r);
      setMarked((await markedSheets(env)).includes(r.name));
      setStatus({ kind: "done", text: `Đã kiểm tra trang "${r.name}".` });
    } catch (e) {
      setStatus({ kind: "error", text: messageOf(e) });
    }
  }

  async function apply(kind: "fix" | "mark" | "unmark") {
    if (!report) return;
    try {
      if (kind === "fix") {
        const done = await runFixes(env, report);
        const skipped = done.changedSince.length
          ? [`Không sửa ${done.changedSince.length} ô vì đã có người sửa sau lần kiểm tra: ${done.changedSince.join(", ")}.`]
          : [];
        setStatus({ kind: "done", text: `Đã sửa ${done.count} ô. Hãy bấm Kiểm tra ngay để xem lại.`, notDone: [...skipped, ...done.notDone] });
        setReport(null);
      } else if (kind === "mark") {
        const done = await runMarks(env, report);
        const how = done.method === "note" ? "ghi chú vào" : "tô màu vàng nhạt (định dạng có điều kiện, không đổi định dạng của ô)";
        const text = done.notDone.length ? `Chưa đánh dấu được ${done.count} ô.` : `Đã ${how} ${done.count} ô trên trang tính.`;
        setMarked(done.notDone.length === 0);
        setStatus({ kind: "done", text, notDone: done.notDone });
      } else if (marked) {
        const done = await runUnmarks(env, report.name);
        setMarked(false);
        setStatus({ kind: "done", text: done.notDone.length ? "Chưa xoá hết đánh dấu." : "Đã xoá đánh dấu và trả lại các ô như trước.", notDone: done.notDone });
      }
    } catch (e) {
      setStatus({ kind: "error", text: messageOf(e) });
    }
  }

  /** Write the code the official picked into the row's "Mã" cell, then check again. */
  async function assign(f: Finding, code: string) {
    setStatus({ kind: "busy", text: `Đang gán mã ${code} cho dòng ${f.row}…` });
    try {
      const done = await runAssignCode(env, f.sheet, f.row, code);
      const { names } = await env.host.sheets();
      setReport(await runCheck(env, f.sheet, names, unitType === "auto" ? undefined : unitType));
      setStatus({ kind: "done", text: `Đã ghi mã ${code} vào ô ${done.cell}${done.added ? " (cột “Mã” mới thêm bên phải bảng)" : ""}.`, notDone: done.notDone });
    } catch (e) {
      setStatus({ kind: "error", text: messageOf(e) });
    }
  }

  const fixable = report?.findings.filter(isTidyFix).length ?? 0;
  return (
    <>
      <SheetPicker value={sheet} onChange={setSheet} />
      <Field label="Loại đơn vị hành chính">
        <RadioGroup layout="horizontal" value={unitType} onChange={(_, d) => setUnitType(d.value as "auto" | UnitType)}>
          <Radio value="auto" label="Tự nhận biết" />
          <Radio value="xa" label="Xã" />
          <Radio value="phuong" label="Phường" />
        </RadioGroup>
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" onClick={run} disabled={status.kind === "busy"}>
          Kiểm tra ngay
        </Button>
      </div>
      <StatusLine status={status} />
      {report && (
        <>
          <div className={styles.row} aria-label="Số phát hiện theo mức độ">
            <Badge color="danger">{report.counts.error} lỗi</Badge>
            <Badge color="warning">{report.counts.warning} cảnh báo</Badge>
            <Badge color="informative">{report.counts.info} lưu ý</Badge>
          </div>
          <Text className={styles.verdict} role="status">
            {report.counts.error === 0 ? "Sẵn sàng nộp." : `Chưa sẵn sàng nộp: còn ${report.counts.error} lỗi cần sửa.`}
          </Text>
          {report.commune && (
            <Text>
              Đơn vị: {report.commune.type === "phuong" ? "Phường" : "Xã"} {report.commune.name}
            </Text>
          )}
          {!env.readOnly && (
            <div className={styles.row}>
              <Button onClick={() => apply("fix")} disabled={fixable === 0}>
                Sửa ({fixable})
              </Button>
              <Button onClick={() => apply("mark")} disabled={report.findings.length === 0}>
                Đánh dấu trên trang tính
              </Button>
              <Button onClick={() => apply("unmark")} disabled={!marked}>
                Xoá đánh dấu
              </Button>
            </div>
          )}
          <FindingList
            findings={report.findings}
            onSelect={(f: Finding) => env.host.select(f.sheet, f.cell).catch(() => undefined)}
            {...(env.place ? { place: (f: Finding) => env.place!(f.sheet, f.cell) } : {})}
            onAssign={assign}
          />
        </>
      )}
    </>
  );
}
