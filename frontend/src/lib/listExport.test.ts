import { describe, expect, it } from "vitest";
import { createTable, getCoreRowModel, getFilteredRowModel, getSortedRowModel, type ColumnDef } from "@tanstack/react-table";
import { cellText, listOf } from "./listExport";

interface Row {
  id: number;
  name: string;
  total: string;
  tags: string[];
}
const columns: ColumnDef<Row, any>[] = [
  { accessorKey: "id", header: "Id" },
  { accessorKey: "name", header: "Name" },
  { id: "both", header: "Name and total", accessorFn: (r) => `${r.name} · ${r.total}` },
  { accessorKey: "tags", header: "Tags" },
  { id: "actions", header: "", cell: () => null },
  { id: "tick", header: "Send", cell: () => null },
];
const data: Row[] = [
  { id: 1, name: "Acme", total: "10.00", tags: ["a", "b"] },
  { id: 2, name: "Beta", total: "-5.50", tags: [] },
  { id: 3, name: "Acme North", total: "0.00", tags: ["c"] },
];

function table(globalFilter: string) {
  const state = { globalFilter, sorting: [{ id: "id", desc: true }], columnPinning: {}, columnVisibility: {}, columnOrder: [] };
  return createTable<Row>({
    data,
    columns,
    state: state as any,
    onStateChange: () => {},
    renderFallbackValue: null,
    getCoreRowModel: getCoreRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
}

describe("listOf", () => {
  it("exports the data columns of the rows as filtered and sorted", () => {
    expect(listOf(table("acme"))).toEqual({
      columns: ["Id", "Name", "Name and total", "Tags"],
      rows: [
        ["3", "Acme North", "Acme North · 0.00", "c"],
        ["1", "Acme", "Acme · 10.00", "a; b"],
      ],
    });
  });
  it("exports every row when nothing is searched", () => {
    expect(listOf(table("")).rows).toHaveLength(3);
  });
  it.each([
    [null, ""],
    [undefined, ""],
    [0, "0"],
    [false, "false"],
    [["x", 2], "x; 2"],
    [{ a: 1 }, '{"a":1}'],
  ])("cellText(%j) = %s", (v, want) => expect(cellText(v)).toBe(want));
});
