// Stored facts → API payloads, validated against the response schemas before
// they leave (a shape bug fails here, loudly, not in a reader's code). The
// computed figures come from the same metric functions as the pages.
import { publicationLag } from "@/lib/domain/metrics/cadence";
import type { CompositionShares } from "@/lib/domain/metrics/composition";
import { coverageRatio } from "@/lib/domain/metrics/coverage";
import type { Measured } from "@/lib/domain/precision";
import type { AttestationData, IssuerData, StressEventData } from "@/lib/domain/types";

import { encodeCursor } from "./cursor";
import {
  attestationListSchema,
  issuerDetailSchema,
  issuerListSchema,
  stressEventListSchema,
  type ApiAttestation,
  type ApiComputedValue,
  type ApiIssuer,
  type ApiMeta,
  type ApiStressEvent,
} from "./schemas";

export const API_BASE = "/api/v1";

export function computedValue(m: Measured, note: string | null = null): ApiComputedValue {
  return { value: m.value, bound: m.bound, note: [m.reason, note].filter(Boolean).join("; ") || null };
}

export function apiIssuer(i: IssuerData): ApiIssuer {
  const { id: _id, ...rest } = i;
  void _id;
  return {
    ...rest,
    links: {
      self: `${API_BASE}/issuers/${i.slug}`,
      page: `/en/issuers/${i.slug}`,
      attestations: `${API_BASE}/issuers/${i.slug}/attestations`,
      feed: `/feeds/issuers/${i.slug}.xml`,
    },
  };
}

export function apiAttestation(a: AttestationData): ApiAttestation {
  const coverage = coverageRatio(a);
  if (a.state === "draft") throw new Error("drafts are never public");
  return {
    ...a,
    state: a.state,
    computed: {
      coveragePct: computedValue(coverage.coveragePct, coverage.label),
      coverageOnGroupTotals: coverage.onGroupTotals,
      publicationLagDays: publicationLag(a)?.days ?? null,
    },
  };
}

export function apiStressEvent(e: StressEventData): ApiStressEvent {
  return e;
}

export interface Page<T> {
  items: T[];
  /** The sort key of the last item, when there may be more. */
  nextKey: unknown[] | null;
}

function pageInfo(limit: number, nextKey: unknown[] | null, path: string, query: URLSearchParams) {
  const nextCursor = nextKey ? encodeCursor(nextKey) : null;
  let next: string | null = null;
  if (nextCursor) {
    const q = new URLSearchParams(query);
    q.set("cursor", nextCursor);
    q.set("limit", String(limit));
    next = `${path}?${q.toString()}`;
  }
  return { limit, nextCursor, next };
}

export function issuerListPayload(page: Page<IssuerData>, limit: number, path: string, query: URLSearchParams, meta: ApiMeta) {
  return issuerListSchema.parse({ data: page.items.map(apiIssuer), page: pageInfo(limit, page.nextKey, path, query), meta });
}

export function attestationListPayload(page: Page<AttestationData>, limit: number, path: string, query: URLSearchParams, meta: ApiMeta) {
  return attestationListSchema.parse({ data: page.items.map(apiAttestation), page: pageInfo(limit, page.nextKey, path, query), meta });
}

export function stressEventListPayload(page: Page<StressEventData>, limit: number, path: string, query: URLSearchParams, meta: ApiMeta) {
  return stressEventListSchema.parse({ data: page.items.map(apiStressEvent), page: pageInfo(limit, page.nextKey, path, query), meta });
}

export interface IssuerDetailInput {
  issuer: IssuerData;
  latest: AttestationData | null;
  composition: CompositionShares | null;
  laterPartial: CompositionShares | null;
  reportCount: number;
  stressEventCount: number;
}

export function issuerDetailPayload(d: IssuerDetailInput, meta: ApiMeta) {
  const coverage = d.latest ? coverageRatio(d.latest) : null;
  return issuerDetailSchema.parse({
    data: apiIssuer(d.issuer),
    meta,
    computed: {
      latestAttestationId: d.latest?.id ?? null,
      latestCoveragePct: coverage ? computedValue(coverage.coveragePct, coverage.label) : null,
      latestComposition: d.composition
        ? {
            attestationId: d.composition.attestationId,
            asOf: d.composition.asOf,
            categories: d.composition.categories.map((c) => ({ category: c.category, sharePct: computedValue(c.sharePct) })),
            notCapturedPct: computedValue(d.composition.notCapturedPct, "reserves no captured line accounts for (our gap)"),
            otherUndisclosedPct: computedValue(d.composition.otherUndisclosedPct),
          }
        : null,
      laterPartialComposition: d.laterPartial
        ? {
            attestationId: d.laterPartial.attestationId,
            asOf: d.laterPartial.asOf,
            capturedPct: computedValue(d.laterPartial.capturedPct, "share of total reserves the captured lines account for"),
          }
        : null,
      reportCount: d.reportCount,
      stressEventCount: d.stressEventCount,
    },
  });
}
