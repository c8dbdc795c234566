import { describe, expect, it, vi } from "vitest";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

const go = vi.hoisted(() => {
  const data = {
    profileId: 1,
    ledgerKind: "xero",
    organisations: [
      { key: "", name: "Acme Inc", ledgerKind: "xero", ledgerTenantId: "t1", ledgerTenantName: "Acme Inc", own: true, isDefault: true, routes: 0 },
      { key: "services", name: "Services", ledgerKind: "xero", ledgerTenantId: "t2", ledgerTenantName: "Acme Services", own: false, isDefault: false, routes: 0 },
    ],
    routes: [] as Array<{ kind: string; sourceId: number; organisation: string }>,
    default: "",
    blockUnrouted: false,
  };
  return {
    data,
    List: vi.fn(async () => data),
    Levels: vi.fn(async () => ({ associations: [], locations: [], linesOfBusiness: [{ id: 4, name: "Managed Services", active: true }] })),
    SaveRule: vi.fn(async (r: { kind: string; sourceId: number; organisation: string }) => ({ ...data, routes: [{ kind: r.kind, sourceId: r.sourceId, organisation: r.organisation }] })),
  };
});
vi.mock("../../../wailsjs/go/app/Organisations", () => ({ List: go.List, Levels: go.Levels, SaveRule: go.SaveRule }));

import { Organisations } from "./Organisations";

describe("Organisations", () => {
  it("lists the organisations and saves a line-of-business rule", async () => {
    render(<Organisations profile={{ id: 1, name: "Acme", ledgerKind: "xero", ledgerTenantName: "Acme Inc" } as never} />);
    const section = await screen.findByRole("region", { name: "Organisations of Acme" });
    expect(within(section).getByRole("listitem", { name: "Organisation Services" })).toBeTruthy();
    await userEvent.click(within(section).getByRole("button", { name: "Add a rule…" }));
    const form = within(section).getByRole("form", { name: "Routing rule" });
    await within(form).findByRole("option", { name: "Managed Services" });
    await userEvent.click(within(form).getByRole("button", { name: "Save rule" }));
    expect(go.SaveRule).toHaveBeenCalledWith({ profileId: 1, kind: "line_of_business", sourceId: 4, organisation: "services" });
    expect(await within(section).findByText(/Line of business: Managed Services/)).toBeTruthy();
  });
});
