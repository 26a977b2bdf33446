import "server-only";

// Server actions that write: run the command, expire its cache tags with
// updateTag (read-your-own-writes for the editor who acted), and return a
// plain result the form can show. Errors go through describeError. With a read
// replica, tags are expired only once it has replayed the write (lib/server/replica.ts).
import { revalidateTag, updateTag } from "next/cache";

import { type ActionResult } from "@/lib/domain/views/editor";
import { updateTags as expireInSharedCache } from "@/lib/cache-handlers/redis-store.mjs";
import type { Written } from "@/lib/server/commands/shared";
import { expireTagsAgainSoon, expireTagsThroughServer, waitForReplica } from "@/lib/server/replica";

import { describeError } from "./errors";

export async function runAction<T>(where: string, run: () => Promise<Written<T>>): Promise<ActionResult<T>> {
  try {
    const result = await run();
    if (result.tags.length) {
      await waitForReplica({ what: where, onLateReplay: () => expireTagsThroughServer(result.tags) });
      // With Redis, written there before the action answers: Next writes its own copy of these
      // expiries only after the page is sent (waitUntil), and another instance could serve the
      // old page meanwhile.
      await expireInSharedCache([...new Set(result.tags)], { expire: 0 });
    }
    for (const tag of new Set(result.tags)) {
      try {
        updateTag(tag);
        // And for every other reader at once: in a full browser-test run the public issuer page was
        // still served from its old entry after updateTag alone (tests/e2e/review.spec.ts after learn.spec).
        revalidateTag(tag, { expire: 0 });
      } catch (err) {
        console.error(`[editor] could not expire cache tag ${tag}:`, err);
      }
    }
    expireTagsAgainSoon(where, result.tags);
    return { ok: true, data: result.data };
  } catch (err) {
    return { ok: false, error: describeError(err, where).body };
  }
}

/** A form field as text; FormData gives File for file inputs, which no action here expects. */
export function text(form: FormData | undefined, name: string): string | undefined {
  const v = form instanceof FormData ? form.get(name) : null;
  return typeof v === "string" ? v : undefined;
}
