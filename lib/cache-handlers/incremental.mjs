// Next's handler for full-route entries (next.config.ts `cacheHandler`): rendered pages
// (HTML, RSC payload, segment prefetches, headers), route handler bodies and fetch
// entries, on Redis. Interface: node_modules/next/dist/server/lib/incremental-cache/index.d.ts
// (CacheHandler). Values are stored with v8.serialize, which keeps Buffers and Maps as they
// are (the RSC payload and the segment map). The tags of an entry (Next's
// x-next-cache-tags header: the page's own and its implicit path tags) are checked against
// the tag state in Redis on every get. Keys carry the build ID: a new build never serves
// pages an older build rendered, whose scripts it no longer has.
import fs from "node:fs";
import path from "node:path";
import v8 from "node:v8";

import { counters, prefix, redis, redisWriter, reportFailure, tagVerdict, ttlSeconds, updateTags } from "./redis-store.mjs";

/**
 * Stored "made at" times are set this much earlier than the write. A render that began
 * before a publish but is stored after it would otherwise count as newer than the tag's
 * expiry; and it covers small clock differences between instances. Cost: after a publish,
 * a page rendered in the following second is rendered once more.
 */
export const MADE_AT_MARGIN_MS = 1_000;

const buildIds = new Map();
function buildIdOf(serverDistDir) {
  if (!serverDistDir) return "dev";
  let id = buildIds.get(serverDistDir);
  if (!id) {
    try {
      id = fs.readFileSync(path.join(serverDistDir, "..", "BUILD_ID"), "utf8").trim();
    } catch {
      id = "unknown";
    }
    buildIds.set(serverDistDir, id);
  }
  return id;
}

function tagsOf(value, ctx) {
  if (!value) return [];
  if (value.kind === "FETCH") return [...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])];
  const header = value.headers?.["x-next-cache-tags"];
  return typeof header === "string" && header ? header.split(",") : [];
}

export default class RedisIncrementalCache {
  constructor(ctx) {
    this.buildId = buildIdOf(ctx?.serverDistDir);
  }

  key(cacheKey) {
    return `${prefix()}route:${this.buildId}:${cacheKey}`;
  }

  async get(cacheKey, ctx) {
    const client = redis();
    if (!client) return null;
    try {
      const raw = await client.get(this.key(cacheKey));
      if (!raw) {
        counters().misses += 1;
        return null;
      }
      const entry = v8.deserialize(raw);
      const tags = ctx?.kind === "FETCH" ? [...(ctx.tags ?? []), ...(ctx.softTags ?? [])] : entry.tags;
      const verdict = await tagVerdict(client, tags, entry.lastModified);
      if (verdict.expired) {
        counters().misses += 1;
        return null;
      }
      counters().hits += 1;
      // lastModified -1: Next serves the entry once and renders a fresh one in the background.
      return { lastModified: verdict.stale ? -1 : entry.lastModified, value: entry.value, cacheControl: entry.cacheControl };
    } catch (err) {
      reportFailure("read", err);
      return null;
    }
  }

  async set(cacheKey, data, ctx) {
    const client = redisWriter();
    if (!client) return;
    try {
      const key = this.key(cacheKey);
      if (!data) {
        await client.del(key);
        return;
      }
      const cacheControl = ctx?.fetchCache ? undefined : ctx?.cacheControl;
      const record = v8.serialize({ lastModified: Date.now() - MADE_AT_MARGIN_MS, value: data, cacheControl, tags: tagsOf(data, ctx) });
      const lifetime = cacheControl?.expire ?? (typeof data.revalidate === "number" ? data.revalidate : undefined);
      await client.set(key, record, { expiration: { type: "EX", value: ttlSeconds(lifetime) } });
    } catch (err) {
      reportFailure("write", err);
    }
  }

  async revalidateTag(tags, durations) {
    await updateTags(typeof tags === "string" ? [tags] : tags, durations);
  }

  resetRequestCache() {}
}
