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
  // After a run that changed what pages show (a live refresh that read something), their tags are
  // expired through the app's own revalidation route (a job runs outside any request, where cache
  // tags cannot be expired). Runs that changed nothing shown (alert deliveries) expire nothing.
  const onStale = async (tags: string[]) => {
    const token = process.env.REVALIDATE_TOKEN;
    if (!token) return;
    for (const tag of tags)
      await fetch(`http://127.0.0.1:${process.env.PORT ?? 3000}/api/internal/revalidate?tag=${encodeURIComponent(tag)}`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}` },
      });
  };
  startJobsOnce({ inApp: true, prisma: db(), onStale }).catch((err: unknown) => {
    console.error(`[jobs] not started: ${err instanceof Error ? err.message : String(err)}`);
  });
}
