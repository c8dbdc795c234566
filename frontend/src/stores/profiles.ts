import * as Profiles from "../../wailsjs/go/app/Profiles";
import { EventsOn } from "../../wailsjs/runtime/runtime";
import type { app } from "../../wailsjs/go/models";
import { attempt } from "./errors";
import { createStore } from "./store";

export type Profile = app.ProfileDTO;

interface ProfilesState {
  loaded: boolean;
  list: Profile[];
}

export const profilesStore = createStore<ProfilesState>({ loaded: false, list: [] });

export async function loadProfiles(): Promise<void> {
  const list = await attempt(() => Profiles.List());
  if (list) profilesStore.set({ loaded: true, list });
}

export async function createProfile(name: string): Promise<Profile | undefined> {
  const p = await attempt(() => Profiles.Create({ name }));
  if (p) await loadProfiles();
  return p;
}

export async function deleteProfile(id: number): Promise<boolean> {
  const ok = await attempt(async () => {
    await Profiles.Delete(id);
    return true;
  });
  if (ok) await loadProfiles();
  return ok === true;
}

export async function saveAutotaskCredentials(input: {
  profileId: number;
  username: string;
  secret: string;
  integrationCode: string;
}): Promise<Profile | undefined> {
  const p = await attempt(() => Profiles.SaveAutotaskCredentials(input));
  if (p) await loadProfiles();
  return p;
}

export type AutotaskTest = app.AutotaskTestDTO;
export type XeroOrg = app.XeroOrgDTO;

export function testAutotask(profileId: number): Promise<AutotaskTest | undefined> {
  return attempt(() => Profiles.TestAutotask(profileId));
}

export async function saveXeroApp(input: { profileId: number; clientId: string; clientSecret: string }): Promise<boolean> {
  const ok = await attempt(async () => {
    await Profiles.SaveXeroApp(input);
    return true;
  });
  return ok === true;
}

/** connectXero resolves when the user has finished in the browser. */
export function connectXero(profileId: number): Promise<XeroOrg[] | undefined> {
  return attempt(() => Profiles.ConnectXero(profileId));
}

export async function chooseXeroOrganisation(profileId: number, org: XeroOrg): Promise<Profile | undefined> {
  const p = await attempt(() => Profiles.ChooseXeroOrganisation(profileId, org));
  if (p) await loadProfiles();
  return p;
}

/** watchProfiles reloads the profiles when Go says they changed (the demo
 * started after the window loaded); it returns the unsubscribe function. */
export function watchProfiles(): () => void {
  return EventsOn("profiles:changed", () => void loadProfiles());
}
