import { describe, expect, it, vi } from "vitest";
import { createStore } from "./store";
import { attempt, errorStore, clearError } from "./errors";

describe("createStore", () => {
  it("notifies subscribers with the new value and stops after unsubscribe", () => {
    const s = createStore(1);
    const seen: number[] = [];
    const unsub = s.subscribe(() => seen.push(s.get()));
    s.set(2);
    s.set((v) => v + 10);
    unsub();
    s.set(99);
    expect(seen).toEqual([2, 12]);
    expect(s.get()).toBe(99);
  });
});

describe("attempt", () => {
  it("returns the value and leaves no error on success", async () => {
    clearError();
    await expect(attempt(async () => 42)).resolves.toBe(42);
    expect(errorStore.get()).toBeNull();
  });
  it("reports the Go error's message and fix", async () => {
    clearError();
    const listener = vi.fn();
    const unsub = errorStore.subscribe(listener);
    const got = await attempt(() =>
      Promise.reject({ code: "conflict", message: "A profile named Acme already exists", fix: "Choose another name." }),
    );
    unsub();
    expect(got).toBeUndefined();
    expect(errorStore.get()).toEqual({
      code: "conflict",
      message: "A profile named Acme already exists",
      fix: "Choose another name.",
    });
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
