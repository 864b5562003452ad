import { useEffect, useState } from "react";
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useEnv } from "../context";
import { CommunePicker } from "../components/CommunePicker";
import { LabelledGroup } from "../components/LabelledGroup";
import { StatusLine, useCommand } from "../components/Status";
import type { Commune } from "../../catalog/types";
import { insertPreview, markersOf, type InsertOptions } from "../../domain/layout";
import { communeLabel } from "../../domain/match";
import { foldKey } from "../../domain/text";
import { runInsert } from "../actions";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  narrow: { width: "8em" },
  preview: { whiteSpace: "pre-line" },
});

type Form = NonNullable<InsertOptions["form"]>;

/** "Chèn phụ lục": the province's standard appendices for one commune or ward. */
export function InsertSection() {
  const env = useEnv();
  const { host, catalog, today, revision } = env;
  const styles = useStyles();
  const [commune, setCommune] = useState<Commune | null>(null);
  const [year, setYear] = useState("2026");
  const [planNumber, setPlanNumber] = useState("");
  const [planDate, setPlanDate] = useState("");
  const [form, setForm] = useState<Form>("ke-hoach");
  const [indicators, setIndicators] = useState(true);
  const [tasks, setTasks] = useState(true);
  const [existing, setExisting] = useState<{ sheets: string[]; names: Record<string, string> }>({ sheets: [], names: {} });
  const [confirming, setConfirming] = useState(false);
  const { status, run, busy } = useCommand();

  useEffect(() => {
    host.readSheets([]).then(
      ({ workbook }) => setExisting({ sheets: workbook.sheetNames, names: workbook.names }),
      () => setExisting({ sheets: [], names: {} }),
    );
  }, [host, status, revision]);

  const appendices = [...(indicators ? (["I"] as const) : []), ...(tasks ? (["II"] as const) : [])];
  const yearNumber = Number(year);
  const yearValid = Number.isInteger(yearNumber) && yearNumber >= 2020 && yearNumber <= 2100;
  const options: InsertOptions | null =
    commune && yearValid && appendices.length > 0
      ? {
          commune,
          year: yearNumber,
          appendices: [...appendices],
          existingSheets: existing.sheets,
          existingNames: existing.names,
          catalog,
          asOf: planDate || today(),
          form,
          ...(planNumber ? { planNumber } : {}),
          ...(planDate ? { planDate } : {}),
        }
      : null;
  // Appendices this add-in already inserted in the workbook (its markers name their sheets).
  const inserted = markersOf(existing.names)
    .filter((m) => m.kind !== "lists" && existing.sheets.includes(m.sheet))
    .map((m) => m.sheet);

  function insert() {
    setConfirming(false);
    if (!options || !commune) return;
    return run("Đang chèn phụ lục…", async () => {
      const done = await runInsert({ host, catalog, today }, options);
      env.nameFile?.(`phu-luc-${foldKey(communeLabel(commune, options.asOf ?? today())).replace(/\s+/g, "-")}-${yearNumber}.xlsx`);
      const next =
        form === "ke-hoach"
          ? "Tiếp theo: điền số, ngày kế hoạch nếu còn trống, rồi in hoặc xuất Word để đính kèm kế hoạch."
          : "Tiếp theo: các phòng, ban nhập kết quả, tình trạng và ngày hoàn thành vào các ô nền vàng; tỷ lệ đạt, đánh giá và cảnh báo tự tính.";
      return { kind: "done", text: `Đã chèn: ${done.sheets.map((s) => `“${s}”`).join(", ")}. ${next}`, notDone: done.notDone };
    });
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
      <Field
        label="Mẫu phụ lục"
        hint={
          form === "ke-hoach"
            ? "Kế hoạch: phụ lục kèm theo kế hoạch, chưa có cột kết quả."
            : "Báo cáo kết quả: thêm cột kết quả, tỷ lệ đạt, đánh giá, tình trạng, cảnh báo và ô ngày báo cáo."
        }
      >
        <RadioGroup layout="horizontal" value={form} onChange={(_, d) => setForm(d.value as Form)}>
          <Radio value="ke-hoach" label="Kế hoạch" />
          <Radio value="bao-cao" label="Báo cáo kết quả" />
        </RadioGroup>
      </Field>
      <LabelledGroup label="Phụ lục cần chèn">
        <Checkbox checked={indicators} onChange={(_, d) => setIndicators(Boolean(d.checked))} label="I. Danh mục chỉ tiêu" />
        <Checkbox checked={tasks} onChange={(_, d) => setTasks(Boolean(d.checked))} label="II. Danh mục nhiệm vụ" />
      </LabelledGroup>
      {/* Once the appendices are in, the preview of another insertion belongs in the question that asks for it. */}
      {options && !inserted.length && <Text className={styles.preview}>{insertPreview(options)}</Text>}
      {!commune && <Text>Chọn xã, phường để xem trước các trang tính sẽ được thêm.</Text>}
      <Button
        appearance={inserted.length ? "secondary" : "primary"}
        onClick={() => (inserted.length ? setConfirming(true) : insert())}
        disabled={!options || busy}
      >
        {inserted.length ? "Chèn thêm phụ lục…" : "Chèn vào sổ làm việc"}
      </Button>
      <StatusLine status={status} />
      <Dialog open={confirming} onOpenChange={(_, d) => setConfirming(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Chèn thêm phụ lục?</DialogTitle>
            <DialogContent className={styles.preview}>
              Sổ làm việc đã có phụ lục do Phụ lục NQ57 chèn: {inserted.map((s) => `“${s}”`).join(", ")}. Chèn nữa sẽ thêm các trang
              tính mới (không thay đổi trang nào đã có).
              {options && `\n\n${insertPreview(options)}`}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={insert}>
                Vẫn chèn thêm
              </Button>
              <Button onClick={() => setConfirming(false)}>Không chèn</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
