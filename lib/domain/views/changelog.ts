// One public change (publish, correction, retraction, stress event) as the changelog lists it.
import type { ReportType, StressKind } from "@/lib/domain/taxonomy";

export interface ChangelogItem {
  id: string;
  /** ISO timestamp of the change. */
  at: string;
  kind: "published" | "corrected" | "retracted" | "stress_recorded" | "stress_updated";
  issuerSlug: string;
  issuerName: string;
  isDemo: boolean;
  /**
   * What changed, as codes and dates for the page to put into words in its language
   * (e.g. "Attestation as of 2025-06-30", "Depeg of 2023-03-11").
   */
  subject: ChangelogSubject;
  reason: string | null;
  /** The editor's public display name, or null for loaders (shown as "data import"); never an email address. */
  by: string | null;
}

export type ChangelogSubject =
  | { type: "report"; reportType: ReportType; /** YYYY-MM-DD, or YYYY-MM when known to the month only. */ asOf: string }
  | { type: "stress_event"; kind: StressKind; /** YYYY-MM-DD, when known. */ startDate: string | null };
