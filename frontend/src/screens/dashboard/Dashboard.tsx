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
