import { connection } from "next/server";

import { cacheHealth, databaseHealth, jobsHealth, replicaHealth } from "@/lib/server/queries/health";
import { liveHealth } from "@/lib/server/queries/live-health";

// For a load balancer and for people: the database (503 when the primary is down: this
// instance cannot save anything and cannot render what is not cached), the read replica's
// lag, the shared cache (Redis) and the jobs, and how fresh each kind of live reading is.
// A stale reading, a lagging or unreachable replica or an unreachable Redis does not make the
// instance unhealthy: it keeps serving ("degraded").
export async function GET() {
  await connection();
  const [database, redis, replica] = await Promise.all([databaseHealth(), cacheHealth(), replicaHealth()]);
  const [jobs, live] = database.up ? await Promise.all([jobsHealth().catch(() => null), liveHealth().catch(() => null)]) : [null, null];
  const degraded = !database.up || redis.state === "down" || replica.state === "down";
  return Response.json(
    { status: degraded ? "degraded" : "ok", database, replica, redis, jobs, live },
    { status: database.up ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
