import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";

const root = path.resolve(__dirname, "..", "..");
const prismaCli = path.join(root, "node_modules", "prisma", "build", "index.js");

function prisma(args: string[], databaseUrl: string) {
  return spawnSync(process.execPath, [prismaCli, ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
}

async function withDatabase(fn: (url: string) => Promise<void>) {
  const name = `usd1_mig_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: inject("serverUrlTemplate").replace("DBNAME", inject("adminDatabase")) });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  try {
    await fn(inject("serverUrlTemplate").replace("DBNAME", name));
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

describe("migrations", () => {
  it("apply to an empty database and leave no drift from schema.prisma", async () => {
    await withDatabase(async (url) => {
      const deploy = prisma(["migrate", "deploy"], url);
      expect(deploy.status, deploy.stderr).toBe(0);
      expect(deploy.stdout).toMatch(/successfully applied/);

      const diff = prisma(
        ["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
        url,
      );
      expect(diff.status, diff.stderr).toBe(0);
      // Prisma prints this exact line when the migrations produce the schema.
      expect(diff.stdout.replace(/^Loaded Prisma config.*$/m, "").trim()).toBe("-- This is an empty migration.");
    });
  });

  it("report drift when schema.prisma gains a column no migration creates", async () => {
    // Proves the check above can fail: the same diff against an edited schema is not empty.
    const edited = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "usd1-drift-")), "schema.prisma");
    const schema = fs.readFileSync(path.join(root, "prisma", "schema.prisma"), "utf8");
    fs.writeFileSync(edited, schema.replace(/(model Issuer \{\n)/, '$1  driftProbe Int? @map("drift_probe")\n'));
    await withDatabase(async (url) => {
      const diff = prisma(["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", edited, "--script"], url);
      expect(diff.status, diff.stderr).toBe(0);
      expect(diff.stdout).toMatch(/ALTER TABLE "issuer" ADD COLUMN\s+"drift_probe" INTEGER/);
    });
  });
});
