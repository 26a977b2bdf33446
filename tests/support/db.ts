// Helpers for integration tests: a Prisma client on the run's database, raw
// SQL for what must be refused by the database itself, and factories.
import { randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";

import { PrismaClient } from "@/lib/generated/prisma/client";

export function testPrisma(): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: inject("databaseUrl"), max: 4 }) });
}

export async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  try {
    return await client.query<T>(text, values);
  } finally {
    await client.end();
  }
}

/** A unique suffix so tests sharing the run's database never collide. */
export const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString("hex")}`;

export async function makeIssuer(prisma: PrismaClient, overrides: Partial<{ slug: string; name: string }> = {}) {
  const slug = overrides.slug ?? unique("issuer");
  return prisma.issuer.create({
    data: {
      slug,
      name: overrides.name ?? `Test issuer ${slug}`,
      backingModel: "fiat_reserve",
      declaredCadence: "monthly",
    },
  });
}

export async function makeAttestation(prisma: PrismaClient, issuerId: string, asOf = "2025-01-31") {
  return prisma.attestation.create({
    data: {
      issuerId,
      asOf: new Date(`${asOf}T00:00:00Z`),
      reportType: "attestation",
      tokensOutstanding: "1000000",
      tokensPrecision: "exact",
      totalReserves: "1010000",
      reservesPrecision: "exact",
    },
  });
}

/** A database of its own for a test that needs an empty one: migrated, dropped afterwards. */
export async function withFreshDatabase(fn: (url: string) => Promise<void>): Promise<void> {
  const fresh = await freshDatabase();
  try {
    await fn(fresh.url);
  } finally {
    await fresh.drop();
  }
}

/** The same for a whole file (create in beforeAll, drop in afterAll). */
export async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const { spawnSync } = await import("node:child_process");
  const path = await import("node:path");
  const name = `usd1_t_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: inject("serverUrlTemplate").replace("DBNAME", inject("adminDatabase")) });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = inject("serverUrlTemplate").replace("DBNAME", name);
  const drop = async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  };
  const root = path.resolve(__dirname, "..", "..");
  const run = spawnSync(process.execPath, [path.join(root, "node_modules", "prisma", "build", "index.js"), "migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  if (run.status !== 0) {
    await drop();
    throw new Error(`migrate deploy failed: ${run.stderr}`);
  }
  return { url, drop };
}

/**
 * A file on a database of its own (made in beforeAll, dropped in afterAll) with a
 * client on it: `const db = freshDatabaseForFile();` then `db.prisma` inside the tests.
 */
export function freshDatabaseForFile(): { readonly prisma: PrismaClient; readonly url: string } {
  let fresh: Awaited<ReturnType<typeof freshDatabase>> | undefined;
  let prisma: PrismaClient | undefined;
  beforeAll(async () => {
    fresh = await freshDatabase();
    prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: fresh.url, max: 4 }) });
  }, 120_000);
  afterAll(async () => {
    await prisma?.$disconnect();
    await fresh?.drop();
  });
  return {
    get prisma() {
      if (!prisma) throw new Error("freshDatabaseForFile: the database is made in beforeAll");
      return prisma;
    },
    get url() {
      if (!fresh) throw new Error("freshDatabaseForFile: the database is made in beforeAll");
      return fresh.url;
    },
  };
}
