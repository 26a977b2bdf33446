// Where the product's data lives: DATABASE_URL when set, otherwise an embedded
// PostgreSQL started here. Used by `npm start` and by `npm test`.
import { spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";

import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres";

export interface DatabaseServer {
  /** URL of a database on this server. */
  url: (database: string) => string;
  /** Set when the server is the embedded one (and so ours to stop). */
  embedded?: EmbeddedPostgres;
  describe: string;
  stop: () => Promise<void>;
}

export const DEFAULT_EMBEDDED_PORT = 54329;

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = "***";
  return u.toString();
}

export async function openServer(opts: { projectDir: string; name: string; port?: number; databaseUrl?: string }): Promise<DatabaseServer> {
  if (opts.databaseUrl) {
    const base = opts.databaseUrl;
    return {
      url: (database) => withDatabase(base, database),
      describe: `PostgreSQL at ${redact(base)} (DATABASE_URL)`,
      stop: async () => {},
    };
  }
  const port = opts.port ?? DEFAULT_EMBEDDED_PORT;
  const embedded = await startEmbeddedPostgres({ projectDir: opts.projectDir, port, name: opts.name });
  return {
    url: embedded.url,
    embedded,
    describe: `embedded PostgreSQL 18 on 127.0.0.1:${port} (data in ${embedded.dataDir})`,
    stop: embedded.stop,
  };
}

/** Connects to the server's maintenance database to create or drop one. */
async function admin<T>(server: DatabaseServer, adminDatabase: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: server.url(adminDatabase) });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function createDatabaseIfMissing(server: DatabaseServer, database: string, adminDatabase = "postgres") {
  await admin(server, adminDatabase, async (c) => {
    const found = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await c.query(`CREATE DATABASE ${quoteIdent(database)}`);
  });
}

export async function dropDatabase(server: DatabaseServer, database: string, adminDatabase = "postgres") {
  await admin(server, adminDatabase, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`));
}

/** `prisma migrate deploy` against the given database; throws with Prisma's output on failure. */
export function migrate(projectDir: string, databaseUrl: string): void {
  const cli = path.join(projectDir, "node_modules", "prisma", "build", "index.js");
  const run = spawnSync(process.execPath, [cli, "migrate", "deploy"], {
    cwd: projectDir,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (run.status !== 0) {
    const out = `${run.stdout}\n${run.stderr}`
      .split("\n")
      .filter((l) => !/^\s+at /.test(l))
      .join("\n");
    throw new Error(`Database migration failed:\n${out.trim()}`);
  }
}
