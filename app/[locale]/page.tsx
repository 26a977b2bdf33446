import { getTranslations } from "next-intl/server";
import { ComparisonTable } from "@/components/home/comparison-table";

export default async function HomePage() {
  const t = await getTranslations("home");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lede">{t("lede")}</p>
      <ComparisonTable />
    </>
  );
}
