import { useEffect, useMemo } from "react";
import type { ColumnDef } from "@tanstack/react-table";
import { Page } from "../../components/Page";
import { EmptyState } from "../../components/EmptyState";
import { DataTable } from "../../components/DataTable";
import { ProfilePicker, connectedToAutotask, useUsableProfiles } from "../../components/ProfilePicker";
import { useStore } from "../../stores/store";
import { deleteBatch, exportsStore, loadExportDefaults, loadFormats, previewExport, runExport, setFilter, setPath, type ExportBatch } from "../../stores/exports";
import { formatDateTime } from "../../lib/format";
import { exportLabel, fileHint, leftOutLine, totalsLine, validateRange } from "./logic";

const historyColumns: ColumnDef<ExportBatch, any>[] = [
  { accessorKey: "createdAt", header: "When", size: 170, cell: (c) => formatDateTime(String(c.getValue())) },
  { accessorKey: "format", header: "Format", size: 80 },
  { accessorKey: "rowCount", header: "Items", size: 70 },
  { accessorKey: "filePath", header: "File", size: 300, cell: (c) => <code title={String(c.getValue())}>{String(c.getValue())}</code> },
  {
    id: "delete",
    header: "",
    size: 130,
    enableSorting: false,
    cell: (c) => (
      <button type="button" className="small" aria-label={`Delete export batch ${c.row.original.id}`} onClick={() => void deleteBatch(c.row.original.id)}>
        Delete batch
      </button>
    ),
  },
];

export function Exports() {
  const { loaded, usable } = useUsableProfiles(connectedToAutotask);
  const { filter, path, folder, busy, preview, last, history, formats } = useStore(exportsStore);
  useEffect(() => {
    void loadFormats();
  }, []);
  useEffect(() => {
    if (filter.profileId && usable.some((p) => p.id === filter.profileId)) void loadExportDefaults(filter.profileId);
  }, [filter.profileId]);
  const previewColumns = useMemo<ColumnDef<string[], any>[]>(
    () => (preview?.columns ?? []).map((name, i) => ({ id: `c${i}`, header: name, size: 130, accessorFn: (r: string[]) => r[i] })),
    [preview],
  );
  if (loaded && usable.length === 0) {
    return (
      <Page title="Exports" subtitle="Posted billing items as CSV, Excel or Sage XML for your accountant.">
        <EmptyState title="No exports yet" action={<a className="button primary" href="#/connections">Go to Connections</a>}>
          Add Autotask credentials to a profile first. You will then choose a date range and a format, see the first rows and the totals, and export.
        </EmptyState>
      </Page>
    );
  }
  const problem = validateRange(filter.from, filter.to);
  const chosen = formats.find((f) => f.value === filter.format);
  const ledger = preview?.ledger ?? null;
  return (
    <Page title="Exports" subtitle="Posted billing items as CSV, Excel, Sage XML or IIF, or as the import file of your accountant's ledger (Sage 50, Xero, QuickBooks).">
      <form
        className="card"
        aria-label="Export options"
        onSubmit={(e) => {
          e.preventDefault();
          void previewExport();
        }}
      >
        <div className="row">
          <ProfilePicker value={filter.profileId} onChange={(id) => setFilter({ profileId: id })} qualifies={connectedToAutotask} />
          <label>
            From
            <input type="date" value={filter.from} onChange={(e) => setFilter({ from: e.target.value })} />
          </label>
          <label>
            To
            <input type="date" value={filter.to} onChange={(e) => setFilter({ to: e.target.value })} />
          </label>
          <label>
            Dates are
            <select value={filter.by} onChange={(e) => setFilter({ by: e.target.value })}>
              <option value="item-date">Billing item dates</option>
              <option value="invoice-date">Invoice dates</option>
            </select>
          </label>
          <label>
            Format
            <select value={filter.format} onChange={(e) => setFilter({ format: e.target.value })}>
              <optgroup label="Billing items">
                {formats
                  .filter((f) => !f.ledger)
                  .map((f) => (
                    <option key={f.value} value={f.value}>
                      {f.label}
                    </option>
                  ))}
              </optgroup>
              <optgroup label="Import file for the accountant's ledger">
                {formats
                  .filter((f) => f.ledger)
                  .map((f) => (
                    <option key={f.value} value={f.value}>
                      {f.label}
                    </option>
                  ))}
              </optgroup>
            </select>
          </label>
        </div>
        {chosen?.description ? <p className="muted">{chosen.description}</p> : null}
        <div className="row">
          <label className="radio">
            <input type="checkbox" checked={filter.onlyInvoiced} onChange={(e) => setFilter({ onlyInvoiced: e.target.checked })} /> Only invoiced items
          </label>
          <label className="radio">
            <input type="checkbox" checked={filter.includeExported} onChange={(e) => setFilter({ includeExported: e.target.checked })} /> Include items exported before
          </label>
        </div>
        {problem ? <p className="field-error">{problem}</p> : null}
        <button type="submit" className="primary" disabled={busy || problem !== ""}>
          {busy && !preview ? "Reading Autotask…" : "Preview"}
        </button>
      </form>
      {preview ? (
        <section className="card" aria-label="Export preview">
          <div className="row-between">
            <p>
              <strong>{preview.rowCount}</strong> billing items
              {preview.skipped ? `, ${preview.skipped} left out because they were exported before` : ""} ·{" "}
              {preview.totals.byCurrency.map((c) => `${c.billedAmount} ${c.currency} (tax ${c.totalTax})`).join(" · ") || "no amounts"}
            </p>
          </div>
          {ledger ? (
            <div className="ledger-summary">
              <p className="muted">Mappings: {ledger.mappingsFrom}</p>
              <ul className="plain" aria-label="File totals">
                {ledger.totals.byCurrency.map((c) => (
                  <li key={c.currency} className={c.gross === c.autotaskGross ? "" : "bad"}>
                    {totalsLine(c)}
                  </li>
                ))}
              </ul>
              {ledger.totals.differences.length > 0 ? (
                <ul className="plain bad" aria-label="Documents that differ from Autotask">
                  {ledger.totals.differences.map((d) => (
                    <li key={d}>{d}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
          {preview.rowCount === 0 && !ledger?.problems.length ? (
            <p className="muted">Nothing matches. Widen the dates, untick “Only invoiced items”, or include items exported before.</p>
          ) : null}
          {ledger && ledger.problems.length > 0 ? (
            <section className="problems" aria-label="Invoices left out of the file">
              <h2>{leftOutLine(ledger.leftOutInvoices, ledger.leftOutItems)}</h2>
              <ul>
                {ledger.problems.map((p, i) => (
                  <li key={`${p.invoice}-${i}`}>
                    <span className="problem">{p.message}</span>
                    <span className="fix">
                      Fix: {p.fix} {p.fix.includes("Mappings") ? <a href="#/mappings">Open Mappings</a> : null}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {ledger && ledger.notes.length > 0 ? (
            <details className="notes">
              <summary>{ledger.notes.length} note{ledger.notes.length === 1 ? "" : "s"}: rounding lines and text shortened to fit the format</summary>
              <ul>
                {ledger.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </details>
          ) : null}
          <DataTable label="Export preview rows" rows={preview.rows} columns={previewColumns} height={260} />
          {preview.rows.length < (ledger ? ledger.rowCount : preview.rowCount) ? (
            <p className="muted">Showing the first {preview.rows.length} rows of {ledger ? ledger.rowCount : preview.rowCount}.</p>
          ) : null}
          <div className="inline-form">
            <label>
              Save as (optional)
              <input value={path} onChange={(e) => setPath(e.target.value)} placeholder="e.g. may-billing.csv" />
            </label>
            <button type="button" className="primary" disabled={busy || preview.rowCount === 0} onClick={() => void runExport()}>
              {busy ? "Exporting…" : exportLabel(ledger !== null, preview.rowCount, ledger?.totals.documents ?? 0)}
            </button>
          </div>
          <p className="muted">File: {fileHint(path, folder)}</p>
        </section>
      ) : null}
      {last ? (
        <section className="card ok-card" aria-label="Export saved">
          <p role="status">
            Saved {last.rowCount} items to <code>{last.filePath}</code>. They will be left out of later exports unless you delete the batch below.
          </p>
          {last.extraFiles.map((f) => (
            <p key={f}>
              Also saved <code>{f}</code>: import it into Sage first, so the new customer accounts exist.
            </p>
          ))}
          {last.leftOut.length > 0 ? <p className="muted">{last.leftOut.length} problem(s) kept invoices out of the file; they stay unexported until fixed.</p> : null}
        </section>
      ) : null}
      <h2>Export history</h2>
      {history.length === 0 ? (
        <p className="muted">No exports for this profile yet.</p>
      ) : (
        <DataTable label="Export history" rows={history} columns={historyColumns} getRowId={(r) => String(r.id)} height={220} />
      )}
    </Page>
  );
}
