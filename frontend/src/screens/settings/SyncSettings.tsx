import { useEffect, useState, type FormEvent } from "react";
import { saveSyncDefaults, settingsStore, type SyncDefaults } from "../../stores/settings";
import { loadSchedule, scheduleStore, setSchedule } from "../../stores/schedule";
import { useStore } from "../../stores/store";
import { capError, scheduleText } from "./schedule";

// The defaults every sync starts from, and the automatic sync.
export function SyncSettings() {
  const { settings } = useStore(settingsStore);
  const [d, setD] = useState<SyncDefaults>(settings);
  const [saved, setSaved] = useState(false);
  useEffect(() => setD(settings), [settings]);
  const capProblem = capError(d.adjustmentCap);

  async function onSave(e: FormEvent) {
    e.preventDefault();
    setSaved(await saveSyncDefaults({ ...d, maxAgeDays: Number(d.maxAgeDays) }));
  }

  return (
    <>
      <form className="card stack wide" onSubmit={onSave} aria-label="Sync defaults">
        <h2>Sync defaults</h2>
        <div role="radiogroup" aria-label="Invoices arrive in the ledger as" className="row">
          <span>Invoices arrive in the ledger as</span>
          <label className="radio">
            <input type="radio" name="status" checked={d.invoiceDraft} onChange={() => setD({ ...d, invoiceDraft: true })} /> drafts, for review
          </label>
          <label className="radio">
            <input type="radio" name="status" checked={!d.invoiceDraft} onChange={() => setD({ ...d, invoiceDraft: false })} /> approved
          </label>
        </div>
        <label>
          Invoice numbers
          <select value={d.ledgerNumbering ? "ledger" : "autotask"} onChange={(e) => setD({ ...d, ledgerNumbering: e.target.value === "ledger" })}>
            <option value="autotask">Keep Autotask's numbers</option>
            <option value="ledger">Let the ledger number them, and write its number back to Autotask</option>
          </select>
        </label>
        <label>
          Line detail
          <select value={d.lineMode} onChange={(e) => setD({ ...d, lineMode: e.target.value })}>
            <option value="standard">Standard: time per billing code and rate, products and services line by line</option>
            <option value="summary">Summary: one line per invoice</option>
            <option value="detail">Detail: one line per billing item</option>
          </select>
        </label>
        <label>
          Look back (days before the through date)
          <input type="number" min={0} max={3660} value={d.maxAgeDays} onChange={(e) => setD({ ...d, maxAgeDays: Number(e.target.value) })} />
        </label>
        <label>
          Largest rounding adjustment per invoice
          <input value={d.adjustmentCap} onChange={(e) => setD({ ...d, adjustmentCap: e.target.value })} aria-invalid={capProblem !== ""} />
          {capProblem ? <span className="field-error">{capProblem}</span> : null}
        </label>
        <label>
          Sage 50 US import files: sales tax G/L account
          <input value={d.salesTaxAccount} maxLength={15} onChange={(e) => setD({ ...d, salesTaxAccount: e.target.value })} placeholder="e.g. 23100" />
        </label>
        <div className="row">
          <button className="primary" type="submit" disabled={capProblem !== ""}>
            Save sync defaults
          </button>
          {saved ? <span role="status">Saved.</span> : null}
        </div>
      </form>
      <AutoSync />
    </>
  );
}

function AutoSync() {
  const status = useStore(scheduleStore);
  const [minutes, setMinutes] = useState(60);
  useEffect(() => {
    void loadSchedule();
    const t = setInterval(() => void loadSchedule(), 15000);
    return () => clearInterval(t);
  }, []);
  useEffect(() => {
    if (status) setMinutes(status.intervalMinutes || 60);
  }, [status?.intervalMinutes]);
  if (!status) return null;
  return (
    <section className="card stack wide" aria-label="Automatic sync">
      <h2>Automatic sync</h2>
      <p className="muted">While Billbridge is open it can sync every connected profile on a schedule. When it is closed, let your computer's scheduler run `billbridge sync --profile NAME`.</p>
      <div className="row">
        <label className="inline">
          Every
          <select value={minutes} onChange={(e) => setMinutes(Number(e.target.value))} aria-label="Interval">
            {[15, 30, 60, 120, 240, 720, 1440].map((m) => (
              <option key={m} value={m}>
                {m < 60 ? `${m} minutes` : m === 60 ? "hour" : `${m / 60} hours`}
              </option>
            ))}
          </select>
        </label>
        {status.enabled ? (
          <>
            <button type="button" onClick={() => void setSchedule(true, minutes)}>
              Apply
            </button>
            <button type="button" onClick={() => void setSchedule(false, minutes)}>
              Pause
            </button>
          </>
        ) : (
          <button className="primary" type="button" onClick={() => void setSchedule(true, minutes)}>
            Resume automatic sync
          </button>
        )}
      </div>
      <p role="status" aria-label="Schedule status">
        {scheduleText(status)}
      </p>
    </section>
  );
}
