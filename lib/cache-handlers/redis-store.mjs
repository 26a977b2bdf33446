// The Redis side of Next's two cache handlers (docs/stack.md, "Several instances: Redis"):
// one client per process, shared by the full-route handler (incremental.mjs) and the
// 'use cache' handler (use-cache.mjs), and the tag state, kept only in Redis and read on
// every get.
//
// Redis is a cache, never the record. Every command has a short timeout and nothing is
// queued while the connection is down (disableOfflineQueue), so a request never waits
// for Redis: a failed read is a miss (the page renders from PostgreSQL), a failed write
// is dropped, and a tag expiry that could not be written is kept here and written as
// soon as the connection is back. Errors are logged at most once per interval, with a
// count of the ones left unsaid, and the return of the connection is logged once.
//
// Plain JavaScript: Next imports these files itself at run time, outside the bundle.
import { createClient, RESP_TYPES } from "redis";

const STATE = Symbol.for("usd1.redisCacheStore");
const DEFAULT_PREFIX = "usd1:";
/** Longest an entry is kept, whatever its cache life says (Redis evicts earlier under memory pressure). */
export const MAX_TTL_SECONDS = 30 * 24 * 3600;

/** Configuration from the environment, read once per process. */
export function settings(env = process.env) {
  const num = (v, d) => (v !== undefined && v !== "" && Number.isFinite(Number(v)) ? Number(v) : d);
  return {
    url: env.REDIS_URL || "",
    prefix: env.REDIS_PREFIX ?? DEFAULT_PREFIX,
    commandTimeoutMs: num(env.REDIS_COMMAND_TIMEOUT_MS, 500),
    // Writes carry whole pages and happen while the server renders: a longer wait, never a request's.
    writeTimeoutMs: num(env.REDIS_WRITE_TIMEOUT_MS, 2_000),
    connectTimeoutMs: num(env.REDIS_CONNECT_TIMEOUT_MS, 1_000),
    logIntervalMs: num(env.REDIS_LOG_INTERVAL_SECONDS, 30) * 1000,
  };
}

/** Whether the server runs with the Redis handlers (REDIS_URL set). */
export const redisConfigured = (env = process.env) => !!env.REDIS_URL;

function state() {
  const g = globalThis;
  if (!g[STATE]) {
    const s = settings();
    g[STATE] = {
      settings: s,
      client: undefined,
      down: false,
      lastLog: 0,
      suppressed: 0,
      /** Tag expiries written while Redis was unreachable, re-sent once it is back: field → value. */
      pendingTags: new Map(),
      writerClient: undefined,
      writerOf: undefined,
      counters: { hits: 0, misses: 0, errors: 0 },
    };
  }
  return g[STATE];
}

/** Logs a Redis failure, at most once per interval (the rest are counted, then summarised). */
export function reportFailure(operation, err) {
  const s = state();
  s.counters.errors += 1;
  s.down = true;
  const now = Date.now();
  if (now - s.lastLog < s.settings.logIntervalMs) {
    s.suppressed += 1;
    return;
  }
  const more = s.suppressed ? ` (${s.suppressed} more Redis errors since the last message)` : "";
  s.lastLog = now;
  s.suppressed = 0;
  const message = err instanceof Error ? err.message : String(err);
  console.error(`[cache] Redis ${operation} failed: ${message}${more}; pages are rendered from PostgreSQL until Redis answers again`);
}

async function flushPendingTags(client) {
  const s = state();
  if (s.pendingTags.size === 0) return;
  const fields = Object.fromEntries(s.pendingTags);
  await client.hSet(`${s.settings.prefix}tags`, fields);
  for (const [k, v] of Object.entries(fields)) if (s.pendingTags.get(k) === v) s.pendingTags.delete(k);
  console.log(`[cache] wrote ${Object.keys(fields).length} cache-tag expiries made while Redis was unreachable`);
}

/** The connected client, or undefined while Redis is unreachable (callers treat that as a miss). */
export function redis() {
  const s = state();
  if (!s.settings.url) return undefined;
  if (!s.client) {
    const client = createClient({
      url: s.settings.url,
      disableOfflineQueue: true,
      socket: {
        connectTimeout: s.settings.connectTimeoutMs,
        // Keep trying for as long as the process lives, at most once a second: caching resumes by itself.
        reconnectStrategy: (retries) => Math.min(50 * 2 ** Math.min(retries, 5), 1_000),
      },
      pingInterval: 5_000,
      commandOptions: {
        timeout: s.settings.commandTimeoutMs,
        rejectInFlight: true,
        typeMapping: { [RESP_TYPES.BLOB_STRING]: Buffer },
      },
    });
    client.on("error", (err) => reportFailure("connection", err));
    client.on("ready", () => {
      if (s.down) {
        s.down = false;
        console.log("[cache] Redis answers again: caching resumed");
      }
      flushPendingTags(client).catch((err) => reportFailure("tag write", err));
    });
    s.client = client;
    client.connect().catch((err) => reportFailure("connect", err));
  }
  return s.client.isReady ? s.client : undefined;
}

/** The same connection, with the longer timeout of writes; undefined while Redis is unreachable. */
export function redisWriter() {
  const client = redis();
  if (!client) return undefined;
  const s = state();
  if (s.writerOf !== client) {
    s.writerOf = client;
    s.writerClient = client.withCommandOptions({
      timeout: s.settings.writeTimeoutMs,
      rejectInFlight: true,
      typeMapping: { [RESP_TYPES.BLOB_STRING]: Buffer },
    });
  }
  return s.writerClient;
}

export const prefix = () => state().settings.prefix;
export const counters = () => state().counters;

// ── tag state ──────────────────────────────────────────────────────────────
// One hash, `<prefix>tags`: field `e:<tag>` is when the tag expires (ms since the epoch),
// `s:<tag>` since when entries older than it are stale. Never given a TTL, so an eviction
// policy that spares keys without one (volatile-lru, docs) can never drop it.

/** What `revalidateTag` / `revalidatePath` / `updateTag` record, as Next's own handler does. */
export function tagFields(tags, durations, now = Date.now()) {
  const fields = {};
  for (const tag of tags) {
    if (durations) {
      fields[`s:${tag}`] = String(now);
      if (durations.expire !== undefined) fields[`e:${tag}`] = String(now + durations.expire * 1000);
    } else {
      fields[`e:${tag}`] = String(now);
    }
  }
  return fields;
}

export async function updateTags(tags, durations) {
  const s = state();
  if (!tags.length || !s.settings.url) return;
  const fields = tagFields(tags, durations);
  const client = redisWriter();
  if (client) {
    try {
      await client.hSet(`${s.settings.prefix}tags`, fields);
      return;
    } catch (err) {
      reportFailure("tag write", err);
    }
  }
  // Not written: kept and sent when the connection returns, so an entry Redis kept meanwhile is not served stale.
  for (const [k, v] of Object.entries(fields)) s.pendingTags.set(k, v);
}

/**
 * The state of these tags: `expired` when one expired after `timestamp` (the entry must not
 * be served), `stale` when one was marked stale after it (serve once, refresh). Throws when
 * Redis does not answer, so the caller can treat the entry as a miss.
 */
export async function tagVerdict(client, tags, timestamp, now = Date.now()) {
  if (!tags.length) return { expired: false, stale: false };
  const fields = [];
  for (const t of tags) fields.push(`e:${t}`, `s:${t}`);
  const values = await client.hmGet(`${prefix()}tags`, fields);
  return judgeTags(
    values.map((v) => (v == null ? undefined : Number(v.toString()))),
    timestamp,
    now,
  );
}

/** Pure: `values` alternate expired-at, stale-since per tag, as tagVerdict reads them. */
export function judgeTags(values, timestamp, now = Date.now()) {
  let stale = false;
  for (let i = 0; i < values.length; i += 2) {
    const expiredAt = values[i];
    const staleAt = values[i + 1];
    if (expiredAt !== undefined && expiredAt <= now && expiredAt > timestamp) return { expired: true, stale: false };
    if (staleAt !== undefined && staleAt > timestamp) stale = true;
  }
  return { expired: false, stale };
}

export function ttlSeconds(seconds) {
  return typeof seconds === "number" && Number.isFinite(seconds) && seconds > 0
    ? Math.min(Math.ceil(seconds), MAX_TTL_SECONDS)
    : MAX_TTL_SECONDS;
}

/** For /api/health: "off" without REDIS_URL, "up" when PING answers, "down" otherwise. */
export async function redisHealth() {
  const s = state();
  if (!s.settings.url) return { state: "off" };
  const client = redis();
  if (!client) return { state: "down", error: "not connected", pendingTagWrites: s.pendingTags.size };
  const t0 = performance.now();
  try {
    await client.ping();
    return { state: "up", latencyMs: Math.round(performance.now() - t0), prefix: s.settings.prefix, ...s.counters };
  } catch (err) {
    reportFailure("ping", err);
    return { state: "down", error: err instanceof Error ? err.message : String(err), pendingTagWrites: s.pendingTags.size };
  }
}

/** Closes the connection (graceful shutdown); later calls reconnect. */
export async function closeRedis() {
  const s = globalThis[STATE];
  const client = s?.client;
  if (!client) return;
  s.client = undefined;
  try {
    if (client.isOpen) await client.close();
  } catch {
    client.destroy();
  }
}
