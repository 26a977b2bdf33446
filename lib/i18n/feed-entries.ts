// Feed data → Atom entries: what a reader of the feed sees for each report and
// stress event, in English (the feeds link the English pages). Figures are shown
// with their precision (≈, ≥) and the coverage ratio is labelled as computed, as
// on the pages. The Atom writer itself is lib/domain/feeds/atom.ts.
import { formatAsOf } from "@/lib/domain/dates";
import { atomFeed, tagUri, type AtomEntry } from "@/lib/domain/feeds/atom";
import { coverageRatio } from "@/lib/domain/metrics/coverage";
import { REPORT_TYPE_LABELS, SOURCE_KIND_LABELS, STRESS_KIND_LABELS } from "@/lib/domain/taxonomy";
import type { AttestationData, Figure, StressEventData } from "@/lib/domain/types";
import { formatPct, formatUsdCompact } from "@/lib/i18n/numbers";

export interface FeedSite {
  /** https://host[:port], no trailing slash. */
  origin: string;
}

const usd = (f: Figure | null) => (f ? formatUsdCompact(f.value, f.precision) : "not reported");
const host = (origin: string) => new URL(origin).hostname;

export function reportEntry(
  site: FeedSite,
  r: { attestation: AttestationData; issuerName: string; published: string; updated: string },
): AtomEntry {
  const a = r.attestation;
  const coverage = coverageRatio(a);
  const retracted = a.state === "retracted";
  const parts = [
    `Total reserves ${usd(a.totalReserves)}; tokens outstanding ${usd(a.tokensOutstanding)}.`,
    coverage.coveragePct.value !== null
      ? `Coverage ratio (computed by USD1 Backed): ${formatPct(coverage.coveragePct, 1)}${coverage.onGroupTotals ? ", on group totals" : ""}.`
      : "",
    a.firm ? `Firm: ${a.firm}.` : "",
    `Published ${a.publishedOn ?? "on an unknown date"}; figures read from ${SOURCE_KIND_LABELS[a.sourceKind].toLowerCase()}.`,
    retracted ? `Retracted: ${a.retractedReason ?? "no reason given"}.` : "",
  ];
  return {
    id: tagUri(host(site.origin), `attestation/${a.id}`),
    title: `${r.issuerName}: ${REPORT_TYPE_LABELS[a.reportType].toLowerCase()} as of ${formatAsOf(a.asOf, a.asOfPrecision)}${retracted ? " (retracted)" : ""}`,
    updated: r.updated,
    published: r.published,
    link: `${site.origin}/en/issuers/${a.issuerSlug}`,
    summary: parts.filter(Boolean).join(" "),
    categories: ["attestation", a.reportType],
  };
}

export function stressEntry(
  site: FeedSite,
  s: { event: StressEventData; issuerName: string; published: string; updated: string },
): AtomEntry {
  const e = s.event;
  const when = e.startDate ? ` from ${e.startDate}${e.endDate && e.endDate !== e.startDate ? ` to ${e.endDate}` : ""}` : "";
  const parts = [
    e.summary,
    e.lowestPrice ? `Lowest price reported: $${e.lowestPrice}.` : "",
    e.reserveExposureUsd ? `Reserves exposed: ${usd(e.reserveExposureUsd)}.` : "",
  ];
  return {
    id: tagUri(host(site.origin), `stress-event/${e.id}`),
    title: `${s.issuerName}: ${STRESS_KIND_LABELS[e.kind].toLowerCase()}${when}`,
    updated: s.updated,
    published: s.published,
    link: `${site.origin}/en/issuers/${e.issuerSlug}`,
    summary: parts.filter(Boolean).join(" "),
    categories: ["stress_event", e.kind],
  };
}

/** A feed of entries, newest change first; an empty feed is dated at the epoch rather than "now" so it stays cacheable. */
export function feedDocument(
  site: FeedSite,
  opts: { path: string; page: string; title: string; subtitle: string; entries: AtomEntry[] },
): string {
  const entries = [...opts.entries].sort((x, y) => y.updated.localeCompare(x.updated));
  return atomFeed({
    id: tagUri(host(site.origin), `feed${opts.path}`),
    title: opts.title,
    subtitle: opts.subtitle,
    updated: entries[0]?.updated ?? "1970-01-01T00:00:00.000Z",
    self: `${site.origin}${opts.path}`,
    alternate: `${site.origin}${opts.page}`,
    author: "USD1 Backed",
    entries,
  });
}
