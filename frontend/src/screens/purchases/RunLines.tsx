import { useEffect, useMemo, useState } from "react";
import { DataTable } from "../../components/DataTable";
import { purchaseRunLines, type PurchaseRunLine } from "../../stores/purchases";
import { runLineColumns } from "./columns";

/** PurchaseRunLines lists the bills of a recorded purchases run (History → Runs). */
export function PurchaseRunLines({ runId }: { runId: number }) {
  const [lines, setLines] = useState<PurchaseRunLine[]>([]);
  useEffect(() => {
    let live = true;
    void purchaseRunLines(runId).then((l) => live && l && setLines(l));
    return () => {
      live = false;
    };
  }, [runId]);
  const columns = useMemo(() => runLineColumns(), []);
  return <DataTable label="Run lines" rows={lines} columns={columns} getRowId={(r) => r.reference} height={300} exportName={`Run ${runId} bills`} />;
}
