import { useState, type FormEvent } from "react";
import { Page } from "../../components/Page";
import { EmptyState } from "../../components/EmptyState";
import { createProfile, deleteProfile, profilesStore, type Profile } from "../../stores/profiles";
import { useStore } from "../../stores/store";
import { AutotaskForm } from "./AutotaskForm";
import { LedgerConnect } from "./LedgerConnect";
import { Organisations } from "./Organisations";

export function Connections() {
  const { list, loaded } = useStore(profilesStore);
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);

  async function onCreate(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const p = await createProfile(name);
    setBusy(false);
    if (p) setName("");
  }

  return (
    <Page title="Connections" subtitle="A profile joins one Autotask database to one ledger organisation. Secrets go to your system keychain, never to disk.">
      <form className="card inline-form" onSubmit={onCreate} aria-label="New profile">
        <label>
          Profile name
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Acme IT → Xero" maxLength={80} required />
        </label>
        <button className="primary" type="submit" disabled={busy || name.trim() === ""}>
          Create profile
        </button>
      </form>
      {loaded && list.length === 0 ? (
        <EmptyState title="No profiles yet">
          Create your first profile above. Then add your Autotask API user and connect Xero, QuickBooks Online or Exact Online.
        </EmptyState>
      ) : null}
      {list.map((p) => (
        <ProfileCard key={p.id} profile={p} />
      ))}
    </Page>
  );
}

function ProfileCard({ profile }: { profile: Profile }) {
  const [confirming, setConfirming] = useState(false);
  return (
    <section className="card profile" aria-label={`Profile ${profile.name}`}>
      <header className="row-between">
        <h2>
          {profile.name}
          {profile.isDemo ? <span className="badge">Demo</span> : null}
        </h2>
        {confirming ? (
          <span className="row">
            <span>Delete this profile and its keychain entries?</span>
            <button className="danger" onClick={() => deleteProfile(profile.id)}>
              Delete
            </button>
            <button onClick={() => setConfirming(false)}>Keep</button>
          </span>
        ) : (
          <button onClick={() => setConfirming(true)}>Delete…</button>
        )}
      </header>
      <div className="two-col">
        <div>
          <h3>
            Autotask <Status ok={profile.autotaskConnected} />
          </h3>
          <AutotaskForm profile={profile} />
        </div>
        <div>
          <h3>
            Ledger <Status ok={profile.ledgerKind !== ""} />
          </h3>
          <LedgerConnect profile={profile} />
        </div>
      </div>
      {profile.ledgerKind !== "" ? <Organisations profile={profile} /> : null}
    </section>
  );
}

function Status({ ok }: { ok: boolean }) {
  return <span className={ok ? "badge ok" : "badge"}>{ok ? "Connected" : "Not connected"}</span>;
}
