import { describe, expect, it } from "vitest";
import { hashFor, sectionFromHash, sections } from "./sections";
import { applyTheme, resolveTheme } from "./theme";
import { toAppError } from "./errors";
import { plural } from "./format";

describe("sectionFromHash", () => {
  it.each([
    ["", "dashboard"],
    ["#/mappings", "mappings"],
    ["#sync", "sync"],
    ["#/History", "history"],
    ["#/exports/123", "exports"],
    ["#/nope", "dashboard"],
  ])("%s → %s", (hash, want) => {
    expect(sectionFromHash(hash)).toBe(want);
  });
  it("round-trips every section", () => {
    for (const s of sections) expect(sectionFromHash(hashFor(s.id))).toBe(s.id);
  });
});

describe("resolveTheme", () => {
  it.each([
    ["light", true, "light"],
    ["dark", false, "dark"],
    ["system", true, "dark"],
    ["system", false, "light"],
    ["bogus", false, "light"],
  ])("%s with system dark=%s → %s", (pref, sysDark, want) => {
    expect(resolveTheme(pref, sysDark)).toBe(want);
  });
  it("paints the root", () => {
    const el = document.createElement("html");
    applyTheme("dark", el);
    expect(el.dataset.theme).toBe("dark");
    expect(el.style.colorScheme).toBe("dark");
  });
});

describe("toAppError", () => {
  it("keeps the formatter's code, message and fix", () => {
    expect(toAppError({ code: "reconnect", message: "Xero refused the token", fix: "Reconnect Xero" })).toEqual({
      code: "reconnect",
      message: "Xero refused the token",
      fix: "Reconnect Xero",
    });
  });
  it("parses a JSON string", () => {
    expect(toAppError('{"code":"invalid","message":"Name is empty","fix":"Type a name"}').fix).toBe("Type a name");
  });
  it("shows a plain string as the message", () => {
    expect(toAppError("boom")).toEqual({ code: "internal", message: "boom", fix: "" });
  });
  it("never shows undefined", () => {
    expect(toAppError(undefined).message).toBe("Something went wrong");
  });
});

describe("plural", () => {
  it.each([
    ["billing code", 1, "1 billing code"],
    ["billing code", 312, "312 billing codes"],
    ["row", 10000, "10,000 rows"],
  ])("%s × %d", (noun, n, want) => expect(plural(noun, n as number)).toBe(want));
});
