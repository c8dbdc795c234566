import { useStore } from "../stores/store";
import { dismissNotice, fixFor, invoiceLabel, notificationsStore, viewHash } from "../stores/notifications";
import { retryNotice } from "../stores/failures";

// The notification area: sync failures stay until dismissed, each with View
// (the run line in History, with the error and its fix) and Retry.
export function Notifications() {
  const list = useStore(notificationsStore);
  return (
    <section className="notifications" aria-label="Notifications">
      <div role="status" aria-live="polite">
        <ul>
        {list.map((n) => {
          const label = invoiceLabel(n);
          return (
            <li key={n.id} className={`notice ${n.state === "fixed" ? "fixed" : ""}`}>
              <div className="notice-text">
                <strong>
                  {n.state === "fixed" ? `${label} is in the ledger now` : `${label} was not sent (run ${n.runId})`}
                </strong>
                <span>{n.state === "fixed" ? n.outcome : n.message}</span>
                {n.state !== "fixed" ? <span className="muted">Fix: {fixFor(n.message)}</span> : null}
                {n.state === "still failing" && n.outcome ? <span className="field-error">Retry: {n.outcome}</span> : null}
              </div>
              <div className="notice-actions">
                <a className="button small" href={viewHash(n.runId, n.invoiceId)} aria-label={`View ${label} in History`}>
                  View
                </a>
                {n.state !== "fixed" ? (
                  <button type="button" className="small" disabled={n.state === "retrying"} onClick={() => void retryNotice(n)} aria-label={`Retry ${label}`}>
                    {n.state === "retrying" ? "Retrying…" : "Retry"}
                  </button>
                ) : null}
                <button type="button" className="small" onClick={() => dismissNotice(n.id)} aria-label={`Dismiss the notification about ${label}`}>
                  Dismiss
                </button>
              </div>
            </li>
          );
        })}
        </ul>
      </div>
    </section>
  );
}
