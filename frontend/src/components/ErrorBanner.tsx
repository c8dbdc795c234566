import { clearError, errorStore } from "../stores/errors";
import { useStore } from "../stores/store";

export function ErrorBanner() {
  const err = useStore(errorStore);
  if (!err) return null;
  return (
    <div className="error-banner" role="alert">
      <div>
        <strong>{err.message}</strong>
        {err.fix ? <div>{err.fix}</div> : null}
      </div>
      <button type="button" onClick={clearError} aria-label="Dismiss error">
        ×
      </button>
    </div>
  );
}
