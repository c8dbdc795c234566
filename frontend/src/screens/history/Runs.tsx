import { useEffect, useMemo, useState } from "react";
import type { ColumnDef } from "@tanstack/react-table";
import { EmptyState } from "../../components/EmptyState";
import { DataTable } from "../../components/DataTable";
import { useStore } from "../../stores/store";
import { loadRuns, openRun, runsStore, type Run, type RunLine } from "../../stores/runs";
import { formatDateTime } from "../../lib/format";
import { statusLabel, statusTone } from "../sync/logic";
import { fixFor, invoiceLabel, parseRunHash } from "../../stores/notifications";
import { retryInvoice, type RetryResult } from "../../stores/sync";
import { purchaseRuns } from "../../stores/purchases";
import { mergeRuns } from "../purchases/logic";
import { PurchaseRunLines } from "../purchases/RunLines";

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

function lineColumns(focus: (l: RunLine) => void): ColumnDef<RunLine, any>[] {
  return [
    { accessorKey: "status", header: "Status", size: 120, cell: (c) => <span className={`badge ${statusTone(c.row.original.status)}`}>{statusLabel(c.row.original.status)}</span> },
    { accessorKey: "invoiceNumber", header: "Invoice", size: 110, cell: (c) => c.row.original.invoiceNumber || `id ${c.row.original.invoiceId}` },
    { accessorKey: "ledgerNumber", header: "Ledger number", size: 130 },
    { accessorKey: "message", header: "Error or note", size: 400, cell: (c) => <span title={String(c.getValue() ?? "")}>{String(c.getValue() ?? "")}</span> },
    {
      id: "fix",
      header: "",
      size: 90,
      enableSorting: false,
      cell: (c) =>
        c.row.original.status === "failed" ? (
          <button type="button" className="small" aria-label={`Fix and retry ${invoiceLabel(c.row.original)}`} onClick={() => focus(c.row.original)}>
            Fix…
          </button>
        ) : null,
    },
  ];
}

/** FailedLine shows one failed invoice with its error, its fix and Retry. */
function FailedLine({ profileId, line, onClose }: { profileId: number; line: RunLine; onClose: () => void }) {
  const [busy, setBusy] = useState(false);
  const [res, setRes] = useState<RetryResult | null>(null);
  const label = invoiceLabel(line);
  return (
    <section className="card failed-line" aria-label={`${label} failed`}>
      <div className="row-between">
        <h3>{label} was not sent</h3>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <p>{line.message}</p>
      <p className="muted">Fix: {fixFor(line.message)}</p>
      <div className="row">
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            setRes((await retryInvoice(profileId, line.invoiceId)) ?? null);
            setBusy(false);
          }}
        >
          {busy ? "Retrying…" : `Retry ${label}`}
        </button>
        {res ? (
          <span role="status" className={res.outcome === "created" || res.outcome === "exists" ? "" : "field-error"}>
            {res.message}
          </span>
        ) : null}
      </div>
    </section>
  );
}

/** useRunHash opens the run (and the failed line) named by "#/history/runs/12/345", as a notification's View links. */
function useRunHash(runs: Run[], loaded: boolean, focus: (invoiceId: number) => void) {
  useEffect(() => {
    const apply = () => {
      const want = parseRunHash(window.location.hash);
      if (!want || !loaded) return;
      const run = runs.find((r) => r.id === want.runId);
      if (!run) return;
      void openRun(run).then(() => focus(want.invoiceId));
    };
    apply();
    window.addEventListener("hashchange", apply);
    return () => window.removeEventListener("hashchange", apply);
  }, [loaded, runs]);
}

export function Runs() {
  const { loaded, runs: syncRuns, includePreviews, openRun: open, lines } = useStore(runsStore);
  const [focused, setFocused] = useState(0);
  const [purchases, setPurchases] = useState<Run[]>([]);
  useEffect(() => {
    void loadRuns();
    void purchaseRuns().then((r) => r && setPurchases(r));
  }, []);
  const runs = useMemo(() => mergeRuns(syncRuns, purchases), [syncRuns, purchases]);
  useRunHash(runs, loaded, setFocused);
  const failed = open ? lines.find((l) => l.invoiceId === focused && l.status === "failed") : undefined;
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
        <DataTable label="Runs" rows={runs} columns={runColumns} getRowId={(r) => String(r.id)} searchPlaceholder="Search runs" height={open ? 220 : 440} exportName="Sync runs" />
      )}
      {open ? (
        <section className="card run-lines" aria-label={`Run ${open.id} lines`}>
          <div className="row-between">
            <h2>
              Run {open.id}: {open.summary}
            </h2>
            <button type="button" onClick={() => (setFocused(0), void openRun(null))}>
              Close
            </button>
          </div>
          {open.error ? <p className="field-error">{open.error}</p> : null}
          {failed ? <FailedLine key={failed.invoiceId} profileId={open.profileId} line={failed} onClose={() => setFocused(0)} /> : null}
          {open.kind === "purchases" ? (
            <PurchaseRunLines runId={open.id} />
          ) : (
            <DataTable
              label="Run lines"
              rows={lines}
              columns={lineColumns((l) => setFocused(l.invoiceId))}
              getRowId={(r) => String(r.invoiceId)}
              height={300}
              exportName={`Run ${open.id} lines`}
            />
          )}
        </section>
      ) : null}
    </section>
  );
}
