import { describe, expect, it } from "vitest";

import { figure } from "@/lib/domain/schemas/common";
import { parseProposedAmount, suggestionPrefill } from "@/lib/domain/suggestion-prefill";

describe("reading a reader's proposed amount", () => {
  it.each([
    ["1,100,000 per page 3", { value: "1100000", precision: "exact" }],
    ["$39.7 billion (press release, March 2025)", { value: "39700000000", precision: "rounded" }],
    ["≈ 66.4B", { value: "66400000000", precision: "rounded" }],
    ["about 120 million", { value: "120000000", precision: "rounded" }],
    ["at least 2.5 bn", { value: "2500000000", precision: "lower_bound" }],
    ["5000000.25", { value: "5000000.25", precision: "exact" }],
    ["it should be 12 B, not 1.2 B", null],
    ["see the report", null],
    ["1,10", null],
  ])("%s", (text, expected) => {
    const got = parseProposedAmount(text);
    expect(got).toEqual(expected);
    if (got) expect(figure.safeParse(got).success).toBe(true);
  });

  it("prefills only the two figures, and only from one clear amount", () => {
    expect(suggestionPrefill("total_reserves", "1,100,000 per page 3")).toEqual({
      field: "totalReserves",
      figure: { value: "1100000", precision: "exact" },
    });
    expect(suggestionPrefill("tokens_outstanding", "about 2 million")).toEqual({
      field: "tokensOutstanding",
      figure: { value: "2000000", precision: "rounded" },
    });
    expect(suggestionPrefill("composition", "1,100,000")).toBeNull();
    expect(suggestionPrefill("total_reserves", "wrong by ten times")).toBeNull();
  });
});
