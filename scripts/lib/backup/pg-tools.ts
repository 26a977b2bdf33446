// pg_dump / pg_restore, used when one whose major version is at least the
// server's is on PATH (pg_dump refuses to dump a newer server, and an older
// pg_restore may not understand what a newer server needs). Custom format
// (-Fc): compressed, restorable table by table, the format DBAs expect.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

import { BackupError } from "./archive";

export interface PgTool {
  path: string;
  major: number;
  version: string;
}

/** The tool on PATH (or in $PG_BINDIR), with its version; undefined when absent. */
export function findPgTool(name: "pg_dump" | "pg_restore"): PgTool | undefined {
  const bin = process.env.PG_BINDIR ? `${process.env.PG_BINDIR}/${name}` : name;
  const run = spawnSync(bin, ["--version"], { encoding: "utf8" });
  if (run.status !== 0) return undefined;
  const m = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(run.stdout);
  if (!m) return undefined;
  return { path: bin, major: Number(m[1]), version: `${m[1]}${m[2] ? `.${m[2]}` : ""}` };
}

/** Why the built-in path is used instead, or undefined when the tool fits the server. */
export function pgToolProblem(tool: PgTool | undefined, name: string, serverMajor: number): string | undefined {
  if (!tool) return `${name} is not installed`;
  if (tool.major < serverMajor) return `${name} ${tool.version} is older than the server (PostgreSQL ${serverMajor})`;
  return undefined;
}

/**
 * libpq takes the URL as --dbname; the password goes in the environment so it
 * never shows in the process list, and Prisma's ?schema= is dropped (libpq rejects it).
 */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = "";
  u.search = "";
  return { dbname: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

function run(tool: PgTool, args: string[], url: string, what: string): void {
  const { dbname, env } = connection(url);
  const result = spawnSync(tool.path, [...args, `--dbname=${dbname}`], { env, encoding: "utf8", stdio: ["ignore", "inherit", "pipe"] });
  if (result.status !== 0) {
    throw new BackupError(
      `${what} failed (${tool.path} ${tool.version}, exit ${result.status ?? result.signal}):\n${(result.stderr ?? "").trim()}`,
    );
  }
  if (result.stderr?.trim()) process.stderr.write(result.stderr);
}

export function pgDump(tool: PgTool, url: string, file: string): void {
  if (fs.existsSync(file)) throw new BackupError(`${file} exists already; choose another name or remove it first.`);
  const partial = `${file}.partial-${process.pid}`;
  try {
    run(tool, ["--format=custom", "--file", partial], url, "pg_dump");
    fs.chmodSync(partial, 0o600);
    fs.renameSync(partial, file);
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

export function pgRestore(tool: PgTool, url: string, file: string): void {
  // One transaction: a failure leaves the target as it was.
  run(tool, ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error", file], url, "pg_restore");
}

/** What kind of backup a file holds, from its first bytes. */
export function archiveKind(file: string): "pg_dump" | "builtin" | "unknown" {
  const fd = fs.openSync(file, "r");
  try {
    const head = Buffer.alloc(5);
    const n = fs.readSync(fd, head, 0, 5, 0);
    if (n === 5 && head.toString("latin1") === "PGDMP") return "pg_dump";
    if (n >= 2 && head[0] === 0x1f && head[1] === 0x8b) return "builtin";
    return "unknown";
  } finally {
    fs.closeSync(fd);
  }
}
