// Follow the Office theme: dark when Office's body background is dark, high contrast when the
// system asks for more contrast. Without an Office theme (the browser preview) the browser's colour scheme.
import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

interface OfficeThemeLike {
  context?: { officeTheme?: { bodyBackgroundColor?: string } };
}

/** Relative luminance of a #rrggbb colour, 0 (black) to 1 (white). */
export function luminance(hex: string): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return null;
  const lin = (c: string) => {
    const v = parseInt(c, 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(m[1]) + 0.7152 * lin(m[2]) + 0.0722 * lin(m[3]);
}

function media(query: string): boolean {
  return typeof window !== "undefined" && typeof window.matchMedia === "function" && window.matchMedia(query).matches;
}

function prefersMoreContrast(): boolean {
  return media("(prefers-contrast: more)") || media("(forced-colors: active)");
}

export function pickTheme(): Theme {
  if (prefersMoreContrast()) return teamsHighContrastTheme;
  const office = (globalThis as { Office?: OfficeThemeLike }).Office;
  const bg = office?.context?.officeTheme?.bodyBackgroundColor;
  const l = bg ? luminance(bg) : null;
  if (l !== null) return l < 0.2 ? webDarkTheme : webLightTheme;
  return media("(prefers-color-scheme: dark)") ? webDarkTheme : webLightTheme;
}
