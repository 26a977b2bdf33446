import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { comparisonRows } from "@/lib/server/queries/comparison";
import { liveSupplyTotals } from "@/lib/server/queries/live";
import { ComparisonTable } from "@/components/home/comparison-table";

// The full comparison table: every issuer. The home page holds the first HOME_TABLE_ROWS of it
// and opens this page for any sort or filter (components/home/comparison-table.tsx).

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("home.allIssuers");
  return { title: t("title"), description: t("lede") };
}

export default async function AllIssuersPage() {
  const [{ rows, today }, supply, t] = await Promise.all([comparisonRows(), liveSupplyTotals(), getTranslations("home.allIssuers")]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lede">{t("lede")}</p>
      <ComparisonTable rows={rows} today={today} supply={supply} />
    </>
  );
}
