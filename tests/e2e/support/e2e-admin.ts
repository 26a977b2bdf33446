// The browser tests' first admin, made with the documented command
// (`npm run create-admin`, scripts/create-admin.ts) against the run's own
// database. Playwright's web server starts `scripts/start.ts --fresh-database`,
// which names that database usd1_e2e_<random>; it is found here as the newest
// such database on the run's server: the embedded one (port and password from
// .data/e2e.run.json), or DATABASE_URL's server when that is set.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

const root = path.resolve(__dirname, "..", "..", "..");
// The run name start.ts got (USD1_RUN_NAME): "e2e" under playwright.config.ts.
const runName = process.env.USD1_E2E_RUN_NAME ?? "e2e";

function serverUrl(database: string): string {
  if (process.env.DATABASE_URL) {
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = `/${database}`;
    return u.toString();
  }
  const record = JSON.parse(fs.readFileSync(path.join(root, ".data", `${runName}.run.json`), "utf8")) as { postgresDataDir?: string };
  if (!record.postgresDataDir) throw new Error("the e2e run record names no embedded database");
  const password = fs.readFileSync(`${record.postgresDataDir}.password`, "utf8").trim();
  const port = process.env.E2E_EMBEDDED_PG_PORT ?? "54332";
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

export async function e2eDatabaseUrl(): Promise<string> {
  const admin = new pg.Client({
    connectionString: serverUrl(process.env.DATABASE_URL ? new URL(process.env.DATABASE_URL).pathname.slice(1) || "postgres" : "postgres"),
  });
  await admin.connect();
  try {
    const prefix = `usd1_${runName.replace(/\W/g, "_")}_`.replace(/_/g, "\\_");
    const found = await admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE $1 ORDER BY oid DESC LIMIT 1",
      [`${prefix}%`],
    );
    const name = found.rows[0]?.datname;
    if (!name) throw new Error(`no usd1_${runName}_* database found: is the Playwright web server running?`);
    return serverUrl(name);
  } finally {
    await admin.end();
  }
}

export async function createAdmin(email: string, name: string, password: string): Promise<void> {
  const run = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/create-admin.ts", "--email", email, "--name", name, "--password-stdin"],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: await e2eDatabaseUrl() },
      input: password,
      encoding: "utf8",
    },
  );
  if (run.status !== 0) throw new Error(`create-admin failed:\n${run.stdout}\n${run.stderr}`);
}
