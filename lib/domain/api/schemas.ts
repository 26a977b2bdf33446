// Response shapes of the public JSON API (/api/v1). Handlers parse every
// payload with these before sending it, and the OpenAPI document is generated
// from them (lib/domain/api/openapi.ts), so the two cannot drift. Amounts,
// shares and prices are decimal strings at the stored precision, never floats.
// Figures we compute sit under `computed` and are marked x-computed.
import { z } from "zod";

import {
  ASSURANCE_METHODS,
  ATTESTATION_STATES,
  BACKING_MODELS,
  CADENCES,
  COUNTERPARTY_ROLES,
  DATE_PRECISIONS,
  ISSUER_STATUSES,
  OPINIONS,
  PRECISIONS,
  REPORT_TYPES,
  RESERVE_CATEGORIES,
  SCOPES,
  SOURCE_KINDS,
  STRESS_KINDS,
} from "@/lib/domain/taxonomy";

/** Components of the OpenAPI document: every schema added here becomes #/components/schemas/<id>. */
export const apiRegistry = z.registry<{ id: string }>();
const component = <T extends z.ZodType>(id: string, schema: T): T => {
  apiRegistry.add(schema, { id });
  return schema;
};

const COMPUTED_NOTE = "Computed by USD1 Backed from the reported figures (see /methodology); not a figure any source states.";

export const decimalString = component(
  "Decimal",
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .meta({
      description: "A decimal number written as a string, at the precision stored; never a binary float.",
      examples: ["39700000000", "0.9612"],
    }),
);
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .meta({ format: "date", description: "Calendar date, YYYY-MM-DD." });
const url = z.string().meta({ format: "uri" });
const nullableText = z.string().nullable();

export const figureSchema = component(
  "Figure",
  z.object({ value: decimalString, precision: z.enum(PRECISIONS) }).meta({
    description: "An amount in US dollars as the source gave it: exact, rounded as published, or a lower bound (“at least”).",
  }),
);

export const computedValueSchema = component(
  "ComputedValue",
  z
    .object({
      value: decimalString.nullable(),
      bound: z.enum(["exact", "approx", "lower", "upper", "unknown"]).meta({
        description:
          "exact; approx (from rounded inputs); lower (the true value is at least this); upper (at most this); unknown (no value).",
      }),
      note: nullableText.meta({ description: "Why the value is missing or approximate, or what it is computed on." }),
    })
    .meta({ description: COMPUTED_NOTE, "x-computed": true }),
);

export const issuerSchema = component(
  "Issuer",
  z.object({
    slug: z.string(),
    name: z.string(),
    tokenSymbols: z.array(z.string()),
    legalEntity: nullableText,
    website: url.nullable(),
    homeJurisdiction: nullableText.meta({ description: "ISO 3166 code, e.g. US, US-NY, SG." }),
    backingModel: z.enum(BACKING_MODELS),
    status: z.enum(ISSUER_STATUSES),
    declaredCadence: z.enum(CADENCES),
    chains: z.array(z.string()),
    description: nullableText,
    redemption: z.object({ eligibility: nullableText, minimumUsd: decimalString.nullable(), fee: nullableText, settlement: nullableText }),
    attestationFirms: nullableText,
    sourceUrl: url.nullable().meta({ description: "Page the issuer facts were read from." }),
    isDemo: z.boolean().meta({ description: "True for the fictional demo issuers." }),
    licences: z.array(
      z.object({ regulator: z.string(), licence: z.string(), jurisdiction: z.string(), since: day.nullable(), sourceUrl: url.nullable() }),
    ),
    counterparties: z.array(z.object({ name: z.string(), role: z.enum(COUNTERPARTY_ROLES), sourceUrl: url.nullable() })),
    links: z
      .object({ self: z.string(), page: z.string(), attestations: z.string(), feed: z.string() })
      .meta({ description: "Paths on this site." }),
  }),
);

export const compositionLineSchema = component(
  "CompositionLine",
  z.object({
    category: z.enum(RESERVE_CATEGORIES),
    amountUsd: figureSchema.nullable(),
    sharePct: decimalString.nullable().meta({ description: "Share of total reserves in percent, as the source states it." }),
    custodian: nullableText,
    maturity: nullableText,
    sourceUrl: url.nullable(),
  }),
);

export const attestationSchema = component(
  "Attestation",
  z.object({
    id: z.string(),
    issuerSlug: z.string(),
    asOf: day.meta({ description: "Date the figures refer to; with asOfPrecision month, the first day of that month." }),
    asOfPrecision: z.enum(DATE_PRECISIONS),
    publishedOn: day.nullable(),
    reportType: z.enum(REPORT_TYPES),
    assurance: z.enum(ASSURANCE_METHODS),
    firm: nullableText,
    standard: nullableText,
    opinion: z.enum(OPINIONS),
    scope: z.enum(SCOPES),
    reportUrl: url.nullable(),
    reportSha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .nullable(),
    sourceUrl: url.nullable().meta({ description: "Page the figures were read from." }),
    sourceKind: z.enum(SOURCE_KINDS),
    tokensOutstanding: figureSchema.nullable(),
    totalReserves: figureSchema.nullable(),
    liquidity: z.object({
      within1dPct: decimalString.nullable(),
      within7dPct: decimalString.nullable(),
      within30dPct: decimalString.nullable(),
    }),
    notes: nullableText,
    state: z.enum(ATTESTATION_STATES).exclude(["draft"]),
    revision: z.number().int().min(1),
    retractedReason: nullableText,
    composition: z.array(compositionLineSchema),
    computed: z
      .object({
        coveragePct: computedValueSchema.meta({ description: "Total reserves / tokens outstanding × 100." }),
        coverageOnGroupTotals: z
          .boolean()
          .meta({ description: "True when computed on a whole group's assets: not a reserve coverage ratio." }),
        publicationLagDays: z
          .number()
          .int()
          .nullable()
          .meta({ description: "Days from the as-of date (month end for month-only dates) to publication." }),
      })
      .meta({ description: COMPUTED_NOTE, "x-computed": true }),
  }),
);

export const stressEventSchema = component(
  "StressEvent",
  z.object({
    id: z.string(),
    issuerSlug: z.string(),
    startDate: day.nullable(),
    endDate: day.nullable(),
    kind: z.enum(STRESS_KINDS),
    lowestPrice: decimalString.nullable().meta({ description: "Lowest USD price reported for the event." }),
    reserveExposureUsd: figureSchema.nullable(),
    summary: z.string(),
    issuerResponse: nullableText,
    sources: z.array(z.object({ url, title: nullableText })),
  }),
);

export const metaSchema = component(
  "Meta",
  z.object({
    methodologyVersion: z.string().meta({
      description: "Version of the methodology the computed figures follow (the date of its latest change); see methodology.",
      examples: ["2026-11-25"],
    }),
    methodology: z.string().meta({ description: "Path of the methodology page that defines every computed figure." }),
    dataAsOf: z
      .string()
      .nullable()
      .meta({ format: "date-time", description: "When the published data last changed (UTC); null for an empty database." }),
    liveReadAt: z
      .record(z.enum(["supply", "reserve_balance", "reserve_feed", "issuer_figure"]), z.string().nullable())
      .optional()
      .meta({
        description:
          "When each kind of live reading was last read (UTC, date-time); null when never. Live figures are not attested reports.",
      }),
  }),
);

const liveFigureSchema = z.object({
  label: z.string(),
  chain: z.string().nullable(),
  amount: decimalString
    .nullable()
    .meta({ description: "Exact decimal string in token units (supply, balances) or the feed's unit; null when never read." }),
  blockNumber: z.string().nullable(),
  slot: z.string().nullable(),
  readAt: z.string().nullable().meta({ format: "date-time" }),
  failure: z
    .object({ error: z.string(), at: z.string().meta({ format: "date-time" }) })
    .nullable()
    .meta({ description: "The latest failed attempt when newer than the value shown: the value is the last good one." }),
});

export const issuerLiveSchema = component(
  "IssuerLive",
  z.object({
    data: z.object({
      computedAt: z.string().meta({ format: "date-time", description: "When these figures were gathered; ages are relative to it." }),
      off: z
        .array(
          z.object({
            reader: z.string(),
            reason: z.string(),
            setting: z
              .string()
              .nullable()
              .meta({ description: "The setting that would turn the reader on (an environment variable); null when none would." }),
          }),
        )
        .meta({ description: "Readers that are off on this server, and why." }),
      supply: z.array(liveFigureSchema),
      supplyTotal: z.object({ amount: decimalString, oldestReadAt: z.string(), complete: z.boolean() }).nullable(),
      reserves: z.array(liveFigureSchema),
      issuerFigures: z.array(liveFigureSchema).meta({ description: "Issuer-stated, not assured." }),
      lastReport: z.object({ asOf: z.string(), tokens: decimalString.nullable(), reserves: decimalString.nullable() }).nullable(),
      tokensChangePct: decimalString
        .nullable()
        .meta({ description: "Computed: (tokens now − tokens at the last report) ÷ tokens at the last report × 100.", "x-computed": true }),
      reservesOverSupplyPct: decimalString.nullable().meta({
        description: "Computed: reserves at the last report ÷ tokens now × 100 (a dated report against a live reading).",
        "x-computed": true,
      }),
    }),
    meta: metaSchema,
  }),
);

const categoryShare = z.object({ category: z.enum(RESERVE_CATEGORIES), sharePct: computedValueSchema });

export const issuerDetailSchema = component(
  "IssuerDetail",
  z.object({
    data: issuerSchema,
    meta: metaSchema,
    computed: z
      .object({
        latestAttestationId: z.string().nullable(),
        latestCoveragePct: computedValueSchema.nullable(),
        latestComposition: z
          .object({
            attestationId: z.string(),
            asOf: day,
            categories: z.array(categoryShare),
            notCapturedPct: computedValueSchema,
            otherUndisclosedPct: computedValueSchema,
          })
          .nullable()
          .meta({
            description:
              "The latest report whose captured lines cover at least 90% of total reserves (the methodology's complete-breakdown rule); null when none does.",
          }),
        laterPartialComposition: z.object({ attestationId: z.string(), asOf: day, capturedPct: computedValueSchema }).nullable().meta({
          description: "A newer report whose breakdown covers less than 90% of total reserves: named, never taken for the whole.",
        }),
        reportCount: z.number().int(),
        stressEventCount: z.number().int(),
      })
      .meta({ description: COMPUTED_NOTE, "x-computed": true }),
  }),
);

export const pageInfoSchema = component(
  "PageInfo",
  z.object({
    limit: z.number().int(),
    nextCursor: z.string().nullable().meta({ description: "Pass as ?cursor= for the next page; null on the last page." }),
    next: z.string().nullable().meta({ description: "Path of the next page, or null." }),
  }),
);

export const issuerListSchema = component("IssuerList", z.object({ data: z.array(issuerSchema), page: pageInfoSchema, meta: metaSchema }));
export const attestationListSchema = component(
  "AttestationList",
  z.object({ data: z.array(attestationSchema), page: pageInfoSchema, meta: metaSchema }),
);
export const stressEventListSchema = component(
  "StressEventList",
  z.object({ data: z.array(stressEventSchema), page: pageInfoSchema, meta: metaSchema }),
);
export type ApiMeta = z.infer<typeof metaSchema>;
export const errorSchema = component("Error", z.object({ error: z.object({ status: z.number().int(), message: z.string() }) }));

export type ApiIssuer = z.infer<typeof issuerSchema>;
export type ApiAttestation = z.infer<typeof attestationSchema>;
export type ApiStressEvent = z.infer<typeof stressEventSchema>;
export type ApiComputedValue = z.infer<typeof computedValueSchema>;
