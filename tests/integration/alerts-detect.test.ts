// Events no editor records (issue 20). Overdue: with a fixed "today", an issuer
// crossing its expected window (the issuer page's own judgement) produces
// exactly one report_overdue event, and none the next day. Live: a supply
// diverging from the last report, on-chain reserves below supply, and a
// sustained price move outside the band are each recorded once when they start.
import { afterAll, describe, expect, it } from "vitest";

import { dedupeKeys } from "@/lib/domain/alerts/events";
import { fromUtcDate } from "@/lib/domain/dates";
import { overdueJudgement } from "@/lib/domain/metrics/cadence";
import type { AttestationData } from "@/lib/domain/types";
import { detectLiveAlerts, detectOverdue, detectPriceBandAlerts } from "@/lib/server/alerts/detect";

import { makeIssuer, testPrisma } from "../support/db";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function publishedReport(issuerId: string, asOf: string, publishedOn: string) {
  return prisma.attestation.create({
    data: {
      issuerId,
      asOf: new Date(`${asOf}T00:00:00Z`),
      publishedOn: new Date(`${publishedOn}T00:00:00Z`),
      reportType: "attestation",
      state: "published",
      reportUrl: "https://example.org/r.pdf",
      firstPublishedAt: new Date(),
    },
  });
}

/** The issuer page's judgement on `today`, from the stored reports (computed, not written into the test). */
async function judgement(issuerId: string, today: string) {
  const rows = await prisma.attestation.findMany({ where: { issuerId, state: "published" } });
  const data = rows.map(
    (r) =>
      ({
        id: r.id,
        asOf: fromUtcDate(r.asOf),
        asOfPrecision: r.asOfPrecision,
        publishedOn: r.publishedOn ? fromUtcDate(r.publishedOn) : null,
        state: r.state,
      }) as AttestationData,
  );
  return overdueJudgement(data, "monthly", today);
}

const overdueEvents = (issuerId: string) =>
  prisma.alertEvent.findMany({ where: { issuerId, kind: "report_overdue" }, orderBy: { id: "asc" } });

describe("overdue detection", () => {
  it("records exactly one event when an issuer crosses its window, none the day before or the days after", async () => {
    const issuer = await makeIssuer(prisma, { name: "Late Dollar" });
    await publishedReport(issuer.id, "2025-01-31", "2025-02-19");
    await publishedReport(issuer.id, "2025-02-28", "2025-03-24");
    const j = await judgement(issuer.id, "2025-03-25");
    expect(j.status).toBe("on_schedule");
    const lastDayInWindow = j.windowEnd!;

    // The last day of the window: expected, not overdue.
    expect((await judgement(issuer.id, lastDayInWindow)).status).toBe("expected_between");
    await detectOverdue(prisma, lastDayInWindow);
    expect(await overdueEvents(issuer.id)).toHaveLength(0);

    // The first day after it: one event, keyed by the issuer and the expected report.
    const firstLateDay = addDays(lastDayInWindow, 1);
    expect((await judgement(issuer.id, firstLateDay)).status).toBe("overdue");
    const run = await detectOverdue(prisma, firstLateDay);
    expect(run.recorded.filter((r) => r.issuerSlug === issuer.slug)).toEqual([
      { issuerSlug: issuer.slug, expectedAsOf: j.nextExpectedAsOf!, daysOverdue: 1 },
    ]);
    const [event] = await overdueEvents(issuer.id);
    expect(event).toMatchObject({ dedupeKey: dedupeKeys.reportOverdue(issuer.id, j.nextExpectedAsOf!) });
    expect(event!.occurredAt.toISOString().slice(0, 10)).toBe(firstLateDay);
    expect(event!.payload).toMatchObject({
      facts: { expectedAsOf: j.nextExpectedAsOf, windowEnd: lastDayInWindow },
      figures: [{ key: "days_overdue", value: "1" }],
    });

    // The next days (and a second run the same day): nothing more.
    for (const day of [firstLateDay, addDays(firstLateDay, 1), addDays(firstLateDay, 2)]) {
      const again = await detectOverdue(prisma, day);
      expect(again.recorded.filter((r) => r.issuerSlug === issuer.slug)).toEqual([]);
    }
    expect(await overdueEvents(issuer.id)).toHaveLength(1);

    // The late report arrives; the next one, when late in turn, is a new event.
    await publishedReport(issuer.id, j.nextExpectedAsOf!, addDays(firstLateDay, 3));
    const next = await judgement(issuer.id, addDays(firstLateDay, 3));
    expect(next.nextExpectedAsOf).not.toBe(j.nextExpectedAsOf);
    await detectOverdue(prisma, next.windowEnd!);
    expect(await overdueEvents(issuer.id)).toHaveLength(1);
    await detectOverdue(prisma, addDays(next.windowEnd!, 1));
    expect((await overdueEvents(issuer.id)).map((e) => e.dedupeKey)).toEqual([
      dedupeKeys.reportOverdue(issuer.id, j.nextExpectedAsOf!),
      dedupeKeys.reportOverdue(issuer.id, next.nextExpectedAsOf!),
    ]);
  });

  it("does not announce an issuer long overdue when first seen, nor one without a cadence", async () => {
    const stale = await makeIssuer(prisma);
    await publishedReport(stale.id, "2024-01-31", "2024-02-20");
    const j = await judgement(stale.id, "2024-02-21");
    const longAfter = addDays(j.windowEnd!, 30);
    expect((await judgement(stale.id, longAfter)).daysOverdue).toBe(30);
    await detectOverdue(prisma, longAfter);
    expect(await overdueEvents(stale.id)).toHaveLength(0);

    const none = await makeIssuer(prisma);
    await prisma.issuer.update({ where: { id: none.id }, data: { declaredCadence: "none" } });
    await publishedReport(none.id, "2024-01-31", "2024-02-20");
    await detectOverdue(prisma, addDays(j.windowEnd!, 1));
    expect(await overdueEvents(none.id)).toHaveLength(0);
  });
});

describe("live detection", () => {
  async function liveIssuer(tokens: string) {
    const issuer = await makeIssuer(prisma, { name: "Live Dollar" });
    await prisma.attestation.create({
      data: {
        issuerId: issuer.id,
        asOf: new Date("2025-06-30T00:00:00Z"),
        reportType: "attestation",
        state: "published",
        reportUrl: "https://example.org/r.pdf",
        tokensOutstanding: tokens,
        tokensPrecision: "exact",
      },
    });
    const deployment = await prisma.liveTokenDeployment.create({
      data: {
        issuerId: issuer.id,
        chain: "ethereum",
        address: `0x${"a".repeat(40)}`,
        decimals: 6,
        symbol: "LIVE",
        compiledFrom: "test",
        sourceUrl: "https://etherscan.io/token/0xaaaa",
      },
    });
    return { issuer, deployment };
  }
  let minute = 0;
  const read = (issuerId: string, targetId: string, kind: "supply" | "reserve_feed", amount: string) =>
    prisma.liveReading.create({
      data: {
        kind,
        issuerId,
        targetId,
        metric: kind === "supply" ? "total_supply" : "answer",
        amount,
        endpointId: "rpc:ethereum",
        responseSha256: "0".repeat(64),
        readAt: new Date(Date.UTC(2026, 0, 1, 0, ++minute)),
      },
    });
  const kinds = async (issuerId: string) =>
    (await prisma.alertEvent.findMany({ where: { issuerId }, orderBy: { id: "asc" } })).map((e) => e.kind);

  it("records a supply divergence beyond ±2% once when it starts, again only after it cleared", async () => {
    const { issuer, deployment } = await liveIssuer("1000000");
    const step = async (supply: string) => {
      await read(issuer.id, deployment.id, "supply", supply);
      await detectLiveAlerts(prisma, { now: new Date(Date.UTC(2026, 0, 1, 0, ++minute)) });
      return kinds(issuer.id);
    };
    expect(await step("1010000")).toEqual([]); // +1%: inside the threshold
    expect(await step("1030000")).toEqual(["supply_divergence"]); // +3%
    expect(await step("1031000")).toEqual(["supply_divergence"]); // still diverging: nothing new
    expect(await step("1000500")).toEqual(["supply_divergence"]); // back inside: cleared
    expect(await step("970000")).toEqual(["supply_divergence", "supply_divergence"]); // −3%: a new episode
    const last = await prisma.alertEvent.findFirstOrThrow({ where: { issuerId: issuer.id }, orderBy: { id: "desc" } });
    expect(last.payload).toMatchObject({
      sourceUrl: "https://etherscan.io/token/0xaaaa",
      figures: [{ key: "live_supply", text: "970,000 tokens" }, { key: "attested_tokens" }, { key: "divergence", text: "-3.00%" }],
    });
  });

  it("records on-chain reserves falling below supply once", async () => {
    const { issuer, deployment } = await liveIssuer("1000000");
    const feed = await prisma.liveReserveFeed.create({
      data: { issuerId: issuer.id, chain: "ethereum", feedAddress: `0x${"b".repeat(40)}`, reports: "Live reserves", compiledFrom: "test" },
    });
    await read(issuer.id, deployment.id, "supply", "1000000");
    await read(issuer.id, feed.id, "reserve_feed", "1000100");
    await detectLiveAlerts(prisma, { now: new Date(Date.UTC(2026, 0, 1, 0, ++minute)) });
    expect(await kinds(issuer.id)).toEqual([]);
    await read(issuer.id, feed.id, "reserve_feed", "999000.5");
    await detectLiveAlerts(prisma, { now: new Date(Date.UTC(2026, 0, 1, 0, ++minute)) });
    await detectLiveAlerts(prisma, { now: new Date(Date.UTC(2026, 0, 1, 0, ++minute)) });
    expect(await kinds(issuer.id)).toEqual(["reserve_below_supply"]);
    const e = await prisma.alertEvent.findFirstOrThrow({ where: { issuerId: issuer.id, kind: "reserve_below_supply" } });
    expect(e.payload).toMatchObject({
      figures: [
        { key: "onchain_reserves", text: "$999,000.50" },
        { key: "live_supply" },
        { key: "shortfall", value: "999.5" },
        { key: "coverage", text: "99.90%" },
      ],
    });
  });

  it("records a price outside $1 ± 0.5% for two days in a row once per episode, either direction", async () => {
    const issuer = await makeIssuer(prisma, { name: "Peg Dollar" });
    const price = (date: string, priceUsd: string) =>
      prisma.livePrice.create({
        data: { issuerId: issuer.id, token: "PEG", date: new Date(`${date}T00:00:00Z`), priceUsd, source: "test" },
      });
    const at = (date: string) => ({ now: new Date(`${date}T12:00:00Z`), policy: { bandBp: 50, minHours: 24 } });
    await price("2026-02-01", "1.0000");
    await price("2026-02-02", "0.9930"); // out, one day only
    await detectPriceBandAlerts(prisma, at("2026-02-02"));
    expect(await kinds(issuer.id)).toEqual([]);
    await price("2026-02-03", "0.9920"); // out a second day: sustained
    await detectPriceBandAlerts(prisma, at("2026-02-03"));
    await price("2026-02-04", "0.9940"); // still out: the same episode
    await detectPriceBandAlerts(prisma, at("2026-02-04"));
    expect(await kinds(issuer.id)).toEqual(["price_band"]);
    const e = await prisma.alertEvent.findFirstOrThrow({ where: { issuerId: issuer.id } });
    expect(e.dedupeKey).toBe(dedupeKeys.priceBand(issuer.id, "PEG", "2026-02-02"));
    // the figures as they stood when it became sustained
    expect(e.payload).toMatchObject({
      facts: { token: "PEG", bandPct: "0.5", startDate: "2026-02-02", endDate: "2026-02-03" },
      figures: [
        { key: "price", text: "$0.992" },
        { key: "lowest_price", text: "$0.992" },
        { key: "deviation", text: "-0.80%" },
      ],
    });
    // back in the band, then above it: a new episode
    await price("2026-02-05", "1.0010");
    await price("2026-02-06", "1.0060");
    await price("2026-02-07", "1.0070");
    await detectPriceBandAlerts(prisma, at("2026-02-07"));
    expect(await kinds(issuer.id)).toEqual(["price_band", "price_band"]);
  });
});
