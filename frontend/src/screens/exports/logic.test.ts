import { describe, expect, it } from "vitest";
import { fileHint, validateRange } from "./logic";

describe("export form", () => {
  it("validates the date range", () => {
    expect(validateRange("2024-05-01", "2024-05-31")).toBe("");
    expect(validateRange("2024-06-01", "2024-05-31")).toBe("The first day is after the last day.");
    expect(validateRange("", "2024-05-31")).toBe("Pick the first and the last day.");
  });
  it("says where the file goes", () => {
    expect(fileHint("", "/data/exports")).toBe("A dated file in /data/exports");
    expect(fileHint("may.csv", "/data/exports")).toBe("/data/exports/may.csv");
    expect(fileHint("/tmp/x.csv", "/data/exports")).toBe("/tmp/x.csv");
    expect(fileHint("may.csv", "C:\\Users\\a\\exports")).toBe("C:\\Users\\a\\exports\\may.csv");
  });
});
