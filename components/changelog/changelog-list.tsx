import { getTranslations } from "next-intl/server";

import type { ChangelogItem } from "@/lib/domain/views/changelog";
import { formatDay } from "@/lib/i18n/dates";
import { taxonomyLabels } from "@/lib/i18n/labels";
import { currentLocale } from "@/lib/i18n/server";
import { Link } from "@/components/i18n/link";

/** Changes as they reached the public pages, newest first, each with its date, reason and editor. */
export async function ChangelogList({ items, showIssuer }: { items: ChangelogItem[]; showIssuer: boolean }) {
  const [t, tc, L, locale] = await Promise.all([
    getTranslations("changelog"),
    getTranslations("common"),
    taxonomyLabels(),
    currentLocale(),
  ]);
  if (items.length === 0) return <p>{t("empty")}</p>;
  const subject = ({ subject: s }: ChangelogItem) => {
    if (s.type === "report") return t("subject.report", { type: L.reportType(s.reportType), date: formatDay(s.asOf, locale) });
    const kind = L.stressKind(s.kind);
    return s.startDate ? t("subject.stressEvent", { kind, date: formatDay(s.startDate, locale) }) : kind;
  };
  return (
    <ol className="changelog" data-testid="changelog">
      {items.map((c) => (
        <li key={c.id} data-kind={c.kind}>
          <time dateTime={c.at}>{formatDay(c.at.slice(0, 10), locale)}</time>{" "}
          <span className={`badge change-${c.kind}`}>{t(`kind.${c.kind}`)}</span>{" "}
          {showIssuer && (
            <>
              <Link href={`/issuers/${c.issuerSlug}`}>{c.issuerName}</Link>
              {c.isDemo && <span className="badge demo">{tc("demo")}</span>}:{" "}
            </>
          )}
          {subject(c)}
          {c.reason && <div className="sub">{t("reason", { reason: c.reason })}</div>}
          <div className="sub">{c.by === null ? t("byImport") : t("by", { name: c.by })}</div>
        </li>
      ))}
    </ol>
  );
}
