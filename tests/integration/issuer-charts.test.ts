import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";

import type { IssuerChartLinks } from "@/lib/charts/issuer-specs";
import { CHART_SIZES } from "@/lib/charts/sizes";
import { loadDataset } from "@/lib/server/commands/load-dataset";

import { richDataset } from "../support/datasets";
import { testPrisma } from "../support/db";

// The read models and the chart route run here without Next: their cache calls become no-ops, the queries are real.
vi.mock("next/cache", () => ({ cacheTag: () => {}, cacheLife: () => {} }));
process.env.DATABASE_URL = inject("databaseUrl");
const { getCompareView, getIssuerPageView } = await import("@/lib/server/queries/issuer-charts");
const { GET } = await import("@/app/charts/issuers/[slug]/[chart]/route");
const { GET: GET_COMPARE } = await import("@/app/charts/compare/[chart]/route");

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

let slugs: [string, string];
beforeAll(async () => {
  const rich = richDataset();
  const result = await loadDataset(prisma, rich.dataset, "test");
  expect(result.ok, JSON.stringify(result)).toBe(true);
  slugs = rich.slugs;
});

async function compareChart(file: string, query: string) {
  const res = await GET_COMPARE(new Request(`http://localhost/charts/compare/${file}?${query}`), {
    params: Promise.resolve({ chart: file }),
  });
  return { status: res.status, cacheControl: res.headers.get("cache-control") ?? "", body: await res.text() };
}

describe("the issuer page's charts, wide and for phones", () => {
  let slug: string;
  let links: IssuerChartLinks;
  beforeAll(async () => {
    slug = slugs[0];
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

describe("the compare view's charts, as files", () => {
  it("are linked with their tables and served at both sizes on the issuers' shared scales", async () => {
    const view = await getCompareView(slugs);
    expect(view.map((v) => v.slug)).toEqual(slugs);
    const issuers = slugs.join(",");
    // The second issuer has no published figures to chart: the page says so instead of a chart.
    expect(Object.values(view[1]!.charts).every((c) => c === null)).toBe(true);
    for (const { slug, charts } of view.slice(0, 1)) {
      expect(charts.compositionUsd).toBeNull();
      const coverage = charts.coverage!;
      expect(coverage.table.rows.length).toBeGreaterThan(1);
      const wide = await compareChart("coverage.svg", `issuers=${issuers}&issuer=${slug}&v=${coverage.link.version}`);
      const narrow = await compareChart("coverage.svg", `issuers=${issuers}&issuer=${slug}&v=${coverage.link.narrowVersion}&size=narrow`);
      expect([wide.status, narrow.status]).toEqual([200, 200]);
      expect(viewBox(wide.body)).toEqual([CHART_SIZES.wide.width, CHART_SIZES.wide.height]);
      expect(viewBox(narrow.body)).toEqual([CHART_SIZES.narrow.width, CHART_SIZES.narrow.height]);
      expect(wide.cacheControl).toContain("immutable");
      expect(narrow.cacheControl).toContain("immutable");
    }
    // On shared scales: the same issuer drawn alone on its issuer page has another coverage chart (its own range).
    const alone = (await getIssuerPageView(slugs[0]))!.charts.coverage!;
    expect(view[0]!.charts.coverage!.link.version).not.toBe(alone.version);
  });

  it("answer anything but a compared issuer of two to four known ones with a 404, never an error", async () => {
    const [a, b] = slugs;
    const bad = [
      ["coverage.svg", `issuers=${a}&issuer=${a}`],
      ["coverage.svg", `issuers=${a},${b}&issuer=someone-else`],
      ["coverage.svg", `issuers=${a},${b}&issuer=${b}`],
      ["coverage.svg", `issuers=${a},${b},no-such-issuer&issuer=${a}`],
      ["coverage.svg", `issuers=${a},${a}&issuer=${a}`],
      ["coverage.svg", `issuers=${a},${b},c,d,e&issuer=${a}`],
      ["coverage.svg", `issuers=${a},../etc/passwd&issuer=${a}`],
      ["coverage.svg", `issuers=${"x".repeat(5000)},${a}&issuer=${a}`],
      ["coverage.svg", ""],
      ["coverage.json", `issuers=${a},${b}&issuer=${a}`],
      ["composition-usd.svg", `issuers=${a},${b}&issuer=${a}`],
      ["nothing.svg", `issuers=${a},${b}&issuer=${a}`],
      ["coverage.svg.exe", `issuers=${a},${b}&issuer=${a}`],
    ];
    for (const [file, query] of bad) expect((await compareChart(file!, query!)).status, `${file}?${query}`).toBe(404);
    // Without ?v= (or with another version) the file is still served, but not cached for good.
    const open = await compareChart("cadence.svg", `issuers=${b},${a}&issuer=${a}&lang=es`);
    expect(open.status).toBe(200);
    expect(open.cacheControl).not.toContain("immutable");
  });
});
