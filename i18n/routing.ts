// The languages the public site speaks. The locale is always the first path
// segment (/en/…, /es/…, /pt/…): no middleware rewrites public requests (a proxy
// on every path halved throughput: docs/stack.md, "No proxy on public pages").
// "/" negotiates in app/route.ts.
export const LOCALES = ["en", "es", "pt"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** The language's own name, for the switcher. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", es: "Español", pt: "Português" };

/** BCP 47 tags for Intl formatting: neutral Latin-American Spanish, Brazilian Portuguese. */
export const INTL_LOCALE: Record<Locale, string> = { en: "en-US", es: "es-419", pt: "pt-BR" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** "/issuers/tether" in Spanish → "/es/issuers/tether". Leaves external links, anchors and non-page paths alone. */
export function localizeHref(href: string, locale: Locale): string {
  if (!href.startsWith("/") || href.startsWith("//")) return href;
  if (NON_PAGE_PREFIXES.some((p) => href === p || href.startsWith(`${p}/`) || href.startsWith(`${p}?`))) return href;
  const first = href.split(/[/?#]/)[1] ?? "";
  if (isLocale(first)) return href;
  return href === "/" ? `/${locale}` : `/${locale}${href}`;
}

/** Paths served outside the [locale] tree: data files, API, feeds, charts, embeds, the editor area. */
export const NON_PAGE_PREFIXES = ["/api", "/data", "/feeds", "/charts", "/embed", "/editor", "/_next"] as const;

/** Picks the best supported locale from an Accept-Language header (q-values honoured). */
export function negotiateLocale(acceptLanguage: string | null): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { lang: tag.trim().toLowerCase().split("-")[0] ?? "", weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranked.map((r) => r.lang).find(isLocale) ?? DEFAULT_LOCALE;
}
