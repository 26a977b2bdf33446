import "server-only";

// Many rows of one model in one INSERT … SELECT FROM json_populate_recordset:
// the rows travel as one JSON parameter and PostgreSQL casts each value to its
// column's type. For the writes of thousands of rows (the bulk import, its audit
// entries): Prisma 6.19's createMany compiles the whole statement in WebAssembly
// on the event loop, which cost about 2 of every 2.5 s per 1,000 reports and
// held hundreds of MB (bench/import.ts; docs/architecture.md, lib/server/records).
//
// The rows are the very objects createMany takes (the record mappings of
// lib/server/records/report.ts), so there is no second mapping: column names and
// the table come from Prisma's own model of the schema (its @map and @@map).
// What Prisma's client, not the database, supplies is supplied here the same way:
// a cuid for a String @id with @default(cuid()) and the time for @updatedAt.
// tests/integration/insert-many.test.ts checks each row equals createMany's.
import { randomInt } from "node:crypto";

import type { Prisma } from "@/lib/generated/prisma/client";

/** The models written in bulk, with the row type createMany takes for each. */
type BulkRows = {
  Attestation: Prisma.AttestationCreateManyInput;
  CompositionLine: Prisma.CompositionLineCreateManyInput;
  AuditEntry: Prisma.AuditEntryCreateManyInput;
};

type RuntimeField = { name: string; kind: string; type: string; dbName?: string | null };
type RuntimeModel = { dbName?: string | null; fields: RuntimeField[] };

/** Prisma's runtime model of the schema (field → column, model → table). Internal to Prisma: a test holds us to it. */
function modelOf(tx: Prisma.TransactionClient, model: keyof BulkRows): RuntimeModel {
  const runtime = (tx as unknown as { _runtimeDataModel?: { models?: Record<string, RuntimeModel> } })._runtimeDataModel;
  const found = runtime?.models?.[model];
  if (!found) throw new Error(`insertMany: Prisma's runtime data model has no ${model} (did a Prisma upgrade move _runtimeDataModel?)`);
  return found;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Rows per statement: one JSON parameter of a few MB at most. */
const CHUNK = 2_000;

/** Inserts the rows, as createMany would. Every row must name the same fields. */
export async function insertMany<M extends keyof BulkRows>(tx: Prisma.TransactionClient, model: M, rows: BulkRows[M][]): Promise<void> {
  if (rows.length === 0) return;
  const m = modelOf(tx, model);
  const byName = new Map(m.fields.filter((f) => f.kind === "scalar" || f.kind === "enum").map((f) => [f.name, f]));
  const column = (name: string) => {
    const field = byName.get(name);
    if (!field) throw new Error(`insertMany: ${model} has no field ${name}`);
    return field.dbName ?? name;
  };
  const given = Object.keys(rows[0]!);
  const withId = byName.get("id")?.type === "String" && !given.includes("id");
  const withUpdatedAt = byName.has("updatedAt") && !given.includes("updatedAt");
  const givenColumns = given.map(column);
  const idColumn = withId ? column("id") : null;
  const updatedAtColumn = withUpdatedAt ? column("updatedAt") : null;
  const columns = [...givenColumns, ...(idColumn ? [idColumn] : []), ...(updatedAtColumn ? [updatedAtColumn] : [])];
  const table = quote(m.dbName ?? model);
  const list = columns.map(quote).join(", ");
  const now = new Date();
  for (let start = 0; start < rows.length; start += CHUNK) {
    // Keyed by column name, the form json_populate_recordset reads. Decimals and
    // dates serialise as strings (Decimal#toJSON, Date#toJSON) that PostgreSQL casts.
    const json = JSON.stringify(
      rows.slice(start, start + CHUNK).map((row: Record<string, unknown>) => {
        if (Object.keys(row).length !== given.length || !given.every((name) => name in row))
          throw new Error(`insertMany: every ${model} row must name the same fields`);
        const out: Record<string, unknown> = {};
        given.forEach((name, i) => (out[givenColumns[i]!] = row[name]));
        if (idColumn) out[idColumn] = cuid();
        if (updatedAtColumn) out[updatedAtColumn] = now;
        return out;
      }),
    );
    await tx.$executeRawUnsafe(
      `INSERT INTO ${table} (${list}) SELECT ${list} FROM json_populate_recordset(null::${table}, $1::json)`,
      json,
    );
  }
}

// A cuid, as Prisma's @default(cuid()) makes them: "c", the time, a counter, a
// process fingerprint and randomness, in base 36; later ids sort after earlier ones.
let counter = 0;
const base36 = (n: number, width: number) => n.toString(36).padStart(width, "0").slice(-width);
const fingerprint = base36(process.pid, 4);

export function cuid(): string {
  counter = (counter + 1) % 36 ** 4;
  return `c${Date.now().toString(36)}${base36(counter, 4)}${fingerprint}${base36(randomInt(36 ** 4), 4)}${base36(randomInt(36 ** 4), 4)}`;
}
