import { describe, expect, it } from "vitest";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "./DataTable";

interface Row {
  id: number;
  name: string;
}
const columns: ColumnDef<Row, any>[] = [
  { accessorKey: "id", header: "Id" },
  { accessorKey: "name", header: "Name" },
];
const many: Row[] = Array.from({ length: 10000 }, (_, i) => ({ id: i + 1, name: `Company ${i + 1}` }));

describe("DataTable", () => {
  it("renders only the visible slice of 10,000 rows", () => {
    render(<DataTable label="Companies" rows={many} columns={columns} height={340} rowHeight={34} />);
    const table = screen.getByRole("table", { name: "Companies" });
    const bodyRows = within(table).getAllByRole("row").slice(1);
    expect(bodyRows.length).toBeGreaterThan(5);
    expect(bodyRows.length).toBeLessThan(60);
    expect(screen.getByText("10,000 rows")).toBeTruthy();
    expect(table.getAttribute("aria-rowcount")).toBe("10001");
  });

  it("filters across columns and says how many match", async () => {
    render(<DataTable label="Companies" rows={many} columns={columns} />);
    await userEvent.type(screen.getByRole("searchbox", { name: "Search Companies" }), "Company 9999");
    expect(screen.getByText("1 of 10,000 rows")).toBeTruthy();
    expect(screen.getByText("Company 9999")).toBeTruthy();
  });

  it("counts one row in the singular", () => {
    render(<DataTable label="One" rows={[{ id: 1, name: "Only" }]} columns={columns} />);
    expect(screen.getByText("1 row")).toBeTruthy();
  });

  it("sorts when a header is clicked", async () => {
    const rows = [
      { id: 2, name: "Beta" },
      { id: 1, name: "Alpha" },
      { id: 3, name: "Gamma" },
    ];
    render(<DataTable label="Small" rows={rows} columns={columns} />);
    await userEvent.click(screen.getByRole("button", { name: /Name/ }));
    const cells = screen.getAllByRole("row").slice(1).map((r) => within(r).getAllByRole("cell")[1].textContent);
    expect(cells).toEqual(["Alpha", "Beta", "Gamma"]);
    expect(screen.getByRole("columnheader", { name: /Name/ }).getAttribute("aria-sort")).toBe("ascending");
  });
});
