import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";

import { MAX_COMPARED } from "@/lib/domain/views/comparison";
import { type IssuerSummary } from "@/lib/domain/views/issuer";
import { taxonomyLabels } from "@/lib/i18n/labels";
import { currentLocale } from "@/lib/i18n/server";
import { issuerSlugs } from "@/lib/server/queries/issuer";
import { getCompareView } from "@/lib/server/queries/issuer-charts";
import { getIssuerPage } from "@/lib/server/queries/issuer-page";
import { CompareCharts } from "@/components/compare/compare-charts";
import { Link } from "@/components/i18n/link";
import { DateText } from "@/components/ui/date-text";
import { Pct } from "@/components/ui/measured";
import { Usd } from "@/components/ui/money";
import { SourceLink } from "@/components/ui/source-link";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("compare");
  return { title: t("meta.title"), description: t("meta.description") };
}

/** The address form shown as an example: data, the same in every language. */
const EXAMPLE_ADDRESS = "/compare?issuers=first-issuer,second-issuer";

type Props = { searchParams: Promise<{ issuers?: string | string[] }> };

function Row({ label, models, cell }: { label: string; models: IssuerSummary[]; cell: (m: IssuerSummary) => React.ReactNode }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      {models.map((m) => (
        <td key={m.issuer.slug}>{cell(m)}</td>
      ))}
    </tr>
  );
}

async function Comparison({ searchParams }: Props) {
  const raw = (await searchParams).issuers;
  const wanted = [
    ...new Set(
      (Array.isArray(raw) ? raw.join(",") : (raw ?? ""))
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  const known = new Set(await issuerSlugs());
  const slugs = wanted.filter((s) => known.has(s)).slice(0, MAX_COMPARED);
  const unknown = wanted.filter((s) => !known.has(s));
  const [t, tc, L, locale] = await Promise.all([getTranslations("compare"), getTranslations("common"), taxonomyLabels(), currentLocale()]);
  if (slugs.length < 2) {
    return (
      <div role="status">
        <p>
          {t.rich("choose", {
            link: (chunks) => <Link href="/">{chunks}</Link>,
            code: (chunks) => <code>{chunks}</code>,
            example: EXAMPLE_ADDRESS,
          })}
        </p>
        {unknown.length > 0 && <p>{t("notFound", { list: unknown.join(", ") })}</p>}
      </div>
    );
  }
  const models = (await Promise.all(slugs.map((s) => getIssuerPage(s)))).filter((m): m is IssuerSummary => m !== null);
  return (
    <>
      {unknown.length > 0 && <p role="status">{t("notFoundLeftOut", { list: unknown.join(", ") })}</p>}
      {wanted.length > 4 && <p role="status">{t("onlyFour")}</p>}
      <div className="table-scroll">
        <table className="compare">
          <caption className="skip">{t("caption")}</caption>
          <thead>
            <tr>
              <td />
              {models.map((m) => (
                <th scope="col" key={m.issuer.slug}>
                  <Link href={`/issuers/${m.issuer.slug}`}>{m.issuer.name}</Link>{" "}
                  {m.issuer.isDemo && <span className="badge demo">{tc("demo")}</span>}
                  <div className="sub">{m.issuer.tokenSymbols.join(", ")}</div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <Row label={t("row.backingModel")} models={models} cell={(m) => L.backingModel(m.issuer.backingModel)} />
            <Row label={t("row.status")} models={models} cell={(m) => L.issuerStatus(m.issuer.status)} />
            <Row
              label={t("row.latestAsOf")}
              models={models}
              cell={(m) => (m.latest ? <DateText iso={m.latest.asOf} locale={locale} precision={m.latest.asOfPrecision} /> : t("none"))}
            />
            <Row
              label={t("row.coverage")}
              models={models}
              cell={(m) => (
                <>
                  <Pct value={m.latestCoverage?.coveragePct ?? null} />
                  {m.latestCoverage?.onGroupTotals && <div className="sub">{t("groupTotals")}</div>}
                </>
              )}
            />
            <Row label={t("row.totalReserves")} models={models} cell={(m) => <Usd figure={m.latest?.totalReserves ?? null} />} />
            <Row label={t("row.tokensOutstanding")} models={models} cell={(m) => <Usd figure={m.latest?.tokensOutstanding ?? null} />} />
            <Row
              label={t("row.otherUndisclosed")}
              models={models}
              cell={(m) => <Pct value={m.latestComposition?.otherUndisclosedPct ?? null} />}
            />
            <Row label={t("row.declaredCadence")} models={models} cell={(m) => L.cadence(m.issuer.declaredCadence)} />
            <Row
              label={t("row.medianLag")}
              models={models}
              cell={(m) => (m.cadence.medianLagDays !== null ? tc("days", { count: m.cadence.medianLagDays }) : t("unknown"))}
            />
            <Row label={t("row.reportingStatus")} models={models} cell={(m) => t(`reportingStatus.${m.cadence.overdue.status}`)} />
            <Row label={t("row.stressEvents")} models={models} cell={(m) => m.stressEvents.length} />
            <Row
              label={t("row.latestSource")}
              models={models}
              cell={(m) => (m.latest ? <SourceLink attestation={m.latest} /> : t("none"))}
            />
          </tbody>
        </table>
      </div>
      <CompareCharts
        items={await getCompareView(
          models.map((m) => m.issuer.slug),
          locale,
        )}
        locale={locale}
      />
    </>
  );
}

export default async function ComparePage(props: Props) {
  const t = await getTranslations("compare");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lede">{t("lede")}</p>
      <Suspense fallback={<p aria-busy="true">{t("loading")}</p>}>
        <Comparison {...props} />
      </Suspense>
    </>
  );
}
