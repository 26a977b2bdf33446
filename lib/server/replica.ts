import "server-only";

// Read-your-publish with a streaming replica. After a write, the edge expires cache
// tags and the next request re-renders the page; if that render read a replica that has
// not replayed the commit yet, it would cache the old data until the next publish. So
// before expiring tags the write paths wait (bounded: REPLICA_WAIT_MS, polling every
// 50 ms) until the replica's replay position reaches the primary's WAL position read
// right after the commit. On a timeout the tags are expired anyway (the editor's save
// is not held up longer) and logged; and the replica keeps being watched in the
// background: once it has replayed the commit, the same tags are expired again, so a
// page cached from the lagging replica meanwhile is replaced.
import { db, hasReplica, replicaClient, replicaDown } from "./db";
import { env } from "./env";

const POLL_MS = 50;
/** How long the background watch after a timeout goes on. */
const FOLLOW_UP_MS = 120_000;

export interface ReplicaWait {
  replica: boolean;
  caughtUp: boolean;
  waitedMs: number;
  lsn?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function within<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    p,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), Math.max(1, ms)).unref()),
  ]);
}

/** The primary's current WAL position (after the caller's commit, so at or past it). */
export async function primaryLsn(): Promise<string> {
  const rows = await db().$queryRaw<{ lsn: string }[]>`SELECT pg_current_wal_lsn()::text AS lsn`;
  return rows[0]!.lsn;
}

/** Whether the replica has replayed up to `lsn` (a server that is not in recovery has, by definition). */
export async function replayedTo(lsn: string): Promise<boolean> {
  const rows = await replicaClient()!.$queryRaw<{ ok: boolean }[]>`
    SELECT CASE WHEN pg_is_in_recovery() THEN coalesce(pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn, false) ELSE true END AS ok`;
  return rows[0]?.ok === true;
}

async function pollUntil(lsn: string, deadline: number): Promise<boolean> {
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) return false;
    try {
      if (await within(replayedTo(lsn), left)) return true;
    } catch {
      /* replica unreachable or slow: keep trying until the deadline */
    }
    await sleep(Math.min(POLL_MS, Math.max(0, deadline - Date.now())));
  }
}

/**
 * Waits until the replica has replayed everything the primary has committed so far.
 * `onLateReplay` runs once if the wait timed out and the replica catches up later.
 */
export async function waitForReplica(opts: {
  what: string;
  timeoutMs?: number;
  onLateReplay?: () => Promise<void> | void;
}): Promise<ReplicaWait> {
  if (!hasReplica()) return { replica: false, caughtUp: true, waitedMs: 0 };
  // Public reads are on the primary while the replica is unreachable: nothing to wait for.
  if (replicaDown()) return { replica: true, caughtUp: false, waitedMs: 0 };
  const t0 = Date.now();
  const timeoutMs = opts.timeoutMs ?? env().REPLICA_WAIT_MS;
  let lsn: string;
  try {
    lsn = await within(primaryLsn(), timeoutMs);
  } catch (err) {
    console.error(
      `[replica] ${opts.what}: could not read the primary's WAL position (${err instanceof Error ? err.message : String(err)}); expiring cache tags without waiting`,
    );
    return { replica: true, caughtUp: false, waitedMs: Date.now() - t0 };
  }
  const caughtUp = await pollUntil(lsn, t0 + timeoutMs);
  const waitedMs = Date.now() - t0;
  if (!caughtUp) {
    console.warn(
      `[replica] ${opts.what}: the replica had not replayed ${lsn} after ${waitedMs} ms; cache tags expired anyway, and again once it has`,
    );
    const late = opts.onLateReplay;
    if (late) {
      void pollUntil(lsn, Date.now() + FOLLOW_UP_MS).then(async (ok) => {
        if (!ok) {
          console.error(
            `[replica] ${opts.what}: the replica still had not replayed ${lsn} after ${FOLLOW_UP_MS / 1000} s more; pages may show older data until the next publish`,
          );
          return;
        }
        try {
          await late();
          console.log(`[replica] ${opts.what}: replayed ${lsn}; cache tags expired again`);
        } catch (err) {
          console.error(`[replica] ${opts.what}: replayed ${lsn}, but expiring the tags again failed:`, err);
        }
      });
    }
  }
  return { replica: true, caughtUp, waitedMs, lsn };
}

/**
 * Expires tags from outside a request, through the server's own revalidation route
 * (app/api/internal/revalidate), as jobs do: a request scope is needed for revalidateTag.
 */
export async function expireTagsThroughServer(tags: readonly string[]): Promise<void> {
  const token = process.env.REVALIDATE_TOKEN;
  if (!token) throw new Error("REVALIDATE_TOKEN is not set (the server was not started by scripts/start.ts)");
  const port = process.env.PORT ?? "3000";
  for (const tag of new Set(tags)) {
    const res = await fetch(`http://127.0.0.1:${port}/api/internal/revalidate?tag=${encodeURIComponent(tag)}&wait=0`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`the revalidation route answered ${res.status} for ${tag}`);
  }
}

export interface ReplicaLag {
  state: "off" | "up" | "down";
  lagBytes?: number;
  lagSeconds?: number;
  replayLsn?: string | null;
  error?: string;
}

/** For /api/health: how far the replica is behind the primary, in bytes of WAL and seconds. */
export async function replicaLag(timeoutMs = 2_000): Promise<ReplicaLag> {
  if (!hasReplica()) return { state: "off" };
  try {
    const [r] = await within(
      replicaClient()!.$queryRaw<{ recovery: boolean; replay: string | null; seconds: number | null }[]>`
        SELECT pg_is_in_recovery() AS recovery,
               pg_last_wal_replay_lsn()::text AS replay,
               EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp())::float8 AS seconds`,
      timeoutMs,
    );
    if (!r) throw new Error("no answer");
    if (!r.recovery)
      return { state: "up", lagBytes: 0, lagSeconds: 0, replayLsn: null, error: "DATABASE_REPLICA_URL is not a standby (not in recovery)" };
    const [p] = await within(
      db().$queryRaw<
        { bytes: number }[]
      >`SELECT greatest(pg_wal_lsn_diff(pg_current_wal_lsn(), ${r.replay ?? "0/0"}::pg_lsn), 0)::float8 AS bytes`,
      timeoutMs,
    );
    const lagBytes = Math.round(p?.bytes ?? 0);
    // Caught up: no lag, however long ago the last transaction was replayed.
    const lagSeconds = lagBytes === 0 ? 0 : Math.max(0, Math.round((r.seconds ?? 0) * 10) / 10);
    return { state: "up", lagBytes, lagSeconds, replayLsn: r.replay };
  } catch (err) {
    return { state: "down", error: err instanceof Error ? err.message.split("\n")[0] : "unreachable" };
  }
}

/** Longer than a page render takes under load; shorter than a reader would notice. */
export const RE_EXPIRE_MS = 3_000;

/**
 * Expires the tags once more a moment after a write. A reader's render that began before the
 * write committed and finished after its tags were expired is stored with the old figures and
 * a newer date than the expiry, so it would be served until the next revalidation (an hour).
 * The second expiry drops it. Only under our server (scripts/start.ts sets the token the
 * revalidation route needs); a failure is logged, never reported as a failed save.
 */
export function expireTagsAgainSoon(where: string, tags: readonly string[]): void {
  if (tags.length === 0 || !process.env.REVALIDATE_TOKEN) return;
  setTimeout(() => {
    expireTagsThroughServer(tags).catch((err: unknown) =>
      console.error(`[cache] ${where}: expiring ${tags.join(", ")} again failed:`, err instanceof Error ? err.message : err),
    );
  }, RE_EXPIRE_MS).unref();
}
