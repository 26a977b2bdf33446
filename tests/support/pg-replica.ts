// A real streaming replica for tests: a primary made with initdb on a free port
// (wal_level replica), a base backup of it taken with `pg_basebackup -R` (which writes the
// standby's primary_conninfo and standby.signal), and a hot standby started on the backup
// on another free port. The machine's PostgreSQL 15 binaries when present, otherwise the
// embedded PostgreSQL 18 ones; as root, the servers run as the `postgres` user. Trust
// authentication on 127.0.0.1 only; everything lives in a temporary folder removed by stop().
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { freePort, sqlOn } from "./cluster";

function binDir(): string {
  for (const dir of ["/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/17/bin"]) {
    if (fs.existsSync(path.join(dir, "pg_basebackup"))) return dir;
  }
  const embedded = fs
    .readdirSync(os.tmpdir())
    .find((d) => d.startsWith("usd1-backed-pgbin-") && fs.existsSync(path.join(os.tmpdir(), d, ".complete")));
  if (embedded) return path.join(os.tmpdir(), embedded, "bin");
  throw new Error("no PostgreSQL binaries with pg_basebackup found (/usr/lib/postgresql/*/bin or the embedded ones)");
}

function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const entry = spawnSync("getent", ["passwd", "postgres"], { encoding: "utf8" }).stdout.trim();
  if (!entry) throw new Error("running as root needs a `postgres` user to run PostgreSQL as");
  const [, , uid, gid] = entry.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

export interface PgServer {
  port: number;
  url: (database: string) => string;
  log: () => string;
  stop: () => Promise<void>;
}

export interface ReplicaPair {
  primary: PgServer;
  standby: PgServer;
  stop: () => Promise<void>;
}

function startServer(bin: string, dataDir: string, port: number, who: ReturnType<typeof runAs>, ready: RegExp): Promise<PgServer> {
  const child: ChildProcess = spawn(
    path.join(bin, "postgres"),
    [
      "-D",
      dataDir,
      "-p",
      String(port),
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      "-c",
      "wal_level=replica",
      "-c",
      "max_wal_senders=5",
      "-c",
      "hot_standby=on",
      "-c",
      "fsync=off",
    ],
    { ...(who ?? {}), env: { ...process.env, LC_ALL: "C", LANG: "C" }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const force = setTimeout(() => child.kill("SIGQUIT"), 10_000);
      child.once("exit", () => {
        clearTimeout(force);
        resolve();
      });
      child.kill("SIGINT");
    });
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error(`PostgreSQL on ${port} did not start:\n${out}`)), 30_000);
    const check = () => {
      if (ready.test(out)) {
        clearTimeout(deadline);
        resolve({ port, url: (db) => `postgresql://postgres@127.0.0.1:${port}/${db}`, log: () => out, stop });
      }
    };
    child.stdout!.on("data", check);
    child.stderr!.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(deadline);
      reject(new Error(`PostgreSQL on ${port} exited (${code}):\n${out}`));
    });
  });
}

/** Starts a primary, lets `prepare` fill it, then takes a base backup and starts a standby streaming from it. */
export async function startReplicaPair(prepare: (primaryAdminUrl: string) => Promise<void>): Promise<ReplicaPair> {
  const bin = binDir();
  const who = runAs();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "usd1-replica-"));
  fs.chmodSync(root, 0o755);
  const primaryDir = path.join(root, "primary");
  const standbyDir = path.join(root, "standby");
  for (const d of [primaryDir, standbyDir]) {
    fs.mkdirSync(d, { mode: 0o700 });
    if (who) fs.chownSync(d, who.uid, who.gid);
  }
  const env = { ...process.env, LC_ALL: "C", LANG: "C" };
  const init = spawnSync(
    path.join(bin, "initdb"),
    ["-D", primaryDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"],
    { ...(who ?? {}), env, encoding: "utf8" },
  );
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const primary = await startServer(bin, primaryDir, await freePort(), who, /ready to accept connections/);
  let standby: PgServer | undefined;
  const stop = async () => {
    await standby?.stop();
    await primary.stop();
    fs.rmSync(root, { recursive: true, force: true });
  };
  try {
    await prepare(primary.url("postgres"));
    const backup = spawnSync(
      path.join(bin, "pg_basebackup"),
      ["-h", "127.0.0.1", "-p", String(primary.port), "-U", "postgres", "-D", standbyDir, "-R", "-X", "stream", "--no-sync"],
      {
        ...(who ?? {}),
        env,
        encoding: "utf8",
      },
    );
    if (backup.status !== 0) throw new Error(`pg_basebackup failed: ${backup.stderr}`);
    standby = await startServer(bin, standbyDir, await freePort(), who, /ready to accept read-only connections/);
    // Streaming, not just restored: the primary lists the standby's WAL receiver.
    const deadline = Date.now() + 10_000;
    while (
      (await sqlOn(primary.url("postgres"), "SELECT count(*)::int AS n FROM pg_stat_replication WHERE state = 'streaming'")).rows[0].n < 1
    ) {
      if (Date.now() > deadline) throw new Error(`the standby does not stream:\n${standby.log()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return { primary, standby, stop };
}
