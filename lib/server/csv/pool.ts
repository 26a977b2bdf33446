import "server-only";

import pg from "pg";

import { env } from "@/lib/server/env";

// CSV exports hold one connection for the whole download (a server-side cursor
// or a COPY stream), which Prisma cannot lend: they get a small pool of their
// own, so a burst of downloads cannot take the connections pages need.
const globalForPool = globalThis as unknown as { csvExportPool?: pg.Pool };

export function exportPool(): pg.Pool {
  globalForPool.csvExportPool ??= new pg.Pool({
    // Public downloads: from the read replica when there is one (read-only snapshots work on a standby).
    connectionString: env().DATABASE_REPLICA_URL ?? env().DATABASE_URL,
    max: 4,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 5_000,
    application_name: "usd1-csv-export",
  });
  return globalForPool.csvExportPool;
}
