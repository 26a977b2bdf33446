// One metric's worked example from live data: which issuer and report it reads,
// the inputs with their precision marks, and the result the production function
// returned, worded from the catalogue (methodology.live.*).
import Decimal from "decimal.js";
import type { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

import type { MetricId } from "@/lib/domain/metrics/definitions";
import type { LiveInput, LiveMeasured, LiveWorkedExample, LiveWorkedExamples } from "@/lib/domain/metrics/worked-examples";
import { BOUND_SYMBOLS, type Measured } from "@/lib/domain/precision";
import type { DatePrecision } from "@/lib/domain/taxonomy";
import type { NumberFormatters } from "@/lib/i18n/format";
import type { TaxonomyLabels } from "@/lib/i18n/labels";
import { formatUsdCompact } from "@/lib/i18n/numbers";
import { Link } from "@/components/i18n/link";
import { shortUsd } from "@/components/ui/money";

type Translate = Awaited<ReturnType<typeof getTranslations>>;

interface Ctx {
  t: Translate;
  tc: Translate;
  f: NumberFormatters;
  L: TaxonomyLabels;
}

/** Issuer-level metrics read an issuer's series rather than one report. */
const ISSUER_LEVEL: readonly MetricId[] = ["cadence_adherence", "overdue", "longest_gap"];

const UNKNOWN: Measured = { value: null, bound: "unknown" };

function asOfText({ t, f }: Ctx, date: string, precision: DatePrecision): string {
  return precision === "month" ? t("live.monthOnly", { date: f.date(date, "month") }) : f.date(date);
}

function pct({ f }: Ctx, m: LiveMeasured | null, digits = 1): string {
  return f.pct(m ?? UNKNOWN, digits);
}

/**
 * A computed dollar amount, shortened to three significant digits in the
 * direction that keeps its claim true (a lower bound rounds down, an upper bound
 * up, others toward zero): a difference of two figures must not show more digits
 * than either source gave.
 */
function usd({ f, tc }: Ctx, m: LiveMeasured): string {
  if (m.value === null) return tc("notAvailable");
  const d = new Decimal(m.value);
  if (d.abs().lt(1e6)) return f.usd(m.value, m.bound);
  if (m.bound === "exact") return shortUsd(m.value, "exact", f.locale);
  const mode = m.bound === "lower" ? Decimal.ROUND_FLOOR : m.bound === "upper" ? Decimal.ROUND_CEIL : Decimal.ROUND_DOWN;
  return formatUsdCompact(d.toSignificantDigits(3, mode).toFixed(), m.bound, f.locale);
}

/** A change in USD: "+" on rises, after the precision mark ("≥ +$1 M"). */
function signedUsd(ctx: Ctx, m: LiveMeasured): string {
  const text = usd(ctx, m);
  if (m.value === null || m.value.startsWith("-") || Number(m.value) === 0) return text;
  const symbol = BOUND_SYMBOLS[m.bound];
  return symbol ? text.replace(`${symbol} `, `${symbol} +`) : `+${text}`;
}

/** A share as the source states it, with the digits it has. */
function statedPct({ f }: Ctx, value: string): string {
  return f.pct({ value, bound: "exact" }, Math.min(4, value.split(".")[1]?.length ?? 0));
}

function inputText(ctx: Ctx, input: LiveInput): string {
  const { t, f, L } = ctx;
  switch (input.kind) {
    case "usd":
      return t(`live.input.${input.key}`, { value: f.usd(input.value, input.precision) });
    case "line": {
      const parts = [
        input.amountUsd ? t("live.input.lineAmount", { value: f.usd(input.amountUsd.value, input.amountUsd.precision) }) : null,
        input.statedSharePct !== null ? t("live.input.lineShare", { value: statedPct(ctx, input.statedSharePct) }) : null,
        input.custodian ? t("live.input.lineCustodian", { name: input.custodian }) : null,
        input.maturity ? t("live.input.lineMaturity", { text: input.maturity }) : null,
      ].filter((p): p is string => p !== null);
      const category = L.category(input.category);
      return parts.length > 0 ? t("live.input.line", { category, details: parts.join(", ") }) : t("live.input.lineEmpty", { category });
    }
    case "reportedPct":
      return t(`live.input.${input.key}`, { value: statedPct(ctx, input.value) });
    case "date":
      return t(`live.input.${input.key}`, { date: asOfText(ctx, input.value, input.precision) });
    case "scope":
      return t("live.input.scope", { scope: L.scope(input.value) });
    case "cadence":
      return t("live.input.cadence", { cadence: L.cadence(input.value) });
    case "count":
      return t(`live.input.${input.key}`, { count: input.value });
    case "lags":
      return input.values.length > 0 ? t("live.input.lags", { list: input.values.join(", ") }) : t("live.input.noLags");
    case "previousReport":
      return input.totalReserves
        ? t("live.input.previousReport", {
            reportType: L.reportType(input.reportType),
            asOf: asOfText(ctx, input.asOf, input.asOfPrecision),
            total: f.usd(input.totalReserves.value, input.totalReserves.precision),
          })
        : t("live.input.previousReportNoTotal", {
            reportType: L.reportType(input.reportType),
            asOf: asOfText(ctx, input.asOf, input.asOfPrecision),
          });
  }
}

/** The result lines, each a sentence of the catalogue with the numbers formatted for the page's language. */
function resultLines(ctx: Ctx, ex: LiveWorkedExample): string[] {
  const { t, L } = ctx;
  const days = (n: number) => t("live.result.days", { count: n });
  switch (ex.metricId) {
    case "coverage_ratio": {
      const r = (ex as LiveWorkedExample<"coverage_ratio">).result;
      return [t("live.result.coverage", { pct: pct(ctx, r.coveragePct) }), ...(r.onGroupTotals ? [t("live.result.groupTotals")] : [])];
    }
    case "composition_shares": {
      const r = (ex as LiveWorkedExample<"composition_shares">).result;
      return r.categories.map((c) =>
        c.amountUsd.value === null
          ? t("live.result.categoryShare", { category: L.category(c.category), pct: pct(ctx, c.sharePct) })
          : t("live.result.categoryShareUsd", { category: L.category(c.category), pct: pct(ctx, c.sharePct), usd: usd(ctx, c.amountUsd) }),
      );
    }
    case "not_captured": {
      const r = (ex as LiveWorkedExample<"not_captured">).result;
      return [
        t("live.result.captured", { pct: pct(ctx, r.capturedPct) }),
        r.notCapturedUsd.value === null
          ? t("live.result.notCaptured", { pct: pct(ctx, r.notCapturedPct) })
          : t("live.result.notCapturedUsd", { pct: pct(ctx, r.notCapturedPct), usd: usd(ctx, r.notCapturedUsd) }),
      ];
    }
    case "other_undisclosed_share": {
      const r = (ex as LiveWorkedExample<"other_undisclosed_share">).result;
      return [t("live.result.otherUndisclosed", { pct: pct(ctx, r.otherUndisclosedPct) })];
    }
    case "eligible_share": {
      const r = (ex as LiveWorkedExample<"eligible_share">).result;
      const head =
        r.status === "not_assessed" || !r.share
          ? t("live.result.eligibleNotAssessed", { framework: r.frameworkName })
          : r.share.bound === "lower" && r.upperPossiblePct !== null
            ? t("live.result.eligibleUpTo", {
                framework: r.frameworkName,
                pct: pct(ctx, r.share),
                upper: pct(ctx, { value: r.upperPossiblePct, bound: "exact" }),
              })
            : t("live.result.eligible", { framework: r.frameworkName, pct: pct(ctx, r.share) });
      return [
        head,
        ...r.lines.map((l) =>
          t("live.result.lineDecision", {
            category: l.custodian
              ? t("live.result.categoryAt", { category: L.category(l.category), custodian: l.custodian })
              : L.category(l.category),
            pct: pct(ctx, l.sharePct),
            decision: t(`live.decision.${l.decision}`),
          }),
        ),
      ];
    }
    case "mica_deposit_floor": {
      const r = (ex as LiveWorkedExample<"mica_deposit_floor">).result;
      return r.checks.map((c) =>
        t(c.significant ? "live.result.floorSignificant" : "live.result.floorStandard", {
          required: c.requiredPct,
          status: t(`live.floorStatus.${c.status}`),
          pct: pct(ctx, c.cashDepositsPct),
        }),
      );
    }
    case "publication_lag": {
      const r = (ex as LiveWorkedExample<"publication_lag">).result;
      return [
        r.fromMonthEnd
          ? t("live.result.lagFromMonthEnd", { days: days(r.days), date: ctx.f.date(r.countedFrom) })
          : t("live.result.lag", { days: days(r.days) }),
      ];
    }
    case "cadence_adherence": {
      const r = (ex as LiveWorkedExample<"cadence_adherence">).result;
      return [
        r.expectedReports && r.adherencePct !== null
          ? t("live.result.cadence", {
              found: r.reportsFound,
              expected: r.expectedReports,
              pct: pct(ctx, { value: r.adherencePct, bound: "exact" }),
              from: ctx.f.date(r.from),
              to: ctx.f.date(r.to),
            })
          : t("live.result.cadenceNoneExpected", { found: r.reportsFound, from: ctx.f.date(r.from), to: ctx.f.date(r.to) }),
      ];
    }
    case "overdue": {
      const r = (ex as LiveWorkedExample<"overdue">).result;
      const today = ctx.f.date(r.today);
      if (!r.nextExpectedAsOf || !r.windowStart || !r.windowEnd || r.graceDays === null) return [t(`live.overdue.${r.status}`, { today })];
      const window = { next: ctx.f.date(r.nextExpectedAsOf), start: ctx.f.date(r.windowStart), end: ctx.f.date(r.windowEnd), today };
      const status =
        r.status === "overdue"
          ? t("live.overdue.overdue", { ...window, days: days(r.daysOverdue ?? 0) })
          : t(`live.overdue.${r.status}`, window);
      const basis =
        r.usedDefaultLag || r.minLagDays === null || r.typicalLagDays === null
          ? t("live.overdue.basisDefault", { grace: days(r.graceDays) })
          : t("live.overdue.basis", { min: days(r.minLagDays), typical: r.typicalLagDays, grace: days(r.graceDays) });
      return [status, basis];
    }
    case "longest_gap": {
      const r = (ex as LiveWorkedExample<"longest_gap">).result;
      return [t("live.result.gap", { days: days(r.gap.days), from: ctx.f.date(r.gap.from), to: ctx.f.date(r.gap.to) })];
    }
    case "liquidity_ladder": {
      const r = (ex as LiveWorkedExample<"liquidity_ladder">).result;
      return [
        t(`live.ladder.${r.source}`),
        t("live.ladder.within1d", { pct: pct(ctx, r.within1dPct) }),
        t("live.ladder.within7d", { pct: pct(ctx, r.within7dPct) }),
        t("live.ladder.within30d", { pct: pct(ctx, r.within30dPct) }),
        ...(r.unknownPct && r.unknownPct.value !== null && Number(r.unknownPct.value) > 0
          ? [t("live.ladder.unplaced", { pct: pct(ctx, r.unknownPct) })]
          : []),
      ];
    }
    case "concentration": {
      const r = (ex as LiveWorkedExample<"concentration">).result;
      if (!r.largest) return [t("live.result.concentrationNone")];
      return [
        t("live.result.largest", { custodian: r.largest.custodian, pct: pct(ctx, r.largest.sharePct) }),
        ...r.custodians.map((c) => t("live.result.custodian", { custodian: c.custodian, pct: pct(ctx, c.sharePct) })),
      ];
    }
    case "change_since_previous": {
      const r = (ex as LiveWorkedExample<"change_since_previous">).result;
      return [
        ...r.changes.map((c) => {
          const values = { category: L.category(c.category), from: pct(ctx, c.previousPct), to: pct(ctx, c.currentPct) };
          if (c.ppChange.value === null) return t("live.result.changeUnknown", values);
          const pp = ctx.f.pct(c.ppChange, 1, { unit: " pp", signed: true });
          return c.usdChange.value === null
            ? t("live.result.changePp", { ...values, pp })
            : t("live.result.change", { ...values, pp, usd: signedUsd(ctx, c.usdChange) });
        }),
        ...(r.differentScope ? [t("live.result.differentScope")] : []),
      ];
    }
  }
}

export function LiveExample({ id, examples, ctx }: { id: MetricId; examples: LiveWorkedExamples; ctx: Ctx }): ReactNode {
  const { t, tc, L } = ctx;
  const ex = examples[id] as LiveWorkedExample | null;
  if (!ex) {
    return (
      <div className="example" data-testid="live-example" data-metric={id} data-empty="true">
        <h3>{t("live.heading")}</h3>
        <p>{t("live.none")}</p>
        <p className="sub">{t(`live.rule.${id}`)}</p>
      </div>
    );
  }
  const issuerLink = (chunks: ReactNode) => <Link href={`/issuers/${ex.issuer.slug}`}>{chunks}</Link>;
  const asOf = asOfText(ctx, ex.report.asOf, ex.report.asOfPrecision);
  return (
    <div className="example" data-testid="live-example" data-metric={id} data-report={ex.report.id}>
      <h3>{t("live.heading")}</h3>
      <p>
        {ISSUER_LEVEL.includes(id)
          ? t.rich("live.fromIssuer", { issuer: ex.issuer.name, asOf, link: issuerLink })
          : t.rich("live.fromReport", { issuer: ex.issuer.name, asOf, reportType: L.reportType(ex.report.reportType), link: issuerLink })}
        {ex.issuer.isDemo && (
          <>
            {" "}
            <span className="badge demo">{tc("demoIssuer")}</span>
          </>
        )}
        {ex.report.sourceUrl && (
          <>
            {" "}
            <a href={ex.report.sourceUrl} rel="noopener noreferrer nofollow">
              {t("live.source")}
            </a>
          </>
        )}
        {ex.report.reportUrl && ex.report.reportUrl !== ex.report.sourceUrl && (
          <>
            {" "}
            <a href={ex.report.reportUrl} rel="noopener noreferrer nofollow">
              {t("live.reportDocument")}
            </a>
          </>
        )}
      </p>
      <p className="sub">{t(`live.rule.${id}`)}</p>
      <h4>{t("live.inputsHeading")}</h4>
      <ul>
        {ex.inputs.map((input, i) => (
          <li key={i}>{inputText(ctx, input)}</li>
        ))}
      </ul>
      <h4>{t("live.resultHeading")}</h4>
      <ul data-testid={`live-result-${id}`}>
        {resultLines(ctx, ex).map((line, i) => (
          <li key={i}>{i === 0 ? <strong>{line}</strong> : line}</li>
        ))}
      </ul>
    </div>
  );
}
