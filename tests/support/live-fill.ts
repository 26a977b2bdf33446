// One row in every live-signal table (for tests that want every table filled,
// e.g. backup-restore's fill()), with the awkward values a backup must keep:
// bigint block numbers, numeric(78,18) amounts, JSON, quotes and line breaks.
import type { PrismaClient } from "@/lib/generated/prisma/client";

export async function fillLiveTables(prisma: PrismaClient, issuerId: string): Promise<void> {
  const at = new Date("2026-12-06T12:00:00.123Z");
  const dep = await prisma.liveTokenDeployment.create({
    data: {
      issuerId,
      chain: "ethereum",
      address: "0xdac17f958d2ee523a2206206994597c13d831ec7",
      decimals: 6,
      symbol: "USDT",
      note: 'note, "quoted"\nline',
      compiledFrom: "reference/live-sources.md",
    },
  });
  await prisma.liveReserveAddress.create({
    data: {
      issuerId,
      chain: "tron",
      address: "TSUYvQ5tdd3DijCD1uGunGLpftHuSZ12sQ",
      asset: "USDT",
      assetAddress: "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
      assetDecimals: 6,
      label: "GemJoin",
      compiledFrom: "test",
    },
  });
  await prisma.liveReserveFeed.create({
    data: {
      issuerId,
      chain: "ethereum",
      feedAddress: "0xBE456fd14720C3aCCc30A2013Bffd782c9Cb75D5",
      reports: "USD reserves of TUSD",
      compiledFrom: "test",
    },
  });
  const ep = await prisma.liveTransparencyEndpoint.create({
    data: { issuerId, adapter: "tether-transparency-json", url: "https://example.org/t.json", compiledFrom: "test" },
  });
  await prisma.liveReading.create({
    data: {
      kind: "supply",
      issuerId,
      targetId: dep.id,
      metric: "total_supply",
      chain: "ethereum",
      blockNumber: 9_007_199_254_740_993n,
      raw: "115792089237316195423570985008687907853269984665640564039457584007913129639935",
      decimals: 18,
      amount: "115792089237316195423570985008687907853269984665640564039457.584007913129639935",
      endpointId: "rpc:ethereum",
      responseSha256: "d".repeat(64),
      readAt: at,
    },
  });
  await prisma.liveReadingFailure.create({
    data: { kind: "issuer_figure", issuerId, targetId: ep.id, endpointId: `endpoint:${ep.id}`, error: 'response changed: "x"\nline', at },
  });
  await prisma.liveBreaker.create({
    data: { endpointId: "rpc:ethereum", consecutiveFailures: 3, openedAt: at, nextProbeAt: at, lastError: "timeout" },
  });
  await prisma.livePrice.create({
    data: { issuerId, token: "USDT", date: new Date("2026-12-05"), priceUsd: "0.9987654321", source: "coingecko" },
  });
  await prisma.stressEventDraft.create({
    data: {
      issuerId,
      token: "USDT",
      startDate: new Date("2026-12-01"),
      endDate: new Date("2026-12-02"),
      lowestPrice: "0.98",
      maxDeviationBp: -200,
      bandBp: 50,
      points: [{ date: "2026-12-01", priceUsd: "0.98", deviationBp: -200 }],
    },
  });
  await prisma.jobRun.create({
    data: {
      name: "live-refresh",
      jobId: "00000000-0000-0000-0000-000000000000",
      startedAt: at,
      finishedAt: at,
      durationMs: 0,
      outcome: "failed",
      error: "boom",
      summary: { a: 1 },
    },
  });
}

/** One row in every alert table (subscription, outbox event, delivery, its try, a live condition): enum arrays, JSON, bigint ids. */
export async function fillAlertTables(prisma: PrismaClient, issuerId: string): Promise<void> {
  const at = new Date("2026-12-07T08:00:00.456Z");
  const sub = await prisma.alertSubscription.create({
    data: {
      channel: "webhook",
      address: "https://hooks.example.org/usd1?token=a'b",
      locale: "pt",
      issuerId,
      kinds: ["report_published", "price_band"],
      status: "active",
      manageTokenHash: "e".repeat(64),
      webhookSecret: "whsec_" + "f".repeat(40),
      confirmedAt: at,
    },
  });
  const event = await prisma.alertEvent.create({
    data: {
      kind: "report_published",
      issuerId,
      dedupeKey: "report_published:backup-test",
      payload: {
        issuer: { slug: "x", name: 'Name "quoted"\nline' },
        pagePath: "/issuers/x",
        sourceUrl: null,
        figures: [],
        facts: { asOf: "2026-11-30" },
      },
      occurredAt: at,
      fannedOutAt: at,
    },
  });
  const delivery = await prisma.alertDelivery.create({
    data: { eventId: event.id, subscriptionId: sub.id, status: "failed", attempts: 1, lastError: "HTTP 503" },
  });
  await prisma.alertDeliveryAttempt.create({
    data: { deliveryId: delivery.id, attempt: 1, outcome: "failed", httpStatus: 503, error: "Service Unavailable", durationMs: 12, at },
  });
  await prisma.alertCondition.create({
    data: { issuerId, kind: "supply_divergence", subject: "ethereum", active: true, since: at, checkedAt: at },
  });
}
