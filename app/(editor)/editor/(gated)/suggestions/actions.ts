"use server";
// Editors decide readers' suggestions: accept (then correct the report, the
// form prefilled with a reason naming the suggestion) or decline with a reason.
import { acceptSuggestion, declineSuggestion, type DecidedSuggestion } from "@/lib/server/commands/suggestions";
import { runAction, text, type ActionResult } from "@/lib/server/edge/action";

export async function acceptSuggestionAction(_prev: unknown, form: FormData): Promise<ActionResult<DecidedSuggestion>> {
  return runAction("accept suggestion", () => acceptSuggestion({ id: text(form, "id") }));
}

export async function declineSuggestionAction(_prev: unknown, form: FormData): Promise<ActionResult<DecidedSuggestion>> {
  return runAction("decline suggestion", () => declineSuggestion({ id: text(form, "id"), reason: text(form, "reason") }));
}
