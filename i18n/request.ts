// next-intl's per-request configuration. The locale comes from the [locale] root
// param (next/root-params), so pages stay static and cacheable per language
// (docs/stack.md, "Languages: next-intl with root params": reading it any other way
// made pages dynamic and silently English).
import { getRequestConfig } from "next-intl/server";
import { locale as rootLocale } from "next/root-params";

import { loadMessages } from "./messages";
import { DEFAULT_LOCALE, isLocale } from "./routing";

export default getRequestConfig(async ({ locale: explicit }) => {
  const candidate = explicit ?? (await rootLocale());
  const locale = isLocale(candidate) ? candidate : DEFAULT_LOCALE;
  return { locale, messages: await loadMessages(locale), timeZone: "UTC" };
});
