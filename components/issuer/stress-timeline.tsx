import type { StressEventData } from "@/lib/domain/types";
import { STRESS_KIND_LABELS } from "@/lib/domain/taxonomy";
import { Usd } from "@/components/ui/money";
import { Markdown } from "@/components/ui/markdown";

export function daysOf(e: StressEventData): number | null {
  if (!e.startDate || !e.endDate) return null;
  return Math.round((Date.parse(e.endDate) - Date.parse(e.startDate)) / 86_400_000) + 1;
}

/** Stress events as a timeline, newest first, each with its sources. */
export function StressTimeline({ events, showIssuer }: { events: StressEventData[]; showIssuer?: (slug: string) => React.ReactNode }) {
  if (events.length === 0) return <p>No stress events recorded.</p>;
  return (
    <ol className="timeline">
      {events.map((e) => {
        const days = daysOf(e);
        return (
          <li key={e.id} data-testid="stress-event">
            <div className="when">
              {e.startDate ?? "date not documented"}
              {e.endDate && e.endDate !== e.startDate && <> to {e.endDate}</>}
              {days !== null && <span className="sub"> ({days} {days === 1 ? "day" : "days"})</span>}
            </div>
            <div>
              {showIssuer?.(e.issuerSlug)} <span className={`badge kind-${e.kind}`}>{STRESS_KIND_LABELS[e.kind]}</span>
              {e.lowestPrice && <span className="sub"> lowest price ${e.lowestPrice}</span>}
              {e.reserveExposureUsd && (
                <span className="sub">
                  {" "}
                  reserves exposed <Usd figure={e.reserveExposureUsd} />
                </span>
              )}
            </div>
            <Markdown source={e.summary} />
            {e.issuerResponse && (
              <div className="sub">
                <strong>Issuer&apos;s response:</strong>
                <Markdown source={e.issuerResponse} />
              </div>
            )}
            <div className="sub">
              Sources:{" "}
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
