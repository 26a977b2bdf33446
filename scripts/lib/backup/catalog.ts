// What a backup covers, read from PostgreSQL's catalog rather than listed by
// hand, so a table added by a later migration is backed up without touching
// this code: every table of the schema that holds _prisma_migrations (the
// Prisma models' tables and the migration history), their foreign keys,
// and the sequences of their serial/identity columns.
import type pg from "pg";

import { BackupError } from "./archive";

export const MIGRATIONS_TABLE = "_prisma_migrations";

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
export const qualified = (schema: string, table: string) => `${quoteIdent(schema)}.${quoteIdent(table)}`;

/**
 * Settings that make COPY's text output read back identically on any server:
 * the same ones pg_dump sets (ISO dates, UTC, exact floats).
 */
export async function setPortableSession(client: pg.Client): Promise<void> {
  await client.query(
    "SET client_encoding = 'UTF8'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres'; " +
      "SET TimeZone = 'UTC'; SET extra_float_digits = 3; SET bytea_output = 'hex'",
  );
}

/** The product's schema: `?schema=` in the URL (Prisma's convention), else the one schema holding the migration history; undefined before any migration. */
export async function findProductSchema(client: pg.Client, url: string): Promise<string | undefined> {
  const fromUrl = new URL(url).searchParams.get("schema");
  if (fromUrl) return fromUrl;
  const found = await client.query<{ schema: string }>(
    "SELECT n.nspname::text AS schema FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = $1 AND c.relkind = 'r'",
    [MIGRATIONS_TABLE],
  );
  if (found.rows.length > 1) {
    throw new BackupError(
      `Several schemas hold a migration history (${found.rows.map((r) => r.schema).join(", ")}); add ?schema=<name> to the database URL to say which one.`,
    );
  }
  return found.rows[0]?.schema;
}

export async function productSchema(client: pg.Client, url: string): Promise<string> {
  const schema = await findProductSchema(client, url);
  if (!schema)
    throw new BackupError(
      "This database has no migration history (_prisma_migrations): it is not a USD1 Backed database, or it was never migrated.",
    );
  return schema;
}

export interface TableInfo {
  name: string;
  /** Columns COPY can write (generated columns are computed again on load). */
  columns: string[];
  /** Tables this one's foreign keys point to (itself excluded). */
  parents: string[];
}

export async function productTables(client: pg.Client, schema: string): Promise<TableInfo[]> {
  const tables = await client.query<{ name: string }>(
    `SELECT c.relname::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.relname`,
    [schema],
  );
  const columns = await client.query<{ table: string; column: string }>(
    `SELECT c.relname::text AS table, a.attname::text AS column FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      ORDER BY c.relname, a.attnum`,
    [schema],
  );
  const keys = await client.query<{ child: string; parent: string }>(
    `SELECT c.relname::text AS child, p.relname::text AS parent FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE k.contype = 'f' AND n.nspname = $1`,
    [schema],
  );
  return tables.rows.map(({ name }) => ({
    name,
    columns: columns.rows.filter((c) => c.table === name).map((c) => c.column),
    parents: [...new Set(keys.rows.filter((k) => k.child === name && k.parent !== name).map((k) => k.parent))].sort(),
  }));
}

/**
 * Parents before children. A self-reference needs no order: a foreign key that
 * is not deferred is checked at the end of each COPY statement. Returns null
 * when the foreign keys form a cycle between tables.
 */
export function loadOrder(tables: TableInfo[]): string[] | null {
  const names = new Set(tables.map((t) => t.name));
  const placed = new Set<string>();
  const order: string[] = [];
  while (order.length < tables.length) {
    const ready = tables.filter((t) => !placed.has(t.name) && t.parents.every((p) => placed.has(p) || !names.has(p)));
    if (ready.length === 0) return null;
    for (const t of ready) {
      placed.add(t.name);
      order.push(t.name);
    }
  }
  return order;
}

/** True when every table of `order` comes after the tables it points to. */
export function respectsForeignKeys(order: string[], tables: TableInfo[]): boolean {
  const position = new Map(order.map((name, i) => [name, i]));
  return tables.every((t) => t.parents.every((p) => (position.get(p) ?? -1) < (position.get(t.name) ?? -1)));
}

export interface OwnedSequence {
  table: string;
  column: string;
  sequence: string;
}

/** Sequences behind serial ('a'uto dependency) and identity ('i'nternal) columns. */
export async function ownedSequences(client: pg.Client, schema: string): Promise<OwnedSequence[]> {
  const found = await client.query<OwnedSequence>(
    `SELECT t.relname::text AS table, a.attname::text AS column, s.relname::text AS sequence
       FROM pg_class s
       JOIN pg_namespace n ON n.oid = s.relnamespace
       JOIN pg_depend d ON d.objid = s.oid AND d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
       JOIN pg_class t ON t.oid = d.refobjid
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
      WHERE s.relkind = 'S' AND n.nspname = $1
      ORDER BY t.relname, a.attname`,
    [schema],
  );
  return found.rows;
}

export async function appliedMigrations(client: pg.Client, schema: string): Promise<{ name: string; checksum: string }[]> {
  const found = await client.query<{ name: string; checksum: string }>(
    `SELECT migration_name AS name, checksum FROM ${qualified(schema, MIGRATIONS_TABLE)}
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return found.rows;
}

export interface TableCount {
  name: string;
  rows: number;
}

/** Tables holding rows, the migration history aside (migrating an empty database fills it). */
export async function nonEmptyTables(client: pg.Client, schema: string): Promise<TableCount[]> {
  const found: TableCount[] = [];
  for (const { name } of await productTables(client, schema)) {
    if (name === MIGRATIONS_TABLE) continue;
    const rows = await rowCount(client, schema, name);
    if (rows > 0) found.push({ name, rows });
  }
  return found;
}

export async function rowCount(client: pg.Client, schema: string, table: string): Promise<number> {
  const found = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${qualified(schema, table)}`);
  return Number(found.rows[0]!.n);
}

export async function serverVersion(client: pg.Client): Promise<{ text: string; major: number }> {
  const found = await client.query<{ text: string; num: string }>(
    "SELECT current_setting('server_version') AS text, current_setting('server_version_num') AS num",
  );
  const row = found.rows[0]!;
  return { text: row.text, major: Math.floor(Number(row.num) / 10_000) };
}
