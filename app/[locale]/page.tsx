import { getTranslations } from "next-intl/server";
import { ComparisonTable } from "@/components/home/comparison-table";
import { Link } from "@/components/i18n/link";
import { GlossaryTerm } from "@/components/learn/glossary-term";

export default async function HomePage() {
  const t = await getTranslations("home");
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
      <ComparisonTable />
    </>
  );
}
