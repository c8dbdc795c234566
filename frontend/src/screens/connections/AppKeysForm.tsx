import { useState, type FormEvent } from "react";
import { saveLedgerApp } from "../../stores/ledgers";

// The user's own app at Intuit or Exact: client id and secret to the keychain.
export function AppKeysForm({ profileId, ledger, help, sandboxOption }: { profileId: number; ledger: string; help: string; sandboxOption?: boolean }) {
  const [clientId, setClientId] = useState("");
  const [clientSecret, setClientSecret] = useState("");
  const [sandbox, setSandbox] = useState(false);
  const [saved, setSaved] = useState(false);
  async function onSave(e: FormEvent) {
    e.preventDefault();
    if (await saveLedgerApp({ profileId, ledger, clientId, clientSecret, sandbox })) {
      setSaved(true);
      setClientSecret("");
    }
  }
  return (
    <form className="stack" onSubmit={onSave} aria-label="App keys">
      <p className="muted">{help}</p>
      <label>
        Client ID
        <input value={clientId} onChange={(e) => setClientId(e.target.value)} autoComplete="off" required />
      </label>
      <label>
        Client secret
        <input type="password" value={clientSecret} onChange={(e) => setClientSecret(e.target.value)} autoComplete="off" required />
      </label>
      {sandboxOption ? (
        <label className="radio">
          <input type="checkbox" checked={sandbox} onChange={(e) => setSandbox(e.target.checked)} /> Development keys (sandbox company)
        </label>
      ) : null}
      <div className="row">
        <button type="submit">Save app keys</button>
        {saved ? <span role="status">Saved to the keychain.</span> : null}
      </div>
    </form>
  );
}
