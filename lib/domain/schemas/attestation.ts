// One zod schema per input, shared by the editor form (client-side feedback)
// and the server command (the check that counts).
import { z } from "zod";

import { isCalendarMonth } from "@/lib/domain/dates";
import { ASSURANCE_METHODS, OPINIONS, REPORT_TYPES, RESERVE_CATEGORIES, SCOPES, SOURCE_KINDS } from "@/lib/domain/taxonomy";

import { dayOrMonth, figure, optionalCalendarDate, optionalPercent, optionalText, optionalUrl, slug } from "./common";

const enumOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `must be one of: ${values.join(", ")}` });

export const compositionLineInput = z
  .object({
    category: enumOf(RESERVE_CATEGORIES),
    amountUsd: figure.nullish().transform((f) => f ?? null),
    sharePct: optionalPercent,
    custodian: optionalText(200),
    maturity: optionalText(100),
    sourceUrl: optionalUrl,
  })
  .strict()
  .refine((l) => l.amountUsd !== null || l.sharePct !== null, {
    message: "give an amount, a share, or both",
    path: ["amountUsd"],
  });
export type CompositionLineInput = z.infer<typeof compositionLineInput>;

export const attestationInput = z
  .object({
    issuerSlug: slug,
    /** YYYY-MM-DD, or YYYY-MM when the source gives only the month. */
    asOf: dayOrMonth,
    publishedOn: optionalCalendarDate,
    reportType: enumOf(REPORT_TYPES),
    assurance: enumOf(ASSURANCE_METHODS).default("unknown"),
    firm: optionalText(200),
    standard: optionalText(300),
    opinion: enumOf(OPINIONS).default("unknown"),
    scope: enumOf(SCOPES).default("reserves_and_tokens"),
    reportUrl: optionalUrl,
    reportSha256: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[0-9a-f]{64}$/, "must be 64 hexadecimal characters")
      .nullish()
      .or(z.literal(""))
      .transform((s) => (s ? s : null)),
    sourceUrl: optionalUrl,
    sourceKind: enumOf(SOURCE_KINDS).default("primary"),
    tokensOutstanding: figure.nullish().transform((f) => f ?? null),
    totalReserves: figure.nullish().transform((f) => f ?? null),
    liquidity1dPct: optionalPercent,
    liquidity7dPct: optionalPercent,
    liquidity30dPct: optionalPercent,
    notes: optionalText(5000),
    composition: z.array(compositionLineInput).max(200, "at most 200 composition lines").default([]),
  })
  .strict()
  .superRefine((a, ctx) => {
    const asOfDay = isCalendarMonth(a.asOf) ? `${a.asOf}-01` : a.asOf;
    if (a.publishedOn && a.publishedOn < asOfDay) {
      ctx.addIssue({ code: "custom", path: ["publishedOn"], message: "cannot be before the as-of date" });
    }
    const seen = new Map<string, number>();
    a.composition.forEach((line, i) => {
      const key = `${line.category}|${line.custodian ?? ""}`;
      const first = seen.get(key);
      if (first !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["composition", i, "category"],
          message: `repeats line ${first + 1} (same category${line.custodian ? " and custodian" : ""})`,
        });
      } else seen.set(key, i);
    });
    const l1 = a.liquidity1dPct === null ? null : Number(a.liquidity1dPct);
    const l7 = a.liquidity7dPct === null ? null : Number(a.liquidity7dPct);
    const l30 = a.liquidity30dPct === null ? null : Number(a.liquidity30dPct);
    if (l1 !== null && l7 !== null && l7 < l1) {
      ctx.addIssue({ code: "custom", path: ["liquidity7dPct"], message: "cannot be less than the 1-day share" });
    }
    if (l7 !== null && l30 !== null && l30 < l7) {
      ctx.addIssue({ code: "custom", path: ["liquidity30dPct"], message: "cannot be less than the 7-day share" });
    }
  });
export type AttestationInput = z.infer<typeof attestationInput>;

/** Normalised as-of date and its precision, from "YYYY-MM-DD" or "YYYY-MM". */
export function asOfParts(asOf: string): { asOf: string; asOfPrecision: "day" | "month" } {
  return isCalendarMonth(asOf) ? { asOf: `${asOf}-01`, asOfPrecision: "month" } : { asOf, asOfPrecision: "day" };
}
