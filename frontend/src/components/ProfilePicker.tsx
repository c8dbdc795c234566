import { useEffect } from "react";
import { profilesStore, type Profile } from "../stores/profiles";
import { useStore } from "../stores/store";

// ProfilePicker chooses the profile a screen works on. It lists the profiles
// that qualify (connected as the screen needs), picks the first one when
// nothing valid is chosen, and hides itself when there is only one.
export function ProfilePicker({
  value,
  onChange,
  qualifies,
}: {
  value: number;
  onChange: (id: number) => void;
  qualifies: (p: Profile) => boolean;
}) {
  const { list } = useStore(profilesStore);
  const usable = list.filter(qualifies);
  useEffect(() => {
    if (usable.length > 0 && !usable.some((p) => p.id === value)) onChange(usable[0].id);
  }, [usable.map((p) => p.id).join(","), value]);
  if (usable.length < 2) return null;
  return (
    <label className="picker">
      Profile
      <select value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {usable.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** usableProfiles is what ProfilePicker offers, for screens that show an empty state instead. */
export function useUsableProfiles(qualifies: (p: Profile) => boolean): { loaded: boolean; usable: Profile[] } {
  const { list, loaded } = useStore(profilesStore);
  return { loaded, usable: list.filter(qualifies) };
}

export const connectedToBoth = (p: Profile) => p.autotaskConnected && p.ledgerKind !== "";
export const connectedToAutotask = (p: Profile) => p.autotaskConnected;
