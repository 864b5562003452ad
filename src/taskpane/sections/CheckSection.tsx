import { useState } from "react";
import { Badge, Button, Field, makeStyles, MessageBar, MessageBarBody, Radio, RadioGroup, Text, tokens } from "@fluentui/react-components";
import { useEnv } from "../context";
import { SheetPicker } from "../components/SheetPicker";
import { StatusLine, useCommand } from "../components/Status";
import { FindingList } from "../components/FindingList";
import type { Finding } from "../../domain/finding";
import type { SheetReport } from "../../domain/validate";
import { isTidyFix, markedSheets, runAssignCode, runCheck, runFixes, runMarks, runUnmarks } from "../actions";
import type { UnitType } from "../../catalog/types";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  verdict: { fontWeight: tokens.fontWeightSemibold },
});

/** What an empty workbook offers instead of a check. */
const NO_SHEET = "Sổ làm việc chưa có trang tính nào để kiểm tra. Hãy chèn phụ lục mẫu ở mục Chèn phụ lục, hoặc mở một tệp có bảng phụ lục.";

/** "Kiểm tra": check a sheet before submission, list findings, fix and mark. */
export function CheckSection() {
  const env = useEnv();
  const styles = useStyles();
  const [sheet, setSheet] = useState<string>("");
  const [unitType, setUnitType] = useState<"auto" | UnitType>("auto");
  const [report, setReport] = useState<SheetReport | null>(null);
  // Whether the checked sheet carries marks: read from the record kept in the workbook, so it survives closing the pane.
  const [marked, setMarked] = useState(false);
  const [names, setNames] = useState<string[] | null>(null);
  const { status, run, busy } = useCommand();
  const unit = () => (unitType === "auto" ? undefined : unitType);

  function check() {
    return run("Đang kiểm tra…", async () => {
      const { names, active } = await env.host.sheets();
      const target = sheet || active;
      if (!names.length || !target) {
        setReport(null);
        return { kind: "error", text: NO_SHEET };
      }
      const r = await runCheck(env, target, names, unit());
      setReport(r);
      setMarked((await markedSheets(env)).includes(r.name));
      return { kind: "done", text: `Đã kiểm tra trang tính “${r.name}”.` };
    });
  }

  function apply(kind: "fix" | "mark" | "unmark") {
    if (!report) return;
    const busyText = kind === "fix" ? "Đang sửa…" : kind === "mark" ? "Đang đánh dấu…" : "Đang xóa đánh dấu…";
    return run(busyText, async () => {
      if (kind === "fix") {
        const done = await runFixes(env, report);
        const skipped = done.changedSince.length
          ? [`Không sửa ${done.changedSince.length} ô vì đã có người sửa sau lần kiểm tra: ${done.changedSince.join(", ")}.`]
          : [];
        setReport(null);
        return { kind: "done", text: `Đã sửa ${done.count} ô. Hãy bấm Kiểm tra ngay để xem lại.`, notDone: [...skipped, ...done.notDone] };
      }
      if (kind === "mark") {
        const done = await runMarks(env, report);
        const how = done.method === "note" ? "ghi chú vào" : "tô màu vàng nhạt (định dạng có điều kiện, không đổi định dạng của ô)";
        const text = done.notDone.length ? `Chưa đánh dấu được ${done.count} ô.` : `Đã ${how} ${done.count} ô trên trang tính.`;
        setMarked(done.notDone.length === 0);
        return { kind: "done", text, notDone: done.notDone };
      }
      if (!marked) return;
      const done = await runUnmarks(env, report.name);
      setMarked(false);
      return { kind: "done", text: done.notDone.length ? "Chưa xóa hết đánh dấu." : "Đã xóa đánh dấu và trả lại các ô như trước.", notDone: done.notDone };
    });
  }

  /** Write the code the official picked into the row's "Mã" cell, then check again. */
  function assign(f: Finding, code: string) {
    return run(`Đang gán mã ${code} cho dòng ${f.row}…`, async () => {
      const done = await runAssignCode(env, f.sheet, f.row, code);
      const { names } = await env.host.sheets();
      setReport(await runCheck(env, f.sheet, names, unit()));
      return { kind: "done", text: `Đã ghi mã ${code} vào ô ${done.cell}${done.added ? " (cột “Mã” mới thêm bên phải bảng)" : ""}.`, notDone: done.notDone };
    });
  }

  const fixable = report?.findings.filter(isTidyFix).length ?? 0;
  return (
    <>
      <SheetPicker value={sheet} onChange={setSheet} onNames={setNames} />
      {names !== null && names.length === 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{NO_SHEET}</MessageBarBody>
        </MessageBar>
      )}
      <Field label="Loại đơn vị hành chính">
        <RadioGroup layout="horizontal" value={unitType} onChange={(_, d) => setUnitType(d.value as "auto" | UnitType)}>
          <Radio value="auto" label="Tự nhận biết" />
          <Radio value="xa" label="Xã" />
          <Radio value="phuong" label="Phường" />
        </RadioGroup>
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" onClick={check} disabled={busy || names?.length === 0}>
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
          {report.kind === "unknown" && (
            <Text>
              Trang tính này không có bảng phụ lục nào mà phần bổ trợ nhận ra. Hãy chọn trang tính có bảng chỉ tiêu hoặc nhiệm vụ, hoặc
              chèn phụ lục mẫu ở mục Chèn phụ lục.
            </Text>
          )}
          {report.commune && (
            <Text>
              Đơn vị: {report.commune.type === "phuong" ? "Phường" : "Xã"} {report.commune.name}
            </Text>
          )}
          {!env.readOnly && (
            <div className={styles.row}>
              <Button onClick={() => apply("fix")} disabled={busy || fixable === 0}>
                Sửa ({fixable})
              </Button>
              <Button onClick={() => apply("mark")} disabled={busy || report.findings.length === 0}>
                Đánh dấu trên trang tính
              </Button>
              <Button onClick={() => apply("unmark")} disabled={busy || !marked}>
                Xóa đánh dấu
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
