import { useEffect, useState } from "react";
import type { ExpenseCategory, InventorySettings, LedgerAccount } from "../../stores/purchases";
import { unmappedFirst } from "./kindLogic";

function AccountSelect({ label, value, accounts, onChange }: { label: string; value: string; accounts: LedgerAccount[]; onChange: (v: string) => void }) {
  return (
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
}

/** ExpenseCategoriesEditor maps each Autotask expense category to the ledger account its expenses are booked to, one at a time. */
export function ExpenseCategoriesEditor({
  categories,
  accounts,
  onSave,
}: {
  categories: ExpenseCategory[];
  accounts: LedgerAccount[];
  onSave: (c: ExpenseCategory) => Promise<boolean>;
}) {
  const [saving, setSaving] = useState(0);
  const rows = unmappedFirst(categories);
  const unmapped = rows.filter((c) => !c.account).length;
  return (
    <section className="card" aria-label="Expense categories">
      <h2>Expense categories</h2>
      <p className="muted">
        {unmapped ? `${unmapped} of ${rows.length} categories have no account: their expenses are held back.` : "Every category has an account."}
      </p>
      <table className="plain">
        <thead>
          <tr>
            <th>Autotask category</th>
            <th>Ledger account</th>
            <th>Tax code</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <CategoryRow key={c.value} category={c} accounts={accounts} busy={saving === c.value} onSave={async (next) => {
              setSaving(c.value);
              await onSave(next);
              setSaving(0);
            }} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function CategoryRow({ category, accounts, busy, onSave }: { category: ExpenseCategory; accounts: LedgerAccount[]; busy: boolean; onSave: (c: ExpenseCategory) => Promise<void> }) {
  const [tax, setTax] = useState(category.taxCode);
  useEffect(() => setTax(category.taxCode), [category.taxCode]);
  return (
    <tr>
      <td>{category.label}</td>
      <td>
        <AccountSelect
          label={`Account for ${category.label}`}
          value={category.account}
          accounts={accounts}
          onChange={(account) => void onSave({ ...category, account } as ExpenseCategory)}
        />
      </td>
      <td>
        <input
          aria-label={`Tax code for ${category.label}`}
          value={tax}
          placeholder="the account's default"
          disabled={busy}
          onChange={(e) => setTax(e.target.value.trim())}
          onBlur={() => (tax !== category.taxCode ? void onSave({ ...category, taxCode: tax } as ExpenseCategory) : undefined)}
        />
      </td>
    </tr>
  );
}

/** InventorySettingsForm edits the accounts inventory journals post to; inventory and cost of sales are shared with the bills. */
export function InventorySettingsForm({
  settings,
  accounts,
  onSave,
}: {
  settings: InventorySettings;
  accounts: LedgerAccount[];
  onSave: (s: Partial<InventorySettings>) => Promise<boolean>;
}) {
  const [draft, setDraft] = useState<InventorySettings>(settings);
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<InventorySettings>) => setDraft((d) => ({ ...d, ...patch }) as InventorySettings);
  return (
    <form
      className="card"
      aria-label="Inventory accounts"
      onSubmit={async (e) => {
        e.preventDefault();
        setSaving(true);
        await onSave(draft);
        setSaving(false);
      }}
    >
      <div className="row">
        <AccountSelect label="Inventory asset account" value={draft.inventoryAccount} accounts={accounts} onChange={(v) => set({ inventoryAccount: v })} />
        <AccountSelect label="Cost of sales account" value={draft.costOfSalesAccount} accounts={accounts} onChange={(v) => set({ costOfSalesAccount: v })} />
        <AccountSelect label="Stock adjustment account" value={draft.adjustmentAccount} accounts={accounts} onChange={(v) => set({ adjustmentAccount: v })} />
        <button type="submit" disabled={saving}>
          {saving ? "Saving…" : "Save accounts"}
        </button>
      </div>
    </form>
  );
}
