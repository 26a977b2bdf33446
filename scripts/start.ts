// `npm start`: database → migrations → data when empty → build when needed →
// serve on :3000. Ctrl-C (or SIGTERM, or the parent npm going away) stops the
// web server first and the database last.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { createDatabaseIfMissing, dropDatabase, migrate, openServer, type DatabaseServer } from "./lib/database";
import { EmbeddedPostgresError } from "./lib/embedded-postgres";
import { recordPath, removeRecord, stopLeftovers, writeRecord, type RunRecord } from "./lib/processes";
import { build, buildIsCurrent, ensurePrismaClient, log, persistentSecret, projectDir, waitForHttp } from "./lib/project";
import { seedIfEmpty } from "./lib/seed";

const args = process.argv.slice(2);
const dev = args.includes("--dev");
// Browser tests run their own copy: a database made for the run and dropped
// after it, their own embedded server and build folder, never the user's.
const fresh = args.includes("--fresh-database");
// Several instances (README, "Deploying"): one process prepares (migrations, data, build) and exits; the instances then start on it.
const prepareOnly = args.includes("--prepare-only");
const runName = process.env.USD1_RUN_NAME ?? "start";
// What an empty database gets: the public-reports pack, or the fictional demo set.
const datasetChoice =
  args.includes("--demo") || process.env.USD1_DATASET === "demo" ? "demo" : process.env.USD1_DATASET === "both" ? "both" : "public";
const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

if (fs.existsSync(path.join(projectDir, ".env"))) process.loadEnvFile(path.join(projectDir, ".env"));
const port = Number(process.env.PORT ?? 3000);
const embeddedPort = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
const distDir = process.env.NEXT_DIST_DIR ?? ".next";

let server: DatabaseServer | undefined;
let web: ChildProcess | undefined;
let stopping = false;
const record: RunRecord = { startPid: process.pid, port };
const recordFile = recordPath(projectDir, runName);
let freshDatabase: string | undefined;

async function shutdown(code: number, why?: string): Promise<never> {
  if (stopping) return new Promise<never>(() => {});
  stopping = true;
  if (why) log(why);
  if (web && web.exitCode === null && web.signalCode === null) {
    const exited = new Promise((r) => web!.once("exit", r));
    web.kill("SIGTERM");
    const force = setTimeout(() => web?.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(force);
  }
  if (server && freshDatabase) await dropDatabase(server, freshDatabase, adminDatabase()).catch(() => {});
  if (server) await server.stop();
  removeRecord(recordFile);
  log("stopped");
  process.exit(code);
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => void shutdown(0, `${signal} received: stopping`));
}
// `npm start` runs us under `sh -c`; a SIGTERM to npm reaches only sh. When our
// parent goes away, stop too rather than leave servers running.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) void shutdown(0, "parent process ended: stopping");
}, 500).unref();

function adminDatabase(): string {
  return server?.embedded ? "postgres" : new URL(process.env.DATABASE_URL!).pathname.slice(1) || "postgres";
}

async function main() {
  const [major, minor] = process.versions.node.split(".").map(Number) as [number, number];
  if (major < 20 || (major === 20 && minor < 9)) throw new Error(`Node.js >= 20.9 is needed; this is ${process.versions.node}.`);

  // Several instances share Redis; a secret generated per machine would make each refuse the others' sessions.
  if (process.env.REDIS_URL && !process.env.NEXTAUTH_SECRET) {
    throw new Error(
      "REDIS_URL is set (several instances): set NEXTAUTH_SECRET too, the same on every instance, or sessions signed by one instance are refused by the others.",
    );
  }
  const leftovers = await stopLeftovers(recordFile, projectDir);
  if (leftovers.length) log(`found servers left running by an earlier run that did not stop cleanly; stopped: ${leftovers.join(", ")}`);

  ensurePrismaClient();
  server = await openServer({
    projectDir,
    name: runName === "start" ? "postgres" : `postgres-${runName}`,
    port: embeddedPort,
    databaseUrl: process.env.DATABASE_URL,
  });
  if (server.embedded) {
    record.postgresPid = server.embedded.process.pid;
    record.postgresDataDir = server.embedded.dataDir;
    writeRecord(recordFile, record);
    server.embedded.process.once("exit", (code, signal) => {
      if (!stopping) void shutdown(1, `the embedded PostgreSQL stopped unexpectedly (code ${code}, signal ${signal})`);
    });
  }
  log(`database: ${server.describe}`);
  let databaseUrl = server.embedded ? server.url("usd1_backed") : process.env.DATABASE_URL!;
  if (fresh) {
    freshDatabase = `usd1_${runName.replace(/\W/g, "_")}_${randomBytes(4).toString("hex")}`;
    await createDatabaseIfMissing(server, freshDatabase, adminDatabase());
    databaseUrl = server.url(freshDatabase);
    log(`fresh database ${freshDatabase} (dropped on exit)`);
  } else if (server.embedded) await createDatabaseIfMissing(server, "usd1_backed");

  migrate(projectDir, databaseUrl);
  log(`migrations applied (${seconds()})`);
  const seeded = await seedIfEmpty(databaseUrl, datasetChoice);
  log(
    seeded.loaded
      ? `empty database: loaded ${seeded.label}: ${seeded.issuers} issuers, ${seeded.attestations} reports, ${seeded.stressEvents} stress events`
      : `database has ${seeded.issuers} issuers: data kept`,
  );

  const revalidateToken = randomBytes(24).toString("base64url");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? persistentSecret("nextauth"),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    REVALIDATE_TOKEN: revalidateToken,
    NEXT_DIST_DIR: distDir,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const serverScript = path.join(projectDir, "scripts", "server.ts");
  if (!dev) {
    if (buildIsCurrent(distDir)) log("build is current: skipping next build");
    else {
      log("building (next build), about 30 s the first time");
      build(distDir, env);
    }
  }
  if (prepareOnly) {
    log(`prepared: migrations, data and build ${dev ? "(dev: no build)" : `in ${distDir}`} (${seconds()}); not serving (--prepare-only)`);
    await shutdown(0);
  }
  // Our server (Next's handler plus a per-response CSP), started directly so the PID is the server's.
  web = spawn(process.execPath, ["--import", "tsx", serverScript, ...(dev ? ["--dev"] : [])], {
    cwd: projectDir,
    env: { ...env, NODE_ENV: dev ? "development" : "production", PORT: String(port) },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  record.webPid = web.pid;
  record.revalidateToken = revalidateToken;
  writeRecord(recordFile, record);
  web.once("exit", (code, signal) => {
    if (!stopping) void shutdown(code ?? 1, `the web server stopped (code ${code}, signal ${signal})`);
  });
  await waitForHttp(`http://127.0.0.1:${port}/api/health`, 60_000, () => web!.exitCode === null);
  // Cached pages outlive restarts but their invalidations do not (docs/stack.md, "Cached pages after a restart"):
  // expire everything once, so no page shows data from before this start.
  const res = await fetch(`http://127.0.0.1:${port}/api/internal/revalidate`, {
    method: "POST",
    headers: { authorization: `Bearer ${revalidateToken}` },
  });
  if (!res.ok) log(`warning: cache refresh answered ${res.status}; pages may show data from before this start`);
  log(`serving on http://localhost:${port} (ready in ${seconds()}). Ctrl-C stops.`);
  if (process.env.WARM_PAGES !== "false") void warmPages(`http://127.0.0.1:${port}`);
}

/**
 * Renders the public pages once, in the background, right after the start's
 * cache expiry: a page is served from its last good render while the database
 * is down only if it has one. One request at a time, so visitors come first.
 */
async function warmPages(base: string): Promise<void> {
  try {
    const home = await (await fetch(`${base}/`)).text();
    const issuers = [...new Set([...home.matchAll(/href="(\/issuers\/[a-z0-9-]+)"/g)].map((m) => m[1]!))];
    for (const path of ["/attestations", "/stress", "/methodology", "/data", "/sources", "/about", ...issuers]) {
      if (stopping) return;
      await (await fetch(base + path)).arrayBuffer();
    }
  } catch {
    /* the server is stopping or busy; pages render on their first visit instead */
  }
}

main().catch(async (err: unknown) => {
  const message = err instanceof EmbeddedPostgresError || err instanceof Error ? err.message : String(err);
  process.stderr.write(`\n[usd1-backed] could not start: ${message}\n\n`);
  await shutdown(1);
});
