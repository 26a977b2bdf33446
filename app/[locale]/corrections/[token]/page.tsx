import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Suspense } from "react";

import { SUGGESTION_FIELDS, type SuggestionFieldName } from "@/lib/domain/schemas/suggestion";
import { formatDay } from "@/lib/i18n/dates";
import { currentLocale } from "@/lib/i18n/server";
import { suggestionByFollowToken, type PublicSuggestion } from "@/lib/server/queries/suggestions";
import { localizeHref } from "@/i18n/routing";
import { Link } from "@/components/i18n/link";

// The reader's private link to a suggestion's outcome. Per request, never
// cached or indexed, no referrer leaves it, no session is read, and the
// contact is never loaded (see suggestionByFollowToken).
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("corrections");
  return { title: t("meta.title"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

type Props = { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const isField = (field: string): field is SuggestionFieldName => (SUGGESTION_FIELDS as readonly string[]).includes(field);

/** The editor's reason for declining: statusText is "declined: <reason>" (lib/server/queries/suggestions.ts). */
const DECLINED_PREFIX = "declined: ";
const declineReason = (s: PublicSuggestion) => (s.statusText.startsWith(DECLINED_PREFIX) ? s.statusText.slice(DECLINED_PREFIX.length) : "");

async function FollowView({ params, searchParams }: Props) {
  await connection();
  const { token } = await params;
  const fresh = (await searchParams).new === "1";
  const s = await suggestionByFollowToken(token);
  if (!s) notFound();
  const [t, locale] = await Promise.all([getTranslations("corrections"), currentLocale()]);
  const followHref = localizeHref(`/corrections/${token}`, locale);
  return (
    <article className="suggestion-status">
      <h1>{t("title", { issuer: s.issuerName })}</h1>
      {fresh && (
        <div className="form-message success" data-testid="suggestion-received">
          <p>{t("received")}</p>
          <p>
            {t("keepLink")}{" "}
            <a href={followHref} data-testid="follow-link">
              {followHref}
            </a>
          </p>
        </div>
      )}
      <p>
        {t.rich("status", {
          status: s.status === "declined" ? t("statusText.declined", { reason: declineReason(s) }) : t(`statusText.${s.status}`),
          strong: (chunks) => <strong data-testid="suggestion-status">{chunks}</strong>,
        })}
        {s.decidedAt && <span className="sub"> {t("decided", { date: formatDay(s.decidedAt.slice(0, 10), locale) })}</span>}
      </p>
      <dl>
        <dt>{t("figure")}</dt>
        <dd>
          {isField(s.field) ? t(`field.${s.field}`) : s.field}: {s.figure}
        </dd>
        <dt>{t("proposed")}</dt>
        <dd data-testid="suggestion-proposed">{s.proposedValue}</dd>
        <dt>{t("source")}</dt>
        <dd>
          <a href={s.sourceUrl} rel="noopener noreferrer nofollow">
            {s.sourceUrl}
          </a>
        </dd>
        <dt>{t("sent")}</dt>
        <dd>
          <time dateTime={s.createdAt}>
            {t("sentAt", { time: `${formatDay(s.createdAt.slice(0, 10), locale)} ${s.createdAt.slice(11, 16)}` })}
          </time>
        </dd>
      </dl>
      <p>
        <Link href={`/issuers/${s.issuerSlug}`}>{t("back", { issuer: s.issuerName })}</Link>
      </p>
    </article>
  );
}

export default async function FollowPage(props: Props) {
  const t = await getTranslations("corrections");
  return (
    <Suspense fallback={<p>{t("loading")}</p>}>
      <FollowView {...props} />
    </Suspense>
  );
}
