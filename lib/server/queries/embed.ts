import "server-only";

import { cacheLife, cacheTag } from "next/cache";

import type { RenderedChart } from "@/lib/charts/issuer-specs";

import { getIssuerCharts } from "./issuer-charts";
import { getIssuerPage } from "./issuer-page";
import { PUBLISHED_DATA, TAGS } from "./tags";

export type EmbedKind = "composition" | "coverage";

export interface EmbedChart {
  slug: string;
  issuerName: string;
  isDemo: boolean;
  /** null when the issuer has too few figures for this chart. */
  chart: RenderedChart | null;
}

/** The very chart the issuer page shows, for /embed (cached per publish like the page). */
export async function getEmbedChart(slug: string, kind: EmbedKind): Promise<EmbedChart | null> {
  "use cache";
  cacheTag(TAGS.issuer(slug), TAGS.issuers);
  cacheLife(PUBLISHED_DATA);
  const [model, charts] = await Promise.all([getIssuerPage(slug), getIssuerCharts(slug)]);
  if (!model || !charts) return null;
  return {
    slug,
    issuerName: model.issuer.name,
    isDemo: model.issuer.isDemo,
    chart: kind === "composition" ? charts.compositionShare : charts.coverage,
  };
}
