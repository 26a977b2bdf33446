import { getTranslations } from "next-intl/server";

import type { Measured } from "@/lib/domain/precision";
import type { ReserveCategory } from "@/lib/domain/taxonomy";
import { type ComparisonRow } from "@/lib/domain/views/comparison";
import type { LearnLiveData, LiveBlockId } from "@/lib/domain/views/learn";
import { CATEGORY_COLORS } from "@/lib/charts/palette";
import { numberFormatters } from "@/lib/i18n/format";
import { taxonomyLabels } from "@/lib/i18n/labels";
import { localizeDigits } from "@/lib/i18n/numbers";
import { Link } from "@/components/i18n/link";
import { DateText } from "@/components/ui/date-text";

// Live data beside the Learn pages' explanations, handed down by the page from the
// same cached read models as the issuer pages (learnLiveData), so a new report changes these blocks at
// the next publish. Each figure carries its precision mark and links to the
// issuer page that lists its source report.

interface Row {
  key: string;
  slug: string;
  /** The issuer's name, or for a history row its as-of date (shown as a date). */
  name: string;
  nameIsDate?: boolean;
  isDemo: boolean;
  value: string;
  /** 0–100 for the bar, when the figure is a share. */
  bar?: { pct: number; color: string } | undefined;
  note?: string | undefined;
  asOf?: string | null | undefined;
  /** The report (or source) the figure was read from: every published number links to it. */
  source?: string | null | undefined;
}

const share = (row: ComparisonRow, c: ReserveCategory) => row.composition?.parts.find((p) => p.category === c)?.pct ?? 0;
const measuredNumber = (m: Measured | null) => (m && m.value !== null ? Number(m.value) : null);

export async function LiveBlock({ id, caption, data }: { id: LiveBlockId; caption: React.ReactNode; data: LearnLiveData }) {
  const t = await getTranslations("learn.live");
  const f = await numberFormatters();
  const L = await taxonomyLabels();
  let rows: Row[] = [];
  let columns = { value: t("share") };

  if (id === "mostly-treasury-bills" || id === "mostly-cash-deposits") {
    const category: ReserveCategory = id === "mostly-treasury-bills" ? "tbills_93d" : "cash_deposits";
    const all = data.comparison;
    rows = all
      .filter((r) => share(r, category) > 50)
      .sort((a, b) => share(b, category) - share(a, category))
      .map((r) => ({
        key: r.issuer.slug,
        slug: r.issuer.slug,
        name: r.issuer.name,
        isDemo: r.issuer.isDemo,
        value: f.pct({ value: String(share(r, category)), bound: "approx" }, 1),
        bar: { pct: share(r, category), color: CATEGORY_COLORS[category] },
        asOf: r.composition?.asOf,
        source: r.composition?.sourceUrl,
      }));
    columns = { value: L.category(category) };
  } else if (id === "onchain-collateral") {
    const all = data.comparison;
    rows = all
      .filter((r) => r.issuer.backingModel !== "fiat_reserve" || share(r, "onchain_crypto") > 0)
      .map((r) => ({
        key: r.issuer.slug,
        slug: r.issuer.slug,
        name: r.issuer.name,
        isDemo: r.issuer.isDemo,
        value: L.backingModel(r.issuer.backingModel),
        note:
          share(r, "onchain_crypto") > 0
            ? `${L.category("onchain_crypto")}: ${f.pct({ value: String(share(r, "onchain_crypto")), bound: "approx" }, 1)}`
            : undefined,
        asOf: r.composition?.asOf,
        source: r.composition?.sourceUrl,
      }));
    columns = { value: t("backingModel") };
  } else if (id === "coverage") {
    const all = data.comparison;
    rows = all
      .filter((r) => measuredNumber(r.coveragePct) !== null)
      .sort((a, b) => (measuredNumber(b.coveragePct) ?? 0) - (measuredNumber(a.coveragePct) ?? 0))
      .map((r) => ({
        key: r.issuer.slug,
        slug: r.issuer.slug,
        name: r.issuer.name,
        isDemo: r.issuer.isDemo,
        value: f.pct(r.coveragePct!, 1),
        note: r.coverageOnGroupTotals ? t("groupTotals") : undefined,
        asOf: r.coverageAsOf ?? r.latest?.asOf,
        source: r.coverageSourceUrl,
      }));
    columns = { value: t("coverage") };
  } else if (id === "other-undisclosed") {
    const all = data.comparison;
    rows = all
      .filter((r) => r.composition)
      .map((r) => ({
        r,
        opaque: share(r, "other_undisclosed") + (r.composition?.parts.find((p) => p.category === "not_captured")?.pct ?? 0),
      }))
      .sort((a, b) => b.opaque - a.opaque)
      .map(({ r, opaque }) => ({
        key: r.issuer.slug,
        slug: r.issuer.slug,
        name: r.issuer.name,
        isDemo: r.issuer.isDemo,
        value: f.pct({ value: String(opaque), bound: "approx" }, 1),
        bar: { pct: opaque, color: CATEGORY_COLORS.other_undisclosed },
        note: t("opaqueSplit", {
          other: f.pct({ value: String(share(r, "other_undisclosed")), bound: "approx" }, 1),
          missing: f.pct({ value: String(r.composition?.parts.find((p) => p.category === "not_captured")?.pct ?? 0), bound: "approx" }, 1),
        }),
        asOf: r.composition?.asOf,
        source: r.composition?.sourceUrl,
      }));
    columns = { value: t("opaque") };
  } else if (id === "eligibility") {
    const all = data.comparison;
    rows = all
      .filter((r) => r.geniusEligible)
      .sort((a, b) => (measuredNumber(b.geniusEligible!.share) ?? -1) - (measuredNumber(a.geniusEligible!.share) ?? -1))
      .map((r) => {
        const s = r.geniusEligible!.share;
        return {
          key: r.issuer.slug,
          slug: r.issuer.slug,
          name: r.issuer.name,
          isDemo: r.issuer.isDemo,
          value: s ? f.pct(s, 1) : t("notAssessed"),
          bar: s && s.value !== null ? { pct: Number(s.value), color: CATEGORY_COLORS.tbills_93d } : undefined,
          asOf: r.composition?.asOf,
          source: r.composition?.sourceUrl,
        };
      });
    columns = { value: t("eligible") };
  } else if (id === "report-types" || id === "publication-lag") {
    const { issuers } = data.facts;
    if (id === "report-types") {
      rows = issuers
        .filter((i) => Object.values(i.reportsByType).some((n) => n > 0))
        .map((i) => ({
          key: i.slug,
          slug: i.slug,
          name: i.name,
          isDemo: i.isDemo,
          value: Object.entries(i.reportsByType)
            .filter(([, n]) => n > 0)
            .map(([type, n]) => `${L.reportType(type as Parameters<typeof L.reportType>[0])}: ${n}`)
            .join(" · "),
          asOf: i.latestAsOf,
          source: i.latestReportUrl,
        }));
      columns = { value: t("reports") };
    } else {
      rows = issuers
        .filter((i) => i.medianLagDays !== null)
        .sort((a, b) => (a.medianLagDays ?? 0) - (b.medianLagDays ?? 0))
        .map((i) => ({
          key: i.slug,
          slug: i.slug,
          name: i.name,
          isDemo: i.isDemo,
          value: t("days", { count: i.medianLagDays ?? 0 }),
          note: t("lagsMeasured", { count: i.lagsMeasured }),
          asOf: i.latestAsOf,
          source: i.latestReportUrl,
        }));
      columns = { value: t("medianLag") };
    }
  } else if (id === "stress-events") {
    const events = data.stressEvents.slice(0, 6);
    rows = events.map(({ event, issuerName, isDemo }) => ({
      key: event.id,
      slug: event.issuerSlug,
      name: issuerName,
      isDemo,
      value:
        L.stressKind(event.kind) + (event.lowestPrice ? ` · ${t("lowest", { price: localizeDigits(event.lowestPrice, f.locale) })}` : ""),
      note: event.summary,
      asOf: event.startDate,
      source: event.sources[0]?.url,
    }));
    columns = { value: t("event") };
  } else if (id === "commercial-paper-history") {
    const { history } = data.facts;
    rows = (history?.points ?? []).map((p) => ({
      key: p.asOf,
      slug: history!.slug,
      name: p.asOf,
      nameIsDate: true,
      isDemo: false,
      value: f.pct(p.sharePct, 1),
      bar: p.sharePct.value !== null ? { pct: Number(p.sharePct.value), color: CATEGORY_COLORS.commercial_paper_cds } : undefined,
      asOf: p.asOf,
      source: p.reportUrl,
    }));
    columns = { value: L.category("commercial_paper_cds") };
  }

  const isHistory = id === "commercial-paper-history";
  const maxBar = Math.max(100, ...rows.map((r) => r.bar?.pct ?? 0));
  return (
    <figure className="live-block" data-live={id}>
      <figcaption>
        <span className="live-label">{t("label")}</span> {caption}
      </figcaption>
      {rows.length === 0 ? (
        <p className="sub">{t("none")}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{isHistory ? t("asOf") : t("issuer")}</th>
                <th scope="col">{columns.value}</th>
                {!isHistory && <th scope="col">{t("asOf")}</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">
                    {isHistory && r.source ? (
                      <a href={r.source} rel="noopener noreferrer" title={t("sourceLink")}>
                        {r.nameIsDate ? <DateText iso={r.name} locale={f.locale} /> : r.name}
                      </a>
                    ) : (
                      <Link href={`/issuers/${r.slug}${isHistory ? "#reports" : ""}`}>
                        {r.nameIsDate ? <DateText iso={r.name} locale={f.locale} /> : r.name}
                      </Link>
                    )}
                    {r.isDemo && (
                      <>
                        {" "}
                        <span className="badge demo">{t("demo")}</span>
                      </>
                    )}
                  </th>
                  <td>
                    {r.bar && (
                      <svg className="live-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                        <rect width="100" height="8" fill="currentColor" opacity="0.12" />
                        <rect width={(r.bar.pct / maxBar) * 100} height="8" fill={r.bar.color} />
                      </svg>
                    )}
                    <span className="num">{r.value}</span>
                    {r.note && <span className="sub live-note">{r.note}</span>}
                  </td>
                  {!isHistory && (
                    <td>
                      {r.asOf == null ? (
                        "–"
                      ) : r.source ? (
                        <a href={r.source} rel="noopener noreferrer" title={t("sourceLink")}>
                          <DateText iso={r.asOf} locale={f.locale} />
                        </a>
                      ) : (
                        <DateText iso={r.asOf} locale={f.locale} />
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="sub live-source">{t("source")}</p>
    </figure>
  );
}
