// The stress event form's values as typed, and the conversions to and from the
// shared input shape.
import type { StressEventInput } from "@/lib/domain/schemas/stress-event";
import type { Precision } from "@/lib/domain/taxonomy";

export interface SourceState {
  key: number;
  url: string;
  title: string;
}

export interface StressFormState {
  issuerSlug: string;
  startDate: string;
  endDate: string;
  kind: string;
  lowestPrice: string;
  exposure: { value: string; precision: Precision };
  summary: string;
  issuerResponse: string;
  sources: SourceState[];
}

let nextKey = 1;
export const newSource = (): SourceState => ({ key: nextKey++, url: "", title: "" });

export const blankStressInput = (issuerSlug: string): StressEventInput => ({
  issuerSlug,
  startDate: null,
  endDate: null,
  kind: "depeg",
  lowestPrice: null,
  reserveExposureUsd: null,
  summary: "",
  issuerResponse: null,
  sources: [{ url: "", title: null }],
});

export function stressFromInput(e: StressEventInput): StressFormState {
  return {
    issuerSlug: e.issuerSlug,
    startDate: e.startDate ?? "",
    endDate: e.endDate ?? "",
    kind: e.kind,
    lowestPrice: e.lowestPrice ?? "",
    exposure: e.reserveExposureUsd ? { ...e.reserveExposureUsd } : { value: "", precision: "exact" },
    summary: e.summary,
    issuerResponse: e.issuerResponse ?? "",
    sources: e.sources.map((s) => ({ key: nextKey++, url: s.url, title: s.title ?? "" })),
  };
}

export function stressToInput(s: StressFormState): unknown {
  return {
    issuerSlug: s.issuerSlug,
    startDate: s.startDate,
    endDate: s.endDate,
    kind: s.kind,
    lowestPrice: s.lowestPrice,
    reserveExposureUsd: s.exposure.value.trim() ? { value: s.exposure.value.trim(), precision: s.exposure.precision } : null,
    summary: s.summary,
    issuerResponse: s.issuerResponse,
    sources: s.sources.map((x) => ({ url: x.url, title: x.title })),
  };
}
