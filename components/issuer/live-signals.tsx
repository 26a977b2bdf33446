import { getTranslations } from "next-intl/server";

import { utcMinute } from "@/lib/domain/dates";
import type { IssuerLiveModel, LiveFigure } from "@/lib/domain/views/live";
import { formatDay } from "@/lib/i18n/dates";
import { numberFormatters } from "@/lib/i18n/format";

/** Age of a reading against the moment the page's live figures were computed, in whole minutes, hours or days. */
function age(readAt: string, computedAt: string): { unit: "minutes" | "hours" | "days"; n: number } {
  const minutes = Math.max(0, Math.round((Date.parse(computedAt) - Date.parse(readAt)) / 60_000));
  if (minutes < 120) return { unit: "minutes", n: minutes };
  if (minutes < 48 * 60) return { unit: "hours", n: Math.round(minutes / 60) };
  return { unit: "days", n: Math.round(minutes / 1440) };
}

const WIDTH = 640;

type Translate = Awaited<ReturnType<typeof getTranslations<"issuer.live">>>;

/** An off reader's name in the page's language. */
function offReaderName(o: IssuerLiveModel["off"][number], t: Translate): string {
  return o.reader.startsWith("unsupported:")
    ? t("offReader.unsupported", { chain: o.chain ?? "" })
    : o.family === "evm"
      ? t("offReader.evm", { chain: o.chain ?? "" })
      : o.family === "transparency"
        ? t("offReader.transparency", { adapter: o.reader.slice("transparency:".length) })
        : t(`offReader.${o.family}`);
}

/** Supply by chain as horizontal bars: server-rendered SVG, readable without JavaScript, with a table beside it. */
function SupplyBars({ figures, label, fmt }: { figures: LiveFigure[]; label: string; fmt: (v: string) => string }) {
  const rows = figures.filter((f) => f.amount !== null);
  const max = Math.max(...rows.map((r) => Number(r.amount)), 1);
  const h = 22;
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${WIDTH} ${rows.length * h + 4}`}
      width="100%"
      className="live-chart"
      data-testid="supply-by-chain-svg"
    >
      {rows.map((r, i) => {
        const w = Math.max(1, (Number(r.amount) / max) * (WIDTH - 260));
        return (
          <g key={`${r.label}-${i}`} transform={`translate(0 ${i * h + 2})`}>
            <text x={0} y={15} fontSize={12} fill="currentColor">
              {r.chain ?? r.label}
            </text>
            <rect x={120} y={3} width={w} height={h - 8} fill="#1f5fbf" />
            <text x={126 + w} y={15} fontSize={12} fill="currentColor">
              {fmt(r.amount!)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Peg deviation in basis points per day, the ±band drawn, stress episodes marked. */
function PegChart({ peg, label, bandBp }: { peg: NonNullable<IssuerLiveModel["peg"]>; label: string; bandBp: number }) {
  const pts = peg.points;
  const maxAbs = Math.max(bandBp * 2, ...pts.map((p) => Math.abs(p.deviationBp)));
  const H = 160;
  const x = (i: number) => (pts.length === 1 ? WIDTH / 2 : (i / (pts.length - 1)) * (WIDTH - 20) + 10);
  const y = (bp: number) => H / 2 - (bp / maxAbs) * (H / 2 - 8);
  const index = new Map(pts.map((p, i) => [p.date, i]));
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${H}`} width="100%" className="live-chart" data-testid="peg-history-svg">
      {peg.episodes.map((e) => {
        const a = index.get(e.startDate) ?? 0;
        const b = index.get(e.endDate) ?? a;
        return <rect key={e.startDate} x={x(a) - 3} y={0} width={Math.max(6, x(b) - x(a) + 6)} height={H} fill="#a3261d" opacity={0.15} />;
      })}
      {peg.stressEvents.map((e) => {
        const i = index.get(e.date);
        return i === undefined ? null : (
          <line key={`${e.date}-${e.kind}`} x1={x(i)} x2={x(i)} y1={0} y2={H} stroke="#a3261d" strokeWidth={1} data-stress-event={e.kind} />
        );
      })}
      <line x1={0} x2={WIDTH} y1={y(0)} y2={y(0)} stroke="currentColor" strokeWidth={0.5} />
      <line x1={0} x2={WIDTH} y1={y(bandBp)} y2={y(bandBp)} stroke="currentColor" strokeDasharray="4 3" strokeWidth={0.5} />
      <line x1={0} x2={WIDTH} y1={y(-bandBp)} y2={y(-bandBp)} stroke="currentColor" strokeDasharray="4 3" strokeWidth={0.5} />
      <polyline fill="none" stroke="#1f5fbf" strokeWidth={1.5} points={pts.map((p, i) => `${x(i)},${y(p.deviationBp)}`).join(" ")} />
      {pts.length === 1 && <circle cx={x(0)} cy={y(pts[0]!.deviationBp)} r={3} fill="#1f5fbf" />}
    </svg>
  );
}

/** Live signals between reports: each figure with when it was read; off readers say what would turn them on. */
export async function LiveSignals({ live }: { live: IssuerLiveModel }) {
  const [t, f] = await Promise.all([getTranslations("issuer.live"), numberFormatters()]);
  const tokens = new Intl.NumberFormat(f.locale, { notation: "compact", maximumFractionDigits: 2 });
  const fmt = (v: string) => tokens.format(Number(v));
  const ageText = (readAt: string) => {
    const a = age(readAt, live.computedAt);
    return t(`age.${a.unit}`, { n: a.n });
  };
  const when = (fig: LiveFigure) =>
    fig.readAt ? (
      <>
        <time dateTime={fig.readAt}>{t("utc", { time: utcMinute(fig.readAt) })}</time> <span className="sub">({ageText(fig.readAt)})</span>
      </>
    ) : (
      <span className="sub">{t("neverRead")}</span>
    );
  const failure = (fig: LiveFigure) =>
    fig.failure && (
      <div className="sub" data-testid="live-failure">
        {t("lastFailure", { at: utcMinute(fig.failure.at), error: fig.failure.error.slice(0, 120) })}
      </div>
    );
  const table = (figs: LiveFigure[], caption: string, testid: string) => (
    <div className="table-scroll">
      <table data-testid={testid}>
        <caption className="skip">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("col.what")}</th>
            <th scope="col" className="num">
              {t("col.amount")}
            </th>
            <th scope="col">{t("col.where")}</th>
            <th scope="col">{t("col.readAt")}</th>
          </tr>
        </thead>
        <tbody>
          {figs.map((fig, i) => (
            <tr key={`${fig.label}-${i}`}>
              <th scope="row">{fig.label}</th>
              <td className="num">{fig.amount !== null ? fmt(fig.amount) : <span className="sub">{t("noValue")}</span>}</td>
              <td className="sub">
                {fig.blockNumber ? t("block", { n: fig.blockNumber }) : fig.slot ? t("slot", { n: fig.slot }) : t("fetched")}
              </td>
              <td>
                {when(fig)}
                {failure(fig)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  const settings = [...new Set(live.off.flatMap((o) => (o.setting ? [o.setting] : [])))];
  const nothing = live.supply.length === 0 && live.reserves.length === 0 && live.issuerFigures.length === 0 && !live.peg;
  return (
    <section aria-labelledby="live-h" data-testid="live-signals">
      <h2 id="live-h">{t("heading")}</h2>
      <p className="sub">{t("intro", { computed: utcMinute(live.computedAt) })}</p>
      {live.off.length > 0 && (
        // What is off, for every reader; what would turn each on (a setting's name, the same in every language), for
        // the maintainer, folded away.
        <div className="notice-inline" data-testid="live-off">
          <p>{t("off", { readers: live.off.map((o) => offReaderName(o, t)).join(", ") })}</p>
          {settings.length > 0 && (
            <details>
              <summary>{t("offHow")}</summary>
              <p>{t("offSetting", { setting: settings.join(", ") })}</p>
            </details>
          )}
        </div>
      )}
      {nothing && (
        <p data-testid="live-none">
          {live.deployments.length > 0
            ? t("noReadings", { chains: [...new Set(live.deployments.map((d) => d.chain))].join(", ") })
            : t("noSources")}
        </p>
      )}
      {live.supply.length > 0 && (
        <>
          <h3>{t("supplyHeading")}</h3>
          {live.supplyTotal && (
            <p data-testid="supply-now">
              {t(live.supplyTotal.complete ? "supplyNow" : "supplyNowPartial", {
                amount: fmt(live.supplyTotal.amount),
                oldest: utcMinute(live.supplyTotal.oldestReadAt),
              })}
            </p>
          )}
          <SupplyBars figures={live.supply} label={t("supplyChart")} fmt={fmt} />
          {table(live.supply, t("supplyHeading"), "supply-by-chain")}
          {live.lastReport && (live.tokensChangePct !== null || live.reservesOverSupplyPct !== null) && (
            <ul className="plain" data-testid="live-computed">
              {live.tokensChangePct !== null && (
                <li>
                  <span className="badge">{t("computed")}</span>{" "}
                  {t("tokensChange", { pct: live.tokensChangePct, date: formatDay(live.lastReport.asOf, f.locale) })}
                </li>
              )}
              {live.reservesOverSupplyPct !== null && (
                <li>
                  <span className="badge">{t("computed")}</span>{" "}
                  {t("reservesOverSupply", { pct: live.reservesOverSupplyPct, date: formatDay(live.lastReport.asOf, f.locale) })}
                </li>
              )}
            </ul>
          )}
        </>
      )}
      {live.reserves.length > 0 && (
        <>
          <h3>{t("reservesHeading")}</h3>
          {table(live.reserves, t("reservesHeading"), "onchain-reserves")}
        </>
      )}
      {live.issuerFigures.length > 0 && (
        <>
          <h3>{t("issuerHeading")}</h3>
          <p className="sub">{t("issuerStated")}</p>
          {table(live.issuerFigures, t("issuerHeading"), "issuer-figures")}
        </>
      )}
      {live.peg && (
        <>
          <h3>{t("pegHeading", { token: live.peg.token })}</h3>
          <PegChart peg={live.peg} label={t("pegChart", { token: live.peg.token, n: live.peg.points.length })} bandBp={50} />
          <details>
            <summary>{t("dataTable")}</summary>
            <div className="table-scroll">
              <table data-testid="peg-table">
                <thead>
                  <tr>
                    <th scope="col">{t("col.date")}</th>
                    <th scope="col" className="num">
                      {t("col.price")}
                    </th>
                    <th scope="col" className="num">
                      {t("col.deviation")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {live.peg.points.map((p) => (
                    <tr key={p.date}>
                      <th scope="row">
                        <time dateTime={p.date}>{formatDay(p.date, f.locale)}</time>
                      </th>
                      <td className="num">{p.priceUsd}</td>
                      <td className="num">{p.deviationBp}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  );
}
