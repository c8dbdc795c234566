// Pure helpers of the Purchases screen's tabs for purchase orders, expenses and inventory, tested in kindLogic.test.ts.
import { billStatusLabel, billStatusTone, sortBills, type BillLike } from "./logic";

export type PurchaseTab = "bills" | "orders" | "expenses" | "inventory";

export const purchaseTabs: { id: PurchaseTab; label: string }[] = [
  { id: "bills", label: "Bills from goods receipts" },
  { id: "orders", label: "Purchase orders" },
  { id: "expenses", label: "Expenses" },
  { id: "inventory", label: "Inventory" },
];

/** What each tab's form, table and buttons call things. */
export interface KindCopy {
  title: string;
  intro: string;
  from: string;
  to: string;
  reference: string;
  party: string;
  date: string;
  number: string;
  one: string;
  many: string;
  empty: string;
}

export const kindCopy: Record<Exclude<PurchaseTab, "bills">, KindCopy> = {
  orders: {
    title: "Purchase orders",
    intro: "Autotask purchase orders, once submitted, become purchase orders in Xero or QuickBooks Online, so the bills made from their goods receipts can reference them.",
    from: "Submitted from",
    to: "Submitted through",
    reference: "Order",
    party: "Supplier",
    date: "Order date",
    number: "PO number",
    one: "purchase order",
    many: "purchase orders",
    empty: "No purchase order was submitted in this window. Choose other dates, or check the purchase orders in Autotask.",
  },
  expenses: {
    title: "Expenses",
    intro: "Approved Autotask expense reports become bills payable to the employee, one line per reimbursable item on its category's expense account.",
    from: "Approved from",
    to: "Approved through",
    reference: "Report",
    party: "Employee",
    date: "Bill date",
    number: "Bill number",
    one: "expense bill",
    many: "expense bills",
    empty: "No expense report was approved in this window. Choose other dates, or check the expense reports in Autotask.",
  },
  inventory: {
    title: "Inventory",
    intro: "Sold stocked products move their cost to cost of sales, and stock adjustments and transfers between locations become journals.",
    from: "Invoiced or moved from",
    to: "Invoiced or moved through",
    reference: "Journal",
    party: "Kind",
    date: "Date",
    number: "Number",
    one: "journal",
    many: "journals",
    empty: "No stocked product was sold, adjusted or moved in this window.",
  },
};

/** kindStatusLabel is the bills' status label, plus "Nothing to post" for a document that moves no balance. */
export function kindStatusLabel(status: string): string {
  return status === "none" ? "Nothing to post" : billStatusLabel(status);
}

export const kindStatusTone = billStatusTone;

const rank: Record<string, number> = { blocked: 0, failed: 1, ready: 2, sent: 3, none: 4, skipped: 5 };

/** sortDocuments puts what needs the user first, then ready or sent documents, then those with nothing to post and those already in the ledger; by reference within. */
export function sortDocuments<T extends BillLike>(rows: T[]): T[] {
  return sortBills(rows).sort(
    (a, b) => (rank[a.status] ?? 9) - (rank[b.status] ?? 9) || a.reference.localeCompare(b.reference, "en", { numeric: true }),
  );
}

/** countLabel: "1 expense bill", "3 journals". */
export function countLabel(n: number, kind: Exclude<PurchaseTab, "bills">): string {
  return `${n} ${n === 1 ? kindCopy[kind].one : kindCopy[kind].many}`;
}

export interface CategoryLike {
  value: number;
  label: string;
  account: string;
}

/** unmappedFirst lists the expense categories without an account first, then by label. */
export function unmappedFirst<T extends CategoryLike>(cats: T[]): T[] {
  return [...cats].sort((a, b) => Number(!!a.account) - Number(!!b.account) || a.label.localeCompare(b.label) || a.value - b.value);
}
