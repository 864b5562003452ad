import { shiftFormula } from "./formula";

describe("shiftFormula (shared formulas filled down and across)", () => {
  it.each([
    ["C3*2", 1, 0, "C4*2"],
    ["C3*2", 0, 2, "E3*2"],
    ["$C$3*C3", 2, 1, "$C$3*D5"],
    ["$C3+C$3", 1, 1, "$C4+D$3"],
    ["SUM(A1:B2)", 3, 0, "SUM(A4:B5)"],
    ["SUM(A:A)", 0, 1, "SUM(B:B)"],
    ["SUM($A:A)", 0, 1, "SUM($A:B)"],
    ["ROWS(3:5)", 2, 0, "ROWS(5:7)"],
    ["'Phụ lục I'!B6", 1, 0, "'Phụ lục I'!B7"],
    ["Sheet1!A1+'It''s A1'!A1", 1, 0, "Sheet1!A2+'It''s A1'!A2"],
    ['IF(A1="B2","C3",D4)', 1, 0, 'IF(A2="B2","C3",D5)'],
    ["LOG10(A1)+ATAN2(B1,C1)", 1, 0, "LOG10(A2)+ATAN2(B2,C2)"],
    ["Bảng1[Cột A1]+A1", 1, 0, "Bảng1[Cột A1]+A2"],
    ["TyLe2026*A1", 1, 0, "TyLe2026*A2"],
    ["1E3+A1", 1, 0, "1E3+A2"],
    ["A1-1", -1, 0, "#REF!-1"],
    ["XFD1", 0, 1, "#REF!"],
  ])("%s moved by (%i, %i) is %s", (formula, dRow, dCol, expected) => {
    expect(shiftFormula(formula, dRow, dCol)).toBe(expected);
  });
});
