import { beforeEach, describe, expect, it, vi } from "vitest";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

// The Go side, as the generated bindings expose it.
const go = vi.hoisted(() => ({
  profiles: [] as Array<Record<string, unknown>>,
  Create: vi.fn(),
  List: vi.fn(),
  Delete: vi.fn(),
  SaveAutotaskCredentials: vi.fn(),
}));
vi.mock("../../../wailsjs/go/app/Profiles", () => ({
  Create: go.Create,
  List: go.List,
  Delete: go.Delete,
  SaveAutotaskCredentials: go.SaveAutotaskCredentials,
}));

import { Connections } from "./Connections";
import { ErrorBanner } from "../../components/ErrorBanner";
import { loadProfiles } from "../../stores/profiles";
import { clearError } from "../../stores/errors";

function profile(id: number, name: string, extra: Record<string, unknown> = {}) {
  return { id, name, autotaskUsername: "", autotaskConnected: false, keychainProblem: "", ledgerKind: "", ledgerTenantName: "", isDemo: false, createdAt: "", ...extra };
}

beforeEach(() => {
  clearError();
  go.profiles = [];
  go.List.mockImplementation(async () => go.profiles);
  go.Create.mockImplementation(async ({ name }: { name: string }) => {
    const p = profile(go.profiles.length + 1, name);
    go.profiles.push(p);
    return p;
  });
});

describe("Connections", () => {
  it("says what to do when there is no profile", async () => {
    await loadProfiles();
    render(<Connections />);
    expect(screen.getByRole("region", { name: "No profiles yet" }).textContent).toContain("Create your first profile");
  });

  it("creates a profile from the form and lists it", async () => {
    await loadProfiles();
    render(<Connections />);
    await userEvent.type(screen.getByLabelText("Profile name"), "Acme IT");
    await userEvent.click(screen.getByRole("button", { name: "Create profile" }));
    expect(go.Create).toHaveBeenCalledWith({ name: "Acme IT" });
    const card = await screen.findByRole("region", { name: "Profile Acme IT" });
    expect(within(card).getAllByText("Not connected")).toHaveLength(2);
    expect((screen.getByLabelText("Profile name") as HTMLInputElement).value).toBe("");
  });

  it("shows Go's message and fix when the keychain refuses, and keeps what was typed", async () => {
    go.profiles = [profile(1, "Acme IT")];
    go.SaveAutotaskCredentials.mockRejectedValue({
      code: "unavailable",
      message: "No keychain is available on this computer",
      fix: "Install or unlock gnome-keyring, then try again.",
    });
    await loadProfiles();
    render(
      <>
        <ErrorBanner />
        <Connections />
      </>,
    );
    const card = screen.getByRole("region", { name: "Profile Acme IT" });
    await userEvent.type(within(card).getByLabelText("API user name"), "api@acme.example");
    await userEvent.type(within(card).getByLabelText("Secret"), "s3cret");
    await userEvent.type(within(card).getByLabelText("API integration code"), "CODE");
    await userEvent.click(within(card).getByRole("button", { name: "Save to keychain" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("No keychain is available on this computer");
    expect(alert.textContent).toContain("Install or unlock gnome-keyring");
    expect((within(card).getByLabelText("Secret") as HTMLInputElement).value).toBe("s3cret");
    expect(go.SaveAutotaskCredentials).toHaveBeenCalledWith({ profileId: 1, username: "api@acme.example", secret: "s3cret", integrationCode: "CODE" });
  });
});
