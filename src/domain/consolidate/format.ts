/** Values as Vietnamese readers expect them in messages: "72%", "1,5", "Đã triển khai". */
import { formatNumberVi } from "../numbers";

export function formatValue(value: number | string | null, percent: boolean): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  return percent ? `${formatNumberVi(value * 100, 2)}%` : formatNumberVi(value, 2);
}
