import { useEffect, useState, type FormEvent } from "react";
import type { Profile } from "../../stores/profiles";
import { useStore } from "../../stores/store";
import {
  addOrganisation,
  deleteRule,
  loadCandidates,
  loadLevels,
  loadOrganisations,
  organisationsStore,
  removeOrganisation,
  saveRule,
  setDefault,
  type OrganisationsData,
  type RouteKind,
} from "../../stores/organisations";
import { kindLabel, levelName, levelsOf, organisationName, removable, routedTo, routeKinds, routesTo, summaryText } from "./organisations";

// Several ledger organisations for one Autotask database: the list, adding
// one reached by the same sign-in, the rules that route each invoice to
// exactly one of them, and where invoices no rule routes go.
export function Organisations({ profile }: { profile: Profile }) {
  const { byProfile, levels } = useStore(organisationsStore);
  const data = byProfile[profile.id];
  const [adding, setAdding] = useState(false);
  const [editingRules, setEditingRules] = useState(false);
  useEffect(() => {
    void loadOrganisations(profile.id);
  }, [profile.id, profile.ledgerTenantName]);
  if (!data) return null;
  const lv = levels[profile.id];
  const openRules = () => {
    setEditingRules(true);
    if (!lv) void loadLevels(profile.id);
  };
  return (
    <section className="stack organisations" aria-label={`Organisations of ${profile.name}`}>
      <header className="row-between">
        <h3>Organisations</h3>
        <span className="row">
          <button type="button" onClick={() => setAdding(true)} disabled={adding}>
            Add an organisation…
          </button>
          <button type="button" onClick={openRules} disabled={editingRules}>
            Add a rule…
          </button>
        </span>
      </header>
      <p className="muted" role="status">
        {summaryText(data)}
      </p>
      <ul className="stack" aria-label="Ledger organisations">
        {data.organisations.map((o) => (
          <li key={o.key} className="card" aria-label={`Organisation ${o.name}`}>
            <div className="row-between">
              <span>
                <strong>{o.name}</strong>
                <span className="muted"> · {o.ledgerTenantName || o.ledgerTenantId}</span>
                {o.own ? <span className="badge">Profile's own</span> : null}
                {o.isDefault && !data.blockUnrouted ? <span className="badge ok">Default</span> : null}
              </span>
              {removable(o) ? (
                <button type="button" className="small danger" aria-label={`Remove organisation ${o.name}`} onClick={() => void removeOrganisation(profile.id, o.key)}>
                  Remove
                </button>
              ) : null}
            </div>
            {routesTo(data, o.key).length > 0 ? (
              <ul className="row" aria-label={`Rules for ${o.name}`}>
                {routesTo(data, o.key).map((r) => {
                  const label = `${kindLabel(r.kind)}: ${levelName(lv, r.kind, r.sourceId)}`;
                  return (
                    <li key={`${r.kind}-${r.sourceId}`} className="badge">
                      {label}{" "}
                      <button type="button" className="small" aria-label={`Remove the rule ${label}`} onClick={() => void deleteRule(profile.id, r.kind, r.sourceId)}>
                        ×
                      </button>
                    </li>
                  );
                })}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      {data.organisations.length > 1 ? <DefaultPicker data={data} /> : null}
      {adding ? <AddOrganisation profileId={profile.id} data={data} onDone={() => setAdding(false)} /> : null}
      {editingRules ? <RuleEditor profileId={profile.id} data={data} onDone={() => setEditingRules(false)} /> : null}
    </section>
  );
}

function DefaultPicker({ data }: { data: OrganisationsData }) {
  const value = data.blockUnrouted ? "__block" : data.default;
  return (
    <label>
      Invoices no rule routes
      <select
        value={value}
        onChange={(e) =>
          void setDefault({ profileId: data.profileId, organisation: e.target.value === "__block" ? data.default : e.target.value, blockUnrouted: e.target.value === "__block" })
        }
      >
        {data.organisations.map((o) => (
          <option key={o.key} value={o.key}>
            go to {o.name}
          </option>
        ))}
        <option value="__block">are blocked until routed</option>
      </select>
    </label>
  );
}

function AddOrganisation({ profileId, data, onDone }: { profileId: number; data: OrganisationsData; onDone: () => void }) {
  const candidates = useStore(organisationsStore).candidates[profileId];
  const [tenantId, setTenantId] = useState("");
  const [name, setName] = useState("");
  const [copy, setCopy] = useState(true);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void loadCandidates(profileId).then((list) => {
      if (list && list[0]) setTenantId(list[0].tenantId);
      else if (!list) onDone();
    });
  }, [profileId]);
  async function onAdd(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const ok = await addOrganisation({ profileId, tenantId, name: name.trim(), copyMappings: copy });
    setBusy(false);
    if (ok) onDone();
  }
  if (!candidates) return <p className="muted">Asking the ledger which organisations this sign-in reaches…</p>;
  if (candidates.length === 0) {
    return (
      <div className="notice" role="status">
        <p>Every organisation this sign-in reaches is in use already. To add another, connect the ledger again and grant that organisation too.</p>
        <button type="button" onClick={onDone}>
          Close
        </button>
      </div>
    );
  }
  const own = organisationName(data, "");
  return (
    <form className="card inline-form" onSubmit={onAdd} aria-label="Add an organisation">
      <label>
        Ledger organisation
        <select value={tenantId} onChange={(e) => setTenantId(e.target.value)}>
          {candidates.map((c) => (
            <option key={c.tenantId} value={c.tenantId}>
              {c.tenantName}
            </option>
          ))}
        </select>
      </label>
      <label>
        Name in Billbridge
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder="as in the ledger" maxLength={80} />
      </label>
      <label className="choice">
        <input type="checkbox" checked={copy} onChange={(e) => setCopy(e.target.checked)} />
        Start with {own}'s billing code, tax and payment term mappings
      </label>
      <button className="primary" type="submit" disabled={busy || !tenantId}>
        Add
      </button>
      <button type="button" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}

function RuleEditor({ profileId, data, onDone }: { profileId: number; data: OrganisationsData; onDone: () => void }) {
  const lv = useStore(organisationsStore).levels[profileId];
  const [kind, setKind] = useState<RouteKind>("line_of_business");
  const [sourceId, setSourceId] = useState(0);
  const [org, setOrg] = useState(data.organisations[1]?.key ?? "");
  const options = levelsOf(lv, kind);
  const chosen = sourceId || options[0]?.id || 0;
  const now = routedTo(data, kind, chosen);
  async function onSave(e: FormEvent) {
    e.preventDefault();
    if (await saveRule({ profileId, kind, sourceId: chosen, organisation: org })) onDone();
  }
  return (
    <form className="card inline-form" onSubmit={onSave} aria-label="Routing rule">
      <label>
        Route by
        <select
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as RouteKind);
            setSourceId(0);
          }}
        >
          {routeKinds.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Autotask {kindLabel(kind).toLowerCase()}
        <select value={chosen} onChange={(e) => setSourceId(Number(e.target.value))} disabled={!lv}>
          {options.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Send its invoices to
        <select value={org} onChange={(e) => setOrg(e.target.value)}>
          {data.organisations.map((o) => (
            <option key={o.key} value={o.key}>
              {o.name}
            </option>
          ))}
        </select>
      </label>
      {now !== undefined && now !== org ? <span className="muted">now goes to {organisationName(data, now)}; saving moves it</span> : null}
      <button className="primary" type="submit" disabled={!lv || !chosen}>
        Save rule
      </button>
      <button type="button" onClick={onDone}>
        Cancel
      </button>
      {!lv ? <span className="muted">Reading the organisational levels from Autotask…</span> : null}
    </form>
  );
}
