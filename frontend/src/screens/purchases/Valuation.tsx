import { useMemo, useState } from "react";
import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "../../components/DataTable";
import { useStore } from "../../stores/store";
import { loadValuation, valuationStore, type Valuation } from "../../stores/purchases";
import { groupDigits } from "./logic";

type ValuationLine = Valuation["lines"][number];

/** differenceTone colours the difference: none is good, any other needs a look. */
export function differenceTone(difference: string): "ok" | "bad" {
  return /^-?0*(\.0*)?$/.test(difference.trim()) ? "ok" : "bad";
}

/** differenceText says which side holds more, in words. */
export function differenceText(r: Pick<Valuation, "difference" | "currency">): string {
  if (differenceTone(r.difference) === "ok") return "Autotask and the ledger agree";
  const negative = r.difference.trim().startsWith("-");
  const amount = `${r.currency} ${groupDigits(r.difference.trim().replace(/^-/, ""))}`;
  return negative ? `The ledger holds ${amount} more than Autotask` : `Autotask holds ${amount} more than the ledger`;
}

const columns: ColumnDef<ValuationLine, any>[] = [
  { accessorKey: "sku", header: "SKU", size: 160 },
  { accessorKey: "name", header: "Product", size: 280 },
  { accessorKey: "onHand", header: "On hand", size: 90 },
  { accessorKey: "unitCost", header: "Unit cost", size: 120, cell: (c) => groupDigits(c.row.original.unitCost) },
  { accessorKey: "value", header: "Value", size: 130, cell: (c) => groupDigits(c.row.original.value) },
];

/** StockValuation is the stock valuation report of the chosen profile: totals, difference with its reasons, locations and products. */
export function StockValuation({ profileId }: { profileId: number }) {
  const [date, setDate] = useState("");
  const { report, loading } = useStore(valuationStore);
  const shown = report && valuationStore.get().profileId === profileId ? report : null;
  const lines = useMemo(() => shown?.lines ?? [], [shown]);
  return (
    <section className="card" aria-label="Stock valuation">
      <h2>Stock valuation</h2>
      <p className="muted">Autotask's stock on hand today × each product's unit cost, against the inventory account's balance on the date.</p>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void loadValuation(profileId, date);
        }}
      >
        <label>
          Ledger balance on
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <button type="submit" disabled={!profileId || loading}>
          {loading ? "Reading Autotask and the ledger…" : "Compare"}
        </button>
      </form>
      {shown ? (
        <>
          <p className="counts">
            Autotask <strong>{shown.currency} {groupDigits(shown.autotaskTotal)}</strong> · ledger account {shown.account} on {shown.date}{" "}
            <strong>{shown.currency} {groupDigits(shown.ledgerBalance)}</strong> ·{" "}
            <strong className={differenceTone(shown.difference)}>{differenceText(shown)}</strong>
          </p>
          {shown.explanations.length ? (
            <ul className="problems" aria-label="Why they differ">
              {shown.explanations.map((x) => (
                <li key={x}>{x}</li>
              ))}
            </ul>
          ) : null}
          <table aria-label="Stock by location">
            <thead>
              <tr>
                <th>Location</th>
                <th>Products</th>
                <th>On hand</th>
                <th>Value</th>
              </tr>
            </thead>
            <tbody>
              {shown.locations.map((l) => (
                <tr key={l.name}>
                  <td>{l.name}</td>
                  <td>{l.items}</td>
                  <td>{l.onHand}</td>
                  <td>{groupDigits(l.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <DataTable
            label="Stock by product"
            rows={lines}
            columns={columns}
            getRowId={(r) => `${r.sku}|${r.name}`}
            searchPlaceholder="Search products"
            height={360}
            exportName={`Stock valuation ${shown.date}`}
          />
        </>
      ) : null}
    </section>
  );
}
