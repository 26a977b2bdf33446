// The Learn section: its guides, glossary and checklist as content (content/), and the
// live figures its blocks show beside the explanations.
import type { Measured } from "@/lib/domain/precision";
import type { ReportType } from "@/lib/domain/taxonomy";
import type { ComparisonRow } from "@/lib/domain/views/comparison";
import type { StressListItem } from "@/lib/domain/views/lists";

export interface IssuerReportFacts {
  slug: string;
  name: string;
  isDemo: boolean;
  reportsByType: Record<ReportType, number>;
  medianLagDays: number | null;
  lagsMeasured: number;
  latestAsOf: string | null;
  latestReportUrl: string | null;
}

export interface ShareHistoryPoint {
  asOf: string;
  reportUrl: string | null;
  sharePct: Measured;
}

export const LEARN_SLUGS = [
  "what-backing-means",
  "types-of-backing",
  "how-reserves-are-held",
  "transparency",
  "remaining-risks",
  "evaluating-an-issuer",
  "rules-by-region",
  "faq",
] as const;

export type LearnSlug = (typeof LEARN_SLUGS)[number];

export const LIVE_BLOCKS = [
  "mostly-treasury-bills",
  "mostly-cash-deposits",
  "onchain-collateral",
  "coverage",
  "other-undisclosed",
  "report-types",
  "publication-lag",
  "stress-events",
  "eligibility",
  "commercial-paper-history",
] as const;

export type LiveBlockId = (typeof LIVE_BLOCKS)[number];

export const CHECKLIST_IDS = [
  "publishes-reports",
  "report-cadence",
  "publication-lag",
  "assurance",
  "coverage",
  "composition",
  "undisclosed",
  "eligible-assets",
  "custody",
  "stress-history",
] as const;

export type ChecklistId = (typeof CHECKLIST_IDS)[number];

export interface GlossaryEntry {
  term: string;
  definition: string;
}

export interface LearnIndex {
  title: string;
  intro: string;
  checklistTitle: string;
  checklistIntro: string;
  glossaryTitle: string;
  glossaryIntro: string;
}

export interface ChecklistQuestion {
  id: ChecklistId;
  question: string;
  why: string;
}

export interface LearnPage {
  slug: LearnSlug;
  title: string;
  summary: string;
  /** The Markdown after the title and summary. */
  body: string;
}

export interface LearnFacts {
  issuers: IssuerReportFacts[];
  history: { slug: string; name: string; points: ShareHistoryPoint[] } | null;
}

/** What the guides' live blocks show: read once by the page, handed to every block. */
export interface LearnLiveData {
  comparison: ComparisonRow[];
  facts: LearnFacts;
  stressEvents: StressListItem[];
}
