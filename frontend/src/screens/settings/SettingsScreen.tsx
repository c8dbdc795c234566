import { Page } from "../../components/Page";
import { setTheme, settingsStore } from "../../stores/settings";
import { useStore } from "../../stores/store";

const themes = [
  { id: "system", label: "Follow the system" },
  { id: "light", label: "Light" },
  { id: "dark", label: "Dark" },
];

export function SettingsScreen() {
  const { settings, system } = useStore(settingsStore);
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
    </Page>
  );
}
