import { useEffect, useMemo, useState } from "react";
import { Page } from "../../components/Page";
import { EmptyState } from "../../components/EmptyState";
import { DataTable } from "../../components/DataTable";
import { ProfilePicker, connectedToBoth, useUsableProfiles } from "../../components/ProfilePicker";
import { useStore } from "../../stores/store";
import { listenProgress, loadDefaults, runPreview, send, cancelSend, setForm, syncStore, type PreviewInvoice } from "../../stores/sync";
import { sendLabel, sortPreview, validateForm, windowText } from "./logic";
import { InvoiceDetail, ProgressBar, ResultPanel } from "./Parts";
import { previewColumns } from "./columns";

export function Sync() {
  const { loaded, usable } = useUsableProfiles(connectedToBoth);
  const st = useStore(syncStore);
  const { form, preview, ticked, sending, previewing } = st;
  const [open, setOpen] = useState<PreviewInvoice | null>(null);
  useEffect(() => listenProgress(), []);
  useEffect(() => {
    if (form.profileId && (!form.thru || preview === null)) void loadDefaults(form.profileId);
  }, [form.profileId]);
  const rows = useMemo(() => sortPreview(preview?.invoices ?? []), [preview]);
  const problems = useMemo(() => rows.filter((r) => r.status === "blocked"), [rows]);
  const columns = useColumns(ticked, setOpen);
  if (loaded && usable.length === 0) {
    return (
      <Page title="Sync" subtitle="Preview every Autotask invoice and what it becomes in your ledger, then send it — exactly once.">
        <EmptyState title="No invoices to preview" action={<a className="button primary" href="#/connections">Go to Connections</a>}>
          Connect Autotask and a ledger, then map your billing codes and tax. The preview lists every invoice ready for billing and every problem that blocks one, with
          its fix.
        </EmptyState>
      </Page>
    );
  }
  const invalid = validateForm(form);
  return (
    <Page title="Sync" subtitle="Preview every Autotask invoice and what it becomes in your ledger, then send it — exactly once.">
      <form
        className="card sync-form"
        aria-label="Sync options"
        onSubmit={(e) => {
          e.preventDefault();
          void runPreview();
        }}
      >
        <div className="row">
          <ProfilePicker value={form.profileId} onChange={(id) => setForm({ profileId: id })} qualifies={connectedToBoth} />
          <label>
            Invoices dated through
            <input type="date" value={form.thru} onChange={(e) => setForm({ thru: e.target.value })} aria-invalid={!!invalid.thru} />
          </label>
          <label>
            Maximum age in days
            <input type="number" min={0} max={3660} value={form.maxAgeDays} onChange={(e) => setForm({ maxAgeDays: Number(e.target.value) })} aria-invalid={!!invalid.maxAgeDays} />
          </label>
          <label>
            Invoice numbers
            <select value={form.ledgerNumbering ? "ledger" : "autotask"} onChange={(e) => setForm({ ledgerNumbering: e.target.value === "ledger" })}>
              <option value="autotask">Keep Autotask's numbers</option>
              <option value="ledger">Let the ledger number them (written back)</option>
            </select>
          </label>
          <label>
            Lines
            <select value={form.lineMode} onChange={(e) => setForm({ lineMode: e.target.value })}>
              <option value="standard">Standard: time per code and rate</option>
              <option value="summary">Summary: one line per account</option>
              <option value="detail">Detail: one line per billing item</option>
            </select>
          </label>
        </div>
        <p className="muted">
          {windowText(form.thru, form.maxAgeDays)} · invoices arrive in the ledger as <strong>{st.draft ? "drafts" : "approved"}</strong> (change in{" "}
          <a href="#/settings">Settings</a>).
        </p>
        {Object.values(invalid).map((m) => (
          <p key={m} className="field-error">
            {m}
          </p>
        ))}
        <div className="row">
          <button type="submit" className="primary" disabled={previewing || sending || Object.keys(invalid).length > 0}>
            {previewing ? "Reading Autotask and the ledger…" : "Preview"}
          </button>
        </div>
      </form>
      {sending ? (
        <section className="card" aria-label="Sync progress" aria-busy="true">
          <ProgressBar progress={st.progress} />
          <button type="button" onClick={() => void cancelSend()}>
            Cancel after the current step
          </button>
        </section>
      ) : null}
      {st.result ? <ResultPanel result={st.result} /> : null}
      {preview ? (
        <>
          <section className="card" aria-label="Preview summary">
            <div className="row-between">
              <p className="counts">
                <strong>{preview.ready}</strong> ready · <strong className={preview.blocked ? "bad" : ""}>{preview.blocked}</strong> blocked ·{" "}
                <strong>{preview.skipped}</strong> skipped · <strong>{preview.voids}</strong> to void · <strong>{preview.alreadySent}</strong> already sent by earlier
                runs{preview.newItems ? ` · ${preview.newItems} new ledger items` : ""}
              </p>
              <button type="button" className="primary" disabled={sending || previewing || preview.ready === 0} onClick={() => void send()}>
                {sendLabel(preview.ready, ticked.length)}
              </button>
            </div>
            {preview.ready === 0 && preview.blocked === 0 ? (
              <p className="muted">Nothing waits in this window. Choose an earlier date or a longer maximum age, or check the invoices are posted in Autotask.</p>
            ) : null}
          </section>
          {problems.length > 0 ? (
            <section className="card problems" aria-label="Blocking problems">
              <h2>
                {problems.length} invoice{problems.length === 1 ? "" : "s"} blocked — fix these and preview again
              </h2>
              <ul>
                {problems.flatMap((r) =>
                  r.problems.map((p, i) => (
                    <li key={`${r.invoiceId}-${i}`}>
                      <span className="problem">{p.message}</span>
                      <span className="fix">Fix: {p.fix}</span>
                    </li>
                  )),
                )}
              </ul>
            </section>
          ) : null}
          {open ? <InvoiceDetail invoice={open} onClose={() => setOpen(null)} /> : null}
          <DataTable label="Preview" rows={rows} columns={columns} getRowId={(r) => String(r.invoiceId)} searchPlaceholder="Search invoices, customers, problems" height={420} exportName="Sync preview" />
        </>
      ) : null}
    </Page>
  );
}

function useColumns(ticked: number[], open: (r: PreviewInvoice) => void) {
  return useMemo(() => previewColumns(ticked, open), [ticked, open]);
}
