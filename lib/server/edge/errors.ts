import "server-only";

import type { ErrorBody } from "@/lib/domain/views/editor";
// One mapping from a failed write to what the editor sees, shared by route
// handlers and server actions.
import { CommandError, DATABASE_UNAVAILABLE } from "@/lib/server/commands/errors";
import { isDatabaseUnavailable } from "@/lib/server/db-errors";

export function describeError(err: unknown, where: string): { status: number; body: ErrorBody } {
  if (err instanceof CommandError) return { status: err.status, body: err.toJSON() };
  if (isDatabaseUnavailable(err)) {
    console.error(`[editor] ${where}: database unavailable:`, err instanceof Error ? err.message.split("\n").at(-1) : err);
    return { status: 503, body: { kind: "unavailable", message: DATABASE_UNAVAILABLE } };
  }
  console.error(`[editor] ${where} failed:`, err);
  return { status: 500, body: { kind: "internal", message: "Something went wrong on our side and was logged; nothing was saved." } };
}
