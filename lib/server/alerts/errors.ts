import "server-only";

// Refusals of alert requests: CommandErrors (so the edge maps them to the usual
// JSON error body and HTTP status, never a 500) with a stable `code` the
// pages can translate and the form route puts in its redirect (?error=<code>).
import { CommandError, type ErrorDetails, type ErrorKind } from "@/lib/server/commands/errors";

export const ALERT_ERROR_CODES = [
  /** A field is wrong: fieldErrors says which. */
  "invalid",
  /** E-mail alerts are off on this server (alertChannels().email says why). */
  "email_off",
  /** The webhook URL resolves to a loopback, private or link-local address. */
  "private_address",
  /** The webhook host does not resolve. */
  "unresolvable",
  /** Too many follow requests from this network, or for this address. */
  "rate_limited",
  /** No issuer with this slug. */
  "unknown_issuer",
  /** The token is unknown (or malformed). */
  "unknown_token",
  /** The subscription has ended. */
  "ended",
  /** The confirmation message could not be sent; nothing was kept. */
  "mail_failed",
] as const;
export type AlertErrorCode = (typeof ALERT_ERROR_CODES)[number];

export class AlertError extends CommandError {
  constructor(
    readonly code: AlertErrorCode,
    kind: ErrorKind,
    message: string,
    details: ErrorDetails = {},
  ) {
    super(kind, message, details);
  }

  override toJSON() {
    return { ...super.toJSON(), code: this.code };
  }
}

/** The code of any refusal (a CommandError from elsewhere maps by its kind). */
export function alertErrorCode(err: unknown): AlertErrorCode | "unavailable" | "internal" {
  if (err instanceof AlertError) return err.code;
  if (err instanceof CommandError)
    return err.kind === "validation"
      ? "invalid"
      : err.kind === "rate_limited"
        ? "rate_limited"
        : err.kind === "unavailable"
          ? "unavailable"
          : "invalid";
  return "internal";
}
