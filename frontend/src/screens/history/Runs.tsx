import { useEffect } from "react";
import type { ColumnDef } from "@tanstack/react-table";
import { EmptyState } from "../../components/EmptyState";
import { DataTable } from "../../components/DataTable";
import { useStore } from "../../stores/store";
import { loadRuns, openRun, runsStore, type Run, type RunLine } from "../../stores/runs";
import { formatDateTime } from "../../lib/format";
import { statusLabel, statusTone } from "../sync/logic";

const runColumns: ColumnDef<Run, any>[] = [
  { accessorKey: "id", header: "Run", size: 60 },
  { accessorKey: "startedAt", header: "Started", size: 170, cell: (c) => formatDateTime(String(c.getValue())) },
  { accessorKey: "profileName", header: "Profile", size: 200 },
  { accessorKey: "kind", header: "Kind", size: 70 },
  { accessorKey: "status", header: "Status", size: 80, cell: (c) => <span className={`badge ${c.row.original.status === "failed" ? "bad" : c.row.original.status === "done" ? "ok" : "warn"}`}>{c.row.original.status}</span> },
  { accessorKey: "thru", header: "Through", size: 110 },
  { accessorKey: "sent", header: "Sent", size: 70 },
  { accessorKey: "failed", header: "Failed", size: 80 },
  { accessorKey: "blocked", header: "Blocked", size: 90 },
  { accessorKey: "writtenBack", header: "Written back", size: 130 },
  {
    id: "open",
    header: "",
    size: 70,
    enableSorting: false,
    cell: (c) => (
      <button type="button" className="small" aria-label={`Open run ${c.row.original.id}`} onClick={() => void openRun(c.row.original)}>
        Open
      </button>
    ),
  },
];

const lineColumns: ColumnDef<RunLine, any>[] = [
  { accessorKey: "status", header: "Status", size: 120, cell: (c) => <span className={`badge ${statusTone(c.row.original.status)}`}>{statusLabel(c.row.original.status)}</span> },
  { accessorKey: "invoiceNumber", header: "Invoice", size: 110, cell: (c) => c.row.original.invoiceNumber || `id ${c.row.original.invoiceId}` },
  { accessorKey: "ledgerNumber", header: "Ledger number", size: 130 },
  { accessorKey: "message", header: "Error or note", size: 400, cell: (c) => <span title={String(c.getValue() ?? "")}>{String(c.getValue() ?? "")}</span> },
];

export function Runs() {
  const { loaded, runs, includePreviews, openRun: open, lines } = useStore(runsStore);
  useEffect(() => {
    void loadRuns();
  }, []);
  return (
    <section aria-label="Runs">
      <div className="row tab-toolbar">
        <label className="radio">
          <input type="checkbox" checked={includePreviews} onChange={(e) => void loadRuns(e.target.checked)} /> Show previews too
        </label>
      </div>
      {loaded && runs.length === 0 ? (
        <EmptyState title="No sync runs yet" action={<a className="button primary" href="#/sync">Go to Sync</a>}>
          Preview and send invoices in Sync; every run is listed here with its counts and each invoice's result.
        </EmptyState>
      ) : (
        <DataTable label="Runs" rows={runs} columns={runColumns} getRowId={(r) => String(r.id)} searchPlaceholder="Search runs" height={open ? 220 : 440} />
      )}
      {open ? (
        <section className="card run-lines" aria-label={`Run ${open.id} lines`}>
          <div className="row-between">
            <h2>
              Run {open.id}: {open.summary}
            </h2>
            <button type="button" onClick={() => void openRun(null)}>
              Close
            </button>
          </div>
          {open.error ? <p className="field-error">{open.error}</p> : null}
          <DataTable label="Run lines" rows={lines} columns={lineColumns} getRowId={(r) => String(r.invoiceId)} height={300} />
        </section>
      ) : null}
    </section>
  );
}
