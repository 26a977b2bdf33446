// Next.js calls register() once per server process at start. In the Node.js
// runtime it starts the scheduled jobs (pg-boss: live refresh) unless
// JOBS_IN_APP=false, in which case `npm run worker` runs them. A failure to
// start the jobs is logged and never stops the web server.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  if ((process.env.JOBS_IN_APP ?? "true").trim().toLowerCase() === "false") return;
  const { startJobsOnce } = await import("@/lib/server/jobs");
  const { db } = await import("@/lib/server/db");
  startJobsOnce({ inApp: true, prisma: db() }).catch((err: unknown) => {
    console.error(`[jobs] not started: ${err instanceof Error ? err.message : String(err)}`);
  });
}
