import { useState } from "react";
import { saveList, type ListFormat, type SavedFile } from "../stores/lists";
import { plural } from "../lib/format";
import type { ListData } from "../lib/listExport";

// ExportList saves the rows a table shows (after its search) to CSV or Excel.
export function ExportList({ name, read }: { name: string; read: () => ListData }) {
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<SavedFile | null>(null);
  async function save(format: ListFormat) {
    setBusy(true);
    const { columns, rows } = read();
    setSaved((await saveList(name, columns, rows, format)) ?? null);
    setBusy(false);
  }
  return (
    <div className="export-list" role="group" aria-label={`Export ${name}`}>
      <span className="muted" aria-hidden="true">
        Export list
      </span>
      <button type="button" className="small" disabled={busy} onClick={() => void save("csv")} aria-label={`Export ${name} as CSV`}>
        CSV
      </button>
      <button type="button" className="small" disabled={busy} onClick={() => void save("xlsx")} aria-label={`Export ${name} as Excel`}>
        Excel
      </button>
      {saved ? (
        <span role="status" className="muted saved-path">
          Saved {plural("row", saved.rows)} to <code>{saved.path}</code>
        </span>
      ) : null}
    </div>
  );
}
