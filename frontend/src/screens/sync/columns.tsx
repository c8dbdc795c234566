import type { ColumnDef } from "@tanstack/react-table";
import { setTicked, syncStore, type PreviewInvoice } from "../../stores/sync";
import { statusLabel, statusTone } from "./logic";

/** hasOrganisations: the profile feeds several ledger organisations, so each invoice names its own. */
export function hasOrganisations(rows: PreviewInvoice[] | undefined): boolean {
  return (rows ?? []).some((r) => r.organisation);
}

/** previewColumns are the preview table's columns; the screen and the timing test filter through them. The
 * Organisation column is there when the rows (by default the current preview's) go to several organisations;
 * a new preview resets the ticks, which rebuilds the columns. */
export function previewColumns(
  ticked: number[],
  open: (r: PreviewInvoice) => void,
  rows: PreviewInvoice[] | undefined = syncStore.get().preview?.invoices,
): ColumnDef<PreviewInvoice, any>[] {
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
    ...(hasOrganisations(rows)
      ? [{ accessorKey: "organisation", header: "Organisation", size: 160 } as ColumnDef<PreviewInvoice, any>]
      : []),
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
