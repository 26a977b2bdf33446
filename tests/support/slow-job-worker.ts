// A worker as `npm run worker` runs one (startJobs from lib/server/jobs, pg-boss in the
// product's database), with one test job instead of the live refresh: "scale-test-slow",
// which expires 3 s after it starts and is retried up to twice. With SLOW_JOB_SLEEP_MS set it
// takes that long (so the test can kill the process in the middle); with SLOW_JOB_SEND=1 it
// sends one such job at start. Prints "worker ready" once it works the queue.
import { startJobs } from "@/lib/server/jobs";

import { prismaFor } from "../../scripts/lib/seed";

async function main() {
  const url = process.env.DATABASE_URL!;
  const prisma = prismaFor(url);
  const sleepMs = Number(process.env.SLOW_JOB_SLEEP_MS ?? 0);
  const jobs = await startJobs({
    inApp: false,
    prisma,
    connectionString: url,
    jobs: [
      {
        name: "scale-test-slow",
        retryLimit: 2,
        retryDelay: 1,
        retryBackoff: false,
        expireInSeconds: 3,
        run: async () => {
          process.stdout.write(`job started (pid ${process.pid})\n`);
          if (sleepMs) await new Promise((r) => setTimeout(r, sleepMs));
          return { pid: process.pid };
        },
      },
    ],
    bossOptions: { maintenanceIntervalSeconds: 1 },
    workOptions: { pollingIntervalSeconds: 0.5 },
    log: (m) => process.stdout.write(`[worker] ${m}\n`),
  });
  if (process.env.SLOW_JOB_SEND === "1") {
    const id = await jobs!.boss.send("scale-test-slow", {});
    process.stdout.write(`sent job ${id}\n`);
  }
  process.stdout.write("worker ready\n");
  process.once(
    "SIGTERM",
    () =>
      void jobs!
        .stop(5_000)
        .then(() => prisma.$disconnect())
        .then(() => process.exit(0)),
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`slow-job worker: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
