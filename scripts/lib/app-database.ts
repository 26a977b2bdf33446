// The database `npm start` uses, for the maintenance commands (re-import,
// create an admin, backup and restore): DATABASE_URL when set; otherwise the
// embedded server, reused when `npm start` is running, else started just for
// the command and stopped after it.
import fs from "node:fs";
import pg from "pg";

import { createDatabaseIfMissing, migrate, openServer } from "./database";
import { dataDirFor } from "./embedded-postgres";
import { alive, recordPath, type RunRecord } from "./processes";
import { projectDir } from "./project";

export const APP_DATABASE = "usd1_backed";

/**
 * `migrate: false` leaves the schema as it is: a backup must capture the
 * database as it was, not as this version of the code would migrate it.
 */
export async function withAppDatabase<T>(fn: (url: string) => Promise<T>, opts: { migrate?: boolean } = {}): Promise<T> {
  const migrating = opts.migrate ?? true;
  if (process.env.DATABASE_URL) {
    if (migrating) migrate(projectDir, process.env.DATABASE_URL);
    return fn(process.env.DATABASE_URL);
  }
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  const record = readRecord();
  const dataDir = dataDirFor(projectDir, "postgres");
  if (record?.postgresPid && alive(record.postgresPid)) {
    const password = fs.readFileSync(`${dataDir}.password`, "utf8").trim();
    const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${APP_DATABASE}`;
    await checkConnect(url);
    return fn(url);
  }
  const server = await openServer({ projectDir, name: "postgres", port });
  try {
    await createDatabaseIfMissing(server, APP_DATABASE);
    const url = server.url(APP_DATABASE);
    if (migrating) migrate(projectDir, url);
    return await fn(url);
  } finally {
    await server.stop();
  }
}

function readRecord(): RunRecord | null {
  try {
    return JSON.parse(fs.readFileSync(recordPath(projectDir, "start"), "utf8")) as RunRecord;
  } catch {
    return null;
  }
}

async function checkConnect(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.end();
}

/** After a maintenance command wrote data: expire the running server's cached pages, if one runs. */
export async function refreshRunningServer(): Promise<"refreshed" | "not running"> {
  const record = readRecord();
  if (!record?.webPid || !alive(record.webPid) || !record.revalidateToken || !record.port) return "not running";
  const res = await fetch(`http://127.0.0.1:${record.port}/api/internal/revalidate`, {
    method: "POST",
    headers: { authorization: `Bearer ${record.revalidateToken}` },
  });
  return res.ok ? "refreshed" : "not running";
}
