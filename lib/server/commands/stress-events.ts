import "server-only";

import type { Prisma } from "@/lib/generated/prisma/client";
// Stress events: create and edit, each with its sources.
import { stressEventInput, type StressEventInput } from "@/lib/domain/schemas/stress-event";
import { recordStressAlert } from "@/lib/server/alerts/outbox";
import { requireRole, type CurrentUser } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { TAGS } from "@/lib/server/queries/tags";
import { storedStressToInput, stressWithSources } from "@/lib/server/records/stress-event";

import { CommandError, fieldError } from "./errors";
import { stressEventFields } from "./rows";
import { audit, conflict, lockVersion, parseEnvelope, requireVersion, WRITE_TX, type Written } from "./shared";

const canonicalStress = (e: StressEventInput): StressEventInput => ({
  ...e,
  sources: [...e.sources].sort((a, b) => a.url.localeCompare(b.url)),
});

const stressTags = (slug: string) => [TAGS.stressEvents, TAGS.issuer(slug)];

export interface SavedStressEvent {
  id: string;
  version: number;
  issuerSlug: string;
}

/** Runs inside the creating transaction, after the event and its audit entry (stress-drafts.ts marks its draft published). */
export type AfterStressCreate = (
  tx: Prisma.TransactionClient,
  created: { id: string; issuerId: string },
  user: CurrentUser,
) => Promise<void>;

export async function createStressEvent(raw: unknown, afterCreate?: AfterStressCreate): Promise<Written<SavedStressEvent>> {
  const user = await requireRole("editor");
  const { input } = parseEnvelope(raw, stressEventInput);
  const created = await db().$transaction(async (tx) => {
    const issuer = await tx.issuer.findUnique({ where: { slug: input.issuerSlug }, select: { id: true } });
    if (!issuer) throw fieldError("issuerSlug", "no issuer with this slug");
    const e = await tx.stressEvent.create({
      data: { issuerId: issuer.id, ...stressEventFields(input), sources: { create: input.sources } },
    });
    await audit(tx, user, { action: "create", entityType: "stress_event", entityId: e.id, after: input });
    await recordStressAlert(tx, e.id); // the alert outbox, in this transaction
    if (afterCreate) await afterCreate(tx, e, user);
    return e;
  }, WRITE_TX);
  return { data: { id: created.id, version: created.version, issuerSlug: input.issuerSlug }, tags: stressTags(input.issuerSlug) };
}

export async function updateStressEvent(id: string, raw: unknown): Promise<Written<SavedStressEvent>> {
  const user = await requireRole("editor");
  const env = parseEnvelope(raw, stressEventInput);
  const version = requireVersion(env.version);
  const input = env.input;
  const updated = await db().$transaction(async (tx) => {
    const current = await lockVersion(tx, "stress_event", id);
    if (current === null) throw new CommandError("not_found", "This stress event no longer exists; nothing was saved.");
    const stored = await tx.stressEvent.findUniqueOrThrow({ where: { id }, include: stressWithSources });
    const before = storedStressToInput(stored);
    if (current !== version) {
      throw await conflict(
        tx,
        { entityType: "stress_event", id, noun: "stress event", schema: stressEventInput, canonical: canonicalStress },
        env.baseline,
        { version: current, input: before },
      );
    }
    if (input.issuerSlug !== stored.issuer.slug)
      throw fieldError("issuerSlug", "an event cannot move to another issuer; record it there instead");
    await tx.stressSource.deleteMany({ where: { stressEventId: id } });
    const e = await tx.stressEvent.update({
      where: { id },
      data: { ...stressEventFields(input), version: { increment: 1 }, sources: { create: input.sources } },
    });
    await audit(tx, user, { action: "update", entityType: "stress_event", entityId: id, before, after: input });
    return e;
  }, WRITE_TX);
  return { data: { id: updated.id, version: updated.version, issuerSlug: input.issuerSlug }, tags: stressTags(input.issuerSlug) };
}
