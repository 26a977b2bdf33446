import { connection } from "next/server";
import { databaseHealth } from "@/lib/server/queries/health";

export async function GET() {
  await connection();
  const database = await databaseHealth();
  return Response.json(
    { status: database.up ? "ok" : "degraded", database },
    { status: database.up ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
