import { createDarkTheme, createLightTheme, type BrandVariants, type Theme } from "@fluentui/react-components";

/** Green brand ramp around Excel green (#107C41 at 80). */
export const nq57Brand: BrandVariants = {
  10: "#020D06",
  20: "#06200F",
  30: "#093318",
  40: "#0B4520",
  50: "#0D5629",
  60: "#0E6531",
  70: "#0F7139",
  80: "#107C41",
  90: "#2A8A54",
  100: "#449867",
  110: "#5DA67B",
  120: "#77B48F",
  130: "#91C3A4",
  140: "#ABD2BA",
  150: "#C6E1D0",
  160: "#E2F0E7",
};

export const lightTheme: Theme = createLightTheme(nq57Brand);
export const darkTheme: Theme = {
  ...createDarkTheme(nq57Brand),
  // Brand foregrounds on dark backgrounds need the lighter end of the ramp.
  colorBrandForeground1: nq57Brand[110],
  colorBrandForeground2: nq57Brand[120],
};

/** The subset of Office.OfficeTheme the task pane uses. */
export interface OfficeThemeColors {
  readonly bodyBackgroundColor?: string;
  readonly bodyForegroundColor?: string;
  readonly isDarkTheme?: boolean;
}

/** Parses "#RRGGBB" or "RRGGBB"; returns "#RRGGBB" (upper case) or null. */
export function normaliseHexColour(value: string | undefined): string | null {
  if (!value) return null;
  const m = /^#?([0-9a-f]{6})$/i.exec(value.trim());
  return m ? `#${m[1].toUpperCase()}` : null;
}

/** WCAG relative luminance of a "#RRGGBB" colour (0 = black, 1 = white). */
export function relativeLuminance(hex: string): number {
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/**
 * Fluent theme matching the Office theme: light or dark base, with the pane's
 * background and text colours taken from Office when they are valid colours.
 * Without Office theme information, the light theme.
 */
export function themeFromOffice(office: OfficeThemeColors | undefined): Theme {
  if (!office) return lightTheme;
  const background = normaliseHexColour(office.bodyBackgroundColor);
  const foreground = normaliseHexColour(office.bodyForegroundColor);
  const dark = office.isDarkTheme ?? (background !== null && relativeLuminance(background) < 0.4);
  const base = dark ? darkTheme : lightTheme;
  return {
    ...base,
    ...(background ? { colorNeutralBackground1: background } : {}),
    ...(foreground ? { colorNeutralForeground1: foreground } : {}),
  };
}
