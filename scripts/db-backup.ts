// `npm run db:backup -- <file> [--builtin]`
// Backs up the database `npm start` uses (DATABASE_URL when set). With a
// pg_dump at least as new as the server on PATH: pg_dump's custom format.
// Otherwise (the embedded PostgreSQL 18 ships no pg_dump): the built-in
// logical backup, every table of the product's schema as CSV in one gzip file
// with a manifest. `npm run db:restore` reads either. See docs/operations.md.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import { withAppDatabase } from "./lib/app-database";
import { BackupError } from "./lib/backup/archive";
import { backupBuiltin } from "./lib/backup/builtin";
import { findPgTool, pgDump, pgToolProblem } from "./lib/backup/pg-tools";
import { databaseFacts, formatBytes, formatCounts } from "./lib/backup/report";
import { EmbeddedPostgresError } from "./lib/embedded-postgres";
import { log } from "./lib/project";

const USAGE = "usage: npm run db:backup -- <file> [--builtin]   (--builtin: skip pg_dump even when a suitable one is installed)";

async function main() {
  const { values, positionals } = parseArgs({
    options: { builtin: { type: "boolean", default: false } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new BackupError(USAGE);
  // npm runs scripts from the project folder; a relative name means where the user typed it.
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]!);
  if (fs.existsSync(file)) throw new BackupError(`${file} exists already; choose another name or remove it first.`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const t0 = Date.now();
  // No migration first: the backup captures the database as it is.
  await withAppDatabase(
    async (url) => {
      const facts = await databaseFacts(url);
      if (!facts.schema) throw new BackupError("The database has no USD1 Backed tables yet (no migration history): nothing to back up.");
      const tool = values.builtin ? undefined : findPgTool("pg_dump");
      const problem = values.builtin ? "--builtin given" : pgToolProblem(tool, "pg_dump", facts.serverMajor);
      if (tool && !problem) {
        log(`backing up with ${tool.path} ${tool.version} (custom format) from PostgreSQL ${facts.serverVersion}`);
        pgDump(tool, url, file);
        log(`  ${formatCounts(facts.tables)}`);
        log(`  migrations: ${facts.migrations.length}, the last ${facts.migrations.at(-1) ?? "(none)"}`);
        log(`wrote ${file} (${formatBytes(fs.statSync(file).size)}, pg_dump custom format) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
        return;
      }
      log(`backing up with the built-in logical backup from PostgreSQL ${facts.serverVersion} (${problem})`);
      const summary = await backupBuiltin(url, file);
      log(`  ${formatCounts(summary.tables)}`);
      log(`  migrations: ${summary.migrations.length}, the last ${summary.migrations.at(-1) ?? "(none)"}`);
      log(`wrote ${file} (${formatBytes(summary.bytes)}, built-in format) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    },
    { migrate: false },
  );
}

main().catch((err: unknown) => {
  const known = err instanceof BackupError || err instanceof EmbeddedPostgresError;
  process.stderr.write(
    `\n[usd1-backed] backup failed: ${known ? (err as Error).message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n\n`,
  );
  process.exit(1);
});
