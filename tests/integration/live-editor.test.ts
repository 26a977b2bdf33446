// The editor's live sources (issue 19): create, update, disable and enable each
// kind through the commands the route handlers call; a draft report from an
// issuer-stated live figure in one click; draft stress events dismissed or
// recorded through the stress-event form's save.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { CommandError } from "@/lib/server/commands/errors";
import {
  createLiveSource,
  disableLiveSource,
  draftReportFromReading,
  editorLiveSources,
  enableLiveSource,
  updateLiveSource,
} from "@/lib/server/commands/live-sources";
import { dismissStressDraft, openStressDrafts, recordStressDraft, stressDraftForRecording } from "@/lib/server/commands/stress-drafts";
import { POST as createRoute } from "@/app/api/editor/live-sources/[kind]/route";
import { POST as draftRoute } from "@/app/api/editor/live-sources/readings/[id]/draft-report/route";
import { POST as dismissRoute } from "@/app/api/editor/stress-drafts/[id]/dismiss/route";

import { makeIssuer, sql, testPrisma, unique } from "../support/db";
import { actAs, makeUser, pointAppAtRunDatabase } from "../support/editor";

vi.mock("next/cache", async (original) => ({ ...(await original<object>()), revalidateTag: vi.fn(), updateTag: vi.fn() }));
pointAppAtRunDatabase();
const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

let editor: Awaited<ReturnType<typeof makeUser>>;
let revoked: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  editor = await makeUser(prisma, { name: "Lena Live" });
  revoked = await makeUser(prisma, { name: "Former Editor", disabled: true });
});

const refused = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a refusal");
    },
    (e: unknown) => {
      expect(e).toBeInstanceOf(CommandError);
      return e as CommandError;
    },
  );

/** Rows of every live-source table, drafts, reports, events and audit entries: what "nothing written" compares. */
async function counts() {
  const r = await sql<{ n: string }>(`SELECT (
    (SELECT count(*) FROM live_token_deployment) + (SELECT count(*) FROM live_reserve_address) + (SELECT count(*) FROM live_reserve_feed) +
    (SELECT count(*) FROM live_transparency_endpoint) + (SELECT count(*) FROM attestation) + (SELECT count(*) FROM stress_event) +
    (SELECT count(*) FROM stress_event_draft WHERE status <> 'open') + (SELECT count(*) FROM audit_entry))::text AS n`);
  return r.rows[0]!.n;
}

const request = (url: string, body: unknown) =>
  new Request(`http://localhost${url}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

const deployment = (issuerSlug: string, over: Record<string, unknown> = {}) => ({
  issuerSlug,
  chain: "ethereum",
  address: "0xDAC17F958D2EE523A2206206994597C13D831EC7",
  decimals: "6",
  symbol: "TUSDX",
  note: "",
  sourceUrl: "https://example.org/token",
  enabled: true,
  ...over,
});

describe("live sources: who may write", () => {
  it("refuses anonymous and revoked callers at every command and route, before reading the input, and writes nothing", async () => {
    const issuer = await makeIssuer(prisma);
    const rec = await prisma.liveTokenDeployment.create({
      data: { issuerId: issuer.id, chain: "ethereum", address: "0x" + "1".repeat(40), decimals: 6, symbol: "X", compiledFrom: "test" },
    });
    const draft = await prisma.stressEventDraft.create({
      data: {
        issuerId: issuer.id,
        token: "X",
        startDate: new Date("2026-01-01"),
        endDate: new Date("2026-01-02"),
        lowestPrice: "0.98",
        maxDeviationBp: -200,
        bandBp: 50,
        points: [],
      },
    });
    const before = await counts();
    for (const who of [null, revoked]) {
      actAs(who);
      const calls: Promise<unknown>[] = [
        createLiveSource("deployments", { input: deployment(issuer.slug) }),
        updateLiveSource("deployments", rec.id, { version: rec.updatedAt.getTime(), input: deployment(issuer.slug) }),
        disableLiveSource("deployments", rec.id, { version: rec.updatedAt.getTime() }),
        enableLiveSource("deployments", rec.id, { version: rec.updatedAt.getTime() }),
        draftReportFromReading("1"),
        dismissStressDraft(draft.id, {}),
        recordStressDraft(draft.id, { input: {} }),
      ];
      for (const call of calls) expect((await refused(call)).kind).toBe("unauthenticated");
      const res = await createRoute(request("/api/editor/live-sources/deployments", { input: deployment(issuer.slug) }), {
        params: Promise.resolve({ kind: "deployments" }),
      });
      expect(res.status).toBe(401);
      expect((await draftRoute(request("/x", {}), { params: Promise.resolve({ id: "1" }) })).status).toBe(401);
      expect((await dismissRoute(request("/x", {}), { params: Promise.resolve({ id: draft.id }) })).status).toBe(401);
    }
    expect(await counts()).toBe(before);
    expect((await prisma.stressEventDraft.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("open");
  });
});

describe("live sources: validation", () => {
  it("names the field of each bad value and writes nothing", async () => {
    actAs(editor);
    const issuer = await makeIssuer(prisma);
    const before = await counts();
    const cases: [string, Record<string, unknown>, string][] = [
      ["deployments", deployment(issuer.slug, { address: "0x123" }), "address"],
      ["deployments", deployment(issuer.slug, { chain: "tron", address: "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u" }), "address"], // bad checksum
      ["deployments", deployment(issuer.slug, { chain: "solana", address: "3yQ" }), "address"], // base58, not 32 bytes
      ["deployments", deployment(issuer.slug, { chain: "Ethereum" }), "chain"],
      ["deployments", deployment(issuer.slug, { chain: "ton" }), "chain"],
      ["deployments", deployment(issuer.slug, { decimals: "37" }), "decimals"],
      ["deployments", deployment(issuer.slug, { decimals: "-1" }), "decimals"],
      ["deployments", deployment(issuer.slug, { symbol: "US\u0000DT" }), "symbol"],
      ["deployments", deployment(issuer.slug, { sourceUrl: "" }), "sourceUrl"],
      ["deployments", deployment(issuer.slug, { sourceUrl: "javascript:alert(1)" }), "sourceUrl"],
      ["deployments", deployment(issuer.slug, { issuerSlug: unique("nobody") }), "issuerSlug"],
      [
        "reserve-addresses",
        {
          issuerSlug: issuer.slug,
          chain: "ethereum",
          address: "0x" + "a".repeat(40),
          asset: "USDC",
          assetAddress: "0xzz",
          assetDecimals: 6,
          label: "PSM",
          sourceUrl: "https://example.org",
        },
        "assetAddress",
      ],
      [
        "reserve-feeds",
        {
          issuerSlug: issuer.slug,
          chain: "ethereum",
          feedAddress: "0x" + "b".repeat(40),
          decimals: "",
          reports: "",
          unit: "USD",
          sourceUrl: "https://example.org",
        },
        "reports",
      ],
      [
        "endpoints",
        { issuerSlug: issuer.slug, adapter: "made-up-adapter", url: "https://example.org/t.json", sourceUrl: "https://example.org" },
        "adapter",
      ],
      [
        "endpoints",
        { issuerSlug: issuer.slug, adapter: "tether-transparency-json", url: "file:///etc/passwd", sourceUrl: "https://example.org" },
        "url",
      ],
    ];
    for (const [kind, input, field] of cases) {
      const e = await refused(createLiveSource(kind, { input }));
      expect([kind, field, e.kind]).toEqual([kind, field, "validation"]);
      expect(Object.keys(e.details.fieldErrors ?? {}), `${kind} ${JSON.stringify(input)}`).toContain(field);
    }
    // through the route: 400 with the field named
    const res = await createRoute(request("/api/editor/live-sources/deployments", { input: deployment(issuer.slug, { decimals: "x" }) }), {
      params: Promise.resolve({ kind: "deployments" }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { fieldErrors: Record<string, string[]> } }).error.fieldErrors.decimals).toBeDefined();
    // an unknown kind is "not found"
    expect((await refused(createLiveSource("wallets", { input: {} }))).kind).toBe("not_found");
    expect(await counts()).toBe(before);
  });
});

describe("live sources: create, update, disable, enable", () => {
  it("each kind is created with its source, edited at its version (updatedAt), toggled, and audited once per change", async () => {
    actAs(editor);
    const issuer = await makeIssuer(prisma);
    const tags = ["live", `issuer:${issuer.slug}`];
    const inputs: Record<string, Record<string, unknown>> = {
      deployments: deployment(issuer.slug),
      "reserve-addresses": {
        issuerSlug: issuer.slug,
        chain: "tron",
        address: "TSUYvQ5tdd3DijCD1uGunGLpftHuSZ12sQ",
        asset: "USDT",
        assetAddress: "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
        assetDecimals: "6",
        label: "PSM",
        sourceUrl: "https://example.org/psm",
      },
      "reserve-feeds": {
        issuerSlug: issuer.slug,
        chain: "ethereum",
        feedAddress: "0xBE456fd14720C3aCCc30A2013Bffd782c9Cb75D5",
        decimals: "",
        reports: "USD reserves",
        unit: "USD",
        sourceUrl: "https://example.org/por",
      },
      endpoints: {
        issuerSlug: issuer.slug,
        adapter: "circle-supply-api",
        url: "https://example.org/v1/stablecoins",
        sourceUrl: "https://example.org/transparency",
      },
    };
    const entity = {
      deployments: "live_deployment",
      "reserve-addresses": "live_reserve_address",
      "reserve-feeds": "live_reserve_feed",
      endpoints: "live_endpoint",
    } as Record<string, string>;
    for (const [kind, input] of Object.entries(inputs)) {
      const created = await createLiveSource(kind, { input });
      expect(created.tags).toEqual(tags);
      expect(created.data.enabled).toBe(true);
      const id = created.data.id;
      const edited = { ...input, sourceUrl: "https://example.org/edited" };
      const updated = await updateLiveSource(kind, id, { version: created.data.version, baseline: input, input: edited });
      expect(updated.data.version).toBeGreaterThan(created.data.version);
      // a save from the old version is refused with what changed, and writes nothing
      const stale = await refused(
        updateLiveSource(kind, id, {
          version: created.data.version,
          baseline: input,
          input: { ...input, sourceUrl: "https://example.org/mine" },
        }),
      );
      expect(stale.kind).toBe("conflict");
      expect(stale.details.changes?.map((c) => c.field)).toEqual(["sourceUrl"]);
      const off = await disableLiveSource(kind, id, { version: updated.data.version });
      expect([off.data.enabled, off.tags]).toEqual([false, tags]);
      // disabling a disabled record changes nothing and audits nothing
      const again = await disableLiveSource(kind, id, { version: off.data.version });
      expect(again.tags).toEqual([]);
      expect((await refused(enableLiveSource(kind, id, { version: updated.data.version }))).kind).toBe("conflict");
      const on = await enableLiveSource(kind, id, { version: off.data.version });
      expect(on.data.enabled).toBe(true);
      const audit = await prisma.auditEntry.findMany({ where: { entityType: entity[kind], entityId: id }, orderBy: { id: "asc" } });
      expect(audit.map((a) => [a.action, a.actorLabel])).toEqual([
        ["create", "Lena Live"],
        ["update", "Lena Live"],
        ["disable", "Lena Live"],
        ["enable", "Lena Live"],
      ]);
      expect(audit[1]!.before).toMatchObject({ sourceUrl: input.sourceUrl });
      expect(audit[1]!.after).toMatchObject({ sourceUrl: "https://example.org/edited" });
    }
    const page = (await editorLiveSources(issuer.slug))!;
    expect(page.deployments[0]!.input).toMatchObject({
      address: "0xdac17f958d2ee523a2206206994597c13d831ec7",
      decimals: 6,
      sourceUrl: "https://example.org/edited",
    });
    expect(page.deployments[0]!.compiledFrom).toBe("entered in the editor");
    expect(page.reserveFeeds[0]!.input).toMatchObject({ feedAddress: "0xbe456fd14720c3accc30a2013bffd782c9cb75d5", decimals: null });
    expect(page.endpoints).toHaveLength(1);
    // the same contract again (any case) is a duplicate, named on its field
    const dup = await refused(
      createLiveSource("deployments", { input: deployment(issuer.slug, { address: "0xdac17f958d2ee523a2206206994597c13d831ec7" }) }),
    );
    expect([dup.kind, Object.keys(dup.details.fieldErrors ?? {})]).toEqual(["duplicate", ["address"]]);
    // a record cannot move to another issuer
    const other = await makeIssuer(prisma);
    const d = page.deployments[0]!;
    const moved = await refused(
      updateLiveSource("deployments", d.id, { version: d.version, input: { ...d.input, issuerSlug: other.slug } }),
    );
    expect(Object.keys(moved.details.fieldErrors ?? {})).toEqual(["issuerSlug"]);
  });

  it("answers a created record through the route handler with 201", async () => {
    actAs(editor);
    const issuer = await makeIssuer(prisma);
    const res = await createRoute(
      request("/api/editor/live-sources/deployments", {
        input: deployment(issuer.slug, { chain: "solana", address: "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v" }),
      }),
      {
        params: Promise.resolve({ kind: "deployments" }),
      },
    );
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; issuerSlug: string };
    expect(body.issuerSlug).toBe(issuer.slug);
    expect(
      await prisma.liveTokenDeployment.count({ where: { id: body.id, address: "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v" } }),
    ).toBe(1);
  });
});

describe("a draft report from an issuer-stated live figure", () => {
  async function endpointWithReadings(adapter: string, readings: { metric: string; amount: string; sourceAsOf: Date | null }[]) {
    const issuer = await makeIssuer(prisma);
    const endpoint = await prisma.liveTransparencyEndpoint.create({
      data: {
        issuerId: issuer.id,
        adapter,
        url: `https://example.org/${unique("t")}.json`,
        sourceUrl: "https://example.org/transparency",
        compiledFrom: "test",
      },
    });
    const stored = [];
    for (const r of readings) {
      stored.push(
        await prisma.liveReading.create({
          data: {
            kind: "issuer_figure",
            issuerId: issuer.id,
            targetId: endpoint.id,
            metric: r.metric,
            amount: r.amount,
            sourceAsOf: r.sourceAsOf,
            endpointId: `endpoint:${endpoint.id}`,
            responseSha256: "ab".repeat(32),
            readAt: new Date("2026-11-30T12:34:56Z"),
          },
        }),
      );
    }
    return { issuer, endpoint, readings: stored };
  }

  it("creates exactly one draft issuer report with the figure, its date, the endpoint as source, and the provenance", async () => {
    actAs(editor);
    const { issuer, endpoint, readings } = await endpointWithReadings("tether-transparency-json", [
      { metric: "issued_total", amount: "186512345678.12", sourceAsOf: new Date("2026-11-29T23:59:00Z") },
      { metric: "total_assets_usd", amount: "190000000000", sourceAsOf: new Date("2026-11-29T23:59:00Z") },
    ]);
    const page = (await editorLiveSources(issuer.slug))!;
    const figure = page.endpoints[0]!.figures.find((f) => f.metric === "issued_total")!;
    expect(figure.draft).toEqual({ value: "186512345678.12", precision: "exact" });
    expect(page.endpoints[0]!.figures.find((f) => f.metric === "total_assets_usd")!.draft).toBeNull();
    const lastAudit = (await prisma.auditEntry.findFirst({ orderBy: { id: "desc" }, select: { id: true } }))?.id ?? BigInt(0);

    const res = await draftRoute(request("/x", {}), { params: Promise.resolve({ id: figure.readingId }) });
    expect(res.status).toBe(201);
    const drafted = (await res.json()) as { id: string; href: string; state: string };
    expect(drafted.href).toBe(`/editor/attestations/${drafted.id}`);
    const reports = await prisma.attestation.findMany({ where: { issuerId: issuer.id } });
    expect(reports).toHaveLength(1);
    const a = reports[0]!;
    expect({
      state: a.state,
      reportType: a.reportType,
      assurance: a.assurance,
      sourceKind: a.sourceKind,
      asOf: a.asOf.toISOString().slice(0, 10),
      tokens: a.tokensOutstanding?.toString(),
      precision: a.tokensPrecision,
      sourceUrl: a.sourceUrl,
      reserves: a.totalReserves,
    }).toEqual({
      state: "draft",
      reportType: "issuer_report",
      assurance: "self_reported",
      sourceKind: "primary",
      asOf: "2026-11-29",
      tokens: "186512345678.12",
      precision: "exact",
      sourceUrl: endpoint.url,
      reserves: null,
    });
    for (const part of [
      endpoint.url,
      `Reading ${readings[0]!.id}`,
      "ab".repeat(32),
      "2026-11-30T12:34:56.000Z",
      "issuer-stated, not assured",
    ])
      expect(a.notes).toContain(part);
    const audit = await prisma.auditEntry.findMany({ where: { id: { gt: lastAudit }, actorId: editor.id }, orderBy: { id: "asc" } });
    expect(audit.map((e) => [e.action, e.entityType, e.entityId])).toEqual([["create", "attestation", a.id]]);

    // a second click finds the draft instead of adding another
    const again = await refused(draftReportFromReading(figure.readingId));
    expect([again.kind, again.details.existing?.id]).toEqual(["duplicate", a.id]);
    // a figure that is not the tokens outstanding starts no report
    const other = await refused(draftReportFromReading(readings[1]!.id.toString()));
    expect(Object.keys(other.details.fieldErrors ?? {})).toEqual(["readingId"]);
    expect(await prisma.attestation.count({ where: { issuerId: issuer.id } })).toBe(1);
    expect((await refused(draftReportFromReading("999999999"))).kind).toBe("not_found");
  });

  it("is rounded when the adapter gives a rounded figure or the figure has more than cents, and dated by the read when the source states no date", async () => {
    actAs(editor);
    const html = await endpointWithReadings("circle-transparency-html", [
      { metric: "usdc_in_circulation_usd", amount: "75300000000", sourceAsOf: new Date("2026-11-20T00:00:00Z") },
    ]);
    await draftReportFromReading(html.readings[0]!.id.toString());
    const a = await prisma.attestation.findFirstOrThrow({ where: { issuerId: html.issuer.id } });
    expect([a.tokensOutstanding?.toString(), a.tokensPrecision, a.asOf.toISOString().slice(0, 10)]).toEqual([
      "75300000000",
      "rounded",
      "2026-11-20",
    ]);

    const api = await endpointWithReadings("circle-supply-api", [
      { metric: "total_supply", amount: "76123456789.123456", sourceAsOf: null },
    ]);
    await draftReportFromReading(api.readings[0]!.id.toString());
    const b = await prisma.attestation.findFirstOrThrow({ where: { issuerId: api.issuer.id } });
    expect([b.tokensOutstanding?.toString(), b.tokensPrecision, b.asOf.toISOString().slice(0, 10)]).toEqual([
      "76123456789.12",
      "rounded",
      "2026-11-30",
    ]);
    expect(b.notes).toContain("total_supply = 76123456789.123456 (recorded here as 76123456789.12, rounded)");
  });
});

describe("draft stress events", () => {
  async function openDraft(issuerId: string, source = "https://example.org/prices.csv") {
    return prisma.stressEventDraft.create({
      data: {
        issuerId,
        token: "TUSDX",
        startDate: new Date("2026-03-01"),
        endDate: new Date("2026-03-03"),
        lowestPrice: "0.9712345678",
        maxDeviationBp: -288,
        bandBp: 50,
        points: [
          { date: "2026-03-01", priceUsd: "0.99", deviationBp: -100, source },
          { date: "2026-03-02", priceUsd: "0.9712345678", deviationBp: -288, source },
          { date: "2026-03-03", priceUsd: "0.985", deviationBp: -150, source },
        ],
      },
    });
  }

  it("are listed while open, and dismissed with an audit entry; a decided draft cannot be dismissed again", async () => {
    actAs(editor);
    const issuer = await makeIssuer(prisma);
    const draft = await openDraft(issuer.id);
    const listed = (await openStressDrafts()).find((d) => d.id === draft.id)!;
    expect(listed).toMatchObject({
      issuerSlug: issuer.slug,
      startDate: "2026-03-01",
      endDate: "2026-03-03",
      lowestPrice: "0.9712345678",
      pointCount: 3,
      sources: ["https://example.org/prices.csv"],
    });
    const res = await dismissRoute(request("/x", { input: { reason: "exchange glitch" } }), { params: Promise.resolve({ id: draft.id }) });
    expect(res.status).toBe(200);
    const stored = await prisma.stressEventDraft.findUniqueOrThrow({ where: { id: draft.id } });
    expect([stored.status, stored.stressEventId, stored.decidedAt !== null]).toEqual(["dismissed", null, true]);
    const audit = await prisma.auditEntry.findMany({ where: { entityType: "stress_event_draft", entityId: draft.id } });
    expect(audit.map((a) => [a.action, a.actorLabel, a.reason])).toEqual([["dismiss", "Lena Live", "exchange glitch"]]);
    expect((await openStressDrafts()).some((d) => d.id === draft.id)).toBe(false);
    expect((await refused(dismissStressDraft(draft.id, {}))).kind).toBe("state");
    expect(await stressDraftForRecording(draft.id)).toBeNull();
  });

  it("are recorded through the stress-event form prefilled from the draft: the event is created and the draft marked published with its id", async () => {
    actAs(editor);
    const issuer = await makeIssuer(prisma);
    const draft = await openDraft(issuer.id);
    const { prefill } = (await stressDraftForRecording(draft.id))!;
    expect(prefill).toMatchObject({
      issuerSlug: issuer.slug,
      kind: "depeg",
      startDate: "2026-03-01",
      endDate: "2026-03-03",
      lowestPrice: "0.971235",
      sources: [{ url: "https://example.org/prices.csv", title: "Daily TUSDX prices" }],
    });
    expect(prefill.summary).toMatch(/^Price outside ±0\.5% of a dollar from 2026-03-01 to 2026-03-03, lowest 0\.9712345678\./);
    // nothing is published before the editor saves the form
    expect(await prisma.stressEvent.count({ where: { issuerId: issuer.id } })).toBe(0);

    // a bad form save writes nothing and leaves the draft open
    const bad = await refused(recordStressDraft(draft.id, { input: { ...prefill, summary: "" } }));
    expect(Object.keys(bad.details.fieldErrors ?? {})).toEqual(["summary"]);
    // another issuer's slug: refused, no event
    const other = await makeIssuer(prisma);
    const wrong = await refused(recordStressDraft(draft.id, { input: { ...prefill, issuerSlug: other.slug } }));
    expect(Object.keys(wrong.details.fieldErrors ?? {})).toEqual(["issuerSlug"]);
    expect(await prisma.stressEvent.count({ where: { issuerId: { in: [issuer.id, other.id] } } })).toBe(0);

    const saved = await recordStressDraft(draft.id, { input: prefill });
    expect(saved.tags).toEqual(["stress-events", `issuer:${issuer.slug}`]);
    const event = await prisma.stressEvent.findUniqueOrThrow({ where: { id: saved.data.id }, include: { sources: true } });
    expect([event.kind, event.lowestPrice?.toString(), event.sources.map((s) => s.url)]).toEqual([
      "depeg",
      "0.971235",
      ["https://example.org/prices.csv"],
    ]);
    const stored = await prisma.stressEventDraft.findUniqueOrThrow({ where: { id: draft.id } });
    expect([stored.status, stored.stressEventId]).toEqual(["published", event.id]);
    const audit = await prisma.auditEntry.findMany({
      where: { OR: [{ entityId: draft.id }, { entityId: event.id }] },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => [a.action, a.entityType])).toEqual([
      ["create", "stress_event"],
      ["publish", "stress_event_draft"],
    ]);
    // recording it twice is refused, and no second event is created
    expect((await refused(recordStressDraft(draft.id, { input: prefill }))).kind).toBe("state");
    expect(await prisma.stressEvent.count({ where: { issuerId: issuer.id } })).toBe(1);
  });

  it("prefill a source named without an address as a title, leaving its URL for the editor", async () => {
    actAs(editor);
    const issuer = await makeIssuer(prisma);
    const draft = await openDraft(issuer.id, "coingecko-market-chart");
    const { prefill } = (await stressDraftForRecording(draft.id))!;
    expect(prefill.sources).toEqual([{ url: "", title: "Daily TUSDX prices: coingecko-market-chart" }]);
    expect(prefill.summary).toContain("price source: coingecko-market-chart");
  });
});
