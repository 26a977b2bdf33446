// Several production instances of ONE build, as a scaled-out deployment runs them
// (README, "Deploying"): a database made and filled here, `next build` once into its own
// folder (reused while current), then each instance is scripts/server.ts (our server:
// Next, CSP layer, graceful shutdown) with its own port and the shared environment.
// Also a worker (`npm run worker`'s script) and helpers for Redis keys. No containers.
// Used by the scale-out integration and fault tests and by bench/scale.ts.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { createClient } from "redis";

import { migrate } from "../../scripts/lib/database";
import { build, buildIsCurrent, projectDir } from "../../scripts/lib/project";
import { seedIfEmpty, type DatasetChoice } from "../../scripts/lib/seed";

/** The build folder of these tests and the benchmark: never the user's (.next) or the browser tests' (.next-test). */
export const SCALE_DIST_DIR = ".next-scale";
export const CLUSTER_SECRET = "scale-test-secret-not-for-production-0000";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export const sqlOn = (url: string, text: string, values: unknown[] = []) => withClient(url, (c) => c.query(text, values));

const withDatabaseName = (serverUrl: string, name: string) => {
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
};

export interface ClusterDatabase {
  url: string;
  name: string;
  drop: () => Promise<void>;
}

/** A new database on the server of `adminUrl`, migrated and loaded with a dataset; dropped by `drop`. */
export async function createClusterDatabase(
  adminUrl: string,
  opts: { dataset?: DatasetChoice; prefix?: string } = {},
): Promise<ClusterDatabase> {
  const name = `${opts.prefix ?? "usd1_scale"}_${randomBytes(4).toString("hex")}`;
  await sqlOn(adminUrl, `CREATE DATABASE "${name}"`);
  const url = withDatabaseName(adminUrl, name);
  migrate(projectDir, url);
  await seedIfEmpty(url, opts.dataset ?? "demo");
  return {
    url,
    name,
    drop: () => sqlOn(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).then(() => undefined),
  };
}

/** `next build` into SCALE_DIST_DIR unless the build there is current. The build prerenders, so it needs a database. */
export function ensureBuild(databaseUrl: string, log: (m: string) => void = () => {}): void {
  if (buildIsCurrent(SCALE_DIST_DIR)) {
    log(`build in ${SCALE_DIST_DIR} is current`);
    return;
  }
  log(`building into ${SCALE_DIST_DIR}`);
  // The type check is `npm test`'s own step (tsc); the tests' build skips Next's second run of it.
  const env = {
    ...cleanEnv(),
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: CLUSTER_SECRET,
    NODE_ENV: "production",
    USD1_BUILD_SKIP_TYPECHECK: "1",
  } as NodeJS.ProcessEnv;
  build(SCALE_DIST_DIR, env);
}

/** The test process's environment minus what would change how the app builds or which database and cache it uses. */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (
      [
        "NODE_ENV",
        "DATABASE_URL",
        "DATABASE_REPLICA_URL",
        "REDIS_URL",
        "REDIS_PREFIX",
        "TEST",
        "JOBS_IN_APP",
        "REVALIDATE_TOKEN",
        "PORT",
      ].includes(key) ||
      key.startsWith("VITEST")
    )
      delete env[key];
  }
  return env;
}

export interface Instance {
  name: string;
  url: string;
  port: number;
  child: ChildProcess;
  revalidateToken: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop: () => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function collect(child: ChildProcess) {
  let out = "";
  child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return { output: () => out, exited };
}

/** One instance: scripts/server.ts on `port`, serving the build in SCALE_DIST_DIR, as start.ts runs it. */
export async function startInstance(opts: {
  name: string;
  port?: number;
  env: Record<string, string>;
  timeoutMs?: number;
}): Promise<Instance> {
  const port = opts.port ?? (await freePort());
  const revalidateToken = randomBytes(24).toString("base64url");
  const child = spawn(process.execPath, ["--import", "tsx", path.join(projectDir, "scripts", "server.ts")], {
    cwd: projectDir,
    env: {
      ...cleanEnv(),
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: SCALE_DIST_DIR,
      PORT: String(port),
      NEXTAUTH_SECRET: CLUSTER_SECRET,
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      REVALIDATE_TOKEN: revalidateToken,
      JOBS_IN_APP: "false",
      ...opts.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const { output, exited } = collect(child);
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`${opts.name} exited before serving:\n${output().slice(-4000)}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`${opts.name} did not serve within ${(opts.timeoutMs ?? 60_000) / 1000} s:\n${output().slice(-4000)}`);
    }
    if (output().includes("Ready on")) {
      try {
        const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) });
        if (res.status < 500) break;
      } catch {
        /* not yet */
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  // As start.ts does after each start: pages prerendered by the build (against whatever
  // database it had) or cached before this start are expired once.
  const refreshed = await fetch(`${url}/api/internal/revalidate`, {
    method: "POST",
    headers: { authorization: `Bearer ${revalidateToken}` },
  });
  if (!refreshed.ok) throw new Error(`${opts.name}: the start's cache refresh answered ${refreshed.status}`);
  return {
    name: opts.name,
    url,
    port,
    child,
    revalidateToken,
    output,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}

export interface WorkerProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** A process started with `node --import tsx <script>` and the given environment (a worker). */
export function startScript(script: string, env: Record<string, string>, args: string[] = []): WorkerProcess {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(projectDir, script), ...args], {
    cwd: projectDir,
    env: { ...cleanEnv(), NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return { child, ...collect(child) };
}

/** Redis keys under a prefix (SCAN, never KEYS). */
export async function redisKeys(redisUrl: string, prefix: string): Promise<string[]> {
  const client = createClient({ url: redisUrl });
  await client.connect();
  try {
    const keys: string[] = [];
    for await (const batch of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) keys.push(...batch);
    return keys;
  } finally {
    await client.close();
  }
}

/** Deletes every key under a prefix: a test's own keys, never anyone else's. */
export async function deleteRedisKeys(redisUrl: string, prefix: string): Promise<number> {
  if (!prefix || prefix.length < 6) throw new Error(`refusing to delete keys under the short prefix "${prefix}"`);
  const keys = await redisKeys(redisUrl, prefix);
  if (!keys.length) return 0;
  const client = createClient({ url: redisUrl });
  await client.connect();
  try {
    for (let i = 0; i < keys.length; i += 500) await client.del(keys.slice(i, i + 500));
  } finally {
    await client.close();
  }
  return keys.length;
}

/** Body and cache verdict (x-nextjs-cache) of a GET. */
export async function page(url: string, init?: RequestInit): Promise<{ status: number; body: string; cache: string | null; ms: number }> {
  const t0 = performance.now();
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(20_000) });
  const body = await res.text();
  return { status: res.status, body, cache: res.headers.get("x-nextjs-cache"), ms: performance.now() - t0 };
}
