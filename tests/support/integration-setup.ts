// Vitest global setup for integration tests: a real PostgreSQL (DATABASE_URL's
// server when set, otherwise the embedded one), a fresh database for this run
// with the migrations applied, dropped afterwards.
import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { createDatabaseIfMissing, dropDatabase, migrate, openServer } from "../../scripts/lib/database";
import { projectDir } from "../../scripts/lib/project";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    /** URL template for extra databases a test creates itself: replace DBNAME. */
    serverUrlTemplate: string;
    adminDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  const external = process.env.DATABASE_URL;
  const server = await openServer({ projectDir, name: "postgres-test", port: Number(process.env.TEST_EMBEDDED_PG_PORT ?? 54331), databaseUrl: external });
  const adminDatabase = external ? new URL(external).pathname.slice(1) || "postgres" : "postgres";
  const name = `usd1_it_${randomBytes(4).toString("hex")}`;
  await createDatabaseIfMissing(server, name, adminDatabase);
  const databaseUrl = server.url(name);
  migrate(projectDir, databaseUrl);
  project.provide("databaseUrl", databaseUrl);
  project.provide("serverUrlTemplate", server.url("DBNAME"));
  project.provide("adminDatabase", adminDatabase);
  return async () => {
    await dropDatabase(server, name, adminDatabase);
    await server.stop();
  };
}
