import type { Table } from "@tanstack/react-table";

// What a DataTable exports: the columns that hold data (not the action
// buttons), and the rows as filtered and sorted on screen, as text.

export interface ListData {
  columns: string[];
  rows: string[][];
}

/** cellText turns a cell's value into the text the file gets. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (Array.isArray(v)) return v.map(cellText).join("; ");
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

/** listOf reads a table's exportable columns (with a text header and a value) and its filtered, sorted rows. */
export function listOf<T>(table: Table<T>): ListData {
  const cols = table.getVisibleLeafColumns().filter((c) => c.accessorFn !== undefined && typeof c.columnDef.header === "string" && c.columnDef.header !== "");
  return {
    columns: cols.map((c) => c.columnDef.header as string),
    rows: table.getRowModel().rows.map((r) => cols.map((c) => cellText(r.getValue(c.id)))),
  };
}
