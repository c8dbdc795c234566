import type { ReactNode } from "react";

// An empty screen always says what to do next.
export function EmptyState({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <section className="empty" aria-label={title}>
      <h2>{title}</h2>
      <div className="muted">{children}</div>
      {action ? <div className="empty-action">{action}</div> : null}
    </section>
  );
}
