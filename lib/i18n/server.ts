import "server-only";

import { getLocale } from "next-intl/server";

import { DEFAULT_LOCALE, isLocale, type Locale } from "@/i18n/routing";

/** The page's language (from the [locale] root param). */
export async function currentLocale(): Promise<Locale> {
  const locale = await getLocale();
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}
