"use server";

// An editor marks an issuer reviewed: its record was checked against the sources.
import { type ActionResult } from "@/lib/domain/views/editor";
import { markIssuerReviewed, type RecordedReview } from "@/lib/server/commands/reviews";
import { runAction, text } from "@/lib/server/edge/action";

export async function markReviewedAction(_prev: unknown, form: FormData): Promise<ActionResult<RecordedReview>> {
  return runAction("mark issuer reviewed", () => markIssuerReviewed({ slug: text(form, "slug"), note: text(form, "note") }));
}
