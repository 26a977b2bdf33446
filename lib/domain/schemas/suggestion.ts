// A reader's suggested correction, as the public form sends it. Every field is
// plain text: it is stored as typed and always rendered escaped.
import { z } from "zod";

import { httpUrl, optionalText, requiredText } from "./common";

export const SUGGESTION_FIELDS = ["total_reserves", "tokens_outstanding", "composition", "date", "other"] as const;
export type SuggestionFieldName = (typeof SUGGESTION_FIELDS)[number];

export const SUGGESTION_FIELD_LABELS: Record<SuggestionFieldName, string> = {
  total_reserves: "Total reserves",
  tokens_outstanding: "Tokens outstanding",
  composition: "Reserve composition",
  date: "A date (as-of or published)",
  other: "Something else",
};

export const suggestionInput = z.object({
  field: z.enum(SUGGESTION_FIELDS, { error: "choose which figure" }),
  figure: requiredText(300),
  proposedValue: requiredText(1000),
  sourceUrl: httpUrl,
  contact: optionalText(300),
  /** The report the reader was looking at; blank for the issuer as a whole. */
  reportId: optionalText(100),
});
export type SuggestionInput = z.infer<typeof suggestionInput>;

export const STATUS_LABELS = { pending: "pending", accepted: "accepted", declined: "declined" } as const;
