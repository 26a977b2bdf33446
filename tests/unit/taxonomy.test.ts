import { describe, expect, it } from "vitest";

import { CATEGORY_LABELS, RESERVE_CATEGORIES } from "@/lib/domain/taxonomy";

describe("reserve taxonomy", () => {
  it("labels every category of docs/domain.md, and only those", () => {
    expect(Object.keys(CATEGORY_LABELS).sort()).toEqual([...RESERVE_CATEGORIES].sort());
    expect(RESERVE_CATEGORIES).toHaveLength(12);
  });
});
