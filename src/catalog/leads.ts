/**
 * The default lead body (Đơn vị chủ trì) of each indicator, for the standard
 * appendix the add-in inserts. The province's list does not say who leads an
 * indicator; each commune decides. These defaults are what the seed plans decided.
 *
 * DATA, NOT CODE. Derived once from the seed fixtures (test/fixtures/seeds: 000 Nhơn
 * Trạch, 001 Tân Lợi, 002 Minh Hưng, 004 Phú Trung) as follows:
 *   1. read each indicator table with readTable, match every indicator row to the
 *      catalog (matchIndicator) and its lead cell to bodies (splitBodies);
 *   2. count, per indicator code, the FIRST body named in the lead cell (the lead
 *      proper; "Phòng VH-XH; Tổ CNSCĐ" counts Phòng VH-XH);
 *   3. the most common body wins; on a tie, the body that leads fewer indicator rows
 *      across all seeds wins (a specialised office named for this indicator on
 *      purpose beats the focal point, Phòng VH-XH, which plans name by default):
 *      KH-04 → KT, CDS-13/18/19/25 → VP.
 * Exceptions, decided by hand and marked below: CDS-27, whose only seed (000) writes
 * the ambiguous "Văn phòng".
 * src/catalog/leads.test.ts recomputes steps 1–3 from the fixtures and checks this
 * table still agrees with them.
 *
 * Body codes are BODIES codes; the layout writes them named for the commune's type
 * (bodyName) and swaps the one ward-only/commune-only pair (KT ↔ KT-HT-DT).
 */

/** Indicator code → body code. */
export const INDICATOR_LEADS: Record<string, string> = {
  "HT-01": "VH-XH", // 000, 001, 002, 004
  "HT-02": "VH-XH",
  "HT-03": "VH-XH",
  "HT-04": "TTPVHCC",
  "NL-01": "KT-HT-DT", // 002 (a ward); a commune gets Phòng Kinh tế
  "NL-02": "VH-XH",
  "NL-03": "VH-XH", // VH-XH 2, VP 1
  "NL-04": "TRUONG", // TRUONG 2, VH-XH 1
  "NL-05": "VH-XH", // VH-XH 2, CAC-DON-VI 1
  "NL-06": "VH-XH",
  "NL-07": "KT",
  "KH-01": "CAC-DON-VI",
  "KH-02": "VH-XH",
  "KH-03": "KT-HT-DT",
  "KH-04": "KT", // tie KT / VH-XH → the specialised office
  "KH-05": "HDTDKT",
  "KH-06": "KT",
  "KH-07": "VH-XH",
  "CDS-01": "TTPVHCC",
  "CDS-02": "TTPVHCC",
  "CDS-03": "TTPVHCC",
  "CDS-04": "TTPVHCC", // TTPVHCC 2, VP 1
  "CDS-05": "TTPVHCC",
  "CDS-06": "TTPVHCC", // TTPVHCC 2, VP 1
  "CDS-07": "TTPVHCC",
  "CDS-08": "TTPVHCC",
  "CDS-09": "TTPVHCC",
  "CDS-10": "TTPVHCC",
  "CDS-11": "VH-XH", // VH-XH 2, VP 1
  "CDS-12": "VH-XH",
  "CDS-13": "VP", // tie VH-XH / VP → the specialised office
  "CDS-14": "VH-XH",
  "CDS-15": "KT-HT-DT",
  "CDS-16": "CA",
  "CDS-17": "VH-XH", // VH-XH 3, TTPVHCC 1
  "CDS-18": "VP", // tie VH-XH / VP
  "CDS-19": "VP", // tie VH-XH / VP
  "CDS-20": "VH-XH",
  "CDS-21": "VH-XH",
  "CDS-22": "TYT",
  "CDS-23": "CA",
  "CDS-24": "VH-XH",
  "CDS-25": "VP", // tie VP / VH-XH
  "CDS-26": "TTPVHCC",
  // BY HAND: 000 writes "Văn phòng" (Văn phòng HĐND và UBND or Văn phòng Đảng ủy?).
  // Handling citizens' feedback and petitions is a People's Committee duty, so VP.
  "CDS-27": "VP",
  "CDS-28": "TTPVHCC",
  "CDS-29": "TYT",
  "CDS-30": "TTPVHCC",
};

/** Lead for an indicator the table does not know (a later province list): the focal point. */
export const DEFAULT_LEAD = "VH-XH";

/** Indicator codes decided by hand rather than derived (the test skips them). */
export const LEADS_BY_HAND = ["CDS-27"];
