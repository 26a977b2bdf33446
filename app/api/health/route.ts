import { connection } from "next/server";
import { databaseHealth } from "@/lib/server/queries/health";
import { liveHealth } from "@/lib/server/queries/live-health";

// For a load balancer and for people: the database, and how fresh each kind of live reading is
// (a stale reading does not make the instance unhealthy: it is still serving the last good values).
export async function GET() {
  await connection();
  const database = await databaseHealth();
  const live = database.up ? await liveHealth().catch(() => null) : null;
  return Response.json(
    { status: database.up ? "ok" : "degraded", database, live },
    { status: database.up ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
