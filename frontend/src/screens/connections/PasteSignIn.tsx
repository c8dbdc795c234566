import { useState } from "react";
import { pasteFinish, pasteStart } from "../../stores/ledgers";

// The sign-in for ledgers whose redirect must be https: open the ledger's
// page, allow access, then paste the address the browser landed on.
export function PasteSignIn({ profileId, ledger, defaultRedirect, country, onDone }: {
  profileId: number;
  ledger: string;
  defaultRedirect: string;
  country?: string;
  onDone: () => void;
}) {
  const [redirect, setRedirect] = useState(defaultRedirect);
  const [started, setStarted] = useState(false);
  const [pasted, setPasted] = useState("");
  return (
    <div className="stack" aria-label="Sign in by pasting the address">
      <label>
        Redirect URI registered with your app (https)
        <input value={redirect} onChange={(e) => setRedirect(e.target.value)} />
      </label>
      <div className="row">
        <button type="button" className={started ? "" : "primary"} onClick={async () => setStarted((await pasteStart(profileId, ledger, redirect, country ?? "")) !== undefined)}>
          Open sign-in page
        </button>
      </div>
      {started ? (
        <>
          <p className="muted">Allow access in the browser. It then lands on your redirect page (it may show an error — that is fine): copy the whole address from the address bar and paste it here.</p>
          <label>
            Address you landed on
            <input value={pasted} onChange={(e) => setPasted(e.target.value)} placeholder="https://…?code=…&state=…" />
          </label>
          <button type="button" className="primary" disabled={pasted.trim() === ""} onClick={async () => (await pasteFinish(profileId, ledger, pasted)) && onDone()}>
            Finish sign-in
          </button>
        </>
      ) : null}
    </div>
  );
}
