import { useEffect, useMemo } from "react";
import type { ColumnDef } from "@tanstack/react-table";
import { Page } from "../../components/Page";
import { EmptyState } from "../../components/EmptyState";
import { DataTable } from "../../components/DataTable";
import { ProfilePicker, connectedToAutotask, useUsableProfiles } from "../../components/ProfilePicker";
import { useStore } from "../../stores/store";
import { deleteBatch, exportsStore, loadExportDefaults, previewExport, runExport, setFilter, setPath, type ExportBatch } from "../../stores/exports";
import { formatDateTime } from "../../lib/format";
import { fileHint, formats, validateRange } from "./logic";

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
  const { filter, path, folder, busy, preview, last, history } = useStore(exportsStore);
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
  return (
    <Page title="Exports" subtitle="Posted billing items as CSV, Excel, Sage XML or IIF for your accountant.">
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
              {formats.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.label}
                </option>
              ))}
            </select>
          </label>
        </div>
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
          {preview.rowCount === 0 ? <p className="muted">Nothing matches. Widen the dates, untick “Only invoiced items”, or include items exported before.</p> : null}
          <DataTable label="Export preview rows" rows={preview.rows} columns={previewColumns} height={260} />
          <div className="inline-form">
            <label>
              Save as (optional)
              <input value={path} onChange={(e) => setPath(e.target.value)} placeholder="e.g. may-billing.csv" />
            </label>
            <button type="button" className="primary" disabled={busy || preview.rowCount === 0} onClick={() => void runExport()}>
              {busy ? "Exporting…" : `Export ${preview.rowCount} items`}
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
