import { Page } from "../../components/Page";
import { EmptyState } from "../../components/EmptyState";

export function Mappings() {
  return (
    <Page title="Mappings" subtitle="Billing codes → items and accounts · tax regions × categories → tax codes · companies → customers · payment terms.">
      <EmptyState title="Nothing to map yet" action={<a className="button primary" href="#/connections">Go to Connections</a>}>
        Mappings appear once a profile has Autotask and a ledger connected: Billbridge reads both sides and suggests a match for every billing code, tax
        combination and customer.
      </EmptyState>
    </Page>
  );
}
