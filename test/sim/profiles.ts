/**
 * The Excel versions the add-in meets, as requirement-set profiles.
 *
 * Sources: "Excel JavaScript API requirement sets" (learn.microsoft.com/javascript/api/
 * requirement-sets/excel/excel-api-requirement-sets): Office 2019 (volume licence and
 * retail) supports ExcelApi 1.1–1.8, Office 2021 up to 1.14, Office 2024 up to 1.17;
 * ExcelApi 1.18 (notes) is in Microsoft 365 and Excel on the web only. Excel on the web
 * adds the 5 MB request and response payload limits ("Resource limits and performance
 * optimization for Office Add-ins", section "Excel add-ins").
 */
export interface Profile {
  id: "excel2019" | "excel2021" | "excel2024" | "m365" | "web";
  label: string;
  /** The highest ExcelApi minor version: 8 means ExcelApi 1.8. */
  excelApi: number;
  /** Request and response payload limit in UTF-8 bytes (Excel on the web only). */
  payloadLimit: number | null;
}

export const PROFILES: readonly Profile[] = [
  { id: "excel2019", label: "Excel 2019 (ExcelApi 1.8)", excelApi: 8, payloadLimit: null },
  { id: "excel2021", label: "Excel 2021 (ExcelApi 1.14)", excelApi: 14, payloadLimit: null },
  { id: "excel2024", label: "Excel 2024 (ExcelApi 1.17)", excelApi: 17, payloadLimit: null },
  { id: "m365", label: "Microsoft 365 (ExcelApi 1.18+)", excelApi: 19, payloadLimit: null },
  { id: "web", label: "Excel trên web (ExcelApi 1.18+, giới hạn 5 MB)", excelApi: 19, payloadLimit: 5 * 1024 * 1024 },
];

export function profile(id: Profile["id"]): Profile {
  return PROFILES.find((p) => p.id === id)!;
}

/** "1.14" → 14; other sets than ExcelApi are not modelled and answer false. */
export function minorOf(version: string): number {
  const m = /^1\.(\d+)$/.exec(version.trim());
  return m ? Number(m[1]) : Infinity;
}

/** `Office.context.requirements.isSetSupported(name, minVersion)` as this profile answers it. */
export function supportsOf(p: Profile): (set: string, version: string) => boolean {
  return (set, version) => set === "ExcelApi" && minorOf(version) <= p.excelApi;
}
