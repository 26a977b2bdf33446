import { z } from "zod";

import { BACKING_MODELS, CADENCES, COUNTERPARTY_ROLES, ISSUER_STATUSES } from "@/lib/domain/taxonomy";

import {
  CONTROL_MESSAGE,
  hasControlCharacter,
  optionalCalendarDate,
  optionalText,
  optionalUrl,
  requiredText,
  slug,
  usdAmount,
} from "./common";

const list = (max: number) =>
  z
    .array(
      z
        .string()
        .trim()
        .min(1)
        .max(max)
        .refine((s) => !hasControlCharacter(s), CONTROL_MESSAGE),
    )
    .max(50)
    .default([])
    .transform((xs) => [...new Set(xs)]);

export const issuerInput = z
  .object({
    slug,
    name: requiredText(200),
    tokenSymbols: list(20),
    legalEntity: optionalText(500),
    website: optionalUrl,
    homeJurisdiction: optionalText(20),
    backingModel: z.enum(BACKING_MODELS, { error: `must be one of: ${BACKING_MODELS.join(", ")}` }),
    status: z.enum(ISSUER_STATUSES, { error: `must be one of: ${ISSUER_STATUSES.join(", ")}` }).default("active"),
    declaredCadence: z.enum(CADENCES, { error: `must be one of: ${CADENCES.join(", ")}` }),
    chains: list(60),
    description: optionalText(5000),
    redemptionEligibility: optionalText(500),
    redemptionMinimumUsd: z
      .union([usdAmount, z.literal("")])
      .nullish()
      .transform((s) => (s ? s : null)),
    redemptionFee: optionalText(300),
    redemptionSettlement: optionalText(300),
    attestationFirms: optionalText(500),
    sourceUrl: optionalUrl,
    licences: z
      .array(
        z
          .object({
            regulator: requiredText(200),
            licence: requiredText(200),
            jurisdiction: requiredText(60),
            since: optionalCalendarDate,
            sourceUrl: optionalUrl,
          })
          .strict(),
      )
      .max(50)
      .default([]),
    counterparties: z
      .array(
        z
          .object({
            name: requiredText(200),
            role: z.enum(COUNTERPARTY_ROLES),
            sourceUrl: optionalUrl,
          })
          .strict(),
      )
      .max(100)
      .default([]),
  })
  .strict();
export type IssuerInput = z.infer<typeof issuerInput>;
