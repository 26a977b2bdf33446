import "server-only";

// Scheduled jobs on the product's own PostgreSQL with pg-boss (schema
// "pgboss", created and migrated by pg-boss itself; Prisma ignores it).
// - cron schedules run once per slot however many processes run: pg-boss lets one
//   process per interval send a slot (its "send-it" job carries a 60 s singleton), and
//   the job itself carries one too, so a slot sent twice (a late send-it crossing a
//   minute) still makes one job; any process may work it;
// - a failing run is retried with exponential backoff, then moved to the
//   queue's dead-letter queue ("<name>-dead");
// - every run is recorded in job_run (started, finished, duration, outcome, error).
import PgBoss from "pg-boss";

import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { LiveConfig } from "@/lib/live/config";
import { deliverAlerts, sendDigests } from "@/lib/server/alerts/delivery";
import { detectLiveAlerts, detectOverdue, detectPriceBandAlerts } from "@/lib/server/alerts/detect";
import { liveConfig } from "@/lib/server/live/config";
import { pollPrices } from "@/lib/server/live/prices";
import { refreshLive, type RefreshSummary } from "@/lib/server/live/refresh";
import { TAGS } from "@/lib/server/queries/tags";

export const PGBOSS_SCHEMA = "pgboss";

export interface JobDefinition {
  name: string;
  /** Five-field cron; absent = sent on demand only. */
  cron?: string;
  retryLimit: number;
  /** Seconds before the first retry; doubled each retry (with jitter) when retryBackoff. */
  retryDelay: number;
  retryBackoff: boolean;
  /** Longest a run may take before pg-boss expires it (and retries it). */
  expireInSeconds: number;
  run: (prisma: PrismaClient, data: Record<string, unknown>) => Promise<unknown>;
  /**
   * The cache tags a successful run's result makes stale (pages showing what it changed). Absent or
   * empty: the run changed nothing a page shows, and no page is expired (an alert delivery every
   * minute must not re-render every issuer page).
   */
  staleTags?: (result: unknown) => string[];
}

export const deadLetterName = (name: string) => `${name}-dead`;

/**
 * Whether a live refresh may have changed what the pages show: a reader read, failed or had its
 * breaker open, or it is this process's first run (a restart may have turned readers on or off).
 * A refresh with every reader off (no RPC URL, no endpoint) leaves the cached pages as they are.
 */
function refreshChangedPages(s: RefreshSummary, first: boolean): boolean {
  // Readings and failures only come from a chain read or an endpoint, so these two cover them.
  return first || s.endpoints.length > 0 || s.chains.some((c) => c.status === "read" || c.status === "breaker-open");
}

export function defaultJobs(config: LiveConfig): JobDefinition[] {
  let firstRefresh = true;
  return [
    {
      name: "live-refresh",
      cron: config.refreshCron,
      retryLimit: 3,
      retryDelay: 30,
      retryBackoff: true,
      expireInSeconds: 600,
      run: async (prisma) => {
        const s = await refreshLive(prisma, { config });
        const changed = refreshChangedPages(s, firstRefresh);
        firstRefresh = false;
        return {
          changed,
          readings: s.readings,
          failures: s.failures,
          chains: s.chains.map((c) => `${c.chain}:${c.status}${c.status === "read" ? ` ${c.ok}/${c.targets}` : ""}`),
          endpoints: s.endpoints.map((e) => `${e.adapter}:${e.status}`),
          alerts: await liveAlertsAfter(() => detectLiveAlerts(prisma)),
        };
      },
      staleTags: (r) => ((r as { changed?: boolean }).changed ? [TAGS.live] : []),
    },
    ...(config.priceApi
      ? [
          {
            name: "live-prices",
            // Daily prices: once a day, shortly after midnight UTC.
            cron: "17 0 * * *",
            retryLimit: 3,
            retryDelay: 300,
            retryBackoff: true,
            expireInSeconds: 900,
            run: async (prisma: PrismaClient) => {
              const s = await pollPrices(prisma, { config });
              if (s.status === "failed") throw new Error(s.reason ?? "price poll failed");
              const alerts = await liveAlertsAfter(() => detectPriceBandAlerts(prisma, { policy: config.depeg }));
              return { status: s.status, stored: s.stored, drafts: s.drafts.filter((d) => d.change !== "unchanged").length, alerts };
            },
            // Stored prices feed the issuer pages' peg history.
            staleTags: (r: unknown) => ((r as { stored?: number }).stored ? [TAGS.live] : []),
          } satisfies JobDefinition,
        ]
      : []),
    // Alerts (issue 20): lib/server/alerts/.
    {
      name: "alerts-deliver",
      // Fans out new outbox events and sends what is due; each delivery has its own retries and backoff.
      cron: "* * * * *",
      retryLimit: 0,
      retryDelay: 30,
      retryBackoff: false,
      expireInSeconds: 300,
      run: async (prisma) => {
        const s = await deliverAlerts(prisma);
        return {
          ...s.fannedOut,
          claimed: s.claimed,
          sent: s.sent,
          failed: s.failed,
          dead: s.dead,
          cancelled: s.cancelled,
          expired: s.expiredSubscriptions,
          emailOff: s.emailOff,
        };
      },
    },
    {
      name: "alerts-overdue",
      // Daily, after midnight UTC: the issuer page's overdue judgement on the new day.
      cron: "7 0 * * *",
      retryLimit: 3,
      retryDelay: 300,
      retryBackoff: true,
      expireInSeconds: 600,
      run: async (prisma) => {
        const s = await detectOverdue(prisma, new Date().toISOString().slice(0, 10));
        return {
          today: s.today,
          checked: s.checked,
          overdue: s.overdue,
          recorded: s.recorded.map((r) => `${r.issuerSlug}:${r.expectedAsOf}`),
        };
      },
    },
    {
      name: "alerts-digest",
      // Daily digests of the previous day's events.
      cron: "0 6 * * *",
      retryLimit: 3,
      retryDelay: 300,
      retryBackoff: true,
      expireInSeconds: 900,
      run: async (prisma) => {
        const s = await sendDigests(prisma);
        return { subscriptions: s.subscriptions, messages: s.messages, events: s.events, failed: s.failed, emailOff: s.emailOff };
      },
    },
  ];
}

/** Alert detection at the end of a live job: its failure is reported in the run's summary, never fails the readings' job (the next run detects again). */
async function liveAlertsAfter(detect: () => Promise<{ recorded: unknown[] }>): Promise<string> {
  try {
    return `${(await detect()).recorded.length} recorded`;
  } catch (err) {
    return `failed: ${err instanceof Error ? err.message : String(err)}`.slice(0, 500);
  }
}

export interface StartJobsOptions {
  /** true when called from the app (starts only unless JOBS_IN_APP=false); false from `npm run worker` (always starts). */
  inApp: boolean;
  prisma: PrismaClient;
  connectionString?: string;
  config?: LiveConfig;
  /** Replaces the default job list (tests). */
  jobs?: JobDefinition[];
  /** pg-boss constructor options (tests shorten its intervals). */
  bossOptions?: Partial<PgBoss.ConstructorOptions>;
  workOptions?: PgBoss.WorkOptions;
  log?: (message: string) => void;
  /** Called after a successful run whose result made cache tags stale (its job's `staleTags`), to expire them; its errors are logged, not retried. */
  onStale?: (tags: string[], job: string) => void | Promise<void>;
}

export interface JobsHandle {
  boss: PgBoss;
  /** Graceful: stops fetching, waits for running jobs (up to timeoutMs), closes pg-boss's pool. */
  stop(timeoutMs?: number): Promise<void>;
}

async function recordRun<T>(prisma: PrismaClient, name: string, job: PgBoss.JobWithMetadata<object>, fn: () => Promise<T>): Promise<T> {
  const startedAt = new Date();
  const row = await prisma.jobRun.create({ data: { name, jobId: job.id, attempt: job.retryCount ?? 0, startedAt, outcome: "running" } });
  try {
    const out = await fn();
    const finishedAt = new Date();
    await prisma.jobRun.update({
      where: { id: row.id },
      data: {
        finishedAt,
        durationMs: finishedAt.getTime() - startedAt.getTime(),
        outcome: "succeeded",
        summary: (out ?? undefined) as object | undefined,
      },
    });
    return out;
  } catch (err) {
    const finishedAt = new Date();
    await prisma.jobRun.update({
      where: { id: row.id },
      data: {
        finishedAt,
        durationMs: finishedAt.getTime() - startedAt.getTime(),
        outcome: "failed",
        error: (err instanceof Error ? err.message : String(err)).slice(0, 4000),
      },
    });
    throw err;
  }
}

/**
 * Starts pg-boss with every job's queue, dead-letter queue, schedule and worker. Returns null
 * when jobs run elsewhere. Several processes starting at once (instances and a worker) set up the same queues and
 * schedules; PostgreSQL can pick one of them as a deadlock victim. That start is retried after
 * a short random pause, a few times, instead of leaving the process without jobs.
 */
export async function startJobs(opts: StartJobsOptions): Promise<JobsHandle | null> {
  const log = opts.log ?? ((m: string) => process.stdout.write(`[jobs] ${m}\n`));
  for (let attempt = 1; ; attempt++) {
    try {
      return await startJobsAttempt(opts);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (attempt >= 5 || !/deadlock|could not serialize|duplicate key|already exists/i.test(message)) throw err;
      log(`start attempt ${attempt} lost a race with another process (${message}); trying again`);
      await new Promise((r) => setTimeout(r, 200 + Math.random() * 800 * attempt));
    }
  }
}

async function startJobsAttempt(opts: StartJobsOptions): Promise<JobsHandle | null> {
  const config = opts.config ?? liveConfig();
  const log = opts.log ?? ((m: string) => process.stdout.write(`[jobs] ${m}\n`));
  if (opts.inApp && !config.jobsInApp) {
    log("JOBS_IN_APP=false: jobs run in `npm run worker`, not in this process");
    return null;
  }
  const connectionString = opts.connectionString ?? process.env.DATABASE_URL;
  if (!connectionString) throw new Error("startJobs needs DATABASE_URL (or a connectionString)");
  const boss = new PgBoss({ connectionString, schema: PGBOSS_SCHEMA, max: 3, application_name: "usd1-backed-jobs", ...opts.bossOptions });
  boss.on("error", (err) => log(`pg-boss error: ${err.message}`));
  try {
    await boss.start();
    return await setUpJobs(boss, opts, config, log);
  } catch (err) {
    await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
    throw err;
  }
}

async function setUpJobs(boss: PgBoss, opts: StartJobsOptions, config: LiveConfig, log: (message: string) => void): Promise<JobsHandle> {
  const jobs = opts.jobs ?? defaultJobs(config);
  for (const job of jobs) {
    const dead = deadLetterName(job.name);
    if (!(await boss.getQueue(dead))) await boss.createQueue(dead, { name: dead, retryLimit: 0 });
    const queue = {
      name: job.name,
      retryLimit: job.retryLimit,
      retryDelay: job.retryDelay,
      retryBackoff: job.retryBackoff,
      expireInSeconds: job.expireInSeconds,
      deadLetter: dead,
    };
    if (await boss.getQueue(job.name)) await boss.updateQueue(job.name, queue);
    else await boss.createQueue(job.name, queue);
    if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: "UTC", singletonKey: job.name, singletonSeconds: 60 });
    else await boss.unschedule(job.name).catch(() => undefined);
    await boss.work<object>(job.name, { includeMetadata: true, batchSize: 1, ...opts.workOptions }, async (batch) => {
      for (const j of batch as PgBoss.JobWithMetadata<object>[]) {
        const result = await recordRun(opts.prisma, job.name, j, () => job.run(opts.prisma, (j.data ?? {}) as Record<string, unknown>));
        const tags = job.staleTags?.(result) ?? [];
        if (tags.length === 0) continue;
        try {
          await opts.onStale?.(tags, job.name);
        } catch (err) {
          log(`after ${job.name}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
    });
  }
  // A default job no longer configured (e.g. PRICE_API_URL removed) loses its schedule.
  if (!opts.jobs)
    for (const name of ["live-prices"]) if (!jobs.some((j) => j.name === name)) await boss.unschedule(name).catch(() => undefined);
  log(`started: ${jobs.map((j) => `${j.name}${j.cron ? ` (${j.cron} UTC)` : ""}`).join(", ")}`);
  return {
    boss,
    stop: async (timeoutMs = 30_000) => {
      await boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
    },
  };
}

/** The app's single jobs instance (kept on globalThis so dev reloads do not start a second one). */
const globalForJobs = globalThis as unknown as { usd1Jobs?: Promise<JobsHandle | null> };

export function startJobsOnce(opts: StartJobsOptions): Promise<JobsHandle | null> {
  globalForJobs.usd1Jobs ??= startJobs(opts).catch((err: unknown) => {
    globalForJobs.usd1Jobs = undefined;
    throw err;
  });
  return globalForJobs.usd1Jobs;
}

export interface JobRunRow {
  id: string;
  name: string;
  jobId: string;
  attempt: number;
  startedAt: Date;
  finishedAt: Date | null;
  durationMs: number | null;
  outcome: string;
  error: string | null;
  summary: unknown;
}

/** The latest runs (for the admin jobs page), newest first; optionally of one job. */
export async function recentJobRuns(prisma: PrismaClient, opts: { name?: string; limit?: number } = {}): Promise<JobRunRow[]> {
  const rows = await prisma.jobRun.findMany({
    where: opts.name ? { name: opts.name } : {},
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: Math.min(opts.limit ?? 50, 500),
  });
  return rows.map((r) => ({ ...r, id: r.id.toString() }));
}

/** Jobs that ran out of retries (the dead-letter list), read from pg-boss's own tables; empty before pg-boss first started. */
export async function deadLetterJobs(prisma: PrismaClient, opts: { limit?: number } = {}) {
  const installed = await prisma.$queryRaw<
    { n: number }[]
  >`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'pgboss' AND table_name = 'job'`;
  if (!installed[0]?.n) return [];
  return prisma.$queryRawUnsafe<{ id: string; queue: string; data: unknown; output: unknown; created_on: Date }[]>(
    `SELECT id::text, name AS queue, data, output, created_on FROM ${PGBOSS_SCHEMA}.job WHERE name LIKE '%-dead'
     UNION ALL SELECT id::text, name, data, output, created_on FROM ${PGBOSS_SCHEMA}.archive WHERE name LIKE '%-dead'
     ORDER BY created_on DESC LIMIT $1`,
    Math.min(opts.limit ?? 50, 500),
  );
}
