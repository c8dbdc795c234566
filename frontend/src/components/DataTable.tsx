import { useMemo, useRef, useState } from "react";
import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { plural } from "../lib/format";
import { listOf } from "../lib/listExport";
import { ExportList } from "./ExportList";

// DataTable is the one table of the app: sortable, filterable, and virtualised
// so ten thousand history rows or mappings scroll without rendering them all.
export interface DataTableProps<T> {
  rows: T[];
  columns: ColumnDef<T, any>[];
  /** Shown above the table; filters every column. */
  searchPlaceholder?: string;
  rowHeight?: number;
  height?: number;
  /** Used by tests and screen readers. */
  label: string;
  getRowId?: (row: T, index: number) => string;
  /** Offers "Export list" (CSV / Excel) of the rows as filtered; the file is named after this (default: label). */
  exportName?: string;
  exportable?: boolean;
}

export function DataTable<T>({
  rows,
  columns,
  searchPlaceholder = "Search",
  rowHeight = 34,
  height = 480,
  label,
  getRowId,
  exportName,
  exportable = false,
}: DataTableProps<T>) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const [globalFilter, setGlobalFilter] = useState("");
  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting, globalFilter },
    onSortingChange: setSorting,
    onGlobalFilterChange: setGlobalFilter,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getRowId,
  });
  const model = table.getRowModel();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: model.rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    initialRect: { width: 800, height },
  });
  const items = virtualizer.getVirtualItems();
  // Columns keep their size; the last one takes the rest of the width.
  const template = useMemo(() => {
    const cols = table.getVisibleLeafColumns();
    return cols.map((c, i) => (i === cols.length - 1 ? `minmax(${c.getSize()}px, 1fr)` : `${c.getSize()}px`)).join(" ");
  }, [table, columns]);

  return (
    <div className="datatable">
      <div className="datatable-toolbar">
        <input
          type="search"
          aria-label={`Search ${label}`}
          placeholder={searchPlaceholder}
          value={globalFilter}
          onChange={(e) => setGlobalFilter(e.target.value)}
        />
        <span className="muted" aria-live="polite">
          {model.rows.length === rows.length
            ? plural("row", rows.length)
            : `${model.rows.length.toLocaleString("en-US")} of ${plural("row", rows.length)}`}
        </span>
        {exportable || exportName ? <ExportList name={exportName ?? label} read={() => listOf(table)} /> : null}
      </div>
      <div role="table" aria-label={label} aria-rowcount={model.rows.length + 1} className="datatable-grid">
        <div role="rowgroup" className="datatable-head">
          {table.getHeaderGroups().map((hg) => (
            <div role="row" key={hg.id} className="datatable-row" style={{ gridTemplateColumns: template }}>
              {hg.headers.map((h) => {
                const dir = h.column.getIsSorted();
                const header = h.column.columnDef.header;
                // A column of buttons has no title on screen; screen readers still get one.
                if (header === "" || header === undefined) {
                  return (
                    <div role="columnheader" key={h.id}>
                      <span className="sr-only">Actions</span>
                    </div>
                  );
                }
                if (!h.column.getCanSort()) {
                  return (
                    <div role="columnheader" key={h.id}>
                      {flexRender(header, h.getContext())}
                    </div>
                  );
                }
                return (
                  <div
                    role="columnheader"
                    key={h.id}
                    aria-sort={dir === "asc" ? "ascending" : dir === "desc" ? "descending" : "none"}
                  >
                    <button type="button" className="linklike" onClick={h.column.getToggleSortingHandler()}>
                      {flexRender(header, h.getContext())}
                      <span aria-hidden="true">{dir === "asc" ? " ▲" : dir === "desc" ? " ▼" : ""}</span>
                    </button>
                  </div>
                );
              })}
            </div>
          ))}
        </div>
        <div ref={scrollRef} className="datatable-body" style={{ height }}>
          <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
            {items.map((vi) => {
              const row = model.rows[vi.index];
              return (
                <div
                  role="row"
                  aria-rowindex={vi.index + 2}
                  key={row.id}
                  className="datatable-row"
                  style={{ gridTemplateColumns: template, position: "absolute", top: 0, left: 0, right: 0, height: rowHeight, transform: `translateY(${vi.start}px)` }}
                >
                  {row.getVisibleCells().map((cell) => (
                    <div role="cell" key={cell.id}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
