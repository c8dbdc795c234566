import { useEffect, useMemo, useState } from "react";
import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "../../components/DataTable";
import { useStore } from "../../stores/store";
import { accountsStore, loadAccountSettings, runAccounts, saveAccountSettings, type AccountLine } from "../../stores/accounts";
import { actionLabel, directions, resultLine } from "./logic";

/** AccountsPanel runs "accounts both ways" for an Exact Online profile. */
export function AccountsPanel({ profileId }: { profileId: number }) {
  const { settings, busy, result, dryRun } = useStore(accountsStore);
  const [owner, setOwner] = useState("0");
  useEffect(() => {
    if (profileId) void loadAccountSettings(profileId);
  }, [profileId]);
  useEffect(() => {
    if (settings) setOwner(String(settings.ownerResourceId));
  }, [settings]);
  const columns = useMemo<ColumnDef<AccountLine, any>[]>(
    () => [
      { accessorKey: "action", header: "Action", size: 150, cell: (c) => actionLabel(String(c.getValue())) },
      { accessorKey: "status", header: "Status", size: 90 },
      { accessorKey: "name", header: "Company / account", size: 220 },
      { accessorKey: "message", header: "What", size: 360 },
      { accessorKey: "fix", header: "What to do", size: 300 },
    ],
    [],
  );
  if (!settings || settings.profileId !== profileId) return null;
  return (
    <section className="card" aria-label="Accounts both ways">
      <h2>Accounts both ways</h2>
      <p className="muted">
        Links Autotask companies and Exact accounts (stored link, then Exact code / Autotask number, then exact name — close names are only suggested), creates
        what is missing and copies changed names, addresses, phone numbers and VAT numbers.
      </p>
      <div className="row">
        <label>
          Direction
          <select value={settings.direction} onChange={(e) => void saveAccountSettings(e.target.value, Number(owner) || 0)}>
            {directions.map((d) => (
              <option key={d.value} value={d.value}>
                {d.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Owner of companies created in Autotask (resource ID, 0 = the API user)
          <input inputMode="numeric" value={owner} onChange={(e) => setOwner(e.target.value)} onBlur={() => void saveAccountSettings(settings.direction, Number(owner) || 0)} />
        </label>
      </div>
      <div className="row">
        <button type="button" disabled={busy} onClick={() => void runAccounts(true)}>
          {busy && dryRun ? "Reading both sides…" : "Dry run"}
        </button>
        <button type="button" className="primary" disabled={busy} onClick={() => void runAccounts(false)}>
          {busy && !dryRun ? "Working…" : "Run accounts now"}
        </button>
      </div>
      {result ? (
        <>
          <p role="status">
            {resultLine(result, dryRun)} ({result.calls} API calls)
          </p>
          <DataTable label="Accounts run lines" rows={result.lines} columns={columns} height={260} exportName="Accounts run" />
        </>
      ) : null}
    </section>
  );
}
