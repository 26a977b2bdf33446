import "server-only";

// The shared front of every list endpoint: parse the query with its zod
// schema, decode the opaque cursor, and say where the next page lives.
import type { z } from "zod";

import { CursorError, decodeCursor } from "@/lib/domain/api/cursor";
import { parseParams } from "@/lib/domain/api/params";
import type { PageRequest } from "@/lib/server/queries/api";

import { apiError } from "./respond";

type Parsed<S extends z.ZodType, K> =
  { ok: true; params: z.output<S>; after: K | null; page: PageRequest } | { ok: false; response: Response };

export function listRequest<S extends z.ZodType<{ limit: number; cursor?: string }>, K extends unknown[]>(
  url: URL,
  schema: S,
  cursorShape: (key: unknown[]) => key is K,
): Parsed<S, K> {
  const parsed = parseParams(schema, url.searchParams);
  if (!parsed.ok) return { ok: false, response: apiError(400, parsed.message) };
  let after: K | null;
  try {
    after = decodeCursor(parsed.value.cursor, cursorShape);
  } catch (err) {
    if (err instanceof CursorError) return { ok: false, response: apiError(400, `cursor: ${err.message}`) };
    throw err;
  }
  // The filters (sorted, so equal queries share one cache entry); cursor and limit are set per page.
  const query = new URLSearchParams(
    [...url.searchParams].filter(([k]) => k !== "cursor" && k !== "limit").sort(([a], [b]) => a.localeCompare(b)),
  );
  return { ok: true, params: parsed.value, after, page: { path: url.pathname, query: query.toString(), limit: parsed.value.limit } };
}
