import { useState, type FormEvent } from "react";
import { saveAutotaskCredentials, type Profile } from "../../stores/profiles";

// The secret field is never filled back in: the keychain holds it and the
// frontend only learns whether it is there.
export function AutotaskForm({ profile }: { profile: Profile }) {
  const [username, setUsername] = useState(profile.autotaskUsername);
  const [secret, setSecret] = useState("");
  const [integrationCode, setIntegrationCode] = useState("");
  const [saved, setSaved] = useState(false);

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
        {saved ? <span role="status">Saved. The secret is in your system keychain.</span> : null}
      </div>
    </form>
  );
}
