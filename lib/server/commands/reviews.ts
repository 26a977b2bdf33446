import "server-only";

// "Last reviewed": an editor records that an issuer's record was checked
// against its sources. Each review is a row of its own (the history stays) and
// an audit entry; neither the issuer's data nor its version changes.
import { z } from "zod";

import { optionalText, slug } from "@/lib/domain/schemas/common";
import { TAGS } from "@/lib/server/queries/tags";

import { defineCommand } from "./define";
import { CommandError } from "./errors";

const reviewInput = z.object({
  slug,
  note: optionalText(500),
});

export interface RecordedReview {
  slug: string;
  reviewedAt: string;
}

export const markIssuerReviewed = defineCommand({
  name: "mark issuer reviewed",
  role: "editor",
  schema: reviewInput,
  async run(tx, { slug, note }, { actor }) {
    const issuer = await tx.issuer.findUnique({ where: { slug }, select: { id: true } });
    if (!issuer) throw new CommandError("not_found", `No issuer "${slug}".`);
    const review = await tx.issuerReview.create({ data: { issuerId: issuer.id, reviewerId: actor.id, note } });
    const reviewedAt = review.reviewedAt.toISOString();
    return {
      data: { slug, reviewedAt } satisfies RecordedReview,
      tags: [TAGS.issuer(slug)],
      audit: { action: "review", entityType: "issuer", entityId: issuer.id, after: { reviewedAt }, reason: note },
    };
  },
});
