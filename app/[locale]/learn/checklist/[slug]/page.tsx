import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";

import { formatDay } from "@/lib/i18n/dates";
import { currentLocale } from "@/lib/i18n/server";
import { checklistQuestions, learnIndex } from "@/lib/server/learn/content";
import { issuerStaticParams } from "@/lib/server/queries/issuer";
import { getIssuerPage } from "@/lib/server/queries/issuer-page";
import { Link } from "@/components/i18n/link";
import { ChecklistAnswers } from "@/components/learn/checklist-answers";

import { ChecklistPicker } from "../picker";

type Props = { params: Promise<{ slug: string }> };

export const generateStaticParams = issuerStaticParams;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const [model, t] = await Promise.all([getIssuerPage(slug), getTranslations("learn.checklist")]);
  return model ? { title: t("titleFor", { name: model.issuer.name }) } : {};
}

export default async function ChecklistIssuerPage({ params }: Props) {
  const { slug } = await params;
  const locale = await currentLocale();
  const [model, questions, index, t, tc] = await Promise.all([
    getIssuerPage(slug),
    checklistQuestions(locale),
    learnIndex(locale),
    getTranslations("learn.checklist"),
    getTranslations("common"),
  ]);
  if (!model) notFound();
  return (
    <>
      <nav className="breadcrumb" aria-label={index.title}>
        <Link href="/learn">{index.title}</Link> › <Link href="/learn/checklist">{index.checklistTitle}</Link>
      </nav>
      <header className="page-head">
        <h1>{t("titleFor", { name: model.issuer.name })}</h1>
        {model.issuer.isDemo && (
          <p className="badge demo" data-testid="issuer-demo-label">
            {tc("demoIssuer")}
          </p>
        )}
        <p className="lede">{t("intro", { today: formatDay(model.today, locale) })}</p>
      </header>
      <ChecklistPicker selected={slug} />
      <ChecklistAnswers model={model} questions={questions} />
    </>
  );
}
