import "server-only";

// Live worked examples for the methodology page: for each metric, one real
// published row of the database, run through the very function the metric's
// definition names (lib/domain/metrics/definitions.ts `implementation`), the
// same call the issuer pages make. The page words the result from the
// catalogue; this read model returns data only (codes, numbers, dates).
//
// Which row (deterministic, documented on the page as methodology.live.rule.<id>):
//   Candidates are published reports (drafts and retracted reports never count).
//   Report-level metrics take the first report, in the order below, that has the
//   inputs the metric needs; issuer-level metrics (cadence adherence, overdue,
//   longest gap) take the first issuer, ordered by its latest report the same way.
//   Order: real issuers before demo issuers (a demo row is used only when no
//   real row has the inputs), then the most recent effective as-of date first
//   (a month-only date counts as the month's last day), then issuer slug,
//   report type and report id, ascending.
//   Inputs needed:
//     coverage_ratio           total reserves and non-zero tokens outstanding
//     composition_shares       total reserves above zero and at least one composition line with an amount
//     not_captured             total reserves above zero and composition lines that all have an amount
//     other_undisclosed_share  an "other / undisclosed" composition line
//     eligible_share           composition lines (framework: US GENIUS Act)
//     mica_deposit_floor       composition lines including a cash and deposits line
//     publication_lag          a publication date
//     cadence_adherence        a declared cadence and at least two published reports
//     overdue                  a declared cadence and at least one report with a publication date
//     longest_gap              at least two distinct as-of dates up to today
//     liquidity_ladder         a reported ladder or composition lines
//     concentration            a composition line naming a bank or custodian
//     change_since_previous    composition lines, and composition lines in the previous published report too
//   No row with the inputs: null (the page says so).
import { cacheLife, cacheTag } from "next/cache";

import { buildLiveWorkedExamples, type LiveWorkedExamples } from "@/lib/domain/metrics/worked-examples";
import { readDb } from "@/lib/server/db";

import { attestationInclude, toAttestationData } from "./mappers";
import { PUBLISHED_DATA, TAGS } from "./tags";
import { todayUtc } from "./today";

/** One live worked example per metric, from published rows of the database (cached; expires when published data changes). */
export async function liveWorkedExamples(): Promise<LiveWorkedExamples> {
  "use cache";
  cacheTag(TAGS.attestations, TAGS.issuers, TAGS.stressEvents);
  cacheLife(PUBLISHED_DATA);
  const [rows, today] = await Promise.all([
    readDb().attestation.findMany({
      where: { state: "published" },
      include: { ...attestationInclude, issuer: { select: { slug: true, name: true, isDemo: true, declaredCadence: true } } },
    }),
    todayUtc(),
  ]);
  return buildLiveWorkedExamples(
    rows.map((r) => ({ issuer: r.issuer, a: toAttestationData(r) })),
    today,
  );
}
