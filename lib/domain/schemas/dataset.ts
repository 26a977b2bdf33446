// A whole dataset (the demo set, the public-reports pack): issuers, their
// reports with any corrections, and stress events, validated as one.
import { z } from "zod";
import { attestationInput } from "./attestation";
import { issuerInput } from "./issuer";
import { stressEventInput } from "./stress-event";

const correction = z.object({
  reason: z.string().trim().min(3, "say why the figure was corrected"),
  /** The report as it reads after the correction (replaces the earlier values). */
  report: attestationInput,
});

const datasetAttestation = z.object({
  report: attestationInput,
  state: z.enum(["draft", "published", "retracted"]).default("published"),
  retractedReason: z.string().trim().min(3).nullish(),
  corrections: z.array(correction).default([]),
});

export const datasetSchema = z.object({
  label: z.string().min(1),
  isDemo: z.boolean(),
  issuers: z.array(issuerInput),
  attestations: z.array(datasetAttestation),
  stressEvents: z.array(stressEventInput),
});
export type DatasetInput = z.input<typeof datasetSchema>;

