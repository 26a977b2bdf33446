import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { currentLocale } from "@/lib/i18n/server";
import { checklistQuestions, learnIndex } from "@/lib/server/learn/content";
import { Link } from "@/components/i18n/link";

import { ChecklistPicker } from "./picker";

export async function generateMetadata(): Promise<Metadata> {
  const index = await learnIndex(await currentLocale());
  return { title: index.checklistTitle, description: index.checklistIntro };
}

export default async function ChecklistIndexPage() {
  const locale = await currentLocale();
  const [index, questions, t] = await Promise.all([learnIndex(locale), checklistQuestions(locale), getTranslations("learn.checklist")]);
  return (
    <>
      <nav className="breadcrumb" aria-label={index.title}>
        <Link href="/learn">{index.title}</Link>
      </nav>
      <header className="page-head">
        <h1>{index.checklistTitle}</h1>
        <p className="lede">{index.checklistIntro}</p>
      </header>
      <ChecklistPicker />
      <h2>{t("questionsHeading")}</h2>
      <ol className="checklist checklist-questions">
        {questions.map((q) => (
          <li key={q.id}>
            <strong>{q.question}</strong> <span className="sub">{q.why}</span>
          </li>
        ))}
      </ol>
      <p className="sub">
        <Link href="/learn/evaluating-an-issuer">{t("guideLink")}</Link>
      </p>
    </>
  );
}
