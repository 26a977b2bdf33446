// Next's handler for 'use cache' entries (next.config.ts `cacheHandlers.default` and
// `.remote`), on Redis: the interface of node_modules/next/dist/server/lib/cache-handlers/types.d.ts.
// - get: the entry and the state of its tags and of the request's implicit (path) tags,
//   read from Redis on every call; a tag expired after the entry was made → a miss.
// - getExpiration returns Infinity: the implicit tags are checked in get instead.
// - refreshTags: nothing to refresh, no tag state is kept in this process.
// - Redis unreachable: get is a miss, set is dropped (redis-store.mjs).
import v8 from "node:v8";

import { counters, prefix, redis, redisWriter, reportFailure, tagVerdict, ttlSeconds, updateTags } from "./redis-store.mjs";

/** Sets still being written, so a get in this process waits for them rather than miss. Per request, never kept. */
const pendingSets = new Map();

const keyOf = (cacheKey) => `${prefix()}uc:${cacheKey}`;

async function streamToBuffer(stream) {
  const chunks = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}

function streamOf(buffer) {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
      controller.close();
    },
  });
}

const handler = {
  async get(cacheKey, softTags) {
    const pending = pendingSets.get(cacheKey);
    if (pending) await pending;
    const client = redis();
    if (!client) return undefined;
    try {
      const raw = await client.get(keyOf(cacheKey));
      if (!raw) {
        counters().misses += 1;
        return undefined;
      }
      const entry = v8.deserialize(raw);
      const verdict = await tagVerdict(client, [...entry.tags, ...(softTags ?? [])], entry.timestamp);
      if (verdict.expired) {
        counters().misses += 1;
        return undefined;
      }
      counters().hits += 1;
      return {
        value: streamOf(entry.value),
        tags: entry.tags,
        stale: entry.stale,
        timestamp: entry.timestamp,
        expire: entry.expire,
        // A stale tag: served once more while Next renders a fresh entry in the background.
        revalidate: verdict.stale ? -1 : entry.revalidate,
      };
    } catch (err) {
      reportFailure("read", err);
      return undefined;
    }
  },

  async set(cacheKey, pendingEntry) {
    let done = () => {};
    pendingSets.set(cacheKey, new Promise((resolve) => (done = resolve)));
    try {
      const entry = await pendingEntry;
      const value = await streamToBuffer(entry.value);
      // expire 0: a dynamic entry Next regenerates on every read; storing it would be wasted.
      if (entry.expire === 0) return;
      const client = redisWriter();
      if (!client) return;
      const record = v8.serialize({
        tags: entry.tags,
        stale: entry.stale,
        timestamp: entry.timestamp,
        expire: entry.expire,
        revalidate: entry.revalidate,
        value,
      });
      await client.set(keyOf(cacheKey), record, { expiration: { type: "EX", value: ttlSeconds(entry.expire) } });
    } catch (err) {
      reportFailure("write", err);
    } finally {
      done();
      pendingSets.delete(cacheKey);
    }
  },

  async refreshTags() {},

  async getExpiration() {
    return Infinity;
  },

  async updateTags(tags, durations) {
    await updateTags(tags, durations);
  },
};

export default handler;
