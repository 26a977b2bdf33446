// `npm run worker`: runs the scheduled jobs (live refresh) and nothing else,
// for deployments that set JOBS_IN_APP=false and scale the web app out. Uses
// the database `npm start` uses (DATABASE_URL when set). SIGTERM or Ctrl-C
// stops fetching new jobs, lets a running one finish (up to 30 s), then exits.
import { closeRedis, updateTags } from "@/lib/cache-handlers/redis-store.mjs";
import { startJobs } from "@/lib/server/jobs";
import { waitForReplica } from "@/lib/server/replica";

import { withAppDatabase } from "./lib/app-database";
import { log } from "./lib/project";
import { prismaFor } from "./lib/seed";

async function main() {
  await withAppDatabase(async (url) => {
    const prisma = prismaFor(url);
    // With several instances sharing Redis, the pages' live figures are expired there once the
    // read replica (if any) has the new readings; without Redis each server's cache expires hourly.
    const onStale = async (tags: string[]) => {
      if (!process.env.REDIS_URL) return;
      await waitForReplica({ what: "worker" });
      await updateTags(tags, { expire: 0 });
    };
    const jobs = await startJobs({ inApp: false, prisma, connectionString: url, onStale, log: (m) => log(`worker: ${m}`) });
    await new Promise<void>((resolve) => {
      const stop = (signal: string) => {
        log(`worker: ${signal}: stopping after the running job`);
        resolve();
      };
      process.once("SIGTERM", () => stop("SIGTERM"));
      process.once("SIGINT", () => stop("SIGINT"));
    });
    await jobs?.stop(30_000);
    await prisma.$disconnect();
    await closeRedis();
    log("worker: stopped");
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`[usd1-backed] worker: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
