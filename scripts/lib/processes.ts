// Leftovers from a run that was killed (kill -9, a closed terminal): the
// postmaster and next-server keep running and serving, and a naive restart
// fails on the PostgreSQL lock file or EADDRINUSE (docs/stack.md, "Leftovers after a kill"). Each run records
// its PIDs; the next run stops those that still belong to this project.
import fs from "node:fs";
import path from "node:path";

export interface RunRecord {
  startPid: number;
  postgresPid?: number;
  postgresDataDir?: string;
  webPid?: number;
  port?: number;
  /** Lets maintenance commands expire the running server's cached pages after they write. */
  revalidateToken?: string;
}

function stateOf(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
  } catch {
    return undefined;
  }
}

/** Alive and not a zombie (killed processes linger as Z for a moment). */
export function alive(pid: number): boolean {
  const state = stateOf(pid);
  return state !== undefined && state !== "Z" && state !== "X";
}

function cmdline(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    return "";
  }
}

function cwd(pid: number): string {
  try {
    return fs.readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    return "";
  }
}

async function stopPid(pid: number, signal: NodeJS.Signals): Promise<void> {
  try {
    process.kill(pid, signal);
  } catch {
    return;
  }
  for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      /* gone meanwhile */
    }
    for (let i = 0; i < 30 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  }
}

export function recordPath(projectDir: string, name: string): string {
  return path.join(projectDir, ".data", `${name}.run.json`);
}

export function writeRecord(file: string, record: RunRecord): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(record, null, 2), { mode: 0o600 });
}

export function removeRecord(file: string): void {
  fs.rmSync(file, { force: true });
}

/**
 * Stops what an earlier run of this project left behind. Returns a
 * description of each process stopped, for the message to the user.
 */
export async function stopLeftovers(file: string, projectDir: string): Promise<string[]> {
  let record: RunRecord;
  try {
    record = JSON.parse(fs.readFileSync(file, "utf8")) as RunRecord;
  } catch {
    return [];
  }
  const stopped: string[] = [];
  if (record.startPid !== process.pid && alive(record.startPid) && cmdline(record.startPid).includes("start")) {
    if (cwd(record.startPid) === projectDir) {
      throw new Error(
        `This project is already running (pid ${record.startPid}${record.port ? `, http://localhost:${record.port}` : ""}). Stop it first (Ctrl-C in its terminal, or kill ${record.startPid}).`,
      );
    }
  }
  if (record.webPid && alive(record.webPid) && cwd(record.webPid) === projectDir) {
    await stopPid(record.webPid, "SIGTERM");
    stopped.push(`web server (pid ${record.webPid})`);
  }
  if (
    record.postgresPid &&
    record.postgresDataDir &&
    alive(record.postgresPid) &&
    cmdline(record.postgresPid).includes(record.postgresDataDir)
  ) {
    // SIGINT: fast shutdown, with a checkpoint; the data stays consistent.
    await stopPid(record.postgresPid, "SIGINT");
    stopped.push(`embedded PostgreSQL (pid ${record.postgresPid})`);
  }
  removeRecord(file);
  return stopped;
}
