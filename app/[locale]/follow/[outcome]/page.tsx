import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";

import { Link } from "@/components/i18n/link";

// Where the follow routes send a reader (lib/server/alerts/links.ts FOLLOW_PAGES): words
// only, built ahead for each outcome and language.
const OUTCOMES = ["sent", "confirmed", "expired", "unsubscribed"] as const;
type Outcome = (typeof OUTCOMES)[number];
const isOutcome = (s: string): s is Outcome => (OUTCOMES as readonly string[]).includes(s);

type Props = { params: Promise<{ outcome: string }> };

export function generateStaticParams() {
  return OUTCOMES.map((outcome) => ({ outcome }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { outcome } = await params;
  if (!isOutcome(outcome)) return {};
  const t = await getTranslations("follow");
  return { title: t(`${outcome}.title`), robots: { index: false, follow: false } };
}

export default async function FollowOutcomePage({ params }: Props) {
  const { outcome } = await params;
  if (!isOutcome(outcome)) notFound();
  const t = await getTranslations("follow");
  return (
    <>
      <h1 data-testid="follow-outcome">{t(`${outcome}.title`)}</h1>
      <p className="lede">{t(`${outcome}.body`)}</p>
      <p>
        <Link href="/">{t("manage.backHome")}</Link>
      </p>
    </>
  );
}
