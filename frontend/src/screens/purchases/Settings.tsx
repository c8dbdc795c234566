import { useState } from "react";
import type { LedgerAccount, PurchaseSettings } from "../../stores/purchases";
import { billDates } from "./logic";

/** PurchaseSettingsForm edits a profile's purchase settings; the accounts come from the ledger's chart. */
export function PurchaseSettingsForm({
  settings,
  accounts,
  onSave,
}: {
  settings: PurchaseSettings;
  accounts: LedgerAccount[];
  onSave: (s: Partial<PurchaseSettings>) => Promise<boolean>;
}) {
  const [draft, setDraft] = useState<PurchaseSettings>(settings);
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<PurchaseSettings>) => setDraft((d) => ({ ...d, ...patch }) as PurchaseSettings);
  const account = (label: string, value: string, onChange: (v: string) => void) => (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">None chosen</option>
        {value && !accounts.some((a) => a.code === value) ? <option value={value}>{value}</option> : null}
        {accounts.map((a) => (
          <option key={a.code} value={a.code}>
            {a.code} {a.name}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form
      className="card"
      aria-label="Purchase settings"
      onSubmit={async (e) => {
        e.preventDefault();
        setSaving(true);
        await onSave(draft);
        setSaving(false);
      }}
    >
      <div className="row">
        <label>
          Bills are dated by
          <select value={draft.billDate} onChange={(e) => set({ billDate: e.target.value })}>
            {billDates.map((d) => (
              <option key={d.value} value={d.value}>
                {d.label}
              </option>
            ))}
          </select>
        </label>
        {account("Inventory asset account (stocked items)", draft.inventoryAccount, (v) => set({ inventoryAccount: v }))}
        {account("Cost of sales account (drop-shipped items)", draft.costOfSalesAccount, (v) => set({ costOfSalesAccount: v }))}
        <label>
          Purchase tax code
          <input value={draft.taxCode} placeholder="the ledger's default" onChange={(e) => set({ taxCode: e.target.value.trim() })} />
        </label>
      </div>
      <div className="row">
        <label className="radio">
          <input type="checkbox" checked={draft.createVendors} onChange={(e) => set({ createVendors: e.target.checked })} /> Create suppliers missing in the ledger
        </label>
        <label className="radio">
          <input type="checkbox" checked={draft.approve} onChange={(e) => set({ approve: e.target.checked })} /> Approved bills (not drafts) where the ledger has drafts
        </label>
        <button type="submit" disabled={saving}>
          {saving ? "Saving…" : "Save settings"}
        </button>
      </div>
    </form>
  );
}
