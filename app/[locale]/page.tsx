import { getTranslations } from "next-intl/server";

import { currentLocale } from "@/lib/i18n/server";
import { firstComparisonRows } from "@/lib/server/queries/comparison";
import { liveSupplyTotals } from "@/lib/server/queries/live";
import { localizeHref } from "@/i18n/routing";
import { ComparisonTable } from "@/components/home/comparison-table";
import { Link } from "@/components/i18n/link";
import { GlossaryTerm } from "@/components/learn/glossary-term";

/**
 * Issuers the home page's table holds; beyond them it links to the full table (/issuers). With a few
 * hundred issuers the whole table would be megabytes of HTML on the site's most visited page.
 */
const HOME_TABLE_ROWS = 50;

export default async function HomePage() {
  const [t, tf, locale, { rows, today, total, jurisdictions }, supply] = await Promise.all([
    getTranslations("home"),
    getTranslations("follow"),
    currentLocale(),
    firstComparisonRows(HOME_TABLE_ROWS),
    liveSupplyTotals(),
  ]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lede">
        {t.rich("lede", {
          backing: (c) => <GlossaryTerm id="backing">{c}</GlossaryTerm>,
          attestation: (c) => <GlossaryTerm id="attestation">{c}</GlossaryTerm>,
          audit: (c) => <GlossaryTerm id="audit">{c}</GlossaryTerm>,
          stress: (c) => <GlossaryTerm id="stress-event">{c}</GlossaryTerm>,
        })}
      </p>
      <p className="sub">
        {t.rich("newHere", {
          learn: (c) => <Link href="/learn">{c}</Link>,
          checklist: (c) => <Link href="/learn/checklist">{c}</Link>,
        })}
      </p>
      <ComparisonTable rows={rows} today={today} supply={supply} total={total} jurisdictions={jurisdictions} />
      <p className="follow-link">
        <a href={localizeHref("/follow", locale)} rel="nofollow" data-testid="follow-all">
          {tf("followAll")}
        </a>
      </p>
    </>
  );
}
