// `npm run db:restore -- <file> [--force]`
// Restores a backup made by `npm run db:backup` into the database `npm start`
// uses (DATABASE_URL when set). Refuses a database that holds data unless
// --force, which replaces everything in it (audit log included). Either the
// whole backup is restored or nothing is. See docs/operations.md.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";

import { refreshRunningServer, withAppDatabase } from "./lib/app-database";
import { BackupError } from "./lib/backup/archive";
import { restoreBuiltin } from "./lib/backup/builtin";
import { findProductSchema, nonEmptyTables } from "./lib/backup/catalog";
import { archiveKind, findPgTool, pgRestore, pgToolProblem } from "./lib/backup/pg-tools";
import { databaseFacts, formatCounts } from "./lib/backup/report";
import { migrate } from "./lib/database";
import { EmbeddedPostgresError } from "./lib/embedded-postgres";
import { log, projectDir } from "./lib/project";

const USAGE = "usage: npm run db:restore -- <file> [--force]   (--force: replace the data of a database that is not empty)";

async function refuseNonEmpty(url: string, force: boolean): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const schema = await findProductSchema(client, url);
    const filled = schema ? await nonEmptyTables(client, schema) : [];
    if (filled.length && !force) {
      const list = filled.map((t) => `${t.name}: ${t.rows}`).join(", ");
      throw new BackupError(
        `The target database is not empty (${list} rows). Restore into an empty database, or pass --force to replace everything in it, audit log included.`,
      );
    }
    if (filled.length) log(`--force: replacing ${formatCounts(filled)}`);
  } finally {
    await client.end();
  }
}

async function restorePgDump(url: string, file: string, force: boolean): Promise<void> {
  const facts = await databaseFacts(url);
  const tool = findPgTool("pg_restore");
  const problem = pgToolProblem(tool, "pg_restore", facts.serverMajor);
  if (!tool || problem)
    throw new BackupError(`This backup was made by pg_dump; restoring it needs pg_restore ${facts.serverMajor} or later (${problem}).`);
  await refuseNonEmpty(url, force);
  log(`restoring with ${tool.path} ${tool.version} into PostgreSQL ${facts.serverVersion}`);
  pgRestore(tool, url, file);
  // A backup from an older version gets this version's newer migrations now.
  migrate(projectDir, url);
  const after = await databaseFacts(url);
  log(`  ${formatCounts(after.tables)}`);
  log(`  migrations: ${after.migrations.length}, the last ${after.migrations.at(-1) ?? "(none)"}`);
}

async function restoreOwn(url: string, file: string, force: boolean): Promise<void> {
  const summary = await restoreBuiltin(url, file, { force });
  if (summary.replaced.length) log(`--force: replaced ${formatCounts(summary.replaced)}`);
  log(
    `restored a backup of PostgreSQL ${summary.backupServerVersion} made ${summary.backupCreatedAt} into PostgreSQL ${summary.serverVersion}`,
  );
  log(`  ${formatCounts(summary.tables)} (row counts match the manifest)`);
  log(`  migrations: ${summary.migrations.length}, the last ${summary.migrations.at(-1) ?? "(none)"}; sequences reset`);
}

async function main() {
  const { values, positionals } = parseArgs({
    options: { force: { type: "boolean", default: false } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new BackupError(USAGE);
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]!);
  if (!fs.existsSync(file)) throw new BackupError(`${file} does not exist.`);
  const kind = archiveKind(file);
  if (kind === "unknown") throw new BackupError(`${file} is neither a pg_dump custom-format archive nor a USD1 Backed backup.`);
  const t0 = Date.now();
  // pg_restore creates the schema itself and migrations run after it; the built-in
  // restore loads into the schema this version's migrations create.
  await withAppDatabase((url) => (kind === "pg_dump" ? restorePgDump(url, file, values.force) : restoreOwn(url, file, values.force)), {
    migrate: kind === "builtin",
  });
  const refreshed = await refreshRunningServer().catch(() => "not running" as const);
  log(
    `restored ${file} in ${((Date.now() - t0) / 1000).toFixed(1)} s${refreshed === "refreshed" ? "; the running server's cached pages were expired" : ""}`,
  );
}

main().catch((err: unknown) => {
  const known = err instanceof BackupError || err instanceof EmbeddedPostgresError;
  process.stderr.write(
    `\n[usd1-backed] restore failed: ${known ? (err as Error).message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n\n`,
  );
  process.exit(1);
});
