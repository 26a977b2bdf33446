// Shapes the editor area's components receive: list rows, audit rows, and what a server action answers.

export interface ReportListItem {
  id: string;
  issuerName: string;
  issuerSlug: string;
  asOf: string;
  reportType: string;
  state: "draft" | "published" | "retracted";
  revision: number;
  /** ISO timestamp of the last change. */
  updatedAt: string;
  firstPublishedAt: string | null;
}

export interface AuditRow {
  id: string;
  at: string;
  actorLabel: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  reason: string | null;
}

export interface DecidedSuggestion {
  id: string;
  status: "accepted" | "declined";
  /** Where the editor goes next: the report's correction form, linked to the suggestion. */
  next: string | null;
}

export interface ErrorBody {
  kind: string;
  message: string;
  [detail: string]: unknown;
}

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };
