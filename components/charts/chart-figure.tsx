// A chart as a figure: the server-rendered SVG (readable without JavaScript), its
// caption, and the same numbers as a table for screen readers, keyboard users and
// anyone who wants the figures. A server component; only InteractiveChart ships JS.
import type { ChartLocale } from "@/lib/charts/locale";
import { CHART_SIZES, NARROW_CHART_MEDIA, type ChartSize } from "@/lib/charts/sizes";
import { InteractiveChart } from "@/components/charts/interactive-chart";

export interface ChartTable {
  columns: string[];
  /** Cells as display strings; the first cell of a row heads it (usually the date). */
  rows: string[][];
}

/** A chart served as its own cached SVG file: the page stays small (an inline SVG travels twice, in the HTML and in the RSC payload). */
export interface ChartImage {
  url: string;
  /** The chart's summary, as in the SVG's aria-label. */
  alt: string;
  width: number;
  height: number;
  /** The same chart drawn for phones: its own file and size, shown where `media` matches (default NARROW_CHART_MEDIA). */
  narrow?: { url: string; width: number; height: number; media?: string };
}

/** A chart file as a figure shows it, at both sizes: `urlAt` names the file drawn at a size; `media` picks the narrow one. */
export function chartImage(summary: string, urlAt: (size: ChartSize) => string, media?: string): ChartImage {
  return {
    url: urlAt("wide"),
    alt: summary,
    ...CHART_SIZES.wide,
    narrow: { url: urlAt("narrow"), ...CHART_SIZES.narrow, ...(media ? { media } : {}) },
  };
}

export type ChartFigureProps = {
  /** Output of renderChartSvg (lib/charts/render.ts), never markup from anywhere else. */
  svg?: string;
  /** Or the same SVG as an image URL. */
  image?: ChartImage;
  title: string;
  caption?: string;
  /** Where the option the SVG was rendered from is served as JSON, to go live on interaction. */
  interactiveSrc?: string;
  /** The same for the phone drawing (image.narrow). */
  narrowInteractiveSrc?: string;
  /** Month names and digit marks the live chart's ECharts writes itself; absent: English. */
  chartLocale?: ChartLocale;
  /** The data table's disclosure label, in the page's language (charts.dataTable). */
  dataTableLabel: string;
} & (
  | { /** The chart's numbers, in a disclosure under it. */ table: ChartTable; tableHref?: undefined }
  | {
      /** Where the data table is when it lives on another page (a long history keeps the page small). */ tableHref: string;
      table?: undefined;
    }
);

// Right-align figures such as "12.5%", "$1.2B", "US$ 1,2 bi", "30 d", "-4" like the site's other tables.
const NUMERIC = /^[-+−]?(?:US\$\s?|\$)?[\d.,]+\s?(%|[KMB]|mil M|bi|mi|d|days?)?$/;

export function ChartFigure({
  svg,
  image,
  title,
  caption,
  table,
  interactiveSrc,
  narrowInteractiveSrc,
  chartLocale,
  dataTableLabel,
  tableHref,
}: ChartFigureProps) {
  // dangerouslySetInnerHTML is safe here because `svg` comes from our own renderer:
  // ECharts escapes every text node it writes (series names, legend and axis labels),
  // renderChartSvg escapes the aria-label it adds, and all attribute values are our
  // own numbers and colours. tests/unit/charts.test.ts checks that a series named
  // "<script>…" comes out escaped. Never pass SVG from user input or a third party.
  // The browser picks the phone drawing by the same media query the live chart checks (width and height on
  // <source> keep the box's aspect ratio before the file arrives).
  const staticSvg = image ? (
    <div className="chart-svg">
      <picture>
        {image.narrow && (
          <source
            media={image.narrow.media ?? NARROW_CHART_MEDIA}
            srcSet={image.narrow.url}
            width={image.narrow.width}
            height={image.narrow.height}
          />
        )}
        {/* A plain <img>: an SVG drawn on our server, nothing for the image optimiser to do. */}
        <img src={image.url} alt={image.alt} width={image.width} height={image.height} loading="lazy" decoding="async" />
      </picture>
    </div>
  ) : (
    <div className="chart-svg" dangerouslySetInnerHTML={{ __html: svg ?? "" }} />
  );
  const size = image ? null : /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg ?? "");
  const width = image ? image.width : Number(size?.[1]);
  const height = image ? image.height : Number(size?.[2]);
  const canGoLive = interactiveSrc !== undefined && width > 0 && height > 0;

  return (
    <figure className="chart-figure">
      <figcaption>
        <strong>{title}</strong>
        {caption ? <span className="sub"> {caption}</span> : null}
      </figcaption>
      {canGoLive ? (
        <InteractiveChart
          optionSrc={interactiveSrc}
          locale={chartLocale}
          width={width}
          height={height}
          narrowOptionSrc={image?.narrow ? narrowInteractiveSrc : undefined}
        >
          {staticSvg}
        </InteractiveChart>
      ) : (
        staticSvg
      )}
      {tableHref !== undefined ? (
        <p className="chart-data-link">
          <a href={tableHref}>{dataTableLabel}</a>
        </p>
      ) : (
        <details className="chart-data">
          <summary>{dataTableLabel}</summary>
          <ChartDataTable title={title} table={table} />
        </details>
      )}
    </figure>
  );
}

/** A chart's numbers as a table: first cell of each row heads it; figures right-aligned. */
export function ChartDataTable({ title, table, id }: { title: string; table: ChartTable; id?: string }) {
  const numericColumn = table.columns.map(
    (_, i) => i > 0 && table.rows.length > 0 && table.rows.every((row) => ["", "—"].includes(row[i] ?? "") || NUMERIC.test(row[i] ?? "")),
  );
  return (
    <div className="table-scroll" id={id}>
      <table>
        <caption className="sub">{title}</caption>
        <thead>
          <tr>
            {table.columns.map((column, i) => (
              <th key={i} scope="col" className={numericColumn[i] ? "num" : undefined}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className={numericColumn[i] ? "num" : undefined}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
