import type { Metadata } from "next";
import { Fragment } from "react";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/i18n/link";
import { CsvColumns } from "@/components/data/csv-columns";
import { ApiReference } from "@/components/data/api-reference";
import { currentLocale } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("data");
  return {
    title: t("meta.title"),
    description: t("meta.description"),
    alternates: {
      types: {
        "application/atom+xml": [
          { url: "/feeds/attestations.xml", title: t("meta.feedReports") },
          { url: "/feeds/stress-events.xml", title: t("meta.feedStress") },
        ],
      },
    },
  };
}

const EXAMPLE = "circle";

// Addresses, parameter and field names shown to readers: data, the same in every language.
const CODE = {
  issuer: "issuer",
  from: "from",
  to: "to",
  bom: "bom=1",
  reportsExample: `/data/reports.csv?issuer=${EXAMPLE}`,
  compositionExample: "/data/composition.csv?from=2023-01-01&to=2024-12-31",
  openApi: "/api/v1/openapi.json",
  exact: "exact",
  rounded: "rounded",
  lowerBound: "lower_bound",
  computed: "computed",
  limit: "limit",
  nextCursor: "page.nextCursor",
  cursor: "cursor",
  etag: "ETag",
  ifNoneMatch: "If-None-Match",
  notModified: "304 Not Modified",
  feedReports: "/feeds/attestations.xml",
  feedStress: "/feeds/stress-events.xml",
  feedIssuer: `/feeds/issuers/${EXAMPLE}.xml`,
  embedComposition: "/embed/issuers/<slug>/composition",
  embedCoverage: "/embed/issuers/<slug>/coverage",
} as const;

const API_EXAMPLES = [
  "/api/v1/issuers",
  `/api/v1/issuers/${EXAMPLE}`,
  `/api/v1/issuers/${EXAMPLE}/attestations?limit=5`,
  "/api/v1/attestations?from=2024-01-01",
  "/api/v1/stress-events?issuer=tether,circle",
] as const;

const embedSample = (title: string) =>
  `<iframe src="https://<this site>/embed/issuers/${EXAMPLE}/composition" title="${title}" width="640" height="420" loading="lazy" style="border:0"></iframe>`;

export default async function DataPage() {
  const t = await getTranslations("data");
  const locale = await currentLocale();
  const code = (chunks: React.ReactNode) => <code>{chunks}</code>;
  const sample = embedSample(t("embed.sampleTitle"));
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lede">{t("lede")}</p>
      {locale !== "en" && <p className="sub">{t("englishNote")}</p>}

      <section aria-labelledby="csv-h">
        <h2 id="csv-h">{t("csv.heading")}</h2>
        <p>{t.rich("csv.intro", { link: (chunks) => <Link href="/sources">{chunks}</Link> })}</p>
        <ul>
          <li>
            {t.rich("csv.filterIssuer", {
              code,
              param: CODE.issuer,
              url: CODE.reportsExample,
              example: (chunks) => (
                <a download href={CODE.reportsExample}>
                  <code>{chunks}</code>
                </a>
              ),
            })}
          </li>
          <li>
            {t.rich("csv.filterDates", {
              code,
              from: CODE.from,
              to: CODE.to,
              url: CODE.compositionExample,
              example: (chunks) => (
                <a download href={CODE.compositionExample}>
                  <code>{chunks}</code>
                </a>
              ),
            })}
          </li>
          <li>{t.rich("csv.filterBom", { code, param: CODE.bom })}</li>
        </ul>
        <CsvColumns />
      </section>

      <section aria-labelledby="api-h">
        <h2 id="api-h">{t("api.heading")}</h2>
        <p>
          {t.rich("api.intro", {
            code,
            spec: (chunks) => (
              <a href={CODE.openApi}>
                <code>{chunks}</code>
              </a>
            ),
            specUrl: CODE.openApi,
            exact: CODE.exact,
            rounded: CODE.rounded,
            lowerBound: CODE.lowerBound,
            computed: CODE.computed,
            limit: CODE.limit,
            nextCursor: CODE.nextCursor,
            cursor: CODE.cursor,
            etag: CODE.etag,
            ifNoneMatch: CODE.ifNoneMatch,
            notModified: CODE.notModified,
          })}
        </p>
        <p>
          {t("api.examples")}{" "}
          {API_EXAMPLES.map((href, i) => (
            <Fragment key={href}>
              {i > 0 && " · "}
              <a href={href}>{href}</a>
            </Fragment>
          ))}
        </p>
        <ApiReference />
      </section>

      <section aria-labelledby="feeds-h">
        <h2 id="feeds-h">{t("feeds.heading")}</h2>
        <p>{t("feeds.intro")}</p>
        <ul>
          <li>{t.rich("feeds.reports", { url: CODE.feedReports, feed: (chunks) => <a href={CODE.feedReports}>{chunks}</a> })}</li>
          <li>{t.rich("feeds.stress", { url: CODE.feedStress, feed: (chunks) => <a href={CODE.feedStress}>{chunks}</a> })}</li>
          <li>{t.rich("feeds.issuer", { url: CODE.feedIssuer, feed: (chunks) => <a href={CODE.feedIssuer}>{chunks}</a> })}</li>
        </ul>
      </section>

      <section aria-labelledby="embed-h">
        <h2 id="embed-h">{t("embed.heading")}</h2>
        <p>{t("embed.intro")}</p>
        <pre>
          <code>{sample}</code>
        </pre>
        <p>{t.rich("embed.paths", { code, composition: CODE.embedComposition, coverage: CODE.embedCoverage })}</p>
      </section>
    </>
  );
}
