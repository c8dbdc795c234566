import * as Ledgers from "../../wailsjs/go/app/Ledgers";
import type { app } from "../../wailsjs/go/models";
import { attempt } from "./errors";
import { loadProfiles } from "./profiles";

export type ExactDivision = app.ExactDivisionDTO;

export async function saveLedgerApp(input: { profileId: number; ledger: string; clientId: string; clientSecret: string; sandbox: boolean }): Promise<boolean> {
  const ok = await attempt(async () => {
    await Ledgers.SaveApp(input);
    return true;
  });
  return ok === true;
}

/** connectQBO: development keys, the browser comes back by itself. */
export async function connectQBO(profileId: number): Promise<boolean> {
  const p = await attempt(() => Ledgers.ConnectQBO(profileId));
  if (p) await loadProfiles();
  return p !== undefined;
}

/** pasteStart opens the sign-in page; the user then pastes where it landed. */
export function pasteStart(profileId: number, ledger: string, redirectUrl: string, country: string): Promise<string | undefined> {
  return attempt(() => Ledgers.PasteStart(profileId, ledger, redirectUrl, country));
}

export async function pasteFinish(profileId: number, ledger: string, pasted: string): Promise<boolean> {
  const p = await attempt(() => Ledgers.PasteFinish(profileId, ledger, pasted));
  if (p && ledger === "qbo") await loadProfiles();
  return p !== undefined;
}

export function exactDivisions(profileId: number): Promise<ExactDivision[] | undefined> {
  return attempt(() => Ledgers.ExactDivisions(profileId));
}

export async function chooseExactDivision(profileId: number, d: ExactDivision): Promise<boolean> {
  const p = await attempt(() => Ledgers.ChooseExactDivision(profileId, d));
  if (p) await loadProfiles();
  return p !== undefined;
}
