import "server-only";

// Read models of the public JSON API: one cached function per list page
// (keyed by its filters, cursor and limit) that returns the finished JSON and
// its ETag, so a repeated request costs a hash comparison and no query.
// Pages use keyset pagination on the list's sort order, which stays correct
// when reports are published between two page requests.
import { createHash } from "node:crypto";
import { cacheLife, cacheTag } from "next/cache";

import type { Prisma } from "@/lib/generated/prisma/client";
import { openApiDocument } from "@/lib/domain/api/openapi";
import type { FilterParams } from "@/lib/domain/api/params";
import { issuerLiveSchema, type ApiMeta } from "@/lib/domain/api/schemas";
import {
  attestationListPayload,
  issuerDetailPayload,
  issuerListPayload,
  stressEventListPayload,
  type Page,
} from "@/lib/domain/api/serialise";
import { toUtcDate } from "@/lib/domain/dates";
import { METHODOLOGY_VERSION } from "@/lib/domain/metrics/versions";
import { isSlug } from "@/lib/domain/schemas/common";
import { readDb } from "@/lib/server/db";

import { DATA_AS_OF_SQL } from "./csv-export";
import { getIssuerPage } from "./issuer-page";
import { getIssuerLive } from "./live";
import { attestationInclude, issuerInclude, stressInclude, toAttestationData, toIssuerData, toStressEventData } from "./mappers";
import { PUBLISHED_DATA, TAGS } from "./tags";

/** What every answer states about itself. Callers carry all three data tags: the time moves with any publish. */
async function apiMeta(): Promise<ApiMeta> {
  cacheTag(TAGS.live);
  const [rows, live] = await Promise.all([
    readDb().$queryRawUnsafe<{ data_as_of: string | null }[]>(`SELECT ${DATA_AS_OF_SQL} AS data_as_of`),
    readDb().$queryRawUnsafe<{ kind: string; last: Date }[]>(
      `SELECT kind::text AS kind, max(read_at) AS last FROM live_reading GROUP BY kind`,
    ),
  ]);
  const liveReadAt = Object.fromEntries(
    (["supply", "reserve_balance", "reserve_feed", "issuer_figure"] as const).map((k) => [
      k,
      live.find((l) => l.kind === k)?.last.toISOString() ?? null,
    ]),
  ) as NonNullable<ApiMeta["liveReadAt"]>;
  return { methodologyVersion: METHODOLOGY_VERSION, methodology: "/en/methodology", dataAsOf: rows[0]?.data_as_of ?? null, liveReadAt };
}

/** One issuer's live signals, as its page shows them (lib/server/queries/live.ts), with the API's meta. */
export async function apiIssuerLive(slug: string): Promise<ApiBody | null> {
  "use cache";
  if (!isSlug(slug)) return null;
  cacheTag(TAGS.live, TAGS.issuer(slug));
  cacheLife(PUBLISHED_DATA); // a refresh expires TAGS.live; each figure states when it was read
  const live = await getIssuerLive(slug);
  if (!live) return null;
  const meta = await apiMeta();
  const { deployments: _d, peg: _p, ...data } = live;
  void _d;
  void _p;
  return body(issuerLiveSchema.parse({ data, meta }));
}
const ALL_DATA = [TAGS.issuers, TAGS.attestations, TAGS.stressEvents] as const;

export interface ApiBody {
  json: string;
  etag: string;
}

function body(payload: unknown): ApiBody {
  const json = JSON.stringify(payload);
  return { json, etag: `"${createHash("sha256").update(json).digest("base64url").slice(0, 27)}"` };
}

/** Where the page lives and its query (without cursor), for the `next` link. */
export interface PageRequest {
  path: string;
  query: string;
  limit: number;
}

function page<T, K extends unknown[]>(rows: T[], limit: number, key: (last: T) => K): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextKey: rows.length > limit && last ? key(last) : null };
}

const issuerWhere = (f: FilterParams) => (f.issuer.length ? { issuer: { slug: { in: f.issuer } } } : {});
const dateRange = (f: FilterParams) =>
  f.from || f.to ? { ...(f.from ? { gte: toUtcDate(f.from) } : {}), ...(f.to ? { lte: toUtcDate(f.to) } : {}) } : undefined;

export async function apiIssuers(req: PageRequest, after: [string] | null): Promise<ApiBody> {
  "use cache";
  cacheTag(...ALL_DATA);
  cacheLife(PUBLISHED_DATA);
  const meta = await apiMeta();
  const rows = await readDb().issuer.findMany({
    where: after ? { slug: { gt: after[0] } } : {},
    include: issuerInclude,
    orderBy: { slug: "asc" },
    take: req.limit + 1,
  });
  const p = page(rows.map(toIssuerData), req.limit, (i) => [i.slug]);
  return body(issuerListPayload(p, req.limit, req.path, new URLSearchParams(req.query), meta));
}

export async function apiIssuerDetail(slug: string): Promise<ApiBody | null> {
  "use cache";
  cacheTag(TAGS.issuer(slug), ...ALL_DATA);
  cacheLife(PUBLISHED_DATA);
  const model = await getIssuerPage(slug);
  if (!model) return null;
  const meta = await apiMeta();
  return body(
    issuerDetailPayload(
      {
        issuer: model.issuer,
        latest: model.latest,
        composition: model.latestComposition,
        laterPartial: model.laterPartial?.shares ?? null,
        reportCount: model.reportCount,
        stressEventCount: model.stressEvents.length,
      },
      meta,
    ),
  );
}

export async function apiAttestations(req: PageRequest, filter: FilterParams, after: [string, string] | null): Promise<ApiBody> {
  "use cache";
  cacheTag(...ALL_DATA);
  for (const slug of filter.issuer) cacheTag(TAGS.issuer(slug));
  cacheLife(PUBLISHED_DATA);
  const meta = await apiMeta();
  const keyset: Prisma.AttestationWhereInput = after
    ? { OR: [{ asOf: { lt: toUtcDate(after[0]) } }, { asOf: toUtcDate(after[0]), id: { lt: after[1] } }] }
    : {};
  const range = dateRange(filter);
  const rows = await readDb().attestation.findMany({
    where: { state: { in: ["published", "retracted"] }, ...issuerWhere(filter), ...(range ? { asOf: range } : {}), AND: [keyset] },
    include: attestationInclude,
    orderBy: [{ asOf: "desc" }, { id: "desc" }],
    take: req.limit + 1,
  });
  const p = page(rows.map(toAttestationData), req.limit, (a) => [a.asOf, a.id]);
  return body(attestationListPayload(p, req.limit, req.path, new URLSearchParams(req.query), meta));
}

export async function apiStressEvents(req: PageRequest, filter: FilterParams, after: [string | null, string] | null): Promise<ApiBody> {
  "use cache";
  cacheTag(...ALL_DATA);
  cacheLife(PUBLISHED_DATA);
  const meta = await apiMeta();
  // Newest first, undated events last: after a dated key come older dates and every undated event.
  let keyset: Prisma.StressEventWhereInput = {};
  if (after && after[0] !== null) {
    const d = toUtcDate(after[0]);
    keyset = { OR: [{ startDate: { lt: d } }, { startDate: d, id: { lt: after[1] } }, { startDate: null }] };
  } else if (after) keyset = { startDate: null, id: { lt: after[1] } };
  const range = dateRange(filter);
  const rows = await readDb().stressEvent.findMany({
    where: { ...issuerWhere(filter), ...(range ? { startDate: range } : {}), AND: [keyset] },
    include: stressInclude,
    orderBy: [{ startDate: { sort: "desc", nulls: "last" } }, { id: "desc" }],
    take: req.limit + 1,
  });
  const p = page(rows.map(toStressEventData), req.limit, (e) => [e.startDate, e.id]);
  return body(stressEventListPayload(p, req.limit, req.path, new URLSearchParams(req.query), meta));
}

/** Built from code, not data: it changes only with a new build, so no data tag expires it. */
export async function apiOpenApi(): Promise<ApiBody> {
  "use cache";
  cacheLife("max");
  return body(openApiDocument());
}
