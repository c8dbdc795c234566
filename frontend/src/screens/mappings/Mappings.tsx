import { useEffect, useMemo, useState } from "react";
import { Page } from "../../components/Page";
import { EmptyState } from "../../components/EmptyState";
import { DataTable } from "../../components/DataTable";
import { Tabs } from "../../components/Tabs";
import { CompareReport } from "./CompareReport";
import { ProfilePicker, connectedToBoth, useUsableProfiles } from "../../components/ProfilePicker";
import { useStore } from "../../stores/store";
import { acceptAll, chooseTarget, clearMapping, loadMappings, loadTargets, mappingsStore, saveMapping, type MappingKind } from "../../stores/mappings";
import { AccountsPanel } from "../accounts/AccountsPanel";
import { countState, coveragePercent, coverageText } from "./logic";
import { Editor, type Editing } from "./Editor";
import { mappingColumns, type MappingColumns } from "./columns";
import { ExactOptions } from "./ExactOptions";
import { hasLinesOfBusiness, lineOfBusinessHint } from "./linesOfBusiness";

type Tab = "codes" | "tax" | "customers" | "terms" | "lob";
const kindOf: Record<Tab, MappingKind> = { codes: "billing_code", tax: "tax", customers: "customer", terms: "payment_term", lob: "line_of_business" };

export function Mappings() {
  const { loaded, usable } = useUsableProfiles(connectedToBoth);
  const { profileId, data, loading, accepted, target, targets } = useStore(mappingsStore);
  const [tab, setTab] = useState<Tab>("codes");
  const [editing, setEditing] = useState<Editing | null>(null);
  useEffect(() => {
    if (profileId && usable.some((p) => p.id === profileId) && data?.profileId !== profileId) void loadMappings(profileId);
  }, [profileId, usable.length]);
  useEffect(() => {
    if (profileId) void loadTargets(profileId);
  }, [profileId]);

  const cols = useColumns(setEditing);
  if (loaded && usable.length === 0) {
    return (
      <Page title="Mappings" subtitle="Billing codes → items and accounts · tax regions × categories → tax codes · companies → customers · payment terms.">
        <EmptyState title="Nothing to map yet" action={<a className="button primary" href="#/connections">Go to Connections</a>}>
          Mappings appear once a profile has Autotask and a ledger connected: Billbridge reads both sides and suggests a match for every billing code, tax
          combination and customer. Or try the demo from the Dashboard.
        </EmptyState>
      </Page>
    );
  }
  const d = data?.profileId === profileId ? data : null;
  const rowsOf = { codes: d?.codes ?? [], tax: d?.tax ?? [], customers: d?.customers ?? [], terms: d?.terms ?? [], lob: d?.linesOfBusiness ?? [] };
  const lobTab = hasLinesOfBusiness(d);
  const cov = d?.coverage ?? [];
  const tabs: { id: Tab; label: string; badge?: string }[] = [
    { id: "codes", label: "Billing codes", badge: cov[0] ? `${cov[0].mapped}/${cov[0].total}` : undefined },
    { id: "tax", label: "Tax", badge: cov[1] ? `${cov[1].mapped}/${cov[1].total}` : undefined },
    { id: "customers", label: "Customers", badge: cov[2] ? `${cov[2].mapped}/${cov[2].total}` : undefined },
    { id: "terms", label: "Payment terms" },
    ...(lobTab ? [{ id: "lob" as Tab, label: "Lines of business", badge: cov[4] ? `${cov[4].mapped}/${cov[4].total}` : undefined }] : []),
  ];
  if (tab === "lob" && !lobTab && d) setTab("codes");
  const tabIndex = { codes: 0, tax: 1, customers: 2, terms: 3, lob: 4 }[tab];
  const rows = rowsOf[tab] as { state: string }[];
  const suggestions = countState(rows, "suggested");
  return (
    <Page title="Mappings" subtitle="Billing codes → items and accounts · tax regions × categories → tax codes · companies → customers · payment terms.">
      <div className="row-between toolbar">
        <ProfilePicker value={profileId} onChange={(id) => mappingsStore.set((s) => ({ ...s, profileId: id, target: "", targets: [] }))} qualifies={connectedToBoth} />
        {targets.length > 1 ? (
          <label>
            For
            <select value={target} onChange={(e) => void chooseTarget(e.target.value)}>
              {targets.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <button type="button" onClick={() => void loadMappings(profileId)} disabled={loading || !profileId}>
          {loading ? "Reading Autotask and the ledger…" : "Reload"}
        </button>
      </div>
      {d ? (
        <section className="cards coverage" aria-label="Coverage">
          {cov.filter((_, i) => i < 4 || lobTab).map((c) => (
            <div className="card" key={c.kind}>
              <div className="meter" aria-hidden="true">
                <span style={{ width: `${coveragePercent(c)}%` }} />
              </div>
              <p>{coverageText(c)}</p>
            </div>
          ))}
        </section>
      ) : (
        <p className="muted" role="status">
          {loading ? "Reading billing codes, tax and companies from Autotask and items, accounts and customers from the ledger…" : ""}
        </p>
      )}
      {d?.help ? <p className="muted">{d.help}</p> : null}
      {d ? (
        <>
          {d.ledgerKind === "exact" && !d.for && d.exact ? <ExactOptions profileId={profileId} choices={d.exact} accounts={d.accounts} busy={loading} /> : null}
          <Tabs label="Mapping kinds" tabs={tabs} value={tab} onChange={(t) => (setTab(t), setEditing(null))} />
          <div className="row-between tab-toolbar">
            <span role="status" aria-label="Tab coverage">
              {cov[tabIndex] ? coverageText(cov[tabIndex]) : ""}
              {tab === "customers" ? " — companies without a link are created in the ledger on their first invoice; close names are only suggested, never merged." : ""}
              {tab === "terms" && d.ledgerKind === "exact" && !d.for
                ? " — choose an Exact payment condition per term (Exact then sets the due date), or due days; the rest get Autotask's due days."
                : tab === "terms"
                  ? " — invoices get Autotask's due days unless you set others here."
                  : ""}
              {tab === "lob" && d ? lineOfBusinessHint(d.ledgerKind, d.trackingOptions?.length ?? 0) : ""}
              {accepted !== null ? <span className="muted"> · accepted {accepted} suggestions</span> : null}
            </span>
            {tab !== "terms" ? (
              <button type="button" className="primary" disabled={suggestions === 0 || loading} onClick={() => void acceptAll(profileId, kindOf[tab])}>
                Accept all {suggestions} suggestions
              </button>
            ) : null}
          </div>
          {editing && editing.kind === kindOf[tab] ? (
            <Editor
              editing={editing}
              data={d}
              onCancel={() => setEditing(null)}
              onSave={async (target, target2) => {
                if (await saveMapping({ profileId, kind: editing.kind, sourceKey: editing.sourceKey, target, target2 })) setEditing(null);
              }}
              onClear={async () => {
                await clearMapping(profileId, editing.kind, editing.sourceKey);
                setEditing(null);
              }}
            />
          ) : null}
          {tab === "codes" ? <DataTable label="Billing codes" rows={rowsOf.codes} columns={cols.codes} getRowId={(r) => String(r.id)} searchPlaceholder="Search billing codes" height={420} exportName="Billing code mappings" /> : null}
          {tab === "tax" ? <DataTable label="Tax" rows={rowsOf.tax} columns={cols.tax} getRowId={(r) => r.key} searchPlaceholder="Search regions and categories" height={420} exportName="Tax mappings" /> : null}
          {tab === "customers" ? (
            <DataTable label="Customers" rows={rowsOf.customers} columns={cols.customers} getRowId={(r) => String(r.companyId)} searchPlaceholder="Search companies" height={420} exportName="Customer mappings" />
          ) : null}
          {tab === "lob" ? (
            <DataTable label="Lines of business" rows={rowsOf.lob} columns={cols.linesOfBusiness} getRowId={(r) => String(r.id)} searchPlaceholder="Search lines of business" height={420} exportName="Line of business mappings" />
          ) : null}
          {tab === "terms" ? <DataTable label="Payment terms" rows={rowsOf.terms} columns={cols.terms} getRowId={(r) => String(r.id)} searchPlaceholder="Search terms" height={420} exportName="Payment term mappings" /> : null}
          {d.freeText ? null : <CompareReport profileId={profileId} />}
          {d.ledgerKind === "exact" && tab === "customers" ? <AccountsPanel profileId={profileId} /> : null}
        </>
      ) : null}
    </Page>
  );
}

function useColumns(edit: (e: Editing) => void): MappingColumns {
  const { profileId, data } = useStore(mappingsStore);
  // An Exact profile's terms show the payment condition each goes to.
  const exactTerms = data?.profileId === profileId && data.ledgerKind === "exact" && !data.for ? (data.exact?.termConditions ?? []) : undefined;
  return useMemo(() => mappingColumns(profileId, edit, exactTerms), [profileId, edit, exactTerms]);
}
