import "server-only";
import { db } from "@/lib/server/db";

/** `state` is what monitors match on ("up" / "down"); `up` is kept for existing readers. */
export async function databaseHealth(): Promise<{ state: "up" | "down"; up: boolean; latencyMs?: number; error?: string }> {
  const t0 = performance.now();
  try {
    await Promise.race([
      db().$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("timed out after 2 s")), 2_000).unref()),
    ]);
    return { state: "up", up: true, latencyMs: Math.round(performance.now() - t0) };
  } catch (err) {
    return { state: "down", up: false, error: err instanceof Error ? err.message.split("\n")[0] : "unreachable" };
  }
}
