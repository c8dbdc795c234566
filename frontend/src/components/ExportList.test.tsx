import { beforeEach, describe, expect, it, vi } from "vitest";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ColumnDef } from "@tanstack/react-table";

const go = vi.hoisted(() => ({ SaveList: vi.fn() }));
vi.mock("../../wailsjs/go/app/Lists", () => ({ SaveList: go.SaveList }));

import { DataTable } from "./DataTable";

interface Row {
  id: number;
  name: string;
}
const columns: ColumnDef<Row, any>[] = [
  { accessorKey: "id", header: "Id" },
  { accessorKey: "name", header: "Name" },
  { id: "actions", header: "", enableSorting: false, cell: (c) => <button type="button">Edit {c.row.original.name}</button> },
];
const rows = Array.from({ length: 50 }, (_, i) => ({ id: i + 1, name: i % 2 ? `Odd ${i + 1}` : `Even ${i + 1}` }));

beforeEach(() => go.SaveList.mockReset());

describe("Export list", () => {
  it("saves the rows as filtered, without the buttons column", async () => {
    go.SaveList.mockResolvedValue({ path: "/data/exports/billbridge-companies-20240601-101010.xlsx", format: "xlsx", rows: 5, sha256: "x" });
    render(<DataTable label="Companies" rows={rows} columns={columns} exportName="Companies" />);
    await userEvent.type(screen.getByRole("searchbox", { name: "Search Companies" }), "Odd 1");
    await userEvent.click(screen.getByRole("button", { name: "Export Companies as Excel" }));
    expect(go.SaveList).toHaveBeenCalledTimes(1);
    const input = go.SaveList.mock.calls[0][0];
    expect(input).toMatchObject({ name: "Companies", format: "xlsx", path: "", columns: ["Id", "Name"] });
    expect(input.rows).toEqual([
      ["10", "Odd 10"],
      ["12", "Odd 12"],
      ["14", "Odd 14"],
      ["16", "Odd 16"],
      ["18", "Odd 18"],
    ]);
    expect((await screen.findByRole("status")).textContent).toContain("Saved 5 rows to /data/exports/billbridge-companies-20240601-101010.xlsx");
  });
  it("gives the buttons column a name screen readers can read", () => {
    render(<DataTable label="Companies" rows={rows} columns={columns} />);
    expect(screen.getByRole("columnheader", { name: "Actions" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Export Companies as CSV" })).toBeNull();
  });
});
