// The methodology page's worked examples without a database: which row each metric takes.
import { describe, expect, it } from "vitest";

import { METRIC_IDS } from "@/lib/domain/metrics/definitions";
import { buildLiveWorkedExamples } from "@/lib/domain/metrics/worked-examples";

describe("worked examples (pure)", () => {
  it("gives null for a metric no row has the inputs for, and prefers real issuers to newer demo ones", async () => {
    const empty = buildLiveWorkedExamples([], "2026-01-01");
    for (const id of METRIC_IDS) expect(empty[id], id).toBeNull();

    const row = (slug: string, isDemo: boolean, asOf: string) => ({
      issuer: { slug, name: slug, isDemo, declaredCadence: "monthly" as const },
      a: {
        id: `${slug}-${asOf}`,
        issuerSlug: slug,
        asOf,
        asOfPrecision: "day" as const,
        publishedOn: null,
        reportType: "attestation" as const,
        assurance: "examination" as const,
        firm: null,
        standard: null,
        opinion: "unqualified" as const,
        scope: "reserves_and_tokens" as const,
        reportUrl: null,
        reportSha256: null,
        sourceUrl: null,
        sourceKind: "primary" as const,
        tokensOutstanding: { value: "100", precision: "exact" as const },
        totalReserves: { value: "101", precision: "exact" as const },
        liquidity: { within1dPct: null, within7dPct: null, within30dPct: null },
        notes: null,
        state: "published" as const,
        revision: 1,
        retractedReason: null,
        composition: [],
      },
    });
    const built = buildLiveWorkedExamples(
      [row("demo-new", true, "2025-06-30"), row("real-old", false, "2024-01-31"), row("real-new", false, "2024-02-29")],
      "2026-01-01",
    );
    expect(built.coverage_ratio?.issuer.slug).toBe("real-new");
    // No composition lines anywhere: the composition metrics have no row.
    expect(built.composition_shares).toBeNull();
    expect(built.concentration).toBeNull();
    // No publication dates: no lag, and no issuer whose overdue window comes from its own lags.
    expect(built.publication_lag).toBeNull();
    expect(built.overdue).toBeNull();
  });
});
