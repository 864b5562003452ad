import { useMemo, useState } from "react";
import { Combobox, Field, Option } from "@fluentui/react-components";
import type { Commune } from "../../catalog/types";
import { communeLabel } from "../../domain/match";
import { foldKey } from "../../domain/text";
import type { IsoDate } from "../../domain/dates";

/** Choose a commune or ward; typing with or without diacritics both find it. */
export function CommunePicker({
  communes,
  asOf,
  value,
  onChange,
}: {
  communes: Commune[];
  asOf: IsoDate;
  value: Commune | null;
  onChange: (c: Commune | null) => void;
}) {
  const [query, setQuery] = useState(value ? communeLabel(value, asOf) : "");
  const matches = useMemo(() => {
    const q = foldKey(query);
    return communes.filter((c) => !q || foldKey(communeLabel(c, asOf)).includes(q) || foldKey(c.name).includes(q)).slice(0, 40);
  }, [communes, query, asOf]);
  return (
    <Field label="Xã, phường" required hint="Gõ tên, có dấu hoặc không dấu">
      <Combobox
        freeform
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onOptionSelect={(_, d) => {
          const c = communes.find((x) => x.code === d.optionValue) ?? null;
          onChange(c);
          if (c) setQuery(communeLabel(c, asOf));
        }}
        aria-label="Xã, phường"
      >
        {matches.map((c) => (
          <Option key={c.code} value={c.code} text={communeLabel(c, asOf)}>
            {communeLabel(c, asOf)}
          </Option>
        ))}
      </Combobox>
    </Field>
  );
}
