"use server";
// An editor marks an issuer reviewed: its record was checked against the sources.
import { revalidatePath } from "next/cache";
import { LOCALES } from "@/i18n/routing";
import { markIssuerReviewed, type RecordedReview } from "@/lib/server/commands/reviews";
import { runAction, text, type ActionResult } from "@/lib/server/edge/action";

export async function markReviewedAction(_prev: unknown, form: FormData): Promise<ActionResult<RecordedReview>> {
  const result = await runAction("mark issuer reviewed", () => markIssuerReviewed({ slug: text(form, "slug"), note: text(form, "note") }));
  // The public issuer pages say when the issuer was last reviewed: their route entries go too, in every
  // language (a full browser-test run still served the old page after the tags alone were expired).
  if (result.ok) for (const locale of LOCALES) revalidatePath(`/${locale}/issuers/${result.data.slug}`);
  return result;
}
