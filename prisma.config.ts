// Prisma CLI configuration: WebAssembly schema engine through the `pg` driver
// adapter, so generate and migrate never download a native binary (docs/stack.md,
// "Prisma without native binaries"). Each workaround below names the trap it avoids.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { defineConfig } from "prisma/config";

// With a config file the CLI does not read .env itself.
if (existsSync(".env")) process.loadEnvFile(".env");

// `prisma generate` still wants DATABASE_URL to exist, or it tries to fetch an engine.
if (!process.env.DATABASE_URL && process.argv.includes("generate")) {
  process.env.DATABASE_URL = "postgresql://placeholder@127.0.0.1:1/placeholder";
}

// The WebAssembly engine leaves 10 s / 60 s timers pending; unref them so each
// CLI command exits as soon as its work is done instead of lingering.
const originalSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = ((handler: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
  const timer = originalSetTimeout(handler, ms, ...args);
  if ((ms ?? 0) >= 5_000) timer.unref?.();
  return timer;
}) as typeof setTimeout;

// The adapter cannot deserialise catalog columns typed `name` (OID 19) and
// `"char"` (OID 18), which the schema engine reads: report them as text (25).
// pg-pool calls query(config, values, callback), so both forms must be patched.
//
// The WebAssembly schema engine also panics ("RuntimeError: unreachable") when
// it describes a database with CHECK constraints (contype "c"), or any table on
// PostgreSQL 18, which lists NOT NULL as constraints too (contype "n"). Prisma
// models neither as constraints (nullability comes from the columns), so the
// CLI's view of the catalog leaves those rows out; the database keeps them.
type FieldList = { name: string; dataTypeID: number }[] | undefined;
type Result = { fields?: FieldList; rows?: unknown[][]; rowCount?: number };
function retype(result: unknown): void {
  const results = Array.isArray(result) ? result : [result];
  for (const r of results as Result[]) {
    const fields = r?.fields ?? [];
    for (const field of fields) {
      if (field.dataTypeID === 19 || field.dataTypeID === 18) field.dataTypeID = 25;
    }
    const typeColumn = fields.findIndex((f) => f.name === "constraint_type");
    if (r?.rows && typeColumn >= 0 && fields.some((f) => f.name === "constraint_definition")) {
      // the adapter asks for rows as arrays (rowMode "array")
      r.rows = r.rows.filter((row) => row[typeColumn] !== "c" && row[typeColumn] !== "n");
      r.rowCount = r.rows.length;
    }
  }
}
class CatalogSafeClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const callbackIndex = args.findIndex((a) => typeof a === "function");
    if (callbackIndex >= 0) {
      const callback = args[callbackIndex] as (err: Error | null, res: unknown) => void;
      args[callbackIndex] = (err: Error | null, res: unknown) => {
        if (!err) retype(res);
        callback(err, res);
      };
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      return (super.query as any)(...args);
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const out = (super.query as any)(...args);
    if (out && typeof out.then === "function") {
      return out.then((res: unknown) => {
        retype(res);
        return res;
      });
    }
    return out;
  }
}

function poolConfig(database?: string): pg.PoolConfig {
  const url = new URL(process.env.DATABASE_URL ?? "");
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: database ?? decodeURIComponent(url.pathname.slice(1)),
    Client: CatalogSafeClient,
    allowExitOnIdle: true,
    max: 4,
  };
}

// The adapter's own shadow database reuses the main database when given a
// connection string, and drops it before closing its pool: do it ourselves.
// The adapter's executeScript splits migrations on every ";" (breaking PL/pgSQL
// bodies and comments) and applies them one by one; send the whole script in
// one simple-protocol query instead, which PostgreSQL runs as one transaction.
type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;
function wholeScripts(adapter: Adapter): Adapter {
  adapter.executeScript = async (script: string) => {
    await adapter.underlyingDriver().query(script);
  };
  return adapter;
}

class MigrationAdapterFactory extends PrismaPg {
  constructor() {
    super(poolConfig());
  }
  override async connect() {
    return wholeScripts(await super.connect());
  }
  override async connectToShadowDb() {
    const name = `prisma_shadow_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ ...poolConfig(), Client: undefined } as pg.ClientConfig);
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const shadowFactory = new PrismaPg(poolConfig(name));
    const adapter = wholeScripts(await shadowFactory.connect());
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      const dropper = new pg.Client({ ...poolConfig(), Client: undefined } as pg.ClientConfig);
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
    };
    return adapter;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => new MigrationAdapterFactory(),
});
