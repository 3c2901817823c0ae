import { useEffect, useState } from "react";
import {
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  webDarkTheme,
  webLightTheme,
  type Theme,
} from "@fluentui/react-components";
import { toThemeName, type TeamsHost, type TeamsThemeName } from "./teams";

/**
 * Inside Teams the page follows the host's theme (default, dark, contrast) with the Teams flavour of
 * the Fluent themes. Standalone it honours `?theme=default|dark|contrast` (tests use it) and
 * otherwise the browser's prefers-color-scheme.
 */
export function fluentTheme(name: TeamsThemeName, inTeams: boolean): Theme {
  if (name === "contrast") return teamsHighContrastTheme;
  if (name === "dark") return inTeams ? teamsDarkTheme : webDarkTheme;
  return inTeams ? teamsLightTheme : webLightTheme;
}

export function themeFromQuery(search: string): TeamsThemeName | undefined {
  const value = new URLSearchParams(search).get("theme");
  if (value === null) return undefined;
  return toThemeName(value === "light" ? "default" : value);
}

function systemTheme(): TeamsThemeName {
  if (typeof window.matchMedia !== "function") return "default";
  if (window.matchMedia("(forced-colors: active)").matches) return "contrast";
  return window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "default";
}

/** The current theme name, kept up to date with Teams or the browser. */
export function useThemeName(host: TeamsHost | undefined): TeamsThemeName {
  const fromQuery = themeFromQuery(window.location.search);
  const [name, setName] = useState<TeamsThemeName>(() => fromQuery ?? systemTheme());

  useEffect(() => {
    if (!host) return undefined;
    if (host.inTeams) {
      if (host.theme) setName(host.theme);
      host.onThemeChange(setName);
      return undefined;
    }
    if (fromQuery || typeof window.matchMedia !== "function") return undefined;
    const queries = [window.matchMedia("(prefers-color-scheme: dark)"), window.matchMedia("(forced-colors: active)")];
    const update = () => setName(systemTheme());
    for (const q of queries) q.addEventListener("change", update);
    return () => {
      for (const q of queries) q.removeEventListener("change", update);
    };
  }, [host, fromQuery]);

  return name;
}
