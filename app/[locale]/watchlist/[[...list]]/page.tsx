import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { comparisonRows } from "@/lib/server/queries/comparison";
import { liveSupplyTotals } from "@/lib/server/queries/live";
import { ComparisonTable } from "@/components/home/comparison-table";
import { Link } from "@/components/i18n/link";

// A watchlist: the comparison table with only the issuers its address names,
// /<locale>/watchlist/<slug>,<slug> (shareable, and it works without JavaScript).
// Opening one stores its pins in the browser for the home table.

type Props = { params: Promise<{ list?: string[] }> };

// The empty watchlist is built ahead; any other list is rendered whole on its first visit and
// then cached like the home page (no per-request island: it works without JavaScript).
export function generateStaticParams() {
  return [{ list: [] as string[] }];
}

/** The slugs a watchlist address names, in order, known issuers only, at most 50. */
function listed(list: string[] | undefined, known: Set<string>): string[] {
  const raw = (list ?? []).join(",");
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    decoded = "";
  }
  return [...new Set(decoded.split(",").map((s) => s.trim()))].filter((s) => known.has(s)).slice(0, 50);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ rows }, t, p] = await Promise.all([comparisonRows(), getTranslations("follow.watch"), params]);
  const pins = listed(p.list, new Set(rows.map((r) => r.issuer.slug)));
  const names = rows.filter((r) => pins.includes(r.issuer.slug)).map((r) => r.issuer.name);
  return { title: names.length ? t("title", { list: names.join(", ") }) : t("share"), robots: { index: false, follow: true } };
}

export default async function WatchlistPage({ params }: Props) {
  const [{ rows, today }, supply, t, p] = await Promise.all([
    comparisonRows(),
    liveSupplyTotals(),
    getTranslations("follow.watch"),
    params,
  ]);
  const pins = listed(p.list, new Set(rows.map((r) => r.issuer.slug)));
  const names = rows.filter((r) => pins.includes(r.issuer.slug)).map((r) => r.issuer.name);
  return (
    <>
      <h1>{names.length ? t("title", { list: names.join(", ") }) : t("share")}</h1>
      <p className="lede">{names.length ? t("lede") : t.rich("empty", { link: (chunks) => <Link href="/">{chunks}</Link> })}</p>
      <ComparisonTable rows={rows} today={today} supply={supply} pinned={pins} />
      <p>
        <Link href="/">{t("all")}</Link>
      </p>
    </>
  );
}
