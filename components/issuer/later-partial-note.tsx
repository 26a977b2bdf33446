import { getTranslations } from "next-intl/server";

import { COMPLETE_BREAKDOWN_PCT, type CompositionShares } from "@/lib/domain/metrics/composition";
import { formatDay } from "@/lib/i18n/dates";
import { numberFormatters } from "@/lib/i18n/format";
import { taxonomyLabels } from "@/lib/i18n/labels";
import { localizeHref } from "@/i18n/routing";

/**
 * A report newer than the composition shown, whose lines cover too little of
 * total reserves to stand for the whole: what it holds, said as such, never
 * taken for the composition.
 */
export async function LaterPartialNote({ partial }: { partial: { report: { asOf: string }; shares: CompositionShares } }) {
  const [t, f, L] = await Promise.all([getTranslations("issuer.page"), numberFormatters(), taxonomyLabels()]);
  const { shares } = partial;
  const list = [...shares.categories]
    .sort(
      (a, b) =>
        Number(b.sharePct.value ?? -1) - Number(a.sharePct.value ?? -1) || Number(b.amountUsd.value ?? 0) - Number(a.amountUsd.value ?? 0),
    )
    .slice(0, 4)
    .map((c) =>
      `${L.category(c.category)} ${c.sharePct.value !== null ? f.pct(c.sharePct, 1) : c.amountUsd.value !== null ? f.usd(c.amountUsd.value, c.amountUsd.bound) : ""}`.trim(),
    )
    .join(", ");
  const link = (chunks: React.ReactNode) => <a href={localizeHref("/methodology#composition_shares", f.locale)}>{chunks}</a>;
  const date = formatDay(partial.report.asOf, f.locale);
  return (
    <p className="notice-inline" data-testid="later-partial">
      {shares.capturedPct.value === null
        ? t.rich("laterPartialUnknown", { date, list, link })
        : t.rich("laterPartial", { date, list, link, share: f.pct(shares.capturedPct, 0), threshold: COMPLETE_BREAKDOWN_PCT })}
    </p>
  );
}
