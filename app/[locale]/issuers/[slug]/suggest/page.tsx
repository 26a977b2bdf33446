import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Suspense } from "react";

import { fromUtcDate } from "@/lib/domain/dates";
import { SUGGESTION_FIELDS } from "@/lib/domain/schemas/suggestion";
import { formatDay } from "@/lib/i18n/dates";
import { currentLocale } from "@/lib/i18n/server";
import { db } from "@/lib/server/db";
import { issueFormStamp } from "@/lib/server/suggestions/tokens";
import { localizeHref } from "@/i18n/routing";

// Rendered per request (each form carries a fresh signed stamp), never cached,
// and it reads no session: readers need no account.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("issuer.suggest");
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function SuggestForm({ params, searchParams }: Props) {
  await connection();
  const { slug } = await params;
  const report = (await searchParams).report;
  const reportId = typeof report === "string" ? report : "";
  const [t, locale] = await Promise.all([getTranslations("issuer.suggest"), currentLocale()]);
  const issuer = await db().issuer.findUnique({
    where: { slug },
    select: {
      name: true,
      slug: true,
      attestations: {
        where: { state: { in: ["published", "retracted"] } },
        orderBy: { asOf: "desc" },
        select: { id: true, asOf: true, asOfPrecision: true, state: true },
      },
    },
  });
  if (!issuer) notFound();
  const chosen = issuer.attestations.find((a) => a.id === reportId);
  const open = issuer.attestations.filter((a) => a.state === "published");
  return (
    <article className="suggest">
      <h1>{t("title", { name: issuer.name })}</h1>
      <p className="lede">{t("lede")}</p>
      {chosen?.state === "retracted" ? (
        <p className="form-message error" role="alert">
          {t.rich("retracted", {
            name: issuer.name,
            back: (chunks) => <a href={localizeHref(`/issuers/${issuer.slug}`, locale)}>{chunks}</a>,
          })}
        </p>
      ) : (
        <form
          method="post"
          action={localizeHref(`/issuers/${issuer.slug}/suggest/submit`, locale)}
          className="stack"
          data-testid="suggest-form"
        >
          <input type="hidden" name="stamp" value={issueFormStamp()} />
          {/* A honeypot: hidden from people and screen readers; automated posters fill it. A class, not
              an inline style: the site's CSP (style-src 'self') ignores style attributes. */}
          <div aria-hidden="true" className="hp">
            <label htmlFor="s-website">{t("honeypot")}</label>
            <input id="s-website" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
          </div>
          <div className="field">
            <label htmlFor="s-report">{t("report")}</label>
            <select id="s-report" name="reportId" defaultValue={chosen?.id ?? ""}>
              <option value="">{t("wholeIssuer")}</option>
              {open.map((a) => (
                <option key={a.id} value={a.id}>
                  {t("reportAsOf", { date: formatDay(fromUtcDate(a.asOf), locale, a.asOfPrecision) })}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="s-field">{t("field")}</label>
            <select id="s-field" name="field" required defaultValue="total_reserves">
              {SUGGESTION_FIELDS.map((f) => (
                <option key={f} value={f}>
                  {t(`fields.${f}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="s-figure">{t("figure")}</label>
            <input id="s-figure" name="figure" required maxLength={300} placeholder={t("figurePlaceholder")} />
          </div>
          <div className="field">
            <label htmlFor="s-value">{t("proposedValue")}</label>
            <textarea id="s-value" name="proposedValue" required maxLength={1000} rows={3} />
          </div>
          <div className="field">
            <label htmlFor="s-source">{t("sourceUrl")}</label>
            <input id="s-source" name="sourceUrl" type="url" required maxLength={2000} placeholder={t("sourceUrlPlaceholder")} />
          </div>
          <div className="field">
            <label htmlFor="s-contact">{t("contact")}</label>
            <input id="s-contact" name="contact" maxLength={300} autoComplete="email" />
          </div>
          <button className="btn" type="submit">
            {t("send")}
          </button>
          <p className="sub">{t("rateLimit")}</p>
        </form>
      )}
    </article>
  );
}

export default async function SuggestPage(props: Props) {
  const t = await getTranslations("issuer.suggest");
  return (
    <Suspense fallback={<p>{t("loading")}</p>}>
      <SuggestForm {...props} />
    </Suspense>
  );
}
