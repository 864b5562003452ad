import { useEffect, useState } from "react";
import { Button, Dropdown, Field, Option, makeStyles, tokens } from "@fluentui/react-components";
import { useEnv } from "../context";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end", minWidth: 0 },
  grow: { flex: "1 1 180px", minWidth: 0 },
  dropdown: { minWidth: 0, width: "100%" },
});

/** Pick a sheet of the open workbook; defaults to the active one. */
export function SheetPicker({
  value,
  onChange,
  onNames,
  label = "Trang tính",
}: {
  value: string;
  onChange: (name: string) => void;
  /** Told the workbook's sheet names whenever they are read (an empty workbook has none). */
  onNames?: (names: string[]) => void;
  label?: string;
}) {
  const { host, revision } = useEnv();
  const styles = useStyles();
  const [names, setNames] = useState<string[]>([]);

  async function refresh() {
    try {
      const { names, active } = await host.sheets();
      setNames(names);
      onNames?.(names);
      if (!value || !names.includes(value)) onChange(names.includes(active) ? active : (names[0] ?? ""));
    } catch {
      setNames([]);
    }
  }
  // Again whenever the workbook changes under the pane (the web page counts its changes).
  useEffect(() => {
    void refresh();
  }, [host, revision]);

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
