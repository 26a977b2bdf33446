import type { Metadata, Viewport } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Suspense } from "react";

import { datasetNotice } from "@/lib/server/queries/home";
import { isLocale, LOCALES } from "@/i18n/routing";
import { DatasetNotice } from "@/components/dataset-notice";
import { LanguageSwitcher, LanguageSwitcherFallback } from "@/components/i18n/language-switcher";
import { Link } from "@/components/i18n/link";
import { TermDismiss } from "@/components/learn/term-dismiss";
import { PackEditionNote } from "@/components/pack-edition-note";

import "../globals.css";

export function generateStaticParams() {
  return LOCALES.map((locale) => ({ locale }));
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("layout");
  return {
    title: { default: t("metaTitle"), template: `%s · ${t("brand")}` },
    description: t("metaDescription"),
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#121417" },
  ],
};

export default async function LocaleLayout({ children, params }: { children: React.ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const [t, notice] = await Promise.all([getTranslations("layout"), datasetNotice()]);
  return (
    <html lang={locale}>
      <body>
        <a className="skip" href="#main">
          {t("skip")}
        </a>
        <header className="site-header">
          <div className="wrap">
            <Link className="brand" href="/">
              {t("brand")}
            </Link>
            <nav className="site-nav" aria-label={t("navLabel")}>
              <Link href="/">{t("nav.issuers")}</Link>
              <Link href="/attestations">{t("nav.attestations")}</Link>
              <Link href="/stress">{t("nav.stress")}</Link>
              <Link href="/learn">{t("nav.learn")}</Link>
              <Link href="/methodology">{t("nav.methodology")}</Link>
              <Link href="/changelog">{t("nav.changelog")}</Link>
              <Link href="/data">{t("nav.data")}</Link>
              <Link href="/about">{t("nav.about")}</Link>
            </nav>
            <Suspense fallback={<LanguageSwitcherFallback current={locale} label={t("languageLabel")} />}>
              <LanguageSwitcher current={locale} label={t("languageLabel")} />
            </Suspense>
          </div>
        </header>
        <DatasetNotice notice={notice} />
        <TermDismiss />
        <main id="main" className="wrap">
          {children}
        </main>
        <footer className="site-footer">
          <div className="wrap">
            {t("footer")}
            <PackEditionNote notice={notice} />
            {/* A plain link: the layout never reads the session, so public pages stay cached. */}
            <p className="editors-link">
              {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- another root layout: a full load anyway, and no prefetch of a per-request page from every public view */}
              <a href="/editor/sign-in">{t("editorsSignIn")}</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
