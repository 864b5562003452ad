import { useEffect, useState } from "react";
import { Button, Checkbox, Field, Input, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useEnv, messageOf } from "../context";
import { CommunePicker } from "../components/CommunePicker";
import { StatusLine, type Status } from "../components/Status";
import type { Commune } from "../../catalog/types";
import { insertPreview } from "../../domain/layout";
import { runInsert } from "../actions";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  narrow: { width: "8em" },
});

/** "Chèn phụ lục": the province's standard appendices for one commune or ward. */
export function InsertSection() {
  const { host, catalog, today } = useEnv();
  const styles = useStyles();
  const [commune, setCommune] = useState<Commune | null>(null);
  const [year, setYear] = useState("2026");
  const [planNumber, setPlanNumber] = useState("");
  const [planDate, setPlanDate] = useState("");
  const [indicators, setIndicators] = useState(true);
  const [tasks, setTasks] = useState(true);
  const [existing, setExisting] = useState<string[]>([]);
  const [status, setStatus] = useState<Status>({ kind: "idle" });

  useEffect(() => {
    host.sheets().then((s) => setExisting(s.names), () => setExisting([]));
  }, [host, status]);

  const appendices = [...(indicators ? (["I"] as const) : []), ...(tasks ? (["II"] as const) : [])];
  const yearNumber = Number(year);
  const yearValid = Number.isInteger(yearNumber) && yearNumber >= 2020 && yearNumber <= 2100;
  const options = commune && yearValid && appendices.length > 0
    ? { commune, year: yearNumber, appendices: [...appendices], existingSheets: existing, catalog, asOf: planDate || today(), ...(planNumber ? { planNumber } : {}), ...(planDate ? { planDate } : {}) }
    : null;

  async function insert() {
    if (!options) return;
    setStatus({ kind: "busy", text: "Đang chèn…" });
    try {
      const done = await runInsert({ host, catalog, today }, options);
      setStatus({ kind: "done", text: `Đã tạo: ${done.sheets.join(", ")}.`, notDone: done.notDone });
    } catch (e) {
      setStatus({ kind: "error", text: messageOf(e) });
    }
  }

  return (
    <>
      <CommunePicker communes={catalog.communes} asOf={planDate || today()} value={commune} onChange={setCommune} />
      <div className={styles.row}>
        <Field label="Năm" validationMessage={yearValid ? undefined : "Năm từ 2020 đến 2100"}>
          <Input className={styles.narrow} type="number" value={year} onChange={(_, d) => setYear(d.value)} />
        </Field>
        <Field label="Số kế hoạch">
          <Input className={styles.narrow} value={planNumber} onChange={(_, d) => setPlanNumber(d.value)} placeholder="…/KH-UBND" />
        </Field>
        <Field label="Ngày kế hoạch">
          <Input type="date" value={planDate} onChange={(_, d) => setPlanDate(d.value)} />
        </Field>
      </div>
      <Field label="Phụ lục cần chèn">
        <Checkbox checked={indicators} onChange={(_, d) => setIndicators(Boolean(d.checked))} label="I. Danh mục chỉ tiêu" />
        <Checkbox checked={tasks} onChange={(_, d) => setTasks(Boolean(d.checked))} label="II. Danh mục nhiệm vụ" />
      </Field>
      {options && (
        <Text role="status" style={{ whiteSpace: "pre-line" }}>
          {insertPreview(options)}
        </Text>
      )}
      <Button appearance="primary" onClick={insert} disabled={!options || status.kind === "busy"}>
        Chèn vào sổ làm việc
      </Button>
      <StatusLine status={status} />
    </>
  );
}
