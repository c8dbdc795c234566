export type ThemePreference = "system" | "light" | "dark";
export type Theme = "light" | "dark";

/** resolveTheme turns the user's preference into the theme to paint. */
export function resolveTheme(pref: string, systemPrefersDark: boolean): Theme {
  if (pref === "light" || pref === "dark") return pref;
  return systemPrefersDark ? "dark" : "light";
}

/** applyTheme paints the theme on the document root; CSS variables do the rest. */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  root.dataset.theme = theme;
  root.style.colorScheme = theme;
}
