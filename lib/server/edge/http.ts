import "server-only";

// Route handlers that write: refuse cross-site requests, run the command,
// expire the cache tags it names (revalidateTag with expire 0, so the next
// public request renders fresh), answer JSON. Errors go through describeError.
// With a read replica, tags are expired only once the replica has replayed the
// write (lib/server/replica.ts), so the fresh render does not read old data.
import { revalidateTag } from "next/cache";

import { updateTags as expireInSharedCache } from "@/lib/cache-handlers/redis-store.mjs";
import { CommandError } from "@/lib/server/commands/errors";
import type { Written } from "@/lib/server/commands/shared";
import { expireTagsAgainSoon, expireTagsThroughServer, waitForReplica } from "@/lib/server/replica";

import { describeError } from "./errors";

const NO_STORE = { "cache-control": "no-store" };

export function expireTags(tags: readonly string[]): void {
  for (const tag of new Set(tags)) {
    try {
      revalidateTag(tag, { expire: 0 });
    } catch (err) {
      // The write is committed; a stale page is logged, not reported as a failed save.
      console.error(`[editor] could not expire cache tag ${tag}:`, err);
    }
  }
}

/** Waits for the read replica (if any) to replay what was just committed, then expires the tags. */
export async function expireTagsAfterReplay(where: string, tags: readonly string[]): Promise<void> {
  if (tags.length === 0) return;
  await waitForReplica({ what: where, onLateReplay: () => expireTagsThroughServer(tags) });
  // With Redis, written there before the answer, so every instance's next request renders
  // afresh (Next writes its own copy only after the response, through waitUntil).
  await expireInSharedCache([...new Set(tags)], { expire: 0 });
  expireTags(tags);
  expireTagsAgainSoon(where, tags);
}

/**
 * Browsers say where a request comes from; a write from another site is refused
 * (with SameSite cookies, a second guard). Fetch-Metadata first; and since an
 * older browser or a script may send no Sec-Fetch-Site, an Origin that names
 * another host (or "null", an opaque origin) is refused too.
 */
export function refuseCrossSite(req: Request) {
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") throw new CommandError("forbidden", "Cross-site requests are refused.");
  const origin = req.headers.get("origin");
  if (origin === null) return;
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = null;
  }
  const host = req.headers.get("host") ?? new URL(req.url).host;
  if (!originHost || originHost !== host) throw new CommandError("forbidden", "Cross-site requests are refused.");
}

export async function readJson(req: Request): Promise<unknown> {
  if (!(req.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json")) {
    throw new CommandError("unsupported_type", "Send JSON (Content-Type: application/json).");
  }
  try {
    return await req.json();
  } catch {
    throw new CommandError("validation", "The request body is not valid JSON; nothing was saved.");
  }
}

export function writeHandler<Ctx>(where: string, run: (req: Request, ctx: Ctx) => Promise<Written<unknown> & { status?: number }>) {
  return async (req: Request, ctx: Ctx): Promise<Response> => {
    try {
      refuseCrossSite(req);
      const result = await run(req, ctx);
      await expireTagsAfterReplay(where, result.tags);
      return Response.json(result.data, { status: result.status ?? 200, headers: NO_STORE });
    } catch (err) {
      const { status, body } = describeError(err, where);
      return Response.json({ error: body }, { status, headers: NO_STORE });
    }
  };
}

export type IdContext = { params: Promise<{ id: string }> };
