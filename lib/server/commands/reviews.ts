import "server-only";

// "Last reviewed": an editor records that an issuer's record was checked
// against its sources. Each review is a row of its own (the history stays) and
// an audit entry; neither the issuer's data nor its version changes.
import { z } from "zod";

import { optionalText, slug } from "@/lib/domain/schemas/common";
import { requireRole } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { TAGS } from "@/lib/server/queries/tags";

import { CommandError, validationError } from "./errors";
import { audit, WRITE_TX, type Written } from "./shared";

const reviewInput = z.object({
  slug,
  note: optionalText(500),
});

export interface RecordedReview {
  slug: string;
  reviewedAt: string;
}

export async function markIssuerReviewed(raw: unknown): Promise<Written<RecordedReview>> {
  const user = await requireRole("editor");
  const parsed = reviewInput.safeParse(raw ?? {});
  if (!parsed.success) throw validationError(parsed.error);
  const { slug, note } = parsed.data;
  const review = await db().$transaction(async (tx) => {
    const issuer = await tx.issuer.findUnique({ where: { slug }, select: { id: true } });
    if (!issuer) throw new CommandError("not_found", `No issuer "${slug}".`);
    const created = await tx.issuerReview.create({ data: { issuerId: issuer.id, reviewerId: user.id, note } });
    await audit(tx, user, {
      action: "review",
      entityType: "issuer",
      entityId: issuer.id,
      after: { reviewedAt: created.reviewedAt.toISOString() },
      reason: note,
    });
    return created;
  }, WRITE_TX);
  return { data: { slug, reviewedAt: review.reviewedAt.toISOString() }, tags: [TAGS.issuer(slug)] };
}
