import { describe, expect, it } from "vitest";
import { hasOrganisations, previewColumns } from "./columns";
import type { PreviewInvoice } from "../../stores/sync";

const inv = (organisation: string) => ({ invoiceId: 1, organisation }) as PreviewInvoice;

describe("preview columns", () => {
  it("show the organisation only when invoices go to several", () => {
    expect(hasOrganisations([inv(""), inv("")])).toBe(false);
    expect(hasOrganisations([inv(""), inv("Projects")])).toBe(true);
    const ids = (rows: PreviewInvoice[]) => previewColumns([], () => {}, rows).map((c) => c.header);
    expect(ids([inv("")])).not.toContain("Organisation");
    expect(ids([inv("Acme Inc"), inv("Projects")])).toContain("Organisation");
  });
});
