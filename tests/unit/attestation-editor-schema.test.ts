import { describe, expect, it } from "vitest";

import { attestationWarnings } from "@/lib/domain/editor/attestation-warnings";
import { attestationInput } from "@/lib/domain/schemas/attestation";
import { attestationEditorInput, todayUtcString } from "@/lib/domain/schemas/attestation-editor";

const base = {
  issuerSlug: "demo-dollar",
  asOf: "2025-06-30",
  reportType: "attestation",
  reportUrl: "https://example.org/r.pdf",
  tokensOutstanding: { value: "1000", precision: "exact" },
  totalReserves: { value: "1000", precision: "exact" },
  composition: [{ category: "tbills_93d", amountUsd: { value: "1000", precision: "exact" } }],
};
const plusDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const fieldsOf = (input: unknown) => {
  const r = attestationEditorInput.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
};

describe("the editor's attestation schema", () => {
  it("accepts a valid report, including a month-only as-of date", () => {
    expect(fieldsOf(base)).toEqual([]);
    expect(fieldsOf({ ...base, asOf: "2025-06" })).toEqual([]);
  });

  it("refuses dates after today, which the dataset schema allows", () => {
    expect(fieldsOf({ ...base, asOf: plusDays(1) })).toEqual(["asOf"]);
    expect(fieldsOf({ ...base, asOf: plusDays(-1), publishedOn: plusDays(1) })).toEqual(["publishedOn"]);
    expect(fieldsOf({ ...base, asOf: todayUtcString(), publishedOn: todayUtcString() })).toEqual([]);
    expect(attestationInput.safeParse({ ...base, asOf: plusDays(1) }).success).toBe(true);
  });

  it("reports a future date even while other fields are wrong", () => {
    expect(fieldsOf({ ...base, asOf: plusDays(3), tokensOutstanding: { value: "x", precision: "exact" } }).sort()).toEqual([
      "asOf",
      "tokensOutstanding.value",
    ]);
  });

  it("refuses lines above total reserves beyond 0.5 points, unless the total is a lower bound", () => {
    const over = { ...base, composition: [{ category: "tbills_93d", amountUsd: { value: "1006", precision: "exact" } }] };
    expect(fieldsOf(over)).toEqual(["composition"]);
    expect(fieldsOf({ ...over, composition: [{ category: "tbills_93d", amountUsd: { value: "1005", precision: "exact" } }] })).toEqual([]);
    expect(fieldsOf({ ...over, totalReserves: { value: "1000", precision: "lower_bound" } })).toEqual([]);
  });
});

describe("warnings that do not stop a save", () => {
  const warningsOf = (input: unknown) => attestationWarnings(attestationEditorInput.parse(input)).map((w) => w.field);

  it("flag coverage under 100% and a publication lag over 90 days", () => {
    expect(warningsOf(base)).toEqual([]);
    expect(warningsOf({ ...base, tokensOutstanding: { value: "1001", precision: "exact" } })).toEqual(["totalReserves"]);
    expect(warningsOf({ ...base, publishedOn: "2025-09-28" })).toEqual([]); // 90 days
    expect(warningsOf({ ...base, publishedOn: "2025-09-29" })).toEqual(["publishedOn"]); // 91 days
  });

  it("measure the lag of a month-only report from the month's last day", () => {
    expect(warningsOf({ ...base, asOf: "2025-06", publishedOn: "2025-09-28" })).toEqual([]);
    expect(warningsOf({ ...base, asOf: "2025-06", publishedOn: "2025-09-29" })).toEqual(["publishedOn"]);
    // the same dates with a day-precision as-of on the 1st would be 120 days
    expect(warningsOf({ ...base, asOf: "2025-06-01", publishedOn: "2025-09-28" })).toEqual(["publishedOn"]);
  });

  it("note a partial composition and the missing source for publishing", () => {
    expect(
      warningsOf({ ...base, reportUrl: null, composition: [{ category: "tbills_93d", amountUsd: { value: "500", precision: "exact" } }] }),
    ).toEqual(["composition", "reportUrl"]);
  });
});

describe("an impossible date", () => {
  it("gets only the format message, not a future-date one", () => {
    const r = attestationEditorInput.safeParse({ ...base, asOf: "2026-13-01" });
    expect(r.success ? [] : r.error.issues.filter((i) => i.path[0] === "asOf").map((i) => i.message)).toEqual([
      "must be a date (YYYY-MM-DD) or a month (YYYY-MM)",
    ]);
  });
});
