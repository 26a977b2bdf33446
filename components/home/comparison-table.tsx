import { getTranslations } from "next-intl/server";

import { formatAsOf, utcMinute } from "@/lib/domain/dates";
import { BACKING_MODELS, ISSUER_STATUSES, type ReserveCategory } from "@/lib/domain/taxonomy";
import { homeJurisdictions, type ComparisonRow } from "@/lib/domain/views/comparison";
import type { LiveSupplyTotals } from "@/lib/domain/views/live";
import { CATEGORY_COLORS } from "@/lib/charts/palette";
import { numberFormatters, type NumberFormatters } from "@/lib/i18n/format";
import { taxonomyLabels, type TaxonomyLabels } from "@/lib/i18n/labels";
import { localizeDigits } from "@/lib/i18n/numbers";
import { localizeHref } from "@/i18n/routing";
import { Link } from "@/components/i18n/link";
import { eligibilityReason } from "@/components/issuer/eligibility-reason";

import { IssuerTable, type TableLabels, type TableRow, type Watch } from "./issuer-table";

type Translate = Awaited<ReturnType<typeof getTranslations>>;

function toTableRow(r: ComparisonRow, t: Translate, common: Translate, f: NumberFormatters, L: TaxonomyLabels, tr: Translate): TableRow {
  const cov = r.coveragePct;
  const other = r.otherUndisclosedPct;
  const boundNote = (b: string) => (b === "approx" || b === "lower" || b === "upper" ? t(`boundNote.${b}`) : "");
  const overdue =
    r.overdue.status === "overdue" && r.overdue.daysOverdue !== null
      ? t("overdue", { count: r.overdue.daysOverdue })
      : r.overdue.status === "expected_between"
        ? t("dueNow")
        : "";
  const categoryLabel = (c: { category: ReserveCategory | "not_captured" }) =>
    c.category === "not_captured" ? t("notCapturedByUs") : L.category(c.category);
  return {
    slug: r.issuer.slug,
    href: localizeHref(`/issuers/${r.issuer.slug}`, f.locale),
    name: r.issuer.name,
    symbols: r.issuer.tokenSymbols.join(", "),
    isDemo: r.issuer.isDemo,
    backing: r.issuer.backingModel,
    backingLabel: L.backingModel(r.issuer.backingModel),
    status: r.issuer.status,
    statusLabel: L.issuerStatus(r.issuer.status),
    jurisdiction: r.issuer.homeJurisdiction ?? "",
    selectLabel: t("selectIssuer", { name: r.issuer.name }),
    coverage: {
      text: cov && cov.value !== null ? f.pct(cov, 1) : t("na"),
      title: cov ? [boundNote(cov.bound), cov.reason].filter(Boolean).join(": ") || t("coverageTitle") : t("noReport"),
      sort: cov && cov.value !== null ? Number(cov.value) : null,
      note:
        [r.coverageOnGroupTotals ? t("groupTotals") : null, r.coverageAsOf ? common("asOf", { date: f.date(r.coverageAsOf) }) : null]
          .filter(Boolean)
          .join(", ") || null,
    },
    bar: r.composition
      ? {
          label: t("compositionLabel", {
            date: f.date(r.composition.asOf),
            parts: r.composition.parts
              .map((p) =>
                t("compositionPart", {
                  category: p.category === "not_captured" ? t("notCapturedByUsLower") : L.category(p.category),
                  pct: `${localizeDigits(p.pct.toFixed(1), f.locale)}%`,
                }),
              )
              .join(", "),
          }),
          parts: r.composition.parts.map((p) => ({
            key: p.category,
            label: categoryLabel(p),
            pct: p.pct,
            color: p.category === "not_captured" ? null : CATEGORY_COLORS[p.category],
          })),
        }
      : null,
    other: {
      text: other && other.value !== null ? f.pct(other, 1) : r.composition ? t("noneStated") : t("na"),
      title: other?.reason ?? t("otherTitle"),
      sort: other && other.value !== null ? Number(other.value) : null,
    },
    eligible: {
      text: r.geniusEligible?.share && r.geniusEligible.share.value !== null ? f.pct(r.geniusEligible.share, 0) : t("notAssessed"),
      title: r.geniusEligible ? t("eligibleTitle", { reason: eligibilityReason(r.geniusEligible.why, tr, f.locale) }) : t("noComposition"),
      sort: r.geniusEligible?.share?.value != null ? Number(r.geniusEligible.share.value) : null,
    },
    lastAsOf: r.latest
      ? {
          text: f.date(r.latest.asOf, r.latest.asOfPrecision),
          iso: formatAsOf(r.latest.asOf, r.latest.asOfPrecision),
          href: r.latest.sourceUrl ?? r.latest.reportUrl,
          daysSince: r.daysSinceAsOf,
          ago: r.daysSinceAsOf !== null ? t("daysAgo", { count: r.daysSinceAsOf }) : null,
        }
      : null,
    cadence: {
      declared: L.cadence(r.issuer.declaredCadence),
      summary: [
        r.expectedLast12Months !== null
          ? t("foundOfExpected", { found: r.reportsLast12Months, expected: r.expectedLast12Months })
          : t("found", { found: r.reportsLast12Months }),
        overdue,
      ]
        .filter(Boolean)
        .join(" · "),
      sort: r.expectedLast12Months ? r.reportsLast12Months / r.expectedLast12Months : null,
    },
    stress: r.stressEventCount,
    live: null,
  };
}

/**
 * The comparison table. Given the first rows only (the home page: `total` issuers in all, the first of
 * them in the table's default order, A to Z), it says so and links to the full table (/issuers), which
 * any sort or filter opens: the first rows alone are never sorted or filtered as if they were all.
 */
export async function ComparisonTable({
  rows,
  today,
  supply,
  pinned = null,
  total = rows.length,
  jurisdictions = homeJurisdictions(rows.map((r) => r.issuer)),
}: {
  rows: ComparisonRow[];
  today: string;
  supply: LiveSupplyTotals;
  pinned?: string[] | null;
  /** Every issuer, when `rows` holds the first of them only. */
  total?: number;
  /** Every issuer's home jurisdiction (the filter's choices), when `rows` holds the first issuers only. */
  jurisdictions?: string[];
}) {
  const [t, common, f, L, tr, tw] = await Promise.all([
    getTranslations("home.table"),
    getTranslations("common"),
    numberFormatters(),
    taxonomyLabels(),
    getTranslations("issuer.eligibilityReason"),
    getTranslations("follow.watch"),
  ]);
  const watch: Watch = {
    base: localizeHref("/watchlist", f.locale),
    fixed: pinned,
    labels: {
      // Placeholders filled in the browser.
      pin: tw("pin", { name: "{name}" }),
      unpin: tw("unpin", { name: "{name}" }),
      show: tw("show", { count: "{count}" }),
      share: tw("share"),
      all: tw("all"),
      column: tw("column"),
    },
  };
  const compactTokens = new Intl.NumberFormat(f.locale, { notation: "compact", maximumFractionDigits: 1 });
  const labels: TableLabels = {
    filters: t("filters"),
    backingModel: t("col.backingModel"),
    status: t("status"),
    jurisdiction: t("jurisdiction"),
    all: t("all"),
    // Placeholders filled in the browser.
    compareSelected: t("compareSelected", { count: "{count}" }),
    shown: t("shown", { visible: "{visible}", total: "{total}" }),
    caption: t("caption"),
    selectToCompare: t("selectToCompare"),
    issuer: t("col.issuer"),
    coverage: t("col.coverage"),
    composition: t("col.composition"),
    other: t("col.other"),
    eligible: t("col.eligible"),
    lastReport: t("col.lastReport"),
    cadence: t("col.cadence"),
    stress: t("col.stress"),
    demo: common("demo"),
    notCaptured: t("notCaptured"),
    none: t("none"),
    // Placeholders filled in the browser.
    partial: t("partial", { shown: "{shown}", total: "{total}" }),
    allIssuers: t("allIssuers", { total: "{total}" }),
  };
  return (
    <>
      <IssuerTable
        rows={rows.map((r) => {
          const row = toTableRow(r, t, common, f, L, tr);
          const live = supply[r.issuer.slug];
          if (!live) return row;
          const tokens = compactTokens.format(Number(live.amount));
          const at = utcMinute(live.oldestReadAt);
          return {
            ...row,
            live: { text: t(live.complete ? "liveSupply" : "liveSupplyPartial", { tokens }), title: t("liveSupplyTitle", { at }) },
          };
        })}
        jurisdictions={jurisdictions}
        backings={BACKING_MODELS.map((key) => ({ key, label: L.backingModel(key) }))}
        statuses={ISSUER_STATUSES.map((key) => ({ key, label: L.issuerStatus(key) }))}
        compareHref={localizeHref("/compare", f.locale)}
        labels={labels}
        watch={watch}
        total={total}
        allHref={rows.length < total ? localizeHref("/issuers", f.locale) : null}
      />
      <p className="sub">
        {t.rich("footer", {
          today: f.date(today),
          methodology: (chunks) => <a href={localizeHref("/methodology", f.locale)}>{chunks}</a>,
          download: (chunks) => (
            <a download href="/data/issuers.csv" data-testid="download-csv">
              {chunks}
            </a>
          ),
          columns: (chunks) => <Link href="/data#csv-issuers">{chunks}</Link>,
        })}
      </p>
    </>
  );
}
