import "server-only";

import { PrismaPg } from "@prisma/adapter-pg";

import { PrismaClient } from "@/lib/generated/prisma/client";

import { env } from "./env";

// The Prisma clients of the process, kept on globalThis so development reloads do
// not open a new pool each time: the primary (DATABASE_URL), and the streaming
// replica (DATABASE_REPLICA_URL) when one is configured.
const globalForDb = globalThis as unknown as {
  prisma?: PrismaClient;
  prismaReplica?: PrismaClient;
  replicaWatch?: { down: boolean; timer: NodeJS.Timeout };
};

/** How often the replica is probed; while a probe fails, public reads go to the primary. */
const REPLICA_PROBE_MS = 2_000;

function createClient(connectionString: string): PrismaClient {
  const { DATABASE_POOL_MAX } = env();
  const adapter = new PrismaPg({
    connectionString,
    max: DATABASE_POOL_MAX,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  return new PrismaClient({ adapter });
}

/** The primary: every write, the editor area, sign-in, jobs, and anything that must read its own writes. */
export function db(): PrismaClient {
  globalForDb.prisma ??= createClient(env().DATABASE_URL);
  return globalForDb.prisma;
}

/**
 * For public read models (lib/server/queries/*.ts, not editor/): the replica when
 * DATABASE_REPLICA_URL is set, otherwise the primary. A replica may be behind the
 * primary; the write paths wait for it before expiring cache tags (lib/server/replica.ts),
 * so a page re-rendered after a publish does not cache what the replica had before it.
 */
export function readDb(): PrismaClient {
  const url = env().DATABASE_REPLICA_URL;
  if (!url) return db();
  globalForDb.prismaReplica ??= createClient(url);
  watchReplica(globalForDb.prismaReplica);
  // An unreachable replica: the primary serves public reads until a probe succeeds again.
  return globalForDb.replicaWatch?.down ? db() : globalForDb.prismaReplica;
}

/** The replica's own client, whatever its state (for the lag and replay checks); undefined without one. */
export function replicaClient(): PrismaClient | undefined {
  const url = env().DATABASE_REPLICA_URL;
  if (!url) return undefined;
  globalForDb.prismaReplica ??= createClient(url);
  watchReplica(globalForDb.prismaReplica);
  return globalForDb.prismaReplica;
}

/** Whether the last probe of the replica failed (public reads then go to the primary). */
export const replicaDown = (): boolean => globalForDb.replicaWatch?.down ?? false;

function watchReplica(replica: PrismaClient): void {
  if (globalForDb.replicaWatch) return;
  const watch = { down: false, timer: undefined as unknown as NodeJS.Timeout };
  globalForDb.replicaWatch = watch;
  let probing = false;
  watch.timer = setInterval(() => {
    if (probing) return;
    probing = true;
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no answer within 1 s")), 1_000).unref());
    Promise.race([replica.$queryRaw`SELECT 1`, timeout])
      .then(() => {
        if (watch.down) console.log("[replica] answers again: public reads go back to it");
        watch.down = false;
      })
      .catch((err: unknown) => {
        if (!watch.down)
          console.error(
            `[replica] unreachable (${err instanceof Error ? err.message.split("\n")[0] : String(err)}): public reads go to the primary until it answers`,
          );
        watch.down = true;
      })
      .finally(() => (probing = false));
  }, REPLICA_PROBE_MS);
  watch.timer.unref();
}

/** Whether reads go to a replica. */
export const hasReplica = (): boolean => !!env().DATABASE_REPLICA_URL;
