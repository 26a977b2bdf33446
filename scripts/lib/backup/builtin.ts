// The built-in logical backup, used when no pg_dump new enough for the server
// is installed (the embedded PostgreSQL 18 ships none; Debian's pg_dump 15
// refuses a newer server). Every table of the product's schema is copied out
// as CSV inside one REPEATABLE READ snapshot (consistent across tables), and
// copied back in foreign-key order inside one transaction: a restore either
// completes, with row counts checked against the manifest, or leaves nothing.
import fs from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";

import { ArchiveReader, ArchiveWriter, BackupError, FORMAT_VERSION, type Manifest } from "./archive";
import {
  appliedMigrations,
  loadOrder,
  MIGRATIONS_TABLE,
  nonEmptyTables,
  ownedSequences,
  productSchema,
  productTables,
  qualified,
  quoteIdent,
  respectsForeignKeys,
  rowCount,
  serverVersion,
  setPortableSession,
  type TableCount,
} from "./catalog";

export interface BackupSummary {
  file: string;
  bytes: number;
  serverVersion: string;
  migrations: string[];
  tables: TableCount[];
}

export interface RestoreSummary {
  serverVersion: string;
  backupServerVersion: string;
  backupCreatedAt: string;
  migrations: string[];
  tables: TableCount[];
  /** Rows the target held before a --force restore replaced them. */
  replaced: TableCount[];
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await setPortableSession(client);
  return client;
}

const columnList = (columns: string[]) => columns.map(quoteIdent).join(", ");

export async function backupBuiltin(url: string, file: string): Promise<BackupSummary> {
  if (fs.existsSync(file)) throw new BackupError(`${file} exists already; choose another name or remove it first.`);
  const client = await connect(url);
  // Written under a temporary name: an interrupted backup never looks like a complete one.
  const partial = `${file}.partial-${process.pid}`;
  const writer = new ArchiveWriter(partial);
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const schema = await productSchema(client, url);
    const tables = await productTables(client, schema);
    const order = loadOrder(tables);
    if (!order)
      throw new BackupError(
        "The tables' foreign keys form a cycle; the built-in backup cannot order them. Install pg_dump and pg_restore of the server's version.",
      );
    const version = await serverVersion(client);
    const counts = new Map<string, number>();
    for (const name of order) counts.set(name, await rowCount(client, schema, name));
    const sequences = [];
    for (const s of await ownedSequences(client, schema)) {
      const state = await client.query<{ last_value: string; is_called: boolean }>(
        `SELECT last_value::text, is_called FROM ${qualified(schema, s.sequence)}`,
      );
      sequences.push({ ...s, lastValue: state.rows[0]!.last_value, isCalled: state.rows[0]!.is_called });
    }
    const manifest: Manifest = {
      format: "usd1-backed logical backup",
      formatVersion: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      serverVersion: version.text,
      schema,
      encoding: "csv",
      migrations: await appliedMigrations(client, schema),
      tables: order.map((name) => ({ name, columns: tables.find((t) => t.name === name)!.columns, rows: counts.get(name)! })),
      sequences,
    };
    await writer.start(manifest);
    for (const table of manifest.tables) {
      const copy = client.query(copyTo(`COPY ${qualified(schema, table.name)} (${columnList(table.columns)}) TO STDOUT (FORMAT csv)`));
      for await (const chunk of copy) await writer.frame(chunk as Buffer);
      await writer.endTable();
      if (copy.rowCount !== table.rows)
        throw new BackupError(`Table ${table.name}: counted ${table.rows} rows but copied ${copy.rowCount}.`);
    }
    await client.query("COMMIT");
    await writer.close();
    fs.renameSync(partial, file);
    return {
      file,
      bytes: fs.statSync(file).size,
      serverVersion: version.text,
      migrations: manifest.migrations.map((m) => m.name),
      tables: manifest.tables.map(({ name, rows }) => ({ name, rows })),
    };
  } catch (err) {
    writer.abort();
    fs.rmSync(partial, { force: true });
    throw err;
  } finally {
    await client.end();
  }
}

function checkSameSchema(manifest: Manifest, target: { migrations: string[]; tables: { name: string; columns: string[] }[] }): void {
  const theirs = manifest.migrations.map((m) => m.name);
  const unknown = theirs.filter((m) => !target.migrations.includes(m));
  if (unknown.length) {
    throw new BackupError(
      `The backup was made by a newer version of USD1 Backed (migrations unknown here: ${unknown.join(", ")}). ` +
        "Restore it with the version that made it, or a later one.",
    );
  }
  const missing = target.migrations.filter((m) => !theirs.includes(m));
  if (missing.length) {
    throw new BackupError(
      `The backup was made by an older version of USD1 Backed (it lacks the migrations ${missing.join(", ")}). ` +
        `Restore it with the version whose last migration is ${theirs.at(-1) ?? "(none)"}, then start this version: it applies the newer migrations to the restored data.`,
    );
  }
  const describe = (t: { name: string; columns: string[] }) => `${t.name}(${[...t.columns].sort().join(",")})`;
  const a = manifest.tables.map(describe).sort().join(" ");
  const b = target.tables.map(describe).sort().join(" ");
  if (a !== b)
    throw new BackupError(
      "The backup's tables or columns differ from this database's, although their migrations match: the schema was changed by hand. Nothing was restored.",
    );
}

export async function restoreBuiltin(url: string, file: string, opts: { force?: boolean } = {}): Promise<RestoreSummary> {
  const reader = new ArchiveReader(file);
  const client = await connect(url);
  try {
    const manifest = await reader.manifest();
    const schema = await productSchema(client, url);
    const version = await serverVersion(client);
    const tables = await productTables(client, schema);
    const migrations = (await appliedMigrations(client, schema)).map((m) => m.name);
    checkSameSchema(manifest, { migrations, tables });

    await client.query("BEGIN");
    const replaced = await nonEmptyTables(client, schema);
    if (replaced.length && !opts.force) {
      const list = replaced.map((t) => `${t.name}: ${t.rows}`).join(", ");
      throw new BackupError(
        `The target database is not empty (${list} rows). Restore into an empty database, or pass --force to replace everything in it, audit log included.`,
      );
    }
    if (replaced.length) {
      // --force: emptied in this transaction, so a failed restore leaves the data as it
      // was. The audit log's append-only trigger refuses TRUNCATE; it is switched off
      // only here (only the tables' owner may), and on again before the commit.
      const all = tables.map((t) => qualified(schema, t.name));
      for (const t of all) await client.query(`ALTER TABLE ${t} DISABLE TRIGGER USER`);
      await client.query(`TRUNCATE ${all.join(", ")} RESTART IDENTITY`);
      for (const t of all) await client.query(`ALTER TABLE ${t} ENABLE TRIGGER USER`);
    } else {
      // The history migrate wrote is replaced by the backup's (same names, checked above).
      await client.query(`DELETE FROM ${qualified(schema, MIGRATIONS_TABLE)}`);
    }

    const order = manifest.tables.map((t) => t.name);
    if (!respectsForeignKeys(order, tables)) {
      // Only a superuser may skip foreign-key checks while loading; anyone else needs parents first.
      const su = await client.query<{ su: string }>("SELECT current_setting('is_superuser') AS su");
      if (su.rows[0]!.su !== "on")
        throw new BackupError(
          "The backup's table order does not follow this database's foreign keys, and only a superuser could load it regardless.",
        );
      await client.query("SET LOCAL session_replication_role = replica");
    }
    for (const table of manifest.tables) {
      const copy = client.query(copyFrom(`COPY ${qualified(schema, table.name)} (${columnList(table.columns)}) FROM STDIN (FORMAT csv)`));
      await pipeline(Readable.from(reader.table(table.name)), copy);
      if (copy.rowCount !== table.rows)
        throw new BackupError(`Table ${table.name}: the backup lists ${table.rows} rows but ${copy.rowCount} were loaded.`);
    }
    await reader.finish();

    for (const s of manifest.sequences) {
      const max = await client.query<{ max: string | null }>(
        `SELECT max(${quoteIdent(s.column)})::text AS max FROM ${qualified(schema, s.table)}`,
      );
      // Never below the largest id present, or the next insert would collide.
      const behind = max.rows[0]!.max !== null && BigInt(max.rows[0]!.max) > BigInt(s.lastValue);
      await client.query("SELECT setval($1::regclass, $2::bigint, $3)", [
        qualified(schema, s.sequence),
        behind ? max.rows[0]!.max : s.lastValue,
        behind ? true : s.isCalled,
      ]);
    }
    const counts: TableCount[] = [];
    for (const table of manifest.tables) {
      const rows = await rowCount(client, schema, table.name);
      if (rows !== table.rows)
        throw new BackupError(`Table ${table.name}: ${rows} rows after loading, the backup lists ${table.rows}. Nothing was restored.`);
      counts.push({ name: table.name, rows });
    }
    await client.query("COMMIT");
    return {
      serverVersion: version.text,
      backupServerVersion: manifest.serverVersion,
      backupCreatedAt: manifest.createdAt,
      migrations: manifest.migrations.map((m) => m.name),
      tables: counts,
      replaced,
    };
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    reader.close();
    await client.end();
  }
}
