// Rows of the public lists (all reports, all stress events).
import type { PublicationLag } from "@/lib/domain/metrics/cadence";
import type { CoverageResult } from "@/lib/domain/metrics/coverage";
import type { AttestationData, StressEventData } from "@/lib/domain/types";

export interface AttestationListItem {
  attestation: AttestationData;
  issuerName: string;
  isDemo: boolean;
  coverage: CoverageResult;
  lag: PublicationLag | null;
  revised: boolean;
}

export interface StressListItem {
  event: StressEventData;
  issuerName: string;
  isDemo: boolean;
}
