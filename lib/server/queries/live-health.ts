import "server-only";

// How fresh each kind of live reading is, and which readers are off or failing: for /api/health.
import { db } from "@/lib/server/db";
import { liveStatus } from "@/lib/server/live/queries";

export async function liveHealth() {
  const status = await liveStatus(db());
  return {
    freshness: Object.fromEntries(
      Object.entries(status.freshness).map(([kind, f]) => [
        kind,
        { lastReadAt: f.lastReadAt?.toISOString() ?? null, ageSeconds: f.ageSeconds },
      ]),
    ),
    readers: status.readers.map((r) => ({
      reader: r.reader,
      on: r.on,
      reason: r.reason,
      breaker: r.breaker,
      lastSuccessAt: r.lastSuccessAt?.toISOString() ?? null,
    })),
    jobsInApp: status.jobsInApp,
    refreshCron: status.refreshCron,
  };
}
