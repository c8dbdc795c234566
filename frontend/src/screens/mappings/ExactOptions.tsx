import { saveExactOptions, type Choice, type ExactChoices } from "../../stores/mappings";
import { defaultJournalLabel } from "./logic";

// ExactOptions is what an Exact division books with besides the tabs: the
// sales journal and the revenue account rounding adjustments go to. Each
// choice is saved (and checked against Exact) as soon as it is made.
export function ExactOptions({ profileId, choices, accounts, busy }: { profileId: number; choices: ExactChoices; accounts: Choice[]; busy: boolean }) {
  const save = (journal: string, rounding: string) => void saveExactOptions(profileId, journal, rounding);
  return (
    <section className="row toolbar" aria-label="Exact booking">
      <label>
        Sales journal
        <select value={choices.journal} disabled={busy} onChange={(e) => save(e.target.value, choices.roundingAccount)}>
          <option value="">{defaultJournalLabel(choices.journals ?? [], choices.defaultJournal)}</option>
          {(choices.journals ?? []).map((j) => (
            <option key={j.value} value={j.value}>
              {j.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Rounding adjustments to
        <select value={choices.roundingAccount} disabled={busy} onChange={(e) => save(choices.journal, e.target.value)}>
          <option value="">None (an invoice that needs one waits)</option>
          {accounts.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}
