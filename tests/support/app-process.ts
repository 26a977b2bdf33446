// The real app as `npm start` runs it (scripts/start.ts: migrations, demo
// data, our server with its CSP and graceful shutdown), for tests that must
// stop and start processes around it: its own port and run name, the browser
// tests' build folder (.next-test, built only when stale), a fresh database
// dropped when it stops. Output is kept for assertions and error messages.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

import { dataDirFor } from "../../scripts/lib/embedded-postgres";
import { alive, type RunRecord } from "../../scripts/lib/processes";
import { projectDir } from "../../scripts/lib/project";

/** NEXTAUTH_SECRET of the app under test: lets a test seal a session cookie as the sign-in would. */
export const APP_SECRET = "fault-test-secret-not-for-production-0000";

export interface AppProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything start.ts and the server printed so far. */
  output: () => string;
  /** The run record start.ts writes (.data/<name>.run.json). */
  record: () => RunRecord;
  /** The database start.ts made for this run. */
  freshDatabase: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM (as a process manager sends it) and wait for the exit. */
  stop: () => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The environment of a test worker, minus what would change how the app builds or which database it uses. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env))
    if (key === "NODE_ENV" || key === "DATABASE_URL" || key.startsWith("VITEST") || key === "TEST") delete env[key];
  return env;
}

export async function startAppProcess(opts: {
  name: string;
  port: number;
  env?: Record<string, string>;
  timeoutMs?: number;
}): Promise<AppProcess> {
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join(projectDir, "scripts", "start.ts"), "--fresh-database", "--demo"],
    {
      cwd: projectDir,
      env: {
        ...cleanEnv(),
        PORT: String(opts.port),
        NEXT_DIST_DIR: ".next-test",
        USD1_RUN_NAME: opts.name,
        NEXTAUTH_SECRET: APP_SECRET,
        ...opts.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const deadline = Date.now() + (opts.timeoutMs ?? 240_000);
  while (!out.includes("serving on")) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the app exited before serving:\n${out.slice(-4000)}`);
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error(`the app did not serve within ${(opts.timeoutMs ?? 240_000) / 1000} s:\n${out.slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const recordFile = path.join(projectDir, ".data", `${opts.name}.run.json`);
  return {
    url: `http://127.0.0.1:${opts.port}`,
    port: opts.port,
    child,
    output: () => out,
    record: () => JSON.parse(fs.readFileSync(recordFile, "utf8")) as RunRecord,
    freshDatabase: () => {
      const m = /fresh database (\S+)/.exec(out);
      if (!m) throw new Error(`start.ts did not name its fresh database:\n${out.slice(-2000)}`);
      return m[1]!;
    },
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}

/** Resolves once nothing accepts connections on the port (the server stopped listening). */
export async function waitUntilRefused(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const refused = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(false);
      });
      socket.once("error", () => resolve(true));
    });
    if (refused) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`port ${port} still accepts connections after ${timeoutMs} ms`);
}

/**
 * An embedded PostgreSQL a killed test run left behind (they run in their own
 * process group, so they outlive the test worker) holds the port and the data
 * folder's lock: stop it the way start.ts stops its leftovers.
 */
export async function stopLeftoverPostgres(name: string): Promise<void> {
  const dataDir = dataDirFor(projectDir, name);
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  } catch {
    return;
  }
  let cmdline = "";
  try {
    cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    return;
  }
  if (!alive(pid) || !cmdline.includes(dataDir)) return;
  process.kill(pid, "SIGINT");
  for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

/** A port nobody listens on now, so a run never collides with another program or run. */
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
