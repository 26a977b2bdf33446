"use client";

// Links to the same page in the other languages. Plain <a>: each language has its
// own root layout, so a switch is a full page load anyway. The current query and
// fragment (a sorted table, a selection) travel along when JavaScript runs.
import { usePathname } from "next/navigation";
import type { MouseEvent } from "react";

import { isLocale, LOCALE_NAMES, LOCALES, type Locale } from "@/i18n/routing";

type Props = { current: Locale; label: string };

/** Wrapped in <Suspense> by the layout: on pages rendered per request the path is known only then. */
export function LanguageSwitcher(props: Props) {
  return <Switcher {...props} pathname={usePathname() ?? `/${props.current}`} />;
}

/** Until the path is known: the same list, pointing at each language's home page. */
export function LanguageSwitcherFallback(props: Props) {
  return <Switcher {...props} pathname={`/${props.current}`} />;
}

function Switcher({ current, label, pathname }: Props & { pathname: string }) {
  const segments = pathname.split("/");
  const rest = isLocale(segments[1]) ? `/${segments.slice(2).join("/")}` : pathname;
  const hrefFor = (locale: Locale) => `/${locale}${rest === "/" ? "" : rest}`;
  const keepQuery = (e: MouseEvent<HTMLAnchorElement>) => {
    const extra = window.location.search + window.location.hash;
    if (!extra || e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    window.location.assign(e.currentTarget.getAttribute("href") + extra);
  };
  return (
    <nav className="lang-switch" aria-label={label}>
      <ul>
        {LOCALES.map((locale) => (
          <li key={locale}>
            {locale === current ? (
              <span aria-current="true" lang={locale}>
                {LOCALE_NAMES[locale]}
              </span>
            ) : (
              <a href={hrefFor(locale)} hrefLang={locale} lang={locale} onClick={keepQuery} data-testid={`lang-${locale}`}>
                {LOCALE_NAMES[locale]}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
