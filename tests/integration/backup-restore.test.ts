// Backup and restore (npm run db:backup / db:restore): a backup restored into
// an empty database gives the same data, table by table and row by row (audit
// log, revisions and migration history included); a database holding data, a
// damaged file and a backup from another schema are refused with nothing changed.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";

import { loadDataset } from "@/lib/server/commands/load-dataset";
import { demoDataset } from "@/prisma/seed/demo";

import { backupBuiltin, restoreBuiltin } from "../../scripts/lib/backup/builtin";
import { findPgTool } from "../../scripts/lib/backup/pg-tools";
import { prismaFor } from "../../scripts/lib/seed";
import { withFreshDatabase } from "../support/db";
import { fillAlertTables, fillLiveTables } from "../support/live-fill";

const root = path.resolve(__dirname, "..", "..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "usd1-backup-test-"));
let n = 0;
const backupFile = (ext = "usd1") => path.join(dir, `backup-${++n}.${ext}`);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The demo data set plus an editor, an invite, a sign-in attempt and an audit entry naming the editor and a reader suggestion: every table gets rows. */
async function fill(url: string): Promise<void> {
  const prisma = prismaFor(url);
  try {
    expect((await loadDataset(prisma, demoDataset(), "backup test")).ok).toBe(true);
    const user = await prisma.user.create({ data: { email: "editor@example.org", displayName: "Backup Editor", role: "admin" } });
    await prisma.invite.create({
      data: { tokenHash: "a".repeat(64), email: "new@example.org", createdById: user.id, expiresAt: new Date(Date.now() + 86_400_000) },
    });
    await prisma.signInAttempt.create({ data: { email: "editor@example.org", ip: "127.0.0.1", outcome: "succeeded" } });
    await prisma.formStamp.create({ data: { hash: "c".repeat(64), expiresAt: new Date(Date.now() + 3_600_000) } });
    const issuer = await prisma.issuer.findFirstOrThrow({ orderBy: { slug: "asc" } });
    await fillLiveTables(prisma, issuer.id);
    await fillAlertTables(prisma, issuer.id);
    await prisma.issuerReview.create({ data: { issuerId: issuer.id, reviewerId: user.id, note: 'checked, "quoted"\nsecond line' } });
    await prisma.licence.create({
      data: {
        issuerId: issuer.id,
        regulator: 'Régulateur, "quoted"\nsecond line',
        licence: "EMI",
        jurisdiction: "FR",
        since: new Date("2021-04-01"),
      },
    });
    await prisma.correctionSuggestion.create({
      data: {
        issuerId: issuer.id,
        field: "other",
        figure: "<b>figure</b>",
        proposedValue: "≈ 1 €",
        sourceUrl: "https://example.org/s",
        snapshot: { report: null },
        followTokenHash: "b".repeat(64),
        decidedById: user.id,
      },
    });
    await prisma.auditEntry.create({
      data: {
        actorId: user.id,
        actorLabel: user.displayName,
        action: "update",
        entityType: "issuer",
        entityId: issuer.id,
        before: { name: "a, b" },
        after: { note: 'ünïcode ≥ 1 €, "quotes"\n' },
      },
    });
  } finally {
    await prisma.$disconnect();
  }
}

/** Every table of the database, each as its rows in JSON, sorted: equal snapshots mean the same data. */
async function snapshot(url: string): Promise<Record<string, string[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      "SELECT c.relname::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1",
    );
    const out: Record<string, string[]> = {};
    for (const { name } of tables.rows) {
      const rows = await client.query<{ r: string }>(`SELECT to_jsonb(t)::text AS r FROM "${name}" t`);
      out[name] = rows.rows.map((r) => r.r).sort();
    }
    return out;
  } finally {
    await client.end();
  }
}

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

function command(script: "db-backup" | "db-restore", args: string[], databaseUrl: string) {
  return spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", `${script}.ts`), ...args],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      encoding: "utf8",
    },
  );
}

// Each test makes two databases and loads the demo set: slower than the 30 s default on a busy server.
describe("backup and restore", { timeout: 120_000 }, () => {
  it("restores a built-in backup into an empty database as the same data, row by row, with sequences that continue after it", async () => {
    await withFreshDatabase(async (source) => {
      await fill(source);
      const before = await snapshot(source);
      for (const [table, rows] of Object.entries(before)) expect(rows.length, table).toBeGreaterThan(0);
      expect(before.audit_entry!.length).toBeGreaterThan(20);
      expect(before.attestation_revision!.length).toBe(3);

      const file = backupFile();
      const backup = command("db-backup", ["--builtin", file], source);
      expect(backup.stderr).toBe("");
      expect(backup.status).toBe(0);
      expect(backup.stdout).toMatch(/built-in logical backup/);
      expect(backup.stdout).toMatch(/wrote .*built-in format/);
      expect(fs.statSync(file).mode & 0o077).toBe(0);

      await withFreshDatabase(async (target) => {
        const restore = command("db-restore", [file], target);
        expect(restore.status, restore.stderr).toBe(0);
        expect(restore.stdout).toMatch(/row counts match the manifest/);
        expect(await snapshot(target)).toEqual(before);

        // The audit log's id comes from a sequence: the next entry follows the restored ones.
        const [last] = await query<{ id: string }>(target, "SELECT max(id)::text AS id FROM audit_entry");
        const [next] = await query<{ id: string }>(
          target,
          "INSERT INTO audit_entry (actor_label, action, entity_type, entity_id) VALUES ('test', 'create', 'issuer', 'x') RETURNING id::text",
        );
        expect(BigInt(next!.id)).toBe(BigInt(last!.id) + 1n);
      });
    });
  });

  it("refuses a database that holds data and changes nothing in it; --force replaces its data, audit log included", async () => {
    await withFreshDatabase(async (source) => {
      await fill(source);
      const file = backupFile();
      await backupBuiltin(source, file);
      const original = await snapshot(source);
      await query(source, "INSERT INTO sign_in_attempt (email, outcome) VALUES ('later@example.org', 'failed')");
      const changed = await snapshot(source);

      await expect(restoreBuiltin(source, file)).rejects.toThrow(/not empty \(.*issuer: 7.*\).*--force/);
      expect(await snapshot(source)).toEqual(changed);

      const refused = command("db-restore", [file], source);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(/restore failed: The target database is not empty/);

      const forced = await restoreBuiltin(source, file, { force: true });
      expect(forced.replaced.find((t) => t.name === "audit_entry")?.rows).toBe(original.audit_entry!.length);
      expect(await snapshot(source)).toEqual(original);
      // The append-only trigger is on again after the forced restore.
      await expect(query(source, "DELETE FROM audit_entry")).rejects.toThrow(/append-only/);
    });
  });

  it("refuses a truncated or foreign file and leaves the empty database empty", async () => {
    await withFreshDatabase(async (source) => {
      await fill(source);
      const file = backupFile();
      await backupBuiltin(source, file);
      const whole = fs.readFileSync(file);
      const truncated = backupFile();
      fs.writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length * 0.6)));
      const foreign = backupFile("txt");
      fs.writeFileSync(foreign, "issuer,name\nx,y\n");

      await withFreshDatabase(async (target) => {
        const empty = await snapshot(target);
        await expect(restoreBuiltin(target, truncated)).rejects.toThrow(/truncated|damaged/);
        expect(await snapshot(target)).toEqual(empty);
        const refused = command("db-restore", [foreign], target);
        expect(refused.status).toBe(1);
        expect(refused.stderr).toMatch(/neither a pg_dump custom-format archive nor a USD1 Backed backup/);
        expect(await snapshot(target)).toEqual(empty);
      });
    });
  });

  it("refuses a backup whose migrations this version does not know", async () => {
    await withFreshDatabase(async (source) => {
      await fill(source);
      await query(
        source,
        "INSERT INTO _prisma_migrations (id, checksum, migration_name, finished_at, applied_steps_count) VALUES ('future', 'x', '29991231000000_future', now(), 1)",
      );
      const file = backupFile();
      await backupBuiltin(source, file);
      await withFreshDatabase(async (target) => {
        await expect(restoreBuiltin(target, file)).rejects.toThrow(
          /newer version of USD1 Backed \(migrations unknown here: 29991231000000_future\)/,
        );
        expect((await query<{ n: string }>(target, "SELECT count(*)::text AS n FROM issuer"))[0]!.n).toBe("0");
      });
    });
  });

  // pg_dump refuses a server newer than itself: this runs when the run's server is
  // old enough for the pg_dump installed (DATABASE_URL at the machine's PostgreSQL 15).
  const dumpMajor = findPgTool("pg_dump")?.major ?? 0;
  it("uses pg_dump and pg_restore when they are at least the server's version", async (ctx) => {
    const [server] = await query<{ v: string }>(inject("databaseUrl"), "SELECT current_setting('server_version_num') AS v");
    if (Math.floor(Number(server!.v) / 10_000) > dumpMajor) ctx.skip();
    await withFreshDatabase(async (source) => {
      await fill(source);
      const before = await snapshot(source);
      const file = backupFile("dump");
      const backup = command("db-backup", [file], source);
      expect(backup.status, backup.stderr).toBe(0);
      expect(backup.stdout).toMatch(/backing up with .*pg_dump .*custom format/);
      expect(fs.readFileSync(file).subarray(0, 5).toString("latin1")).toBe("PGDMP");
      await withFreshDatabase(async (target) => {
        const restore = command("db-restore", [file], target);
        expect(restore.status, restore.stderr).toBe(0);
        expect(await snapshot(target)).toEqual(before);
        expect(command("db-restore", [file], target).stderr).toMatch(/not empty/);
      });
    });
  });
});
