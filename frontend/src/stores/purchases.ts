import * as Purchases from "../../wailsjs/go/app/Purchases";
import { app } from "../../wailsjs/go/models";
import { attempt } from "./errors";
import { createStore } from "./store";

export type PurchaseForm = app.PurchaseInput;
export type PurchaseSettings = app.PurchaseSettingsDTO;
export type PurchasePreview = app.PurchasePreviewDTO;
export type PurchaseBill = app.PurchaseBillDTO;
export type PurchaseResult = app.PurchaseResultDTO;
export type PurchaseTotal = app.PurchaseTotalDTO;
export type PurchaseRunLine = app.PurchaseRunLineDTO;
export type LedgerAccount = app.LedgerAccountDTO;
export type PurchaseRun = app.RunDTO;

interface PurchasesState {
  form: PurchaseForm;
  settings: PurchaseSettings | null;
  accounts: LedgerAccount[];
  previewing: boolean;
  preview: PurchasePreview | null;
  sending: boolean;
  result: PurchaseResult | null;
}

const emptyForm: PurchaseForm = { profileId: 0, from: "", to: "", billDate: "" };

export const purchasesStore = createStore<PurchasesState>({
  form: emptyForm,
  settings: null,
  accounts: [],
  previewing: false,
  preview: null,
  sending: false,
  result: null,
});

export function setPurchaseForm(patch: Partial<PurchaseForm>): void {
  purchasesStore.set((s) => ({ ...s, form: { ...s.form, ...patch } }));
}

/** loadPurchases fills the form for a profile: the window, its settings and the ledger's accounts. */
export async function loadPurchases(profileId: number): Promise<void> {
  const changed = purchasesStore.get().form.profileId !== profileId;
  purchasesStore.set((s) => ({
    ...s,
    form: { ...s.form, profileId },
    preview: changed ? null : s.preview,
    result: changed ? null : s.result,
    settings: changed ? null : s.settings,
    accounts: changed ? [] : s.accounts,
  }));
  const [d, settings] = await Promise.all([attempt(() => Purchases.Defaults(profileId)), attempt(() => Purchases.Settings(profileId))]);
  purchasesStore.set((s) =>
    s.form.profileId !== profileId
      ? s
      : { ...s, settings: settings ?? s.settings, form: d && !s.form.from ? { ...s.form, from: d.from, to: d.to } : s.form },
  );
  const accounts = await attempt(() => Purchases.LedgerAccounts(profileId));
  if (accounts) purchasesStore.set((s) => (s.form.profileId === profileId ? { ...s, accounts } : s));
}

export async function savePurchaseSettings(patch: Partial<PurchaseSettings>): Promise<boolean> {
  const { settings, form } = purchasesStore.get();
  if (!settings) return false;
  const next = app.PurchaseSettingsDTO.createFrom({ ...settings, ...patch, profileId: form.profileId });
  const saved = await attempt(() => Purchases.SaveSettings(next));
  if (saved) purchasesStore.set((s) => ({ ...s, settings: saved, preview: null }));
  return !!saved;
}

export async function runPurchasePreview(): Promise<void> {
  const form = purchasesStore.get().form;
  purchasesStore.set((s) => ({ ...s, previewing: true, result: null }));
  const preview = await attempt(() => Purchases.Preview(form));
  purchasesStore.set((s) => ({ ...s, previewing: false, preview: preview ?? s.preview }));
}

/** sendPurchases sends every ready bill of the window; the preview is stale afterwards. */
export async function sendPurchases(): Promise<void> {
  const form = purchasesStore.get().form;
  purchasesStore.set((s) => ({ ...s, sending: true, result: null }));
  const result = await attempt(() => Purchases.Run(form));
  purchasesStore.set((s) => ({ ...s, sending: false, result: result ?? null, preview: result ? null : s.preview }));
}

/**
 * createMissingPurchaseItems creates in the ledger the items the preview's bills lack (the products' SKUs, as
 * purchasable items), then previews again so those bills show as ready. It returns how many it created.
 */
export async function createMissingPurchaseItems(): Promise<number | undefined> {
  const form = purchasesStore.get().form;
  const created = await attempt(() => Purchases.CreateMissingItems(form));
  await runPurchasePreview();
  return created;
}

/** purchaseRuns lists the purchases runs for the History screen. */
export async function purchaseRuns(limit = 1000): Promise<PurchaseRun[] | undefined> {
  return attempt(() => Purchases.Runs(limit));
}

/** purchaseRunLines reads the bills of one purchases run. */
export async function purchaseRunLines(runId: number): Promise<PurchaseRunLine[] | undefined> {
  return attempt(() => Purchases.RunLines(runId));
}

// The Purchases screen's other tabs: purchase orders, expenses and inventory. Each tab
// previews and sends its own kind with the bills' form (profile and window).
export type PurchaseKind = "orders" | "expenses" | "inventory";
export type ExpenseCategory = app.ExpenseCategoryDTO;
export type InventorySettings = app.InventorySettingsDTO;

interface KindState {
  previewing: boolean;
  preview: PurchasePreview | null;
  sending: boolean;
  result: PurchaseResult | null;
}

interface PurchaseKindsState {
  profileId: number;
  kinds: Record<PurchaseKind, KindState>;
  categories: ExpenseCategory[] | null;
  inventory: InventorySettings | null;
}

const idle: KindState = { previewing: false, preview: null, sending: false, result: null };
const idleKinds = (): Record<PurchaseKind, KindState> => ({ orders: { ...idle }, expenses: { ...idle }, inventory: { ...idle } });

export const purchaseKindsStore = createStore<PurchaseKindsState>({ profileId: 0, kinds: idleKinds(), categories: null, inventory: null });

function setKind(kind: PurchaseKind, patch: Partial<KindState>): void {
  purchaseKindsStore.set((s) => ({ ...s, kinds: { ...s.kinds, [kind]: { ...s.kinds[kind], ...patch } } }));
}

/** loadPurchaseKinds forgets another profile's previews and reads this one's expense categories and inventory accounts. */
export async function loadPurchaseKinds(profileId: number): Promise<void> {
  if (purchaseKindsStore.get().profileId !== profileId) {
    purchaseKindsStore.set(() => ({ profileId, kinds: idleKinds(), categories: null, inventory: null }));
  }
  if (!profileId) return;
  const inventory = await attempt(() => Purchases.InventorySettings(profileId));
  if (inventory) purchaseKindsStore.set((s) => (s.profileId === profileId ? { ...s, inventory } : s));
}

/** loadExpenseCategories lists Autotask's expense categories with their ledger accounts (it reads both systems). */
export async function loadExpenseCategories(profileId: number): Promise<void> {
  const categories = await attempt(() => Purchases.ExpenseCategories(profileId));
  if (categories) purchaseKindsStore.set((s) => (s.profileId === profileId ? { ...s, categories } : s));
}

export async function saveExpenseCategory(c: ExpenseCategory): Promise<boolean> {
  const saved = await attempt(() => Purchases.SaveExpenseCategory(app.ExpenseCategoryDTO.createFrom(c)));
  if (!saved) return false;
  purchaseKindsStore.set((s) => ({
    ...s,
    categories: (s.categories ?? []).map((x) => (x.value === saved.value ? saved : x)),
    kinds: { ...s.kinds, expenses: { ...s.kinds.expenses, preview: null } },
  }));
  return true;
}

export async function saveInventorySettings(patch: Partial<InventorySettings>): Promise<boolean> {
  const { inventory, profileId } = purchaseKindsStore.get();
  if (!inventory) return false;
  const saved = await attempt(() => Purchases.SaveInventorySettings(app.InventorySettingsDTO.createFrom({ ...inventory, ...patch, profileId })));
  if (!saved) return false;
  purchaseKindsStore.set((s) => ({ ...s, inventory: saved, kinds: { ...s.kinds, inventory: { ...s.kinds.inventory, preview: null } } }));
  // The bills share the inventory and cost of sales accounts.
  purchasesStore.set((s) =>
    s.settings ? { ...s, settings: { ...s.settings, inventoryAccount: saved.inventoryAccount, costOfSalesAccount: saved.costOfSalesAccount } as PurchaseSettings } : s,
  );
  return true;
}

function kindInput(kind: PurchaseKind): app.PurchaseKindInput {
  const { profileId, from, to } = purchasesStore.get().form;
  return app.PurchaseKindInput.createFrom({ profileId, kind, from, to });
}

export async function previewPurchaseKind(kind: PurchaseKind): Promise<void> {
  const input = kindInput(kind);
  setKind(kind, { previewing: true, result: null });
  const preview = await attempt(() => Purchases.PreviewKind(input));
  setKind(kind, { previewing: false, ...(preview ? { preview } : {}) });
}

/** sendPurchaseKind sends every ready document of the tab's window; the preview is stale afterwards. */
export async function sendPurchaseKind(kind: PurchaseKind): Promise<void> {
  const input = kindInput(kind);
  setKind(kind, { sending: true, result: null });
  const result = await attempt(() => Purchases.RunKind(input));
  setKind(kind, { sending: false, result: result ?? null, ...(result ? { preview: null } : {}) });
}

// The stock valuation report under the Inventory tab: Autotask's stock on hand
// × unit cost against the ledger's inventory account on a date.
export type Valuation = app.ValuationDTO;

interface ValuationState {
  profileId: number;
  date: string;
  report: Valuation | null;
  loading: boolean;
}

export const valuationStore = createStore<ValuationState>({ profileId: 0, date: "", report: null, loading: false });

/** loadValuation reads the report of a profile on a date (YYYY-MM-DD; empty for today). */
export async function loadValuation(profileId: number, date: string): Promise<void> {
  valuationStore.set({ profileId, date, report: null, loading: true });
  const report = await attempt(() => Purchases.Valuation(profileId, date));
  valuationStore.set((s) => (s.profileId === profileId && s.date === date ? { ...s, loading: false, report: report ?? null } : s));
}
