import "server-only";

// The charts' cached read models: the pure builders (lib/charts/issuer-specs.ts) fed with
// the issuer page model and the chart words of the page's language.
import { cacheLife, cacheTag } from "next/cache";

import type { IssuerModel, IssuerSummary } from "@/lib/domain/views/issuer";
import { chartWordsFromMessages } from "@/lib/charts/catalogue-words";
import {
  compareCharts,
  compareChartViews,
  eachChart,
  issuerChartLinks,
  issuerChartSpecs,
  renderSpec,
  type CompareChartItem,
  type CompareChartView,
  type IssuerChartLinks,
  type IssuerCharts,
  type IssuerChartSpecs,
} from "@/lib/charts/issuer-specs";
import type { ChartSize } from "@/lib/charts/sizes";
import { CHART_WORDS_EN, type ChartWords } from "@/lib/charts/words";
import { loadMessages } from "@/i18n/messages";
import type { Locale } from "@/i18n/routing";

import { loadIssuerModel, summarize } from "./issuer-page";
import { PUBLISHED_DATA, TAGS } from "./tags";

/** The chart words in a language, from the message catalogues (no request needed, so fine inside 'use cache'). */
export async function chartWords(locale: Locale): Promise<ChartWords> {
  return locale === "en" ? CHART_WORDS_EN : chartWordsFromMessages(locale, await loadMessages(locale));
}

/**
 * The issuer page's charts without drawing them: options, tables, versions, in
 * the page's language (part of the cache key). Drawing (tens of ms each) happens
 * when the chart's SVG file is asked for, so an issuer page's own render does not wait for it.
 */
export async function getIssuerChartSpecs(slug: string, locale: Locale = "en", size: ChartSize = "wide"): Promise<IssuerChartSpecs | null> {
  "use cache";
  cacheTag(TAGS.issuer(slug), TAGS.issuers);
  cacheLife(PUBLISHED_DATA);
  const [model, words] = await Promise.all([loadIssuerModel(slug), chartWords(locale)]);
  return model ? issuerChartSpecs(model, {}, words, size) : null;
}

/**
 * The issuer page's data, from one read of the issuer: its summary and its charts' links, in the page's
 * language. Its metadata asks for the same entry, so an uncached page reads and computes the issuer once.
 */
export async function getIssuerPageView(
  slug: string,
  locale: Locale = "en",
): Promise<{ summary: IssuerSummary; charts: IssuerChartLinks } | null> {
  "use cache";
  cacheTag(TAGS.issuer(slug), TAGS.issuers);
  cacheLife(PUBLISHED_DATA);
  const [model, words] = await Promise.all([loadIssuerModel(slug), chartWords(locale)]);
  return model && { summary: summarize(model), charts: issuerChartLinks(model, words) };
}

/**
 * The issuer page's charts, drawn at one size (for the SVG files, and wide for the embeds, which stay English);
 * cached apart from the page, each size on its own.
 */
export async function getIssuerCharts(slug: string, locale: Locale = "en", size: ChartSize = "wide"): Promise<IssuerCharts | null> {
  "use cache";
  cacheTag(TAGS.issuer(slug), TAGS.issuers);
  cacheLife(PUBLISHED_DATA);
  const [specs, words] = await Promise.all([getIssuerChartSpecs(slug, locale, size), chartWords(locale)]);
  return specs ? eachChart((key) => renderSpec(specs[key], words)) : null;
}

async function compareModels(slugs: readonly string[]): Promise<IssuerModel[]> {
  return (await Promise.all(slugs.map((s) => loadIssuerModel(s)))).filter((m): m is IssuerModel => m !== null);
}

/**
 * The compare view's charts (same time range, same coverage axis), in the page's language, as the page links them:
 * each chart's file versions at both sizes and its data table. The page never carries the SVG itself (inline, it
 * travelled twice, in the HTML and in the RSC payload: about 215 KB for two issuers).
 */
export async function getCompareView(slugs: string[], locale: Locale = "en"): Promise<CompareChartView[]> {
  "use cache";
  cacheTag(TAGS.issuers, ...slugs.map(TAGS.issuer));
  cacheLife(PUBLISHED_DATA);
  const [models, words] = await Promise.all([compareModels(slugs), chartWords(locale)]);
  return compareChartViews(models, words);
}

/** The compare view's charts drawn at one size, for its SVG files (app/charts/compare/[chart]/route.ts). */
export async function getCompareCharts(slugs: string[], locale: Locale = "en", size: ChartSize = "wide"): Promise<CompareChartItem[]> {
  "use cache";
  cacheTag(TAGS.issuers, ...slugs.map(TAGS.issuer));
  cacheLife(PUBLISHED_DATA);
  const [models, words] = await Promise.all([compareModels(slugs), chartWords(locale)]);
  return compareCharts(models, words, size);
}
