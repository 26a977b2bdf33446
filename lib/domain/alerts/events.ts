// Alert events from the product's records (issue 20): the dedupe key that makes
// each event recorded once, and the content of the payload it stores (payload.ts):
// which figures, with which bounds, and the facts. Built from plain shapes;
// lib/i18n/alerts/payloads.ts writes the figures' English text and checks the
// payload, lib/server/alerts/ loads the records and writes the outbox.
// Pure: no server, framework or database code; no clock.
import Decimal from "decimal.js";

import type { OverdueJudgement } from "@/lib/domain/metrics/cadence";
import { divideMeasured, exactly, fromFigure, subtractMeasured, type Measured } from "@/lib/domain/precision";
import type { Figure } from "@/lib/domain/types";

import { daysFigure, measuredFigure, pctFigure, priceFigure, tokensFigure, usdFigure } from "./figures";
import type { AlertEventKind } from "./kinds";
import type { AlertEventContent, AlertFigureValue } from "./payload";

/** One event per key, ever: the outbox's UNIQUE dedupe_key. */
export const dedupeKeys = {
  reportPublished: (attestationId: string) => `report_published:${attestationId}`,
  /** One per revision a correction produced. */
  reportCorrected: (attestationId: string, revision: number) => `report_corrected:${attestationId}:r${revision}`,
  reportRetracted: (attestationId: string) => `report_retracted:${attestationId}`,
  stressEvent: (stressEventId: string) => `stress_event:${stressEventId}`,
  /** One per issuer and expected report (its as-of date from overdueJudgement). */
  reportOverdue: (issuerId: string, expectedAsOf: string) => `report_overdue:${issuerId}:${expectedAsOf}`,
  /** One per sustained episode, named by its first day. */
  priceBand: (issuerId: string, token: string, startDate: string) => `price_band:${issuerId}:${token}:${startDate}`,
  /** One per time a live condition became true. */
  condition: (kind: AlertEventKind, issuerId: string, subject: string, since: string) => `${kind}:${issuerId}:${subject}:${since}`,
};

export interface IssuerRef {
  slug: string;
  name: string;
}

export const issuerPagePath = (slug: string) => `/issuers/${slug}`;

const nonEmpty = (figures: (AlertFigureValue | null)[]) => figures.filter((f): f is AlertFigureValue => f !== null);

/** A web address a reader can follow, or null: a stored source that is not one (a typo, a relative path) drops out rather than failing the alert. */
function webAddress(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === "https:" || u.protocol === "http:" ? url : null;
  } catch {
    return null;
  }
}

/** The schema check waits for the figures' text (lib/i18n/alerts/payloads.ts): the stored shape has it. */
function content(c: AlertEventContent): AlertEventContent {
  return { ...c, sourceUrl: webAddress(c.sourceUrl) };
}

export interface ReportForAlert {
  /** Stored as-of date, YYYY-MM-DD (a month-precision date is the month's first day). */
  asOf: string;
  asOfPrecision: "day" | "month";
  reportType: string;
  scope: string;
  reportUrl: string | null;
  sourceUrl: string | null;
  totalReserves: Figure | null;
  tokensOutstanding: Figure | null;
  revision: number;
}

/** Published, corrected or retracted: the report's figures and, on reserves-and-tokens figures, coverage. */
export function reportEventContent(
  kind: "report_published" | "report_corrected" | "report_retracted",
  issuer: IssuerRef,
  report: ReportForAlert,
  reason: string | null = null,
): AlertEventContent {
  const coverage =
    report.scope === "reserves_and_tokens" && report.totalReserves && report.tokensOutstanding
      ? measuredFigure("coverage", divideMeasured(fromFigure(report.totalReserves), fromFigure(report.tokensOutstanding), 100), "pct")
      : null;
  return content({
    issuer,
    pagePath: issuerPagePath(issuer.slug),
    sourceUrl: report.sourceUrl ?? report.reportUrl,
    figures: nonEmpty([
      report.totalReserves ? usdFigure("total_reserves", report.totalReserves) : null,
      report.tokensOutstanding ? usdFigure("tokens_outstanding", report.tokensOutstanding) : null,
      coverage,
    ]),
    facts: {
      asOf: report.asOf,
      asOfPrecision: report.asOfPrecision,
      reportType: report.reportType,
      revision: kind === "report_corrected" ? String(report.revision) : null,
      reason: kind === "report_published" ? null : reason,
    },
  });
}

export interface StressForAlert {
  kind: string;
  startDate: string | null;
  endDate: string | null;
  summary: string;
  lowestPrice: string | null;
  reserveExposure: Figure | null;
  sourceUrl: string | null;
}

export function stressEventContent(issuer: IssuerRef, e: StressForAlert): AlertEventContent {
  return content({
    issuer,
    pagePath: issuerPagePath(issuer.slug),
    sourceUrl: e.sourceUrl,
    figures: nonEmpty([
      e.lowestPrice ? priceFigure("lowest_price", e.lowestPrice) : null,
      e.reserveExposure ? usdFigure("reserve_exposure", e.reserveExposure) : null,
    ]),
    facts: {
      stressKind: e.kind,
      startDate: e.startDate,
      endDate: e.endDate,
      summary: e.summary.length > 1000 ? `${e.summary.slice(0, 999)}…` : e.summary,
    },
  });
}

/** From an overdue judgement (status "overdue"): which report, by when it was expected, how late. */
export function overdueContent(issuer: IssuerRef, j: OverdueJudgement, sourceUrl: string | null = null): AlertEventContent {
  return content({
    issuer,
    pagePath: issuerPagePath(issuer.slug),
    sourceUrl,
    figures: j.daysOverdue !== null ? [daysFigure("days_overdue", j.daysOverdue)] : [],
    facts: {
      lastAsOf: j.lastAsOf,
      expectedAsOf: j.nextExpectedAsOf,
      windowStart: j.windowStart,
      windowEnd: j.windowEnd,
      explanation: j.explanation,
    },
  });
}

export interface PriceEpisodeForAlert {
  startDate: string;
  endDate: string;
  lowestPrice: string;
  /** Signed, in basis points. */
  maxDeviationBp: number;
  /** The latest point of the episode. */
  lastPrice: string;
}

export function priceBandContent(
  issuer: IssuerRef,
  token: string,
  ep: PriceEpisodeForAlert,
  bandBp: number,
  sourceUrl: string | null = null,
): AlertEventContent {
  return content({
    issuer,
    pagePath: issuerPagePath(issuer.slug),
    sourceUrl,
    figures: [
      priceFigure("price", ep.lastPrice),
      priceFigure("lowest_price", ep.lowestPrice),
      pctFigure("deviation", new Decimal(ep.maxDeviationBp).div(100).toFixed()),
    ],
    facts: { token, startDate: ep.startDate, endDate: ep.endDate, bandPct: new Decimal(bandBp).div(100).toFixed() },
  });
}

/** (live supply − attested tokens) ÷ attested tokens × 100, carrying the attested figure's precision. */
export function supplyDivergence(supply: string, attested: Figure): Measured {
  const tokens = fromFigure(attested);
  return divideMeasured(subtractMeasured(exactly(supply), tokens), tokens, 100);
}

export interface DivergenceForAlert {
  supply: string;
  supplyComplete: boolean;
  readAt: string;
  attested: Figure;
  attestedAsOf: string;
  attestedAsOfPrecision: "day" | "month";
  thresholdPct: number;
  sourceUrl: string | null;
}

export function supplyDivergenceContent(issuer: IssuerRef, d: DivergenceForAlert): AlertEventContent {
  return content({
    issuer,
    pagePath: issuerPagePath(issuer.slug),
    sourceUrl: d.sourceUrl,
    figures: nonEmpty([
      tokensFigure("live_supply", d.supply, d.supplyComplete ? "exact" : "lower"),
      usdFigure("attested_tokens", d.attested),
      measuredFigure("divergence", supplyDivergence(d.supply, d.attested), "pct"),
    ]),
    facts: {
      asOf: d.attestedAsOf,
      asOfPrecision: d.attestedAsOfPrecision,
      thresholdPct: String(d.thresholdPct),
      readAt: d.readAt,
      supplyComplete: d.supplyComplete ? "true" : "false",
    },
  });
}

export interface ReservesForAlert {
  reserves: string;
  supply: string;
  readAt: string;
  sourceUrl: string | null;
}

export function reserveBelowSupplyContent(issuer: IssuerRef, r: ReservesForAlert): AlertEventContent {
  const reserves = exactly(r.reserves);
  const supply = exactly(r.supply);
  return content({
    issuer,
    pagePath: issuerPagePath(issuer.slug),
    sourceUrl: r.sourceUrl,
    figures: nonEmpty([
      measuredFigure("onchain_reserves", reserves, "usd"),
      tokensFigure("live_supply", r.supply),
      measuredFigure("shortfall", subtractMeasured(supply, reserves), "tokens"),
      measuredFigure("coverage", divideMeasured(reserves, supply, 100), "pct"),
    ]),
    facts: { readAt: r.readAt, supplyComplete: "true" },
  });
}
