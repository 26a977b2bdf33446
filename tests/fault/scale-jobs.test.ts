// Jobs with several processes: two web instances of one build (jobs in the app, the
// default) and one `npm run worker` (scripts/worker.ts), all on one database with the live
// refresh scheduled every minute. Each cron slot runs once, whichever process takes it.
// Then a worker is killed (SIGKILL) in the middle of a job: pg-boss expires the job, a
// worker started in its place retries it, and it completes exactly once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { projectDir } from "../../scripts/lib/project";
import { stopLeftoverPostgres } from "../support/app-process";
import { createClusterDatabase, ensureBuild, freePort, sqlOn, startInstance, startScript, type ClusterDatabase, type Instance, type WorkerProcess } from "../support/cluster";

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

    type Run = { started_at: Date; outcome: string };
    const runs = async () => (await sqlOn(database!.url, "SELECT started_at, outcome FROM job_run WHERE name = 'live-refresh' ORDER BY started_at")).rows as Run[];
    const slots = (rs: Run[]) => {
      const per = new Map<number, number>();
      for (const r of rs) per.set(Math.floor(r.started_at.getTime() / 60_000), (per.get(Math.floor(r.started_at.getTime() / 60_000)) ?? 0) + 1);
      return per;
    };
    await until("two scheduled slots", async () => slots(await runs()).size >= 2, 200_000);
    await new Promise((r) => setTimeout(r, 5_000));
    const all = await runs();
    const per = slots(all);
    expect(per.size).toBeGreaterThanOrEqual(2);
    expect([...per.values()].every((n) => n === 1), `runs per slot: ${JSON.stringify([...per.entries()])}`).toBe(true);
    expect(all.every((r) => r.outcome === "succeeded")).toBe(true);
    // Both web instances started pg-boss too: three processes competed for each slot.
    for (const inst of instances) expect(inst.output()).toMatch(/\[jobs\] started: live-refresh/);
    await stopWorker(worker);
  });

  it("retries a job whose worker was killed in the middle, and completes it once", async () => {
    const first = startScript("tests/support/slow-job-worker.ts", { DATABASE_URL: database!.url, SLOW_JOB_SLEEP_MS: "120000", SLOW_JOB_SEND: "1" });
    workers.push(first);
    const jobId = await until("the job to be sent", async () => /sent job (\S+)/.exec(first.output())?.[1], 60_000);
    await until("the job to start", async () => first.output().includes("job started"), 30_000);
    const killed = await stopWorker(first, "SIGKILL");
    expect(killed.signal).toBe("SIGKILL");

    const second = startScript("tests/support/slow-job-worker.ts", { DATABASE_URL: database!.url });
    workers.push(second);
    const rows = async () =>
      (await sqlOn(database!.url, "SELECT attempt, outcome FROM job_run WHERE job_id = $1 ORDER BY attempt, started_at", [jobId])).rows as { attempt: number; outcome: string }[];
    await until("the retry to succeed", async () => (await rows()).some((r) => r.outcome === "succeeded"), 60_000);
    await new Promise((r) => setTimeout(r, 5_000)); // time for a duplicate, were there one
    const done = await rows();
    expect(done[0], "the killed attempt never finished").toMatchObject({ attempt: 0, outcome: "running" });
    expect(done.filter((r) => r.outcome === "succeeded"), `runs: ${JSON.stringify(done)}`).toHaveLength(1);
    expect(done.find((r) => r.outcome === "succeeded")!.attempt).toBeGreaterThanOrEqual(1);
    expect(second.output()).toMatch(/job started/);
    const state = await sqlOn(database!.url, "SELECT state::text FROM pgboss.job WHERE id = $1 UNION ALL SELECT state::text FROM pgboss.archive WHERE id = $1", [jobId]);
    expect(state.rows[0].state).toBe("completed");
    await stopWorker(second);
  });
});
