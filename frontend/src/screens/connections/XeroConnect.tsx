import { useState, type FormEvent } from "react";
import { chooseXeroOrganisation, connectXero, saveXeroApp, type Profile, type XeroOrg } from "../../stores/profiles";

// Xero: the user's own Xero app (client id, optional secret), then sign-in in
// the system browser, then the organisation to send invoices to.
export function XeroConnect({ profile }: { profile: Profile }) {
  const [clientId, setClientId] = useState("");
  const [clientSecret, setClientSecret] = useState("");
  const [appSaved, setAppSaved] = useState(false);
  const [waiting, setWaiting] = useState(false);
  const [orgs, setOrgs] = useState<XeroOrg[] | null>(null);
  const [chosen, setChosen] = useState("");

  if (profile.ledgerKind !== "") {
    return (
      <p>
        {{ xero: "Xero", qbo: "QuickBooks Online", exact: "Exact Online" }[profile.ledgerKind] ?? profile.ledgerKind} · <strong>{profile.ledgerTenantName}</strong>
        {profile.isDemo ? <span className="muted"> (simulated)</span> : null}
      </p>
    );
  }

  async function onSaveApp(e: FormEvent) {
    e.preventDefault();
    if (await saveXeroApp({ profileId: profile.id, clientId, clientSecret })) {
      setAppSaved(true);
      setClientSecret("");
    }
  }

  async function onConnect() {
    setWaiting(true);
    const got = await connectXero(profile.id);
    setWaiting(false);
    if (got) {
      setOrgs(got);
      setChosen(got[0]?.tenantId ?? "");
    }
  }

  async function onChoose() {
    const org = orgs?.find((o) => o.tenantId === chosen);
    if (org) await chooseXeroOrganisation(profile.id, org);
  }

  if (orgs) {
    return (
      <div className="stack" aria-label="Choose a Xero organisation">
        <p>Which organisation should receive this profile's invoices?</p>
        <div className="orgs" role="radiogroup" aria-label="Xero organisations">
          {orgs.map((o) => (
            <label key={o.tenantId} className="radio">
              <input type="radio" name={`org-${profile.id}`} value={o.tenantId} checked={chosen === o.tenantId} onChange={() => setChosen(o.tenantId)} />
              {o.tenantName}
            </label>
          ))}
        </div>
        <button className="primary" type="button" onClick={onChoose} disabled={!chosen}>
          Use this organisation
        </button>
      </div>
    );
  }

  return (
    <div className="stack">
      <form className="stack" onSubmit={onSaveApp} aria-label={`Xero app for ${profile.name}`}>
        <p className="muted">
          Create an app at developer.xero.com (a mobile or desktop app with PKCE) with the redirect URIs http://localhost:53682/callback …
          http://localhost:53685/callback, then paste its client id here.
        </p>
        <label>
          Xero client id
          <input value={clientId} onChange={(e) => setClientId(e.target.value)} autoComplete="off" required />
        </label>
        <label>
          Client secret (only for apps that have one)
          <input type="password" value={clientSecret} onChange={(e) => setClientSecret(e.target.value)} autoComplete="off" />
        </label>
        <div className="row">
          <button type="submit">Save Xero app</button>
          {appSaved ? <span role="status">Saved to the keychain.</span> : null}
        </div>
      </form>
      <div className="row">
        <button className="primary" type="button" onClick={onConnect} disabled={waiting}>
          {waiting ? "Finish signing in in your browser…" : "Connect Xero"}
        </button>
      </div>
      <p className="muted">Billbridge will read your contacts, items, accounts, tax rates and payments, and create contacts, items, invoices and credit notes.</p>
    </div>
  );
}
