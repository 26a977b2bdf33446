import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";

import type { IssuerChartLinks } from "@/lib/charts/issuer-specs";
import { CHART_SIZES } from "@/lib/charts/sizes";
import { loadDataset } from "@/lib/server/commands/load-dataset";

import { richDataset } from "../support/datasets";
import { testPrisma } from "../support/db";

// The read models and the chart route run here without Next: their cache calls become no-ops, the queries are real.
vi.mock("next/cache", () => ({ cacheTag: () => {}, cacheLife: () => {} }));
process.env.DATABASE_URL = inject("databaseUrl");
const { getIssuerPageView } = await import("@/lib/server/queries/issuer-charts");
const { GET } = await import("@/app/charts/issuers/[slug]/[chart]/route");

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

const FILES = {
  compositionShare: "composition-share",
  compositionUsd: "composition-usd",
  coverage: "coverage",
  cadence: "cadence",
} as const;

async function chart(slug: string, file: string, query: string) {
  const res = await GET(new Request(`http://localhost/charts/issuers/${slug}/${file}?${query}`), {
    params: Promise.resolve({ slug, chart: file }),
  });
  return { status: res.status, cacheControl: res.headers.get("cache-control") ?? "", body: await res.text() };
}

const viewBox = (svg: string) => /<svg[^>]*viewBox="0 0 (\d+) (\d+)"/.exec(svg)?.slice(1).map(Number);
const legendRows = (svg: string) => {
  // Legend entries are drawn at the top; count the distinct y positions of their text.
  const ys = [...svg.matchAll(/<text[^>]*transform="translate\([\d.]+ ([\d.]+)\)"/g)].map((m) => Number(m[1]));
  return new Set(ys.filter((y) => y < 120)).size;
};

describe("the issuer page's charts, wide and for phones", () => {
  let slug: string;
  let links: IssuerChartLinks;
  beforeAll(async () => {
    const rich = richDataset();
    const result = await loadDataset(prisma, rich.dataset, "test");
    expect(result.ok, JSON.stringify(result)).toBe(true);
    slug = rich.slugs[0];
    links = (await getIssuerPageView(slug))!.charts;
  });

  it("link each chart at both sizes, each drawing with a version of its own", () => {
    const present = Object.values(links).filter((l) => l !== null);
    expect(present.length).toBeGreaterThanOrEqual(3);
    for (const link of present) {
      expect(link.narrowVersion).toMatch(/^[\w-]{10}$/);
      // The phone drawing is laid out differently (legend rows, gap labels), so its file is another file.
      expect(link.narrowVersion).not.toBe(link.version);
    }
  });

  it("serve the phone drawing at its own size, cached for good only under its own version", async () => {
    for (const [key, file] of Object.entries(FILES) as [keyof IssuerChartLinks, string][]) {
      const link = links[key];
      if (!link) continue;
      const wide = await chart(slug, `${file}.svg`, `v=${link.version}`);
      const narrow = await chart(slug, `${file}.svg`, `v=${link.narrowVersion}&size=narrow`);
      expect(wide.status).toBe(200);
      expect(narrow.status).toBe(200);
      expect(viewBox(wide.body)).toEqual([CHART_SIZES.wide.width, CHART_SIZES.wide.height]);
      expect(viewBox(narrow.body)).toEqual([CHART_SIZES.narrow.width, CHART_SIZES.narrow.height]);
      expect(wide.cacheControl).toContain("immutable");
      expect(narrow.cacheControl).toContain("immutable");
      // The wide version does not vouch for the phone drawing (nor the reverse): short-lived then.
      expect((await chart(slug, `${file}.svg`, `v=${link.version}&size=narrow`)).cacheControl).not.toContain("immutable");
      expect((await chart(slug, `${file}.svg`, `v=${link.narrowVersion}`)).cacheControl).not.toContain("immutable");
      // Same words, same summary: only the layout differs.
      expect(narrow.body).toContain(`aria-label="${link.summary.replaceAll("&", "&amp;").replaceAll('"', "&quot;").slice(0, 40)}`);
    }
  });

  it("wrap the composition legend to the phone's width instead of shrinking it", async () => {
    const link = links.compositionShare!;
    const wide = await chart(slug, "composition-share.svg", `v=${link.version}`);
    const narrow = await chart(slug, "composition-share.svg", `v=${link.narrowVersion}&size=narrow`);
    expect(legendRows(narrow.body)).toBeGreaterThan(legendRows(wide.body));
  });

  it("answer an unknown size with the wide drawing, and the live option at the phone's size", async () => {
    const link = links.coverage!;
    const odd = await chart(slug, "coverage.svg", `v=${link.version}&size=huge`);
    expect(viewBox(odd.body)).toEqual([CHART_SIZES.wide.width, CHART_SIZES.wide.height]);
    const json = await chart(slug, "coverage.json", `v=${link.narrowVersion}&size=narrow`);
    expect(json.status).toBe(200);
    expect(json.cacheControl).toContain("immutable");
    expect(JSON.parse(json.body).series.length).toBeGreaterThan(0);
  });
});
