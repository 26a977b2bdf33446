import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { CATEGORY_LABELS, RESERVE_CATEGORIES, type ReserveCategory } from "@/lib/domain/taxonomy";
import { chartWordsFromMessages } from "@/lib/charts/catalogue-words";
import {
  cadenceScatterOption,
  compositionAreaOption,
  compositionBarOption,
  coverageLineOption,
  NOT_CAPTURED_LABEL,
  utcDay,
  type CompositionPoint,
  type CoverageBound,
} from "@/lib/charts/options";
import { CATEGORY_COLORS, legendBlock, SERIES_COLORS } from "@/lib/charts/palette";
import { renderChartSvg, renderCompositionBarSvg } from "@/lib/charts/render";
import { CHART_SIZES, NARROW_CHART_MEDIA } from "@/lib/charts/sizes";
import { CHART_WORDS_EN, type ChartWords } from "@/lib/charts/words";
import { ChartFigure } from "@/components/charts/chart-figure";
import enCharts from "@/messages/en/charts.json";
import enTaxonomy from "@/messages/en/taxonomy.json";
import esCharts from "@/messages/es/charts.json";
import esTaxonomy from "@/messages/es/taxonomy.json";
import ptCharts from "@/messages/pt/charts.json";
import ptTaxonomy from "@/messages/pt/taxonomy.json";

// Factories, not shared state: each test builds its own fixture.
const isoDay = (start: string, plusDays: number) => new Date(utcDay(start) + plusDays * 86_400_000).toISOString().slice(0, 10);

function compositionPoints(count: number, categories: readonly ReserveCategory[] = RESERVE_CATEGORIES): CompositionPoint[] {
  return Array.from({ length: count }, (_, i) => {
    // Wavy but always summing to 97 %, plus 3 % not captured.
    const weights = categories.map((_, j) => 1.5 + Math.sin(i / 7 + j));
    const sum = weights.reduce((a, b) => a + b, 0);
    const values = Object.fromEntries(categories.map((c, j) => [c, ((weights[j] ?? 0) / sum) * 97]));
    return { asOf: isoDay("2015-01-31", i * 30), values, notCaptured: 3 };
  });
}

const coveragePoints = (bounds: CoverageBound[]) =>
  bounds.map((bound, i) => ({ asOf: isoDay("2023-01-31", i * 30), pct: 99 + (i % 4), bound }));

const W = 640;
const H = 360;
const rootTag = (svg: string) => svg.slice(0, svg.indexOf(">") + 1);
const ariaLabel = (svg: string) => /aria-label="([^"]*)"/.exec(rootTag(svg))?.[1] ?? "";

describe("renderChartSvg", () => {
  const svg = renderChartSvg(compositionAreaOption(compositionPoints(6), "share", { subject: "Demo USD" }), W, H);

  it("outputs a responsive SVG: viewBox, width 100%, no fixed pixel height", () => {
    const root = rootTag(svg);
    expect(root).toContain(`viewBox="0 0 ${W} ${H}"`);
    expect(root).toContain('width="100%"');
    expect(root).not.toMatch(/\sheight="/);
  });

  it("needs no inline styles, which the site's CSP (style-src 'self') would block", () => {
    expect(svg).not.toContain("style=");
    expect(svg).toMatch(/<text [^>]*font-size="12px"[^>]*>100%<\/text>/);
    const twoYears = renderChartSvg(compositionAreaOption(compositionPoints(20), "share"), W, H);
    expect(twoYears).not.toContain("style=");
    expect(twoYears).toMatch(/<text [^>]*font-weight="bold"[^>]*>2016<\/text>/); // ECharts' year labels
  });

  it("labels the SVG as one image with a summary of the data", () => {
    expect(rootTag(svg)).toContain('role="img"');
    const label = ariaLabel(svg);
    expect(label).toContain("Stacked area chart of reserve composition for Demo USD");
    expect(label).toContain("6 reports from 2015-01-31 to 2015-06-30");
    expect(label).toContain(`${NOT_CAPTURED_LABEL} 3%`);
  });

  it("keeps chart text and axis lines in currentColor so they follow dark mode", () => {
    expect(svg).toMatch(/<text[^>]*fill="currentColor"[^>]*>100%<\/text>/);
    expect(svg).not.toMatch(/fill="#(333|54555a|6e7079)"/i);
  });

  it("leaves nothing that collides when several charts share a page", () => {
    expect(svg).not.toContain("<style");
    expect(svg).not.toMatch(/\bzr\d+-/);
    expect(svg).not.toContain("ecmeta_");
    expect(svg).toMatch(/clip-path="url\(#c[0-9a-z]+-c0\)"/);
  });

  it("is deterministic: the same input gives the same string, whatever ran before", () => {
    const again = () => renderChartSvg(compositionAreaOption(compositionPoints(6), "share", { subject: "Demo USD" }), W, H);
    renderChartSvg(coverageLineOption(coveragePoints(["exact"])), W, 300);
    expect(again()).toBe(svg);
  });

  it("escapes hostile names in text and in the label", () => {
    const evil = "<script>alert(1)</script>";
    const out = renderChartSvg(
      compositionAreaOption(compositionPoints(3), "share", { notCapturedLabel: evil, subject: `"><img src=x onerror=alert(1)>` }),
      W,
      H,
    );
    expect(out).not.toContain("<script>");
    expect(out).not.toContain("<img");
    expect(out).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(rootTag(out)).toContain("&#34;&#62;&#60;img");
  });

  it("keeps a 12-series × 120-point stacked area under 80 KB", () => {
    const big = renderChartSvg(compositionAreaOption(compositionPoints(120), "share"), W, H);
    console.log(`12 × 120 stacked area: ${big.length} bytes`);
    expect(big.length).toBeLessThan(80_000);
    expect(big.length).toBeGreaterThan(10_000); // it did draw 13 series
  });
});

describe("compositionAreaOption", () => {
  it("stacks one series per reported category, in taxonomy order, then the remainder", () => {
    const option = compositionAreaOption(compositionPoints(4, ["tbills_93d", "cash_deposits"]), "share");
    const series = option.series as { name: string; stack: string }[];
    expect(series.map((s) => s.name)).toEqual([CATEGORY_LABELS.cash_deposits, CATEGORY_LABELS.tbills_93d, NOT_CAPTURED_LABEL]);
    expect(new Set(series.map((s) => s.stack))).toEqual(new Set(["composition"]));
  });

  it("draws 'not captured' hatched, apart from the solid 'Other / undisclosed'", () => {
    const svg = renderChartSvg(compositionAreaOption(compositionPoints(5), "share"), W, H);
    for (const c of RESERVE_CATEGORIES) expect(svg).toContain(`>${CATEGORY_LABELS[c]}</text>`);
    expect(svg).toContain(`>${NOT_CAPTURED_LABEL}</text>`);
    expect(svg).toMatch(/<pattern [^>]*id="c[0-9a-z]+-p0"/);
    expect(svg).toMatch(/<path d="M[^"]+Z" fill="url\(#c[0-9a-z]+-p0\)"/); // the remainder's area
    expect(svg).toContain(`fill="${CATEGORY_COLORS.other_undisclosed}"`); // a plain fill
  });

  it("scales dollars to one unit for the axis, and honours a shared yMax", () => {
    const points = compositionPoints(4).map((p) => ({
      ...p,
      values: Object.fromEntries(Object.entries(p.values).map(([k, v]) => [k, v * 1e8])),
      notCaptured: 3e8,
    }));
    const svg = renderChartSvg(compositionAreaOption(points, "usd", { yMax: 20e9 }), W, H);
    expect(svg).toContain(">$20B</text>");
    expect(svg).toContain(">$0B</text>");
  });
});

describe("coverageLineOption", () => {
  it("draws 100 % as a reference line and explains each kind of bound in the legend", () => {
    const svg = renderChartSvg(coverageLineOption(coveragePoints(["exact", "lower", "upper", "approx"])), W, 300);
    expect(svg).toContain(">100% covered</text>");
    for (const text of ["Coverage ratio", "Exact figure", "Approximate (rounded)", "Lower bound (at least)", "Upper bound (at most)"]) {
      expect(svg).toContain(`>${text}</text>`);
    }
    expect(svg).toMatch(/fill="none" stroke="#0072B2"/); // hollow symbols for bounds
    expect(ariaLabel(svg)).toContain("latest 102% (approximate (rounded))");
  });

  it("puts several issuers on the same scales when given fixed ranges", () => {
    const opts = { yMin: 80, yMax: 120, xMin: "2023-01-01", xMax: "2024-12-31" };
    const a = coverageLineOption(coveragePoints(["exact", "exact"]), opts);
    const b = coverageLineOption(coveragePoints(["lower", "exact", "exact"]), opts);
    expect(a.yAxis).toMatchObject({ min: 80, max: 120 });
    expect(b.xAxis).toMatchObject({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2024, 11, 31) });
    const svg = renderChartSvg(a, W, 300);
    expect(svg).toContain(">120%</text>");
    expect(svg).toContain(">80%</text>");
  });

  it("lists only the kinds of figure present", () => {
    const option = coverageLineOption(coveragePoints(["exact", "exact"]));
    expect((option.series as { name: string }[]).map((s) => s.name)).toEqual(["Coverage ratio", "Exact figure"]);
  });
});

describe("cadenceScatterOption", () => {
  const points = [0, 30, 60, 240, 270].map((d, i) => ({ asOf: isoDay("2024-01-31", d), lagDays: 20 + i * 5 }));
  const option = cadenceScatterOption(points, {
    expectedLag: [0, 30],
    expectedLagLabel: "Expected lag (monthly cadence)",
    gapDays: 45,
  });
  const svg = renderChartSvg(option, W, 300);

  it("shows each report, the expected band and a gap, each named in the legend", () => {
    expect(svg).toContain(">Report (days from as-of date to publication)</text>");
    expect(svg).toContain(">Expected lag (monthly cadence)</text>");
    expect(svg).toContain(">Gap over 45 days between reports</text>");
    expect(svg).toContain(">180 d</text>"); // the gap's own label
    expect(svg.match(/<polygon /g)).toHaveLength(2); // band + one gap
  });

  it("says the same in words", () => {
    expect(ariaLabel(svg)).toContain("publication lag 20 to 40 days, expected 0–30 days");
    expect(ariaLabel(svg)).toContain("gaps: 2024-03-31 to 2024-09-27 (180 days)");
  });

  it("labels a gap only where its band holds the label: neighbouring narrow gaps never run their labels together", () => {
    // Quarterly reports with two 92-day gaps, drawn on a shared ten-year range (the compare page).
    const quarterly = ["2020-03-31", "2020-06-30", "2020-09-30"].map((asOf) => ({ asOf, lagDays: 30 }));
    const wide = renderChartSvg(
      cadenceScatterOption(quarterly, { gapDays: 45, xMin: "2016-01-31", xMax: "2026-01-31", width: 320 }),
      320,
      300,
    );
    expect(wide.match(/<polygon /g)).toHaveLength(2); // both gaps still drawn
    expect(wide).not.toContain(">92 d</text>");
    expect(ariaLabel(wide)).toContain("gaps: 2020-03-31 to 2020-06-30 (91 days); 2020-06-30 to 2020-09-30 (92 days)");
    // The same reports on their own range: each band is wide enough, each is labelled.
    const own = renderChartSvg(cadenceScatterOption(quarterly, { gapDays: 45 }), W, 300);
    expect(own).toContain(">91 d</text>");
    expect(own).toContain(">92 d</text>");
  });

  it("keeps interaction-only parts out of the static SVG but in the option", () => {
    expect(option.dataZoom).toBeDefined();
    expect(option.tooltip).toBeDefined();
    expect(svg).not.toMatch(/<text[^>]*>2024-0\d-\d\d<\/text>/); // no slider handle labels
  });
});

describe("composition bar", () => {
  const shares = { values: { tbills_93d: 60, cash_deposits: 30, other_undisclosed: 5 }, notCaptured: 5 };

  it("hand-made SVG: segments in stacking order adding up to the full width", () => {
    const svg = renderCompositionBarSvg(shares);
    const widths = [...svg.matchAll(/<rect x="[\d.]+"(?: y="[\d.]+")? width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(4);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(99.4, 1); // the hatched box is inset 0.3 each side
    expect(svg.indexOf(CATEGORY_COLORS.cash_deposits)).toBeLessThan(svg.indexOf(CATEGORY_COLORS.tbills_93d));
    expect(svg).toContain('stroke-dasharray="2 1.5"'); // not captured: outline, not a fill
    expect(ariaLabel(svg)).toBe(
      "Reserve composition: Treasury bills (≤ 93 days) 60%; Cash and bank deposits 30%; Other / undisclosed 5%; Not captured by us 5%.",
    );
  });

  it("ECharts version renders too; the hand-made one is smaller", () => {
    const viaEcharts = renderChartSvg(compositionBarOption(shares), 160, 12);
    const byHand = renderCompositionBarSvg(shares);
    console.log(`composition bar: ECharts ${viaEcharts.length} bytes, hand-made ${byHand.length} bytes`);
    expect(viaEcharts).toContain('role="img"');
    expect(byHand.length).toBeLessThan(viaEcharts.length);
  });
});

describe("palette", () => {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  };
  const contrast = (a: string, b: string) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
  };

  it("gives every colour 3:1 against both the light and the dark background", () => {
    for (const color of [...Object.values(CATEGORY_COLORS), ...SERIES_COLORS]) {
      expect(contrast(color, "#ffffff"), color).toBeGreaterThanOrEqual(3);
      expect(contrast(color, "#121417"), color).toBeGreaterThanOrEqual(3);
    }
  });

  it("alternates darker and lighter colours up the stack", () => {
    const colors = RESERVE_CATEGORIES.map((c) => CATEGORY_COLORS[c]);
    expect(new Set(colors).size).toBe(12);
    colors.slice(1).forEach((color, i) => {
      expect(contrast(color, colors[i] ?? ""), `${colors[i]} / ${color}`).toBeGreaterThan(1.45);
    });
  });
});

describe("ChartFigure", () => {
  const option = coverageLineOption(coveragePoints(["exact", "lower"]));
  const svg = renderChartSvg(option, W, 300);
  const html = (withLive: boolean) =>
    renderToStaticMarkup(
      createElement(ChartFigure, {
        svg,
        title: "Coverage <ratio>",
        caption: "Reserves ÷ tokens outstanding.",
        table: {
          columns: ["As of", "Coverage"],
          rows: [
            ["2023-01-31", "99%"],
            ["2023-03-02", "≥ 100%"],
          ],
        },
        interactiveSrc: withLive ? "/charts/issuers/demo/coverage.json?v=1" : undefined,
        dataTableLabel: "Data table",
      }),
    );

  it("inlines the SVG in a figure with a caption and the numbers as a table", () => {
    const out = html(false);
    expect(out).toMatch(/^<figure class="chart-figure"><figcaption><strong>Coverage &lt;ratio&gt;<\/strong>/);
    expect(out).toContain(svg);
    expect(out).toContain("<details");
    expect(out).toContain("<summary>Data table</summary>");
    expect(out).toContain('<th scope="row">2023-03-02</th><td>≥ 100%</td>');
  });

  it("offers phones the chart drawn at their width, with the size of each drawing for the layout", () => {
    const out = renderToStaticMarkup(
      createElement(ChartFigure, {
        image: {
          url: "/charts/issuers/demo/coverage.svg?v=w",
          alt: "Coverage, 2023",
          ...CHART_SIZES.wide,
          narrow: { url: "/charts/issuers/demo/coverage.svg?v=n&size=narrow", ...CHART_SIZES.narrow },
        },
        title: "Coverage",
        tableHref: "/en/issuers/demo/history#data-coverage",
        dataTableLabel: "Data table",
      }),
    );
    expect(out).toContain(
      `<picture><source media="${NARROW_CHART_MEDIA}" srcSet="/charts/issuers/demo/coverage.svg?v=n&amp;size=narrow" width="${CHART_SIZES.narrow.width}" height="${CHART_SIZES.narrow.height}"/><img src="/charts/issuers/demo/coverage.svg?v=w" alt="Coverage, 2023" width="${CHART_SIZES.wide.width}" height="${CHART_SIZES.wide.height}"`,
    );
    // At the narrow size the legend wraps to more rows than at the wide one, so the phone drawing keeps its text size.
    const names = RESERVE_CATEGORIES.map((c) => CATEGORY_LABELS[c]);
    expect(legendBlock(names, CHART_SIZES.narrow.width).height).toBeGreaterThan(legendBlock(names, CHART_SIZES.wide.width).height);
  });

  it("wraps the SVG for the live chart without loading anything yet", () => {
    const out = html(true);
    expect(out).toContain('class="chart-interactive"');
    expect(out).toContain(svg);
    // The option is fetched on interaction, never shipped in the page.
    expect(out).not.toContain("coverage.json");
    expect(out).not.toContain('"series"');
  });
});

describe("partial reports on the composition chart", () => {
  // Three reports; the middle one breaks down 20% of reserves (its remainder hatched).
  const points = [
    { asOf: "2024-03-31", values: { tbills_93d: 80, cash_deposits: 15 }, notCaptured: 5 },
    { asOf: "2024-06-30", values: { cash_deposits: 20 }, notCaptured: 80, partial: true },
    { asOf: "2024-09-30", values: { tbills_93d: 82, cash_deposits: 14 }, notCaptured: 4 },
  ];
  const dashedRules = (svg: string) => (svg.match(/stroke-dasharray/g) ?? []).length;

  it("marks each partial report with a dashed line named in the legend, and says why it dips", () => {
    const marked = renderChartSvg(compositionAreaOption(points, "share", { partialThreshold: 90 }), W, H);
    const plain = renderChartSvg(compositionAreaOption(points, "share"), W, H);
    expect(marked).toContain(">Partial report (under 90% of reserves broken down)</text>");
    expect(dashedRules(marked)).toBeGreaterThan(dashedRules(plain));
    expect(ariaLabel(marked)).toContain("1 report breaks down less than 90% of total reserves (dashed lines)");
    expect(plain).not.toContain("Partial report");
  });

  it("says it in Spanish too", () => {
    const es = chartWordsFromMessages("es", { charts: esCharts, taxonomy: esTaxonomy });
    const svg = renderChartSvg(compositionAreaOption(points, "share", { partialThreshold: 90, words: es }), W, H, es);
    expect(ariaLabel(svg)).toContain("1 informe desglosa menos del 90% de las reservas totales");
  });
});

describe("chart words in the page's language", () => {
  const words = {
    en: chartWordsFromMessages("en", { charts: enCharts, taxonomy: enTaxonomy }),
    es: chartWordsFromMessages("es", { charts: esCharts, taxonomy: esTaxonomy }),
    pt: chartWordsFromMessages("pt", { charts: ptCharts, taxonomy: ptTaxonomy }),
  };
  const cadencePoints = [0, 30, 60, 240, 270].map((d, i) => ({ asOf: isoDay("2024-01-31", d), lagDays: i === 2 ? null : 20 + i * 5 }));
  const charts = (w?: ChartWords) =>
    [
      renderChartSvg(compositionAreaOption(compositionPoints(6), "share", { subject: "Demo USD", words: w }), W, H, w),
      renderChartSvg(
        coverageLineOption(coveragePoints(["exact", "lower", "upper", "approx"]), { subject: "Demo USD", words: w }),
        W,
        300,
        w,
      ),
      renderChartSvg(cadenceScatterOption(cadencePoints, { expectedLag: [0, 30], gapDays: 45, words: w }), W, 300, w),
      renderCompositionBarSvg({ values: { tbills_93d: 60, cash_deposits: 40 } }, { words: w }),
    ] as [string, string, string, string];

  it("leaves the English default as it was, and the English catalogue says the same", () => {
    const [composition, coverage, cadence, bar] = charts();
    expect(ariaLabel(composition)).toBe(
      `Stacked area chart of reserve composition for Demo USD, as a share of total reserves: 6 reports from 2015-01-31 to 2015-06-30. Latest (2015-06-30): ${ariaLabel(composition).split("Latest (2015-06-30): ")[1]}`,
    );
    expect(ariaLabel(coverage)).toBe(
      "Line chart of the coverage ratio for Demo USD (reserves as a percentage of tokens outstanding; 100% means fully covered): 4 reports from 2023-01-31 to 2023-05-01; lowest 99%, latest 102% (approximate (rounded)).",
    );
    expect(ariaLabel(cadence)).toBe(
      "Scatter chart of reporting cadence, each report placed at its as-of date and the days it took to publish: 5 reports from 2024-01-31 to 2024-10-27; publication lag 20 to 40 days (1 without a publication date), expected 0–30 days; gaps: 2024-03-31 to 2024-09-27 (180 days).",
    );
    expect(cadence).toContain(">Report, publication date unknown (on the axis)</text>");
    expect(cadence).toContain(">Expected lag (0–30 days)</text>");
    expect(composition).toContain(">Feb</text>");
    expect(ariaLabel(bar)).toBe("Reserve composition: Treasury bills (≤ 93 days) 60%; Cash and bank deposits 40%.");
    // Built from messages/en, the same words make the very same SVGs.
    expect(charts(words.en)).toEqual(charts());
    expect(charts(CHART_WORDS_EN)).toEqual(charts());
    for (const w of [words.en, CHART_WORDS_EN]) {
      expect(w.cadence.expectedLagFromHistory(0, 12)).toBe("Expected lag, from the issuer's own past lags (0–12 days)");
      expect([w.table.asOf, w.table.coverage, w.table.lagDays, w.table.dateUnknown]).toEqual([
        "As of",
        "Coverage",
        "Lag (days)",
        "publication date unknown",
      ]);
      expect([w.table.pct(12.345), w.table.usd(1.5e9), w.table.usd(4.56e8)]).toEqual(["12.3%", "$1.50 B", "$456.0 M"]);
    }
  });

  it("draws Spanish words in a Spanish SVG, and no English ones", () => {
    const [composition, coverage, cadence, bar] = charts(words.es);
    expect(ariaLabel(composition)).toContain(
      "Gráfico de áreas apiladas de la composición de las reservas de Demo USD, como proporción del total de reservas: 6 informes del 2015-01-31 al 2015-06-30.",
    );
    expect(composition).toContain(">Efectivo y depósitos bancarios</text>");
    expect(composition).toContain(">No capturado por nosotros</text>");
    expect(composition).toContain(">feb</text>"); // ECharts' own month names
    expect(composition).not.toContain(">Feb</text>");
    expect(coverage).toContain(">100% cubierto</text>");
    for (const text of [
      "Índice de cobertura",
      "Cifra exacta",
      "Aproximada (redondeada)",
      "Cota inferior (al menos)",
      "Cota superior (como máximo)",
    ]) {
      expect(coverage).toContain(`>${text}</text>`);
    }
    expect(ariaLabel(coverage)).toContain("mínimo 99%, último 102% (aproximada (redondeada))");
    expect(cadence).toContain(">Informe (días desde la fecha de corte hasta la publicación)</text>");
    expect(cadence).toContain(">Vacío de más de 45 días entre informes</text>");
    expect(ariaLabel(cadence)).toContain(
      "demora de publicación de 20 a 40 días (1 sin fecha de publicación), esperada de 0 a 30 días; vacíos: del 2024-03-31 al 2024-09-27 (180 días).",
    );
    expect(ariaLabel(bar)).toBe("Composición de las reservas: Letras del Tesoro (≤ 93 días) 60%; Efectivo y depósitos bancarios 40%.");
    for (const svg of [composition, coverage, cadence, bar]) {
      expect(svg).not.toMatch(/Not captured|Coverage ratio|Exact figure|Report|reports from|Expected lag|Gap over|Cash and bank/);
    }
    expect(words.es.table.dateUnknown).toBe("fecha de publicación desconocida");
    expect(words.es.table.usd(1.5e9)).toBe("US$1.50 mil M");
  });

  it("writes Portuguese digits in sentences, axis labels and table cells", () => {
    const pts = [
      { asOf: "2024-01-31", pct: 99.5, bound: "exact" as const },
      { asOf: "2024-02-29", pct: 101.25, bound: "exact" as const },
    ];
    const coverage = renderChartSvg(coverageLineOption(pts, { words: words.pt }), W, 300, words.pt);
    expect(ariaLabel(coverage)).toContain("2 relatórios de 2024-01-31 a 2024-02-29; mínimo 99,5%, último 101,3% (valor exato).");
    expect(coverage).toContain(">fev</text>");
    const usd = compositionPoints(4).map((p) => ({ ...p, values: { cash_deposits: 1.2e9 }, notCaptured: 0.3e9 }));
    const svg = renderChartSvg(compositionAreaOption(usd, "usd", { words: words.pt }), W, H, words.pt);
    expect(svg).toMatch(/>US\$ 1,2 bi<\/text>/); // an axis tick with a decimal comma
    expect(svg).not.toMatch(/>US\$ \d+\.\d+ bi<\/text>/);
    expect([words.pt.table.pct(12.345), words.pt.table.usd(1.5e9), words.pt.table.usd(4.56e8)]).toEqual([
      "12,3%",
      "US$ 1,50 bi",
      "US$ 456,0 mi",
    ]);
  });
});
