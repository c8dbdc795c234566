import { useEffect, useState } from "react";
import type { ColumnDef } from "@tanstack/react-table";
import { Page } from "../../components/Page";
import { EmptyState } from "../../components/EmptyState";
import { DataTable } from "../../components/DataTable";
import { Tabs } from "../../components/Tabs";
import { historyStore, loadHistory, type AuditEntry } from "../../stores/history";
import { useStore } from "../../stores/store";
import { formatDateTime } from "../../lib/format";
import { Runs } from "./Runs";

const columns: ColumnDef<AuditEntry, any>[] = [
  { accessorKey: "at", header: "When", size: 200, cell: (c) => formatDateTime(String(c.getValue())) },
  { accessorKey: "profileName", header: "Profile", size: 180 },
  { accessorKey: "action", header: "What", size: 200 },
  { accessorKey: "detail", header: "Detail", size: 300 },
];

type Tab = "activity" | "runs";

export function History() {
  const { loaded, entries } = useStore(historyStore);
  const [tab, setTab] = useState<Tab>(() => (window.location.hash.includes("runs") ? "runs" : "activity"));
  useEffect(() => {
    void loadHistory();
    // A notification's View links to #/history/runs/…: show the Runs tab.
    const onHash = () => window.location.hash.includes("runs") && setTab("runs");
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);
  return (
    <Page title="History" subtitle="Every profile change, sync and export, newest first.">
      <Tabs
        label="History views"
        tabs={[
          { id: "activity", label: "Activity" },
          { id: "runs", label: "Runs" },
        ]}
        value={tab}
        onChange={setTab}
      />
      {tab === "runs" ? (
        <Runs />
      ) : loaded && entries.length === 0 ? (
        <EmptyState title="Nothing has happened yet">Create a profile in Connections; syncs and exports will be listed here as they run.</EmptyState>
      ) : (
        <DataTable label="History" rows={entries} columns={columns} getRowId={(r) => String(r.id)} searchPlaceholder="Search history" exportName="Activity" />
      )}
    </Page>
  );
}
