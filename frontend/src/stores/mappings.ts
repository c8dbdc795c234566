import * as Mappings from "../../wailsjs/go/app/Mappings";
import type { app, mapping } from "../../wailsjs/go/models";
import { attempt } from "./errors";
import { createStore } from "./store";

export type MappingsData = app.MappingsDTO;
export type CodeRow = mapping.CodeRow;
export type TaxRow = mapping.TaxRow;
export type CustomerRow = mapping.CustomerRow;
export type TermRow = mapping.TermRow;
export type Choice = app.ChoiceDTO;
export type MappingKind = "billing_code" | "tax" | "customer" | "payment_term";

interface MappingsState {
  profileId: number;
  loading: boolean;
  data: MappingsData | null;
  /** The last bulk accept, for the status line. */
  accepted: number | null;
}

export const mappingsStore = createStore<MappingsState>({ profileId: 0, loading: false, data: null, accepted: null });

export async function loadMappings(profileId: number): Promise<void> {
  mappingsStore.set((s) => ({ ...s, profileId, loading: true, accepted: s.profileId === profileId ? s.accepted : null }));
  const data = await attempt(() => Mappings.Load(profileId));
  mappingsStore.set((s) => (s.profileId === profileId ? { ...s, loading: false, data: data ?? (s.data?.profileId === profileId ? s.data : null) } : s));
}

export async function acceptAll(profileId: number, kind: MappingKind): Promise<void> {
  mappingsStore.set((s) => ({ ...s, loading: true }));
  const n = await attempt(() => Mappings.AcceptAll(profileId, kind));
  mappingsStore.set((s) => ({ ...s, accepted: n ?? null }));
  await loadMappings(profileId);
}

export async function saveMapping(input: { profileId: number; kind: MappingKind; sourceKey: string; target: string; target2: string }): Promise<boolean> {
  const ok = await attempt(async () => {
    await Mappings.Save(input);
    return true;
  });
  if (ok) await loadMappings(input.profileId);
  return ok === true;
}

export async function clearMapping(profileId: number, kind: MappingKind, sourceKey: string): Promise<void> {
  const ok = await attempt(async () => {
    await Mappings.Clear(profileId, kind, sourceKey);
    return true;
  });
  if (ok) await loadMappings(profileId);
}

export type CompareRow = app.CompareRowDTO;

/** compareItems is the report of billing codes against the ledger's items. */
export function compareItems(profileId: number): Promise<CompareRow[] | undefined> {
  return attempt(() => Mappings.Compare(profileId));
}

/** createMissingItems creates the missing items and says how many. */
export function createMissingItems(profileId: number): Promise<number | undefined> {
  return attempt(() => Mappings.CreateMissingItems(profileId));
}
