import "server-only";

// Errors a user can cause, each with a message they can act on and the HTTP
// status the route handlers answer with. Anything else is our fault: logged
// with context, answered with a generic message (lib/server/edge/*).
import type { ZodError } from "zod";

export type ErrorKind =
  | "unauthenticated"
  | "forbidden"
  | "validation"
  | "not_found"
  | "conflict"
  | "duplicate"
  | "state"
  | "unavailable"
  | "too_large"
  | "unsupported_type"
  | "rate_limited";

const STATUS: Record<ErrorKind, number> = {
  unauthenticated: 401,
  forbidden: 403,
  validation: 400,
  not_found: 404,
  conflict: 409,
  duplicate: 409,
  state: 409,
  unavailable: 503,
  too_large: 413,
  unsupported_type: 415,
  rate_limited: 429,
};

/** "composition.2.amountUsd.value" → messages. */
export type FieldErrors = Record<string, string[]>;

export interface FieldChange {
  field: string;
  /** The value when the editor opened the form. */
  was: unknown;
  /** The value saved meanwhile by someone else. */
  now: unknown;
}

export interface ErrorDetails {
  fieldErrors?: FieldErrors;
  /** Concurrent edit: what changed since the editor's version, field by field. */
  changes?: FieldChange[];
  changedBy?: { label: string; at: string } | null;
  current?: { version: number; input: unknown };
  /** Duplicate report: the one that already exists. */
  existing?: { id: string; href: string };
  retryAt?: string;
}

export class CommandError extends Error {
  readonly status: number;
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.status = STATUS[kind];
  }

  toJSON() {
    return { kind: this.kind, message: this.message, ...this.details };
  }
}

export class AuthError extends CommandError {}

export function fieldErrorsOf(error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export function validationError(error: ZodError, message = "Some fields need attention; nothing was saved."): CommandError {
  return new CommandError("validation", message, { fieldErrors: fieldErrorsOf(error) });
}

export function fieldError(field: string, message: string, summary = "Some fields need attention; nothing was saved."): CommandError {
  return new CommandError("validation", summary, { fieldErrors: { [field]: [message] } });
}

export const DATABASE_UNAVAILABLE = "The database is temporarily unavailable; nothing was saved.";

/** PostgreSQL refused a duplicate key (Prisma P2002, or SQLSTATE 23505 through the adapter). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } } | null;
  return e?.code === "P2002" || e?.meta?.driverAdapterError?.cause?.originalCode === "23505";
}
