import { describe, expect, it } from "vitest";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { createTable, getCoreRowModel, getFilteredRowModel, getSortedRowModel, type ColumnDef, type TableOptionsResolved } from "@tanstack/react-table";
import { DataTable } from "./DataTable";
import { mappingColumns } from "../screens/mappings/columns";
import { previewColumns } from "../screens/sync/columns";
import { sortPreview } from "../screens/sync/logic";
import type { CodeRow } from "../stores/mappings";
import type { PreviewInvoice } from "../stores/sync";

// Time to filter the two biggest tables through the screens' own columns
// and the DataTable the screens use. The bounds are generous (jsdom, a
// loaded CI machine): they are there to catch an accidental O(n²), not to
// benchmark. The measured times are logged.

const states = ["unmapped", "suggested", "mapped"];
const codes: CodeRow[] = Array.from({ length: 5000 }, (_, i) => ({
  id: i + 1,
  name: `Billing code ${i + 1} ${["Remote support", "On-site labour", "Backup", "Licences"][i % 4]}`,
  externalNumber: `EXT-${i + 1}`,
  active: true,
  state: states[i % 3],
  itemCode: i % 3 === 2 ? `ITEM-${i + 1}` : "",
  account: i % 3 === 2 ? "200" : "",
  suggestedItem: i % 3 === 1 ? `ITEM-${i + 1}` : "",
  suggestedAccount: i % 3 === 1 ? "200" : "",
  note: i % 3 === 0 ? "no item with this name or number" : "",
}));

const previewStates = ["ready", "ready", "ready", "blocked", "skipped", "writeBack"];
const invoices: PreviewInvoice[] = sortPreview(
  Array.from({ length: 10000 }, (_, i) => ({
    invoiceId: i + 1,
    invoiceNumber: `INV-${10000 + i}`,
    companyName: `Customer ${i % 700}`,
    status: previewStates[i % previewStates.length],
    kind: i % 50 === 0 ? "credit_note" : "invoice",
    date: "2024-05-31",
    dueDate: "2024-06-30",
    currency: "USD",
    ledgerNumber: `INV-${10000 + i}`,
    customerName: `Customer ${i % 700}`,
    newCustomer: i % 9 === 0,
    docStatus: "draft",
    subtotal: "100.00",
    tax: "20.00",
    total: `${120 + (i % 97)}.00`,
    lines: [],
    problems: previewStates[i % previewStates.length] === "blocked" ? [{ code: "unmapped_code", message: `Billing code ${i % 40} is not mapped`, fix: "Map it in Mappings." }] : [],
    notes: [],
  })) as unknown as PreviewInvoice[],
);

/**
 * headlessTable builds the table as DataTable does (same row models, the
 * global filter), without React; filter(q) sets the search and counts the
 * rows left, as typing into the search box does.
 */
function headlessTable<T>(data: T[], columns: ColumnDef<T, any>[]) {
  let state = { globalFilter: "", sorting: [], columnPinning: {}, columnVisibility: {}, columnOrder: [] } as any;
  const options = {
    data,
    columns,
    state,
    onStateChange: () => {},
    renderFallbackValue: null,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
  } as TableOptionsResolved<T>;
  const table = createTable<T>(options);
  table.getRowModel(); // the unfiltered table, as on screen before typing
  return (globalFilter: string) => {
    state = { ...state, globalFilter };
    table.setOptions((o) => ({ ...o, state }));
    return table.getRowModel().rows.length;
  };
}

function timed<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const v = fn();
  return [v, performance.now() - t0];
}

const cases = [
  { name: "5,000-row mapping table", label: "Billing codes", rows: codes, columns: mappingColumns(1, () => {}).codes, query: "Backup", want: 1250 },
  { name: "10,000-row preview", label: "Preview", rows: invoices, columns: previewColumns([], () => {}), query: "Customer 42", want: 155 },
] as const;

describe("filtering large tables", () => {
  for (const c of cases) {
    it(`filters the ${c.name} in well under a second`, () => {
      const cols = c.columns as ColumnDef<unknown, any>[];
      const rows = c.rows as unknown[];
      const filter = headlessTable(rows, cols);
      // The first search reads every cell once (TanStack caches the values);
      // each further keystroke filters the cached values.
      const [, cold] = timed(() => filter(c.query.slice(0, 3)));
      const [n, ms] = timed(() => filter(c.query));
      console.log(`${c.name}: filtered to ${n} rows in ${ms.toFixed(1)} ms (first search ${cold.toFixed(1)} ms; headless)`);
      expect(n).toBe(c.want);
      expect(filter("")).toBe(rows.length);
      expect(ms).toBeLessThan(200);
      expect(cold).toBeLessThan(1000);
    });

    it(`types into the ${c.name}'s search and renders only a window of rows`, () => {
      render(<DataTable label={c.label} rows={c.rows as any[]} columns={c.columns as any} height={420} rowHeight={34} />);
      const table = screen.getByRole("table", { name: c.label });
      const before = within(table).getAllByRole("row").length - 1;
      const box = screen.getByRole("searchbox", { name: `Search ${c.label}` });
      const [, ms] = timed(() => act(() => fireEvent.change(box, { target: { value: c.query } })));
      const matched = Number(table.getAttribute("aria-rowcount")) - 1;
      const shown = within(table).getAllByRole("row").length - 1;
      console.log(`${c.name}: search "${c.query}" → ${matched} rows, ${shown} rendered, in ${ms.toFixed(1)} ms (filter + render, jsdom)`);
      expect(before).toBeLessThan(60);
      expect(shown).toBeLessThan(60);
      expect(matched).toBeGreaterThan(0);
      expect(matched).toBeLessThan(c.rows.length);
      expect(ms).toBeLessThan(1500);
    });
  }
});
