import { describe, expect, it } from "vitest";
import { render, screen, within } from "@testing-library/react";
import { BarChart } from "./BarChart";

describe("BarChart", () => {
  it("is an image with a summary and a table of the numbers", () => {
    const bars = [
      { key: "c1", label: "Northwind Traders", billed: "1200.00", synced: "1200.00", paid: "600.00" },
      { key: "c2", label: "Café Crème", billed: "-299.76", synced: "-299.76", paid: "0.00" },
    ];
    const { container } = render(<BarChart title="Top 2 customers" bars={bars} currency="EUR" />);
    const img = screen.getByRole("img");
    expect(img.getAttribute("aria-label")).toMatch(/^Top 2 customers, Northwind Traders to Café Crème\. In total billed 900\.24 EUR/);
    expect(container.querySelectorAll("rect.bar")).toHaveLength(6);
    for (const r of container.querySelectorAll("rect.bar")) expect(Number(r.getAttribute("height"))).toBeGreaterThanOrEqual(0);
    const table = screen.getByRole("table", { name: "Top 2 customers (EUR)" });
    const row = within(table).getByRole("row", { name: /Café Crème/ });
    expect(row.textContent).toContain("-299.76 EUR");
    expect(within(table).getByRole("columnheader", { name: "Customer" })).toBeTruthy();
  });
});
