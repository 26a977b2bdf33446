import "server-only";

// Reader corrections. Submitting needs no account (listed in PUBLIC_WRITES):
// a honeypot field, a signed form stamp that refuses a too-fast submission and
// works once (claimed in the same transaction as the suggestion is stored), and
// 5 suggestions per IP per hour counted in PostgreSQL (an advisory lock per IP
// makes count-then-insert atomic across instances). The snapshot is read here
// from the stored report, never from the client. Editors accept or decline,
// each audited; nothing public is cached from suggestions, so no tags expire.
import { z } from "zod";

import type { Prisma } from "@/lib/generated/prisma/client";
import { recordId } from "@/lib/domain/schemas/common";
import { suggestionInput } from "@/lib/domain/schemas/suggestion";
import { reasonText } from "@/lib/domain/schemas/user";
import type { DecidedSuggestion } from "@/lib/domain/views/editor";
import { attestationWithLines, storedToInput } from "@/lib/server/records/report";
import { checkFormStamp, claimFormStamp, newFollowToken, sha256 } from "@/lib/server/suggestions/tokens";

import { defineCommand, type Context } from "./define";
import { CommandError } from "./errors";
import type { Written } from "./shared";

export const SUGGESTION_LIMIT = { perIp: 5, windowMs: 3600_000 } as const;
export const followPath = (token: string) => `/corrections/${token}`;

export interface SubmittedSuggestion {
  id: string;
  token: string;
  followPath: string;
}

type FormFields = Record<string, string | undefined>;

function refuseBots(fields: FormFields, now: number) {
  // Hidden from people (off-screen, aria-hidden, no tab stop); bots fill every field.
  if (fields.website)
    throw new CommandError(
      "validation",
      "This submission looks automated, so it was not saved. If you are a person, reload the form and send it again.",
    );
  const stamp = checkFormStamp(fields.stamp, now);
  if (stamp === "too_fast") {
    throw new CommandError(
      "validation",
      "The form was sent within a few seconds of opening it, which looks automated; nothing was saved. Check your entries and send it again.",
    );
  }
  if (stamp !== "ok")
    throw new CommandError("validation", "This form has expired or was altered; nothing was saved. Reload the page and send it again.");
}

async function snapshotOf(tx: Prisma.TransactionClient, issuer: { id: string; slug: string; name: string }, reportId: string | null) {
  const report = reportId
    ? await tx.attestation.findFirst({ where: { id: reportId, issuerId: issuer.id }, include: attestationWithLines })
    : await tx.attestation.findFirst({
        where: { issuerId: issuer.id, state: "published" },
        orderBy: { asOf: "desc" },
        include: attestationWithLines,
      });
  if (reportId && (!report || report.state === "draft"))
    throw new CommandError("not_found", "This issuer has no such report; nothing was saved.");
  if (report?.state === "retracted") {
    throw new CommandError(
      "state",
      `This report was retracted (${report.retractedReason ?? "no reason given"}), so corrections to it are not taken; nothing was saved.`,
    );
  }
  return {
    report,
    snapshot: {
      takenAt: new Date().toISOString(),
      issuer: { slug: issuer.slug, name: issuer.name },
      report: report ? { id: report.id, state: report.state, revision: report.revision, ...storedToInput(report) } : null,
    },
  };
}

/** Anonymous: `fields` are the form's text fields, `ip` the client address (lib/server/sign-in/rate-limit.ts, clientIp). */
export async function submitSuggestion(
  slug: string,
  fields: FormFields,
  ctx: { ip: string | null; now?: number },
): Promise<Written<SubmittedSuggestion>> {
  const now = ctx.now ?? Date.now();
  // In place of a role check, before the form is parsed: a bot learns nothing about validation.
  refuseBots(fields, now);
  return submit(slug, ctx.ip ? sha256(`suggestion-ip:${ctx.ip}`) : null, now, fields);
}

const submit = defineCommand({
  name: "submit suggestion",
  role: "anyone",
  // refuseBots has checked the stamp; the transaction claims it.
  schema: suggestionInput.extend({ stamp: z.string() }),
  async run(tx, input, { params: [slug, ipHash, now] }: Context<[slug: string, ipHash: string | null, now: number], "anyone">) {
    if (ipHash) {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${ipHash}))`;
      const recent = await tx.correctionSuggestion.findMany({
        where: { ipHash, createdAt: { gt: new Date(now - SUGGESTION_LIMIT.windowMs) } },
        orderBy: { createdAt: "asc" },
        select: { createdAt: true },
      });
      if (recent.length >= SUGGESTION_LIMIT.perIp) {
        const retryAt = new Date(recent[recent.length - SUGGESTION_LIMIT.perIp]!.createdAt.getTime() + SUGGESTION_LIMIT.windowMs);
        const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now) / 60_000));
        throw new CommandError(
          "rate_limited",
          `Too many suggestions from your network: at most ${SUGGESTION_LIMIT.perIp} an hour. Nothing was saved; try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
          { retryAt: retryAt.toISOString() },
        );
      }
    }
    // A replay is refused here rather than before the transaction: a refusal rolls the claim back, so
    // a stamp whose submission was refused (rate limit, unknown report) still works once.
    if (!(await claimFormStamp(tx, input.stamp, now))) {
      throw new CommandError(
        "conflict",
        "This form was already sent, and each form is taken once; nothing was saved this time. To send another suggestion, reload the page.",
      );
    }
    const issuer = await tx.issuer.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
    if (!issuer) throw new CommandError("not_found", "No issuer with this address; nothing was saved.");
    const { report, snapshot } = await snapshotOf(tx, issuer, input.reportId);
    const token = newFollowToken();
    const created = await tx.correctionSuggestion.create({
      data: {
        issuerId: issuer.id,
        attestationId: input.reportId ? report!.id : null,
        field: input.field,
        figure: input.figure,
        proposedValue: input.proposedValue,
        sourceUrl: input.sourceUrl,
        contact: input.contact,
        snapshot: snapshot as Prisma.InputJsonValue,
        followTokenHash: sha256(token),
        ipHash,
        createdAt: new Date(now),
      },
      select: { id: true },
    });
    // Not audited: the suggestion row is its own record (when, from which network), and the
    // append-only audit log must not keep a reader's contact address. Editors' decisions are audited.
    return { data: { id: created.id, token, followPath: followPath(token) }, audit: null };
  },
});
async function lockedPending(tx: Prisma.TransactionClient, id: string) {
  const rows = await tx.$queryRaw<
    { status: string }[]
  >`SELECT status::text AS status FROM correction_suggestion WHERE id = ${id} FOR UPDATE`;
  if (!rows[0]) throw new CommandError("not_found", "This suggestion no longer exists; nothing was saved.");
  if (rows[0].status !== "pending") throw new CommandError("state", `This suggestion was already ${rows[0].status}; nothing was saved.`);
  return tx.correctionSuggestion.findUniqueOrThrow({
    where: { id },
    select: { id: true, attestationId: true, figure: true, proposedValue: true },
  });
}

export const acceptSuggestion = defineCommand({
  name: "accept suggestion",
  role: "editor",
  schema: z.object({ id: recordId }),
  async run(tx, { id }, { actor }) {
    const s = await lockedPending(tx, id);
    await tx.correctionSuggestion.update({ where: { id }, data: { status: "accepted", decidedAt: new Date(), decidedById: actor.id } });
    const data: DecidedSuggestion = {
      id,
      status: "accepted",
      next: s.attestationId ? `/editor/attestations/${s.attestationId}?suggestion=${id}` : null,
    };
    return {
      data,
      audit: {
        action: "accept",
        entityType: "correction_suggestion",
        entityId: id,
        before: { status: "pending" },
        after: { status: "accepted", attestationId: s.attestationId },
        reason: `Reader suggestion ${id} accepted: ${s.figure} should read ${s.proposedValue}`.slice(0, 1000),
      },
    };
  },
});

export const declineSuggestion = defineCommand({
  name: "decline suggestion",
  role: "editor",
  schema: z.object({ id: recordId, reason: reasonText }),
  async run(tx, { id, reason }, { actor }) {
    await lockedPending(tx, id);
    await tx.correctionSuggestion.update({
      where: { id },
      data: { status: "declined", declineReason: reason, decidedAt: new Date(), decidedById: actor.id },
    });
    const data: DecidedSuggestion = { id, status: "declined", next: null };
    return {
      data,
      audit: {
        action: "decline",
        entityType: "correction_suggestion",
        entityId: id,
        before: { status: "pending" },
        after: { status: "declined" },
        reason,
      },
    };
  },
});
