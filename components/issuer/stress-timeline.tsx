import { getTranslations } from "next-intl/server";

import type { StressEventData } from "@/lib/domain/types";
import { numberFormatters } from "@/lib/i18n/format";
import { taxonomyLabels } from "@/lib/i18n/labels";
import { DateText } from "@/components/ui/date-text";
import { Markdown } from "@/components/ui/markdown";
import { priceUsd, Usd } from "@/components/ui/money";

export function daysOf(e: StressEventData): number | null {
  if (!e.startDate || !e.endDate) return null;
  return Math.round((Date.parse(e.endDate) - Date.parse(e.startDate)) / 86_400_000) + 1;
}

/** Stress events as a timeline, newest first, each with its sources. */
export async function StressTimeline({
  events,
  showIssuer,
}: {
  events: StressEventData[];
  showIssuer?: (slug: string) => React.ReactNode;
}) {
  const [t, L, f] = await Promise.all([getTranslations("issuer.stress"), taxonomyLabels(), numberFormatters()]);
  if (events.length === 0) return <p>{t("none")}</p>;
  return (
    <ol className="timeline">
      {events.map((e) => {
        const days = daysOf(e);
        return (
          <li key={e.id} data-testid="stress-event">
            <div className="when">
              {e.startDate !== null ? <DateText iso={e.startDate} locale={f.locale} /> : t("dateNotDocumented")}
              {e.endDate && e.endDate !== e.startDate && <> {t("to", { date: f.date(e.endDate) })}</>}
              {days !== null && <span className="sub"> ({t("days", { count: days })})</span>}
            </div>
            <div>
              {showIssuer?.(e.issuerSlug)} <span className={`badge kind-${e.kind}`}>{L.stressKind(e.kind)}</span>
              {e.lowestPrice && <span className="sub"> {t("lowestPrice", { price: priceUsd(e.lowestPrice, f.locale) })}</span>}
              {e.reserveExposureUsd && (
                <span className="sub"> {t.rich("reservesExposed", { amount: () => <Usd figure={e.reserveExposureUsd} /> })}</span>
              )}
            </div>
            <Markdown source={e.summary} />
            {e.issuerResponse && (
              <div className="sub">
                <strong>{t("issuerResponse")}</strong>
                <Markdown source={e.issuerResponse} />
              </div>
            )}
            <div className="sub">
              {t("sources")}{" "}
              {e.sources.map((s, i) => (
                <span key={s.url}>
                  {i > 0 && ", "}
                  <a href={s.url} rel="noopener noreferrer nofollow">
                    {s.title ?? new URL(s.url).hostname}
                  </a>
                </span>
              ))}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
