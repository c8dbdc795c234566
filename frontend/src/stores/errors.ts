import { toAppError, type AppError } from "../lib/errors";
import { createStore } from "./store";

// The one global error handler: every store action that fails lands here and
// the banner shows its message and fix.
export const errorStore = createStore<AppError | null>(null);

export function reportError(err: unknown): AppError {
  const e = toAppError(err);
  errorStore.set(e);
  return e;
}

export function clearError(): void {
  errorStore.set(null);
}

/** attempt runs a call to Go and reports its failure; it resolves to undefined on error. */
export async function attempt<T>(call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (err) {
    reportError(err);
    return undefined;
  }
}
