"use server";

// Editors decide readers' suggestions: accept (then correct the report, the
// form prefilled with a reason naming the suggestion) or decline with a reason.
import { type ActionResult, type DecidedSuggestion } from "@/lib/domain/views/editor";
import { acceptSuggestion, declineSuggestion } from "@/lib/server/commands/suggestions";
import { runAction, text } from "@/lib/server/edge/action";

export async function acceptSuggestionAction(_prev: unknown, form: FormData): Promise<ActionResult<DecidedSuggestion>> {
  return runAction("accept suggestion", () => acceptSuggestion({ id: text(form, "id") }));
}

export async function declineSuggestionAction(_prev: unknown, form: FormData): Promise<ActionResult<DecidedSuggestion>> {
  return runAction("decline suggestion", () => declineSuggestion({ id: text(form, "id"), reason: text(form, "reason") }));
}
