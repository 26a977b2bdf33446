import "server-only";

// The editor's writes to an issuer's live sources (issue 19): token
// deployments, reserve addresses, reserve feeds and transparency endpoints,
// each created, updated, disabled or enabled; and "draft a report from this
// figure", which turns an issuer-stated live figure into a draft report as
// the ordinary draft command does. Each write is a defineCommand (define.ts):
// the kind's schema (lib/domain/schemas/live-sources.ts), then one transaction
// that locks the row, and its audit entry; the tags "live" and issuer:<slug>.
//
// These models have no version column: their updatedAt, in epoch
// milliseconds, is the version the editor's form sends (the envelope's
// `version`), compared under a row lock like `lockVersion`. Each update moves
// updatedAt forward by at least a millisecond so two saves never share one.
//
// The editor page's reads sit at the end of this file (not cached: editors see
// the rows as they are).
import Decimal from "decimal.js";
import { z } from "zod";

import type { Prisma } from "@/lib/generated/prisma/client";
import { fromUtcDate } from "@/lib/domain/dates";
import type { AttestationInput } from "@/lib/domain/schemas/attestation";
import { attestationEditorInput } from "@/lib/domain/schemas/attestation-editor";
import { isSlug, recordId } from "@/lib/domain/schemas/common";
import {
  isLiveSourceKind,
  LIVE_SOURCE_SCHEMAS,
  type LiveDeploymentInput,
  type LiveEndpointInput,
  type LiveReserveAddressInput,
  type LiveReserveFeedInput,
  type LiveSourceKind,
} from "@/lib/domain/schemas/live-sources";
import { ADAPTERS } from "@/lib/live/adapters";
import { db } from "@/lib/server/db";
import { latestReadings } from "@/lib/server/live/queries";
import { TAGS } from "@/lib/server/queries/tags";

import { editorAttestationHref, insertDraft, type SavedAttestation } from "./attestations";
import { defineCommand, type Context } from "./define";
import { CommandError, fieldError, isUniqueViolation, validationError } from "./errors";
import { conflict, envelope, requireVersion } from "./shared";

/** What a record is called in the audit log, its table, and how the editor names it. */
const KIND = {
  deployments: { entityType: "live_deployment", table: "live_token_deployment", noun: "token deployment" },
  "reserve-addresses": { entityType: "live_reserve_address", table: "live_reserve_address", noun: "reserve address" },
  "reserve-feeds": { entityType: "live_reserve_feed", table: "live_reserve_feed", noun: "reserve feed" },
  endpoints: { entityType: "live_endpoint", table: "live_transparency_endpoint", noun: "transparency endpoint" },
} as const satisfies Record<LiveSourceKind, { entityType: string; table: string; noun: string }>;

/** Where a record an editor adds was compiled from (the shipped ones name live-sources.md). */
export const COMPILED_IN_EDITOR = "entered in the editor";

export interface SavedLiveSource {
  id: string;
  /** updatedAt in epoch milliseconds: the version the next save must name. */
  version: number;
  kind: LiveSourceKind;
  issuerSlug: string;
  enabled: boolean;
}

type Tx = Prisma.TransactionClient;
type AnyInput = LiveDeploymentInput | LiveReserveAddressInput | LiveReserveFeedInput | LiveEndpointInput;
interface Row {
  id: string;
  issuerId: string;
  enabled: boolean;
  updatedAt: Date;
  issuer: { slug: string };
}

const liveTags = (slug: string) => [TAGS.live, TAGS.issuer(slug)];

function kindOf(kind: string): LiveSourceKind {
  if (!isLiveSourceKind(kind)) throw new CommandError("not_found", "There is no such kind of live source; nothing was saved.");
  return kind;
}

const idOf = (id: string, noun: string) => {
  if (!recordId.safeParse(id).success) throw new CommandError("not_found", `This ${noun} no longer exists; nothing was saved.`);
  return id;
};

// --- stored row ↔ input shape, per kind --------------------------------------------------

/* eslint-disable @typescript-eslint/no-explicit-any -- one delegate per kind, each typed at its call below */
function delegate(tx: Tx, kind: LiveSourceKind): any {
  switch (kind) {
    case "deployments":
      return tx.liveTokenDeployment;
    case "reserve-addresses":
      return tx.liveReserveAddress;
    case "reserve-feeds":
      return tx.liveReserveFeed;
    case "endpoints":
      return tx.liveTransparencyEndpoint;
  }
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** The columns an input writes (everything but the issuer and where it was compiled from). */
function fields(kind: LiveSourceKind, input: AnyInput) {
  switch (kind) {
    case "deployments": {
      const d = input as LiveDeploymentInput;
      return {
        chain: d.chain,
        address: d.address,
        decimals: d.decimals,
        symbol: d.symbol,
        note: d.note,
        sourceUrl: d.sourceUrl,
        enabled: d.enabled,
      };
    }
    case "reserve-addresses": {
      const a = input as LiveReserveAddressInput;
      return {
        chain: a.chain,
        address: a.address,
        asset: a.asset,
        assetAddress: a.assetAddress,
        assetDecimals: a.assetDecimals,
        label: a.label,
        sourceUrl: a.sourceUrl,
        enabled: a.enabled,
      };
    }
    case "reserve-feeds": {
      const f = input as LiveReserveFeedInput;
      return {
        chain: f.chain,
        feedAddress: f.feedAddress,
        decimals: f.decimals,
        reports: f.reports,
        unit: f.unit,
        sourceUrl: f.sourceUrl,
        enabled: f.enabled,
      };
    }
    case "endpoints": {
      const e = input as LiveEndpointInput;
      return { adapter: e.adapter, url: e.url, sourceUrl: e.sourceUrl, enabled: e.enabled };
    }
  }
}

/** A stored row in the input shape (what the form edits and the audit log keeps); a missing source URL is "". */
export function liveRowToInput(kind: LiveSourceKind, row: Record<string, unknown> & { issuer: { slug: string } }): AnyInput {
  const base = { issuerSlug: row.issuer.slug, sourceUrl: (row.sourceUrl as string | null) ?? "", enabled: row.enabled as boolean };
  switch (kind) {
    case "deployments":
      return {
        ...base,
        chain: row.chain,
        address: row.address,
        decimals: row.decimals,
        symbol: row.symbol,
        note: row.note ?? null,
      } as LiveDeploymentInput;
    case "reserve-addresses":
      return {
        ...base,
        chain: row.chain,
        address: row.address,
        asset: row.asset,
        assetAddress: row.assetAddress,
        assetDecimals: row.assetDecimals,
        label: row.label,
      } as LiveReserveAddressInput;
    case "reserve-feeds":
      return {
        ...base,
        chain: row.chain,
        feedAddress: row.feedAddress,
        decimals: row.decimals ?? null,
        reports: row.reports,
        unit: row.unit,
      } as LiveReserveFeedInput;
    case "endpoints":
      return { ...base, adapter: row.adapter, url: row.url } as LiveEndpointInput;
  }
}

const DUPLICATE_FIELD: Record<LiveSourceKind, string> = {
  deployments: "address",
  "reserve-addresses": "address",
  "reserve-feeds": "feedAddress",
  endpoints: "url",
};

function duplicate(kind: LiveSourceKind): CommandError {
  const what = {
    deployments: "this address on this chain",
    "reserve-addresses": "this address and asset on this chain",
    "reserve-feeds": "this feed on this chain",
    endpoints: "this adapter and URL",
  }[kind];
  return new CommandError("duplicate", `This issuer already has ${what}; nothing was saved. Edit the existing record instead.`, {
    fieldErrors: { [DUPLICATE_FIELD[kind]]: [`already recorded for this issuer`] },
  });
}

/** Locks the row until the transaction ends; its updatedAt in ms, or null when it is gone. */
async function lockUpdatedAt(tx: Tx, kind: LiveSourceKind, id: string): Promise<number | null> {
  // `table` comes from the closed KIND map above, never from input.
  const rows = await tx.$queryRawUnsafe<{ ms: string }[]>(
    `SELECT (extract(epoch from updated_at) * 1000)::bigint::text AS ms FROM "${KIND[kind].table}" WHERE id = $1 FOR UPDATE`,
    id,
  );
  return rows[0] ? Number(rows[0].ms) : null;
}

async function lockedRow(
  tx: Tx,
  kind: LiveSourceKind,
  id: string,
  version: number,
  baseline: unknown,
): Promise<{ row: Row & Record<string, unknown>; before: AnyInput; ms: number }> {
  const k = KIND[kind];
  const ms = await lockUpdatedAt(tx, kind, id);
  if (ms === null) throw new CommandError("not_found", `This ${k.noun} no longer exists; nothing was saved.`);
  const row = (await delegate(tx, kind).findUniqueOrThrow({ where: { id }, include: { issuer: { select: { slug: true } } } })) as Row &
    Record<string, unknown>;
  const before = liveRowToInput(kind, row);
  if (ms !== version) {
    throw await conflict(
      tx,
      { entityType: k.entityType, id, noun: k.noun, schema: LIVE_SOURCE_SCHEMAS[kind] as z.ZodType<AnyInput>, canonical: (x) => x },
      baseline,
      { version: ms, input: before },
    );
  }
  return { row, before, ms };
}

/** Never the same updatedAt twice, so a version names one state of the row. */
const nextUpdatedAt = (ms: number) => new Date(Math.max(Date.now(), ms + 1));

function saved(kind: LiveSourceKind, row: { id: string; updatedAt: Date; enabled: boolean }, slug: string): SavedLiveSource {
  return { id: row.id, version: row.updatedAt.getTime(), kind, issuerSlug: slug, enabled: row.enabled };
}

/**
 * A second record with the same key (chain and address, adapter and URL) is refused as a
 * duplicate, not a failure. The refused statement has aborted the transaction: nothing may follow it.
 */
async function uniqueGuard<T>(kind: LiveSourceKind, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicate(kind);
    throw err;
  }
}

const kindSchema = (kind: string) => envelope(LIVE_SOURCE_SCHEMAS[kindOf(kind)] as z.ZodType<AnyInput>);

// --- commands -------------------------------------------------------------------------

export const createLiveSource = defineCommand({
  name: "create live source",
  role: "editor",
  schema: kindSchema,
  async run(tx, { input }, { params: [kindText] }: Context<[kind: string]>) {
    const kind = kindOf(kindText);
    const issuer = await tx.issuer.findUnique({ where: { slug: input.issuerSlug }, select: { id: true } });
    if (!issuer) throw fieldError("issuerSlug", "no issuer with this slug");
    const row = await uniqueGuard(
      kind,
      () =>
        delegate(tx, kind).create({
          data: { issuerId: issuer.id, compiledFrom: COMPILED_IN_EDITOR, ...fields(kind, input) },
        }) as Promise<Row>,
    );
    return {
      data: saved(kind, row, input.issuerSlug),
      tags: liveTags(input.issuerSlug),
      audit: { action: "create", entityType: KIND[kind].entityType, entityId: row.id, after: input },
    };
  },
});

export const updateLiveSource = defineCommand({
  name: "update live source",
  role: "editor",
  schema: kindSchema,
  async run(tx, env, { params: [kindText, idText] }: Context<[kind: string, id: string]>) {
    const kind = kindOf(kindText);
    const version = requireVersion(env.version);
    const id = idOf(idText, KIND[kind].noun);
    const input = env.input;
    const { row, before, ms } = await lockedRow(tx, kind, id, version, env.baseline);
    if (row.issuer.slug !== input.issuerSlug)
      throw fieldError("issuerSlug", `a ${KIND[kind].noun} cannot move to another issuer; add it there instead`);
    const next = await uniqueGuard(
      kind,
      () => delegate(tx, kind).update({ where: { id }, data: { ...fields(kind, input), updatedAt: nextUpdatedAt(ms) } }) as Promise<Row>,
    );
    return {
      data: saved(kind, next, input.issuerSlug),
      tags: liveTags(input.issuerSlug),
      audit: { action: "update", entityType: KIND[kind].entityType, entityId: id, before, after: input },
    };
  },
});

/** Body `{ version, reason? }`: any input is ignored, and a body that is not an object counts as an empty one. */
const toggleBody = z.preprocess((raw) => (raw && typeof raw === "object" && !Array.isArray(raw) ? raw : {}), envelope(z.unknown()));

const setEnabled = (enabled: boolean) =>
  defineCommand({
    name: enabled ? "enable live source" : "disable live source",
    role: "editor",
    schema: toggleBody,
    async run(tx, env, { params: [kindText, idText] }: Context<[kind: string, id: string]>) {
      const kind = kindOf(kindText);
      const version = requireVersion(env.version);
      const id = idOf(idText, KIND[kind].noun);
      const reason = typeof env.reason === "string" && env.reason.trim() ? env.reason.trim().slice(0, 500) : null;
      const { row, before, ms } = await lockedRow(tx, kind, id, version, env.baseline);
      // Already in that state: nothing changes, nothing is audited.
      if (row.enabled === enabled) return { data: saved(kind, row, row.issuer.slug), audit: null };
      const next = (await delegate(tx, kind).update({ where: { id }, data: { enabled, updatedAt: nextUpdatedAt(ms) } })) as Row;
      return {
        data: saved(kind, next, row.issuer.slug),
        tags: liveTags(row.issuer.slug),
        audit: {
          action: enabled ? "enable" : "disable",
          entityType: KIND[kind].entityType,
          entityId: id,
          before,
          after: { ...before, enabled },
          reason,
        },
      };
    },
  });

/** Stops reading this source (kept, with its readings); body `{ version, reason? }`. */
export const disableLiveSource = setEnabled(false);

/** Reads this source again; body `{ version, reason? }`. */
export const enableLiveSource = setEnabled(true);

// --- one click: an issuer-stated live figure → a draft report ------------------------------

/**
 * Per adapter, the figure that is the issuer's tokens outstanding, and whether
 * the adapter gives it exactly: Tether's JSON and Circle's supply API state the
 * number itself; Circle's page shows USD billions, so its figure is rounded.
 * An adapter not listed here offers no draft.
 */
export const TOKENS_FIGURE: Record<string, { metric: string; exact: boolean }> = {
  "tether-transparency-json": { metric: "issued_total", exact: true },
  "circle-supply-api": { metric: "total_supply", exact: true },
  "circle-transparency-html": { metric: "usdc_in_circulation_usd", exact: false },
};

/** The figure as a report's amount (at most 2 decimals) and its precision: rounded when the adapter or the rounding says so. */
export function tokensFigure(amount: string, exact: boolean): { value: string; precision: "exact" | "rounded" } {
  const d = new Decimal(amount);
  const cents = d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const value = cents
    .toFixed()
    .replace(/(\.\d*?)0+$/, "$1")
    .replace(/\.$/, "");
  return { value, precision: exact && cents.eq(d) ? "exact" : "rounded" };
}

export interface DraftedReport extends SavedAttestation {
  href: string;
}

/**
 * Creates a draft issuer report from one stored issuer_figure reading (its
 * endpoint's tokens-outstanding figure): self-reported, primary source, as of
 * the figure's own date (or when it was read), the endpoint's URL as its
 * source, and the provenance in its notes. Parsed with the editor's report
 * schema and created by insertDraft, as createAttestationDraft does, so the
 * report's own validation and audit apply; nothing is published.
 */
export const draftReportFromReading = defineCommand({
  name: "draft report from live figure",
  role: "editor",
  // The body is the reading's id (a path parameter): checked below, where an unknown one is "not found".
  schema: z.string(),
  async run(tx, readingIdText, { actor }) {
    if (!/^\d{1,18}$/.test(readingIdText)) throw new CommandError("not_found", "This reading no longer exists; nothing was saved.");
    const reading = await tx.liveReading.findUnique({ where: { id: BigInt(readingIdText) } });
    if (!reading || reading.kind !== "issuer_figure")
      throw new CommandError("not_found", "This reading no longer exists or is not an issuer's figure; nothing was saved.");
    const endpoint = await tx.liveTransparencyEndpoint.findUnique({
      where: { id: reading.targetId },
      include: { issuer: { select: { slug: true } } },
    });
    if (!endpoint) throw new CommandError("not_found", "The endpoint this figure was read from no longer exists; nothing was saved.");
    const figure = TOKENS_FIGURE[endpoint.adapter];
    if (!figure || figure.metric !== reading.metric) {
      throw fieldError(
        "readingId",
        `only the endpoint's tokens-outstanding figure (${figure?.metric ?? "none for this adapter"}) can start a report, not ${reading.metric}`,
      );
    }
    const amount = reading.amount
      .toFixed()
      .replace(/(\.\d*?)0+$/, "$1")
      .replace(/\.$/, "");
    const tokens = tokensFigure(amount, figure.exact);
    const asOf = fromUtcDate(reading.sourceAsOf ?? reading.readAt);
    const notes = [
      `Drafted from the issuer's own live figure (issuer-stated, not assured) by ${actor.displayName} on ${fromUtcDate(new Date())}.`,
      `Endpoint: ${endpoint.url} (adapter ${endpoint.adapter}, record ${endpoint.id}).`,
      `Reading ${reading.id.toString()}: ${reading.metric} = ${amount}${tokens.value !== amount ? ` (recorded here as ${tokens.value}, ${tokens.precision})` : ""}.`,
      `Response SHA-256: ${reading.responseSha256}.`,
      `Read at ${reading.readAt.toISOString()}; the source's own date: ${reading.sourceAsOf ? reading.sourceAsOf.toISOString() : "not stated (as-of is the read date)"}.`,
    ].join("\n");
    const draft: AttestationInput = {
      issuerSlug: endpoint.issuer.slug,
      asOf,
      publishedOn: null,
      reportType: "issuer_report",
      assurance: "self_reported",
      firm: null,
      standard: null,
      opinion: "none",
      scope: "reserves_and_tokens",
      reportUrl: null,
      reportSha256: null,
      sourceUrl: endpoint.url,
      sourceKind: "primary",
      tokensOutstanding: tokens,
      totalReserves: null,
      liquidity1dPct: null,
      liquidity7dPct: null,
      liquidity30dPct: null,
      notes,
      composition: [],
    };
    // Built here, yet held to the same rules as a report an editor types.
    const parsed = attestationEditorInput.safeParse(draft);
    if (!parsed.success) throw validationError(parsed.error);
    const { data, audit } = await insertDraft(tx, parsed.data);
    return { data: { ...data, href: editorAttestationHref(data.id) } satisfies DraftedReport, audit };
  },
});

// --- the editor page's reads ------------------------------------------------------------

export interface EditorLiveRecord<T> {
  id: string;
  version: number;
  enabled: boolean;
  compiledFrom: string;
  updatedAt: string;
  input: T;
}

export interface EditorIssuerFigure {
  readingId: string;
  endpointId: string;
  metric: string;
  amount: string;
  sourceAsOf: string | null;
  readAt: string;
  responseSha256: string;
  /** The figure that can start a draft report, with the precision it would carry. */
  draft: { value: string; precision: "exact" | "rounded" } | null;
}

/** An issuer's live sources as the editor page lists them, with each endpoint's latest figures; null for an unknown issuer. */
export async function editorLiveSources(slug: string) {
  if (!isSlug(slug)) return null;
  const prisma = db();
  const issuer = await prisma.issuer.findUnique({ where: { slug }, select: { id: true, name: true, slug: true } });
  if (!issuer) return null;
  const include = { issuer: { select: { slug: true } } } as const;
  const where = { issuerId: issuer.id };
  const [deployments, addresses, feeds, endpoints, readings, readingIds] = await Promise.all([
    prisma.liveTokenDeployment.findMany({ where, include, orderBy: [{ chain: "asc" }, { symbol: "asc" }] }),
    prisma.liveReserveAddress.findMany({ where, include, orderBy: [{ chain: "asc" }, { label: "asc" }] }),
    prisma.liveReserveFeed.findMany({ where, include, orderBy: [{ chain: "asc" }, { reports: "asc" }] }),
    prisma.liveTransparencyEndpoint.findMany({ where, include, orderBy: [{ adapter: "asc" }, { url: "asc" }] }),
    latestReadings(prisma, issuer.id),
    prisma.$queryRaw<{ id: bigint; target_id: string; metric: string }[]>`
      SELECT DISTINCT ON (target_id, metric) id, target_id, metric FROM live_reading
      WHERE issuer_id = ${issuer.id} AND kind = 'issuer_figure' ORDER BY target_id, metric, read_at DESC, id DESC`,
  ]);
  const idOfReading = new Map(readingIds.map((r) => [`${r.target_id}|${r.metric}`, r.id.toString()]));
  const record = <T>(
    kind: LiveSourceKind,
    row: Record<string, unknown> & { id: string; enabled: boolean; compiledFrom: string; updatedAt: Date; issuer: { slug: string } },
  ): EditorLiveRecord<T> => ({
    id: row.id,
    version: row.updatedAt.getTime(),
    enabled: row.enabled,
    compiledFrom: row.compiledFrom,
    updatedAt: row.updatedAt.toISOString(),
    input: liveRowToInput(kind, row) as T,
  });
  const adapterOf = new Map(endpoints.map((e) => [e.id, e.adapter]));
  const figures: EditorIssuerFigure[] = readings
    .filter((r) => r.kind === "issuer_figure" && r.amount !== null && r.readAt !== null && r.responseSha256 !== null)
    .flatMap((r) => {
      const readingId = idOfReading.get(`${r.targetId}|${r.metric}`);
      if (!readingId) return [];
      const spec = TOKENS_FIGURE[adapterOf.get(r.targetId) ?? ""];
      return [
        {
          readingId,
          endpointId: r.targetId,
          metric: r.metric,
          amount: r.amount!,
          sourceAsOf: r.sourceAsOf?.toISOString() ?? null,
          readAt: r.readAt!.toISOString(),
          responseSha256: r.responseSha256!,
          draft: spec && spec.metric === r.metric ? tokensFigure(r.amount!, spec.exact) : null,
        },
      ];
    });
  const failures = new Map(
    readings
      .filter((r) => r.kind === "issuer_figure" && r.latestFailure)
      .map((r) => [r.targetId, { error: r.latestFailure!.error, at: r.latestFailure!.at.toISOString() }]),
  );
  return {
    issuer,
    deployments: deployments.map((d) => record<LiveDeploymentInput>("deployments", d)),
    reserveAddresses: addresses.map((a) => record<LiveReserveAddressInput>("reserve-addresses", a)),
    reserveFeeds: feeds.map((f) => record<LiveReserveFeedInput>("reserve-feeds", f)),
    endpoints: endpoints.map((e) => ({
      ...record<LiveEndpointInput>("endpoints", e),
      describes: ADAPTERS[e.adapter]?.describes ?? e.adapter,
      figures: figures.filter((f) => f.endpointId === e.id),
      failure: failures.get(e.id) ?? null,
    })),
  };
}

export type EditorLiveSources = NonNullable<Awaited<ReturnType<typeof editorLiveSources>>>;
