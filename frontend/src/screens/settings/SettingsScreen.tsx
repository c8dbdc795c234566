import { useState } from "react";
import { Page } from "../../components/Page";
import { saveSupportBundle, setTheme, settingsStore } from "../../stores/settings";
import { SyncSettings } from "./SyncSettings";
import { useStore } from "../../stores/store";

const themes = [
  { id: "system", label: "Follow the system" },
  { id: "light", label: "Light" },
  { id: "dark", label: "Dark" },
];

export function SettingsScreen() {
  const { settings, system } = useStore(settingsStore);
  const [bundle, setBundle] = useState("");
  return (
    <Page title="Settings">
      <section className="card" aria-label="Appearance">
        <h2>Appearance</h2>
        <div role="radiogroup" aria-label="Theme" className="row">
          {themes.map((t) => (
            <label key={t.id} className="radio">
              <input type="radio" name="theme" value={t.id} checked={settings.theme === t.id} onChange={() => setTheme(t.id)} />
              {t.label}
            </label>
          ))}
        </div>
      </section>
      <SyncSettings />
      <section className="card" aria-label="About">
        <h2>About</h2>
        <dl className="facts">
          <dt>Version</dt>
          <dd>{system?.version ?? "…"}</dd>
          <dt>Data folder</dt>
          <dd>
            <code>{system?.dataDir ?? "…"}</code>
          </dd>
          <dt>Database</dt>
          <dd>
            <code>{system?.databasePath ?? "…"}</code>
          </dd>
        </dl>
        <p className="muted">Secrets (Autotask secret, ledger tokens) live in your system keychain, never in the data folder.</p>
      </section>
      <section className="card" aria-label="Support">
        <h2>Support</h2>
        <p className="muted">A support bundle holds the version, settings, profiles, activity and the log — never a password or token.</p>
        <div className="row">
          <button type="button" onClick={async () => setBundle((await saveSupportBundle()) ?? "")}>
            Save support bundle
          </button>
          {bundle ? (
            <span role="status">
              Saved to <code>{bundle}</code>
            </span>
          ) : null}
        </div>
      </section>
    </Page>
  );
}
