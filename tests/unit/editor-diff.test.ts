import { describe, expect, it } from "vitest";

import { diffValues, flatten } from "@/lib/domain/editor/diff";

describe("field-by-field differences", () => {
  it("lists only the leaves that changed, by path", () => {
    const before = {
      firm: "A",
      totalReserves: { value: "100", precision: "exact" },
      composition: [{ category: "tbills_93d", sharePct: "60" }],
    };
    const after = {
      firm: "B",
      totalReserves: { value: "100", precision: "rounded" },
      composition: [{ category: "tbills_93d", sharePct: "61" }],
    };
    expect(diffValues(before, after)).toEqual([
      { field: "firm", was: "A", now: "B" },
      { field: "totalReserves.precision", was: "exact", now: "rounded" },
      { field: "composition[0].sharePct", was: "60", now: "61" },
    ]);
  });

  it("treats the same number written differently, and empty versus missing, as no change", () => {
    expect(diffValues({ a: "1000.50", b: "", c: null }, { a: "1000.5", b: null })).toEqual([]);
    expect(diffValues({ a: "0010" }, { a: "10" })).toEqual([]);
  });

  it("reports added and removed list items", () => {
    expect(diffValues({ sources: [{ url: "a" }] }, { sources: [{ url: "a" }, { url: "b" }] })).toEqual([
      { field: "sources[1].url", was: null, now: "b" },
    ]);
  });

  it("shows lists of plain values as one field", () => {
    expect(flatten({ tokenSymbols: ["X", "Y"] }).get("tokenSymbols")).toBe("X, Y");
  });
});
