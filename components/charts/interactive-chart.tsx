"use client";

// The live chart, loaded only on demand. Until the reader points at, taps or
// focuses into the chart this is a wrapper around the server-rendered SVG and
// neither ECharts nor the chart's option has been fetched: the first-load budget (25 KB gzip of our own JS)
// has no room for it. The only static references to echarts are `import type`,
// which the compiler erases.
import type { EChartsOption } from "echarts";
import type { ECharts, EChartsInitOpts } from "echarts/core";
import { useEffect, useRef, useState, type ReactNode } from "react";

import { echartsLocaleObject, formatChartNumber, withLocalNumbers, type ChartLocale } from "@/lib/charts/locale";
import { CHART_SIZES, NARROW_CHART_MEDIA, type ChartSize } from "@/lib/charts/sizes";

type CreateChart = (el: HTMLElement, width: number, height: number, locale?: ChartLocale) => ECharts;

// One download per page, shared by every chart on it.
let runtime: Promise<CreateChart> | undefined;

function loadRuntime(): Promise<CreateChart> {
  // Each `const { … } = await import()` names the exports it uses, which lets the
  // bundler drop every other chart type and component from the lazy chunk; the four
  // downloads still run in parallel.
  runtime ??= Promise.all([
    (async () => {
      const { init, use: register } = await import("echarts/core");
      return { init, register };
    })(),
    (async () => {
      const { LineChart, ScatterChart, BarChart } = await import("echarts/charts");
      return [LineChart, ScatterChart, BarChart];
    })(),
    (async () => {
      const { GridComponent, LegendComponent, TooltipComponent, DataZoomComponent, MarkLineComponent, MarkAreaComponent, AriaComponent } =
        await import("echarts/components");
      return [GridComponent, LegendComponent, TooltipComponent, DataZoomComponent, MarkLineComponent, MarkAreaComponent, AriaComponent];
    })(),
    (async () => {
      const { SVGRenderer } = await import("echarts/renderers");
      return SVGRenderer;
    })(),
  ]).then(([{ init, register }, charts, components, renderer]) => {
    register([...charts, ...components, renderer]);
    // SVG, not canvas: the options paint text and lines in "currentColor", which only SVG inherits from the page.
    // An object locale is merged over ECharts' English: only the month names are given.
    return (el, width, height, locale) => {
      const names = echartsLocaleObject(locale) as EChartsInitOpts["locale"] | undefined;
      return init(el, null, { renderer: "svg", width, height, ...(names ? { locale: names } : {}) });
    };
  });
  runtime.catch(() => {
    runtime = undefined; // let a later interaction retry after a failed download
  });
  return runtime;
}

/**
 * Tooltips in the axis's unit and the reader's digits. A formatter is a function,
 * which cannot travel from the server in the option, so it is rebuilt here from the
 * y axis's label template ("{value}%", "${value}B", "{value} d").
 */
function withTooltipUnits(option: EChartsOption, locale?: ChartLocale): EChartsOption {
  const yAxis = Array.isArray(option.yAxis) ? option.yAxis[0] : option.yAxis;
  const template = yAxis?.axisLabel?.formatter;
  const tooltip = option.tooltip;
  if (typeof template !== "string" || !tooltip || Array.isArray(tooltip)) return option;
  const valueFormatter = (value: unknown) => {
    const v = Array.isArray(value) ? value[1] : value; // scatter points are [x, y]
    return template.replace("{value}", typeof v === "number" ? formatChartNumber(v, locale) : String(v));
  };
  return { ...option, tooltip: { ...tooltip, valueFormatter } };
}

// One request per option, shared by every chart that shows it (and by a retry after a failed one).
const options = new Map<string, Promise<EChartsOption>>();

function loadOption(src: string): Promise<EChartsOption> {
  let pending = options.get(src);
  if (!pending) {
    pending = fetch(src, { credentials: "same-origin" }).then((r) => {
      if (!r.ok) throw new Error(`${src}: ${r.status}`);
      return r.json() as Promise<EChartsOption>;
    });
    pending.catch(() => options.delete(src));
    options.set(src, pending);
  }
  return pending;
}

export interface InteractiveChartProps {
  /**
   * Where the option the static SVG was rendered from is served as JSON (the chart's own
   * route, versioned like its SVG). Fetched with ECharts on the first interaction: in the
   * page's props it would travel twice more (HTML and RSC payload) to every reader.
   */
  optionSrc: string;
  /** What ECharts writes itself (month names, digit marks) in the page's language; absent: English. */
  locale?: ChartLocale;
  /** The size the static SVG was rendered at (its viewBox). */
  width: number;
  height: number;
  /** The option of the phone drawing (CHART_SIZES.narrow), live where NARROW_CHART_MEDIA matches, as the static <picture> picks. */
  narrowOptionSrc?: string;
  /** The server-rendered SVG. */
  children: ReactNode;
}

export function InteractiveChart({ optionSrc, locale, width, height, narrowOptionSrc, children }: InteractiveChartProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const liveRef = useRef<HTMLDivElement>(null);
  // Which drawing goes live, once the reader interacts: the one the static <picture> picked (same media query).
  const [started, setStarted] = useState<ChartSize | null>(null);
  const [live, setLive] = useState(false);
  const {
    optionSrc: src,
    width: w,
    height: h,
  } = started === "narrow" && narrowOptionSrc ? { optionSrc: narrowOptionSrc, ...CHART_SIZES.narrow } : { optionSrc, width, height };

  useEffect(() => {
    if (!started) return;
    let cancelled = false;
    let chart: ECharts | undefined;
    let observer: ResizeObserver | undefined;
    Promise.all([loadRuntime(), loadOption(src)]).then(
      ([create, option]) => {
        const box = boxRef.current;
        const el = liveRef.current;
        if (cancelled || !box || !el) return;
        // Drawn at the static SVG's own size and scaled like it, so the layout the
        // server computed (legend rows, grid) holds and nothing on the page moves.
        chart = create(el, w, h, locale);
        chart.setOption(withLocalNumbers(withTooltipUnits(option, locale), locale));
        const fit = () => {
          el.style.transform = `scale(${box.clientWidth / w})`;
        };
        fit();
        observer = new ResizeObserver(fit);
        observer.observe(box);
        setLive(true);
      },
      (error: unknown) => {
        // The static chart and the data table stay; nothing the reader must act on.
        console.error("Interactive chart failed to load", error);
      },
    );
    return () => {
      cancelled = true;
      observer?.disconnect();
      chart?.dispose();
      setLive(false);
    };
  }, [started, src, w, h, locale]);

  const start = () => {
    if (!started) setStarted(narrowOptionSrc && window.matchMedia(NARROW_CHART_MEDIA).matches ? "narrow" : "wide");
  };
  // Styles only ever appear after hydration, where React sets them through the CSSOM:
  // the site's CSP (style-src 'self') would drop style="" attributes sent in the HTML.
  return (
    <div
      ref={boxRef}
      className="chart-interactive"
      style={started ? { position: "relative" } : undefined}
      onPointerEnter={start}
      onFocus={start}
      onClick={start}
    >
      {/* The static SVG keeps its place in the flow (and so the box's height) until the live chart is drawn. */}
      <div style={live ? { visibility: "hidden" } : undefined} aria-hidden={live || undefined}>
        {children}
      </div>
      {started && (
        <div
          ref={liveRef}
          style={{
            position: "absolute",
            top: 0,
            left: 0,
            width: w,
            height: h,
            transformOrigin: "0 0",
            visibility: live ? undefined : "hidden",
            // zrender sizes text with style="" attributes, which that CSP blocks; inherited size is the fallback.
            fontSize: 12,
          }}
        />
      )}
    </div>
  );
}
