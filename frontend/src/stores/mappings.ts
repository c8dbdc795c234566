import * as Mappings from "../../wailsjs/go/app/Mappings";
import type { app, mapping } from "../../wailsjs/go/models";
import { attempt } from "./errors";
import { createStore } from "./store";

export type MappingsData = app.MappingsDTO;
export type CodeRow = mapping.CodeRow;
export type TaxRow = mapping.TaxRow;
export type CustomerRow = mapping.CustomerRow;
export type TermRow = mapping.TermRow;
export type LineOfBusinessRow = mapping.LineOfBusinessRow;
export type Choice = app.ChoiceDTO;
export type MappingKind = "billing_code" | "tax" | "customer" | "payment_term" | "line_of_business";

export type MappingTarget = app.MappingTargetDTO;

interface MappingsState {
  profileId: number;
  /** Whose mappings are shown: "" the ledger's, else a ledger import file's. */
  target: string;
  targets: MappingTarget[];
  loading: boolean;
  data: MappingsData | null;
  /** The last bulk accept, for the status line. */
  accepted: number | null;
}

export const mappingsStore = createStore<MappingsState>({ profileId: 0, target: "", targets: [], loading: false, data: null, accepted: null });

export async function loadTargets(profileId: number): Promise<void> {
  const targets = await attempt(() => Mappings.Targets(profileId));
  if (targets) mappingsStore.set((s) => (s.profileId === profileId ? { ...s, targets } : s));
}

export async function chooseTarget(target: string): Promise<void> {
  mappingsStore.set((s) => ({ ...s, target, data: null, accepted: null }));
  await loadMappings(mappingsStore.get().profileId);
}

export async function loadMappings(profileId: number): Promise<void> {
  mappingsStore.set((s) => ({ ...s, profileId, loading: true, accepted: s.profileId === profileId ? s.accepted : null }));
  const target = mappingsStore.get().target;
  const data = await attempt(() => Mappings.LoadFor(profileId, target));
  mappingsStore.set((s) =>
    s.profileId === profileId && s.target === target ? { ...s, loading: false, data: data ?? (s.data?.profileId === profileId ? s.data : null) } : { ...s, loading: false },
  );
}

export async function acceptAll(profileId: number, kind: MappingKind): Promise<void> {
  mappingsStore.set((s) => ({ ...s, loading: true }));
  const n = await attempt(() => Mappings.AcceptAllFor(profileId, mappingsStore.get().target, kind));
  mappingsStore.set((s) => ({ ...s, accepted: n ?? null }));
  await loadMappings(profileId);
}

export async function saveMapping(input: { profileId: number; kind: MappingKind; sourceKey: string; target: string; target2: string }): Promise<boolean> {
  const ok = await attempt(async () => {
    await Mappings.Save({ ...input, for: mappingsStore.get().target });
    return true;
  });
  if (ok) await loadMappings(input.profileId);
  return ok === true;
}

export async function clearMapping(profileId: number, kind: MappingKind, sourceKey: string): Promise<void> {
  const ok = await attempt(async () => {
    await Mappings.ClearFor(profileId, mappingsStore.get().target, kind, sourceKey);
    return true;
  });
  if (ok) await loadMappings(profileId);
}

export type LineMode = "" | "standard" | "summary" | "detail";

/** setLineMode sets a customer's own line detail; "" follows Settings. It is
 * the customer's, whichever mappings are shown, so it is saved for the sync. */
export async function setLineMode(profileId: number, companyId: number, mode: LineMode): Promise<boolean> {
  const sourceKey = String(companyId);
  const ok = await attempt(async () => {
    if (mode === "") await Mappings.ClearFor(profileId, "", "line_mode", sourceKey);
    else await Mappings.Save({ profileId, kind: "line_mode", sourceKey, target: mode, target2: "", for: "" });
    return true;
  });
  if (ok) await loadMappings(profileId);
  return ok === true;
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

export type ExactChoices = app.ExactChoicesDTO;

/** saveExactOptions sets an Exact profile's sales journal and rounding account ("" for the defaults). */
export async function saveExactOptions(profileId: number, salesJournal: string, roundingAccount: string): Promise<boolean> {
  const ok = await attempt(async () => {
    await Mappings.SaveExactOptions({ profileId, salesJournal, roundingAccount });
    return true;
  });
  if (ok) await loadMappings(profileId);
  return ok === true;
}
