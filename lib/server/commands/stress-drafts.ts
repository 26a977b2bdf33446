import "server-only";

// Draft stress events opened by the depeg detector (lib/server/live/prices.ts):
// an editor dismisses one, or records it through the ordinary stress-event form,
// prefilled from the draft. Nothing is published until the editor saves that
// form; the save creates the event and marks the draft published in the same
// transaction (insertStressEvent, then the draft). Each change is audited.
//
// The editor pages' reads sit at the end of this file (not cached).
import Decimal from "decimal.js";
import { z } from "zod";

import type { Prisma } from "@/lib/generated/prisma/client";
import { fromUtcDate } from "@/lib/domain/dates";
import { optionalText, recordId } from "@/lib/domain/schemas/common";
import { stressEventInput, type StressEventInput } from "@/lib/domain/schemas/stress-event";
import { db } from "@/lib/server/db";

import { defineCommand, type Context } from "./define";
import { CommandError, fieldError } from "./errors";
import { envelope } from "./shared";
import { insertStressEvent, stressTags } from "./stress-events";

const ENTITY = "stress_event_draft";

const notFound = () => new CommandError("not_found", "This draft stress event no longer exists; nothing was saved.");

/** Locks the draft until the transaction ends; refuses one already decided. */
async function lockOpenDraft(tx: Prisma.TransactionClient, id: string) {
  if (!recordId.safeParse(id).success) throw notFound();
  const rows = await tx.$queryRaw<{ status: string }[]>`SELECT status::text AS status FROM stress_event_draft WHERE id = ${id} FOR UPDATE`;
  const status = rows[0]?.status;
  if (!status) throw notFound();
  if (status !== "open") throw new CommandError("state", `This draft was already ${status}; nothing was saved.`);
  return tx.stressEventDraft.findUniqueOrThrow({ where: { id } });
}

const dismissBody = z.object({ reason: optionalText(500) }).strict();

/** Dismisses an open draft (the price move was not a stress event); body `{ input: { reason? } }`. No public page changes. */
export const dismissStressDraft = defineCommand({
  name: "dismiss stress draft",
  role: "editor",
  schema: envelope(dismissBody.default({ reason: null })),
  async run(tx, { input }, { params: [id] }: Context<[id: string]>) {
    await lockOpenDraft(tx, id);
    await tx.stressEventDraft.update({ where: { id }, data: { status: "dismissed", decidedAt: new Date() } });
    return {
      data: { id, status: "dismissed" as const },
      audit: {
        action: "dismiss",
        entityType: ENTITY,
        entityId: id,
        before: { status: "open" },
        after: { status: "dismissed" },
        reason: input.reason,
      },
    };
  },
});

/**
 * Records the draft as a stress event: the stress-event form's body, parsed and
 * created as createStressEvent does; in the same transaction the draft is marked
 * published with the new event's id (refused when the draft was decided
 * meanwhile or belongs to another issuer; then no event is created either).
 */
export const recordStressDraft = defineCommand({
  name: "record stress draft",
  role: "editor",
  schema: envelope(stressEventInput),
  async run(tx, { input }, { params: [id] }: Context<[id: string]>) {
    const created = await insertStressEvent(tx, input);
    const draft = await lockOpenDraft(tx, id);
    if (draft.issuerId !== created.event.issuerId) throw fieldError("issuerSlug", "the draft is of another issuer");
    await tx.stressEventDraft.update({
      where: { id },
      data: { status: "published", stressEventId: created.event.id, decidedAt: new Date() },
    });
    return {
      data: created.data,
      tags: stressTags(input.issuerSlug),
      audit: [
        created.audit,
        {
          action: "publish",
          entityType: ENTITY,
          entityId: id,
          before: { status: "open" },
          after: { status: "published", stressEventId: created.event.id },
        },
      ],
    };
  },
});

// --- the editor pages' reads -------------------------------------------------------------

interface DraftPoint {
  date: string;
  priceUsd: string;
  deviationBp: number;
  source: string | null;
}

function pointsOf(json: unknown): DraftPoint[] {
  return Array.isArray(json) ? (json as DraftPoint[]).filter((p) => p && typeof p.date === "string") : [];
}

const plain = (d: Decimal) =>
  d
    .toFixed()
    .replace(/(\.\d*?)0+$/, "$1")
    .replace(/\.$/, "");
const isUrl = (s: string) => /^https?:\/\/\S+$/i.test(s);

export interface StressDraftItem {
  id: string;
  issuerSlug: string;
  issuerName: string;
  token: string;
  startDate: string;
  endDate: string | null;
  lowestPrice: string;
  maxDeviationBp: number;
  bandBp: number;
  pointCount: number;
  sources: string[];
  createdAt: string;
}

type DraftRow = Prisma.StressEventDraftGetPayload<{ include: { issuer: { select: { slug: true; name: true } } } }>;

function item(d: DraftRow): StressDraftItem {
  const points = pointsOf(d.points);
  return {
    id: d.id,
    issuerSlug: d.issuer.slug,
    issuerName: d.issuer.name,
    token: d.token,
    startDate: fromUtcDate(d.startDate),
    endDate: d.endDate ? fromUtcDate(d.endDate) : null,
    lowestPrice: plain(new Decimal(d.lowestPrice.toString())),
    maxDeviationBp: d.maxDeviationBp,
    bandBp: d.bandBp,
    pointCount: points.length,
    sources: [...new Set(points.map((p) => p.source).filter((s): s is string => !!s))].sort(),
    createdAt: d.createdAt.toISOString(),
  };
}

/** Open drafts, oldest first. */
export async function openStressDrafts(): Promise<StressDraftItem[]> {
  const rows = await db().stressEventDraft.findMany({
    where: { status: "open" },
    include: { issuer: { select: { slug: true, name: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map(item);
}

/** "±0.5%" from 50 bp. */
const band = (bp: number) => `±${plain(new Decimal(bp).div(100))}%`;

/** The stress-event form's starting values for a draft: kind depeg, dates, lowest price, summary, price source. */
export function prefillFromDraft(d: StressDraftItem): StressEventInput {
  // The form takes at most 6 decimals; a longer price is rounded there and kept exact in the summary.
  const lowest = new Decimal(d.lowestPrice);
  const lowestForForm = plain(lowest.toDecimalPlaces(6, Decimal.ROUND_HALF_UP));
  const to = d.endDate ?? "the latest price (ongoing)";
  const sourceText = d.sources.length ? d.sources.join(", ") : "not recorded";
  const summary =
    `Price outside ${band(d.bandBp)} of a dollar from ${d.startDate} to ${to}, lowest ${d.lowestPrice}. ` +
    `${d.token}: ${d.pointCount} daily price${d.pointCount === 1 ? "" : "s"} outside the band, largest deviation ${d.maxDeviationBp} bp; price source: ${sourceText}.`;
  const urls = d.sources.filter(isUrl);
  const named = d.sources.filter((s) => !isUrl(s));
  const sources = [
    ...urls.map((url) => ({ url, title: `Daily ${d.token} prices` })),
    // A source named without an address (coingecko, a price API kind): the editor adds its URL.
    ...(urls.length === 0 ? [{ url: "", title: named.length ? `Daily ${d.token} prices: ${named.join(", ")}` : null }] : []),
  ];
  return {
    issuerSlug: d.issuerSlug,
    startDate: d.startDate,
    endDate: d.endDate,
    kind: "depeg",
    lowestPrice: lowestForForm,
    reserveExposureUsd: null,
    summary,
    issuerResponse: null,
    sources,
  };
}

/** One open draft with the form's starting values; null when it does not exist or was decided. */
export async function stressDraftForRecording(id: string): Promise<{ draft: StressDraftItem; prefill: StressEventInput } | null> {
  if (!recordId.safeParse(id).success) return null;
  const row = await db().stressEventDraft.findUnique({ where: { id }, include: { issuer: { select: { slug: true, name: true } } } });
  if (!row || row.status !== "open") return null;
  const draft = item(row);
  return { draft, prefill: prefillFromDraft(draft) };
}
