import "server-only";

// The embeddable chart as a whole HTML document: the server-rendered SVG, its
// caption and data table, and a link back to the source. No script, no cookie,
// no request to any other site; it sits in other people's pages, so it must be
// small and harmless. Styles are inline (the /embed CSP allows inline styles
// and nothing else that executes).
import { escapeXml } from "@/lib/charts/render";
import type { EmbedChart, EmbedKind } from "@/lib/server/queries/embed";

const TEXT: Record<EmbedKind, { title: string; caption: string; empty: string }> = {
  composition: {
    title: "Reserve composition over time",
    caption: "Each report's reserves by category, as a share of total reserves. Hatched: reserves our records do not break down.",
    empty: "No composition captured for this issuer yet.",
  },
  coverage: {
    title: "Coverage over time",
    caption: "Total reserves divided by tokens outstanding; 100% means fully covered. Hollow marks are bounds.",
    empty: "Not enough figures captured to compute coverage.",
  },
};

const STYLE = `:root{color-scheme:light dark;font:14px/1.4 system-ui,sans-serif}body{margin:0;padding:8px}figure{margin:0}figcaption{margin-bottom:4px}.sub,footer{opacity:.8;font-size:12px}a{color:inherit}table{border-collapse:collapse;font-size:12px}td,th{padding:2px 6px;text-align:left}details{margin-top:4px}`;

export function embedDocument(e: EmbedChart, kind: EmbedKind): string {
  const t = TEXT[kind];
  const title = `${t.title}: ${e.issuerName}`;
  const table = e.chart
    ? `<details><summary>Data table</summary><table><thead><tr>${e.chart.table.columns.map((c) => `<th scope="col">${escapeXml(c)}</th>`).join("")}</tr></thead><tbody>${e.chart.table.rows
        .map(
          (r) =>
            `<tr>${r.map((cell, i) => (i === 0 ? `<th scope="row">${escapeXml(cell)}</th>` : `<td>${escapeXml(cell)}</td>`)).join("")}</tr>`,
        )
        .join("")}</tbody></table></details>`
    : "";
  // The SVG comes from renderChartSvg (our own renderer, which escapes every text it writes), never from input.
  const body = e.chart ? e.chart.svg : `<p>${escapeXml(t.empty)}</p>`;
  const demo = e.isDemo ? " Demo data: a fictional issuer." : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeXml(title)} · USD1 Backed</title><style>${STYLE}</style></head>
<body><figure><figcaption><strong>${escapeXml(title)}</strong> <span class="sub">${escapeXml(t.caption)}</span></figcaption>${body}${table}</figure>
<footer>Source: <a href="/en/issuers/${escapeXml(e.slug)}" target="_blank" rel="noopener">USD1 Backed, ${escapeXml(e.issuerName)}</a>: every figure linked to the report it was read from.${escapeXml(demo)}</footer>
</body></html>
`;
}
