import type { ColumnDef } from "@tanstack/react-table";
import type { PurchaseBill, PurchaseRunLine } from "../../stores/purchases";
import { billStatusLabel, billStatusTone, groupDigits } from "./logic";

const status = <T extends { status: string }>(): ColumnDef<T, any> => ({
  accessorKey: "status",
  header: "Status",
  size: 150,
  cell: (c) => <span className={`badge ${billStatusTone(c.row.original.status)}`}>{billStatusLabel(c.row.original.status)}</span>,
});

const amount = <T extends { amount: string; currency: string }>(): ColumnDef<T, any> => ({
  accessorKey: "amount",
  header: "Amount",
  size: 130,
  cell: (c) => (c.row.original.amount ? `${c.row.original.currency} ${groupDigits(c.row.original.amount)}` : ""),
});

/** billColumns are the preview's and the result's: each bill with its problem and fix, or the ledger's answer. */
export function billColumns(): ColumnDef<PurchaseBill, any>[] {
  return [
    status<PurchaseBill>(),
    { accessorKey: "purchaseOrder", header: "PO", size: 90 },
    { accessorKey: "reference", header: "Receipt", size: 100 },
    { accessorKey: "vendor", header: "Supplier", size: 190, cell: (c) => `${c.row.original.vendor}${c.row.original.newVendor ? " (new)" : ""}` },
    { accessorKey: "date", header: "Bill date", size: 100 },
    { accessorKey: "number", header: "Bill number", size: 180 },
    amount<PurchaseBill>(),
    {
      id: "problem",
      header: "Problem and fix",
      size: 420,
      accessorFn: (r) => [...r.problems.map((p) => `${p.message}. Fix: ${p.fix}`), r.message, ...r.notes].filter(Boolean).join(" "),
      cell: (c) => <span title={String(c.getValue() ?? "")}>{String(c.getValue() ?? "")}</span>,
    },
  ];
}

/** runLineColumns show a recorded purchases run's bills in History. */
export function runLineColumns(): ColumnDef<PurchaseRunLine, any>[] {
  return [
    status<PurchaseRunLine>(),
    { accessorKey: "purchaseOrder", header: "PO", size: 90 },
    { accessorKey: "reference", header: "Receipt", size: 100 },
    { accessorKey: "vendor", header: "Supplier", size: 190 },
    { accessorKey: "billDate", header: "Bill date", size: 100 },
    { accessorKey: "billNumber", header: "Bill number", size: 180 },
    amount<PurchaseRunLine>(),
    {
      id: "problem",
      header: "Problem and fix",
      size: 420,
      accessorFn: (r) => [r.message, r.fix ? `Fix: ${r.fix}` : ""].filter(Boolean).join(" "),
      cell: (c) => <span title={String(c.getValue() ?? "")}>{String(c.getValue() ?? "")}</span>,
    },
  ];
}
