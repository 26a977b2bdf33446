// Jobs with several processes: two web instances of one build (jobs in the app, the
// default) and one `npm run worker` (scripts/worker.ts), all on one database with the live
// refresh scheduled every minute. Each cron slot runs once, whichever process takes it.
// Then a worker is killed (SIGKILL) in the middle of a job: pg-boss expires the job, a
// worker started in its place retries it, and it completes exactly once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { projectDir } from "../../scripts/lib/project";
import { stopLeftoverPostgres } from "../support/app-process";
import {
  createClusterDatabase,
  ensureBuild,
  freePort,
  sqlOn,
  startInstance,
  startScript,
  type ClusterDatabase,
  type Instance,
  type WorkerProcess,
} from "../support/cluster";

const PG_NAME = "postgres-fault-jobs";
let postgres: EmbeddedPostgres | undefined;
let database: ClusterDatabase | undefined;
const instances: Instance[] = [];
const workers: WorkerProcess[] = [];

async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function stopWorker(w: WorkerProcess, signal: NodeJS.Signals = "SIGTERM") {
  if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill(signal);
  return w.exited;
}

beforeAll(async () => {
  await stopLeftoverPostgres(PG_NAME);
  postgres = await startEmbeddedPostgres({ projectDir, port: await freePort(), name: PG_NAME });
  database = await createClusterDatabase(postgres.url("postgres"), { prefix: "usd1_fault_jobs" });
  ensureBuild(database.url);
}, 900_000);

afterAll(async () => {
  await Promise.all(instances.map((i) => i.stop()));
  await Promise.all(workers.map((w) => stopWorker(w, "SIGKILL")));
  await database?.drop().catch(() => undefined);
  await postgres?.stop();
}, 60_000);

describe("two instances and a worker", { timeout: 300_000 }, () => {
  it("run each scheduled slot once", async () => {
    const env = { DATABASE_URL: database!.url, JOBS_IN_APP: "true", LIVE_REFRESH_CRON: "* * * * *" };
    instances.push(...(await Promise.all([startInstance({ name: "A", env }), startInstance({ name: "B", env })])));
    const worker = startScript("scripts/worker.ts", { DATABASE_URL: database!.url, LIVE_REFRESH_CRON: "* * * * *" });
    workers.push(worker);
    await until("the worker to start", async () => worker.output().includes("started: live-refresh"), 60_000);

    // Each run is tied to its pg-boss job and that job's slot (singleton_on: the minute pg-boss
    // gave it). Grouping by the minute a run *started* would not do: a slot's job sent late in
    // its minute, or a retry, starts in the next one.
    type Run = { job_id: string; attempt: number; outcome: string; error: string | null; started_at: Date; slot: Date | null };
    const runs = async () =>
      (
        await sqlOn(
          database!.url,
          `SELECT r.job_id, r.attempt, r.outcome, r.error, r.started_at, j.singleton_on AS slot
             FROM job_run r
             LEFT JOIN (SELECT id::text, singleton_on FROM pgboss.job WHERE name = 'live-refresh'
                        UNION ALL SELECT id::text, singleton_on FROM pgboss.archive WHERE name = 'live-refresh') j ON j.id = r.job_id
            WHERE r.name = 'live-refresh' ORDER BY r.started_at`,
        )
      ).rows as Run[];
    const jobsBySlot = (rs: Run[]) => {
      const per = new Map<string, Set<string>>();
      for (const r of rs) {
        const slot = r.slot ? r.slot.toISOString() : `no slot (job ${r.job_id})`;
        per.set(slot, (per.get(slot) ?? new Set()).add(r.job_id));
      }
      return per;
    };
    await until("two scheduled slots", async () => jobsBySlot(await runs()).size >= 2, 200_000);
    await new Promise((r) => setTimeout(r, 5_000));
    const all = await runs();
    const detail = JSON.stringify(all, null, 1);
    const per = jobsBySlot(all);
    expect(per.size).toBeGreaterThanOrEqual(2);
    expect(
      [...per.keys()].every((k) => !k.startsWith("no slot")),
      `every run belongs to a scheduled slot: ${detail}`,
    ).toBe(true);
    expect(
      [...per.values()].every((jobs) => jobs.size === 1),
      `one job per slot: ${detail}`,
    ).toBe(true);
    // One run per job: no job was worked twice (a retry would show as a failed run first).
    const runsPerJob = new Map<string, number>();
    for (const r of all) runsPerJob.set(r.job_id, (runsPerJob.get(r.job_id) ?? 0) + 1);
    expect(
      [...runsPerJob.values()].every((n) => n === 1),
      `one run per job: ${detail}`,
    ).toBe(true);
    expect(
      all.every((r) => r.outcome === "succeeded"),
      `every run succeeded: ${detail}`,
    ).toBe(true);
    // Both web instances started pg-boss too: three processes competed for each slot.
    for (const inst of instances) expect(inst.output()).toMatch(/\[jobs\] started: live-refresh/);
    await stopWorker(worker);
  });

  it("retries a job whose worker was killed in the middle, and completes it once", async () => {
    const first = startScript("tests/support/slow-job-worker.ts", {
      DATABASE_URL: database!.url,
      SLOW_JOB_SLEEP_MS: "120000",
      SLOW_JOB_SEND: "1",
    });
    workers.push(first);
    const jobId = await until("the job to be sent", async () => /sent job (\S+)/.exec(first.output())?.[1], 60_000);
    await until("the job to start", async () => first.output().includes("job started"), 30_000);
    const killed = await stopWorker(first, "SIGKILL");
    expect(killed.signal).toBe("SIGKILL");

    const second = startScript("tests/support/slow-job-worker.ts", { DATABASE_URL: database!.url });
    workers.push(second);
    const rows = async () =>
      (await sqlOn(database!.url, "SELECT attempt, outcome FROM job_run WHERE job_id = $1 ORDER BY attempt, started_at", [jobId])).rows as {
        attempt: number;
        outcome: string;
      }[];
    await until("the retry to succeed", async () => (await rows()).some((r) => r.outcome === "succeeded"), 60_000);
    await new Promise((r) => setTimeout(r, 5_000)); // time for a duplicate, were there one
    const done = await rows();
    expect(done[0], "the killed attempt never finished").toMatchObject({ attempt: 0, outcome: "running" });
    expect(
      done.filter((r) => r.outcome === "succeeded"),
      `runs: ${JSON.stringify(done)}`,
    ).toHaveLength(1);
    expect(done.find((r) => r.outcome === "succeeded")!.attempt).toBeGreaterThanOrEqual(1);
    expect(second.output()).toMatch(/job started/);
    const state = await sqlOn(
      database!.url,
      "SELECT state::text FROM pgboss.job WHERE id = $1 UNION ALL SELECT state::text FROM pgboss.archive WHERE id = $1",
      [jobId],
    );
    expect(state.rows[0].state).toBe("completed");
    await stopWorker(second);
  });
});
