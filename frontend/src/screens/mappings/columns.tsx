import type { ColumnDef } from "@tanstack/react-table";
import { saveMapping, setLineMode, type CodeRow, type CustomerRow, type LineMode, type LineOfBusinessRow, type MappingKind, type TaxRow, type TermRow } from "../../stores/mappings";
import { settingsStore } from "../../stores/settings";
import { stateLabel, stateTone, termConditionOf, type TermConditionLike } from "./logic";
import type { Editing } from "./Editor";
import { optionLabel } from "./linesOfBusiness";

export function StateBadge({ state }: { state: string }) {
  return <span className={`badge ${stateTone(state)}`}>{stateLabel(state)}</span>;
}

export interface MappingColumns {
  codes: ColumnDef<CodeRow, any>[];
  tax: ColumnDef<TaxRow, any>[];
  customers: ColumnDef<CustomerRow, any>[];
  terms: ColumnDef<TermRow, any>[];
  linesOfBusiness: ColumnDef<LineOfBusinessRow, any>[];
}

/** mappingColumns are the four tabs' columns; the screen and the timing test filter through them. */
export function mappingColumns(profileId: number, edit: (e: Editing) => void, exactTerms?: TermConditionLike[]): MappingColumns {
  // Every row has an Accept: its name says whose suggestion it accepts.
  const accept = (name: string, kind: MappingKind, sourceKey: string, target: string, target2 = "") => (
    <button type="button" className="small" aria-label={`Accept the suggestion for ${name}`} onClick={() => void saveMapping({ profileId, kind, sourceKey, target, target2 })}>
      Accept
    </button>
  );
  const editBtn = (e: Editing, name: string) => (
    <button type="button" className="small" aria-label={`Edit ${name}`} onClick={() => edit(e)}>
      Edit
    </button>
  );
  const codes: ColumnDef<CodeRow, any>[] = [
    { accessorKey: "state", header: "State", size: 130, cell: (c) => <StateBadge state={c.row.original.state} /> },
    { accessorKey: "name", header: "Autotask billing code", size: 240, cell: (c) => <span title={c.row.original.externalNumber}>{c.row.original.name}</span> },
    {
      id: "target",
      header: "Ledger item · income account",
      size: 260,
      accessorFn: (r) => (r.state === "mapped" ? `${r.itemCode} · ${r.account}` : r.state === "suggested" ? `${r.suggestedItem} · ${r.suggestedAccount}` : ""),
      cell: (c) => <span className={c.row.original.state === "suggested" ? "muted" : ""}>{String(c.getValue())}</span>,
    },
    { accessorKey: "note", header: "Why", size: 200 },
    {
      id: "actions",
      header: "",
      size: 150,
      enableSorting: false,
      cell: (c) => {
        const r = c.row.original;
        return (
          <span className="row">
            {r.state === "suggested" ? accept(r.name, "billing_code", String(r.id), r.suggestedItem, r.suggestedAccount) : null}
            {editBtn({ kind: "billing_code", sourceKey: String(r.id), title: r.name, target: r.itemCode || r.suggestedItem, target2: r.account || r.suggestedAccount }, r.name)}
          </span>
        );
      },
    },
  ];
  const tax: ColumnDef<TaxRow, any>[] = [
    { accessorKey: "state", header: "State", size: 130, cell: (c) => <StateBadge state={c.row.original.state} /> },
    { accessorKey: "region", header: "Tax region", size: 180 },
    { accessorKey: "category", header: "Tax category", size: 160 },
    { accessorKey: "rate", header: "Autotask rate %", size: 130 },
    {
      id: "target",
      header: "Ledger tax code",
      size: 160,
      accessorFn: (r) => r.taxCode || r.suggestedTaxCode,
      cell: (c) => <span className={c.row.original.state === "suggested" ? "muted" : ""}>{String(c.getValue())}</span>,
    },
    {
      id: "actions",
      header: "",
      size: 150,
      enableSorting: false,
      cell: (c) => {
        const r = c.row.original;
        const name = `${r.region} / ${r.category}`;
        return (
          <span className="row">
            {r.state === "suggested" ? accept(name, "tax", r.key, r.suggestedTaxCode) : null}
            {editBtn({ kind: "tax", sourceKey: r.key, title: name, target: r.taxCode || r.suggestedTaxCode, target2: "" }, name)}
          </span>
        );
      },
    },
  ];
  const customers: ColumnDef<CustomerRow, any>[] = [
    { accessorKey: "state", header: "State", size: 130, cell: (c) => <StateBadge state={c.row.original.state} /> },
    { accessorKey: "companyName", header: "Autotask company", size: 220 },
    {
      id: "target",
      header: "Ledger customer",
      size: 220,
      accessorFn: (r) => r.customerName || r.suggestedCustomerName,
      cell: (c) => {
        const r = c.row.original;
        if (r.state === "linked") return `${r.customerName} (by ${r.linkedBy})`;
        if (r.state === "suggested") return <span className="muted">looks like {r.suggestedCustomerName}?</span>;
        return <span className="muted">new customer</span>;
      },
    },
    { accessorKey: "note", header: "Why", size: 200 },
    {
      id: "lineMode",
      header: "Line detail",
      size: 170,
      accessorFn: (r) => r.lineMode || "default",
      cell: (c) => {
        const r = c.row.original;
        // Read at render: the Settings' mode is what "Default" means now.
        const fallback = settingsStore.get().settings.lineMode || "standard";
        return (
          <select
            className="small"
            aria-label={`Line detail for ${r.companyName}`}
            value={r.lineMode}
            onChange={(e) => void setLineMode(profileId, r.companyId, e.target.value as LineMode)}
          >
            <option value="">Default ({fallback})</option>
            <option value="standard">Standard</option>
            <option value="summary">Summary</option>
            <option value="detail">Detail</option>
          </select>
        );
      },
    },
    {
      id: "actions",
      header: "",
      size: 150,
      enableSorting: false,
      cell: (c) => {
        const r = c.row.original;
        return (
          <span className="row">
            {r.state === "suggested" ? accept(r.companyName, "customer", String(r.companyId), r.suggestedCustomerId) : null}
            {editBtn({ kind: "customer", sourceKey: String(r.companyId), title: r.companyName, target: r.customerId || r.suggestedCustomerId, target2: "" }, r.companyName)}
          </span>
        );
      },
    },
  ];
  // On an Exact profile (exactTerms given) a term may go to an Exact payment condition.
  const conditionColumn: ColumnDef<TermRow, any>[] = exactTerms
    ? [{ id: "condition", header: "Exact payment condition", size: 220, accessorFn: (r) => termConditionOf(exactTerms, r.id)?.label ?? "" }]
    : [];
  const terms: ColumnDef<TermRow, any>[] = [
    { accessorKey: "state", header: "State", size: 140, cell: (c) => <StateBadge state={c.row.original.state} /> },
    { accessorKey: "name", header: "Autotask payment term", size: 240 },
    { accessorKey: "autotaskDays", header: "Autotask's days", size: 140 },
    { accessorKey: "days", header: "Due days in the ledger", size: 180 },
    ...conditionColumn,
    {
      id: "actions",
      header: "",
      size: 100,
      enableSorting: false,
      cell: (c) => {
        const r = c.row.original;
        const condition = termConditionOf(exactTerms, r.id)?.condition ?? "";
        return editBtn({ kind: "payment_term", sourceKey: String(r.id), title: r.name, target: String(r.days), target2: condition }, r.name);
      },
    },
  ];
  // An unmapped line of business does not block (its lines go without
  // tracking), so its badge is not red; an archived option's is.
  const linesOfBusiness: ColumnDef<LineOfBusinessRow, any>[] = [
    {
      accessorKey: "state",
      header: "State",
      size: 170,
      cell: (c) => {
        const st = c.row.original.state;
        return <span className={`badge ${st === "unmapped" ? "" : stateTone(st)}`}>{st === "unmapped" ? "No tracking" : stateLabel(st)}</span>;
      },
    },
    { accessorKey: "name", header: "Autotask line of business", size: 240 },
    {
      id: "target",
      header: "Ledger tracking option or class",
      size: 260,
      accessorFn: (r) => optionLabel(r),
      cell: (c) => <span className={c.row.original.state === "suggested" ? "muted" : ""}>{String(c.getValue())}</span>,
    },
    { accessorKey: "note", header: "Why", size: 240 },
    {
      id: "actions",
      header: "",
      size: 150,
      enableSorting: false,
      cell: (c) => {
        const r = c.row.original;
        return (
          <span className="row">
            {r.state === "suggested" ? accept(r.name, "line_of_business", String(r.id), r.suggestedOptionId) : null}
            {editBtn({ kind: "line_of_business", sourceKey: String(r.id), title: r.name, target: r.state === "mapped" ? r.optionId : r.suggestedOptionId, target2: "" }, r.name)}
          </span>
        );
      },
    },
  ];
  return { codes, tax, customers, terms, linesOfBusiness };
}
