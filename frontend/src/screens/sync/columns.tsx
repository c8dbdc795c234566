import type { ColumnDef } from "@tanstack/react-table";
import { setTicked, type PreviewInvoice } from "../../stores/sync";
import { statusLabel, statusTone } from "./logic";

/** previewColumns are the preview table's columns; the screen and the timing test filter through them. */
export function previewColumns(ticked: number[], open: (r: PreviewInvoice) => void): ColumnDef<PreviewInvoice, any>[] {
  const set = new Set(ticked);
  return [
    {
      id: "tick",
      header: "Send",
      size: 60,
      enableSorting: false,
      cell: (c) => {
        const r = c.row.original;
        if (r.status !== "ready") return null;
        return (
          <input
            type="checkbox"
            aria-label={`Tick invoice ${r.invoiceNumber}`}
            checked={set.has(r.invoiceId)}
            onChange={(e) => setTicked(e.target.checked ? [...ticked, r.invoiceId] : ticked.filter((id) => id !== r.invoiceId))}
          />
        );
      },
    },
    { accessorKey: "status", header: "Status", size: 120, cell: (c) => <span className={`badge ${statusTone(c.row.original.status)}`}>{statusLabel(c.row.original.status)}</span> },
    { accessorKey: "invoiceNumber", header: "Invoice", size: 100, cell: (c) => c.row.original.invoiceNumber || `id ${c.row.original.invoiceId}` },
    { accessorKey: "companyName", header: "Customer", size: 200 },
    { accessorKey: "date", header: "Date", size: 100 },
    { accessorKey: "total", header: "Total", size: 120, cell: (c) => <span className="num">{`${c.row.original.total} ${c.row.original.currency}`}</span> },
    {
      id: "becomes",
      header: "Becomes in the ledger",
      size: 240,
      accessorFn: (r) =>
        r.status === "blocked"
          ? r.problems.map((p) => p.message).join(" ")
          : `${r.kind === "credit_note" ? "Credit note" : "Invoice"} ${r.ledgerNumber || "(ledger numbers it)"} · ${r.newCustomer ? "new customer" : r.customerName} · ${r.lines.length} lines · tax ${r.tax}`,
      cell: (c) => <span title={String(c.getValue())}>{String(c.getValue())}</span>,
    },
    {
      id: "open",
      header: "",
      size: 80,
      enableSorting: false,
      cell: (c) => (
        <button type="button" className="small" aria-label={`Details of invoice ${c.row.original.invoiceNumber}`} onClick={() => open(c.row.original)}>
          Details
        </button>
      ),
    },
  ];
}
