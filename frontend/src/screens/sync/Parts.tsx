import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "../../components/DataTable";
import type { PreviewInvoice, Progress, SyncResult } from "../../stores/sync";
import { progressPercent, sortResult, statusLabel, statusTone } from "./logic";

export function ProgressBar({ progress }: { progress: Progress | null }) {
  const pct = progress ? progressPercent(progress.done, progress.total) : undefined;
  return (
    <div className="progress">
      <p role="status">
        {progress ? progress.label : "Starting…"}
        {progress && progress.total > 0 ? ` — ${progress.done} of ${progress.total}` : ""}
      </p>
      <div className="meter" role="progressbar" aria-label="Sync progress" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100}>
        <span className={pct === undefined ? "indeterminate" : ""} style={{ width: pct === undefined ? "30%" : `${pct}%` }} />
      </div>
    </div>
  );
}

type Line = SyncResult["lines"][number];
const resultColumns: ColumnDef<Line, any>[] = [
  { accessorKey: "status", header: "Result", size: 120, cell: (c) => <span className={`badge ${statusTone(c.row.original.status)}`}>{statusLabel(c.row.original.status)}</span> },
  { accessorKey: "invoiceNumber", header: "Invoice", size: 110 },
  { accessorKey: "companyName", header: "Customer", size: 200 },
  { accessorKey: "ledgerNumber", header: "Ledger number", size: 130 },
  { accessorKey: "message", header: "Message", size: 300, cell: (c) => <span title={String(c.getValue() ?? "")}>{String(c.getValue() ?? "")}</span> },
];

export function ResultPanel({ result }: { result: SyncResult }) {
  const counts: [string, number, string][] = [
    ["sent", result.sent, "ok"],
    ["failed", result.failed, result.failed ? "bad" : ""],
    ["blocked", result.blocked, result.blocked ? "warn" : ""],
    ["skipped", result.skipped, ""],
    ["voided", result.voided, ""],
    ["written back to Autotask", result.writtenBack, ""],
    ["payments back", result.paid, ""],
  ];
  return (
    <section className="card" aria-label="Sync result">
      <h2>Run {result.runId} finished</h2>
      <ul className="result-counts">
        {counts.map(([label, n, tone]) => (
          <li key={label} className={tone}>
            <strong>{n}</strong> {label}
          </li>
        ))}
      </ul>
      {result.failed > 0 ? <p className="field-error">Failed invoices were not created; their message says why. Fix it and send again — nothing is ever sent twice.</p> : null}
      <DataTable label="Sync result lines" rows={sortResult(result.lines)} columns={resultColumns} getRowId={(r) => String(r.invoiceId)} height={240} exportName={`Run ${result.runId} result`} />
    </section>
  );
}

type DocLine = PreviewInvoice["lines"][number];
const lineColumns: ColumnDef<DocLine, any>[] = [
  { accessorKey: "itemCode", header: "Item", size: 120 },
  { accessorKey: "description", header: "Description", size: 260 },
  { accessorKey: "quantity", header: "Qty", size: 80 },
  { accessorKey: "unitPrice", header: "Unit price", size: 100 },
  { accessorKey: "amount", header: "Amount", size: 100 },
  { accessorKey: "account", header: "Account", size: 90 },
  { accessorKey: "taxCode", header: "Tax code", size: 90 },
  { accessorKey: "taxAmount", header: "Tax", size: 80 },
];

export function InvoiceDetail({ invoice: r, onClose }: { invoice: PreviewInvoice; onClose: () => void }) {
  return (
    <section className="card" aria-label={`Invoice ${r.invoiceNumber} in the ledger`}>
      <div className="row-between">
        <h2>
          Invoice {r.invoiceNumber || r.invoiceId} → {r.kind === "credit_note" ? "credit note" : "invoice"} {r.ledgerNumber || "(numbered by the ledger)"}
        </h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <dl className="facts">
        <dt>Customer</dt>
        <dd>
          {r.customerName} {r.newCustomer ? "(created on first sync)" : "(existing)"}
        </dd>
        <dt>Dates</dt>
        <dd>
          {r.date} · due {r.dueDate} · {r.docStatus}
        </dd>
        <dt>Totals</dt>
        <dd>
          {r.subtotal} + tax {r.tax} = <strong>{r.total}</strong> {r.currency}
        </dd>
      </dl>
      {r.problems.map((p) => (
        <p key={p.message} className="field-error">
          {p.message}. Fix: {p.fix}
        </p>
      ))}
      {r.notes.map((n) => (
        <p key={n} className="muted">
          {n}
        </p>
      ))}
      <DataTable label="Invoice lines" rows={r.lines} columns={lineColumns} height={200} />
    </section>
  );
}
