import "server-only";

// Stress events: create and edit, each with its sources.
import type { Prisma } from "@/lib/generated/prisma/client";
import { stressEventInput, type StressEventInput } from "@/lib/domain/schemas/stress-event";
import { recordStressAlert } from "@/lib/server/alerts/outbox";
import { TAGS } from "@/lib/server/queries/tags";
import { storedStressToInput, stressEventFields, stressWithSources } from "@/lib/server/records/stress-event";

import { defineCommand, type AuditEntry, type Context } from "./define";
import { CommandError, fieldError } from "./errors";
import { conflict, envelope, lockVersion, requireVersion } from "./shared";

const canonicalStress = (e: StressEventInput): StressEventInput => ({
  ...e,
  sources: [...e.sources].sort((a, b) => a.url.localeCompare(b.url)),
});

export const stressTags = (slug: string) => [TAGS.stressEvents, TAGS.issuer(slug)];

export interface SavedStressEvent {
  id: string;
  version: number;
  issuerSlug: string;
}

/** Creates the event with its sources and its alert: an editor's new event, or a detector's draft recorded (stress-drafts.ts). */
export async function insertStressEvent(tx: Prisma.TransactionClient, input: StressEventInput) {
  const issuer = await tx.issuer.findUnique({ where: { slug: input.issuerSlug }, select: { id: true } });
  if (!issuer) throw fieldError("issuerSlug", "no issuer with this slug");
  const event = await tx.stressEvent.create({
    data: { issuerId: issuer.id, ...stressEventFields(input), sources: { create: input.sources } },
  });
  await recordStressAlert(tx, event.id); // the alert outbox, in this transaction
  const audit: AuditEntry = { action: "create", entityType: "stress_event", entityId: event.id, after: input };
  const data: SavedStressEvent = { id: event.id, version: event.version, issuerSlug: input.issuerSlug };
  return { event, data, audit };
}

export const createStressEvent = defineCommand({
  name: "create stress event",
  role: "editor",
  schema: envelope(stressEventInput),
  async run(tx, { input }) {
    const { data, audit } = await insertStressEvent(tx, input);
    return { data, tags: stressTags(input.issuerSlug), audit };
  },
});

export const updateStressEvent = defineCommand({
  name: "update stress event",
  role: "editor",
  schema: envelope(stressEventInput),
  async run(tx, env, { params: [id] }: Context<[id: string]>) {
    const version = requireVersion(env.version);
    const input = env.input;
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
    return {
      data: { id: e.id, version: e.version, issuerSlug: input.issuerSlug },
      tags: stressTags(input.issuerSlug),
      audit: { action: "update", entityType: "stress_event", entityId: id, before, after: input },
    };
  },
});
