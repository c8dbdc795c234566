import { useState } from "react";
import type { MappingKind, MappingsData } from "../../stores/mappings";
import { termProblem } from "./logic";

export interface Editing {
  kind: MappingKind;
  sourceKey: string;
  title: string;
  target: string;
  target2: string;
}

// Editor changes one mapping, choosing from what the ledger has.
export function Editor({
  editing,
  data,
  onSave,
  onCancel,
  onClear,
}: {
  editing: Editing;
  data: MappingsData;
  onSave: (target: string, target2: string) => void;
  onCancel: () => void;
  onClear: () => void;
}) {
  const [target, setTarget] = useState(editing.target);
  const [target2, setTarget2] = useState(editing.target2);
  // On an Exact profile a payment term goes to one of Exact's payment
  // conditions (target2); its days then come from the condition.
  const exactTerm = editing.kind === "payment_term" && data.ledgerKind === "exact" && !data.for;
  const problem =
    editing.kind === "payment_term"
      ? termProblem(exactTerm ? target2 : "", target)
      : target.trim() === "" && !(data.freeText && editing.kind === "billing_code" && target2.trim() !== "")
        ? "Choose a value."
        : "";
  const clearLabel = {
    billing_code: "Unmap",
    tax: "Unmap",
    customer: "Create as a new customer instead",
    payment_term: "Use Autotask's days",
    line_of_business: "Send without tracking",
  }[editing.kind];
  return (
    <form
      className="card editor"
      aria-label={`Edit mapping of ${editing.title}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!problem) onSave(exactTerm && target2 ? "" : target.trim(), exactTerm ? target2 : editing.kind === "payment_term" ? "" : target2);
      }}
    >
      <h3>{editing.title}</h3>
      <div className="row">
        {editing.kind === "billing_code" ? (
          <>
            <label>
              Ledger item code
              <input list="ledger-items" value={target} onChange={(e) => setTarget(e.target.value)} maxLength={30} />
              <datalist id="ledger-items">
                {data.items.map((i) => (
                  <option key={i.value} value={i.value}>
                    {i.label}
                  </option>
                ))}
              </datalist>
            </label>
            {data.freeText ? (
              <label>
                Income account (nominal / G/L code)
                <input value={target2} onChange={(e) => setTarget2(e.target.value)} maxLength={15} />
              </label>
            ) : null}
            <label hidden={data.freeText}>
              Income account
              <select value={target2} onChange={(e) => setTarget2(e.target.value)}>
                <option value="">Choose…</option>
                {data.accounts.map((a) => (
                  <option key={a.value} value={a.value}>
                    {a.label}
                  </option>
                ))}
              </select>
            </label>
          </>
        ) : null}
        {(editing.kind === "tax" || editing.kind === "customer") && data.freeText ? (
          <label>
            {editing.kind === "tax" ? "Tax code in the file" : "Customer reference in the file"}
            <input list="file-tax-codes" value={target} onChange={(e) => setTarget(e.target.value)} maxLength={255} />
            <datalist id="file-tax-codes">
              {(editing.kind === "tax" ? data.taxCodes : []).map((a) => (
                <option key={a.value} value={a.value}>
                  {a.label}
                </option>
              ))}
            </datalist>
          </label>
        ) : null}
        {(editing.kind === "tax" || editing.kind === "customer") && !data.freeText ? (
          <label>
            {editing.kind === "tax" ? "Ledger tax code" : "Ledger customer"}
            <select value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="">Choose…</option>
              {(editing.kind === "tax" ? data.taxCodes : data.ledgerCustomers).map((a) => (
                <option key={a.value} value={a.value}>
                  {a.label}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {editing.kind === "line_of_business" ? (
          <label>
            {data.ledgerKind === "qbo" ? "QuickBooks class" : "Xero tracking option"}
            <select value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="">Choose…</option>
              {(data.trackingOptions ?? []).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {exactTerm ? (
          <label>
            Exact payment condition
            <select value={target2} onChange={(e) => setTarget2(e.target.value)}>
              <option value="">None: due days only</option>
              {(data.exact?.paymentConditions ?? []).map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {editing.kind === "payment_term" && !(exactTerm && target2) ? (
          <label>
            Due days
            <input inputMode="numeric" value={target} onChange={(e) => setTarget(e.target.value)} aria-invalid={problem !== ""} />
          </label>
        ) : null}
      </div>
      {problem ? <p className="muted">{problem}</p> : null}
      <div className="row">
        <button type="submit" className="primary" disabled={problem !== ""}>
          Save mapping
        </button>
        <button type="button" onClick={onClear}>
          {clearLabel}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
