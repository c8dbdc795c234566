import { Page } from "../../components/Page";
import { EmptyState } from "../../components/EmptyState";

export function Exports() {
  return (
    <Page title="Exports" subtitle="Posted billing items as CSV, Excel or Sage XML for your accountant.">
      <EmptyState title="No exports yet" action={<a className="button primary" href="#/connections">Go to Connections</a>}>
        Add Autotask credentials to a profile first. You will then choose a date range and a format, see the first rows and the totals, and export.
      </EmptyState>
    </Page>
  );
}
