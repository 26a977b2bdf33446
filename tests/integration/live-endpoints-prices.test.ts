// Issuer endpoints through refreshLive (a local server serving the documented
// fixtures, then a changed response: refused with a recorded error, the last
// good figure kept), the shipped live sources loaded idempotently, and the
// price CSV import with the sustained-depeg draft.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { parseLiveConfig } from "@/lib/live/config";
import { importPriceCsv, pollPrices } from "@/lib/server/live/prices";
import { latestReadings, liveStatus } from "@/lib/server/live/queries";
import { refreshLive } from "@/lib/server/live/refresh";
import { LiveSourcesError, loadLiveSources } from "@/lib/server/live/sources";

import { makeIssuer, testPrisma, unique } from "../support/db";

const prisma = testPrisma();
const fixtures = path.join(__dirname, "..", "fixtures", "live");
const served: Record<string, { status: number; body: string; headers?: Record<string, string> }> = {};
let server: http.Server;
let base: string;
const t0 = new Date(Date.UTC(2026, 11, 6, 14, 0, 0));
const at = (s: number) => new Date(t0.getTime() + s * 1000);
const config = parseLiveConfig({ LIVE_BREAKER_THRESHOLD: "2", LIVE_BREAKER_COOLDOWN_SECONDS: "60", LIVE_ISSUER_ENDPOINTS: "true" });

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const s = served[req.url ?? ""] ?? { status: 404, body: "not found" };
    res.writeHead(s.status, { "content-type": "text/plain", ...s.headers });
    res.end(s.body);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await prisma.$disconnect();
});

const serve = (p: string, file: string, status = 200, headers?: Record<string, string>) => {
  served[p] = { status, body: fs.readFileSync(path.join(fixtures, file), "utf8"), headers };
};

describe("issuer transparency endpoints", () => {
  it("stores the figures of each adapter; a changed response is refused with an error and the last good figures stay", async () => {
    const issuer = await makeIssuer(prisma);
    serve("/tether.json", "tether-transparency.json");
    serve("/circle-api", "circle-stablecoins.json");
    serve("/circle.html", "circle-transparency.html");
    const mk = (adapter: string, p: string) =>
      prisma.liveTransparencyEndpoint.create({ data: { issuerId: issuer.id, adapter, url: `${base}${p}`, compiledFrom: "test" } });
    const tether = await mk("tether-transparency-json", "/tether.json");
    const circleApi = await mk("circle-supply-api", "/circle-api");
    const circleHtml = await mk("circle-transparency-html", "/circle.html");

    const s1 = await refreshLive(prisma, { config, now: at(0), issuerIds: [issuer.id] });
    expect(s1.endpoints.map((e) => e.status)).toEqual(["read", "read", "read"]);
    let latest = await latestReadings(prisma, issuer.id, { now: at(30) });
    const fig = (targetId: string, metric: string) => latest.find((r) => r.targetId === targetId && r.metric === metric);
    expect(fig(tether.id, "total_assets_usd")).toMatchObject({ kind: "issuer_figure", amount: "189761994736.8062", ageSeconds: 30 });
    expect(fig(tether.id, "total_assets_usd")!.sourceAsOf!.toISOString()).toBe("2026-07-08T23:59:00.000Z");
    expect(fig(circleApi.id, "total_supply")?.amount).toBe("75240512345.123456");
    expect(fig(circleHtml.id, "usdc_in_circulation_usd")?.amount).toBe("75240000000");
    expect(fig(tether.id, "total_assets_usd")!.responseSha256).toMatch(/^[0-9a-f]{64}$/);

    // The issuer changes its response: refused, recorded, and the old figure stays with its age.
    serve("/tether.json", "tether-transparency-changed.json");
    serve("/circle.html", "circle-transparency-broken.html");
    served["/circle-api"] = { status: 429, body: "slow down", headers: { "retry-after": "600" } };
    const before = await prisma.liveReading.count({ where: { issuerId: issuer.id } });
    const s2 = await refreshLive(prisma, { config, now: at(60), issuerIds: [issuer.id] });
    expect(s2.endpoints.map((e) => e.status)).toEqual(["failed", "failed", "failed"]);
    expect(await prisma.liveReading.count({ where: { issuerId: issuer.id } })).toBe(before);
    latest = await latestReadings(prisma, issuer.id, { now: at(90) });
    expect(fig(tether.id, "total_assets_usd")).toMatchObject({
      amount: "189761994736.8062",
      ageSeconds: 90,
      latestFailure: { error: expect.stringMatching(/response changed/) },
    });
    expect(fig(circleHtml.id, "usdc_in_circulation_usd")!.latestFailure!.error).toMatch(/not within 3%/);
    expect(fig(circleApi.id, "total_supply")!.latestFailure!.error).toMatch(/HTTP 429/);
    // Retry-After is honoured: no probe before it, even though the breaker has not reached its threshold.
    const b = await prisma.liveBreaker.findUniqueOrThrow({ where: { endpointId: `endpoint:${circleApi.id}` } });
    expect(b.nextProbeAt).toEqual(at(660));
    const s3 = await refreshLive(prisma, { config, now: at(120), issuerIds: [issuer.id] });
    expect(s3.endpoints.find((e) => e.endpointId === `endpoint:${circleApi.id}`)?.status).toBe("breaker-open");
    const status = await liveStatus(prisma, { config, now: at(120) });
    expect(status.readers.find((r) => r.reader === "transparency:tether-transparency-json")).toMatchObject({ on: true });
    expect(status.freshness.issuer_figure.lastReadAt).not.toBeNull();
  });
});

describe("shipped live sources", () => {
  it("loads the CSVs for the issuers present, idempotently, and refuses a bad row by file, line and column", async () => {
    const tether =
      (await prisma.issuer.findUnique({ where: { slug: "tether" } })) ?? (await makeIssuer(prisma, { slug: "tether", name: "Tether" }));
    const first = await loadLiveSources(prisma);
    expect(first.skippedIssuers.length).toBeGreaterThan(0); // the pack's other issuers are not in this test database
    const deployments = await prisma.liveTokenDeployment.findMany({ where: { issuerId: tether.id } });
    expect(deployments.find((d) => d.chain === "tron")).toMatchObject({
      address: "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
      decimals: 6,
      compiledFrom: expect.stringMatching(/^reference\/live-sources\.md/),
    });
    expect(deployments.find((d) => d.chain === "ethereum")?.address).toBe("0xdac17f958d2ee523a2206206994597c13d831ec7");
    expect(deployments.every((d) => d.compiledFrom.startsWith("reference/live-sources.md"))).toBe(true);
    const second = await loadLiveSources(prisma);
    expect(second.added).toEqual({ deployments: 0, reserveAddresses: 0, reserveFeeds: 0, endpoints: 0 });

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "live-sources-"));
    try {
      fs.writeFileSync(
        path.join(dir, "deployments.csv"),
        "issuer,symbol,chain,address,decimals,note,source_url,compiled_from\ntether,USDT,ethereum,0x1234,6,,,x\n",
      );
      await expect(loadLiveSources(prisma, dir)).rejects.toThrow(LiveSourcesError);
      await expect(loadLiveSources(prisma, dir)).rejects.toThrow(/deployments\.csv, line 2, column address/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("price CSV import and sustained depeg", () => {
  it("bad rows refused by row and column with nothing stored; good file stored; one draft stress event", async () => {
    const issuer = await makeIssuer(prisma, { slug: unique("peg") });
    const token = "TST";
    const header = "date,issuer,token,price_usd,source";
    const bad = [
      header,
      `2026-11-01,${issuer.slug},${token},1.0001,test`,
      `2026-11-02,${issuer.slug},${token},abc,test`,
      `2026-11-03,nobody,${token},1,test`,
    ].join("\n");
    const refused = await importPriceCsv(prisma, bad, { now: t0 });
    expect(refused).toEqual({
      ok: false,
      problems: [
        { line: 3, column: "price_usd", message: expect.any(String) },
        { line: 4, column: "issuer", message: 'no issuer "nobody"' },
      ],
    });
    expect(await prisma.livePrice.count({ where: { issuerId: issuer.id } })).toBe(0); // nothing partial

    const prices = ["1.0001", "0.9990", "0.9940", "0.9870", "0.9920", "0.9985", "1.0000", "0.9930", "1.0002"];
    const rows = prices.map((p, i) => `2026-11-${String(i + 1).padStart(2, "0")},${issuer.slug},${token},${p},test`);
    const ok = await importPriceCsv(prisma, [header, ...rows].join("\n"), { now: t0 });
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    expect(ok.stored).toBe(9);
    // Nov 3-5 are outside ±50 bp for three consecutive days: one episode. Nov 8 alone is not sustained.
    expect(ok.drafts).toEqual([expect.objectContaining({ change: "opened", startDate: "2026-11-03", endDate: "2026-11-05" })]);
    const drafts = await prisma.stressEventDraft.findMany({ where: { issuerId: issuer.id } });
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ kind: "depeg", status: "open", maxDeviationBp: -130, bandBp: 50 });
    expect(drafts[0]!.lowestPrice.toString()).toBe("0.987");
    expect(drafts[0]!.points).toEqual([
      { date: "2026-11-03", priceUsd: "0.994", deviationBp: -60, source: "test" },
      { date: "2026-11-04", priceUsd: "0.987", deviationBp: -130, source: "test" },
      { date: "2026-11-05", priceUsd: "0.992", deviationBp: -80, source: "test" },
    ]);
    // Importing the same file again opens nothing new; no stress event is published by the detector.
    const again = await importPriceCsv(prisma, [header, ...rows].join("\n"), { now: t0 });
    expect(again.ok && again.drafts.map((d) => d.change)).toEqual(["unchanged"]);
    expect(await prisma.stressEventDraft.count({ where: { issuerId: issuer.id } })).toBe(1);
    expect(await prisma.stressEvent.count({ where: { issuerId: issuer.id } })).toBe(0);
  });
});

describe("price API poller", () => {
  it("off without configuration; reads the DefiLlama shape, stores exact daily prices, opens a draft on a sustained depeg; honours 429 Retry-After", async () => {
    expect(await pollPrices(prisma, { config: parseLiveConfig({}) })).toMatchObject({
      status: "off",
      reason: expect.stringMatching(/PRICE_API_URL/),
    });

    const slug = unique("pollpeg");
    const issuer = await makeIssuer(prisma, { slug });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "live-price-ids-"));
    fs.writeFileSync(path.join(dir, "price_ids.csv"), `issuer,token,gecko_id,compiled_from\n${slug},PEG,peg-coin,test\n`);
    const days = [0, 1, 2, 3].map((i) => Date.UTC(2026, 10, 20 + i) / 1000);
    const prices = ["1.0001", "0.9912", "0.98", "0.9999"];
    served["/stablecoinprices"] = {
      status: 200,
      body: JSON.stringify(days.map((d, i) => ({ date: d, prices: { "peg-coin": Number(prices[i]), other: 1 } }))),
    };
    const config = parseLiveConfig({ PRICE_API_URL: `${base}/stablecoinprices`, PRICE_API_KIND: "defillama-stablecoinprices" });
    const s = await pollPrices(prisma, { config, now: t0, dir });
    expect(s).toMatchObject({
      status: "read",
      stored: 4,
      drafts: [expect.objectContaining({ change: "opened", startDate: "2026-11-21", endDate: "2026-11-22" })],
    });
    const stored = await prisma.livePrice.findMany({ where: { issuerId: issuer.id }, orderBy: { date: "asc" } });
    expect(stored.map((p) => [p.date.toISOString().slice(0, 10), p.priceUsd.toString(), p.source])).toEqual([
      ["2026-11-20", "1.0001", "defillama-stablecoinprices"],
      ["2026-11-21", "0.9912", "defillama-stablecoinprices"],
      ["2026-11-22", "0.98", "defillama-stablecoinprices"],
      ["2026-11-23", "0.9999", "defillama-stablecoinprices"],
    ]);

    served["/stablecoinprices"] = { status: 429, body: "too many", headers: { "retry-after": "1200" } };
    const limited = await pollPrices(prisma, { config, now: at(1000), dir });
    expect(limited).toMatchObject({ status: "failed", reason: expect.stringMatching(/HTTP 429/) });
    expect(await pollPrices(prisma, { config, now: at(1100), dir })).toMatchObject({ status: "breaker-open" });
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
