import { useState } from "react";
import type { Profile } from "../../stores/profiles";
import { chooseExactDivision, connectQBO, exactDivisions, type ExactDivision } from "../../stores/ledgers";
import { XeroConnect } from "./XeroConnect";
import { AppKeysForm } from "./AppKeysForm";
import { PasteSignIn } from "./PasteSignIn";

const ledgers = [
  { id: "xero", label: "Xero" },
  { id: "qbo", label: "QuickBooks Online" },
  { id: "exact", label: "Exact Online" },
] as const;

// Which ledger this profile sends to, and how to connect it.
export function LedgerConnect({ profile }: { profile: Profile }) {
  const [kind, setKind] = useState<string>("xero");
  if (profile.ledgerKind !== "") return <XeroConnect profile={profile} />; // shows the connected organisation
  return (
    <div className="stack">
      <div role="radiogroup" aria-label="Ledger" className="row">
        {ledgers.map((l) => (
          <label key={l.id} className="radio">
            <input type="radio" name={`ledger-${profile.id}`} checked={kind === l.id} onChange={() => setKind(l.id)} /> {l.label}
          </label>
        ))}
      </div>
      {kind === "xero" ? <XeroConnect profile={profile} /> : null}
      {kind === "qbo" ? <QBOConnect profile={profile} /> : null}
      {kind === "exact" ? <ExactConnect profile={profile} /> : null}
    </div>
  );
}

function QBOConnect({ profile }: { profile: Profile }) {
  const [waiting, setWaiting] = useState(false);
  return (
    <div className="stack">
      <AppKeysForm
        profileId={profile.id}
        ledger="qbo"
        sandboxOption
        help="At developer.intuit.com create an app with the Accounting scope, open Keys & credentials and copy its Client ID and Client Secret. Development keys accept the redirect URI http://localhost:53682/callback; production keys need an https redirect URI."
      />
      <h4>Development keys</h4>
      <button type="button" className="primary" disabled={waiting} onClick={async () => {
        setWaiting(true);
        await connectQBO(profile.id);
        setWaiting(false);
      }}>
        {waiting ? "Finish signing in in your browser…" : "Connect QuickBooks Online"}
      </button>
      <h4>Production keys</h4>
      <PasteSignIn profileId={profile.id} ledger="qbo" defaultRedirect="" onDone={() => undefined} />
      <p className="muted">Billbridge reads customers, items, accounts, tax codes and payments, and creates customers, items, invoices and credit memos.</p>
    </div>
  );
}

const exactCountries = [
  { id: "nl", label: "Netherlands" },
  { id: "be", label: "Belgium" },
  { id: "de", label: "Germany" },
  { id: "co.uk", label: "United Kingdom" },
  { id: "com", label: "United States" },
  { id: "es", label: "Spain" },
  { id: "fr", label: "France" },
];

function ExactConnect({ profile }: { profile: Profile }) {
  const [country, setCountry] = useState("nl");
  const [divisions, setDivisions] = useState<ExactDivision[] | null>(null);
  const [chosen, setChosen] = useState(0);
  if (divisions) {
    return (
      <div className="stack" aria-label="Choose an Exact division">
        <p>Which administration should receive this profile's invoices?</p>
        <div className="orgs" role="radiogroup" aria-label="Exact divisions">
          {divisions.map((d) => (
            <label key={d.code} className="radio">
              <input type="radio" name={`div-${profile.id}`} checked={chosen === d.code} onChange={() => setChosen(d.code)} />
              {d.description} ({d.code}, {d.currency})
            </label>
          ))}
        </div>
        <button className="primary" type="button" disabled={!chosen} onClick={() => {
          const d = divisions.find((x) => x.code === chosen);
          if (d) void chooseExactDivision(profile.id, d);
        }}>
          Use this division
        </button>
      </div>
    );
  }
  return (
    <div className="stack">
      <label>
        Exact Online site
        <select value={country} onChange={(e) => setCountry(e.target.value)}>
          {exactCountries.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label} (start.exactonline.{c.id})
            </option>
          ))}
        </select>
      </label>
      <AppKeysForm
        profileId={profile.id}
        ledger="exact"
        help="At apps.exactonline.com → Manage my apps, register an app with an https redirect URI and copy its Client ID and Client secret."
      />
      <PasteSignIn profileId={profile.id} ledger="exact" country={country} defaultRedirect="https://billbridge.example/oauth/relay" onDone={async () => {
        const d = await exactDivisions(profile.id);
        if (d) {
          setDivisions(d);
          setChosen(d.find((x) => x.current)?.code ?? d[0]?.code ?? 0);
        }
      }} />
      <p className="muted">Billbridge reads accounts, VAT codes, GL accounts, journals and receivables, and creates accounts and sales entries.</p>
    </div>
  );
}
