import { timingSafeEqual } from "node:crypto";
import { revalidatePath, revalidateTag } from "next/cache";

import { updateTags as expireInSharedCache } from "@/lib/cache-handlers/redis-store.mjs";
import { expireTagsThroughServer, waitForReplica } from "@/lib/server/replica";

// Called by `npm start` once the server is up: cached pages survive a restart
// on disk, their invalidations do not (docs/stack.md, "Cached pages after a restart"), so expire them all. With
// ?tag=… it expires one cache tag (maintenance commands, jobs, benchmarks), with ?path=… one
// page's path. With a read replica it first waits for the replica to replay what the
// primary has committed (lib/server/replica.ts); `wait=0` skips that (the replica watch's own call).
// Protected by a random token that changes at every start.
export async function POST(request: Request) {
  const expected = process.env.REVALIDATE_TOKEN;
  const given = request.headers.get("authorization")?.replace(/^Bearer /, "") ?? "";
  const ok = !!expected && given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
  if (!ok) return Response.json({ error: "not found" }, { status: 404 });
  const params = new URL(request.url).searchParams;
  const tag = params.get("tag");
  const path = params.get("path");
  if (params.get("wait") !== "0") {
    await waitForReplica({ what: "revalidation route", onLateReplay: () => (tag ? expireTagsThroughServer([tag]) : undefined) });
  }
  // With Redis, the expiry is there before this answers (Next's own write may come after it).
  await expireInSharedCache([tag ?? `_N_T_${path?.startsWith("/") ? path : "/layout"}`], { expire: 0 });
  if (tag) revalidateTag(tag, { expire: 0 });
  else if (path?.startsWith("/")) revalidatePath(path);
  else revalidatePath("/", "layout");
  return Response.json({ revalidated: tag ?? path ?? "all" });
}
