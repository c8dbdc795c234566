import { useEffect, useMemo, useState } from "react";
import type { ColumnDef } from "@tanstack/react-table";
import { Page } from "../../components/Page";
import { EmptyState } from "../../components/EmptyState";
import { DataTable } from "../../components/DataTable";
import { Tabs } from "../../components/Tabs";
import { CompareReport } from "./CompareReport";
import { ProfilePicker, connectedToBoth, useUsableProfiles } from "../../components/ProfilePicker";
import { useStore } from "../../stores/store";
import {
  acceptAll,
  clearMapping,
  loadMappings,
  mappingsStore,
  saveMapping,
  type CodeRow,
  type CustomerRow,
  type MappingKind,
  type TaxRow,
  type TermRow,
} from "../../stores/mappings";
import { countState, coveragePercent, coverageText, stateLabel, stateTone } from "./logic";
import { Editor, type Editing } from "./Editor";

type Tab = "codes" | "tax" | "customers" | "terms";
const kindOf: Record<Tab, MappingKind> = { codes: "billing_code", tax: "tax", customers: "customer", terms: "payment_term" };

function StateBadge({ state }: { state: string }) {
  return <span className={`badge ${stateTone(state)}`}>{stateLabel(state)}</span>;
}

export function Mappings() {
  const { loaded, usable } = useUsableProfiles(connectedToBoth);
  const { profileId, data, loading, accepted } = useStore(mappingsStore);
  const [tab, setTab] = useState<Tab>("codes");
  const [editing, setEditing] = useState<Editing | null>(null);
  useEffect(() => {
    if (profileId && usable.some((p) => p.id === profileId) && data?.profileId !== profileId) void loadMappings(profileId);
  }, [profileId, usable.length]);

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
  const rowsOf = { codes: d?.codes ?? [], tax: d?.tax ?? [], customers: d?.customers ?? [], terms: d?.terms ?? [] };
  const cov = d?.coverage ?? [];
  const tabs: { id: Tab; label: string; badge?: string }[] = [
    { id: "codes", label: "Billing codes", badge: cov[0] ? `${cov[0].mapped}/${cov[0].total}` : undefined },
    { id: "tax", label: "Tax", badge: cov[1] ? `${cov[1].mapped}/${cov[1].total}` : undefined },
    { id: "customers", label: "Customers", badge: cov[2] ? `${cov[2].mapped}/${cov[2].total}` : undefined },
    { id: "terms", label: "Payment terms" },
  ];
  const tabIndex = { codes: 0, tax: 1, customers: 2, terms: 3 }[tab];
  const rows = rowsOf[tab] as { state: string }[];
  const suggestions = countState(rows, "suggested");
  return (
    <Page title="Mappings" subtitle="Billing codes → items and accounts · tax regions × categories → tax codes · companies → customers · payment terms.">
      <div className="row-between toolbar">
        <ProfilePicker value={profileId} onChange={(id) => mappingsStore.set((s) => ({ ...s, profileId: id }))} qualifies={connectedToBoth} />
        <button type="button" onClick={() => void loadMappings(profileId)} disabled={loading || !profileId}>
          {loading ? "Reading Autotask and the ledger…" : "Reload"}
        </button>
      </div>
      {d ? (
        <section className="cards coverage" aria-label="Coverage">
          {cov.map((c) => (
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
      {d ? (
        <>
          <Tabs label="Mapping kinds" tabs={tabs} value={tab} onChange={(t) => (setTab(t), setEditing(null))} />
          <div className="row-between tab-toolbar">
            <span role="status" aria-label="Tab coverage">
              {cov[tabIndex] ? coverageText(cov[tabIndex]) : ""}
              {tab === "customers" ? " — companies without a link are created in the ledger on their first invoice; close names are only suggested, never merged." : ""}
              {tab === "terms" ? " — invoices get Autotask's due days unless you set others here." : ""}
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
          {tab === "codes" ? <DataTable label="Billing codes" rows={rowsOf.codes} columns={cols.codes} getRowId={(r) => String(r.id)} searchPlaceholder="Search billing codes" height={420} /> : null}
          {tab === "tax" ? <DataTable label="Tax" rows={rowsOf.tax} columns={cols.tax} getRowId={(r) => r.key} searchPlaceholder="Search regions and categories" height={420} /> : null}
          {tab === "customers" ? (
            <DataTable label="Customers" rows={rowsOf.customers} columns={cols.customers} getRowId={(r) => String(r.companyId)} searchPlaceholder="Search companies" height={420} />
          ) : null}
          {tab === "terms" ? <DataTable label="Payment terms" rows={rowsOf.terms} columns={cols.terms} getRowId={(r) => String(r.id)} searchPlaceholder="Search terms" height={420} /> : null}
          <CompareReport profileId={profileId} />
        </>
      ) : null}
    </Page>
  );
}

function useColumns(edit: (e: Editing) => void) {
  const { profileId } = useStore(mappingsStore);
  return useMemo(() => {
    const accept = (kind: MappingKind, sourceKey: string, target: string, target2 = "") => (
      <button type="button" className="small" onClick={() => void saveMapping({ profileId, kind, sourceKey, target, target2 })}>
        Accept
      </button>
    );
    const editBtn = (e: Editing, name: string) => (
      <button type="button" className="small" aria-label={`Edit ${name}`} onClick={() => edit(e)}>
        Edit
      </button>
    );
    const codes: ColumnDef<CodeRow, any>[] = [
      { accessorKey: "state", header: "State", size: 130, cell: (c) => <StateBadge state={c.row.original.state} /> },
      { accessorKey: "name", header: "Autotask billing code", size: 240, cell: (c) => <span title={c.row.original.externalNumber}>{c.row.original.name}</span> },
      {
        id: "target",
        header: "Ledger item · income account",
        size: 260,
        accessorFn: (r) => (r.state === "mapped" ? `${r.itemCode} · ${r.account}` : r.state === "suggested" ? `${r.suggestedItem} · ${r.suggestedAccount}` : ""),
        cell: (c) => <span className={c.row.original.state === "suggested" ? "muted" : ""}>{String(c.getValue())}</span>,
      },
      { accessorKey: "note", header: "Why", size: 200 },
      {
        id: "actions",
        header: "",
        size: 150,
        enableSorting: false,
        cell: (c) => {
          const r = c.row.original;
          return (
            <span className="row">
              {r.state === "suggested" ? accept("billing_code", String(r.id), r.suggestedItem, r.suggestedAccount) : null}
              {editBtn({ kind: "billing_code", sourceKey: String(r.id), title: r.name, target: r.itemCode || r.suggestedItem, target2: r.account || r.suggestedAccount }, r.name)}
            </span>
          );
        },
      },
    ];
    const tax: ColumnDef<TaxRow, any>[] = [
      { accessorKey: "state", header: "State", size: 130, cell: (c) => <StateBadge state={c.row.original.state} /> },
      { accessorKey: "region", header: "Tax region", size: 180 },
      { accessorKey: "category", header: "Tax category", size: 160 },
      { accessorKey: "rate", header: "Autotask rate %", size: 130 },
      {
        id: "target",
        header: "Ledger tax code",
        size: 160,
        accessorFn: (r) => r.taxCode || r.suggestedTaxCode,
        cell: (c) => <span className={c.row.original.state === "suggested" ? "muted" : ""}>{String(c.getValue())}</span>,
      },
      {
        id: "actions",
        header: "",
        size: 150,
        enableSorting: false,
        cell: (c) => {
          const r = c.row.original;
          const name = `${r.region} / ${r.category}`;
          return (
            <span className="row">
              {r.state === "suggested" ? accept("tax", r.key, r.suggestedTaxCode) : null}
              {editBtn({ kind: "tax", sourceKey: r.key, title: name, target: r.taxCode || r.suggestedTaxCode, target2: "" }, name)}
            </span>
          );
        },
      },
    ];
    const customers: ColumnDef<CustomerRow, any>[] = [
      { accessorKey: "state", header: "State", size: 130, cell: (c) => <StateBadge state={c.row.original.state} /> },
      { accessorKey: "companyName", header: "Autotask company", size: 220 },
      {
        id: "target",
        header: "Ledger customer",
        size: 220,
        accessorFn: (r) => r.customerName || r.suggestedCustomerName,
        cell: (c) => {
          const r = c.row.original;
          if (r.state === "linked") return `${r.customerName} (by ${r.linkedBy})`;
          if (r.state === "suggested") return <span className="muted">looks like {r.suggestedCustomerName}?</span>;
          return <span className="muted">new customer</span>;
        },
      },
      { accessorKey: "note", header: "Why", size: 200 },
      {
        id: "actions",
        header: "",
        size: 150,
        enableSorting: false,
        cell: (c) => {
          const r = c.row.original;
          return (
            <span className="row">
              {r.state === "suggested" ? accept("customer", String(r.companyId), r.suggestedCustomerId) : null}
              {editBtn({ kind: "customer", sourceKey: String(r.companyId), title: r.companyName, target: r.customerId || r.suggestedCustomerId, target2: "" }, r.companyName)}
            </span>
          );
        },
      },
    ];
    const terms: ColumnDef<TermRow, any>[] = [
      { accessorKey: "state", header: "State", size: 140, cell: (c) => <StateBadge state={c.row.original.state} /> },
      { accessorKey: "name", header: "Autotask payment term", size: 240 },
      { accessorKey: "autotaskDays", header: "Autotask's days", size: 140 },
      { accessorKey: "days", header: "Due days in the ledger", size: 180 },
      {
        id: "actions",
        header: "",
        size: 100,
        enableSorting: false,
        cell: (c) => {
          const r = c.row.original;
          return editBtn({ kind: "payment_term", sourceKey: String(r.id), title: r.name, target: String(r.days), target2: "" }, r.name);
        },
      },
    ];
    return { codes, tax, customers, terms };
  }, [profileId, edit]);
}
