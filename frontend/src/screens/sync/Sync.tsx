import { Page } from "../../components/Page";
import { EmptyState } from "../../components/EmptyState";

export function Sync() {
  return (
    <Page title="Sync" subtitle="Preview every Autotask invoice and what it becomes in your ledger, then send it — exactly once.">
      <EmptyState title="No invoices to preview" action={<a className="button primary" href="#/connections">Go to Connections</a>}>
        Connect Autotask and a ledger, then map your billing codes and tax. The preview lists every invoice ready for billing and every problem that blocks one, with
        its fix.
      </EmptyState>
    </Page>
  );
}
