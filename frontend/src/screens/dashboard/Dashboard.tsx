import { Page } from "../../components/Page";
import { profilesStore } from "../../stores/profiles";
import { useStore } from "../../stores/store";
import { hashFor } from "../../lib/sections";
import { nextStep } from "./nextStep";
import { Welcome } from "./Welcome";
import { useEffect } from "react";
import { loadRuns, runsStore } from "../../stores/runs";
import { loadSchedule, scheduleStore } from "../../stores/schedule";
import { lastRunText } from "./status";
import { scheduleText } from "../settings/schedule";
import { ProfilePicker, connectedToBoth } from "../../components/ProfilePicker";
import { dashboardStore, loadChart } from "../../stores/dashboard";
import { BarChart } from "./BarChart";

export function Dashboard() {
  const { list, loaded } = useStore(profilesStore);
  const step = nextStep(list);
  const { runs } = useStore(runsStore);
  const schedule = useStore(scheduleStore);
  useEffect(() => {
    void loadRuns(false);
    void loadSchedule();
  }, []);
  return (
    <Page title="Dashboard" subtitle="Month-end billing, from Autotask to your books.">
      {loaded && list.length === 0 ? <Welcome /> : null}
      {loaded && list.length > 0 ? (
        <section className="card next-step" aria-label="Next step">
          <h2>Next step</h2>
          <p>{step.text}</p>
          <a className="button primary" href={hashFor(step.section)}>
            {step.action}
          </a>
        </section>
      ) : null}
      {loaded && list.length > 0 ? (
        <section className="card" aria-label="Sync status">
          <h2>Sync</h2>
          <p>{lastRunText(runs)}</p>
          {schedule ? <p className="muted">Automatic sync: {scheduleText(schedule)}</p> : null}
        </section>
      ) : null}
      {loaded && list.some(connectedToBoth) ? <ChartCard /> : null}
      <div className="cards">
        <section className="card" aria-label="Profiles">
          <h3>Profiles</h3>
          <p className="big">{list.length}</p>
          <p className="muted">Each profile joins one Autotask database to one ledger organisation.</p>
        </section>
        <section className="card" aria-label="Autotask">
          <h3>Autotask</h3>
          <p className="big">{list.filter((p) => p.autotaskConnected).length}</p>
          <p className="muted">profiles with Autotask credentials in the keychain</p>
        </section>
        <section className="card" aria-label="Ledgers">
          <h3>Ledgers</h3>
          <p className="big">{list.filter((p) => p.ledgerKind !== "").length}</p>
          <p className="muted">profiles connected to Xero, QuickBooks Online or Exact Online</p>
        </section>
      </div>
    </Page>
  );
}

// ChartCard shows billed vs synced vs paid per month and for the top customers.
function ChartCard() {
  const { profileId, chart, loading } = useStore(dashboardStore);
  useEffect(() => {
    if (profileId) void loadChart(profileId);
  }, [profileId]);
  return (
    <section className="card" aria-label="Billed, synced and paid">
      <div className="row-between">
        <h2>Billed, synced and paid</h2>
        <ProfilePicker value={profileId} onChange={(id) => dashboardStore.set((s) => ({ ...s, profileId: id }))} qualifies={connectedToBoth} />
      </div>
      {chart && chart.invoices > 0 ? (
        <>
          <p className="muted">
            Invoices Billbridge has sent or tried to send, by invoice date, in {chart.currency}. Paid is what the ledger reports paid or credited.
            {chart.leftOut > 0 ? ` ${chart.leftOut} older or in another currency (${chart.currencies.filter((c) => c !== chart.currency).join(", ") || "—"}) are not shown.` : ""}
          </p>
          <div className="two-col">
            <BarChart title="Per month" bars={chart.months} currency={chart.currency} />
            <BarChart title={`Top ${chart.customers.length} customers`} bars={chart.customers} currency={chart.currency} />
          </div>
          {chart.others > 0 ? <p className="muted">and {chart.others} more customers.</p> : null}
          {chart.note ? <p className="muted">{chart.note}</p> : null}
        </>
      ) : (
        <p className="muted" role="status">
          {loading ? "Reading the sync journal…" : "Nothing has been sent yet: the chart fills in after the first sync."}
        </p>
      )}
    </section>
  );
}
