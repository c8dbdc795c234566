import * as Organisations from "../../wailsjs/go/app/Organisations";
import type { app } from "../../wailsjs/go/models";
import { attempt } from "./errors";
import { createStore } from "./store";

export type OrganisationsData = app.OrganisationsDTO;
export type Organisation = app.OrganisationDTO;
export type Route = app.RouteDTO;
export type Levels = app.LevelsDTO;
export type Candidate = app.CandidateDTO;
export type RouteKind = "association" | "location" | "line_of_business";

interface OrganisationsState {
  /** By profile id: each profile card shows its own section. */
  byProfile: Record<number, OrganisationsData>;
  levels: Record<number, Levels>;
  candidates: Record<number, Candidate[]>;
}

export const organisationsStore = createStore<OrganisationsState>({ byProfile: {}, levels: {}, candidates: {} });

function keep(profileId: number, data: OrganisationsData | undefined): boolean {
  if (data) organisationsStore.set((s) => ({ ...s, byProfile: { ...s.byProfile, [profileId]: data } }));
  return data !== undefined;
}

export async function loadOrganisations(profileId: number): Promise<void> {
  keep(profileId, await attempt(() => Organisations.List(profileId)));
}

/** loadLevels reads Autotask's organisational levels for the rules editor. */
export async function loadLevels(profileId: number): Promise<void> {
  const levels = await attempt(() => Organisations.Levels(profileId));
  if (levels) organisationsStore.set((s) => ({ ...s, levels: { ...s.levels, [profileId]: levels } }));
}

/** loadCandidates lists the ledger organisations the profile's sign-in reaches and does not use yet. */
export async function loadCandidates(profileId: number): Promise<Candidate[] | undefined> {
  const list = await attempt(() => Organisations.Candidates(profileId));
  if (list) organisationsStore.set((s) => ({ ...s, candidates: { ...s.candidates, [profileId]: list } }));
  return list;
}

export async function addOrganisation(input: { profileId: number; tenantId: string; name: string; copyMappings: boolean }): Promise<boolean> {
  const ok = keep(input.profileId, await attempt(() => Organisations.Add(input)));
  if (ok) await loadCandidates(input.profileId);
  return ok;
}

export async function removeOrganisation(profileId: number, key: string): Promise<boolean> {
  return keep(profileId, await attempt(() => Organisations.Remove(profileId, key)));
}

export async function saveRule(input: { profileId: number; kind: RouteKind; sourceId: number; organisation: string }): Promise<boolean> {
  return keep(input.profileId, await attempt(() => Organisations.SaveRule(input)));
}

export async function deleteRule(profileId: number, kind: string, sourceId: number): Promise<boolean> {
  return keep(profileId, await attempt(() => Organisations.DeleteRule(profileId, kind, sourceId)));
}

export async function setDefault(input: { profileId: number; organisation: string; blockUnrouted: boolean }): Promise<boolean> {
  return keep(input.profileId, await attempt(() => Organisations.SetDefault(input)));
}
