// pg-boss jobs: two instances (as two app processes would) share one schedule
// and each cron slot runs once; a failing job is retried with backoff and then
// lands in the dead-letter queue; every run is recorded for the admin page.
import { afterAll, describe, expect, inject, it } from "vitest";

import { parseLiveConfig } from "@/lib/live/config";
import { deadLetterJobs, defaultJobs, recentJobRuns, startJobs, type JobDefinition, type JobsHandle } from "@/lib/server/jobs";

import { sql, testPrisma } from "../support/db";

const prisma = testPrisma();
const handles: JobsHandle[] = [];

afterAll(async () => {
  for (const h of handles) await h.stop(5_000);
  await prisma.$disconnect();
});

async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe("jobs on pg-boss", () => {
  it("two instances, one schedule: each slot runs once; a failing job retries with backoff, then is dead-lettered", async () => {
    const ran: string[] = [];
    const jobs = (instance: string): JobDefinition[] => [
      {
        name: "test-tick",
        cron: "* * * * *",
        retryLimit: 0,
        retryDelay: 1,
        retryBackoff: false,
        expireInSeconds: 60,
        run: async () => {
          ran.push(instance);
          return { instance };
        },
      },
      {
        name: "test-fail",
        retryLimit: 2,
        retryDelay: 1,
        retryBackoff: true,
        expireInSeconds: 60,
        run: async () => {
          throw new Error(`source unavailable (${instance})`);
        },
      },
    ];
    const common = {
      inApp: false,
      prisma,
      connectionString: inject("databaseUrl"),
      config: parseLiveConfig({}),
      bossOptions: { cronMonitorIntervalSeconds: 1, cronWorkerIntervalSeconds: 1, maintenanceIntervalSeconds: 1 },
      workOptions: { pollingIntervalSeconds: 0.5 },
      log: () => undefined,
    };
    for (const name of ["A", "B"]) {
      const h = await startJobs({ ...common, jobs: jobs(name) });
      handles.push(h!);
    }
    const jobId = await handles[0]!.boss.send("test-fail", {});
    expect(jobId).toBeTruthy();

    // The dead-letter list gets the job after its 1 + 2 retries.
    const dead = await until(
      "the dead-letter queue",
      async () => (await deadLetterJobs(prisma)).find((j) => j.queue === "test-fail-dead"),
      40_000,
    );
    expect(dead).toBeTruthy();
    const failRuns = (await recentJobRuns(prisma, { name: "test-fail" })).reverse();
    expect(failRuns.map((r) => [r.attempt, r.outcome])).toEqual([
      [0, "failed"],
      [1, "failed"],
      [2, "failed"],
    ]);
    expect(failRuns[0]!.error).toMatch(/source unavailable/);
    expect(new Set(failRuns.map((r) => r.jobId))).toEqual(new Set([jobId]));
    // Backoff: retry n waits retryDelay × 2^n / 2 × (1 + random), so ≥ 1 s then ≥ 2 s.
    const gap = (i: number) => failRuns[i]!.startedAt.getTime() - failRuns[i - 1]!.finishedAt!.getTime();
    expect(gap(1)).toBeGreaterThanOrEqual(900);
    expect(gap(2)).toBeGreaterThanOrEqual(1_900);
    const row = await sql<{ state: string; retry_count: number; retry_backoff: boolean }>(
      `SELECT state::text, retry_count, retry_backoff FROM pgboss.job WHERE id = $1 UNION ALL SELECT state::text, retry_count, retry_backoff FROM pgboss.archive WHERE id = $1`,
      [jobId],
    );
    expect(row.rows[0]).toMatchObject({ state: "failed", retry_count: 2, retry_backoff: true });

    // The cron slot (one-minute granularity): wait for the first run, then make sure no second process ran it too.
    const first = await until("the first scheduled run", async () => (await recentJobRuns(prisma, { name: "test-tick" }))[0], 75_000);
    const slot = Math.floor(first.startedAt.getTime() / 60_000);
    await new Promise((r) => setTimeout(r, 5_000));
    const ticks = await recentJobRuns(prisma, { name: "test-tick" });
    const perSlot = new Map<number, number>();
    for (const t of ticks)
      perSlot.set(Math.floor(t.startedAt.getTime() / 60_000), (perSlot.get(Math.floor(t.startedAt.getTime() / 60_000)) ?? 0) + 1);
    expect(perSlot.get(slot)).toBe(1);
    expect([...perSlot.values()].every((n) => n === 1)).toBe(true);
    expect(ran.length).toBe(ticks.length);
    expect(first).toMatchObject({ outcome: "succeeded" });
    expect(first.durationMs).toBeGreaterThanOrEqual(0);
  }, 120_000);

  it("only a run that changed what pages show expires their cache tags", async () => {
    const stale: [string, string[]][] = [];
    const job = (name: string, staleTags?: JobDefinition["staleTags"]): JobDefinition => ({
      name,
      retryLimit: 0,
      retryDelay: 1,
      retryBackoff: false,
      expireInSeconds: 60,
      run: async (_prisma, data) => ({ changed: data.changed === true }),
      staleTags,
    });
    const h = await startJobs({
      inApp: false,
      prisma,
      connectionString: inject("databaseUrl"),
      config: parseLiveConfig({}),
      jobs: [job("test-quiet"), job("test-reader", (r) => ((r as { changed: boolean }).changed ? ["live"] : []))],
      workOptions: { pollingIntervalSeconds: 0.5 },
      log: () => undefined,
      onStale: (tags, name) => void stale.push([name, tags]),
    });
    handles.push(h!);
    for (const [name, changed] of [
      ["test-quiet", true],
      ["test-reader", false],
      ["test-reader", true],
    ] as const)
      await h!.boss.send(name, { changed });
    await until(
      "three finished runs",
      async () =>
        (await recentJobRuns(prisma)).filter((r) => /^test-(quiet|reader)$/.test(r.name) && r.outcome === "succeeded").length === 3,
      20_000,
    );
    // onStale follows its run's record: wait for the one expected, then a moment for any other.
    await until("the expiry", async () => stale.length > 0, 5_000);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(stale).toEqual([["test-reader", ["live"]]]);
  }, 60_000);

  it("the live refresh with every reader off expires the live pages on its first run only", async () => {
    const refresh = defaultJobs(parseLiveConfig({})).find((j) => j.name === "live-refresh")!;
    const first = await refresh.run(prisma, {});
    const second = await refresh.run(prisma, {});
    expect(refresh.staleTags!(first)).toEqual(["live"]);
    expect(second).toMatchObject({ changed: false, readings: 0, failures: 0 });
    expect(refresh.staleTags!(second)).toEqual([]);
    // Every other default job changes nothing a public page caches.
    for (const j of defaultJobs(parseLiveConfig({}))) if (j.name !== "live-refresh") expect(j.staleTags).toBeUndefined();
  });
});
