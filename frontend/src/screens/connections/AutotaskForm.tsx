import { useState, type FormEvent } from "react";
import { saveAutotaskCredentials, testAutotask, type AutotaskTest, type Profile } from "../../stores/profiles";

// The secret field is never filled back in: the keychain holds it and the
// frontend only learns whether it is there.
export function AutotaskForm({ profile }: { profile: Profile }) {
  const [username, setUsername] = useState(profile.autotaskUsername);
  const [secret, setSecret] = useState("");
  const [integrationCode, setIntegrationCode] = useState("");
  const [saved, setSaved] = useState(false);
  const [testing, setTesting] = useState(false);
  const [result, setResult] = useState<AutotaskTest | null>(null);

  async function onTest() {
    setTesting(true);
    setResult((await testAutotask(profile.id)) ?? null);
    setTesting(false);
  }

  async function onSave(e: FormEvent) {
    e.preventDefault();
    const p = await saveAutotaskCredentials({ profileId: profile.id, username, secret, integrationCode });
    if (p) {
      setSecret("");
      setIntegrationCode("");
      setSaved(true);
    }
  }

  return (
    <form className="stack" onSubmit={onSave} aria-label={`Autotask credentials for ${profile.name}`}>
      <label>
        API user name
        <input type="email" value={username} onChange={(e) => setUsername(e.target.value)} placeholder="api-user@yourmsp.com" autoComplete="off" required />
      </label>
      <label>
        Secret
        <input type="password" value={secret} onChange={(e) => setSecret(e.target.value)} placeholder={profile.autotaskConnected ? "•••••••• (saved; type to replace)" : ""} autoComplete="off" required />
      </label>
      <label>
        API integration code
        <input type="password" value={integrationCode} onChange={(e) => setIntegrationCode(e.target.value)} autoComplete="off" required />
      </label>
      <div className="row">
        <button className="primary" type="submit">
          Save to keychain
        </button>
        {profile.autotaskConnected ? (
          <button type="button" onClick={onTest} disabled={testing}>
            {testing ? "Testing…" : "Test connection"}
          </button>
        ) : null}
        {saved ? <span role="status">Saved. The secret is in your system keychain.</span> : null}
      </div>
      {result ? (
        <div className="result" role="status" aria-label="Autotask connection test">
          Connected to {result.zoneName}: the API user sees {result.invoices.toLocaleString("en-US")} invoices,{" "}
          {result.companies.toLocaleString("en-US")} companies and {result.billingItems.toLocaleString("en-US")} billing items.{" "}
          {result.requestsUsed.toLocaleString("en-US")} of {result.requestsLimit.toLocaleString("en-US")} API requests used in the last{" "}
          {result.timeframeHours === 1 ? "hour" : `${result.timeframeHours} hours`}.
        </div>
      ) : null}
    </form>
  );
}
