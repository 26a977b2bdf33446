// A whole dataset (the demo set, the public-reports pack): issuers, their
// reports with any corrections, and stress events, validated as one.
import { z } from "zod";

import { attestationEditorInput } from "./attestation-editor";
import { requiredText } from "./common";
import { issuerInput } from "./issuer";
import { stressEventInput } from "./stress-event";

const correction = z.object({
  reason: requiredText(2000).refine((s) => s.length >= 3, "say why the figure was corrected"),
  /** The report as it reads after the correction (replaces the earlier values). */
  report: attestationEditorInput,
});

const datasetAttestation = z.object({
  report: attestationEditorInput,
  state: z.enum(["draft", "published", "retracted"]).default("published"),
  retractedReason: requiredText(2000)
    .refine((s) => s.length >= 3, "say why the report was retracted")
    .nullish(),
  corrections: z.array(correction).default([]),
});

export const datasetSchema = z.object({
  label: z.string().min(1),
  /** Which edition of a published pack this is, as its README says ("second", compiled "2026-12"). */
  edition: z
    .object({
      name: z.string().min(1),
      compiled: z
        .string()
        .regex(/^\d{4}-\d{2}$/)
        .nullable(),
    })
    .nullish(),
  isDemo: z.boolean(),
  issuers: z.array(issuerInput),
  attestations: z.array(datasetAttestation),
  stressEvents: z.array(stressEventInput),
});
export type DatasetInput = z.input<typeof datasetSchema>;
