import { useEffect, useMemo } from "react";
import { DataTable } from "../../components/DataTable";
import { ProfilePicker } from "../../components/ProfilePicker";
import type { Profile } from "../../stores/profiles";
import { useStore } from "../../stores/store";
import {
  loadExpenseCategories,
  loadPurchaseKinds,
  previewPurchaseKind,
  purchaseKindsStore,
  purchasesStore,
  saveExpenseCategory,
  saveInventorySettings,
  sendPurchaseKind,
  setPurchaseForm,
  type PurchaseKind,
} from "../../stores/purchases";
import { totalsText, validateWindow } from "./logic";
import { countLabel, kindCopy, sortDocuments } from "./kindLogic";
import { kindColumns } from "./kindColumns";
import { ExpenseCategoriesEditor, InventorySettingsForm } from "./KindSettings";
import { StockValuation } from "./Valuation";

/** PurchaseKindTab is one of the Purchases screen's tabs for purchase orders, expenses or inventory: preview, problems with fixes, send, result. */
export function PurchaseKindTab({ kind, qualifies }: { kind: PurchaseKind; qualifies: (p: Profile) => boolean }) {
  const { form, accounts } = useStore(purchasesStore);
  const ks = useStore(purchaseKindsStore);
  const { preview, result, previewing, sending } = ks.kinds[kind];
  const copy = kindCopy[kind];
  useEffect(() => {
    void loadPurchaseKinds(form.profileId);
  }, [form.profileId]);
  useEffect(() => {
    if (kind === "expenses" && form.profileId && ks.profileId === form.profileId && ks.categories === null) void loadExpenseCategories(form.profileId);
  }, [kind, form.profileId, ks.profileId, ks.categories]);
  const rows = useMemo(() => sortDocuments(preview?.bills ?? []), [preview]);
  const sent = useMemo(() => sortDocuments(result?.bills ?? []), [result]);
  const blocked = rows.filter((r) => r.status === "blocked");
  const columns = useMemo(() => kindColumns(copy), [copy]);
  const invalid = validateWindow(form);
  return (
    <>
      <p className="muted">{copy.intro}</p>
      <form
        className="card sync-form"
        aria-label={`${copy.title} options`}
        onSubmit={(e) => {
          e.preventDefault();
          void previewPurchaseKind(kind);
        }}
      >
        <div className="row">
          <ProfilePicker value={form.profileId} onChange={(id) => setPurchaseForm({ profileId: id, from: "", to: "" })} qualifies={qualifies} />
          <label>
            {copy.from}
            <input type="date" value={form.from} onChange={(e) => setPurchaseForm({ from: e.target.value })} aria-invalid={!!invalid.from} />
          </label>
          <label>
            {copy.to}
            <input type="date" value={form.to} onChange={(e) => setPurchaseForm({ to: e.target.value })} aria-invalid={!!invalid.to} />
          </label>
        </div>
        <div className="row">
          <button type="submit" className="primary" disabled={previewing || sending || Object.keys(invalid).length > 0}>
            {previewing ? "Reading Autotask and the ledger…" : "Preview"}
          </button>
        </div>
      </form>
      {kind === "expenses" && ks.categories ? (
        <ExpenseCategoriesEditor categories={ks.categories} accounts={accounts} onSave={saveExpenseCategory} />
      ) : null}
      {kind === "inventory" && ks.inventory ? (
        <InventorySettingsForm key={form.profileId} settings={ks.inventory} accounts={accounts} onSave={saveInventorySettings} />
      ) : null}
      {kind === "inventory" && form.profileId ? <StockValuation key={form.profileId} profileId={form.profileId} /> : null}
      {kind === "orders" ? (
        <p className="muted">Suppliers, the tax code and whether orders are sent approved follow the settings of Bills from goods receipts.</p>
      ) : null}
      {result ? (
        <section className="card" aria-label={`${copy.title} result`}>
          <h2>
            {countLabel(result.sent, kind)} sent{result.failed ? `, ${result.failed} refused` : ""}
          </h2>
          <p className="muted">
            {result.summary} · {totalsText(result.totals) || "nothing sent"} · run {result.runId} in <a href={`#/history/runs/${result.runId}`}>History</a>
          </p>
          <DataTable label={`${copy.title} sent`} rows={sent} columns={columns} getRowId={(r) => r.reference} height={300} exportName={`${copy.title} sent`} />
        </section>
      ) : null}
      {preview ? (
        <>
          <section className="card" aria-label={`${copy.title} preview summary`}>
            <div className="row-between">
              <p className="counts">
                <strong>{preview.ready}</strong> ready · <strong className={preview.blocked ? "bad" : ""}>{preview.blocked}</strong> blocked ·{" "}
                <strong>{preview.alreadySent}</strong> already in the ledger{preview.newVendors ? ` · ${preview.newVendors} new ${kind === "expenses" ? "employees" : "suppliers"}` : ""}
                {preview.totals.length ? ` · ${totalsText(preview.totals)}` : ""}
              </p>
              <button type="button" className="primary" disabled={sending || previewing || preview.ready === 0} onClick={() => void sendPurchaseKind(kind)}>
                {sending ? "Sending…" : `Send ${countLabel(preview.ready, kind)}`}
              </button>
            </div>
            {preview.bills.length === 0 ? <p className="muted">{copy.empty}</p> : null}
          </section>
          {blocked.length > 0 ? (
            <section className="card problems" aria-label={`${copy.title} problems`}>
              <h2>
                {countLabel(blocked.length, kind)} blocked — fix these and preview again
              </h2>
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
          <DataTable
            label={`${copy.title} preview`}
            rows={rows}
            columns={columns}
            getRowId={(r) => r.reference}
            searchPlaceholder={`Search ${copy.many}`}
            height={420}
            exportName={`${copy.title} preview`}
          />
        </>
      ) : null}
    </>
  );
}
