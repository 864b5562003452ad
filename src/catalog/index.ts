/**
 * The province's reference lists (indicators, units, bodies, communes), versioned.
 * Bump CATALOG_VERSION whenever any list's data changes; codes are never reused.
 */
export * from "./types";
export * from "./indicators";
export * from "./units";
export * from "./bodies";
export * from "./communes";

export const CATALOG_VERSION = "2026.2";
