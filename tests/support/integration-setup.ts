// Vitest global setup for integration tests: a real PostgreSQL (DATABASE_URL's
// server when set, otherwise the embedded one), a fresh database for this run
// with the migrations applied, dropped afterwards.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
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

/** A port nobody listens on now: each run gets its own embedded server, so two runs never collide. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export default async function setup(project: TestProject) {
  const external = process.env.DATABASE_URL;
  // Without DATABASE_URL: a throwaway embedded server of this run's own (initdb takes about half a second).
  const runName = `postgres-test-${process.pid}`;
  const server = await openServer({ projectDir, name: runName, port: await freePort(), databaseUrl: external });
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
    if (server.embedded) {
      fs.rmSync(server.embedded.dataDir, { recursive: true, force: true });
      fs.rmSync(`${server.embedded.dataDir}.password`, { force: true });
    }
  };
}
