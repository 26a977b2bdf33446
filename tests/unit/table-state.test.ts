import { describe, expect, it } from "vitest";

import { DEFAULT, needsAll, parseState, query } from "@/components/home/table-state";

describe("the comparison table's view in its address", () => {
  it("reads what it writes, and the default view writes nothing", () => {
    expect(query(DEFAULT)).toBe("");
    const view = { ...DEFAULT, sort: "coverage" as const, dir: "desc" as const, backing: "fiat_reserve", selected: ["a", "b"] };
    expect(parseState(`?${query(view)}`)).toEqual(view);
    expect(parseState("?sort=nonsense&dir=sideways")).toEqual(DEFAULT);
  });

  it("needs every issuer for a sort, a filter or the pinned view, never for a selection alone", () => {
    // On the home page, which holds only the first issuers, these open the full table instead.
    expect(needsAll(DEFAULT)).toBe(false);
    expect(needsAll({ ...DEFAULT, selected: ["a", "b"] })).toBe(false);
    expect(needsAll({ ...DEFAULT, sort: "coverage" })).toBe(true);
    expect(needsAll({ ...DEFAULT, dir: "desc" })).toBe(true);
    expect(needsAll({ ...DEFAULT, backing: "fiat_reserve" })).toBe(true);
    expect(needsAll({ ...DEFAULT, status: "active" })).toBe(true);
    expect(needsAll({ ...DEFAULT, jurisdiction: "US" })).toBe(true);
    expect(needsAll({ ...DEFAULT, only: true })).toBe(true);
  });
});
