// Public pages from a real streaming replica (tests/support/pg-replica.ts: initdb primary,
// pg_basebackup -R, hot standby), the editor area and every write on the primary.
// - A publish waits for the replica to replay it before expiring cache tags, so the first
//   public request after the editor's save already shows the report.
// - With replay paused (a replica far behind), the editor's page shows the new report at
//   once (primary); the public page does not (the replica has not got it); the save still
//   answers after REPLICA_WAIT_MS and says so in the log; once replay resumes, the tags are
//   expired again and the public page shows it without another publish.
// - /api/health reports the replica's lag in bytes and seconds.
// - The standby stopped: public pages are read from the primary, health says "down".
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createClusterDatabase, ensureBuild, page, sqlOn, startInstance, type Instance } from "../support/cluster";
import { startReplicaPair, type ReplicaPair } from "../support/pg-replica";
import { publishReport, staffSession } from "../support/scale-editor";

const ISSUER = "northwind-dollar";
const ISSUER_PAGE = `/en/issuers/${ISSUER}`;
const WAIT_MS = 1_500;

let pair: ReplicaPair | undefined;
let app: Instance | undefined;
let dbName = "";
let editor = "";

interface Health {
  replica: { state: string; lagBytes?: number; lagSeconds?: number };
}
const health = async (): Promise<Health> => JSON.parse((await page(`${app!.url}/api/health`)).body) as Health;

beforeAll(async () => {
  pair = await startReplicaPair(async (adminUrl) => {
    dbName = (await createClusterDatabase(adminUrl, { prefix: "usd1_replica" })).name;
  });
  const primaryUrl = pair.primary.url(dbName);
  ensureBuild(primaryUrl);
  app = await startInstance({
    name: "replica-reader",
    env: { DATABASE_URL: primaryUrl, DATABASE_REPLICA_URL: pair.standby.url(dbName), REPLICA_WAIT_MS: String(WAIT_MS) },
  });
  editor = await staffSession(primaryUrl, "editor");
}, 900_000);

afterAll(async () => {
  await app?.stop();
  await pair?.stop();
}, 60_000);

describe("reads from a streaming replica", { timeout: 120_000 }, () => {
  it("serves public pages from the standby and reports its lag", async () => {
    const standby = pair!.standby.url(dbName);
    expect((await sqlOn(standby, "SELECT pg_is_in_recovery() AS r")).rows[0].r).toBe(true);
    const before = Number(
      (await sqlOn(standby, "SELECT sum(xact_commit + xact_rollback)::bigint AS n FROM pg_stat_database WHERE datname = $1", [dbName]))
        .rows[0].n,
    );
    await sqlOn(pair!.primary.url(dbName), "SELECT 1"); // nothing read on the standby by this
    const res = await page(`${app!.url}/en/issuers/contoso-cash`);
    expect(res.status).toBe(200);
    const after = Number(
      (await sqlOn(standby, "SELECT sum(xact_commit + xact_rollback)::bigint AS n FROM pg_stat_database WHERE datname = $1", [dbName]))
        .rows[0].n,
    );
    expect(after - before, "the page's queries ran on the standby").toBeGreaterThan(1);
    const h = await health();
    expect(h.replica).toMatchObject({ state: "up", lagBytes: expect.any(Number), lagSeconds: expect.any(Number) });
  });

  it("a publish is on the replica-backed public page with the first request after the save", async () => {
    const firm = `Replica Assurance ${randomBytes(3).toString("hex")}`;
    expect((await page(app!.url + ISSUER_PAGE)).body).not.toContain(firm);
    await publishReport(app!, editor, ISSUER, firm);
    const res = await page(app!.url + ISSUER_PAGE);
    expect(res.body, "the render after the publish read a replica that had replayed it").toContain(firm);
  });

  it("with replay paused: the editor sees the report at once (primary), the public page once the replica replays it", async () => {
    const standby = pair!.standby.url(dbName);
    await sqlOn(standby, "SELECT pg_wal_replay_pause()");
    try {
      const firm = `Lagging Assurance ${randomBytes(3).toString("hex")}`;
      const t0 = Date.now();
      const report = await publishReport(app!, editor, ISSUER, firm);
      expect(Date.now() - t0, "the save waited for the replica, bounded").toBeGreaterThanOrEqual(WAIT_MS);
      expect(app!.output()).toMatch(/\[replica\] publish attestation: the replica had not replayed/);

      const editorPage = await page(`${app!.url}/editor/attestations/${report.id}`, { headers: { cookie: editor } });
      expect(editorPage.status).toBe(200);
      expect(editorPage.body, "the editor's page reads the primary").toContain(firm);
      const publicPage = await page(app!.url + ISSUER_PAGE);
      expect(publicPage.body, "the replica has not replayed it yet").not.toContain(firm);
      const lagging = await health();
      expect(lagging.replica.state).toBe("up");
      expect(lagging.replica.lagBytes!, "lag in bytes while paused").toBeGreaterThan(0);

      await sqlOn(standby, "SELECT pg_wal_replay_resume()");
      const deadline = Date.now() + 10_000;
      let body = "";
      while (Date.now() < deadline) {
        body = (await page(app!.url + ISSUER_PAGE)).body;
        if (body.includes(firm)) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(body, "shown once replayed, without another publish").toContain(firm);
      expect(app!.output()).toMatch(/\[replica\] publish attestation: replayed .*; cache tags expired again/);
    } finally {
      await sqlOn(standby, "SELECT pg_wal_replay_resume()").catch(() => undefined);
    }
    const caughtUp = await health();
    expect(caughtUp.replica).toMatchObject({ state: "up" });
  });

  it("with the standby stopped, public pages are read from the primary and /api/health says the replica is down", async () => {
    await pair!.standby.stop();
    await new Promise((r) => setTimeout(r, 3_000)); // the replica is probed every 2 s
    const res = await page(`${app!.url}/es/issuers/${ISSUER}`); // never rendered before: from the database
    expect(res.status).toBe(200);
    expect(res.body).toMatch(/Northwind Dollar/);
    const h = await page(`${app!.url}/api/health`);
    expect(h.status, "still serving: healthy for the load balancer").toBe(200);
    expect((JSON.parse(h.body) as Health).replica.state).toBe("down");
    expect(app!.output()).toMatch(/\[replica\] unreachable .*public reads go to the primary/);
  });
});
