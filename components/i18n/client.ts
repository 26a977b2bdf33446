"use client";

// Client components get their words as props from server components (no message
// catalogue ships to the browser: it keeps the JavaScript budget); they only need
// the current language to build links.
import { useParams } from "next/navigation";
import { useCallback } from "react";

import { DEFAULT_LOCALE, isLocale, localizeHref, type Locale } from "@/i18n/routing";

export function useLocale(): Locale {
  const params = useParams<{ locale?: string }>();
  return isLocale(params?.locale) ? params.locale : DEFAULT_LOCALE;
}

export function useLocalizeHref(): (href: string) => string {
  const locale = useLocale();
  return useCallback((href: string) => localizeHref(href, locale), [locale]);
}
