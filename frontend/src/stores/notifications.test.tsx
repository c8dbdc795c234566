import { beforeEach, describe, expect, it, vi } from "vitest";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

const go = vi.hoisted(() => ({ RetryInvoice: vi.fn(), List: vi.fn(), Lines: vi.fn() }));
vi.mock("../../wailsjs/go/app/Sync", () => ({ RetryInvoice: go.RetryInvoice }));
vi.mock("../../wailsjs/go/app/Runs", () => ({ List: go.List, Lines: go.Lines }));

import { dismissNotice, fixFor, notificationsStore, notifyFailures, parseRunHash, viewHash } from "./notifications";
import { checkFailures, newestFailedRuns } from "./failures";
import { Notifications } from "../components/Notifications";

const failed = { invoiceId: 7, invoiceNumber: "INV-7", status: "failed", message: "Invoice INV-7: the ledger refused it: Account code '999' is not a valid code" };

beforeEach(() => {
  window.localStorage.clear();
  notificationsStore.set([]);
  vi.resetAllMocks();
});

describe("notifications", () => {
  it("adds each failed line once, and not the others", () => {
    notifyFailures(1, 12, [failed, { ...failed, invoiceId: 8, status: "sent" }]);
    notifyFailures(1, 12, [failed]);
    expect(notificationsStore.get().map((n) => n.id)).toEqual(["12:7"]);
  });
  it("remembers what was dismissed", () => {
    notifyFailures(1, 12, [failed]);
    dismissNotice("12:7");
    notifyFailures(1, 12, [failed]);
    expect(notificationsStore.get()).toEqual([]);
    notifyFailures(1, 13, [failed]); // a later run's failure is news
    expect(notificationsStore.get()).toHaveLength(1);
  });
  it("links View to the run line and reads the link back", () => {
    expect(viewHash(12, 7)).toBe("#/history/runs/12/7");
    expect(parseRunHash("#/history/runs/12/7")).toEqual({ runId: 12, invoiceId: 7 });
    expect(parseRunHash("#/history/runs/12")).toEqual({ runId: 12, invoiceId: 0 });
    expect(parseRunHash("#/history")).toBeNull();
  });
  it.each([
    ["Xero refused the token: reconnect", /Reconnect the ledger/],
    ["429 Too Many Requests", /busy/],
    ["Account code '999' is not a valid code", /mapping/],
    ["The contact has no e-mail", /customer/],
    ["something odd", /never created twice/],
  ])("fixFor(%s)", (msg, want) => expect(fixFor(msg)).toMatch(want));

  it("checks each profile's newest sync run for failures", async () => {
    const run = (id: number, profileId: number, failedN: number) => ({ id, profileId, kind: "sync", failed: failedN }) as any;
    expect(newestFailedRuns([run(5, 1, 0), run(4, 1, 2), run(3, 2, 1)]).map((r) => r.id)).toEqual([3]);
    go.List.mockResolvedValue([run(9, 1, 1)]);
    go.Lines.mockResolvedValue([failed]);
    await checkFailures();
    expect(go.Lines).toHaveBeenCalledWith(9);
    expect(notificationsStore.get().map((n) => n.id)).toEqual(["9:7"]);
  });
});

describe("Notifications", () => {
  it("shows a failure with View, Retry and Dismiss, and says when Retry fixed it", async () => {
    go.RetryInvoice.mockResolvedValue({ runId: 13, invoiceId: 7, invoiceNumber: "INV-7", outcome: "created", ledgerNumber: "INV-7", message: "Invoice INV-7 created in the ledger as INV-7." });
    notifyFailures(3, 12, [failed]);
    render(<Notifications />);
    const area = screen.getByRole("region", { name: "Notifications" });
    expect(within(area).getByRole("status").textContent).toContain("Invoice INV-7 was not sent (run 12)");
    expect(within(area).getByRole("link", { name: "View Invoice INV-7 in History" }).getAttribute("href")).toBe("#/history/runs/12/7");
    await userEvent.click(within(area).getByRole("button", { name: "Retry Invoice INV-7" }));
    expect(go.RetryInvoice).toHaveBeenCalledWith(3, 7);
    await within(area).findByText("Invoice INV-7 is in the ledger now");
    await userEvent.click(within(area).getByRole("button", { name: "Dismiss the notification about Invoice INV-7" }));
    expect(within(area).queryByText(/INV-7/)).toBeNull();
  });
  it("keeps a failure that failed again, with the reason", async () => {
    go.RetryInvoice.mockResolvedValue({ runId: 13, invoiceId: 7, invoiceNumber: "INV-7", outcome: "failed", ledgerNumber: "", message: "the ledger refused it again" });
    notifyFailures(3, 12, [failed]);
    render(<Notifications />);
    await userEvent.click(screen.getByRole("button", { name: "Retry Invoice INV-7" }));
    await screen.findByText("Retry: the ledger refused it again");
    expect(screen.getByRole("button", { name: "Retry Invoice INV-7" })).toBeTruthy();
  });
});
