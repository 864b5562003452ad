import { useEffect, useState } from "react";
import { Button, Dropdown, Field, Option, makeStyles, tokens } from "@fluentui/react-components";
import { useEnv } from "../context";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end", minWidth: 0 },
  grow: { flex: "1 1 180px", minWidth: 0 },
  dropdown: { minWidth: 0, width: "100%" },
});

/** Pick a sheet of the open workbook; defaults to the active one. */
export function SheetPicker({ value, onChange, label = "Trang tính" }: { value: string; onChange: (name: string) => void; label?: string }) {
  const { host } = useEnv();
  const styles = useStyles();
  const [names, setNames] = useState<string[]>([]);

  async function refresh() {
    try {
      const { names, active } = await host.sheets();
      setNames(names);
      if (!value || !names.includes(value)) onChange(active);
    } catch {
      setNames([]);
    }
  }
  useEffect(() => {
    void refresh();
  }, []);

  return (
    <div className={styles.row}>
      <Field label={label} className={styles.grow}>
        <Dropdown
          className={styles.dropdown}
          value={value}
          selectedOptions={value ? [value] : []}
          onOptionSelect={(_, d) => d.optionValue && onChange(d.optionValue)}
          aria-label={label}
        >
          {names.map((n) => (
            <Option key={n} value={n}>
              {n}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Button onClick={refresh} aria-label="Tải lại danh sách trang tính">
        Tải lại
      </Button>
    </div>
  );
}
