import "server-only";

import { redisHealth, type RedisHealth } from "@/lib/cache-handlers/redis-store.mjs";
import { db } from "@/lib/server/db";
import { replicaLag, type ReplicaLag } from "@/lib/server/replica";

/** `state` is what monitors match on ("up" / "down"); `up` is kept for existing readers. */
export async function databaseHealth(): Promise<{ state: "up" | "down"; up: boolean; latencyMs?: number; error?: string }> {
  const t0 = performance.now();
  try {
    await Promise.race([
      db().$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("timed out after 2 s")), 2_000).unref()),
    ]);
    return { state: "up", up: true, latencyMs: Math.round(performance.now() - t0) };
  } catch (err) {
    return { state: "down", up: false, error: err instanceof Error ? err.message.split("\n")[0] : "unreachable" };
  }
}

/** The shared cache: "off" (REDIS_URL unset: in-process cache), "up", or "down" (pages render from PostgreSQL). */
export async function cacheHealth(): Promise<RedisHealth> {
  return redisHealth();
}

export async function replicaHealth(): Promise<ReplicaLag> {
  return replicaLag();
}

export interface JobsHealth {
  /** "in-app": this process runs the scheduled jobs; "worker": `npm run worker` does (JOBS_IN_APP=false). */
  mode: "in-app" | "worker";
  /** In-app only: whether pg-boss started in this process. */
  running?: boolean;
  lastRun: { name: string; startedAt: string; outcome: string } | null;
}

/** Where jobs run and the latest run any process recorded (job_run, on the primary). */
export async function jobsHealth(): Promise<JobsHealth> {
  const inApp = (process.env.JOBS_IN_APP ?? "true").trim().toLowerCase() !== "false";
  const started = (globalThis as { usd1Jobs?: Promise<unknown> }).usd1Jobs;
  let running: boolean | undefined;
  if (inApp)
    running = started
      ? await Promise.race([
          started.then(
            (h) => !!h,
            () => false,
          ),
          new Promise<boolean>((r) => setTimeout(() => r(false), 50)),
        ])
      : false;
  const last = await db().jobRun.findFirst({ orderBy: { startedAt: "desc" }, select: { name: true, startedAt: true, outcome: true } });
  return {
    mode: inApp ? "in-app" : "worker",
    ...(inApp ? { running } : {}),
    lastRun: last ? { name: last.name, startedAt: last.startedAt.toISOString(), outcome: last.outcome } : null,
  };
}
