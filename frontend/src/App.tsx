import { useEffect, useState, type ComponentType } from "react";
import { hashFor, sectionFromHash, sections, type SectionId } from "./lib/sections";
import { applyTheme, resolveTheme } from "./lib/theme";
import { ErrorBanner } from "./components/ErrorBanner";
import { Notifications } from "./components/Notifications";
import { watchFailures } from "./stores/failures";
import { useStore } from "./stores/store";
import { loadSettings, settingsStore } from "./stores/settings";
import { loadProfiles, watchProfiles } from "./stores/profiles";
import { Dashboard } from "./screens/dashboard/Dashboard";
import { Connections } from "./screens/connections/Connections";
import { Mappings } from "./screens/mappings/Mappings";
import { Sync } from "./screens/sync/Sync";
import { Purchases } from "./screens/purchases/Purchases";
import { Exports } from "./screens/exports/Exports";
import { History } from "./screens/history/History";
import { SettingsScreen } from "./screens/settings/SettingsScreen";

const screens: Record<SectionId, ComponentType> = {
  dashboard: Dashboard,
  connections: Connections,
  mappings: Mappings,
  sync: Sync,
  purchases: Purchases,
  exports: Exports,
  history: History,
  settings: SettingsScreen,
};

function useSection(): SectionId {
  const [section, setSection] = useState(() => sectionFromHash(window.location.hash));
  useEffect(() => {
    const onHash = () => setSection(sectionFromHash(window.location.hash));
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);
  return section;
}

function useTheme(pref: string) {
  useEffect(() => {
    const mq = window.matchMedia?.("(prefers-color-scheme: dark)");
    const paint = () => applyTheme(resolveTheme(pref, mq?.matches ?? false));
    paint();
    mq?.addEventListener?.("change", paint);
    return () => mq?.removeEventListener?.("change", paint);
  }, [pref]);
}

export function App() {
  const section = useSection();
  const { settings } = useStore(settingsStore);
  useTheme(settings.theme);
  useEffect(() => {
    void loadSettings();
    void loadProfiles();
    const stopFailures = watchFailures();
    const stopProfiles = watchProfiles();
    return () => {
      stopFailures();
      stopProfiles();
    };
  }, []);
  const Screen = screens[section];
  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Sections">
        <div className="brand">
          <span className="logo" aria-hidden="true">
            ⇄
          </span>
          Billbridge
        </div>
        <ul>
          {sections.map((s) => (
            <li key={s.id}>
              <a href={hashFor(s.id)} aria-current={s.id === section ? "page" : undefined} title={s.hint}>
                {s.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content">
        <ErrorBanner />
        <Notifications />
        <Screen />
      </main>
    </div>
  );
}
