import { useState } from "react";
import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "../../components/DataTable";
import { compareItems, createMissingItems, type CompareRow } from "../../stores/mappings";

const columns: ColumnDef<CompareRow, any>[] = [
  {
    accessorKey: "status",
    header: "Result",
    size: 100,
    cell: (c) => <span className={`badge ${c.row.original.status === "match" ? "ok" : c.row.original.status === "missing" ? "bad" : "warn"}`}>{c.row.original.status}</span>,
  },
  { accessorKey: "codeName", header: "Autotask billing code", size: 200 },
  { accessorKey: "autotaskPrice", header: "Autotask price", size: 120 },
  { accessorKey: "itemCode", header: "Ledger item", size: 130 },
  { accessorKey: "ledgerPrice", header: "Ledger price", size: 110 },
  { accessorKey: "matchedBy", header: "Matched by", size: 130 },
  { accessorKey: "why", header: "What differs" },
];

// The report of billing codes against the ledger's items, and the one action
// it suggests: create what is missing.
export function CompareReport({ profileId }: { profileId: number }) {
  const [rows, setRows] = useState<CompareRow[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<number | null>(null);
  const missing = rows?.filter((r) => r.status === "missing").length ?? 0;
  const differs = rows?.filter((r) => r.status === "differs").length ?? 0;

  async function compare() {
    setBusy(true);
    setRows((await compareItems(profileId)) ?? null);
    setBusy(false);
  }

  return (
    <section className="card" aria-label="Compare billing codes and items">
      <div className="row-between">
        <h2>Compare billing codes and items</h2>
        <button type="button" onClick={() => void compare()} disabled={busy || !profileId}>
          {busy ? "Comparing…" : "Compare"}
        </button>
      </div>
      <p className="muted">Each active Autotask billing code against the ledger's items: by its mapping, its external number, its code, then its name.</p>
      {rows ? (
        <>
          <div className="row-between tab-toolbar">
            <span role="status" aria-label="Compare summary">
              {rows.length - missing - differs} match · {differs} differ · {missing} missing
              {created !== null ? ` · created ${created} items` : ""}
            </span>
            <button
              type="button"
              className="primary"
              disabled={missing === 0 || busy}
              onClick={async () => {
                setBusy(true);
                const n = await createMissingItems(profileId);
                // Show the count with the fresh comparison, not before it.
                const fresh = await compareItems(profileId);
                setRows(fresh ?? rows);
                if (n !== undefined) setCreated(n);
                setBusy(false);
              }}
            >
              Create {missing} missing items in the ledger
            </button>
          </div>
          <DataTable label="Comparison" rows={rows} columns={columns} getRowId={(r) => String(r.codeId)} searchPlaceholder="Search codes and items" height={320} exportName="Compare billing codes and items" />
        </>
      ) : null}
    </section>
  );
}
