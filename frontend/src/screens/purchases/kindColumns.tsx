import type { ColumnDef } from "@tanstack/react-table";
import type { PurchaseBill } from "../../stores/purchases";
import { groupDigits } from "./logic";
import type { KindCopy } from "./kindLogic";
import { kindStatusLabel, kindStatusTone } from "./kindLogic";

/** kindColumns are a tab's preview and result columns: each document with its problem and fix, or the ledger's answer. */
export function kindColumns(copy: KindCopy): ColumnDef<PurchaseBill, any>[] {
  return [
    {
      accessorKey: "status",
      header: "Status",
      size: 150,
      cell: (c) => <span className={`badge ${kindStatusTone(c.row.original.status)}`}>{kindStatusLabel(c.row.original.status)}</span>,
    },
    { accessorKey: "reference", header: copy.reference, size: 120 },
    { accessorKey: "vendor", header: copy.party, size: 190, cell: (c) => `${c.row.original.vendor}${c.row.original.newVendor ? " (new)" : ""}` },
    { accessorKey: "date", header: copy.date, size: 100 },
    { accessorKey: "number", header: copy.number, size: 150 },
    {
      accessorKey: "amount",
      header: "Amount",
      size: 130,
      cell: (c) => (c.row.original.amount ? `${c.row.original.currency} ${groupDigits(c.row.original.amount)}` : ""),
    },
    {
      id: "problem",
      header: "Problem and fix",
      size: 420,
      accessorFn: (r) => [...r.problems.map((p) => `${p.message}. Fix: ${p.fix}`), r.message, ...r.notes].filter(Boolean).join(" "),
      cell: (c) => <span title={String(c.getValue() ?? "")}>{String(c.getValue() ?? "")}</span>,
    },
  ];
}
