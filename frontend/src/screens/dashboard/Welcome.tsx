import { demoStore, startDemo } from "../../stores/demo";
import { useStore } from "../../stores/store";

// The first screen of a new installation: try it safely, or connect for real.
export function Welcome() {
  const { starting } = useStore(demoStore);
  return (
    <section className="card welcome" aria-label="Welcome">
      <h2>Welcome to Billbridge</h2>
      <p>
        Billbridge takes your month-end Autotask billing into Xero, QuickBooks Online or Exact Online — exactly once — and exports it for your accountant.
        It runs on this computer; your passwords stay in the system keychain.
      </p>
      <div className="choices">
        <div className="choice">
          <h3>Try with demo data</h3>
          <p className="muted">A simulated Autotask with a realistic MSP month and a simulated Xero run on this computer. Nothing leaves it.</p>
          <button className="primary" type="button" disabled={starting} onClick={() => void startDemo()}>
            {starting ? "Starting the simulated Autotask and Xero…" : "Try with demo data"}
          </button>
        </div>
        <div className="choice">
          <h3>Connect my systems</h3>
          <p className="muted">You need your Autotask API user (user name, secret, integration code) and access to your ledger.</p>
          <a className="button" href="#/connections">
            Connect my systems
          </a>
        </div>
      </div>
    </section>
  );
}
