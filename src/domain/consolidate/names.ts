/** Names of the sheets the consolidation writes (and never reads back as a source). */
export const SHEET_INDICATORS = "Tổng hợp chỉ tiêu";
export const SHEET_TASKS = "Tổng hợp nhiệm vụ";
export const SHEET_SOURCES = "Nguồn";
/** Prefix of the merged appendices ("Hợp nhất Chỉ tiêu"): a commune's final copy. */
export const MERGED_SHEET_PREFIX = "Hợp nhất";
