// What the backup and restore commands print: the tables and their rows, so
// the operator sees what was saved or loaded without opening the database.
import pg from "pg";

import { appliedMigrations, findProductSchema, MIGRATIONS_TABLE, productTables, rowCount, serverVersion, type TableCount } from "./catalog";

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

/** "issuer 7, attestation 61, …" with the migration history left out (it is listed apart). */
export function formatCounts(tables: TableCount[]): string {
  const data = tables.filter((t) => t.name !== MIGRATIONS_TABLE);
  const total = data.reduce((sum, t) => sum + t.rows, 0);
  return `${data.length} tables, ${total} rows: ${data.map((t) => `${t.name} ${t.rows}`).join(", ")}`;
}

export interface DatabaseFacts {
  serverVersion: string;
  serverMajor: number;
  /** Undefined before any migration ran. */
  schema?: string;
  tables: TableCount[];
  migrations: string[];
}

export async function databaseFacts(url: string): Promise<DatabaseFacts> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const version = await serverVersion(client);
    const schema = await findProductSchema(client, url);
    const tables: TableCount[] = [];
    if (schema)
      for (const { name } of await productTables(client, schema)) tables.push({ name, rows: await rowCount(client, schema, name) });
    const migrations = schema ? (await appliedMigrations(client, schema)).map((m) => m.name) : [];
    return { serverVersion: version.text, serverMajor: version.major, schema, tables, migrations };
  } finally {
    await client.end();
  }
}
