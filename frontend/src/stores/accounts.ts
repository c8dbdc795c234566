import * as Accounts from "../../wailsjs/go/app/Accounts";
import { app } from "../../wailsjs/go/models";
import { attempt } from "./errors";
import { createStore } from "./store";

export type AccountSettings = app.AccountSettingsDTO;
export type AccountsResult = app.AccountsResultDTO;
export type AccountLine = app.AccountLineDTO;

interface AccountsState {
  profileId: number;
  settings: AccountSettings | null;
  busy: boolean;
  result: AccountsResult | null;
  dryRun: boolean;
}

export const accountsStore = createStore<AccountsState>({ profileId: 0, settings: null, busy: false, result: null, dryRun: true });

export async function loadAccountSettings(profileId: number): Promise<void> {
  accountsStore.set((s) => ({ ...s, profileId, result: s.profileId === profileId ? s.result : null }));
  const settings = await attempt(() => Accounts.Settings(profileId));
  if (settings) accountsStore.set((s) => (s.profileId === profileId ? { ...s, settings } : s));
}

export async function saveAccountSettings(direction: string, ownerResourceId: number): Promise<void> {
  const { profileId } = accountsStore.get();
  const settings = await attempt(() => Accounts.SaveSettings(app.AccountSettingsDTO.createFrom({ profileId, direction, ownerResourceId })));
  if (settings) accountsStore.set((s) => ({ ...s, settings, result: null }));
}

export async function runAccounts(dryRun: boolean): Promise<void> {
  const { profileId } = accountsStore.get();
  accountsStore.set((s) => ({ ...s, busy: true }));
  const result = await attempt(() => Accounts.Run(profileId, dryRun));
  accountsStore.set((s) => ({ ...s, busy: false, result: result ?? s.result, dryRun }));
}
