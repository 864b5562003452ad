import { darkTheme, lightTheme, normaliseHexColour, relativeLuminance, themeFromOffice } from "../src/taskpane/theme";

describe("themeFromOffice", () => {
  test("light theme without Office theme information", () => {
    expect(themeFromOffice(undefined)).toBe(lightTheme);
  });

  test("uses Office's body colours on a light base", () => {
    const theme = themeFromOffice({ bodyBackgroundColor: "#F3F3F3", bodyForegroundColor: "#262626", isDarkTheme: false });
    expect(theme.colorNeutralBackground1).toBe("#F3F3F3");
    expect(theme.colorNeutralForeground1).toBe("#262626");
    expect(theme.colorBrandBackground).toBe(lightTheme.colorBrandBackground);
  });

  test("dark base when Office says so, or when the background is dark", () => {
    expect(themeFromOffice({ isDarkTheme: true }).colorNeutralBackground2).toBe(darkTheme.colorNeutralBackground2);
    const guessed = themeFromOffice({ bodyBackgroundColor: "262626", bodyForegroundColor: "FFFFFF" });
    expect(guessed.colorNeutralBackground2).toBe(darkTheme.colorNeutralBackground2);
    expect(guessed.colorNeutralBackground1).toBe("#262626");
  });

  test("ignores invalid colours", () => {
    const theme = themeFromOffice({ bodyBackgroundColor: "white", bodyForegroundColor: "" });
    expect(theme.colorNeutralBackground1).toBe(lightTheme.colorNeutralBackground1);
    expect(theme.colorNeutralForeground1).toBe(lightTheme.colorNeutralForeground1);
  });

  test("colour helpers", () => {
    expect(normaliseHexColour("#abcdef")).toBe("#ABCDEF");
    expect(normaliseHexColour("abcdef")).toBe("#ABCDEF");
    expect(normaliseHexColour("#abc")).toBeNull();
    expect(relativeLuminance("#FFFFFF")).toBeCloseTo(1);
    expect(relativeLuminance("#000000")).toBeCloseTo(0);
  });
});
