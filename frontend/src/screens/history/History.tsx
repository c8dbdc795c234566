import { useEffect } from "react";
import type { ColumnDef } from "@tanstack/react-table";
import { Page } from "../../components/Page";
import { EmptyState } from "../../components/EmptyState";
import { DataTable } from "../../components/DataTable";
import { historyStore, loadHistory, type AuditEntry } from "../../stores/history";
import { useStore } from "../../stores/store";
import { formatDateTime } from "../../lib/format";

const columns: ColumnDef<AuditEntry, any>[] = [
  { accessorKey: "at", header: "When", size: 200, cell: (c) => formatDateTime(String(c.getValue())) },
  { accessorKey: "profileName", header: "Profile", size: 180 },
  { accessorKey: "action", header: "What", size: 200 },
  { accessorKey: "detail", header: "Detail", size: 300 },
];

export function History() {
  const { loaded, entries } = useStore(historyStore);
  useEffect(() => {
    void loadHistory();
  }, []);
  return (
    <Page title="History" subtitle="Every profile change, sync and export, newest first.">
      {loaded && entries.length === 0 ? (
        <EmptyState title="Nothing has happened yet">Create a profile in Connections; syncs and exports will be listed here as they run.</EmptyState>
      ) : (
        <DataTable label="History" rows={entries} columns={columns} getRowId={(r) => String(r.id)} searchPlaceholder="Search history" />
      )}
    </Page>
  );
}
