import { useEffect, useMemo, useState } from "react";
import { Page } from "../../components/Page";
import { EmptyState } from "../../components/EmptyState";
import { DataTable } from "../../components/DataTable";
import { ProfilePicker, useUsableProfiles } from "../../components/ProfilePicker";
import type { Profile } from "../../stores/profiles";
import { useStore } from "../../stores/store";
import {
  createMissingPurchaseItems,
  loadPurchases,
  purchasesStore,
  runPurchasePreview,
  savePurchaseSettings,
  sendPurchases,
  setPurchaseForm,
} from "../../stores/purchases";
import { billDates, sortBills, totalsText, validateWindow } from "./logic";
import { billColumns } from "./columns";
import { PurchaseSettingsForm } from "./Settings";
import { Tabs } from "../../components/Tabs";
import { PurchaseKindTab } from "./Kinds";
import { purchaseTabs, type PurchaseTab } from "./kindLogic";

const subtitle = "Goods received against Autotask purchase orders become supplier bills in your ledger — one per shipment, previewed, sent exactly once.";

// Procurement sends bills to Xero and QuickBooks Online, and purchase orders to Exact Online.
const qualifies = (p: Profile) => p.autotaskConnected && p.ledgerKind !== "";

export function Purchases() {
  const { loaded, usable } = useUsableProfiles(qualifies);
  const st = useStore(purchasesStore);
  const { form, preview, result, previewing, sending, settings, accounts } = st;
  useEffect(() => {
    if (form.profileId) void loadPurchases(form.profileId);
  }, [form.profileId]);
  const rows = useMemo(() => sortBills(preview?.bills ?? []), [preview]);
  const sent = useMemo(() => sortBills(result?.bills ?? []), [result]);
  const blocked = rows.filter((r) => r.status === "blocked");
  const columns = useMemo(() => billColumns(), []);
  const [tab, setTab] = useState<PurchaseTab>("bills");
  const tabs = <Tabs label="What to send" tabs={purchaseTabs} value={tab} onChange={setTab} />;
  const [creatingItems, setCreatingItems] = useState(false);
  if (loaded && usable.length === 0) {
    return (
      <Page title="Purchases" subtitle={subtitle}>
        <EmptyState title="No purchases to preview" action={<a className="button primary" href="#/connections">Go to Connections</a>}>
          Connect Autotask and Xero, QuickBooks Online or Exact Online. The preview lists every goods receipt of the month and the supplier bill it becomes, or what holds it back.
        </EmptyState>
      </Page>
    );
  }
  if (tab !== "bills") {
    return (
      <Page title="Purchases" subtitle={subtitle}>
        {tabs}
        <PurchaseKindTab kind={tab} qualifies={qualifies} />
      </Page>
    );
  }
  const invalid = validateWindow(form);
  // The products the ledger has no item for, by the code the fix names (or the item a product's link names); a line
  // without a product has nothing to create.
  const missingItems = new Set(
    blocked.flatMap((r) =>
      r.problems
        .filter((p) => p.code === "unmapped_product")
        .map((p) => /create a ledger item with the code "(.*)"\.$/.exec(p.fix)?.[1] ?? /mapped to item "(.*)", which the ledger/.exec(p.message)?.[1])
        .filter((c): c is string => !!c),
    ),
  ).size;
  const ledgerKind = usable.find((p) => p.id === form.profileId)?.ledgerKind ?? "";
  const ledgerName = { xero: "Xero", qbo: "QuickBooks Online", exact: "Exact Online" }[ledgerKind] ?? "the ledger";
  return (
    <Page title="Purchases" subtitle={subtitle}>
      {tabs}
      <form
        className="card sync-form"
        aria-label="Purchases options"
        onSubmit={(e) => {
          e.preventDefault();
          void runPurchasePreview();
        }}
      >
        <div className="row">
          <ProfilePicker value={form.profileId} onChange={(id) => setPurchaseForm({ profileId: id, from: "", to: "" })} qualifies={qualifies} />
          <label>
            Received from
            <input type="date" value={form.from} onChange={(e) => setPurchaseForm({ from: e.target.value })} aria-invalid={!!invalid.from} />
          </label>
          <label>
            Received through
            <input type="date" value={form.to} onChange={(e) => setPurchaseForm({ to: e.target.value })} aria-invalid={!!invalid.to} />
          </label>
          <label>
            Bill date for this run
            <select value={form.billDate} onChange={(e) => setPurchaseForm({ billDate: e.target.value })}>
              <option value="">As in the settings</option>
              {billDates.map((d) => (
                <option key={d.value} value={d.value}>
                  {d.label}
                </option>
              ))}
            </select>
          </label>
        </div>
        {Object.values(invalid).map((m) => (
          <p key={m} className="field-error">
            {m}
          </p>
        ))}
        <div className="row">
          <button type="submit" className="primary" disabled={previewing || sending || Object.keys(invalid).length > 0}>
            {previewing ? "Reading Autotask and the ledger…" : "Preview"}
          </button>
        </div>
      </form>
      {settings ? <PurchaseSettingsForm key={form.profileId} settings={settings} accounts={accounts} onSave={savePurchaseSettings} /> : null}
      {result ? (
        <section className="card" aria-label="Purchases result">
          <h2>
            {result.sent} bill{result.sent === 1 ? "" : "s"} sent{result.failed ? `, ${result.failed} refused` : ""}
          </h2>
          <p className="muted">
            {result.summary} · {totalsText(result.totals) || "nothing sent"} · run {result.runId} in <a href={`#/history/runs/${result.runId}`}>History</a>
          </p>
          <DataTable label="Purchases sent" rows={sent} columns={columns} getRowId={(r) => r.reference} height={300} exportName="Purchases sent" />
        </section>
      ) : null}
      {preview ? (
        <>
          <section className="card" aria-label="Purchases preview summary">
            <div className="row-between">
              <p className="counts">
                <strong>{preview.ready}</strong> ready · <strong className={preview.blocked ? "bad" : ""}>{preview.blocked}</strong> blocked ·{" "}
                <strong>{preview.alreadySent}</strong> already in the ledger{preview.newVendors ? ` · ${preview.newVendors} new suppliers` : ""}
                {preview.totals.length ? ` · ${totalsText(preview.totals)}` : ""}
              </p>
              <button type="button" className="primary" disabled={sending || previewing || preview.ready === 0} onClick={() => void sendPurchases()}>
                {sending ? "Sending…" : `Send ${preview.ready} bill${preview.ready === 1 ? "" : "s"}`}
              </button>
            </div>
            {preview.bills.length === 0 ? <p className="muted">Nothing was received in this window. Choose other dates, or check the receipts in Autotask.</p> : null}
          </section>
          {blocked.length > 0 ? (
            <section className="card problems" aria-label="Purchases problems">
              <div className="row-between">
                <h2>
                  {blocked.length} bill{blocked.length === 1 ? "" : "s"} blocked — fix these and preview again
                </h2>
                {missingItems > 0 ? (
                  <button
                    type="button"
                    disabled={creatingItems || previewing || sending}
                    onClick={async () => {
                      setCreatingItems(true);
                      await createMissingPurchaseItems();
                      setCreatingItems(false);
                    }}
                  >
                    {creatingItems ? "Creating items…" : `Create ${missingItems} missing item${missingItems === 1 ? "" : "s"} in ${ledgerName}`}
                  </button>
                ) : null}
              </div>
              <ul>
                {blocked.flatMap((r) =>
                  r.problems.map((p, i) => (
                    <li key={`${r.reference}-${i}`}>
                      <span className="problem">{p.message}</span>
                      <span className="fix">Fix: {p.fix}</span>
                    </li>
                  )),
                )}
              </ul>
            </section>
          ) : null}
          <DataTable label="Purchases preview" rows={rows} columns={columns} getRowId={(r) => r.reference} searchPlaceholder="Search bills, suppliers, orders" height={420} exportName="Purchases preview" />
        </>
      ) : null}
    </Page>
  );
}
